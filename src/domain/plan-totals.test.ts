import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRevisions, type ComparableMeasure } from './plan-compare.ts';
import {
  actionPlanMoney,
  compactAmounts,
  compactPlanTotals,
  compactYears,
  economyPlan,
  expandCompact,
  lineAmount,
  planTotals,
  totalsOf,
  yearsOf,
  type CompactMeasureLike,
  type CostLineLike,
  type MeasureLike,
} from './plan-totals.ts';

const YEARS = yearsOf(2025, 2028);
const line: fc.Arbitrary<CostLineLike> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('invest' as const, 'drift' as const),
    year: fc.constantFrom(...YEARS),
    amount: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    quantity: fc.constant(null),
    unitPrice: fc.constant(null),
  }),
  fc.record({
    kind: fc.constantFrom('invest' as const, 'drift' as const),
    year: fc.constantFrom(...YEARS),
    amount: fc.constant(null),
    quantity: fc.integer({ min: 0, max: 500 }),
    unitPrice: fc.integer({ min: 0, max: 200_000 }),
  }),
);
const measure = (id: string): fc.Arbitrary<MeasureLike> =>
  fc.record({ id: fc.constant(id), focusAreaId: fc.constantFrom(null, 'a', 'b', 'c'), lines: fc.array(line, { maxLength: 12 }) });
const plan = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => measure(`m${i}`))));

type Edit =
  | { op: 'add'; m: MeasureLike }
  | { op: 'remove'; index: number }
  | { op: 'setLines'; index: number; lines: CostLineLike[] }
  | { op: 'move'; index: number; focusAreaId: string | null };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  measure('new').map((m) => ({ op: 'add' as const, m })),
  fc.nat().map((index) => ({ op: 'remove' as const, index })),
  fc.tuple(fc.nat(), fc.array(line, { maxLength: 8 })).map(([index, lines]) => ({ op: 'setLines' as const, index, lines })),
  fc.tuple(fc.nat(), fc.constantFrom(null, 'a', 'b', 'd')).map(([index, focusAreaId]) => ({ op: 'move' as const, index, focusAreaId })),
);

function apply(measures: MeasureLike[], e: Edit, step: number): MeasureLike[] {
  if (e.op === 'add') return [...measures, { ...e.m, id: `new${step}` }];
  if (measures.length === 0) return measures;
  const i = e.index % measures.length;
  if (e.op === 'remove') return measures.filter((_, j) => j !== i);
  return measures.map((m, j) => (j !== i ? m : e.op === 'setLines' ? { ...m, lines: e.lines } : { ...m, focusAreaId: e.focusAreaId }));
}

/** The reference: a plain sum over the lines, written independently of plan-totals. */
function naive(measures: readonly MeasureLike[], filter: (m: MeasureLike, l: CostLineLike) => boolean): number {
  let total = 0;
  for (const m of measures) for (const l of m.lines) if (filter(m, l)) total += l.quantity !== null && l.unitPrice !== null ? l.quantity * l.unitPrice : (l.amount ?? 0);
  return total;
}

function checkTotals(measures: readonly MeasureLike[]): void {
  const t = planTotals(measures, YEARS);
  expect(t.overall.total).toBe(naive(measures, () => true));
  for (const kind of ['invest', 'drift'] as const) {
    expect(t.overall.byKind[kind]).toBe(naive(measures, (_m, l) => l.kind === kind));
    for (const y of YEARS) expect(t.overall.byYear[kind][y]).toBe(naive(measures, (_m, l) => l.kind === kind && l.year === y));
  }
  for (const y of YEARS) expect(t.overall.perYear[y]).toBe(naive(measures, (_m, l) => l.year === y));
  for (const m of measures) expect(t.perMeasure[m.id]?.total).toBe(naive([m], () => true));
  // Focus-area sums add up to the overall sum, and the measures' sums do too.
  expect(Object.values(t.perFocusArea).reduce((s, a) => s + a.total, 0)).toBe(t.overall.total);
  expect(measures.reduce((s, m) => s + (t.perMeasure[m.id]?.total ?? 0), 0)).toBe(t.overall.total);
  const eco = economyPlan(measures, 2025);
  expect(eco.reduce((s, r) => s + r.total, 0)).toBe(t.overall.total);
  expect(eco.every((r) => r.total === r.invest + r.drift)).toBe(true);
}

describe('plan totals', () => {
  it('a cost line is quantity × unit price, or its amount', () => {
    expect(lineAmount({ kind: 'invest', year: 2025, amount: null, quantity: 25, unitPrice: 8500 })).toBe(212500);
    expect(lineAmount({ kind: 'drift', year: 2025, amount: 60000, quantity: null, unitPrice: null })).toBe(60000);
    expect(totalsOf([], YEARS).perYear).toEqual({ 2025: 0, 2026: 0, 2027: 0, 2028: 0 });
  });

  it('every total equals the sum of its parts for any plan (property)', () => {
    fc.assert(fc.property(plan, (measures) => checkTotals(measures)), { numRuns: 200 });
  });

  it('totals stay equal to the sum of parts under any sequence of edits (property)', () => {
    fc.assert(
      fc.property(plan, fc.array(edit, { maxLength: 30 }), (start, edits) => {
        let measures: MeasureLike[] = start;
        edits.forEach((e, step) => {
          measures = apply(measures, e, step);
          checkTotals(measures);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('comparison deltas add up to the difference of the totals (property)', () => {
    const comparable = (m: MeasureLike): ComparableMeasure => ({
      lineageId: m.id,
      number: null,
      title: m.id,
      description: null,
      responsible: null,
      status: 'planned',
      priority: 'medium',
      startDate: null,
      endDate: null,
      focusAreaTitle: m.focusAreaId,
      lines: m.lines,
    });
    fc.assert(
      fc.property(plan, fc.array(edit, { maxLength: 10 }), (start, edits) => {
        let after: MeasureLike[] = start;
        edits.forEach((e, step) => (after = apply(after, e, step)));
        const cmp = compareRevisions(start.map(comparable), after.map(comparable));
        const deltaSum = cmp.totals.reduce((s, d) => s + d.delta, 0);
        expect(deltaSum).toBe(naive(after, () => true) - naive(start, () => true));
        const ids = new Set(after.map((m) => m.id));
        expect(cmp.removed.map((r) => r.lineageId).every((id) => !ids.has(id))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  describe('compact form (the handlingsplan table)', () => {
    /** What the server sends: per measure, the sums per kind aligned with the table's years. */
    const compact = (measures: readonly MeasureLike[], startYear: number, endYear: number) => {
      const years = compactYears(startYear, endYear, measures.flatMap((m) => m.lines));
      const table: CompactMeasureLike[] = measures.map((m) => ({ id: m.id, focusAreaId: m.focusAreaId, ...compactAmounts(m.lines, years) }));
      return { years, table };
    };

    it('sums every line of a year, quantity × unit price included', () => {
      const lines: CostLineLike[] = [
        { kind: 'invest', year: 2025, amount: null, quantity: 25, unitPrice: 8500 },
        { kind: 'invest', year: 2025, amount: 1000, quantity: null, unitPrice: null },
        { kind: 'drift', year: 2026, amount: 5000, quantity: null, unitPrice: null },
        { kind: 'drift', year: 2026, amount: -2000, quantity: null, unitPrice: null },
        { kind: 'drift', year: 2028, amount: 12000, quantity: null, unitPrice: null },
      ];
      expect(compactAmounts(lines, YEARS)).toEqual({ invest: [213500, 0, 0, 0], drift: [0, 3000, 0, 12000] });
      expect(compactAmounts([], YEARS)).toEqual({ invest: [0, 0, 0, 0], drift: [0, 0, 0, 0] });
      expect(expandCompact({ id: 'm', focusAreaId: null, invest: [1, 2], drift: [3, 4] }, [2025, 2026]).lines).toHaveLength(4);
    });

    it('widens the years to a line outside the period instead of losing it, and refuses years that miss a line', () => {
      const outside: CostLineLike = { kind: 'drift', year: 2030, amount: 7, quantity: null, unitPrice: null };
      expect(compactYears(2025, 2028, [{ year: 2026 }])).toEqual(YEARS);
      expect(compactYears(2025, 2028, [outside, { year: 2023 }])).toEqual(yearsOf(2023, 2030));
      expect(() => compactAmounts([outside], YEARS)).toThrow(RangeError);
    });

    it('gives the same sums as planTotals and economyPlan of the lines (property)', () => {
      const anyYearLine = fc.record({
        kind: fc.constantFrom('invest' as const, 'drift' as const),
        year: fc.integer({ min: 2022, max: 2031 }),
        amount: fc.integer({ min: -5_000_000, max: 50_000_000 }),
        quantity: fc.constant(null),
        unitPrice: fc.constant(null),
      });
      const mixed = (id: string): fc.Arbitrary<MeasureLike> =>
        fc.record({ id: fc.constant(id), focusAreaId: fc.constantFrom(null, 'a', 'b', 'c'), lines: fc.array(fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: anyYearLine }), { maxLength: 12 }) });
      const mixedPlan = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => mixed(`m${i}`))));
      fc.assert(
        fc.property(fc.oneof(plan, mixedPlan), (measures) => {
          const { years, table } = compact(measures, 2025, 2028);
          for (const row of table) expect([row.invest.length, row.drift.length]).toEqual([years.length, years.length]);
          // Identical objects: per measure, per focus area, overall, by year, by kind and per year.
          expect(compactPlanTotals(table, years)).toEqual(planTotals(measures, years));
          if (measures.every((m) => m.lines.every((l) => YEARS.includes(l.year)))) {
            expect(years).toEqual(YEARS);
            expect(compactPlanTotals(table, years)).toEqual(planTotals(measures, YEARS));
          }
          const expanded = table.map((m) => expandCompact(m, years));
          expect(economyPlan(expanded, 2025)).toEqual(economyPlan(measures, 2025));
          // Any subset (the page's filters) sums the same too.
          const some = table.filter((_, i) => i % 2 === 0);
          expect(compactPlanTotals(some, years)).toEqual(planTotals(measures.filter((_, i) => i % 2 === 0), years));
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('actionPlanMoney (the handlingsplan payload: lines as columns)', () => {
  it('sums each measure per kind and year, quantity × unit price where given, and widens the years to every line', () => {
    const { years, measures } = actionPlanMoney(2025, 2026, [
      { id: 'a', kinds: ['invest', 'invest', 'drift'], years: [2025, 2025, 2026], amounts: [1000, null, 300], quantities: [null, 3, null], unitPrices: [null, 8500, null] },
      { id: 'b', kinds: ['drift', 'drift'], years: [2026, 2027], amounts: [50, 70], quantities: null, unitPrices: null },
      { id: 'c', kinds: null, years: null, amounts: null, quantities: null, unitPrices: null },
    ]);
    expect(years).toEqual([2025, 2026, 2027]);
    expect(measures.map(({ id, invest, drift }) => ({ id, invest, drift }))).toEqual([
      { id: 'a', invest: [1000 + 25500, 0, 0], drift: [0, 300, 0] },
      { id: 'b', invest: [0, 0, 0], drift: [0, 50, 70] },
      { id: 'c', invest: [0, 0, 0], drift: [0, 0, 0] },
    ]);
  });
});
