/**
 * Money is integer kroner everywhere: storage, arithmetic and transport.
 * This module is the only place that adds, multiplies or formats amounts.
 */

declare const kronerBrand: unique symbol;
/** An amount in whole Norwegian kroner. Always a safe integer. */
export type Kroner = number & { readonly [kronerBrand]: true };

/**
 * The money limit, the only one: 100 milliarder kr (10^11). No Norwegian municipality's whole
 * budget, let alone one ICT line, comes near it. Every amount a user enters or a file holds, every
 * quantity × unit price, and every sum a plan shows (a measure's year, a measure, a revision) must
 * stay within ±MAX_KRONER; the write that would break it is refused with a field message (see
 * plan-money.ts). Sums the app only reports (a portfolio's yearly contract cost) may pass it:
 * the arithmetic below refuses only results that would lose a krone (beyond 2^53).
 */
export const MAX_KRONER = 100_000_000_000;

/** `100 000 000 000 kr`, for messages. */
export const MAX_KRONER_TEXT = '100 000 000 000 kr';

export class MoneyError extends Error {
  override name = 'MoneyError';
}

/** True when |amount| ≤ MAX_KRONER (and it is a number). */
export function withinLimit(amount: number): boolean {
  return Math.abs(amount) <= MAX_KRONER;
}

/**
 * Validates that `value` is a whole number of kroner that arithmetic holds exactly (a safe
 * integer) and brands it. Whether it is within MAX_KRONER is the writer's check (withinLimit).
 */
export function kroner(value: number): Kroner {
  if (!Number.isInteger(value)) throw new MoneyError(`Beløp må være et heltall, fikk ${String(value)}`);
  if (!Number.isSafeInteger(value)) throw new MoneyError(`Beløpet ${value} er utenfor gyldig område`);
  return value as Kroner;
}

/** Sum of amounts; throws instead of silently losing precision. */
export function sum(amounts: Iterable<number>): Kroner {
  let total = 0;
  for (const a of amounts) total = kroner(kroner(a) + total);
  return total as Kroner;
}

export function add(a: number, b: number): Kroner {
  return kroner(kroner(a) + kroner(b));
}

export function subtract(a: number, b: number): Kroner {
  return kroner(kroner(a) - kroner(b));
}

/** quantity × unit price, e.g. 25 PC-er à 8 500 kr. Quantity must be a whole number. */
export function multiply(quantity: number, unitPrice: number): Kroner {
  if (!Number.isInteger(quantity)) throw new MoneyError(`Antall må være et heltall, fikk ${String(quantity)}`);
  return kroner(quantity * kroner(unitPrice));
}

const groupFormatter = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, useGrouping: true });

/**
 * `1052500` → `1 052 500 kr` (U+00A0 between groups and before `kr`, U+2212 for minus),
 * the way Norwegian public documents print amounts.
 */
export function formatKroner(amount: number, options: { unit?: boolean } = {}): string {
  const value = kroner(amount);
  const digits = groupFormatter
    .format(Math.abs(value))
    .replace(/[\s\u202f]/g, '\u00a0');
  const sign = value < 0 ? '\u2212' : '';
  return options.unit === false ? `${sign}${digits}` : `${sign}${digits}\u00a0kr`;
}

/**
 * An amount in whole thousands of kroner, for display only ("i 1 000 kr", as økonomiplan documents
 * print): `1052500` → `1 053`, `1499` → `1`, `−2500` → `−3` (half away from zero). Integer
 * arithmetic; nothing is stored or added up in thousands. A sum is rounded from its exact kroner,
 * so a shown sum can differ by a few thousand from the sum of the shown (rounded) amounts: pages
 * that use it say that the amounts are rounded ("avrundet").
 */
export function formatThousands(amount: number): string {
  const value = kroner(amount);
  const abs = Math.abs(value);
  const thousands = (abs - (abs % 1000)) / 1000 + (abs % 1000 >= 500 ? 1 : 0);
  const digits = groupFormatter.format(thousands).replace(/[\s\u202f]/g, '\u00a0');
  return `${value < 0 && thousands !== 0 ? '\u2212' : ''}${digits}`;
}

/**
 * Parses what Norwegian users and spreadsheets write: `60 000,-`, `1 052 500`, `1.052.500`,
 * `105936`, `-` or empty (zero), `−5 000`. Returns null when the text is not an amount.
 */
export function parseKroner(text: string): Kroner | null {
  let t = text.trim().replace(/kr\.?$/i, '').trim();
  if (t === '' || t === '-' || t === '–') return kroner(0);
  t = t.replace(/,-+$/, '').replace(/,00$/, '');
  let negative = false;
  if (/^[-−–]/.test(t)) {
    negative = true;
    t = t.slice(1).trim();
  }
  t = t.replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > MAX_KRONER) return null;
  return kroner(negative ? -n : n);
}
