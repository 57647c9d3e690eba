/**
 * The replacement forecast of the equipment register (issue 17), pure.
 *
 * Rule: a group of N units bought in year Y with lifetime L falls due in Y+L, Y+2L, … A due year
 * before the period's first year F is overdue: the group is counted once in F (as overdue), and its
 * later replacements count from F (F+L, F+2L, …). Each due year costs N × the unit price of that
 * year: the unit price changed by `priceChangePercent` a year from F, compounded and rounded to
 * whole kroner per unit (0 %: the price itself). Every sum goes through money.ts.
 *
 * A class's year may hold lines at several unit prices (groups of one class with their own
 * prices): the plan gets one quantity × unit price line per year and price.
 */
import { add, kroner, multiply, sum, type Kroner } from './money.ts';
import { replacementTitle } from './asset.ts';

export const MAX_FORECAST_YEARS = 12;
export const MIN_PRICE_CHANGE = -50;
export const MAX_PRICE_CHANGE = 100;

export interface ForecastGroup {
  readonly classId: string;
  readonly quantity: number;
  readonly purchaseYear: number;
  /** Effective lifetime (the group's or its class's). */
  readonly lifetime: number;
  /** Effective unit price in kroner. */
  readonly unitPrice: number;
}

export interface ForecastClassInput {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: number | null;
}

export interface ForecastOptions {
  readonly from: number;
  readonly to: number;
  readonly priceChangePercent?: number;
}

export interface QuantityAmount {
  quantity: number;
  amount: Kroner;
}

export interface ForecastLine {
  readonly year: number;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface ClassForecast {
  classId: string;
  className: string;
  /** The class's default unit price (null when it has none). */
  unitPrice: number | null;
  /** Every year of the period (key "2026"), zero when nothing falls due. */
  years: Record<string, QuantityAmount>;
  overdue: QuantityAmount;
  total: QuantityAmount;
  /** quantity × unit price per year and price, sorted by year and price. */
  lines: ForecastLine[];
}

export interface Forecast {
  from: number;
  to: number;
  priceChangePercent: number;
  years: Record<string, QuantityAmount>;
  overdue: QuantityAmount;
  total: QuantityAmount;
  /** Classes with at least one group, in the order given. */
  classes: ClassForecast[];
}

const zero = (): QuantityAmount => ({ quantity: 0, amount: kroner(0) });

function accumulate(target: QuantityAmount, quantity: number, amount: number): void {
  target.quantity += quantity;
  target.amount = add(target.amount, amount);
}

/** The unit price `yearsAfter` years after the first year, changed by `percent` a year, whole kroner. */
export function adjustedPrice(unitPrice: number, percent: number, yearsAfter: number): Kroner {
  if (percent === 0 || yearsAfter <= 0) return kroner(unitPrice);
  return kroner(Math.round(unitPrice * (1 + percent / 100) ** yearsAfter));
}

/** The years of the period in which the group is counted, and whether the first is an overdue one. */
export function dueYears(group: Pick<ForecastGroup, 'purchaseYear' | 'lifetime'>, from: number, to: number): { years: number[]; overdue: boolean } {
  const years: number[] = [];
  if (group.lifetime < 1) return { years, overdue: false };
  const firstDue = group.purchaseYear + group.lifetime;
  const overdue = firstDue < from;
  for (let y = overdue ? from : firstDue; y <= to; y += group.lifetime) years.push(y);
  return { years, overdue: overdue && years.length > 0 };
}

export function forecast(groups: readonly ForecastGroup[], classes: readonly ForecastClassInput[], options: ForecastOptions): Forecast {
  const { from, to } = options;
  const percent = options.priceChangePercent ?? 0;
  const periodYears: number[] = [];
  for (let y = from; y <= to; y++) periodYears.push(y);
  const emptyYears = (): Record<string, QuantityAmount> => Object.fromEntries(periodYears.map((y) => [String(y), zero()]));

  type Entry = { forecast: ClassForecast; byYear: QuantityAmount[]; lines: Map<number, Map<number, { year: number; unitPrice: number; quantity: number }>> };
  const byClass = new Map<string, Entry>();
  const classInfo = new Map(classes.map((c) => [c.id, c]));
  for (const g of groups) {
    let entry = byClass.get(g.classId);
    if (!entry) {
      const info = classInfo.get(g.classId);
      const years = emptyYears();
      entry = {
        forecast: { classId: g.classId, className: info?.name ?? g.classId, unitPrice: info?.unitPrice ?? null, years, overdue: zero(), total: zero(), lines: [] },
        byYear: periodYears.map((y) => years[String(y)]!),
        lines: new Map(),
      };
      byClass.set(g.classId, entry);
    }
    if (g.lifetime < 1) continue;
    const firstDue = g.purchaseYear + g.lifetime;
    const overdue = firstDue < from;
    for (let year = overdue ? from : firstDue; year <= to; year += g.lifetime) {
      const price = adjustedPrice(g.unitPrice, percent, year - from);
      const amount = multiply(g.quantity, price);
      accumulate(entry.byYear[year - from]!, g.quantity, amount);
      if (overdue && year === from) accumulate(entry.forecast.overdue, g.quantity, amount);
      let prices = entry.lines.get(year);
      if (!prices) entry.lines.set(year, (prices = new Map()));
      const line = prices.get(price);
      if (line) line.quantity += g.quantity;
      else prices.set(price, { year, unitPrice: price, quantity: g.quantity });
    }
  }

  const ordered = [...classes.map((c) => byClass.get(c.id)).filter((e) => e !== undefined), ...[...byClass].filter(([id]) => !classInfo.has(id)).map(([, e]) => e)];
  const out: Forecast = { from, to, priceChangePercent: percent, years: emptyYears(), overdue: zero(), total: zero(), classes: [] };
  for (const { forecast: cf, lines } of ordered) {
    cf.lines = [...lines.values()].flatMap((prices) => [...prices.values()]).sort((a, b) => a.year - b.year || a.unitPrice - b.unitPrice);
    const values = Object.values(cf.years);
    cf.total = { quantity: values.reduce((n, v) => n + v.quantity, 0), amount: sum(values.map((v) => v.amount)) };
    for (const y of periodYears) accumulate(out.years[String(y)]!, cf.years[String(y)]!.quantity, cf.years[String(y)]!.amount);
    accumulate(out.overdue, cf.overdue.quantity, cf.overdue.amount);
    out.classes.push(cf);
  }
  const totals = Object.values(out.years);
  out.total = { quantity: totals.reduce((n, v) => n + v.quantity, 0), amount: sum(totals.map((v) => v.amount)) };
  return out;
}

/** The forecast as the CLI's JSON (issue 17): from, to, years, overdue, classes. */
export function forecastJson(f: Forecast) {
  const qa = (v: QuantityAmount) => ({ quantity: v.quantity, amount: v.amount });
  const years = (r: Record<string, QuantityAmount>) => Object.fromEntries(Object.entries(r).map(([y, v]) => [y, qa(v)]));
  return {
    from: f.from,
    to: f.to,
    years: years(f.years),
    overdue: qa(f.overdue),
    classes: f.classes.map((c) => ({ class: c.className, unit_price: c.unitPrice, years: years(c.years) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Age profile

export interface AgeProfileClass {
  classId: string;
  className: string;
  quantity: number;
  /** Units by age in years (key "0", "1", …, up to the oldest), at `year`. */
  ages: Record<string, number>;
}

/** How many units of each class are 0, 1, 2, … years old in `year` (bought later: age 0). */
export function ageProfile(groups: ReadonlyArray<{ classId: string; quantity: number; purchaseYear: number }>, classes: readonly ForecastClassInput[], year: number): AgeProfileClass[] {
  const byClass = new Map<string, Map<number, number>>();
  for (const g of groups) {
    const ages = byClass.get(g.classId) ?? new Map<number, number>();
    const age = Math.max(0, year - g.purchaseYear);
    ages.set(age, (ages.get(age) ?? 0) + g.quantity);
    byClass.set(g.classId, ages);
  }
  const out: AgeProfileClass[] = [];
  for (const c of classes) {
    const ages = byClass.get(c.id);
    if (!ages) continue;
    const oldest = Math.max(...ages.keys());
    const record: Record<string, number> = {};
    for (let a = 0; a <= oldest; a++) record[String(a)] = ages.get(a) ?? 0;
    out.push({ classId: c.id, className: c.name, quantity: [...ages.values()].reduce((n, q) => n + q, 0), ages: record });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// «Legg i handlingsplanen»: what applying the forecast changes

export interface PlanLine {
  readonly kind: 'invest' | 'drift';
  readonly year: number;
  readonly amount: number | null;
  readonly quantity: number | null;
  readonly unitPrice: number | null;
  readonly note: string | null;
  readonly saving: boolean;
}

/** A generated measure found in the target revision (through the class link). */
export interface ExistingReplacement {
  readonly classId: string;
  readonly className: string;
  readonly measureId: string;
  readonly version: number;
  readonly lines: readonly PlanLine[];
}

export type ReplacementAction = 'new' | 'changed' | 'unchanged';

export interface ReplacementChange {
  classId: string;
  className: string;
  title: string;
  action: ReplacementAction;
  measureId: string | null;
  /** Investment of the measure in the period's years, before and after. */
  oldAmount: Kroner;
  newAmount: Kroner;
  /** The measure's lines after applying (lines outside the forecast's invest years are kept). */
  lines: PlanLine[];
}

const inPeriod = (l: PlanLine, from: number, to: number) => l.kind === 'invest' && l.year >= from && l.year <= to;
const lineAmount = (l: PlanLine): number => (l.quantity !== null && l.unitPrice !== null ? multiply(l.quantity, l.unitPrice) : (l.amount ?? 0));
const lineKey = (l: PlanLine): string => `${l.year}:${l.quantity ?? ''}:${l.unitPrice ?? ''}:${l.quantity === null ? (l.amount ?? '') : ''}`;

/**
 * Per class: the generated measure to create, change or leave. A class without any forecast and
 * without a measure is left out; a measure whose class no longer falls due loses its period lines.
 */
export function planReplacements(f: Forecast, existing: readonly ExistingReplacement[]): ReplacementChange[] {
  const byClass = new Map(existing.map((e) => [e.classId, e]));
  const out: ReplacementChange[] = [];
  const forecastClasses = new Set(f.classes.map((c) => c.classId));
  const gone = existing
    .filter((e) => !forecastClasses.has(e.classId))
    .map((e): ClassForecast => ({ classId: e.classId, className: e.className, unitPrice: null, years: {}, overdue: zero(), total: zero(), lines: [] }));
  for (const cf of [...f.classes, ...gone]) {
    const current = byClass.get(cf.classId);
    const newLines: PlanLine[] = cf.lines.map((l) => ({ kind: 'invest', year: l.year, amount: null, quantity: l.quantity, unitPrice: l.unitPrice, note: null, saving: false }));
    if (!current && newLines.length === 0) continue;
    const kept = (current?.lines ?? []).filter((l) => !inPeriod(l, f.from, f.to));
    const old = (current?.lines ?? []).filter((l) => inPeriod(l, f.from, f.to));
    const same = current !== undefined && old.length === newLines.length && old.map(lineKey).sort().join('|') === newLines.map(lineKey).sort().join('|');
    out.push({
      classId: cf.classId,
      className: cf.className,
      title: replacementTitle(cf.className),
      action: !current ? 'new' : same ? 'unchanged' : 'changed',
      measureId: current?.measureId ?? null,
      oldAmount: sum(old.map(lineAmount)),
      newAmount: sum(newLines.map(lineAmount)),
      lines: [...kept, ...newLines],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// From the register to the forecast's input

/**
 * The register's groups with their effective lifetime and unit price. A group with neither its
 * own nor a class default (the class's default was cleared later) is left out and counted.
 */
export function forecastInput(
  groups: ReadonlyArray<{ classId: string; quantity: number; purchaseYear: number; lifetime: number | null; unitPrice: number | null }>,
  classes: ReadonlyArray<{ id: string; lifetime: number | null; unitPrice: number | null }>,
): { groups: ForecastGroup[]; incomplete: number } {
  const byId = new Map(classes.map((c) => [c.id, c]));
  const out: ForecastGroup[] = [];
  let incomplete = 0;
  for (const g of groups) {
    const cls = byId.get(g.classId);
    const lifetime = g.lifetime ?? cls?.lifetime ?? null;
    const unitPrice = g.unitPrice ?? cls?.unitPrice ?? null;
    if (lifetime === null || unitPrice === null) incomplete += 1;
    else out.push({ classId: g.classId, quantity: g.quantity, purchaseYear: g.purchaseYear, lifetime, unitPrice });
  }
  return { groups: out, incomplete };
}
