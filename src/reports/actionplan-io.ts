/** Reading and writing action-plan spreadsheets: shared by the API and the CLI. */
import {
  parseActionPlanTable,
  planTableRows,
  type ActionPlanImport,
  type ImportResult,
  type PlanTable,
} from '../domain/actionplan-import.ts';
import { z } from 'zod';
import { MAX_AMOUNT, MAX_YEAR, MIN_YEAR } from '../domain/plan.ts';
import { COST_KINDS, totalsOf } from '../domain/plan-totals.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const year = z.int().min(MIN_YEAR).max(MAX_YEAR);
const money = z.int().min(-MAX_AMOUNT).max(MAX_AMOUNT);
const PlanTableSchema = z.object({
  years: z.array(year).min(1).max(50),
  measures: z
    .array(
      z.object({
        number: z.string().max(40).nullable(),
        title: z.string().min(1).max(200),
        focusArea: z.string().max(200).nullable(),
        lines: z.array(z.object({ kind: z.enum(COST_KINDS), year, amount: money, quantity: z.int().min(0).max(1_000_000).nullable(), unitPrice: money.nullable() })).max(500),
      }),
    )
    .max(50_000),
});

export async function parseActionPlanFile(data: Buffer | Uint8Array, filename: string): Promise<ImportResult> {
  if (filename.toLowerCase().endsWith('.json')) {
    const table = parsePlanTableJson(Buffer.from(data).toString('utf8'));
    if (!table) return { ok: false, problems: [{ row: 0, column: '', message: 'JSON-filen er ikke en eksportert handlingsplan fra Veikart.' }] };
    return parseActionPlanTable(planTableRows(table));
  }
  const table = await readTableOrProblem(data, filename);
  return table.ok ? parseActionPlanTable(table.rows) : table;
}

export interface ImportSummaryRow {
  number: string | null;
  title: string;
  focusArea: string | null;
  invest: number;
  drift: number;
}

export function importSummary(value: ActionPlanImport): {
  measures: number;
  years: number[];
  totals: ActionPlanImport['totals'];
  discrepancies: ActionPlanImport['discrepancies'];
  rows: ImportSummaryRow[];
} {
  return {
    measures: value.measures.length,
    years: value.years,
    totals: value.totals,
    discrepancies: value.discrepancies,
    rows: value.measures.map((m) => {
      const t = totalsOf(m.lines, value.years);
      return { number: m.number, title: m.title, focusArea: m.focusArea, invest: t.byKind.invest, drift: t.byKind.drift };
    }),
  };
}

export async function exportActionPlan(table: PlanTable, format: ExportFormat): Promise<{ body: Buffer; contentType: string }> {
  if (format === 'json') {
    return { body: Buffer.from(`${JSON.stringify(table, null, 2)}\n`), contentType: 'application/json; charset=utf-8' };
  }
  const body = await writeTable(planTableRows(table), format);
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/** Reads an export in JSON form back (the CLI accepts .json files too). */
export function parsePlanTableJson(text: string): PlanTable | null {
  try {
    const parsed = PlanTableSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
