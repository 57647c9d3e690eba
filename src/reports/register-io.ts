/**
 * Registers (contracts, persons, suppliers, integrations, sites) as files, driven by each entity's
 * column declaration in src/domain: shared by the API and the CLI.
 */
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import type { Language } from '../domain/organization.ts';
import { cellKinds, registerJson, registerRows, REGISTER_NAMES, type Register, type RegisterColumn, type RegisterTableResult } from '../domain/register.ts';
import { parseSiteTable } from '../domain/site-import.ts';
import type { ExportFormat } from './actionplan-io.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export { EXPORT_FORMATS, type ExportFormat } from './actionplan-io.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** A register as a file: CSV/XLSX with headers in the organization's language (bokmål or nynorsk), JSON with keys and codes. */
export async function exportRegister<T>(
  register: Register,
  columns: readonly RegisterColumn<T>[],
  items: readonly T[],
  format: ExportFormat,
  language: Language = 'nb',
): Promise<{ body: Buffer; contentType: string }> {
  if (format === 'json') {
    return { body: Buffer.from(`${JSON.stringify({ [register]: registerJson(columns, items) }, null, 2)}\n`), contentType: CONTENT_TYPES.json };
  }
  return { body: await writeTable(registerRows(columns, items, language), format, REGISTER_NAMES[register].sheet, cellKinds(columns)), contentType: CONTENT_TYPES[format] };
}

const JsonCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const JsonItems = z.array(z.record(z.string(), JsonCell));

/** A JSON export ({ sites: [...] } or a bare array) as rows of cells: the keys make the header. */
function jsonRows(text: string, register: Register): string[][] | null {
  let items: z.infer<typeof JsonItems>;
  try {
    const parsed: unknown = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[register] : null;
    const result = JsonItems.safeParse(list);
    if (!result.success) return null;
    items = result.data;
  } catch {
    return null;
  }
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nei') : String(v));
  return [keys, ...items.map((item) => keys.map((k) => cell(item[k])))];
}

/** Reads a site list: CSV, XLSX (first sheet) or a JSON export. */
export async function parseSitesFile(data: Buffer | Uint8Array, filename: string): Promise<RegisterTableResult> {
  if (filename.toLowerCase().endsWith('.json')) {
    const rows = jsonRows(Buffer.from(data).toString('utf8'), 'sites');
    if (!rows) return { ok: false, problems: [{ row: 0, column: '', message: 'JSON-filen er ikke en lokasjonsliste eksportert fra Veikart.' }] };
    return parseSiteTable(rows);
  }
  const table = await readTableOrProblem(data, filename);
  return table.ok ? parseSiteTable(table.rows) : table;
}
