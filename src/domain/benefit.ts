/**
 * Gevinstrealisering: the expected benefits of a measure and their measured values. A benefit's
 * value is a whole number in its stored unit: kroner (economic), tenths of an hour (time), or the
 * indicator's own unit (quality, risk reduction). Sums per year and per plan are derived here, never
 * stored: expected = the targets, realised = the measured values, for the two kinds that add up
 * (kroner and hours).
 */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, uuid, version } from './organization.ts';
import { sum } from './money.ts';
import { optionalText, requiredText } from './validation.ts';
import { message } from './messages.ts';

export const BENEFIT_KINDS = ['economic', 'time', 'quality', 'risk'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const BENEFIT_DISPOSITIONS = ['budget_cut', 'better_service'] as const;
export type BenefitDisposition = (typeof BENEFIT_DISPOSITIONS)[number];

/** The largest stored value of one target or measurement (kroner, tenths of an hour, …). */
export const MAX_BENEFIT_VALUE = 100_000_000_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const year = z.int({ error: 'må være et årstall' }).min(MIN_YEAR, { error: `må være ${MIN_YEAR} eller senere` }).max(MAX_YEAR, { error: `må være ${MAX_YEAR} eller tidligere` });
const value = z
  .int({ error: 'må være et heltall' })
  .min(-MAX_BENEFIT_VALUE, { error: message('tooSmall') })
  .max(MAX_BENEFIT_VALUE, { error: 'er for stort' });

export const BenefitTargetSchema = z.object({ year, value });
export type BenefitTarget = z.infer<typeof BenefitTargetSchema>;

export const BenefitResultSchema = z.object({ year: z.int(), value: z.int(), comment: z.string().nullable() });
export type BenefitResult = z.infer<typeof BenefitResultSchema>;

export const BenefitSchema = z.object({
  id: z.uuid(),
  lineageId: z.uuid(),
  measureId: z.uuid(),
  position: z.int(),
  kind: z.enum(BENEFIT_KINDS),
  indicator: z.string(),
  unit: z.string().nullable(),
  baseline: z.int().nullable(),
  owner: z.string().nullable(),
  disposition: z.enum(BENEFIT_DISPOSITIONS).nullable(),
  targets: z.array(BenefitTargetSchema),
  results: z.array(BenefitResultSchema),
  version: z.int(),
});
export type Benefit = z.infer<typeof BenefitSchema>;

function uniqueYears(v: { targets?: Array<{ year: number }> | undefined }, ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  (v.targets ?? []).forEach((t, i) => {
    if (seen.has(t.year)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'year'], message: message('benefit.targetTwice', { year: t.year }) });
    seen.add(t.year);
  });
}

const benefitFields = {
  kind: z.enum(BENEFIT_KINDS, { error: choiceError('må være economic, time, quality eller risk') }),
  indicator: requiredText(LIMITS.name),
  unit: optionalText(40),
  baseline: value.nullish(),
  owner: optionalText(LIMITS.name),
  disposition: z.enum(BENEFIT_DISPOSITIONS, { error: choiceError('må være budget_cut eller better_service') }).nullish(),
  targets: z.array(BenefitTargetSchema).max(20, { error: message('benefit.maxYears') }).default([]),
};

export const BenefitInputSchema = z.object(benefitFields).superRefine(uniqueYears);
export type BenefitInput = z.infer<typeof BenefitInputSchema>;
export const UpdateBenefitSchema = z.object({ ...benefitFields, version }).superRefine(uniqueYears);
export type UpdateBenefit = z.infer<typeof UpdateBenefitSchema>;

export const BenefitResultInputSchema = z.object({ year, value, comment: optionalText(LIMITS.text) });
export type BenefitResultInput = z.infer<typeof BenefitResultInputSchema>;

export const BenefitParamsSchema = z.object({ orgId: uuid, revisionId: uuid, benefitId: uuid });

// ------------------------------------------------------------------ hours in tenths

/** `125` (tenths) → `12,5`. */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '−' : '';
  const abs = Math.abs(tenths);
  const whole = Math.trunc(abs / 10);
  const rest = abs % 10;
  const grouped = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(whole).replace(/\s/g, '\u00a0');
  return `${sign}${grouped}${rest === 0 ? '' : `,${rest}`}`;
}

/** `12,5` or `12.5` or `12` → 125 tenths; null when it is not a number with at most one decimal. */
export function parseTenths(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace('−', '-').replace(',', '.');
  if (!/^-?\d+(\.\d)?$/.test(t)) return null;
  const [whole, dec = '0'] = t.split('.');
  const n = Math.abs(Number(whole)) * 10 + Number(dec);
  const v = t.startsWith('-') ? -n : n;
  return Number.isSafeInteger(v) ? v : null;
}

// ------------------------------------------------------------------ sums

export type SummableKind = Extract<BenefitKind, 'economic' | 'time'>;
export const SUMMABLE_KINDS: readonly SummableKind[] = ['economic', 'time'];

export interface BenefitLike {
  readonly kind: BenefitKind;
  readonly targets: readonly { year: number; value: number }[];
  readonly results: readonly { year: number; value: number }[];
}

export interface ExpectedRealised {
  /** Per year of `years` (every one present): the sum of the targets / measured values. */
  readonly expected: Record<number, number>;
  readonly realised: Record<number, number>;
  readonly expectedTotal: number;
  readonly realisedTotal: number;
}

export type BenefitSums = Record<SummableKind, ExpectedRealised>;

/** A whole-number sum that refuses to lose precision (money.ts's sum, for kroner and tenths alike). */
function total(values: Iterable<number>): number {
  return sum(values) as number;
}

/**
 * Expected and realised per year and in total, for economic (kroner) and time (tenths of an hour)
 * benefits. Targets and measurements outside `years` count in the totals only.
 */
export function benefitSums(benefits: readonly BenefitLike[], years: readonly number[]): BenefitSums {
  const of = (kind: SummableKind): ExpectedRealised => {
    const mine = benefits.filter((b) => b.kind === kind);
    const targets = mine.flatMap((b) => b.targets);
    const results = mine.flatMap((b) => b.results);
    const perYear = (items: readonly { year: number; value: number }[]) => Object.fromEntries(years.map((y) => [y, total(items.filter((i) => i.year === y).map((i) => i.value))]));
    return { expected: perYear(targets), realised: perYear(results), expectedTotal: total(targets.map((t) => t.value)), realisedTotal: total(results.map((r) => r.value)) };
  };
  return { economic: of('economic'), time: of('time') };
}

