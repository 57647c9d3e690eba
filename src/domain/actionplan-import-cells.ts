/** Reading the cells of a handlingsplan table: type, SUM labels, quantities, amounts. */
import { type Kroner, parseKroner, sum } from './money.ts';
import type { CostKind } from './plan-totals.ts';
import { normaliseHeader } from './actionplan-import-header.ts';
import { Problems } from './actionplan-import-model.ts';

export function cellAt(row: string[], column: number | null): string {
  if (column === null) return '';
  return (row[column] ?? '').trim();
}

export function parseType(text: string): CostKind | null {
  const t = text.trim().toLowerCase();
  if (t === 'invest' || t === 'investering') return 'invest';
  if (t === 'drift') return 'drift';
  return null;
}

const SUM_LABEL = /^(sum|totalt)(?: +(invest|investering|drift))?$/;

/** For a SUM row: its label's kind, or 'none' when the label names none; null when not a SUM label. */
export function sumLabel(text: string): CostKind | 'none' | null {
  const match = SUM_LABEL.exec(normaliseHeader(text));
  if (!match) return null;
  return match[2] === undefined ? 'none' : (parseType(match[2]) ?? 'none');
}

/** Whole, non-negative count such as `25`, `1 000`; null when blank. Problems are reported. */
export function parseQuantity(text: string, rowNumber: number, column: string, problems: Problems): number | null | undefined {
  if (text === '' || text === '-' || text === '–') return null;
  let t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-−–]?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^[-−–]?\d+$/.test(t) || !Number.isSafeInteger(Number(t.replace(/^[−–]/, '-')))) {
    problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: «${text}» er ikke et helt antall.`);
    return undefined;
  }
  const n = Number(t.replace(/^[−–]/, '-'));
  if (n < 0) {
    problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: antallet kan ikke være negativt («${text}»).`);
    return undefined;
  }
  return n;
}

/** Amount cell: null when blank, undefined (and a problem) when not an amount. */
export function parseAmount(text: string, rowNumber: number, column: string, problems: Problems): Kroner | null | undefined {
  if (text === '') return null;
  const value = parseKroner(text);
  if (value === null) {
    problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: «${text}» er ikke et beløp.`);
    return undefined;
  }
  return value;
}

export function tooLarge(rowNumber: number, column: string, problems: Problems): void {
  problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: beløpet er for stort.`);
}
