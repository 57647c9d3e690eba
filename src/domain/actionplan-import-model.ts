/** The result of a handlingsplan import (actionplan-import.ts) and the problems it collects. */
import type { CostKind } from './plan-totals.ts';

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

export class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  add(row: number, column: string, message: string): void {
    this.count += 1;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ row, column, message });
  }
}
