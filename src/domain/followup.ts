/**
 * Follow-up of a plan: dated status reports per measure, actual spend (regnskap) against the budget,
 * and the overview's rules (late, over budget, without a benefit owner). Pure functions of the
 * facts and `today`; nothing here is stored.
 */
import { z } from 'zod';
import { benefitSums, BenefitSchema, type BenefitLike, type BenefitSums } from './benefit.ts';
import { choiceError } from './choice.ts';
import { subtract, sum, type Kroner } from './money.ts';
import { LIMITS } from './organization.ts';
import { isLate, type MeasureStatus } from './plan.ts';
import { totalsOf, type CostLineLike } from './plan-totals.ts';
import { dateSchema, requiredText } from './validation.ts';

export const REPORT_STATUSES = ['on_track', 'at_risk', 'off_track', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const StatusReportSchema = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  reportDate: z.string(),
  status: z.enum(REPORT_STATUSES),
  summary: z.string(),
});
export type StatusReport = z.infer<typeof StatusReportSchema>;
/** A report as the editor reads it: with the version an update or delete must send. */
export const EditableStatusReportSchema = StatusReportSchema.extend({ version: z.int() });
export type EditableStatusReport = z.infer<typeof EditableStatusReportSchema>;

/**
 * A status report's version is the transaction id that last wrote it (PostgreSQL's xmin, 32 bits),
 * so the table needs no version column; an update or delete with an older one gets 409.
 */
export const reportVersion = z.int({ error: 'må være et heltall' }).min(1, { error: 'må være minst 1' }).max(4_294_967_295, { error: 'er for stort' });

export const StatusReportInputSchema = z.object({
  reportDate: dateSchema,
  status: z.enum(REPORT_STATUSES, { error: choiceError('må være on_track, at_risk, off_track eller done') }),
  summary: requiredText(LIMITS.text),
});
export type StatusReportInput = z.infer<typeof StatusReportInputSchema>;
export const UpdateStatusReportSchema = StatusReportInputSchema.extend({ version: reportVersion });

export interface ActualLike {
  readonly year: number;
  readonly amount: number;
}

export interface FollowupMeasureLike {
  readonly id: string;
  readonly number: string | null;
  readonly title: string;
  readonly status: MeasureStatus;
  readonly endDate: string | null;
  readonly lines: readonly CostLineLike[];
  readonly actuals: readonly ActualLike[];
  readonly benefits: ReadonlyArray<BenefitLike & { readonly owner: string | null }>;
}

export interface YearMoney {
  readonly year: number;
  readonly planned: Kroner;
  readonly actual: Kroner;
  /** actual − planned: positive is merforbruk (over budget). */
  readonly deviation: Kroner;
}

/** Planned (the budget lines) against actual spend per year of `years`, plus totals. */
export function plannedVsActual(lines: readonly CostLineLike[], actuals: readonly ActualLike[], years: readonly number[]): { years: YearMoney[]; planned: Kroner; actual: Kroner; deviation: Kroner } {
  const planned = totalsOf(lines, years);
  const rows = years.map((year) => {
    const p = planned.perYear[year] ?? sum([]);
    const a = sum(actuals.filter((x) => x.year === year).map((x) => x.amount));
    return { year, planned: p, actual: a, deviation: subtract(a, p) };
  });
  const actual = sum(actuals.map((x) => x.amount));
  return { years: rows, planned: planned.total, actual, deviation: subtract(actual, planned.total) };
}

/** Over budget: in some year, more was spent than planned. */
export function isOverBudget(m: Pick<FollowupMeasureLike, 'lines' | 'actuals'>): boolean {
  const years = [...new Set(m.actuals.map((a) => a.year))];
  return plannedVsActual(m.lines, m.actuals, years).years.some((y) => y.deviation > 0);
}

/** No benefit, or a benefit nobody answers for. */
export function lacksBenefitOwner(m: Pick<FollowupMeasureLike, 'benefits'>): boolean {
  return m.benefits.length === 0 || m.benefits.some((b) => !b.owner);
}

export const FLAGS = ['late', 'overBudget', 'noBenefitOwner'] as const;
export type Flag = (typeof FLAGS)[number];

export interface FlaggedMeasure {
  readonly id: string;
  readonly number: string | null;
  readonly title: string;
  readonly flags: Flag[];
}

export interface FollowupOverview {
  readonly money: ReturnType<typeof plannedVsActual>;
  readonly benefits: BenefitSums;
  readonly flagged: FlaggedMeasure[];
}

/** The plan overview's follow-up: money per year, benefits expected against realised, flagged measures. */
export function followupOverview(measures: readonly FollowupMeasureLike[], years: readonly number[], today: string): FollowupOverview {
  const money = plannedVsActual(
    measures.flatMap((m) => m.lines),
    measures.flatMap((m) => m.actuals),
    years,
  );
  const flagged: FlaggedMeasure[] = [];
  for (const m of measures) {
    const flags: Flag[] = [];
    if (isLate(m, today)) flags.push('late');
    if (isOverBudget(m)) flags.push('overBudget');
    if (m.status !== 'cancelled' && lacksBenefitOwner(m)) flags.push('noBenefitOwner');
    if (flags.length > 0) flagged.push({ id: m.id, number: m.number, title: m.title, flags });
  }
  return { money, benefits: benefitSums(measures.flatMap((m) => m.benefits), years), flagged };
}

/** The newest report of each measure (by date, then the order given). */
export function latestReports<R extends { measureId: string; reportDate: string }>(reports: readonly R[]): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of reports) {
    const had = out.get(r.measureId);
    if (!had || r.reportDate >= had.reportDate) out.set(r.measureId, r);
  }
  return out;
}


// ------------------------------------------------------------------ what the API sends

const YearMoney = z.object({ year: z.int(), planned: z.int(), actual: z.int(), deviation: z.int() });
const ExpectedRealised = z.object({ expected: z.record(z.string(), z.int()), realised: z.record(z.string(), z.int()), expectedTotal: z.int(), realisedTotal: z.int() });
export const FollowupSchema = z.object({
  revisionId: z.uuid(),
  status: z.string(),
  years: z.array(z.int()),
  benefits: z.array(BenefitSchema),
  reports: z.array(EditableStatusReportSchema),
  measures: z.array(
    z.object({ id: z.uuid(), number: z.string().nullable(), title: z.string(), actuals: z.array(z.object({ kind: z.string(), year: z.int(), amount: z.int() })), money: z.array(YearMoney) }),
  ),
  overview: z.object({
    money: z.object({ years: z.array(YearMoney), planned: z.int(), actual: z.int(), deviation: z.int() }),
    benefits: z.object({ economic: ExpectedRealised, time: ExpectedRealised }),
    flagged: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), title: z.string(), flags: z.array(z.enum(FLAGS)) })),
  }),
});
export type Followup = z.infer<typeof FollowupSchema>;
