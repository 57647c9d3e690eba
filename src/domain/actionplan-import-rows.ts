/** The rows of a handlingsplan table (measure rows, SUM rows) and the measures grouped from them. */
import { type Kroner, MAX_KRONER, MAX_KRONER_TEXT, MoneyError, multiply, parseKroner, sum, withinLimit } from './money.ts';
import { COST_KINDS, lineAmount, type CostKind } from './plan-totals.ts';
import { NUL_MESSAGE, storableText } from './validation.ts';
import { cellAt, parseAmount, parseQuantity, tooLarge } from './actionplan-import-cells.ts';
import type { Header } from './actionplan-import-header.ts';
import { type Discrepancy, type PlanTableLine, type PlanTableMeasure, Problems } from './actionplan-import-model.ts';

interface RowLine {
  year: number;
  amount: Kroner;
  quantity: number | null;
  unitPrice: number | null;
}

export interface MeasureRow {
  rowIndex: number;
  kind: CostKind;
  number: string | null;
  title: string;
  focusArea: string | null;
  lines: RowLine[];
}

export interface SumRow {
  rowIndex: number;
  kind: CostKind;
  /** Printed sum per year (blank cells left out). */
  years: Map<number, Kroner>;
  total: Kroner | null;
}

export interface Ordered<T> {
  rowIndex: number;
  order: number;
  item: T;
}

export function isBlankRow(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

export function hasAmounts(row: string[], header: Header): boolean {
  const columns = [header.unitPrice, header.total, ...header.years.flatMap((y) => [y.amount, y.quantity])];
  return columns.some((column) => {
    const text = cellAt(row, column);
    return text !== '' && parseKroner(text) !== 0;
  });
}

function measureLabel(number: string | null, title: string): string {
  return `${number ?? ''} ${title}`.trim();
}

export function readMeasureRow(
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

export function readSumRow(row: string[], rowIndex: number, kind: CostKind, header: Header, problems: Problems): SumRow | null {
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
export function groupMeasures(rows: MeasureRow[]): PlanTableMeasure[] {
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

export function computeTotals(years: number[], measures: PlanTableMeasure[]): Record<CostKind, Record<string, number>> {
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
