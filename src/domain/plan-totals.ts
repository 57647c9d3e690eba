/**
 * Every sum of a plan, computed from its lines: per measure, focus area, year, kind and overall,
 * and the four-year økonomiplan. Nothing here is stored; the API and the web both call it, so the
 * numbers on screen, in documents and in exports are the same function of the same lines.
 */
import { add, multiply, sum, type Kroner } from './money.ts';

export const COST_KINDS = ['invest', 'drift'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export interface CostLineLike {
  readonly kind: CostKind;
  readonly year: number;
  readonly amount: number | null;
  readonly quantity: number | null;
  readonly unitPrice: number | null;
}

/** A line's amount: quantity × unit price when both are set, else the amount (0 when empty). */
export function lineAmount(line: CostLineLike): Kroner {
  if (line.quantity !== null && line.unitPrice !== null) return multiply(line.quantity, line.unitPrice);
  return sum([line.amount ?? 0]);
}

/** Amounts per kind and year; every year of `years` is present. */
export type KindYearTable = Record<CostKind, Record<number, Kroner>>;

export interface Totals {
  /** Per kind and year. */
  readonly byYear: KindYearTable;
  /** Per kind over all years. */
  readonly byKind: Record<CostKind, Kroner>;
  /** invest + drift per year. */
  readonly perYear: Record<number, Kroner>;
  readonly total: Kroner;
}

function emptyTable(years: readonly number[]): KindYearTable {
  const row = (): Record<number, Kroner> => Object.fromEntries(years.map((y) => [y, sum([])])) as Record<number, Kroner>;
  return { invest: row(), drift: row() };
}

/** Totals of any set of lines over the given years (lines outside the years still count in byKind/total). */
export function totalsOf(lines: Iterable<CostLineLike>, years: readonly number[]): Totals {
  const byYear = emptyTable(years);
  const byKind: Record<CostKind, Kroner> = { invest: sum([]), drift: sum([]) };
  for (const line of lines) {
    const amount = lineAmount(line);
    byYear[line.kind][line.year] = add(byYear[line.kind][line.year] ?? 0, amount);
    byKind[line.kind] = add(byKind[line.kind], amount);
  }
  const allYears = [...new Set([...years, ...Object.keys(byYear.invest).map(Number), ...Object.keys(byYear.drift).map(Number)])].sort();
  const perYear = Object.fromEntries(allYears.map((y) => [y, add(byYear.invest[y] ?? 0, byYear.drift[y] ?? 0)])) as Record<number, Kroner>;
  return { byYear, byKind, perYear, total: add(byKind.invest, byKind.drift) };
}

export interface MeasureLike {
  readonly id: string;
  readonly focusAreaId: string | null;
  readonly lines: readonly CostLineLike[];
}

export interface PlanTotals {
  readonly years: readonly number[];
  readonly perMeasure: Record<string, Totals>;
  /** Key: focus area id, or "" for measures without one. */
  readonly perFocusArea: Record<string, Totals>;
  readonly overall: Totals;
}

export function yearsOf(startYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let y = startYear; y <= endYear; y++) years.push(y);
  return years;
}

export function planTotals(measures: readonly MeasureLike[], years: readonly number[]): PlanTotals {
  const perMeasure: Record<string, Totals> = {};
  const byArea = new Map<string, CostLineLike[]>();
  for (const m of measures) {
    perMeasure[m.id] = totalsOf(m.lines, years);
    const key = m.focusAreaId ?? '';
    const list = byArea.get(key) ?? [];
    list.push(...m.lines);
    byArea.set(key, list);
  }
  const perFocusArea: Record<string, Totals> = {};
  for (const [key, lines] of byArea) perFocusArea[key] = totalsOf(lines, years);
  return { years, perMeasure, perFocusArea, overall: totalsOf(measures.flatMap((m) => m.lines), years) };
}

export interface EconomyPlanRow {
  readonly year: number;
  readonly invest: Kroner;
  readonly drift: Kroner;
  readonly total: Kroner;
}

/** Økonomiplan: invest and drift for the four years from `firstYear`. */
export function economyPlan(measures: readonly MeasureLike[], firstYear: number): EconomyPlanRow[] {
  const years = yearsOf(firstYear, firstYear + 3);
  const t = totalsOf(measures.flatMap((m) => m.lines), years);
  return years.map((year) => ({
    year,
    invest: t.byYear.invest[year] ?? sum([]),
    drift: t.byYear.drift[year] ?? sum([]),
    total: t.perYear[year] ?? sum([]),
  }));
}

// ------------------------------------------------------------------ compact form (handlingsplan table)

/**
 * A measure's money in the compact form the handlingsplan table is sent in: per kind, one amount
 * per year, aligned with the plan's `years` (`invest[i]` is the sum of the invest lines of `years[i]`).
 */
export interface CompactMeasureLike {
  readonly id: string;
  readonly focusAreaId: string | null;
  readonly invest: readonly number[];
  readonly drift: readonly number[];
}

/**
 * The years of a compact table: the plan period, widened to every year a line has. Lines always lie
 * in the period (the API and imports refuse others), but a line outside it is shown, not lost.
 */
export function compactYears(startYear: number, endYear: number, lines: Iterable<Pick<CostLineLike, 'year'>>): number[] {
  let from = startYear;
  let to = endYear;
  for (const l of lines) {
    if (l.year < from) from = l.year;
    if (l.year > to) to = l.year;
  }
  return yearsOf(from, to);
}

/**
 * The sums per kind and year of one measure's lines, aligned with `years` (which must hold every
 * line's year). A plain loop: the server runs it for every measure of a table (a `totalsOf` per
 * measure cost 40 times as much, 2 ms for 200 measures).
 */
export function compactAmounts(lines: readonly CostLineLike[], years: readonly number[]): { invest: Kroner[]; drift: Kroner[] } {
  const out = { invest: years.map(() => sum([])), drift: years.map(() => sum([])) };
  for (const line of lines) {
    const i = years.indexOf(line.year);
    if (i < 0) throw new RangeError(`the cost line of ${line.year} lies outside the years of the table`);
    const row = out[line.kind];
    row[i] = add(row[i] ?? 0, lineAmount(line));
  }
  return out;
}

/** A compact measure as one line per kind and year, so that `planTotals` and `economyPlan` sum it. */
export function expandCompact(m: CompactMeasureLike, years: readonly number[]): MeasureLike {
  const lines: CostLineLike[] = [];
  for (const kind of COST_KINDS) {
    const amounts = m[kind];
    years.forEach((year, i) => lines.push({ kind, year, amount: amounts[i] ?? 0, quantity: null, unitPrice: null }));
  }
  return { id: m.id, focusAreaId: m.focusAreaId, lines };
}

/** `planTotals` of compact measures: the same sums as of the lines they were made from. */
export function compactPlanTotals(measures: readonly CompactMeasureLike[], years: readonly number[]): PlanTotals {
  return planTotals(
    measures.map((m) => expandCompact(m, years)),
    years,
  );
}

/** A handlingsplan measure's budget lines as columns (the `/actionplan` payload; see plan.ts). */
export interface LineColumns {
  readonly kinds: readonly CostKind[] | null;
  readonly years: readonly number[] | null;
  readonly amounts: readonly (number | null)[] | null;
  readonly quantities: readonly (number | null)[] | null;
  readonly unitPrices: readonly (number | null)[] | null;
}

/** The lines of a measure given as columns. */
export function linesOfColumns(m: LineColumns): CostLineLike[] {
  const { kinds, years, amounts, quantities, unitPrices } = m;
  if (!kinds || !years || !amounts) return [];
  return kinds.map((kind, i) => ({ kind, year: years[i] ?? 0, amount: amounts[i] ?? null, quantity: quantities?.[i] ?? null, unitPrice: unitPrices?.[i] ?? null }));
}

/**
 * The handlingsplan's years (the period, widened to any line outside it) and each measure's money
 * per kind and year in the compact form, from the measures' lines.
 */
export function actionPlanMoney<M extends LineColumns>(startYear: number, endYear: number, measures: readonly M[]): { years: number[]; measures: Array<M & { invest: Kroner[]; drift: Kroner[] }> } {
  const lines = measures.map(linesOfColumns);
  const years = compactYears(startYear, endYear, lines.flat());
  return { years, measures: measures.map((m, i) => ({ ...m, ...compactAmounts(lines[i] ?? [], years) })) };
}
