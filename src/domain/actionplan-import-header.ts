/** The header row of a handlingsplan table: which column holds what. */
import { Problems } from './actionplan-import-model.ts';

export interface Header {
  /** 0-based index of the header row in `rows`. */
  index: number;
  number: number | null;
  title: number;
  focusArea: number | null;
  type: number;
  unitPrice: number | null;
  total: number | null;
  /** Sorted years, each with the column of its amounts and, optionally, of its quantities. */
  years: { year: number; amount: number; quantity: number | null }[];
}

export function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const NAMED_COLUMNS: Record<string, 'number' | 'title' | 'focusArea' | 'type' | 'unitPrice' | 'total'> = {
  prosjektnr: 'number',
  'prosjektnr.': 'number',
  'prosjekt nr': 'number',
  'prosjekt nr.': 'number',
  tiltak: 'title',
  satsingsområde: 'focusArea',
  satsningsområde: 'focusArea',
  fokusområde: 'focusArea',
  type: 'type',
  enhetspris: 'unitPrice',
  totalt: 'total',
};
const CANONICAL_NAME = {
  number: 'prosjektnr',
  title: 'tiltak',
  focusArea: 'satsingsområde',
  type: 'type',
  unitPrice: 'enhetspris',
  total: 'totalt',
} as const;

export function readHeader(rows: string[][], problems: Problems): Header | null {
  const index = rows.findIndex((row) => row.some((cell) => normaliseHeader(cell) === 'tiltak'));
  if (index < 0) {
    problems.add(0, 'tiltak', 'Fant ingen overskriftsrad med kolonnen «tiltak».');
    return null;
  }
  const rowNumber = index + 1;
  const named: Partial<Record<keyof typeof CANONICAL_NAME, number>> = {};
  const amountColumns = new Map<number, number>();
  const quantityColumns = new Map<number, number>();
  const cells = rows[index] ?? [];
  cells.forEach((cell, column) => {
    const name = normaliseHeader(cell);
    const field = NAMED_COLUMNS[name];
    const yearMatch = /^(\d{4})$/.exec(name);
    const quantityMatch = /^antall ?(\d{4})$/.exec(name);
    if (field !== undefined) {
      if (named[field] !== undefined) {
        problems.add(rowNumber, CANONICAL_NAME[field], `Rad ${rowNumber}: kolonnen «${CANONICAL_NAME[field]}» står flere ganger.`);
      } else named[field] = column;
    } else if (yearMatch) {
      const year = Number(yearMatch[1]);
      if (amountColumns.has(year)) {
        problems.add(rowNumber, String(year), `Rad ${rowNumber}: årskolonnen «${year}» står flere ganger.`);
      } else amountColumns.set(year, column);
    } else if (quantityMatch) {
      const year = Number(quantityMatch[1]);
      if (quantityColumns.has(year)) {
        problems.add(rowNumber, `antall ${year}`, `Rad ${rowNumber}: kolonnen «antall ${year}» står flere ganger.`);
      } else quantityColumns.set(year, column);
    }
  });
  if (named.type === undefined) problems.add(rowNumber, 'type', 'Kolonnen «type» mangler.');
  if (amountColumns.size === 0) {
    problems.add(rowNumber, '', `Rad ${rowNumber}: fant ingen årskolonner (for eksempel «2020») i overskriftsraden.`);
  }
  for (const year of quantityColumns.keys()) {
    if (!amountColumns.has(year)) {
      problems.add(rowNumber, `antall ${year}`, `Rad ${rowNumber}: kolonnen «antall ${year}» har ingen årskolonne «${year}».`);
    }
  }
  if (problems.count > 0 || named.title === undefined || named.type === undefined) return null;
  return {
    index,
    number: named.number ?? null,
    title: named.title,
    focusArea: named.focusArea ?? null,
    type: named.type,
    unitPrice: named.unitPrice ?? null,
    total: named.total ?? null,
    years: [...amountColumns.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, amount]) => ({ year, amount, quantity: quantityColumns.get(year) ?? null })),
  };
}
