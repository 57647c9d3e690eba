/** The equipment register as a file (CSV, XLSX, JSON) and back, shared by the API and the CLI. */
import { Buffer } from 'node:buffer';
import { ASSET_COLUMNS, type AssetGroup } from '../domain/asset.ts';
import { cellKinds, registerJson, registerRows } from '../domain/register.ts';
import type { Language } from '../domain/organization.ts';
import type { ImportProblem } from '../domain/actionplan-import.ts';
import type { ExportFormat } from './actionplan-io.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export { EXPORT_FORMATS, type ExportFormat } from './actionplan-io.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Headers in the organization's language (the import reads both). */
export async function exportAssets(groups: readonly AssetGroup[], format: ExportFormat, language: Language = 'nb'): Promise<{ body: Buffer; contentType: string }> {
  if (format === 'json') return { body: Buffer.from(`${JSON.stringify({ assets: registerJson(ASSET_COLUMNS, groups) }, null, 2)}\n`), contentType: CONTENT_TYPES.json };
  return { body: await writeTable(registerRows(ASSET_COLUMNS, groups, language), format, 'Utstyr', cellKinds(ASSET_COLUMNS)), contentType: CONTENT_TYPES[format] };
}

/** A JSON export ({ assets: [...] } or a bare array) as rows of cells; null when it is not one. */
function jsonRows(text: string): string[][] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).assets : null;
    if (!Array.isArray(list) || !list.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return null;
    const items = list as Array<Record<string, unknown>>;
    const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
    const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean));
    return [keys, ...items.map((item) => keys.map((k) => cell(item[k])))];
  } catch {
    return null;
  }
}

/** Reads an equipment list: CSV, XLSX (first sheet) or a JSON export. Nothing from an unreadable file. */
export async function readAssetsFile(data: Buffer | Uint8Array, filename: string): Promise<{ ok: true; rows: string[][] } | { ok: false; problems: ImportProblem[] }> {
  if (filename.toLowerCase().endsWith('.json')) {
    const rows = jsonRows(Buffer.from(data).toString('utf8'));
    return rows ? { ok: true, rows } : { ok: false, problems: [{ row: 0, column: '', message: 'JSON-filen er ikke en utstyrsliste eksportert fra Veikart. Ingenting er importert.' }] };
  }
  const table = await readTableOrProblem(data, filename);
  return table.ok ? { ok: true, rows: table.rows } : table;
}
