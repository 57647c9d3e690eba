/**
 * The money limit (MAX_KRONER in money.ts) applied to a plan's lines before they are written:
 * every quantity × unit price, every sum of a measure's year (per kind), every measure's total and
 * the revision's total must stay within ±MAX_KRONER, so that every number a page, a document or an
 * export derives from the lines (plan-totals.ts) does too.
 *
 * The sums are checked on absolute values: Σ|amount| ≤ MAX_KRONER bounds every partial and every
 * derived sum (per focus area, per year, invest + drift), whatever the signs and the order of
 * adding. It refuses only tables that are absurd anyway (100 milliarder kr of lines).
 */
import { COST_KIND_LABELS } from './labels.ts';
import { MAX_KRONER, MAX_KRONER_TEXT } from './money.ts';
import type { CostKind } from './plan-totals.ts';
import type { FieldError } from './validation.ts';
import { message } from './messages.ts';

export interface MoneyLine {
  readonly kind: CostKind;
  readonly year: number;
  readonly amount?: number | null | undefined;
  readonly quantity?: number | null | undefined;
  readonly unitPrice?: number | null | undefined;
}

export interface MoneyMeasure {
  readonly number?: string | null | undefined;
  readonly title?: string | null | undefined;
  readonly lines: readonly MoneyLine[];
}

/** A line's amount in plain arithmetic (no rounding check: only compared with the limit). */
function lineValue(line: MoneyLine): number {
  if (line.quantity !== null && line.quantity !== undefined && line.unitPrice !== null && line.unitPrice !== undefined) {
    return line.quantity * line.unitPrice;
  }
  return line.amount ?? 0;
}

/** «tiltak 3», or «tiltaket «Nytt sak-/arkivsystem»» when the measure has no number. */
export function measureName(m: Pick<MoneyMeasure, 'number' | 'title'>): string {
  if (m.number) return `tiltak ${m.number}`;
  return m.title ? `tiltaket «${m.title}»` : 'tiltaket';
}

const over = `(over ${MAX_KRONER_TEXT})`;

function lineField(line: MoneyLine, index: number): string {
  const priced = line.quantity !== null && line.quantity !== undefined;
  return `lines.${index}.${priced ? 'unitPrice' : 'amount'}`;
}

/**
 * Errors for one measure's lines (fields `lines.i.…` as in the request): a quantity × unit price,
 * a year of one kind, or the measure's total beyond the limit. Empty when all is within.
 */
export function measureMoneyErrors(measure: MoneyMeasure): FieldError[] {
  const name = measureName(measure);
  const errors: FieldError[] = [];
  measure.lines.forEach((line, i) => {
    if (Math.abs(lineValue(line)) > MAX_KRONER) {
      errors.push({ field: lineField(line, i), message: message('plan.lineTooLarge', { kind: COST_KIND_LABELS[line.kind], year: line.year, name, over }) });
    }
  });
  if (errors.length > 0) return errors;
  const groups = new Map<string, { kind: CostKind; year: number; abs: number; last: number }>();
  measure.lines.forEach((line, i) => {
    const key = `${line.kind}:${line.year}`;
    const g = groups.get(key) ?? { kind: line.kind, year: line.year, abs: 0, last: i };
    g.abs += Math.abs(lineValue(line));
    g.last = i;
    groups.set(key, g);
  });
  for (const g of groups.values()) {
    if (g.abs > MAX_KRONER) {
      const line = measure.lines[g.last];
      errors.push({ field: line ? lineField(line, g.last) : 'lines', message: message('plan.lineTooLarge', { kind: COST_KIND_LABELS[g.kind], year: g.year, name, over }) });
    }
  }
  if (errors.length > 0) return errors;
  if (absoluteSum(measure) > MAX_KRONER) errors.push({ field: 'lines', message: message('plan.sumTooLarge', { name, over }) });
  return errors;
}

/** Σ|line amount| of a measure. */
export function absoluteSum(measure: MoneyMeasure): number {
  let total = 0;
  for (const line of measure.lines) total += Math.abs(lineValue(line));
  return total;
}

/**
 * Errors for a whole revision (or an imported table): each measure's, then the revision's total.
 * `field` is the field the revision-level error is reported on (e.g. `lines` or `file`).
 */
export function revisionMoneyErrors(measures: readonly MoneyMeasure[], field = 'lines'): FieldError[] {
  const errors: FieldError[] = [];
  let total = 0;
  for (const m of measures) {
    const own = measureMoneyErrors(m);
    if (own.length > 0) errors.push(...own.map((e) => ({ field, message: e.message })));
    total += absoluteSum(m);
  }
  if (errors.length > 0) return errors;
  if (total > MAX_KRONER) errors.push({ field, message: message('plan.revisionSumTooLarge', { over }) });
  return errors;
}
