/**
 * Import of actual spend (regnskap) per measure and year from a spreadsheet: columns `prosjektnr`
 * or `tiltak` (or both), `år`, `regnskap`, and optionally `art` (investering/drift; drift when left
 * out). A row whose `prosjektnr`/`tiltak` says «Sum» or «Totalt» is a printed total: it is checked
 * against the rows above it, never imported. Every row that cannot be used is reported with its
 * row number, column and a Norwegian message.
 */
import { add, parseKroner } from './money.ts';
import type { CostKind } from './plan-totals.ts';
import { message } from './messages.ts';

export interface ActualsRow {
  readonly row: number;
  readonly number: string | null;
  readonly title: string | null;
  readonly year: number;
  readonly kind: CostKind;
  readonly amount: number;
}

export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface TotalDiscrepancy {
  readonly row: number;
  readonly printed: number;
  readonly computed: number;
}

export interface ParsedActuals {
  readonly rows: ActualsRow[];
  /** Cells that could not be read (the file is still usable). */
  readonly problems: RowProblem[];
  readonly discrepancies: TotalDiscrepancy[];
}

const HEADER_NAMES: Record<string, 'number' | 'title' | 'year' | 'amount' | 'kind'> = {
  prosjektnr: 'number',
  'prosjektnr.': 'number',
  'prosjekt nr': 'number',
  'prosjekt nr.': 'number',
  tiltak: 'title',
  år: 'year',
  aar: 'year',
  regnskap: 'amount',
  art: 'kind',
  type: 'kind',
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the table; `null` with one whole-file problem when no header row is found. */
export function parseActuals(table: readonly string[][]): { ok: true; value: ParsedActuals } | { ok: false; problems: RowProblem[] } {
  const index = table.findIndex((r) => r.some((c) => HEADER_NAMES[norm(c)] === 'amount'));
  if (index < 0) return { ok: false, problems: [{ row: 0, column: 'regnskap', message: message('actuals.noHeader') }] };
  const col: Partial<Record<'number' | 'title' | 'year' | 'amount' | 'kind', number>> = {};
  (table[index] ?? []).forEach((c, i) => {
    const f = HEADER_NAMES[norm(c)];
    if (f !== undefined && col[f] === undefined) col[f] = i;
  });
  const missing: RowProblem[] = [];
  if (col.number === undefined && col.title === undefined) missing.push({ row: index + 1, column: 'prosjektnr', message: message('actuals.needMeasureColumn') });
  if (col.year === undefined) missing.push({ row: index + 1, column: 'år', message: message('actuals.needYearColumn') });
  if (missing.length > 0) return { ok: false, problems: missing };
  const rows: ActualsRow[] = [];
  const problems: RowProblem[] = [];
  const discrepancies: TotalDiscrepancy[] = [];
  let running = 0;
  for (let i = index + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    const row = i + 1;
    const cell = (c: number | undefined) => (c === undefined ? '' : (cells[c] ?? '').trim());
    const number = cell(col.number) || null;
    const title = cell(col.title) || null;
    const amountText = cell(col.amount);
    if (!number && !title && !amountText && !cell(col.year)) continue;
    const label = norm(number ?? title ?? '');
    if (label === 'sum' || label === 'totalt' || label === 'sum totalt') {
      const printed = parseKroner(amountText);
      if (printed === null) problems.push({ row, column: 'regnskap', message: message('actuals.badSum', { row, text: amountText }) });
      else if (printed !== running) discrepancies.push({ row, printed, computed: running });
      continue;
    }
    if (!number && !title) {
      problems.push({ row, column: col.number !== undefined ? 'prosjektnr' : 'tiltak', message: message('actuals.noMeasure', { row }) });
      continue;
    }
    const yearText = cell(col.year);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || year < 2000 || year > 2100) {
      problems.push({ row, column: 'år', message: message('actuals.badYear', { row, text: yearText }) });
      continue;
    }
    const amount = parseKroner(amountText);
    if (amount === null || amountText === '') {
      problems.push({ row, column: 'regnskap', message: message('actuals.badAmount', { row, text: amountText }) });
      continue;
    }
    const kindText = norm(cell(col.kind));
    let kind: CostKind = 'drift';
    if (kindText.startsWith('inv')) kind = 'invest';
    else if (kindText !== '' && !kindText.startsWith('drift')) {
      problems.push({ row, column: 'art', message: message('actuals.badKind', { row, text: cell(col.kind) }) });
      continue;
    }
    running = add(running, amount);
    rows.push({ row, number, title, year, kind, amount });
  }
  return { ok: true, value: { rows, problems, discrepancies } };
}

export interface MeasureKey {
  readonly id: string;
  readonly number: string | null;
  readonly title: string;
}

export interface MatchedActual {
  readonly measureId: string;
  readonly kind: CostKind;
  readonly year: number;
  readonly amount: number;
}

/**
 * Matches rows to the revision's measures: by number first, else by title (case and spacing
 * ignored). Rows of the same measure, kind and year add up. Unknown measures and years outside
 * the plan period are reported.
 */
export function matchActuals(rows: readonly ActualsRow[], measures: readonly MeasureKey[], period: { startYear: number; endYear: number }): { matched: MatchedActual[]; unknown: RowProblem[] } {
  const byNumber = new Map(measures.filter((m) => m.number).map((m) => [norm(m.number ?? ''), m]));
  const byTitle = new Map(measures.map((m) => [norm(m.title), m]));
  const sums = new Map<string, MatchedActual>();
  const unknown: RowProblem[] = [];
  for (const r of rows) {
    const m = (r.number ? byNumber.get(norm(r.number)) : undefined) ?? (r.title ? byTitle.get(norm(r.title)) : undefined);
    if (!m) {
      const what = [r.number, r.title].filter(Boolean).join(' ');
      unknown.push({ row: r.row, column: r.number ? 'prosjektnr' : 'tiltak', message: message('actuals.unknownMeasure', { row: r.row, what }) });
      continue;
    }
    if (r.year < period.startYear || r.year > period.endYear) {
      unknown.push({ row: r.row, column: 'år', message: message('actuals.outsidePeriod', { row: r.row, year: r.year, from: period.startYear, to: period.endYear }) });
      continue;
    }
    const key = `${m.id}|${r.kind}|${r.year}`;
    const had = sums.get(key);
    sums.set(key, { measureId: m.id, kind: r.kind, year: r.year, amount: add(had?.amount ?? 0, r.amount) });
  }
  return { matched: [...sums.values()], unknown };
}
