/**
 * File adapters for tables: CSV and XLSX in, CSV and XLSX out. They only move cell text; what the
 * cells mean is decided by the domain (e.g. parseActionPlanTable in src/domain/actionplan-import.ts).
 *
 * Row i of the result is spreadsheet row i + 1 (for CSV: line i + 1, unless a quoted cell spans
 * lines), so problems can name the row the user sees.
 */
import { Buffer } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { formatInteger } from '../domain/format.ts';
import { inspectZip } from './zip-guard.ts';
import type { CellKind } from '../domain/register.ts';

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
}

/**
 * Limits of what is read, checked before the file is parsed: the largest real handlingsplan has
 * 10 000 rows, so 50 000 leave room; 64 MB unpacked holds 50 000 rows of 30 filled cells.
 */
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 1_000;
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** The file is larger than the limits (HTTP 413). */
export class SpreadsheetTooLargeError extends SpreadsheetError {
  override name = 'SpreadsheetTooLargeError';
}

const tooManyRows = (filename: string): SpreadsheetTooLargeError =>
  new SpreadsheetTooLargeError(`Regnearket «${filename}» har mer enn ${formatInteger(MAX_ROWS)} rader. Del det opp, eller slett tomme rader nederst, og prøv igjen.`);
const tooManyColumns = (filename: string): SpreadsheetTooLargeError =>
  new SpreadsheetTooLargeError(`Regnearket «${filename}» har mer enn ${formatInteger(MAX_COLUMNS)} kolonner. Slett tomme kolonner til høyre, og prøv igjen.`);

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads a CSV (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 when the bytes are not
 * valid UTF-8; delimiter `;`, `,` or tab, detected) or an XLSX (first worksheet) into rows of
 * cell text. XLSX numbers become their integer text, formulas their cached result, empty cells "".
 * Throws SpreadsheetError with a Norwegian message when the file cannot be read.
 */
export async function readTable(data: Buffer | Uint8Array, filename: string): Promise<string[][]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const extension = /\.([^.]+)$/.exec(filename.toLowerCase())?.[1] ?? '';
  if (startsWith(bytes, ZIP_SIGNATURE)) return readXlsx(bytes, filename);
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw new SpreadsheetError(`Filen «${filename}» er ikke en gyldig Excel-fil (.xlsx).`);
  }
  if (extension === 'xls' || startsWith(bytes, OLE_SIGNATURE)) {
    throw new SpreadsheetError(
      `Filen «${filename}» er i det gamle Excel-formatet (.xls). Lagre den som .xlsx eller CSV og prøv igjen.`,
    );
  }
  return readCsv(bytes, filename);
}

/** readTable for importers: a file that cannot be read becomes one whole-file problem (row 0). */
export async function readTableOrProblem(
  data: Buffer | Uint8Array,
  filename: string,
): Promise<{ ok: true; rows: string[][] } | { ok: false; problems: Array<{ row: number; column: string; message: string }> }> {
  try {
    return { ok: true, rows: await readTable(data, filename) };
  } catch (err) {
    // Too large is not a problem in the file's cells: the caller answers it (HTTP 413).
    if (err instanceof SpreadsheetError && !(err instanceof SpreadsheetTooLargeError)) return { ok: false, problems: [{ row: 0, column: '', message: err.message }] };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: what Norwegian Excel writes as "CSV (semikolonseparert)" on Windows.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const DELIMITERS = [';', '\t', ','] as const;

/** The delimiter that occurs most often outside quotes in the first lines; `;` wins a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 50; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Refuses, before parsing, a CSV with more rows or columns than the limits (line breaks and delimiters outside quotes). */
function checkCsvShape(text: string, delimiter: string, filename: string): void {
  let quoted = false;
  let rows = 1;
  let columns = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n') {
      if (++rows > MAX_ROWS + 1) throw tooManyRows(filename); // + 1: a final line break makes no row
      columns = 1;
    } else if (ch === delimiter && ++columns > MAX_COLUMNS) throw tooManyColumns(filename);
  }
}

function readCsv(bytes: Uint8Array, filename: string): string[][] {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') return [];
  const delimiter = detectDelimiter(text);
  checkCsvShape(text, delimiter, filename);
  let records: string[][];
  try {
    records = parse(text, {
      // Stops at the limit even where the shape check and the parser count differently.
      to: MAX_ROWS + 1,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SpreadsheetError(
      `Kunne ikke lese CSV-filen «${filename}»${line ? ` (linje ${line})` : ''}: kontroller at anførselstegn er lukket.`,
    );
  }
  if (records.length > MAX_ROWS) throw tooManyRows(filename);
  // A final line break does not make a row; keep rows as the user sees them otherwise.
  return records.map((row) => row.map(unprotectCell));
}

// ---------------------------------------------------------------------------------------------
// XLSX

function numberText(n: number): string {
  const rounded = Math.round(n);
  // Tolerate float noise from formulas (e.g. 0.1 + 0.2); keep real fractions so they are refused.
  if (Math.abs(n - rounded) < 1e-9 * Math.max(1, Math.abs(n)) && Number.isSafeInteger(rounded)) return String(rounded);
  return String(n).replace('.', ',');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'SANN' : 'USANN';
  if (value instanceof Date) return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return valueText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue);
  return '';
}

async function readXlsx(bytes: Uint8Array, filename: string): Promise<string[][]> {
  const verdict = await inspectZip(bytes, { maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES, maxRows: MAX_ROWS });
  if (!verdict.ok && verdict.reason === 'rows') throw tooManyRows(filename);
  if (!verdict.ok && verdict.reason === 'bytes') {
    throw new SpreadsheetTooLargeError(
      `Excel-filen «${filename}» blir for stor når den pakkes ut (over ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB). Del den opp, eller lagre den som CSV, og prøv igjen.`,
    );
  }
  if (!verdict.ok) throw new SpreadsheetError(`Kunne ikke lese Excel-filen «${filename}»: filen er skadet eller ikke en .xlsx-fil.`);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Buffer<ArrayBufferLike>; it reads any Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new SpreadsheetError(`Kunne ikke lese Excel-filen «${filename}»: filen er skadet eller ikke en .xlsx-fil.`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError(`Excel-filen «${filename}» har ingen regneark.`);
  const rows: string[][] = [];
  if (sheet.rowCount > MAX_ROWS) throw tooManyRows(filename);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.cellCount > MAX_COLUMNS) throw tooManyColumns(filename);
    const cells: string[] = [];
    // Merged cells report the master cell's value, so a tiltak merged over its INVEST and DRIFT
    // rows is read on both rows.
    for (let c = 1; c <= row.cellCount; c++) cells.push(valueText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writing

const BOM = '\uFEFF';

/**
 * Formula injection: Excel runs CSV cells that start with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one). A leading apostrophe keeps such a cell text, and readTable strips
 * it again, so the file reads back unchanged. A cell that already starts with apostrophes before
 * such a character gets one more, so that one survives the round trip.
 *
 * A text cell (kind 'text') is protected whenever it starts like that, also `-5` or `-`. A number
 * cell (kind 'number') never is: `-5000` stays a number. Without a kind, a cell that reads as a
 * number (`-5000`, `-1 500,50`) or is a lone `-` is not protected.
 */
export function protectCell(text: string, kind?: CellKind): string {
  if (kind === 'number') return text;
  if (/^'+[=+\-@\t\r]/.test(text)) return `'${text}`;
  if (/^[=+@\t\r]/.test(text)) return `'${text}`;
  if (text.startsWith('-') && (kind === 'text' || !/^-[\d\s.,]*$/.test(text))) return `'${text}`;
  return text;
}

/** The cell as the user meant it: one protecting apostrophe (see protectCell) removed. */
export function unprotectCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function csvCell(text: string, kind?: CellKind): string {
  const t = protectCell(text, kind);
  return /[;"\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}

function isWholeNumber(text: string): boolean {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) && String(Number(text)) === text;
}

/**
 * Writes rows as CSV (UTF-8 with BOM, `;`, CRLF, as Norwegian Excel expects) or as XLSX (one sheet,
 * "Handlingsplan" unless named, bold and frozen header row, whole numbers below the header as
 * numbers with thousands grouping). With kinds (one per column), only 'number' columns hold
 * numbers in XLSX, and CSV protects text cells as protectCell says.
 */
export async function writeTable(rows: string[][], format: 'csv' | 'xlsx', sheetName = 'Handlingsplan', kinds?: readonly CellKind[]): Promise<Buffer> {
  if (format === 'csv') {
    // The header row is text; the kinds apply to the rows below it.
    const text = rows.map((row, r) => row.map((cell, c) => csvCell(cell, kinds ? (r === 0 ? 'text' : kinds[c]) : undefined)).join(';')).join('\r\n');
    return Buffer.from(BOM + text + (rows.length > 0 ? '\r\n' : ''), 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Veikart';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: number[] = [];
  rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (r > 0 && (kinds ? kinds[c] === 'number' && isWholeNumber(text) : isWholeNumber(text))) {
        cell.value = Number(text);
        // '#,##0' is the stored code for thousands grouping; Norwegian Excel shows it as "# ##0"
        // and prints 1 052 500. A literal "# ##0" code would print 1052 500.
        cell.numFmt = '#,##0';
      } else {
        cell.value = text;
      }
      widths[c] = Math.max(widths[c] ?? 8, Math.min(50, text.length + 2));
    });
    if (r === 0) row.font = { bold: true };
  });
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
