/**
 * Import of a handlingsplan table (the spreadsheet an IKT-leder keeps today: one row per measure
 * and cost kind, one column per year, a printed TOTALT column and printed SUM rows).
 *
 * Pure: takes rows of cell text (see `readTable` in src/reports/spreadsheet.ts), returns the
 * measures with their cost lines, the totals computed from those lines, and every printed total
 * that does not match. All money arithmetic goes through money.ts.
 *
 * Decisions where the import rules are silent (also listed in the module's tests):
 * - A cell is "blank" only when it is empty after trimming. `-` is a printed zero, not a blank:
 *   a `-` in `totalt` next to non-zero amounts is a row_total discrepancy, and a `-` amount next
 *   to `enhetspris × antall` ≠ 0 is a unit_price discrepancy.
 * - `enhetspris` and `antall <år>` are used only together: an `antall` without an `enhetspris` (or
 *   the reverse) is read and validated, but the line keeps just its amount (quantity/unitPrice null).
 * - A row with an empty `tiltak` and no amounts (e.g. a section heading in another column) is
 *   skipped; with amounts it is a problem. A row with a `tiltak` but no `type` is a problem.
 * - A SUM row may carry its type in the `type` cell or in its label (`SUM INVEST`, `Sum drift`);
 *   the label may also stand in `prosjektnr` when `tiltak` is empty. A SUM row without any type
 *   (a grand total of invest and drift) is not checked and not reported.
 * - SUM rows are checked against all imported rows of their type, wherever they stand in the file.
 * - The measure's `focusArea` is the first non-blank `satsingsområde` among its rows.
 * - Header names also accept `prosjektnr.`, `prosjekt nr`, `satsningsområde`, `fokusområde`.
 *   Other unknown columns are ignored. A repeated known column is a problem, as is an
 *   `antall <år>` column without its year column.
 * - Problems that concern the whole file rather than a row use row 0.
 */
import { type Kroner, MAX_KRONER, MAX_KRONER_TEXT, MoneyError, kroner, multiply, parseKroner, sum, withinLimit } from './money.ts';
import { revisionMoneyErrors } from './plan-money.ts';
import { COST_KINDS, lineAmount, type CostKind } from './plan-totals.ts';
import { NUL_MESSAGE, storableText } from './validation.ts';
import { importedNumberProblems } from './plan-revisions.ts';

export { COST_KINDS, lineAmount, type CostKind };
export interface PlanTableLine {
  kind: CostKind;
  year: number;
  amount: number;
  quantity: number | null;
  unitPrice: number | null;
}
export interface PlanTableMeasure {
  number: string | null;
  title: string;
  focusArea: string | null;
  lines: PlanTableLine[];
}
export interface PlanTable {
  years: number[];
  measures: PlanTableMeasure[];
}
export type DiscrepancyKind = 'row_total' | 'column_sum' | 'unit_price';
export interface Discrepancy {
  row: string;
  column: string;
  type: CostKind;
  kind: DiscrepancyKind;
  printed: number;
  computed: number;
}
/** row = 1-based spreadsheet row number (0 when the problem concerns the whole file). */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}
export interface ActionPlanImport extends PlanTable {
  /** Per kind, per year (key "2020"), computed from the imported lines; every year present. */
  totals: Record<CostKind, Record<string, number>>;
  discrepancies: Discrepancy[];
}
export type ImportResult = { ok: true; value: ActionPlanImport } | { ok: false; problems: ImportProblem[] };

export const MAX_PROBLEMS = 100;

// ---------------------------------------------------------------------------------------------
// Header

interface Header {
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

function readHeader(rows: string[][], problems: Problems): Header | null {
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

// ---------------------------------------------------------------------------------------------
// Cells

export class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  add(row: number, column: string, message: string): void {
    this.count += 1;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ row, column, message });
  }
}

export function cellAt(row: string[], column: number | null): string {
  if (column === null) return '';
  return (row[column] ?? '').trim();
}

function parseType(text: string): CostKind | null {
  const t = text.trim().toLowerCase();
  if (t === 'invest' || t === 'investering') return 'invest';
  if (t === 'drift') return 'drift';
  return null;
}

const SUM_LABEL = /^(sum|totalt)(?: +(invest|investering|drift))?$/;

/** For a SUM row: its label's kind, or 'none' when the label names none; null when not a SUM label. */
function sumLabel(text: string): CostKind | 'none' | null {
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
function parseAmount(text: string, rowNumber: number, column: string, problems: Problems): Kroner | null | undefined {
  if (text === '') return null;
  const value = parseKroner(text);
  if (value === null) {
    problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: «${text}» er ikke et beløp.`);
    return undefined;
  }
  return value;
}

function tooLarge(rowNumber: number, column: string, problems: Problems): void {
  problems.add(rowNumber, column, `Rad ${rowNumber}, kolonne «${column}»: beløpet er for stort.`);
}

// ---------------------------------------------------------------------------------------------
// Rows

interface RowLine {
  year: number;
  amount: Kroner;
  quantity: number | null;
  unitPrice: number | null;
}

interface MeasureRow {
  rowIndex: number;
  kind: CostKind;
  number: string | null;
  title: string;
  focusArea: string | null;
  lines: RowLine[];
}

interface SumRow {
  rowIndex: number;
  kind: CostKind;
  /** Printed sum per year (blank cells left out). */
  years: Map<number, Kroner>;
  total: Kroner | null;
}

interface Ordered<T> {
  rowIndex: number;
  order: number;
  item: T;
}

export function isBlankRow(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function hasAmounts(row: string[], header: Header): boolean {
  const columns = [header.unitPrice, header.total, ...header.years.flatMap((y) => [y.amount, y.quantity])];
  return columns.some((column) => {
    const text = cellAt(row, column);
    return text !== '' && parseKroner(text) !== 0;
  });
}

function measureLabel(number: string | null, title: string): string {
  return `${number ?? ''} ${title}`.trim();
}

function readMeasureRow(
  row: string[],
  rowIndex: number,
  kind: CostKind,
  header: Header,
  problems: Problems,
  discrepancies: Ordered<Discrepancy>[],
): MeasureRow | null {
  const rowNumber = rowIndex + 1;
  const number = cellAt(row, header.number) || null;
  const title = cellAt(row, header.title);
  const label = measureLabel(number, title);
  const before = problems.count;
  for (const [column, name] of [[header.number, 'prosjektnr'], [header.title, 'tiltak'], [header.focusArea, 'satsingsområde']] as const) {
    if (!storableText(cellAt(row, column))) {
      problems.add(rowNumber, name, `Rad ${rowNumber}, kolonne «${name}»: teksten ${NUL_MESSAGE}.`);
    }
  }
  const unitPrice = parseAmount(cellAt(row, header.unitPrice), rowNumber, 'enhetspris', problems);
  const lines: RowLine[] = [];
  const found: Ordered<Discrepancy>[] = [];
  header.years.forEach(({ year, amount: amountColumn, quantity: quantityColumn }, order) => {
    const column = String(year);
    const printed = parseAmount(cellAt(row, amountColumn), rowNumber, column, problems);
    const quantity = parseQuantity(cellAt(row, quantityColumn), rowNumber, `antall ${year}`, problems);
    if (printed === undefined || quantity === undefined || unitPrice === undefined) return;
    if (quantity !== null && unitPrice !== null) {
      let product: Kroner;
      try {
        product = multiply(quantity, unitPrice);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        tooLarge(rowNumber, `antall ${year}`, problems);
        return;
      }
      if (!withinLimit(product)) {
        tooLarge(rowNumber, `antall ${year}`, problems);
        return;
      }
      if (printed === null || printed === product) {
        if (product !== 0) lines.push({ year, amount: product, quantity, unitPrice });
        return;
      }
      found.push({
        rowIndex,
        order,
        item: { row: label, column, type: kind, kind: 'unit_price', printed, computed: product },
      });
    }
    if (printed !== null && printed !== 0) lines.push({ year, amount: printed, quantity: null, unitPrice: null });
  });
  const printedTotal = parseAmount(cellAt(row, header.total), rowNumber, 'totalt', problems);
  if (problems.count > before || printedTotal === undefined) return null;
  if (lines.reduce((total, line) => total + Math.abs(line.amount), 0) > MAX_KRONER) {
    problems.add(rowNumber, 'totalt', `Rad ${rowNumber}: summen for ${label} blir for stor (over ${MAX_KRONER_TEXT}).`);
    return null;
  }
  if (printedTotal !== null) {
    let computed: Kroner;
    try {
      computed = sum(lines.map((line) => line.amount));
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      tooLarge(rowNumber, 'totalt', problems);
      return null;
    }
    if (computed !== printedTotal) {
      found.push({
        rowIndex,
        order: header.years.length,
        item: { row: label, column: 'totalt', type: kind, kind: 'row_total', printed: printedTotal, computed },
      });
    }
  }
  discrepancies.push(...found);
  return { rowIndex, kind, number, title, focusArea: cellAt(row, header.focusArea) || null, lines };
}

function readSumRow(row: string[], rowIndex: number, kind: CostKind, header: Header, problems: Problems): SumRow | null {
  const rowNumber = rowIndex + 1;
  const before = problems.count;
  const years = new Map<number, Kroner>();
  for (const { year, amount } of header.years) {
    const printed = parseAmount(cellAt(row, amount), rowNumber, String(year), problems);
    if (printed !== null && printed !== undefined) years.set(year, printed);
  }
  const total = parseAmount(cellAt(row, header.total), rowNumber, 'totalt', problems);
  if (problems.count > before || total === undefined) return null;
  return { rowIndex, kind, years, total };
}

// ---------------------------------------------------------------------------------------------
// Measures

function measureKey(number: string | null, title: string): string {
  return `${number ?? ''}\u0000${title}`;
}

function lineOrder(a: PlanTableLine, b: PlanTableLine): number {
  return COST_KINDS.indexOf(a.kind) - COST_KINDS.indexOf(b.kind) || a.year - b.year;
}

/**
 * Groups rows into measures by (prosjektnr, tiltak). Two rows with the same key and the same type
 * (e.g. a measure split over two rows in the source) are added per year: when both lines of a
 * year carry quantity × unit price with the same unit price the quantities are added, otherwise
 * the line keeps the added amount without quantity and unit price.
 */
function groupMeasures(rows: MeasureRow[]): PlanTableMeasure[] {
  const measures = new Map<string, { measure: PlanTableMeasure; lines: Map<string, PlanTableLine> }>();
  for (const row of rows) {
    const key = measureKey(row.number, row.title);
    let entry = measures.get(key);
    if (!entry) {
      entry = { measure: { number: row.number, title: row.title, focusArea: row.focusArea, lines: [] }, lines: new Map() };
      measures.set(key, entry);
    }
    if (entry.measure.focusArea === null) entry.measure.focusArea = row.focusArea;
    for (const line of row.lines) {
      const lineKey = `${row.kind}:${line.year}`;
      const existing = entry.lines.get(lineKey);
      if (!existing) {
        entry.lines.set(lineKey, { kind: row.kind, ...line });
      } else if (
        existing.quantity !== null &&
        line.quantity !== null &&
        existing.unitPrice !== null &&
        existing.unitPrice === line.unitPrice
      ) {
        const quantity = existing.quantity + line.quantity;
        entry.lines.set(lineKey, { ...existing, quantity, amount: multiply(quantity, existing.unitPrice) });
      } else {
        entry.lines.set(lineKey, {
          kind: row.kind,
          year: line.year,
          amount: sum([lineAmount(existing), line.amount]),
          quantity: null,
          unitPrice: null,
        });
      }
    }
  }
  return [...measures.values()].map(({ measure, lines }) => ({
    ...measure,
    lines: [...lines.values()].filter((line) => line.amount !== 0).sort(lineOrder),
  }));
}

function computeTotals(years: number[], measures: PlanTableMeasure[]): Record<CostKind, Record<string, number>> {
  const totals = { invest: {}, drift: {} } as Record<CostKind, Record<string, number>>;
  for (const kind of COST_KINDS) {
    for (const year of years) {
      totals[kind][String(year)] = sum(
        measures.flatMap((m) => m.lines.filter((l) => l.kind === kind && l.year === year).map(lineAmount)),
      );
    }
  }
  return totals;
}

// ---------------------------------------------------------------------------------------------
// Import

export function parseActionPlanTable(rows: string[][]): ImportResult {
  const problems = new Problems();
  const header = readHeader(rows, problems);
  if (!header) return { ok: false, problems: problems.list };

  const measureRows: MeasureRow[] = [];
  const sumRows: SumRow[] = [];
  const discrepancies: Ordered<Discrepancy>[] = [];

  for (let rowIndex = header.index + 1; rowIndex < rows.length; rowIndex++) {
    const row = rows[rowIndex] ?? [];
    if (isBlankRow(row)) continue;
    const rowNumber = rowIndex + 1;
    const title = cellAt(row, header.title);
    const typeText = cellAt(row, header.type);
    const label = title !== '' ? sumLabel(title) : sumLabel(cellAt(row, header.number));

    if (label !== null) {
      // A printed SUM row: checked, never imported.
      let kind: CostKind | null = label === 'none' ? null : label;
      if (typeText !== '') {
        kind = parseType(typeText);
        if (kind === null) {
          problems.add(rowNumber, 'type', `Rad ${rowNumber}, kolonne «type»: «${typeText}» må være invest eller drift.`);
          continue;
        }
      }
      if (kind === null) continue; // grand total of invest and drift: not checked
      const sumRow = readSumRow(row, rowIndex, kind, header, problems);
      if (sumRow) sumRows.push(sumRow);
      continue;
    }

    if (title === '') {
      if (hasAmounts(row, header)) {
        problems.add(rowNumber, 'tiltak', `Rad ${rowNumber}, kolonne «tiltak»: tiltaket mangler navn, men raden har beløp.`);
      }
      continue;
    }
    const kind = parseType(typeText);
    if (kind === null) {
      problems.add(
        rowNumber,
        'type',
        typeText === ''
          ? `Rad ${rowNumber}, kolonne «type»: typen mangler; skriv invest eller drift.`
          : `Rad ${rowNumber}, kolonne «type»: «${typeText}» må være invest eller drift.`,
      );
      continue;
    }
    const measureRow = readMeasureRow(row, rowIndex, kind, header, problems, discrepancies);
    if (measureRow) measureRows.push(measureRow);
  }
  for (const p of importedNumberProblems(measureRows.map((m) => ({ row: m.rowIndex + 1, number: m.number, title: m.title })))) {
    problems.add(p.row, 'prosjektnr', p.message);
  }
  if (problems.count > 0) return { ok: false, problems: problems.list };

  const years = header.years.map((y) => y.year);
  let measures: PlanTableMeasure[];
  let totals: Record<CostKind, Record<string, number>>;
  try {
    measures = groupMeasures(measureRows);
    const moneyErrors = revisionMoneyErrors(measures);
    if (moneyErrors.length > 0) return { ok: false, problems: moneyErrors.map((e) => ({ row: 0, column: '', message: e.message })) };
    totals = computeTotals(years, measures);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    return { ok: false, problems: [{ row: 0, column: '', message: 'Summene i tabellen blir for store.' }] };
  }

  for (const sumRow of sumRows) {
    const row = `SUM ${sumRow.kind}`;
    header.years.forEach(({ year }, order) => {
      const printed = sumRow.years.get(year);
      const computed = totals[sumRow.kind][String(year)] ?? 0;
      if (printed !== undefined && printed !== computed) {
        discrepancies.push({
          rowIndex: sumRow.rowIndex,
          order,
          item: { row, column: String(year), type: sumRow.kind, kind: 'column_sum', printed, computed },
        });
      }
    });
    if (sumRow.total !== null) {
      const computed = sum(Object.values(totals[sumRow.kind]));
      if (computed !== sumRow.total) {
        discrepancies.push({
          rowIndex: sumRow.rowIndex,
          order: header.years.length,
          item: { row, column: 'totalt', type: sumRow.kind, kind: 'column_sum', printed: sumRow.total, computed },
        });
      }
    }
  }
  discrepancies.sort((a, b) => a.rowIndex - b.rowIndex || a.order - b.order);

  return { ok: true, value: { years, measures, totals, discrepancies: discrepancies.map((d) => d.item) } };
}

// ---------------------------------------------------------------------------------------------
// Export

interface RowCell {
  amount: Kroner;
  quantity: number | null;
}

/**
 * The inverse of parseActionPlanTable: a header, one row per measure and kind that has lines
 * (invest before drift; a measure without lines gets one empty invest row so that it survives),
 * then a SUM row per kind. Quantity × unit price is written when every priced line of the row has
 * the same unit price; otherwise the row carries amounts only.
 */
export function planTableRows(table: PlanTable): string[][] {
  const years = [...new Set([...table.years, ...table.measures.flatMap((m) => m.lines.map((l) => l.year))])].sort(
    (a, b) => a - b,
  );
  type Body = { measure: PlanTableMeasure; kind: CostKind; cells: Map<number, RowCell>; unitPrice: number | null };
  const bodies: Body[] = [];
  for (const measure of table.measures) {
    const kinds = COST_KINDS.filter((kind) => measure.lines.some((l) => l.kind === kind));
    if (kinds.length === 0) bodies.push({ measure, kind: 'invest', cells: new Map(), unitPrice: null });
    for (const kind of kinds) {
      const lines = measure.lines.filter((l) => l.kind === kind);
      const priced = lines.filter((l) => l.quantity !== null && l.unitPrice !== null);
      const prices = new Set(priced.map((l) => l.unitPrice));
      const years = lines.map((l) => l.year);
      const expressible = prices.size === 1 && new Set(years).size === years.length;
      const unitPrice = expressible ? (priced[0]?.unitPrice ?? null) : null;
      const cells = new Map<number, RowCell>();
      for (const line of lines) {
        const previous = cells.get(line.year);
        const amount = previous ? sum([previous.amount, lineAmount(line)]) : kroner(lineAmount(line));
        const isPriced = unitPrice !== null && line.quantity !== null && line.unitPrice !== null;
        cells.set(line.year, { amount, quantity: isPriced ? line.quantity : null });
      }
      bodies.push({ measure, kind, cells, unitPrice });
    }
  }
  const withPrices = bodies.some((b) => b.unitPrice !== null);

  const header = ['prosjektnr', 'tiltak', 'satsingsområde', 'type'];
  if (withPrices) header.push('enhetspris');
  header.push(...years.map(String));
  if (withPrices) header.push(...years.map((y) => `antall ${y}`));
  header.push('totalt');

  const text = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));
  const rows: string[][] = [header];
  for (const { measure, kind, cells, unitPrice } of bodies) {
    const row = [measure.number ?? '', measure.title, measure.focusArea ?? '', kind];
    if (withPrices) row.push(text(unitPrice));
    row.push(...years.map((y) => text(cells.get(y)?.amount)));
    if (withPrices) row.push(...years.map((y) => text(cells.get(y)?.quantity)));
    row.push(text(sum([...cells.values()].map((c) => c.amount))));
    rows.push(row);
  }
  for (const kind of COST_KINDS) {
    const perYear = years.map((year) =>
      sum(table.measures.flatMap((m) => m.lines.filter((l) => l.kind === kind && l.year === year).map(lineAmount))),
    );
    const row = ['', 'SUM', '', kind];
    if (withPrices) row.push('');
    row.push(...perYear.map(String));
    if (withPrices) row.push(...years.map(() => ''));
    row.push(String(sum(perYear)));
    rows.push(row);
  }
  return rows;
}
