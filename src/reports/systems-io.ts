/** Reading and writing system lists (fagsystemer): shared by the API and the CLI. */
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import type { SystemExportItem } from '../domain/systems-export.ts';
import { systemTextValues } from '../domain/system-fields.ts';
import { parseSystemTable, systemTableRows, type SystemTableResult } from '../domain/systems-import.ts';
import type { ExportFormat } from './actionplan-io.ts';
import type { Language } from '../domain/organization.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export { EXPORT_FORMATS, type ExportFormat } from './actionplan-io.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const JsonCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const JsonSystems = z.union([z.object({ systems: z.array(z.record(z.string(), JsonCell)) }), z.array(z.record(z.string(), JsonCell))]);

/** A JSON export (or any array of flat objects) as rows of cells: the keys make the header. */
function jsonRows(text: string): string[][] | null {
  let parsed: z.infer<typeof JsonSystems>;
  try {
    const result = JsonSystems.safeParse(JSON.parse(text));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const items = Array.isArray(parsed) ? parsed : parsed.systems;
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nei') : String(v));
  return [keys, ...items.map((item) => keys.map((k) => cell(item[k])))];
}

/** Reads a CSV, XLSX (first sheet) or JSON export into the system table. */
export async function parseSystemsFile(data: Buffer | Uint8Array, filename: string): Promise<SystemTableResult> {
  if (filename.toLowerCase().endsWith('.json')) {
    const rows = jsonRows(Buffer.from(data).toString('utf8'));
    if (!rows) return { ok: false, problems: [{ row: 0, column: '', message: 'JSON-filen er ikke en systemliste eksportert fra Veikart.' }] };
    return parseSystemTable(rows);
  }
  const table = await readTableOrProblem(data, filename);
  return table.ok ? parseSystemTable(table.rows) : table;
}

/** The organization's own systems as a file (JSON: typed values, codes for lifecycle and criticality). */
/** CSV/XLSX headers and choice labels in the organization's language (the import reads both); JSON keys stay English. */
export async function exportSystems(list: readonly SystemExportItem[], format: ExportFormat, language: Language = 'nb'): Promise<{ body: Buffer; contentType: string }> {
  if (format === 'json') {
    const systems = list.map((s) => ({
      system: s.name,
      users: s.users,
      vendor: s.vendorName,
      operator: s.operatorName,
      cooperation: s.cooperationName,
      ...systemTextValues(s),
      lifecycle: s.lifecycle,
      criticality: s.criticality,
      personalData: s.personalData,
      quality: s.quality.score,
      introducedYear: s.introducedYear ?? null,
      replacedBy: s.replacedByName ?? null,
      description: s.description ?? null,
    }));
    return { body: Buffer.from(`${JSON.stringify({ systems }, null, 2)}\n`), contentType: CONTENT_TYPES.json };
  }
  return { body: await writeTable(systemTableRows(list, language), format, 'Fagsystemer'), contentType: CONTENT_TYPES[format] };
}
