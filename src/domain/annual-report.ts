/**
 * The annual report (årsmelding) of an organization for one year: the stored introduction, the
 * rule that picks the plan revision whose goals and measures it reports, and what the document is
 * built from (`AnnualReportInput`, read by src/db/queries/annual-report.ts, rendered by
 * src/reports/annual-report/). The figures (statistics, accounts, cost sharing) come from
 * annual-figures.ts.
 *
 * Which revision: the newest revision (highest number) of the plan period that covers the year; a
 * later period wins when several cover it. A draft newer than the adopted revision wins over it,
 * because adopted revisions are read-only: the year's statuses and results can only be written in a
 * newer draft. With no draft after it, that is the adopted revision in force. The document says
 * which revision it used and whether it is adopted.
 */
import { z } from 'zod';
import type { AnnualFigures } from './annual-figures.ts';
import type { Lifecycle } from './portfolio.ts';
import type { Measure, MeasureStatus, Revision } from './plan.ts';
import { LIMITS } from './organization.ts';
import { optionalText, versionSchema } from './validation.ts';
import { message } from './messages.ts';

export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2100;

export const reportYear = z.coerce
  .number({ error: 'må være et årstall' })
  .pipe(z.int({ error: 'må være et årstall' }).min(MIN_REPORT_YEAR, { error: `må være ${MIN_REPORT_YEAR} eller senere` }).max(MAX_REPORT_YEAR, { error: `må være ${MAX_REPORT_YEAR} eller tidligere` }));

/** The introduction is longer than other free texts: it is the report's opening chapter. */
export const INTRODUCTION_MAX = 20_000;

export const AnnualReportTextSchema = z.object({
  year: z.int(),
  title: z.string().nullable(),
  introduction: z.string(),
  /** 0 while nothing is stored for the year. */
  version: z.int(),
});
export type AnnualReportText = z.infer<typeof AnnualReportTextSchema>;

/** PUT body: `version` 0 creates the year's text, otherwise the version read. */
export const SaveAnnualReportSchema = z.object({
  title: optionalText(LIMITS.name),
  introduction: optionalText(INTRODUCTION_MAX),
  version: z.union([z.literal(0), versionSchema], { error: message('versionRead') }),
});
export type SaveAnnualReport = z.infer<typeof SaveAnnualReportSchema>;

/** A measure as the Årsmelding page lists it (the result is saved through the plan's measure route). */
export const AnnualMeasureSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  result: z.string().nullable(),
  version: z.int(),
});

export const AnnualReportOverviewSchema = AnnualReportTextSchema.extend({
  /** The revision the report takes its goals and measures from, or null when no plan covers the year. */
  revision: z
    .object({
      id: z.uuid(),
      periodId: z.uuid(),
      planName: z.string(),
      number: z.int(),
      status: z.enum(['draft', 'adopted']),
    })
    .nullable(),
  measures: z.array(AnnualMeasureSchema),
});
export type AnnualReportOverview = z.infer<typeof AnnualReportOverviewSchema>;

interface PeriodFacts {
  startYear: number;
  endYear: number;
  revisions: ReadonlyArray<{ id: string; number: number }>;
}

/** The revision the report for `year` uses (see the module comment), or null. */
export function reportRevision<P extends PeriodFacts>(periods: readonly P[], year: number): { period: P; revisionId: string } | null {
  const covering = periods.filter((p) => p.startYear <= year && year <= p.endYear && p.revisions.length > 0).sort((a, b) => b.startYear - a.startYear);
  const period = covering[0];
  if (!period) return null;
  const newest = [...period.revisions].sort((a, b) => b.number - a.number)[0]!;
  return { period, revisionId: newest.id };
}

/** The measures the year's report lists: those whose dates touch the year; undated measures too. */
export function measuresOfYear<M extends Pick<Measure, 'startDate' | 'endDate'>>(measures: readonly M[], year: number): M[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return measures.filter((m) => (m.startDate === null || m.startDate <= last) && (m.endDate === null || m.endDate >= first));
}

/** A shared solution of the appendix: one of the organization's own systems. */
export interface AnnualSolution {
  name: string;
  introducedYear: number | null;
  lifecycle: Lifecycle;
  successor: string | null;
  /** The owners (members) it is shared with, by name. */
  sharedWith: string[];
}

export interface AnnualReportInput {
  organization: { name: string; kommunenummer: string | null; language: 'nb' | 'nn' };
  year: number;
  title: string | null;
  introduction: string;
  /** The revision chosen by `reportRevision`, or null. */
  revision: Revision | null;
  figures: AnnualFigures;
  solutions: AnnualSolution[];
  /** ISO date-time; printed as "Generert 22.11.2026". */
  generatedAt: string;
}

export type { MeasureStatus };
