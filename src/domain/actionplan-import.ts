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
import { type Kroner, MoneyError, kroner, sum } from './money.ts';
import { revisionMoneyErrors } from './plan-money.ts';
import { COST_KINDS, lineAmount, type CostKind } from './plan-totals.ts';
import { importedNumberProblems } from './plan-revisions.ts';
import { cellAt, parseType, sumLabel } from './actionplan-import-cells.ts';
import { readHeader } from './actionplan-import-header.ts';
import { type Discrepancy, type ImportResult, type PlanTable, type PlanTableMeasure, Problems } from './actionplan-import-model.ts';
import { type MeasureRow, type Ordered, type SumRow, computeTotals, groupMeasures, hasAmounts, isBlankRow, readMeasureRow, readSumRow } from './actionplan-import-rows.ts';
import { message } from './messages.ts';

export { COST_KINDS, lineAmount, type CostKind };
export type { ActionPlanImport, Discrepancy, DiscrepancyKind, ImportProblem, ImportResult, PlanTable, PlanTableLine, PlanTableMeasure } from './actionplan-import-model.ts';
export { MAX_PROBLEMS, Problems } from './actionplan-import-model.ts';
export { normaliseHeader } from './actionplan-import-header.ts';
export { cellAt, parseQuantity } from './actionplan-import-cells.ts';
export { isBlankRow } from './actionplan-import-rows.ts';

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
    return { ok: false, problems: [{ row: 0, column: '', message: message('plan.sumsTooLarge') }] };
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
