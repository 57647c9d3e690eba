import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitSums, BenefitInputSchema, formatTenths, parseTenths, type BenefitLike } from './benefit.ts';
import { followupOverview, isOverBudget, latestReports, plannedVsActual, type FollowupMeasureLike } from './followup.ts';
import { yearsOf } from './plan-totals.ts';

const YEARS = yearsOf(2025, 2028);
const entry = fc.record({ year: fc.constantFrom(...YEARS, 2030), value: fc.integer({ min: -1_000_000, max: 10_000_000 }) });
const benefit: fc.Arbitrary<BenefitLike & { owner: string | null }> = fc.record({
  kind: fc.constantFrom('economic' as const, 'time' as const, 'quality' as const, 'risk' as const),
  targets: fc.array(entry, { maxLength: 5 }),
  results: fc.array(entry, { maxLength: 5 }),
  owner: fc.option(fc.constant('Kari'), { nil: null }),
});
const line = fc.record({
  kind: fc.constantFrom('invest' as const, 'drift' as const),
  year: fc.constantFrom(...YEARS),
  amount: fc.integer({ min: -1_000_000, max: 10_000_000 }),
  quantity: fc.constant(null),
  unitPrice: fc.constant(null),
});
const measure: fc.Arbitrary<FollowupMeasureLike> = fc.record({
  id: fc.uuid(),
  number: fc.constant(null),
  title: fc.constant('Tiltak'),
  status: fc.constantFrom('planned' as const, 'in_progress' as const, 'done' as const, 'cancelled' as const),
  endDate: fc.option(fc.constantFrom('2025-06-30', '2027-12-31'), { nil: null }),
  lines: fc.array(line, { maxLength: 6 }),
  actuals: fc.array(fc.record({ year: fc.constantFrom(...YEARS), amount: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 4 }),
  benefits: fc.array(benefit, { maxLength: 3 }),
});
const add = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('benefit sums', () => {
  it('per plan = the sum of its measures = the sum of the values, per kind; per year inside the period', () => {
    fc.assert(
      fc.property(fc.array(fc.array(benefit, { maxLength: 4 }), { maxLength: 6 }), (perMeasure) => {
        const all = perMeasure.flat();
        const plan = benefitSums(all, YEARS);
        for (const kind of ['economic', 'time'] as const) {
          const parts = perMeasure.map((bs) => benefitSums(bs, YEARS)[kind]);
          expect(plan[kind].expectedTotal).toBe(add(parts.map((p) => p.expectedTotal)));
          expect(plan[kind].realisedTotal).toBe(add(parts.map((p) => p.realisedTotal)));
          const mine = all.filter((b) => b.kind === kind);
          expect(plan[kind].expectedTotal).toBe(add(mine.flatMap((b) => b.targets.map((t) => t.value))));
          // Years of the period add up to the total less what lies outside it (2030 here).
          const outside = add(mine.flatMap((b) => b.targets.filter((t) => t.year === 2030).map((t) => t.value)));
          expect(add(YEARS.map((y) => plan[kind].expected[y] ?? NaN)) + outside).toBe(plan[kind].expectedTotal);
          for (const y of YEARS) expect(plan[kind].realised[y]).toBe(add(parts.map((p) => p.realised[y] ?? NaN)));
        }
      }),
    );
  });

  it('ignores quality and risk benefits in the sums (their units do not add up)', () => {
    const sums = benefitSums([{ kind: 'quality', targets: [{ year: 2025, value: 90 }], results: [] }], YEARS);
    expect(sums.economic.expectedTotal).toBe(0);
    expect(sums.time.expectedTotal).toBe(0);
  });

  it('refuses two targets for one year, naming the field', () => {
    const r = BenefitInputSchema.safeParse({ kind: 'economic', indicator: 'Porto', targets: [{ year: 2026, value: 1 }, { year: 2026, value: 2 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['targets', 1, 'year']);
  });

  it('hours in tenths round-trip through their text', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (t) => {
      expect(parseTenths(formatTenths(t))).toBe(t);
    }));
    expect(parseTenths('12,55')).toBeNull();
    expect(formatTenths(2635)).toBe('263,5');
  });
});

describe('planned against actual', () => {
  it('the plan deviation is the sum of the yearly deviations and of the measures', () => {
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 8 }), (ms) => {
        const o = followupOverview(ms, YEARS, '2026-06-01');
        expect(o.money.actual).toBe(add(ms.flatMap((m) => m.actuals.map((a) => a.amount))));
        expect(add(o.money.years.map((y) => y.deviation))).toBe(o.money.deviation);
        expect(o.money.deviation).toBe(add(ms.map((m) => plannedVsActual(m.lines, m.actuals, YEARS).deviation)));
        for (const m of ms) {
          const flagged = o.flagged.find((f) => f.id === m.id);
          expect(flagged?.flags.includes('overBudget') ?? false).toBe(isOverBudget(m));
        }
      }),
    );
  });

  it('flags late, over budget and without a benefit owner', () => {
    const base = { number: '1', title: 'Sak', status: 'in_progress' as const, lines: [{ kind: 'drift' as const, year: 2025, amount: 100, quantity: null, unitPrice: null }] };
    const o = followupOverview(
      [
        { ...base, id: 'a', endDate: '2025-12-31', actuals: [{ year: 2025, amount: 101 }], benefits: [] },
        { ...base, id: 'b', endDate: null, actuals: [{ year: 2025, amount: 100 }], benefits: [{ kind: 'time', targets: [], results: [], owner: 'Ola' }] },
      ],
      YEARS,
      '2026-01-01',
    );
    expect(o.flagged).toEqual([{ id: 'a', number: '1', title: 'Sak', flags: ['late', 'overBudget', 'noBenefitOwner'] }]);
  });

  it('takes the newest status report of each measure', () => {
    const latest = latestReports([
      { measureId: 'a', reportDate: '2026-04-30', text: 'T1' },
      { measureId: 'a', reportDate: '2026-08-31', text: 'T2' },
      { measureId: 'b', reportDate: '2026-04-30', text: 'B' },
    ]);
    expect(latest.get('a')?.text).toBe('T2');
    expect(latest.get('b')?.text).toBe('B');
  });
});
