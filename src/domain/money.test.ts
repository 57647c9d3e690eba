import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_KRONER, MoneyError, add, formatKroner, formatThousands, kroner, multiply, parseKroner, subtract, sum, withinLimit } from './money.ts';

describe('money', () => {
  it('formats amounts the Norwegian way, to the character', () => {
    expect(formatKroner(1052500)).toBe('1\u00a0052\u00a0500\u00a0kr');
    expect(formatKroner(0)).toBe('0\u00a0kr');
    expect(formatKroner(999)).toBe('999\u00a0kr');
    expect(formatKroner(-60000)).toBe('\u221260\u00a0000\u00a0kr');
    expect(formatKroner(8500, { unit: false })).toBe('8\u00a0500');
  });

  it('parses what Norwegian spreadsheets contain', () => {
    expect(parseKroner('60 000,-')).toBe(60000);
    expect(parseKroner('1 052 500')).toBe(1052500);
    expect(parseKroner('1.052.500')).toBe(1052500);
    expect(parseKroner('105936')).toBe(105936);
    expect(parseKroner('-')).toBe(0);
    expect(parseKroner('')).toBe(0);
    expect(parseKroner('1\u00a0000 kr')).toBe(1000);
    expect(parseKroner('−5 000')).toBe(-5000);
    expect(parseKroner('12,5')).toBeNull();
    expect(parseKroner('abc')).toBeNull();
    expect(parseKroner('1.05')).toBeNull();
  });

  it('refuses fractions and unsafe values instead of losing precision', () => {
    expect(() => kroner(0.1)).toThrow(MoneyError);
    expect(() => kroner(2 ** 53)).toThrow(MoneyError);
    expect(() => sum([2 ** 52, 2 ** 52])).toThrow(MoneyError);
    expect(() => multiply(1_000_000, MAX_KRONER)).toThrow(MoneyError);
    expect(() => multiply(1.5, 100)).toThrow(MoneyError);
    expect(multiply(25, 8500)).toBe(212500);
    expect(add(1, 2)).toBe(3);
    expect(subtract(1, 2)).toBe(-1);
  });

  it('sum equals the sum of parts in any order and split (property)', () => {
    const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), fc.nat(), (parts, cut) => {
        const at = parts.length === 0 ? 0 : cut % parts.length;
        const whole = sum(parts);
        expect(add(sum(parts.slice(0, at)), sum(parts.slice(at)))).toBe(whole);
        expect(sum([...parts].reverse())).toBe(whole);
      }),
    );
  });

  it('formatting round-trips through parsing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }), (n) => {
        expect(parseKroner(formatKroner(n))).toBe(n);
      }),
    );
  });

  it('has one limit, 100 milliarder kr, that parsing and withinLimit keep', () => {
    expect(MAX_KRONER).toBe(100_000_000_000);
    expect(withinLimit(MAX_KRONER)).toBe(true);
    expect(withinLimit(-MAX_KRONER)).toBe(true);
    expect(withinLimit(MAX_KRONER + 1)).toBe(false);
    expect(parseKroner('100 000 000 000')).toBe(MAX_KRONER);
    expect(parseKroner('100 000 000 001')).toBeNull();
  });

  it('sums of amounts within the limit are exact and never throw while they stay below 2^53 (property)', () => {
    const amount = fc.integer({ min: -MAX_KRONER, max: MAX_KRONER });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 500 }), (parts) => {
        const total = sum(parts);
        // 500 × 10^11 < 2^53: the exact sum, as BigInt arithmetic gives it.
        expect(BigInt(total)).toBe(parts.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });

  it('a product within the limit is exact; beyond 2^53 it throws, never rounds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }), (q, p) => {
        const exact = BigInt(q) * BigInt(p);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => multiply(q, p)).toThrow(MoneyError);
        } else {
          expect(BigInt(multiply(q, p))).toBe(exact);
        }
      }),
    );
  });
});

describe('formatThousands (display in 1 000 kr)', () => {
  it('rounds whole kroner to thousands, half away from zero, with Norwegian grouping', () => {
    expect(formatThousands(1_052_500)).toBe('1\u00a0053');
    expect(formatThousands(1_052_499)).toBe('1\u00a0052');
    expect(formatThousands(499)).toBe('0');
    expect(formatThousands(500)).toBe('1');
    expect(formatThousands(0)).toBe('0');
    expect(formatThousands(-2_500)).toBe('\u22123');
    expect(formatThousands(-499)).toBe('0');
    expect(formatThousands(MAX_KRONER)).toBe(formatKroner(Math.round(MAX_KRONER / 1000), { unit: false }));
  });
});
