/**
 * The budget grid of a measure: investering and drift × the plan's years. Each cell takes an amount as
 * Norwegian users write it (`60 000`, `1.052.500`) or, optionally, antall × enhetspris. Row, column and
 * grand totals are recomputed with `totalsOf` on every keystroke.
 */
import { Checkbox, Field, Input, Label, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { CostLine } from '../../../domain/plan.ts';
import { COST_KINDS, lineAmount, totalsOf, type CostKind, type CostLineLike } from '../../../domain/plan-totals.ts';
import { COST_KIND_LABELS } from '../../labels.ts';
import { formatKroner, parseKroner } from '../../../domain/money.ts';
import { useT, type Translate } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { kr } from './common.tsx';

export type CellField = 'amount' | 'quantity' | 'unitPrice';

export interface CellInput {
  readonly amount: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly note: string | null;
  /** Marked as a saving (innsparing): the only kind of cell with a negative amount. */
  readonly saving: boolean;
}

export type Cells = Readonly<Record<string, CellInput>>;

export const EMPTY_CELL: CellInput = { amount: '', quantity: '', unitPrice: '', note: null, saving: false };

export const cellKey = (kind: CostKind, year: number): string => `${kind}-${year}`;
export const cellInputId = (key: string, field: CellField): string => `budget-${key}-${field}`;

/** The grid's cells from a measure's lines; several lines in one cell are merged into their sum. */
export function cellsOf(lines: readonly CostLine[]): Cells {
  const groups = new Map<string, CostLine[]>();
  for (const line of lines) {
    const key = cellKey(line.kind, line.year);
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const cells: Record<string, CellInput> = {};
  for (const [key, group] of groups) {
    const only = group.length === 1 ? group[0] : undefined;
    if (only && only.quantity !== null && only.unitPrice !== null) {
      cells[key] = {
        amount: formatKroner(lineAmount(only), { unit: false }),
        quantity: String(only.quantity),
        unitPrice: formatKroner(only.unitPrice, { unit: false }),
        note: only.note,
        saving: only.saving,
      };
    } else {
      const total = totalsOf(group, []).total;
      cells[key] = { amount: formatKroner(total, { unit: false }), quantity: '', unitPrice: '', note: only?.note ?? null, saving: total < 0 };
    }
  }
  return cells;
}

export interface CellProblem {
  readonly key: string;
  readonly field: CellField;
  readonly message: string;
}

export interface ParsedGrid {
  /** Lines to send, in grid order, with the cell each came from. */
  readonly lines: ReadonlyArray<{ key: string; line: GridLine }>;
  readonly problems: readonly CellProblem[];
}

type GridLine = CostLineLike & { note: string | null; saving: boolean };

/** A negative amount only on a cell marked as a saving, and a saving only negative. */
function savingMessage(value: number, saving: boolean, t: Translate): string | null {
  if (value < 0 && !saving) return t('budget.negativeNeedsSaving');
  if (value >= 0 && saving) return t('budget.savingMustBeNegative');
  return null;
}

const usesQuantity = (cell: CellInput): boolean => cell.quantity.trim() !== '' || cell.unitPrice.trim() !== '';

/** Reads every cell: the lines to save and the cells that are not valid. Empty and zero cells make no line. */
export function parseGrid(cells: Cells, years: readonly number[], t: Translate): ParsedGrid {
  const lines: Array<{ key: string; line: GridLine }> = [];
  const problems: CellProblem[] = [];
  for (const kind of COST_KINDS) {
    for (const year of years) {
      const key = cellKey(kind, year);
      const cell = cells[key] ?? EMPTY_CELL;
      if (usesQuantity(cell)) {
        const quantity = cell.quantity.trim() === '' ? null : parseKroner(cell.quantity);
        const unitPrice = cell.unitPrice.trim() === '' ? null : parseKroner(cell.unitPrice);
        if (cell.quantity.trim() === '') problems.push({ key, field: 'quantity', message: t('budget.quantityMissing') });
        else if (quantity === null || quantity < 0) problems.push({ key, field: 'quantity', message: t('budget.quantityInvalid', { text: cell.quantity.trim() }) });
        if (cell.unitPrice.trim() === '') problems.push({ key, field: 'unitPrice', message: t('budget.unitPriceMissing') });
        else if (unitPrice === null) problems.push({ key, field: 'unitPrice', message: t('budget.amountInvalid', { text: cell.unitPrice.trim() }) });
        const unitPriceSaving = unitPrice === null ? null : savingMessage(unitPrice, cell.saving, t);
        if (unitPriceSaving) problems.push({ key, field: 'unitPrice', message: unitPriceSaving });
        else if (quantity !== null && quantity >= 0 && unitPrice !== null) {
          lines.push({ key, line: { kind, year, amount: null, quantity, unitPrice, note: cell.note, saving: cell.saving } });
        }
        continue;
      }
      if (cell.amount.trim() === '') continue;
      const amount = parseKroner(cell.amount);
      if (amount === null) {
        problems.push({ key, field: 'amount', message: t('budget.amountInvalid', { text: cell.amount.trim() }) });
        continue;
      }
      if (amount === 0) continue;
      const amountSaving = savingMessage(amount, cell.saving, t);
      if (amountSaving) problems.push({ key, field: 'amount', message: amountSaving });
      else lines.push({ key, line: { kind, year, amount, quantity: null, unitPrice: null, note: cell.note, saving: cell.saving } });
    }
  }
  return { lines, problems };
}

export const cellLabel = (kind: CostKind, year: number): string => `${COST_KIND_LABELS[kind]} ${year}`;

/** Whether the cell's amount (or unit price) as typed is negative: then it may be marked as a saving. */
function isNegative(cell: CellInput): boolean {
  const value = parseKroner(usesQuantity(cell) ? cell.unitPrice : cell.amount);
  return value !== null && value < 0;
}

export function BudgetGrid({
  years,
  cells,
  onChange,
  onSaving,
  showQuantity,
  onShowQuantity,
  problems,
  serverErrors,
  readOnly,
}: {
  years: readonly number[];
  cells: Cells;
  onChange: (key: string, field: CellField, value: string) => void;
  /** Marks a cell as a saving (innsparing) or not. */
  onSaving?: (key: string, saving: boolean) => void;
  showQuantity: boolean;
  onShowQuantity: (show: boolean) => void;
  /** Invalid cells (shown while the user types). */
  problems: readonly CellProblem[];
  /** Messages from the API per cell key. */
  serverErrors: Readonly<Record<string, string>>;
  readOnly: boolean;
}) {
  const t = useT();
  const parsed = parseGrid(cells, years, t);
  const totals = totalsOf(
    parsed.lines.map((l) => l.line),
    years,
  );
  const problemOf = (key: string, field: CellField) => problems.find((p) => p.key === key && p.field === field)?.message;

  const input = (kind: CostKind, year: number, field: CellField) => {
    const key = cellKey(kind, year);
    const cell = cells[key] ?? EMPTY_CELL;
    const id = cellInputId(key, field);
    const computed = field === 'amount' && usesQuantity(cell);
    const line = parsed.lines.find((l) => l.key === key)?.line;
    const value = computed ? (line ? formatKroner(lineAmount(line), { unit: false }) : '') : cell[field];
    const error = problemOf(key, field) ?? (field === 'amount' ? serverErrors[key] : undefined);
    const name = cellLabel(kind, year);
    return (
      <Field className={`budget-field budget-field--${field}`}>
        <Label htmlFor={id} className={field === 'amount' ? 'visually-hidden' : 'budget-field__label'}>
          {field === 'amount' ? (
            name
          ) : (
            <>
              {field === 'quantity' ? t('budget.quantity') : t('budget.unitPrice')}
              <span className="visually-hidden">, {name}</span>
            </>
          )}
        </Label>
        <Input
          id={id}
          name={id}
          data-size="sm"
          inputMode="numeric"
          autoComplete="off"
          className="budget-input"
          value={value}
          readOnly={computed}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(key, field, e.target.value)}
        />
        {error ? <ValidationMessage data-size="sm">{error}</ValidationMessage> : null}
      </Field>
    );
  };

  return (
    <div className="budget">
      {!readOnly ? (
        <Checkbox
          id="budget-show-quantity"
          label={t('budget.showQuantity')}
          description={t('budget.showQuantityHint')}
          checked={showQuantity}
          onChange={(e) => onShowQuantity(e.target.checked)}
        />
      ) : null}
      <TableScroll label={t('budget.caption')}>
        <Table border className="data-table budget-table">
          <caption className="visually-hidden">{t('budget.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('plan.colKind')}</Table.HeaderCell>
              {years.map((y) => (
                <Table.HeaderCell key={y} scope="col" className="num">
                  {y}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col" className="num">
                {t('plan.colTotal')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {COST_KINDS.map((kind) => (
              <Table.Row key={kind}>
                <Table.HeaderCell scope="row">{COST_KIND_LABELS[kind]}</Table.HeaderCell>
                {years.map((y) => {
                  const key = cellKey(kind, y);
                  const cell = cells[key] ?? EMPTY_CELL;
                  if (readOnly) {
                    const line = parsed.lines.find((l) => l.key === key)?.line;
                    return (
                      <Table.Cell key={y} className="num">
                        {kr(line ? lineAmount(line) : 0)}
                        {line?.saving ? <span className="budget-qty">{t('budget.savingShort')}</span> : null}
                        {line && line.quantity !== null && line.unitPrice !== null ? (
                          <span className="budget-qty">
                            {t('budget.quantityTimesPrice', { quantity: line.quantity, price: kr(line.unitPrice) })}
                          </span>
                        ) : null}
                      </Table.Cell>
                    );
                  }
                  return (
                    <Table.Cell key={y} className="budget-cell" data-testid={`cell-${key}`}>
                      {input(kind, y, 'amount')}
                      {showQuantity || usesQuantity(cell) ? (
                        <div className="budget-qty-inputs">
                          {input(kind, y, 'quantity')}
                          {input(kind, y, 'unitPrice')}
                        </div>
                      ) : null}
                      {onSaving && (cell.saving || isNegative(cell)) ? (
                        <Checkbox
                          id={`budget-${key}-saving`}
                          data-size="sm"
                          label={
                            <>
                              {t('budget.saving')}
                              <span className="visually-hidden">, {cellLabel(kind, y)}</span>
                            </>
                          }
                          checked={cell.saving}
                          onChange={(e) => onSaving(key, e.target.checked)}
                        />
                      ) : null}
                    </Table.Cell>
                  );
                })}
                <Table.Cell className="num" data-testid={`total-${kind}`}>
                  {kr(totals.byKind[kind])}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('plan.kindSum')}</Table.HeaderCell>
              {years.map((y) => (
                <Table.Cell key={y} className="num" data-testid={`total-${y}`}>
                  {kr(totals.perYear[y] ?? 0)}
                </Table.Cell>
              ))}
              <Table.Cell className="num" data-testid="total-all">
                {kr(totals.total)}
              </Table.Cell>
            </Table.Row>
          </Table.Foot>
        </Table>
      </TableScroll>
    </div>
  );
}
