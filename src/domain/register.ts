/**
 * Registers as tables: one declaration per field drives the export columns (CSV, XLSX, JSON) and
 * the import headers of a register (contracts, persons, suppliers, integrations, sites). Each
 * entity declares its columns next to its schema (e.g. SITE_COLUMNS in ./site.ts); the file
 * adapters are generic (src/reports/register-io.ts).
 */
import { cellAt, isBlankRow, normaliseHeader, Problems, type ImportProblem } from './actionplan-import.ts';
import type { Language } from './organization.ts';
import { message } from './messages.ts';

export type { ImportProblem };

/** A text cell may be protected against formula injection in CSV; a number cell never is. */
export type CellKind = 'text' | 'number';
export type JsonValue = string | number | boolean | null;

export interface RegisterColumn<T> {
  /** JSON key of the export (English, camelCase). */
  key: string;
  /** Header in bokmål (the export header) and nynorsk (also read on import). */
  nb: string;
  nn: string;
  kind: CellKind;
  /** Further headers an import accepts (English, older spellings, printed appendices). */
  aliases?: readonly string[];
  /** The value as the JSON export gives it (typed; codes for choices). */
  json: (item: T) => JsonValue;
  /** The cell text of CSV/XLSX exports (labels for choices in the language, dd.mm.åååå for dates). */
  cell?: (item: T, language: Language) => string;
}

export const REGISTERS = ['contracts', 'persons', 'suppliers', 'integrations', 'sites'] as const;
export type Register = (typeof REGISTERS)[number];

/** Sheet and file names of each register's export. */
export const REGISTER_NAMES: Record<Register, { sheet: string; file: string }> = {
  contracts: { sheet: 'Avtaler', file: 'avtaler' },
  persons: { sheet: 'Personer', file: 'personer' },
  suppliers: { sheet: 'Leverandører', file: 'leverandorer' },
  integrations: { sheet: 'Integrasjoner', file: 'integrasjoner' },
  sites: { sheet: 'Lokasjoner', file: 'lokasjoner' },
};

export function cellText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  return String(value);
}

/** The header row (in the organization's language: imports read both) and one row of cell text per item. */
export function registerRows<T>(columns: readonly RegisterColumn<T>[], items: readonly T[], language: Language = 'nb'): string[][] {
  return [columns.map((c) => c[language]), ...items.map((item) => columns.map((c) => (c.cell ? c.cell(item, language) : cellText(c.json(item)))))];
}

/** The JSON export: one flat object per item, keyed by the columns' keys. */
export function registerJson<T>(columns: readonly RegisterColumn<T>[], items: readonly T[]): Array<Record<string, JsonValue>> {
  return items.map((item) => Object.fromEntries(columns.map((c) => [c.key, c.json(item)])));
}

export function cellKinds<T>(columns: readonly RegisterColumn<T>[]): CellKind[] {
  return columns.map((c) => c.kind);
}

/** Header text as compared: case-insensitive, `_`, `-`, `.` and camelCase read as spaces. */
export function headerKey(text: string): string {
  return normaliseHeader(
    text
      .replace(/([a-zæøå])([A-ZÆØÅ])/g, '$1 $2')
      .replace(/[_.]+/g, ' ')
      .replace(/(\S)-(\S)/g, '$1 $2'),
  );
}

/** Every header a column answers to, normalised. */
export function headerIndex<T>(columns: readonly RegisterColumn<T>[]): Map<string, RegisterColumn<T>> {
  const map = new Map<string, RegisterColumn<T>>();
  for (const c of columns) for (const h of [c.key, c.nb, c.nn, ...(c.aliases ?? [])]) if (!map.has(headerKey(h))) map.set(headerKey(h), c);
  return map;
}

/**
 * Rows of cell text (as an export writes them) read back as one record per row, keyed by column
 * key; the header is the first row with a known column. For the registers without an import,
 * this is how a test checks that an export reads back unchanged.
 */
export function readRegisterRows<T>(columns: readonly RegisterColumn<T>[], rows: readonly string[][]): Array<Record<string, string>> {
  const index = headerIndex(columns);
  const headerAt = rows.findIndex((row) => row.some((cell) => index.has(headerKey(cell))));
  if (headerAt < 0) return [];
  const keys = (rows[headerAt] ?? []).map((cell) => index.get(headerKey(cell))?.key ?? null);
  return rows
    .slice(headerAt + 1)
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => Object.fromEntries(keys.flatMap((key, i) => (key ? [[key, (row[i] ?? '').trim()]] : []))));
}

// ---------------------------------------------------------------------------------------------
// Import

/** What a column's cell says: a value, or why it cannot be used (Norwegian, lower-case start). */
export type CellRead = { value: JsonValue } | { error: string };

export interface ImportColumn<T> extends RegisterColumn<T> {
  /** Reads non-blank cell text; blank cells are null. */
  read: (text: string) => CellRead;
}

export interface RegisterImportRow {
  /** 1-based spreadsheet row. */
  row: number;
  name: string;
  /** The columns present whose cells could be read (null: blank). Absent: column missing or cell refused. */
  values: Record<string, JsonValue>;
  /** The raw text of each present column (for rules that look at more than one cell). */
  raw: Record<string, string>;
}

export interface RegisterTable {
  rows: RegisterImportRow[];
  /** The header text of each column found, by key, as the user wrote it. */
  columns: Record<string, string>;
  problems: ImportProblem[];
}

export type RegisterTableResult = { ok: true; value: RegisterTable } | { ok: false; problems: ImportProblem[] };

/**
 * Reads rows of cell text into records, like the system import: the first row with the name
 * column is the header; unknown or repeated columns are reported once on the header row; a cell
 * that cannot be read is reported and left out (the rest of the row is imported); a row without a
 * name, or whose name (case-insensitive) repeats an earlier row, is skipped with a problem.
 */
export function parseRegisterTable<T>(
  columns: readonly ImportColumn<T>[],
  rows: readonly string[][],
  nameKey: string,
  options: { what: string; ignored?: readonly string[] },
): RegisterTableResult {
  const index = headerIndex(columns);
  const nameColumn = columns.find((c) => c.key === nameKey);
  if (!nameColumn) throw new Error(`no column ${nameKey}`);
  const problems = new Problems();
  const headerAt = rows.findIndex((row) => row.some((cell) => index.get(headerKey(cell))?.key === nameKey));
  if (headerAt < 0) {
    return { ok: false, problems: [{ row: 0, column: nameColumn.nb, message: `Fant ingen overskriftsrad med kolonnen «${nameColumn.nb}». Ingenting er importert.` }] };
  }
  const ignored = new Set((options.ignored ?? []).map(headerKey));
  const at = new Map<string, number>();
  const header: Record<string, string> = {};
  (rows[headerAt] ?? []).forEach((cell, i) => {
    const text = cell.trim();
    if (text === '') return;
    const column = index.get(headerKey(text));
    if (!column) {
      problems.add(headerAt + 1, text, ignored.has(headerKey(text)) ? `Kolonnen «${text}» brukes ikke og er ikke importert.` : `Kolonnen «${text}» er ukjent og er ikke importert.`);
    } else if (at.has(column.key)) {
      problems.add(headerAt + 1, text, `Kolonnen «${text}» står flere ganger (som «${header[column.key]}»); bare den første er brukt.`);
    } else {
      at.set(column.key, i);
      header[column.key] = text;
    }
  });
  const out: RegisterImportRow[] = [];
  const first = new Map<string, number>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row)) continue;
    const rowNumber = r + 1;
    const where = (key: string): string => `Rad ${rowNumber}, kolonne «${header[key] ?? key}»`;
    const name = cellAt(row, at.get(nameKey) ?? null);
    if (name === '') {
      problems.add(rowNumber, header[nameKey] ?? nameKey, `${where(nameKey)}: navnet mangler; raden er hoppet over.`);
      continue;
    }
    const nameRead = nameColumn.read(name);
    if ('error' in nameRead) {
      problems.add(rowNumber, header[nameKey] ?? nameKey, `${where(nameKey)}: ${nameRead.error}; raden er hoppet over.`);
      continue;
    }
    const earlier = first.get(name.toLowerCase());
    if (earlier !== undefined) {
      problems.add(rowNumber, header[nameKey] ?? nameKey, `${where(nameKey)}: ${options.what} «${name}» står også på rad ${earlier}; raden er hoppet over.`);
      continue;
    }
    first.set(name.toLowerCase(), rowNumber);
    const item: RegisterImportRow = { row: rowNumber, name, values: {}, raw: {} };
    for (const column of columns) {
      if (column.key === nameKey || !at.has(column.key)) continue;
      const text = cellAt(row, at.get(column.key) ?? null);
      item.raw[column.key] = text;
      if (text === '') {
        item.values[column.key] = null;
        continue;
      }
      const read = column.read(text);
      if ('error' in read) problems.add(rowNumber, header[column.key] ?? column.key, `${where(column.key)}: ${read.error}; feltet er ikke importert.`);
      else item.values[column.key] = read.value;
    }
    out.push(item);
  }
  return { ok: true, value: { rows: out, columns: header, problems: problems.list } };
}

// Cell readers shared by the registers.

export function readText(max: number): (text: string) => CellRead {
  return (text) => (text.length > max ? { error: message('textMax', { max }) } : { value: text });
}

/** A whole number 0…max; spaces as thousands separators and a trailing unit word are allowed; `-` is blank. */
export function readCount(max: number, unit?: RegExp): (text: string) => CellRead {
  return (text) => {
    let t = text.replace(/[\s\u00a0\u202f]/g, '');
    if (unit) t = t.replace(unit, '');
    if (t === '-' || t === '–') return { value: null };
    if (!/^\d+$/.test(t)) return { error: message('notCount', { text }) };
    const n = Number(t);
    return n > max ? { error: message('moreThan', { text, max }) } : { value: n };
  };
}

/** One of a set of codes, by code or label (case-insensitive). */
export function readChoice(words: Record<string, string>, allowed: string): (text: string) => CellRead {
  const lower = new Map(Object.entries(words).map(([w, code]) => [w.toLowerCase(), code]));
  return (text) => {
    const code = lower.get(text.trim().toLowerCase());
    return code === undefined ? { error: message('notAllowed', { text, allowed }) } : { value: code };
  };
}
