/**
 * The annual report: the year's stored introduction (annual_reports), the plan revision and the
 * measures it reports (rule: reportRevision in src/domain/annual-report.ts), and everything the
 * document is built from, read in the caller's transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { queryRows } from '../tx.ts';
import { annualReports } from '../schema.ts';
import { listPlans, loadRevision } from './plan-periods.ts';
import { loadAnnualFigures } from './annual-figures.ts';
import { measuresOfYear, reportRevision, type AnnualReportInput, type AnnualReportOverview, type AnnualReportText, type AnnualSolution, type SaveAnnualReport } from '../../domain/annual-report.ts';
import type { Organization } from '../../domain/organization.ts';
import type { Revision } from '../../domain/plan.ts';

export async function findAnnualReportText(tx: Tx, organizationId: string, year: number): Promise<AnnualReportText> {
  const [row] = await tx
    .select({ year: annualReports.year, title: annualReports.title, introduction: annualReports.introduction, version: annualReports.version })
    .from(annualReports)
    .where(and(eq(annualReports.organizationId, organizationId), eq(annualReports.year, year)));
  return row ?? { year, title: null, introduction: '', version: 0 };
}

/** Creates (version 0) or updates the year's text; false when the version is stale or the text exists already. */
export async function saveAnnualReportText(tx: Tx, organizationId: string, year: number, input: SaveAnnualReport): Promise<AnnualReportText | null> {
  const values = { title: input.title ?? null, introduction: input.introduction ?? '' };
  const rows =
    input.version === 0
      ? await tx.insert(annualReports).values({ organizationId, year, ...values }).onConflictDoNothing().returning()
      : await tx
          .update(annualReports)
          .set({ ...values, version: sql`${annualReports.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(annualReports.organizationId, organizationId), eq(annualReports.year, year), eq(annualReports.version, input.version)))
          .returning();
  const row = rows[0];
  return row ? { year: row.year, title: row.title, introduction: row.introduction, version: row.version } : null;
}

/** The revision the year's report uses, loaded, or null when no plan covers the year. */
export async function reportRevisionOf(tx: Tx, organizationId: string, year: number): Promise<{ revision: Revision; planName: string } | null> {
  const chosen = reportRevision(await listPlans(tx, organizationId), year);
  if (!chosen) return null;
  const revision = await loadRevision(tx, organizationId, chosen.revisionId);
  return revision ? { revision, planName: chosen.period.name } : null;
}

/** What the Årsmelding page shows: the text, the revision used and its measures of the year. */
export async function annualReportOverview(tx: Tx, organizationId: string, year: number): Promise<AnnualReportOverview> {
  const text = await findAnnualReportText(tx, organizationId, year);
  const chosen = await reportRevisionOf(tx, organizationId, year);
  if (!chosen) return { ...text, revision: null, measures: [] };
  const { revision, planName } = chosen;
  return {
    ...text,
    revision: { id: revision.id, periodId: revision.periodId, planName, number: revision.number, status: revision.status },
    measures: measuresOfYear(revision.measures, year).map((m) => ({ id: m.id, number: m.number, title: m.title, status: m.status, result: m.result, version: m.version })),
  };
}

/** The organization's own systems for the appendix, retired ones included, with the members they are shared with. */
export async function annualSolutions(tx: Tx, organizationId: string): Promise<AnnualSolution[]> {
  return queryRows<AnnualSolution>(
    tx,
    sql`select s.name, s.introduced_year as "introducedYear", s.lifecycle, r.name as successor,
          coalesce((select array_agg(o.name order by o.kommunenummer nulls last, o.name)
                      from system_shares x join organizations o on o.id = x.member_id
                     where x.system_id = s.id and x.member_id <> s.organization_id), '{}') as "sharedWith"
        from systems s left join systems r on r.id = s.replaced_by_id
        where s.organization_id = ${organizationId}
        order by s.introduced_year nulls last, lower(s.name)`,
  );
}

export async function annualReportInput(tx: Tx, org: Organization, year: number): Promise<AnnualReportInput> {
  const text = await findAnnualReportText(tx, org.id, year);
  const chosen = await reportRevisionOf(tx, org.id, year);
  return {
    organization: { name: org.name, kommunenummer: org.kommunenummer, language: org.language },
    year,
    title: text.title,
    introduction: text.introduction,
    revision: chosen?.revision ?? null,
    figures: await loadAnnualFigures(tx, org.id, year),
    solutions: await annualSolutions(tx, org.id),
    generatedAt: new Date().toISOString(),
  };
}

/** Sets the year introduced of the named systems that have none (demo data; one statement). */
export async function setIntroducedYears(tx: Tx, organizationId: string, years: Record<string, number>): Promise<void> {
  const json = JSON.stringify(Object.entries(years).map(([name, year]) => ({ name, year })));
  await queryRows(
    tx,
    sql`update systems s set introduced_year = x.year from json_to_recordset(${json}::json) as x(name text, year int)
        where s.organization_id = ${organizationId} and s.name = x.name and s.introduced_year is null returning s.id`,
  );
}
