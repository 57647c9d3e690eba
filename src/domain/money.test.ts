import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_KRONER, MoneyError, add, formatKroner, formatThousands, kroner, multiply, parseKroner, subtract, sum } from './money.ts';

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
    expect(() => kroner(MAX_KRONER + 2)).toThrow(MoneyError);
    expect(() => sum([MAX_KRONER, MAX_KRONER])).toThrow(MoneyError);
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
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseKroner(formatKroner(n))).toBe(n);
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
