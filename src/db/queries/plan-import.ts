/**
 * Applies a parsed action-plan spreadsheet to the organization's plan: finds (or creates) the plan
 * period of the file's years and a draft revision in it (copying an adopted one when needed), then
 * upserts measures by (prosjektnr, tiltak) and replaces their budget lines. Measures that are in the
 * plan but not in the file are kept. Batched: a fixed number of statements per 1 000 rows.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database.ts';
import { bulkInsert, COST_LINE_COLUMNS } from '../bulk.ts';
import { costLines, focusAreas, measures, planPeriods, planRevisions } from '../schema.ts';
import type { PlanTable, PlanTableMeasure } from '../../domain/actionplan-import.ts';
import type { Revision } from '../../domain/plan.ts';
import { lineAmount } from '../../domain/plan-totals.ts';
import { copyRevision, createPlan, loadRevision } from './plan-periods.ts';

const CHUNK = 1000;

/** A measure is found by its number (unique in a revision) or, without a number, by its title. */
const key = (number: string | null, title: string): string => (number ? `#${number.trim()}` : `\u0000${title.trim().toLowerCase()}`);

async function targetRevision(tx: Tx, organizationId: string, years: readonly number[]): Promise<{ periodId: string; revisionId: string }> {
  const startYear = Math.min(...years);
  const endYear = Math.max(...years);
  const [period] = await tx
    .select({ id: planPeriods.id })
    .from(planPeriods)
    .where(and(eq(planPeriods.organizationId, organizationId), eq(planPeriods.startYear, startYear), eq(planPeriods.endYear, endYear)))
    .limit(1);
  if (!period) return createPlan(tx, organizationId, { name: `Handlingsplan ${startYear}–${endYear}`, startYear, endYear, vision: null });
  const [latest] = await tx
    .select({ id: planRevisions.id, status: planRevisions.status })
    .from(planRevisions)
    .where(eq(planRevisions.periodId, period.id))
    .orderBy(desc(planRevisions.number))
    .limit(1);
  if (!latest) throw new Error('plan period without revision');
  if (latest.status === 'draft') return { periodId: period.id, revisionId: latest.id };
  const adopted = await loadRevision(tx, organizationId, latest.id);
  if (!adopted) throw new Error('revision vanished');
  return { periodId: period.id, revisionId: await copyRevision(tx, organizationId, adopted) };
}

export interface ImportOutcome {
  readonly periodId: string;
  readonly revisionId: string;
  readonly created: number;
  readonly updated: number;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function applyActionPlan(tx: Tx, organizationId: string, table: PlanTable, revisionId?: string): Promise<ImportOutcome> {
  if (table.years.length === 0) throw new Error('no years');
  let target: { periodId: string; revisionId: string };
  if (revisionId) {
    const [r] = await tx
      .select({ periodId: planRevisions.periodId })
      .from(planRevisions)
      .where(and(eq(planRevisions.organizationId, organizationId), eq(planRevisions.id, revisionId)));
    if (!r) throw new Error('revision not found');
    target = { periodId: r.periodId, revisionId };
  } else {
    target = await targetRevision(tx, organizationId, table.years);
  }
  const rev = target.revisionId;

  // Focus areas by title (case-insensitive), created when missing.
  const areas = await tx.select({ id: focusAreas.id, title: focusAreas.title, position: focusAreas.position }).from(focusAreas).where(eq(focusAreas.revisionId, rev));
  const areaByTitle = new Map(areas.map((a) => [a.title.trim().toLowerCase(), a.id]));
  const newAreas = [...new Set(table.measures.map((m) => m.focusArea?.trim()).filter((t): t is string => !!t && !areaByTitle.has(t.toLowerCase())))];
  let position = areas.reduce((max, a) => Math.max(max, a.position + 1), 0);
  if (newAreas.length > 0) {
    const inserted = await tx
      .insert(focusAreas)
      .values(newAreas.map((title) => ({ organizationId, revisionId: rev, title, position: position++ })))
      .returning({ id: focusAreas.id, title: focusAreas.title });
    for (const a of inserted) areaByTitle.set(a.title.trim().toLowerCase(), a.id);
  }
  const areaOf = (m: PlanTableMeasure): string | null => (m.focusArea ? (areaByTitle.get(m.focusArea.trim().toLowerCase()) ?? null) : null);

  // Existing measures by (number, title).
  const existing = await tx.select({ id: measures.id, number: measures.number, title: measures.title }).from(measures).where(eq(measures.revisionId, rev));
  const idByKey = new Map(existing.map((m) => [key(m.number, m.title), m.id]));
  const titleOf = new Map(existing.map((m) => [m.id, m.title]));
  const toUpdate: Array<{ id: string; m: PlanTableMeasure }> = [];
  const toCreate: PlanTableMeasure[] = [];
  for (const m of table.measures) {
    const id = idByKey.get(key(m.number, m.title));
    if (id) toUpdate.push({ id, m });
    else toCreate.push(m);
  }
  // A measure found by its number takes the file's title (one statement).
  const renamed = toUpdate.filter(({ id, m }) => titleOf.get(id) !== m.title);
  if (renamed.length > 0) {
    await tx.execute(
      sql`update ${measures} set title = v.title from json_to_recordset(${JSON.stringify(renamed.map(({ id, m }) => ({ id, title: m.title })))}::json) as v(id uuid, title text) where ${measures.id} = v.id and ${measures.revisionId} = ${rev}`,
    );
  }
  const created = toCreate.map((m) => {
    const id = randomUUID();
    idByKey.set(key(m.number, m.title), id);
    return { id, organization_id: organizationId, revision_id: rev, number: m.number, title: m.title, focus_area_id: areaOf(m) };
  });
  await bulkInsert(tx, 'measures', { id: 'uuid', organization_id: 'uuid', revision_id: 'uuid', number: 'text', title: 'text', focus_area_id: 'uuid' }, created);
  for (const part of chunks(toUpdate)) {
    await tx.delete(costLines).where(inArray(costLines.measureId, part.map((u) => u.id)));
  }
  // Measures whose focus area changed in the file move there (one statement per area).
  const byArea = new Map<string, string[]>();
  for (const { id, m } of toUpdate) {
    const area = areaOf(m);
    if (area) byArea.set(area, [...(byArea.get(area) ?? []), id]);
  }
  for (const [area, ids] of byArea) {
    for (const part of chunks(ids)) {
      await tx.update(measures).set({ focusAreaId: area }).where(and(eq(measures.revisionId, rev), inArray(measures.id, part), sql`${measures.focusAreaId} is distinct from ${area}`));
    }
  }
  const lines = table.measures.flatMap((m) => {
    const measureId = idByKey.get(key(m.number, m.title));
    if (!measureId) return [];
    return m.lines.map((l, i) => {
      const priced = l.quantity !== null && l.unitPrice !== null;
      return {
        organization_id: organizationId,
        revision_id: rev,
        measure_id: measureId,
        kind: l.kind,
        year: l.year,
        amount: priced ? null : l.amount,
        quantity: priced ? l.quantity : null,
        unit_price: priced ? l.unitPrice : null,
        note: null,
        // A spreadsheet has no saving flag: a negative amount there is a saving (innsparing).
        saving: (priced ? (l.unitPrice ?? 0) : l.amount) < 0,
        position: i,
      };
    });
  });
  await bulkInsert(tx, 'cost_lines', COST_LINE_COLUMNS, lines);
  return { periodId: target.periodId, revisionId: rev, created: toCreate.length, updated: toUpdate.length };
}

/** The revision as the spreadsheet table that `parseActionPlanTable` reads back unchanged. */
export function revisionAsTable(rev: Revision): PlanTable {
  const areaTitle = new Map(rev.focusAreas.map((a) => [a.id, a.title]));
  return {
    years: [...rev.totals.years],
    measures: rev.measures.map((m) => ({
      number: m.number,
      title: m.title,
      focusArea: m.focusAreaId ? (areaTitle.get(m.focusAreaId) ?? null) : null,
      lines: m.lines.map((l) => ({
        kind: l.kind,
        year: l.year,
        amount: lineAmount(l),
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    })),
  };
}
