/** The risk register as a file (CSV, XLSX, JSON): reading for `import risks`, writing for `export risks`. */
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { parseRiskTable, RISK_COLUMNS, riskExportRows, riskTableRows, type RiskImportResult } from '../domain/risk-import.ts';
import type { Risk } from '../domain/risk.ts';
import type { ExportFormat } from './actionplan-io.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export const RISK_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** CSV/XLSX headers in the organization's language (the import reads both); JSON keys stay English. */
export async function exportRisks(risks: readonly Risk[], format: ExportFormat, language: 'nb' | 'nn' = 'nb'): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify({ risks: riskExportRows(risks) }, null, 2)}\n`);
  return writeTable(riskTableRows(risks, language), format, 'Risiko', RISK_COLUMNS.map((c) => c.kind));
}

const JsonRows = z.object({ risks: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))) });

/** Reads a risk table: CSV, XLSX (first sheet) or the JSON export. Nothing from an unreadable file. */
export async function parseRisksFile(data: Buffer | Uint8Array, filename: string, defaultYear: number): Promise<RiskImportResult> {
  if (filename.toLowerCase().endsWith('.json')) {
    let parsed: z.infer<typeof JsonRows>;
    try {
      parsed = JsonRows.parse(JSON.parse(Buffer.from(data).toString('utf8')));
    } catch {
      return { ok: false, problems: [{ row: 0, column: '', message: 'JSON-filen er ikke et risikoregister eksportert fra Veikart ({ "risks": [...] }). Ingenting er importert.' }] };
    }
    const keys = RISK_COLUMNS.map((c) => c.key);
    const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nei') : String(v));
    return parseRiskTable([keys, ...parsed.risks.map((r) => keys.map((k) => cell(r[k])))], defaultYear);
  }
  const table = await readTableOrProblem(data, filename);
  return table.ok ? parseRiskTable(table.rows, defaultYear) : table;
}
