import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedPrice, ageProfile, dueYears, forecast, forecastJson, planReplacements, type ForecastGroup } from './asset-forecast.ts';
import { DEFAULT_ASSET_CLASSES } from './asset.ts';

const CLASSES = [
  { id: 'pc', name: 'PC', unitPrice: 8500 },
  { id: 'srv', name: 'Server', unitPrice: null },
  { id: 'sw', name: 'Switch', unitPrice: 20000 },
];
const group: fc.Arbitrary<ForecastGroup> = fc.record({
  classId: fc.constantFrom('pc', 'srv', 'sw'),
  quantity: fc.integer({ min: 1, max: 500 }),
  purchaseYear: fc.integer({ min: 1990, max: 2030 }),
  lifetime: fc.integer({ min: 1, max: 12 }),
  unitPrice: fc.integer({ min: 0, max: 500_000 }),
});
const period = fc.integer({ min: 2015, max: 2035 }).chain((from) => fc.tuple(fc.constant(from), fc.integer({ min: from, max: from + 12 })));
const percent = fc.oneof(fc.constant(0), fc.integer({ min: -50, max: 100 }), fc.double({ min: -50, max: 100, noNaN: true }));

describe('asset forecast', () => {
  it('year totals are the sums of the class totals, and every total the sum of its years', () => {
    fc.assert(
      fc.property(fc.array(group, { maxLength: 60 }), period, percent, (groups, [from, to], pct) => {
        const f = forecast(groups, CLASSES, { from, to, priceChangePercent: pct });
        for (let y = from; y <= to; y++) {
          const key = String(y);
          expect(f.years[key]!.amount).toBe(f.classes.reduce((s, c) => s + c.years[key]!.amount, 0));
          expect(f.years[key]!.quantity).toBe(f.classes.reduce((s, c) => s + c.years[key]!.quantity, 0));
        }
        expect(f.total.amount).toBe(Object.values(f.years).reduce((s, v) => s + v.amount, 0));
        expect(f.overdue.amount).toBe(f.classes.reduce((s, c) => s + c.overdue.amount, 0));
        for (const c of f.classes) {
          // The plan lines of a class add up to its years.
          for (let y = from; y <= to; y++) {
            const lines = c.lines.filter((l) => l.year === y);
            expect(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0)).toBe(c.years[String(y)]!.amount);
            expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(c.years[String(y)]!.quantity);
          }
        }
      }),
    );
  });

  it('counts each group once per due year; overdue once in the first year, then every lifetime from it', () => {
    fc.assert(
      fc.property(group, period, ({ quantity, purchaseYear, lifetime, unitPrice }, [from, to]) => {
        const g = { classId: 'pc', quantity, purchaseYear, lifetime, unitPrice };
        const f = forecast([g], CLASSES, { from, to });
        // Independent count: walk every due year from the purchase.
        const expected = new Map<number, number>();
        let overdue = false;
        for (let due = purchaseYear + lifetime; due <= to; due += lifetime) {
          if (due < from) overdue = true;
          else expected.set(due, 1);
        }
        if (overdue) {
          expected.clear();
          for (let y = from; y <= to; y += lifetime) expected.set(y, 1);
        }
        for (let y = from; y <= to; y++) {
          const times = expected.get(y) ?? 0;
          expect(f.years[String(y)]!.quantity).toBe(times * quantity);
          expect(f.years[String(y)]!.amount).toBe(times * quantity * unitPrice);
        }
        expect(f.overdue.quantity).toBe(overdue ? quantity : 0);
      }),
    );
  });

  it('rounds a changed price to whole kroner per unit, compounded from the first year', () => {
    expect(adjustedPrice(8500, 0, 3)).toBe(8500);
    expect(adjustedPrice(8500, 10, 0)).toBe(8500);
    expect(adjustedPrice(8500, 10, 1)).toBe(9350);
    expect(adjustedPrice(8500, 2.5, 2)).toBe(Math.round(8500 * 1.025 ** 2));
    const f = forecast([{ classId: 'pc', quantity: 3, purchaseYear: 2022, lifetime: 4, unitPrice: 999 }], CLASSES, { from: 2025, to: 2027, priceChangePercent: 3.3 });
    expect(f.years['2026']).toEqual({ quantity: 3, amount: 3 * Math.round(999 * 1.033) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), percent, fc.integer({ min: 0, max: 20 }), (price, pct, k) => {
        expect(Number.isInteger(adjustedPrice(price, pct, k))).toBe(true);
      }),
    );
  });

  it('example: 25 PCs bought 2020 with 4 years are overdue in 2025 and due again in 2029', () => {
    expect(dueYears({ purchaseYear: 2020, lifetime: 4 }, 2025, 2030)).toEqual({ years: [2025, 2029], overdue: true });
    const f = forecast([{ classId: 'pc', quantity: 25, purchaseYear: 2020, lifetime: 4, unitPrice: 8500 }], CLASSES, { from: 2025, to: 2030 });
    expect(forecastJson(f)).toEqual({
      from: 2025,
      to: 2030,
      years: {
        '2025': { quantity: 25, amount: 212500 },
        '2026': { quantity: 0, amount: 0 },
        '2027': { quantity: 0, amount: 0 },
        '2028': { quantity: 0, amount: 0 },
        '2029': { quantity: 25, amount: 212500 },
        '2030': { quantity: 0, amount: 0 },
      },
      overdue: { quantity: 25, amount: 212500 },
      classes: [{ class: 'PC', unit_price: 8500, years: expect.any(Object) }],
    });
  });

  it('age profile counts the units of a class by age', () => {
    const p = ageProfile(
      [
        { classId: 'pc', quantity: 10, purchaseYear: 2024 },
        { classId: 'pc', quantity: 5, purchaseYear: 2022 },
        { classId: 'sw', quantity: 2, purchaseYear: 2026 },
      ],
      CLASSES,
      2026,
    );
    expect(p).toEqual([
      { classId: 'pc', className: 'PC', quantity: 15, ages: { '0': 0, '1': 0, '2': 10, '3': 0, '4': 5 } },
      { classId: 'sw', className: 'Switch', quantity: 2, ages: { '0': 2 } },
    ]);
  });

  it('plans new, changed and unchanged replacement measures; keeps lines outside the period', () => {
    const groups = [
      { classId: 'pc', quantity: 10, purchaseYear: 2022, lifetime: 4, unitPrice: 8500 },
      { classId: 'sw', quantity: 2, purchaseYear: 2020, lifetime: 8, unitPrice: 20000 },
    ];
    const f = forecast(groups, CLASSES, { from: 2026, to: 2029 });
    const first = planReplacements(f, []);
    expect(first.map((c) => [c.title, c.action, c.newAmount])).toEqual([
      ['Utskifting PC', 'new', 85000],
      ['Utskifting Switch', 'new', 40000],
    ]);
    const driftLine = { kind: 'drift' as const, year: 2027, amount: 1000, quantity: null, unitPrice: null, note: null, saving: false };
    const existing = first.map((c, i) => ({ classId: c.classId, className: c.className, measureId: `m${i}`, version: 1, lines: i === 0 ? [...c.lines, driftLine] : c.lines }));
    const again = planReplacements(forecast([{ ...groups[0]!, quantity: 12 }, groups[1]!], CLASSES, { from: 2026, to: 2029 }), existing);
    expect(again.map((c) => [c.title, c.action, c.oldAmount, c.newAmount])).toEqual([
      ['Utskifting PC', 'changed', 85000, 102000],
      ['Utskifting Switch', 'unchanged', 40000, 40000],
    ]);
    expect(again[0]!.lines).toContainEqual(driftLine);
    // A class that no longer falls due loses its period lines.
    const gone = planReplacements(forecast([groups[1]!], CLASSES, { from: 2026, to: 2029 }), existing);
    expect(gone.find((c) => c.classId === 'pc')).toMatchObject({ action: 'changed', oldAmount: 85000, newAmount: 0, lines: [driftLine] });
  });

  it('every default class with a value names its source', () => {
    for (const c of DEFAULT_ASSET_CLASSES) if (c.lifetime !== null || c.unitPrice !== null) expect(c.source).toBeTruthy();
  });
});
