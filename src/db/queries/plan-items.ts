/** The contents of a revision: focus areas, goals and measures with their cost lines. */
import { and, eq, sql } from 'drizzle-orm';
import { inTurn, type Tx } from '../tx.ts';
import { actualSpend, costLines, focusAreas, goalNationalLinks, goals, measureGoals, measures } from '../schema.ts';
import type { CostLineInput, CreateMeasure, UpdateMeasure } from '../../domain/plan.ts';

// ------------------------------------------------------------------ focus areas and goals

export async function insertFocusArea(tx: Tx, organizationId: string, revisionId: string, input: { title: string; description?: string | null | undefined; position?: number | undefined }): Promise<string> {
  const [row] = await tx
    .insert(focusAreas)
    .values({ organizationId, revisionId, title: input.title, description: input.description ?? null, position: input.position ?? (await nextPosition(tx, 'focus_areas', revisionId)) })
    .returning({ id: focusAreas.id });
  if (!row) throw new Error('insert focus_areas returned no row');
  return row.id;
}

async function nextPosition(tx: Tx, table: 'focus_areas' | 'goals', revisionId: string): Promise<number> {
  const t = table === 'focus_areas' ? focusAreas : goals;
  const [r] = await tx.select({ n: sql<number>`coalesce(max(${t.position}), -1) + 1` }).from(t).where(eq(t.revisionId, revisionId));
  return Number(r?.n ?? 0);
}

export async function updateFocusArea(
  tx: Tx,
  revisionId: string,
  id: string,
  input: { version: number; title?: string | undefined; description?: string | null | undefined; position?: number | undefined },
): Promise<'ok' | 'stale' | 'missing'> {
  const rows = await tx
    .update(focusAreas)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      version: sql`${focusAreas.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(focusAreas.revisionId, revisionId), eq(focusAreas.id, id), eq(focusAreas.version, input.version)))
    .returning({ id: focusAreas.id });
  if (rows.length === 1) return 'ok';
  return (await exists(tx, focusAreas, revisionId, id)) ? 'stale' : 'missing';
}

async function exists(tx: Tx, t: typeof focusAreas | typeof goals | typeof measures, revisionId: string, id: string): Promise<boolean> {
  const rows = await tx.select({ id: t.id }).from(t).where(and(eq(t.revisionId, revisionId), eq(t.id, id))).limit(1);
  return rows.length === 1;
}

export async function deleteRow(tx: Tx, t: typeof focusAreas | typeof goals | typeof measures, revisionId: string, id: string, version: number): Promise<'ok' | 'stale' | 'missing'> {
  const rows = await tx
    .delete(t)
    .where(and(eq(t.revisionId, revisionId), eq(t.id, id), eq(t.version, version)))
    .returning({ id: t.id });
  if (rows.length === 1) return 'ok';
  return (await exists(tx, t, revisionId, id)) ? 'stale' : 'missing';
}

export async function insertGoal(tx: Tx, organizationId: string, revisionId: string, input: { focusAreaId: string; text: string; nationalGoalIds: string[]; position?: number | undefined }): Promise<string> {
  const [row] = await tx
    .insert(goals)
    .values({ organizationId, revisionId, focusAreaId: input.focusAreaId, text: input.text, position: input.position ?? (await nextPosition(tx, 'goals', revisionId)) })
    .returning({ id: goals.id });
  if (!row) throw new Error('insert goals returned no row');
  await setGoalLinks(tx, organizationId, revisionId, row.id, input.nationalGoalIds);
  return row.id;
}

async function setGoalLinks(tx: Tx, organizationId: string, revisionId: string, goalId: string, nationalGoalIds: readonly string[]): Promise<void> {
  await tx.delete(goalNationalLinks).where(eq(goalNationalLinks.goalId, goalId));
  const unique = [...new Set(nationalGoalIds)];
  if (unique.length > 0) await tx.insert(goalNationalLinks).values(unique.map((nationalGoalId) => ({ organizationId, revisionId, goalId, nationalGoalId })));
}

export async function updateGoal(
  tx: Tx,
  organizationId: string,
  revisionId: string,
  id: string,
  input: { version: number; focusAreaId?: string | undefined; text?: string | undefined; nationalGoalIds?: string[] | undefined; position?: number | undefined },
): Promise<'ok' | 'stale' | 'missing'> {
  const rows = await tx
    .update(goals)
    .set({
      ...(input.focusAreaId !== undefined ? { focusAreaId: input.focusAreaId } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      version: sql`${goals.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(goals.revisionId, revisionId), eq(goals.id, id), eq(goals.version, input.version)))
    .returning({ id: goals.id });
  if (rows.length !== 1) return (await exists(tx, goals, revisionId, id)) ? 'stale' : 'missing';
  if (input.nationalGoalIds !== undefined) await setGoalLinks(tx, organizationId, revisionId, id, input.nationalGoalIds);
  return 'ok';
}

// ------------------------------------------------------------------ measures

function lineValues(organizationId: string, revisionId: string, measureId: string, lines: readonly CostLineInput[]) {
  return lines.map((l, position) => ({
    organizationId,
    revisionId,
    measureId,
    kind: l.kind,
    year: l.year,
    amount: l.quantity !== null && l.quantity !== undefined ? null : (l.amount ?? null),
    quantity: l.quantity ?? null,
    unitPrice: l.quantity !== null && l.quantity !== undefined ? (l.unitPrice ?? null) : null,
    note: l.note ?? null,
    saving: l.saving ?? false,
    position,
  }));
}

async function setMeasureChildren(
  tx: Tx,
  organizationId: string,
  revisionId: string,
  measureId: string,
  input: { goalIds?: string[] | undefined; lines?: CostLineInput[] | undefined; actuals?: Array<{ kind: 'invest' | 'drift'; year: number; amount: number }> | undefined },
): Promise<void> {
  if (input.goalIds !== undefined) {
    await tx.delete(measureGoals).where(eq(measureGoals.measureId, measureId));
    const unique = [...new Set(input.goalIds)];
    if (unique.length > 0) await tx.insert(measureGoals).values(unique.map((goalId) => ({ organizationId, revisionId, measureId, goalId })));
  }
  if (input.lines !== undefined) {
    await tx.delete(costLines).where(eq(costLines.measureId, measureId));
    if (input.lines.length > 0) await tx.insert(costLines).values(lineValues(organizationId, revisionId, measureId, input.lines));
  }
  if (input.actuals !== undefined) {
    await tx.delete(actualSpend).where(eq(actualSpend.measureId, measureId));
    if (input.actuals.length > 0) await tx.insert(actualSpend).values(input.actuals.map((a) => ({ organizationId, revisionId, measureId, ...a })));
  }
}

export async function insertMeasure(tx: Tx, organizationId: string, revisionId: string, input: CreateMeasure): Promise<string> {
  const [row] = await tx
    .insert(measures)
    .values({
      organizationId,
      revisionId,
      focusAreaId: input.focusAreaId ?? null,
      number: input.number ?? null,
      title: input.title,
      description: input.description ?? null,
      responsible: input.responsible ?? null,
      result: input.result ?? null,
      status: input.status,
      priority: input.priority,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    })
    .returning({ id: measures.id });
  if (!row) throw new Error('insert measures returned no row');
  await setMeasureChildren(tx, organizationId, revisionId, row.id, input);
  return row.id;
}

export async function updateMeasure(tx: Tx, organizationId: string, revisionId: string, id: string, input: UpdateMeasure): Promise<'ok' | 'stale' | 'missing'> {
  const { version, goalIds, lines, actuals, ...fields } = input;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const rows = await tx
    .update(measures)
    .set({ ...set, version: sql`${measures.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(measures.revisionId, revisionId), eq(measures.id, id), eq(measures.version, version)))
    .returning({ id: measures.id });
  if (rows.length !== 1) return (await exists(tx, measures, revisionId, id)) ? 'stale' : 'missing';
  await setMeasureChildren(tx, organizationId, revisionId, id, { goalIds, lines, actuals });
  return 'ok';
}

/** Ids that belong to the revision, to check references in input (goal ids, focus area ids). */
export async function idsInRevision(tx: Tx, revisionId: string): Promise<{ focusAreas: Set<string>; goals: Set<string> }> {
  const [a, g] = await inTurn(
    () => tx.select({ id: focusAreas.id }).from(focusAreas).where(eq(focusAreas.revisionId, revisionId)),
    () => tx.select({ id: goals.id }).from(goals).where(eq(goals.revisionId, revisionId)),
  );
  return { focusAreas: new Set(a.map((r) => r.id)), goals: new Set(g.map((r) => r.id)) };
}
