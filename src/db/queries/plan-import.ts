/**
 * Applies a parsed action-plan spreadsheet to the organization's plan: finds (or creates) the plan
 * period of the file's years and a draft revision in it (copying an adopted one when needed), then
 * upserts measures by (prosjektnr, tiltak) and replaces their budget lines (writing only the lines that differ). Measures that are in the
 * plan but not in the file are kept. Batched: a fixed number of statements per 5 000 measures.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database.ts';
import { bulkInsert, COST_LINE_COLUMNS } from '../bulk.ts';
import { focusAreas, measures, planPeriods, planRevisions } from '../schema.ts';
import type { PlanTable, PlanTableMeasure } from '../../domain/actionplan-import.ts';
import type { Revision } from '../../domain/plan.ts';
import { lineAmount } from '../../domain/plan-totals.ts';
import { copyRevision, createPlan, loadRevision } from './plan-periods.ts';

/** Measures per statement that replaces budget lines (8 lines each in the 10 000-row benchmark file). */
const CHUNK = 5000;

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

function chunks<T>(items: readonly T[], size: number = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface CostLineRow {
  readonly measure_id: string;
  readonly kind: 'invest' | 'drift';
  readonly year: number;
  readonly amount: number | null;
  readonly quantity: number | null;
  readonly unit_price: number | null;
  /** A spreadsheet has no saving flag: a negative amount there is a saving (innsparing). */
  readonly saving: boolean;
  readonly position: number;
}

/**
 * Replaces the budget lines of existing measures with the file's, in one statement: the lines are
 * paired by (measure, kind, year, n-th such line), and only the difference is written (unpaired
 * lines deleted, changed ones updated, new ones inserted), so the audit log records what changed.
 * The result is what deleting all lines and inserting the file's gives, except that unchanged lines
 * keep their ids. One statement means one snapshot: the three parts never see each other's rows.
 * Deleting and re-inserting 40 000 lines (10 000 rows × 4 years) took 7–25× the first import.
 */
async function replaceLines(tx: Tx, organizationId: string, revisionId: string, measuresLines: ReadonlyArray<{ id: string; lines: readonly CostLineRow[] }>): Promise<void> {
  const ids = JSON.stringify(measuresLines.map((m) => m.id));
  const lines = JSON.stringify(measuresLines.flatMap((m) => m.lines));
  await tx.execute(sql`
    with incoming as (
      select x.*, row_number() over (partition by x.measure_id, x.kind, x.year order by x.position) as n
      from json_to_recordset(${lines}::json) as x(measure_id uuid, kind text, year int, amount bigint, quantity int, unit_price bigint, position int)
    ), existing as (
      select c.id, c.measure_id, c.kind, c.year, c.amount, c.quantity, c.unit_price, c.note, c.position,
        row_number() over (partition by c.measure_id, c.kind, c.year order by c.position, c.id) as n
      from cost_lines c
      where c.revision_id = ${revisionId} and c.measure_id in (select value::uuid from json_array_elements_text(${ids}::json))
    ), pairs as (
      select e.id, i.measure_id, i.kind, i.year, i.amount, i.quantity, i.unit_price, i.position,
        e.id is not null and i.measure_id is not null and (e.amount, e.quantity, e.unit_price, e.note, e.position) is distinct from (i.amount, i.quantity, i.unit_price, null, i.position) as changed
      from existing e full join incoming i on i.measure_id = e.measure_id and i.kind = e.kind and i.year = e.year and i.n = e.n
    ), removed as (
      delete from cost_lines c using pairs p where p.measure_id is null and c.id = p.id
    ), changed as (
      update cost_lines c set amount = p.amount, quantity = p.quantity, unit_price = p.unit_price, note = null, position = p.position,
        saving = coalesce(p.amount, p.unit_price) < 0
      from pairs p where p.changed and c.id = p.id
    )
    insert into cost_lines (organization_id, revision_id, measure_id, kind, year, amount, quantity, unit_price, note, saving, position)
    select ${organizationId}::uuid, ${revisionId}::uuid, p.measure_id, p.kind, p.year, p.amount, p.quantity, p.unit_price, null, coalesce(p.amount, p.unit_price) < 0, p.position
    from pairs p where p.id is null`);
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
  // Measures whose focus area changed in the file move there (one statement).
  const moves = toUpdate.flatMap(({ id, m }) => {
    const area = areaOf(m);
    return area ? [{ id, area }] : [];
  });
  if (moves.length > 0) {
    await tx.execute(sql`update measures m set focus_area_id = x.area from json_to_recordset(${JSON.stringify(moves)}::json) as x(id uuid, area uuid)
      where m.id = x.id and m.revision_id = ${rev} and m.focus_area_id is distinct from x.area`);
  }
  const linesOf = (m: PlanTableMeasure, measureId: string): CostLineRow[] =>
    m.lines.map((l, i) => {
      const priced = l.quantity !== null && l.unitPrice !== null;
      const amount = priced ? null : l.amount;
      const unitPrice = priced ? l.unitPrice : null;
      return { measure_id: measureId, kind: l.kind, year: l.year, amount, quantity: priced ? l.quantity : null, unit_price: unitPrice, saving: (amount ?? unitPrice ?? 0) < 0, position: i };
    });
  const newLines = toCreate.flatMap((m) => {
    const measureId = idByKey.get(key(m.number, m.title));
    return measureId ? linesOf(m, measureId) : [];
  });
  await bulkInsert(
    tx,
    'cost_lines',
    COST_LINE_COLUMNS,
    newLines.map((l) => ({ organization_id: organizationId, revision_id: rev, note: null, ...l })),
  );
  for (const part of chunks(toUpdate)) await replaceLines(tx, organizationId, rev, part.map(({ id, m }) => ({ id, lines: linesOf(m, id) })));
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
