/**
 * Follow-up of a revision: benefits and their measured values, status reports, actual spend. Reads
 * in a fixed number of statements; copyFollowup carries benefits (and the follow-up recorded so
 * far) into a new revision by measure lineage.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { actualSpend, benefitResults, benefits, measures, publications, statusReports } from '../schema.ts';
import type { Benefit, BenefitInput, BenefitResultInput } from '../../domain/benefit.ts';
import type { EditableStatusReport, StatusReportInput } from '../../domain/followup.ts';
import type { CostKind } from '../../domain/plan-totals.ts';

/** A status report's version: the id of the transaction that last wrote it (see domain/followup.ts). */
const xminVersion = sql<number>`(${statusReports}.xmin::text)::bigint`.mapWith(Number);

/** Every benefit of the revision with its measured values, in two statements. */
export async function listBenefits(tx: Tx, organizationId: string, revisionId: string): Promise<Benefit[]> {
  const rows = await tx
    .select()
    .from(benefits)
    .where(and(eq(benefits.organizationId, organizationId), eq(benefits.revisionId, revisionId)))
    .orderBy(asc(benefits.position), asc(benefits.createdAt));
  const results = await tx
    .select({ benefitId: benefitResults.benefitId, year: benefitResults.year, value: benefitResults.value, comment: benefitResults.comment })
    .from(benefitResults)
    .where(and(eq(benefitResults.organizationId, organizationId), eq(benefitResults.revisionId, revisionId)))
    .orderBy(asc(benefitResults.year));
  return rows.map((b) => ({
    id: b.id,
    lineageId: b.lineageId,
    measureId: b.measureId,
    position: b.position,
    kind: b.kind,
    indicator: b.indicator,
    unit: b.unit,
    baseline: b.baseline,
    owner: b.owner,
    disposition: b.disposition,
    targets: [...b.targets].sort((x, y) => x.year - y.year),
    results: results.filter((r) => r.benefitId === b.id).map(({ benefitId: _b, ...r }) => r),
    version: b.version,
  }));
}

export async function listStatusReports(tx: Tx, organizationId: string, revisionId: string): Promise<EditableStatusReport[]> {
  return tx
    .select({ id: statusReports.id, measureId: statusReports.measureId, reportDate: statusReports.reportDate, status: statusReports.status, summary: statusReports.text, version: xminVersion })
    .from(statusReports)
    .where(and(eq(statusReports.organizationId, organizationId), eq(statusReports.revisionId, revisionId)))
    .orderBy(asc(statusReports.reportDate), asc(statusReports.createdAt));
}

export async function insertBenefit(tx: Tx, organizationId: string, revisionId: string, measureId: string, input: BenefitInput): Promise<string> {
  const [row] = await tx
    .insert(benefits)
    .values({
      organizationId,
      revisionId,
      measureId,
      position: sql`(select count(*) from ${benefits} where ${benefits.measureId} = ${measureId})::int`,
      kind: input.kind,
      indicator: input.indicator,
      unit: input.unit ?? null,
      baseline: input.baseline ?? null,
      owner: input.owner ?? null,
      disposition: input.disposition ?? null,
      targets: input.targets,
    })
    .returning({ id: benefits.id });
  if (!row) throw new Error('insert benefits returned no row');
  return row.id;
}

/** Updates at the expected version; false when missing or stale. */
export async function updateBenefit(tx: Tx, organizationId: string, id: string, expectedVersion: number, input: BenefitInput): Promise<boolean> {
  const rows = await tx
    .update(benefits)
    .set({
      kind: input.kind,
      indicator: input.indicator,
      unit: input.unit ?? null,
      baseline: input.baseline ?? null,
      owner: input.owner ?? null,
      disposition: input.disposition ?? null,
      targets: input.targets,
      version: sql`${benefits.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(benefits.organizationId, organizationId), eq(benefits.id, id), eq(benefits.version, expectedVersion)))
    .returning({ id: benefits.id });
  return rows.length === 1;
}

export async function deleteBenefit(tx: Tx, organizationId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(benefits)
    .where(and(eq(benefits.organizationId, organizationId), eq(benefits.id, id), eq(benefits.version, expectedVersion)))
    .returning({ id: benefits.id });
  return rows.length === 1;
}

/** The benefit's revision and measure, or null when it is not the organization's (or not in the revision). */
export async function findBenefit(tx: Tx, organizationId: string, revisionId: string, id: string): Promise<{ id: string; measureId: string; version: number } | null> {
  const [row] = await tx
    .select({ id: benefits.id, measureId: benefits.measureId, version: benefits.version })
    .from(benefits)
    .where(and(eq(benefits.organizationId, organizationId), eq(benefits.revisionId, revisionId), eq(benefits.id, id)))
    .limit(1);
  return row ?? null;
}

/** Records (or replaces) the measured value of a year. */
export async function upsertBenefitResult(tx: Tx, organizationId: string, revisionId: string, benefitId: string, input: BenefitResultInput): Promise<void> {
  await tx
    .insert(benefitResults)
    .values({ organizationId, revisionId, benefitId, year: input.year, value: input.value, comment: input.comment ?? null })
    .onConflictDoUpdate({ target: [benefitResults.benefitId, benefitResults.year], set: { value: input.value, comment: input.comment ?? null } });
}

export async function deleteBenefitResult(tx: Tx, organizationId: string, benefitId: string, year: number): Promise<boolean> {
  const rows = await tx
    .delete(benefitResults)
    .where(and(eq(benefitResults.organizationId, organizationId), eq(benefitResults.benefitId, benefitId), eq(benefitResults.year, year)))
    .returning({ id: benefitResults.id });
  return rows.length === 1;
}

export async function insertStatusReport(tx: Tx, organizationId: string, revisionId: string, measureId: string, input: StatusReportInput): Promise<string> {
  const [row] = await tx
    .insert(statusReports)
    .values({ organizationId, revisionId, measureId, reportDate: input.reportDate, status: input.status, text: input.summary })
    .returning({ id: statusReports.id });
  if (!row) throw new Error('insert status_reports returned no row');
  return row.id;
}

/** The report's measure and version, or null when it is not the organization's (or not in the revision). */
export async function findStatusReport(tx: Tx, organizationId: string, revisionId: string, id: string): Promise<{ id: string; measureId: string; version: number } | null> {
  const [row] = await tx
    .select({ id: statusReports.id, measureId: statusReports.measureId, version: xminVersion })
    .from(statusReports)
    .where(and(eq(statusReports.organizationId, organizationId), eq(statusReports.revisionId, revisionId), eq(statusReports.id, id)))
    .limit(1);
  return row ?? null;
}

/** Updates at the expected version; false when missing or stale. */
export async function updateStatusReport(tx: Tx, organizationId: string, revisionId: string, id: string, expectedVersion: number, input: StatusReportInput): Promise<boolean> {
  const rows = await tx
    .update(statusReports)
    .set({ reportDate: input.reportDate, status: input.status, text: input.summary })
    .where(and(eq(statusReports.organizationId, organizationId), eq(statusReports.revisionId, revisionId), eq(statusReports.id, id), sql`${statusReports}.xmin::text = ${String(expectedVersion)}`))
    .returning({ id: statusReports.id });
  return rows.length === 1;
}

export async function deleteStatusReport(tx: Tx, organizationId: string, revisionId: string, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(statusReports)
    .where(and(eq(statusReports.organizationId, organizationId), eq(statusReports.revisionId, revisionId), eq(statusReports.id, id), sql`${statusReports}.xmin::text = ${String(expectedVersion)}`))
    .returning({ id: statusReports.id });
  return rows.length === 1;
}

export interface ActualEntry {
  readonly measureId: string;
  readonly kind: CostKind;
  readonly year: number;
  readonly amount: number;
}

/** Sets the actual spend to date of each (measure, kind, year), in one statement. */
export async function upsertActuals(tx: Tx, organizationId: string, revisionId: string, entries: readonly ActualEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const json = JSON.stringify(entries.map((e) => ({ measure_id: e.measureId, kind: e.kind, year: e.year, amount: e.amount })));
  await tx.execute(sql`
    insert into ${actualSpend} (organization_id, revision_id, measure_id, kind, year, amount)
    select ${organizationId}::uuid, ${revisionId}::uuid, x.measure_id, x.kind, x.year, x.amount
      from json_to_recordset(${json}::json) as x(measure_id uuid, kind text, year int, amount bigint)
    on conflict (measure_id, kind, year) do update set amount = excluded.amount`);
}

/** The measures of a revision by id, number and title (to match imported rows). */
export async function measureKeys(tx: Tx, organizationId: string, revisionId: string): Promise<Array<{ id: string; number: string | null; title: string }>> {
  return tx
    .select({ id: measures.id, number: measures.number, title: measures.title })
    .from(measures)
    .where(and(eq(measures.organizationId, organizationId), eq(measures.revisionId, revisionId)));
}

/**
 * Copies benefits, measured values and status reports of `fromRevision` into `toRevision`, whose
 * measures were copied with the same lineage ids (copyRevision). Three statements.
 */
export async function copyFollowup(tx: Tx, fromRevision: string, toRevision: string): Promise<void> {
  await tx.execute(sql`
    insert into benefits (organization_id, revision_id, measure_id, lineage_id, position, kind, indicator, unit, baseline, owner, disposition, targets)
    select nm.organization_id, nm.revision_id, nm.id, b.lineage_id, b.position, b.kind, b.indicator, b.unit, b.baseline, b.owner, b.disposition, b.targets
      from benefits b
      join measures om on om.id = b.measure_id
      join measures nm on nm.revision_id = ${toRevision} and nm.lineage_id = om.lineage_id
     where b.revision_id = ${fromRevision}`);
  await tx.execute(sql`
    insert into benefit_results (organization_id, revision_id, benefit_id, year, value, comment)
    select nb.organization_id, nb.revision_id, nb.id, r.year, r.value, r.comment
      from benefit_results r
      join benefits ob on ob.id = r.benefit_id
      join benefits nb on nb.revision_id = ${toRevision} and nb.lineage_id = ob.lineage_id
     where r.revision_id = ${fromRevision}`);
  await tx.execute(sql`
    insert into status_reports (organization_id, revision_id, measure_id, report_date, status, text, created_at)
    select nm.organization_id, nm.revision_id, nm.id, s.report_date, s.status, s.text, s.created_at
      from status_reports s
      join measures om on om.id = s.measure_id
      join measures nm on nm.revision_id = ${toRevision} and nm.lineage_id = om.lineage_id
     where s.revision_id = ${fromRevision}`);
}

export interface PublicationOptions {
  readonly showBenefits: boolean;
  readonly showActuals: boolean;
}

/** What innsyn shows beside the published revision; null when it is not published. */
export async function publicationOptions(tx: Tx, organizationId: string, revisionId: string): Promise<PublicationOptions | null> {
  const [row] = await tx
    .select({ showBenefits: publications.showBenefits, showActuals: publications.showActuals })
    .from(publications)
    .where(and(eq(publications.organizationId, organizationId), eq(publications.revisionId, revisionId)))
    .limit(1);
  return row ?? null;
}

/** False when the revision is not published. */
export async function setPublicationOptions(tx: Tx, organizationId: string, revisionId: string, options: PublicationOptions): Promise<boolean> {
  const rows = await tx
    .update(publications)
    .set(options)
    .where(and(eq(publications.organizationId, organizationId), eq(publications.revisionId, revisionId)))
    .returning({ id: publications.id });
  return rows.length === 1;
}
