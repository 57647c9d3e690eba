/**
 * «Legg i handlingsplanen» (issue 17): the revision a forecast is written to, the measures generated
 * from it earlier (found through asset_class_measures by lineage), and the writes.
 */
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { assetClasses, assetClassMeasures, costLines, measures, planPeriods, planRevisions } from '../schema.ts';
import { forecast, forecastInput, planReplacements, type ExistingReplacement, type PlanLine, type ReplacementChange } from '../../domain/asset-forecast.ts';
import { listAssetClasses, listAssetGroups } from './assets.ts';
import { createPlan } from './plan-periods.ts';

export interface TargetRevision {
  period: { id: string; name: string; startYear: number; endYear: number };
  revision: { id: string; number: number; status: 'draft' | 'adopted' };
}

/** The latest revision of the (shortest) plan period that covers from…to, or null when none does. */
export async function coveringRevision(tx: Tx, organizationId: string, from: number, to: number): Promise<TargetRevision | null> {
  const rows = await tx
    .select({
      periodId: planPeriods.id,
      name: planPeriods.name,
      startYear: planPeriods.startYear,
      endYear: planPeriods.endYear,
      revisionId: planRevisions.id,
      number: planRevisions.number,
      status: planRevisions.status,
    })
    .from(planPeriods)
    .innerJoin(planRevisions, eq(planRevisions.periodId, planPeriods.id))
    .where(and(eq(planPeriods.organizationId, organizationId), lte(planPeriods.startYear, from), gte(planPeriods.endYear, to)))
    .orderBy(sql`${planPeriods.endYear} - ${planPeriods.startYear}`, desc(planPeriods.startYear), desc(planRevisions.number))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  return { period: { id: r.periodId, name: r.name, startYear: r.startYear, endYear: r.endYear }, revision: { id: r.revisionId, number: r.number, status: r.status } };
}

/** The revision by id, with its period. */
export async function revisionTarget(tx: Tx, organizationId: string, revisionId: string): Promise<TargetRevision | null> {
  const rows = await tx
    .select({ periodId: planPeriods.id, name: planPeriods.name, startYear: planPeriods.startYear, endYear: planPeriods.endYear, number: planRevisions.number, status: planRevisions.status })
    .from(planRevisions)
    .innerJoin(planPeriods, eq(planPeriods.id, planRevisions.periodId))
    .where(and(eq(planRevisions.organizationId, organizationId), eq(planRevisions.id, revisionId)))
    .limit(1);
  const r = rows[0];
  return r ? { period: { id: r.periodId, name: r.name, startYear: r.startYear, endYear: r.endYear }, revision: { id: revisionId, number: r.number, status: r.status } } : null;
}

/** The measures of the revision generated from a class's forecast, with their lines. */
export async function existingReplacements(tx: Tx, organizationId: string, revisionId: string): Promise<ExistingReplacement[]> {
  const found = await tx
    .select({ measureId: measures.id, version: measures.version, classId: assetClassMeasures.classId, className: assetClasses.name })
    .from(measures)
    .innerJoin(assetClassMeasures, eq(assetClassMeasures.lineageId, measures.lineageId))
    .innerJoin(assetClasses, eq(assetClasses.id, assetClassMeasures.classId))
    .where(and(eq(measures.organizationId, organizationId), eq(measures.revisionId, revisionId)));
  if (found.length === 0) return [];
  const lines = await tx
    .select({ measureId: costLines.measureId, kind: costLines.kind, year: costLines.year, amount: costLines.amount, quantity: costLines.quantity, unitPrice: costLines.unitPrice, note: costLines.note, saving: costLines.saving })
    .from(costLines)
    .where(and(eq(costLines.revisionId, revisionId), inArray(costLines.measureId, found.map((f) => f.measureId))))
    .orderBy(costLines.measureId, costLines.position);
  const seen = new Set<string>();
  return found
    .filter((f) => (seen.has(f.classId) ? false : (seen.add(f.classId), true)))
    .map((f) => ({ ...f, lines: lines.filter((l) => l.measureId === f.measureId).map(({ measureId: _, ...l }): PlanLine => l) }));
}

function lineRows(organizationId: string, revisionId: string, measureId: string, lines: readonly PlanLine[]) {
  return lines.map((l, position) => ({ organizationId, revisionId, measureId, kind: l.kind, year: l.year, amount: l.amount, quantity: l.quantity, unitPrice: l.unitPrice, note: l.note, saving: l.saving, position }));
}

/** Writes the new and changed measures; unchanged ones are not touched. */
export async function writeReplacements(tx: Tx, organizationId: string, revisionId: string, changes: readonly ReplacementChange[]): Promise<void> {
  for (const c of changes) {
    if (c.action === 'unchanged') continue;
    let measureId = c.measureId;
    if (c.action === 'new' || !measureId) {
      const [row] = await tx
        .insert(measures)
        .values({ organizationId, revisionId, title: c.title, description: 'Generert fra utstyrsregisterets utskiftingsprognose.', status: 'planned', priority: 'medium' })
        .returning({ id: measures.id, lineageId: measures.lineageId });
      if (!row) throw new Error('insert measures returned no row');
      measureId = row.id;
      await tx.insert(assetClassMeasures).values({ organizationId, classId: c.classId, lineageId: row.lineageId }).onConflictDoNothing();
    } else {
      await tx.update(measures).set({ version: sql`${measures.version} + 1`, updatedAt: sql`now()` }).where(and(eq(measures.revisionId, revisionId), eq(measures.id, measureId)));
      await tx.delete(costLines).where(and(eq(costLines.revisionId, revisionId), eq(costLines.measureId, measureId)));
    }
    if (c.lines.length > 0) await tx.insert(costLines).values(lineRows(organizationId, revisionId, measureId, c.lines));
  }
}

export interface ForecastRequest {
  from: number;
  to: number;
  priceChangePercent: number;
}

export type ApplyOutcome =
  | {
      kind: 'ok';
      dryRun: boolean;
      /** The revision written to; `created` when the period and its draft were (or would be) made for this. */
      target: { periodId: string | null; periodName: string; revisionId: string | null; revisionNumber: number; created: boolean };
      changes: ReplacementChange[];
    }
  | { kind: 'adopted'; message: string }
  | { kind: 'missing' };

/** The register's forecast for the request (one statement per table). */
export async function registerForecast(tx: Tx, organizationId: string, request: ForecastRequest) {
  const classes = await listAssetClasses(tx, organizationId);
  const groups = await listAssetGroups(tx, organizationId);
  const input = forecastInput(groups, classes);
  return { classes, groups, incomplete: input.incomplete, forecast: forecast(input.groups, classes, request) };
}

/**
 * Writes (or, dryRun, only plans) the forecast into the latest draft revision of the plan period
 * that covers its years, or into `revisionId`. Creates the period and its first draft when no
 * period covers the years; refuses an adopted revision.
 */
export async function applyForecast(tx: Tx, organizationId: string, request: ForecastRequest, options: { dryRun: boolean; revisionId?: string | undefined }): Promise<ApplyOutcome> {
  const target = options.revisionId ? await revisionTarget(tx, organizationId, options.revisionId) : await coveringRevision(tx, organizationId, request.from, request.to);
  if (options.revisionId && !target) return { kind: 'missing' };
  if (target && target.revision.status === 'adopted') {
    return {
      kind: 'adopted',
      message: `Revisjon ${target.revision.number} av «${target.period.name}» er vedtatt og kan ikke endres. Lag en ny revisjon av planen, og legg utskiftingene inn i den.`,
    };
  }
  const { forecast: f } = await registerForecast(tx, organizationId, request);
  const existing = target ? await existingReplacements(tx, organizationId, target.revision.id) : [];
  const changes = planReplacements(f, existing);
  const name = target?.period.name ?? `Handlingsplan ${request.from}–${request.to}`;
  if (options.dryRun) {
    return { kind: 'ok', dryRun: true, target: { periodId: target?.period.id ?? null, periodName: name, revisionId: target?.revision.id ?? null, revisionNumber: target?.revision.number ?? 1, created: !target }, changes };
  }
  const ids = target ? { periodId: target.period.id, revisionId: target.revision.id } : await createPlan(tx, organizationId, { name, startYear: request.from, endYear: request.to });
  await writeReplacements(tx, organizationId, ids.revisionId, changes);
  return { kind: 'ok', dryRun: false, target: { ...ids, periodName: name, revisionNumber: target?.revision.number ?? 1, created: !target }, changes };
}
