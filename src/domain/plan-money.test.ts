import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_KRONER } from './money.ts';
import { measureMoneyErrors, revisionMoneyErrors, type MoneyMeasure } from './plan-money.ts';
import { compactPlanTotals, actionPlanMoney, planTotals, yearsOf, type CostLineLike, type Totals } from './plan-totals.ts';

const YEARS = yearsOf(2026, 2029);

/** Lines with every field within its schema limit (|amount|, |unit price| ≤ MAX_KRONER, quantity ≤ 10^6). */
const line: fc.Arbitrary<CostLineLike> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('invest' as const, 'drift' as const),
    year: fc.constantFrom(...YEARS),
    amount: fc.oneof(fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }), fc.constantFrom(MAX_KRONER, -MAX_KRONER, 1, 0)),
    quantity: fc.constant(null),
    unitPrice: fc.constant(null),
  }),
  fc.record({
    kind: fc.constantFrom('invest' as const, 'drift' as const),
    year: fc.constantFrom(...YEARS),
    amount: fc.constant(null),
    quantity: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 1, 1_000_000)),
    unitPrice: fc.oneof(fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }), fc.integer({ min: -1_000_000, max: 1_000_000 })),
  }),
);
const measures = fc.array(
  fc.record({ id: fc.uuid(), number: fc.option(fc.constantFrom('1', '2', '3'), { nil: null }), title: fc.constant('T'), focusAreaId: fc.constantFrom(null, 'a', 'b'), lines: fc.array(line, { maxLength: 8 }) }),
  { maxLength: 8 },
);

function allValues(t: Totals): number[] {
  return [...Object.values(t.byYear.invest), ...Object.values(t.byYear.drift), t.byKind.invest, t.byKind.drift, ...Object.values(t.perYear), t.total];
}

describe('plan money limit', () => {
  it('names the line, the kind, the year and the measure', () => {
    expect(measureMoneyErrors({ number: '3', title: 'PC-er', lines: [{ kind: 'invest', year: 2027, quantity: 1_000_000, unitPrice: 200_000 }] })).toEqual([
      { field: 'lines.0.unitPrice', message: 'Investering 2027 for tiltak 3 blir for stor (over 100 000 000 000 kr).' },
    ]);
    expect(
      measureMoneyErrors({
        number: null,
        title: 'Skylagring',
        lines: [
          { kind: 'drift', year: 2028, amount: 60_000_000_000 },
          { kind: 'drift', year: 2028, amount: 60_000_000_000 },
        ],
      }),
    ).toEqual([{ field: 'lines.1.amount', message: 'Drift 2028 for tiltaket «Skylagring» blir for stor (over 100 000 000 000 kr).' }]);
    expect(
      measureMoneyErrors({
        number: '7',
        lines: [
          { kind: 'drift', year: 2027, amount: 60_000_000_000 },
          { kind: 'drift', year: 2028, amount: 60_000_000_000 },
        ],
      }),
    ).toEqual([{ field: 'lines', message: 'Summen for tiltak 7 blir for stor (over 100 000 000 000 kr).' }]);
    const half = { number: '1', lines: [{ kind: 'invest' as const, year: 2027, amount: 60_000_000_000 }] };
    expect(revisionMoneyErrors([half, { ...half, number: '2' }])).toEqual([
      { field: 'lines', message: 'Summen av tiltakene i revisjonen blir for stor (over 100 000 000 000 kr).' },
    ]);
    expect(revisionMoneyErrors([half])).toEqual([]);
  });

  it('when the check passes, every sum a plan shows is within the limit and computes (property)', () => {
    fc.assert(
      fc.property(measures, (ms) => {
        if (revisionMoneyErrors(ms).length > 0) return;
        const totals = planTotals(ms, YEARS);
        const values = [...Object.values(totals.perMeasure).flatMap(allValues), ...Object.values(totals.perFocusArea).flatMap(allValues), ...allValues(totals.overall)];
        for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(MAX_KRONER);
        // The handlingsplan page's compact sums agree with them.
        const columns = ms.map((m) => ({
          id: m.id,
          focusAreaId: m.focusAreaId,
          kinds: m.lines.map((l) => l.kind),
          years: m.lines.map((l) => l.year),
          amounts: m.lines.map((l) => l.amount),
          quantities: m.lines.map((l) => l.quantity),
          unitPrices: m.lines.map((l) => l.unitPrice),
        }));
        const money = actionPlanMoney(2026, 2029, columns);
        expect(compactPlanTotals(money.measures, money.years).overall.total).toBe(totals.overall.total);
      }),
      { numRuns: 300 },
    );
  });

  it('a sum beyond the limit is always refused (property)', () => {
    fc.assert(
      fc.property(measures, (ms: Array<MoneyMeasure & { id: string; focusAreaId: string | null; lines: CostLineLike[] }>) => {
        let beyond = false;
        try {
          const totals = planTotals(ms, YEARS);
          beyond = [...Object.values(totals.perMeasure).flatMap(allValues), ...allValues(totals.overall)].some((v) => Math.abs(v) > MAX_KRONER);
        } catch {
          beyond = true; // a product beyond 2^53
        }
        if (beyond) expect(revisionMoneyErrors(ms).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
