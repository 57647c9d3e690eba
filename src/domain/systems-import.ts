/**
 * Import of a system list (fagsystemer): the spreadsheet appendix of a plan, one row per system
 * with users, vendor, cooperation, server location and database.
 *
 * Pure, in two steps: `parseSystemTable` reads rows of cell text (see `readTable` in
 * src/reports/spreadsheet.ts) into what each row says; `planSystemImport` matches those rows with
 * what the organization already has (systems, suppliers, cooperations) and says what to create and
 * what to change. The database layer (src/db/queries/systems-import.ts) only loads and writes.
 *
 * Decisions where the issue is silent (also covered by the module's tests):
 * - Headers are matched case-insensitively, `_`, `-` and camelCase read as spaces, in any order
 *   (Norwegian and English names, see HEADERS). The first row with a system column is the header.
 * - A column present in the file sets its field; a blank cell clears it (users, vendor, …). A
 *   blank `livsløp` or `personopplysninger` keeps the stored value (new systems: «I drift», nei).
 *   A column absent from the file leaves the field as it is.
 * - A cell that cannot be read (users «mange», an unknown lifecycle, an unknown cooperation) is a
 *   problem for that row; the system is still imported and that field is not: a new system gets it
 *   empty, an existing system keeps its value.
 * - A row without a system name is skipped (a problem unless the whole row is blank). A name that
 *   repeats an earlier row (case-insensitive) is skipped as well.
 * - Systems are matched by name among the organization's own systems, case-insensitively; the
 *   stored spelling of the name is kept. Suppliers likewise, among its suppliers; missing ones
 *   are created. Cooperations among those it hosts or is a member of (hosted ones first).
 * - `datakvalitet` (in every export) is computed, so it is read past without a note; other unknown
 *   columns are reported once each, on the header row.
 * - Problems that concern the whole file use row 0.
 */
import { LIFECYCLE_LABELS, CRITICALITY_LABELS, labelsIn } from './labels.ts';
import { SYSTEM_EXPORT_COLUMNS } from './systems-export.ts';
import { MAX_YEAR, MIN_YEAR } from './plan.ts';
import { LIMITS } from './organization.ts';
import { CRITICALITIES, LIFECYCLES, type Criticality, type Lifecycle, type SystemListItem } from './portfolio.ts';
import { NUL_MESSAGE, storableText } from './validation.ts';
import { SYSTEM_TEXT_FIELDS, systemTextValues, type SystemTextKey, type SystemTextValues } from './system-fields.ts';
import { cellAt, isBlankRow, MAX_PROBLEMS, normaliseHeader, parseQuantity, Problems, type ImportProblem } from './actionplan-import.ts';
import { message } from './messages.ts';

export type { ImportProblem };

type Field =
  | 'name'
  | 'users'
  | 'vendor'
  | 'operator'
  | 'cooperation'
  | SystemTextKey
  | 'lifecycle'
  | 'criticality'
  | 'personalData'
  | 'units'
  | 'description'
  | 'introducedYear'
  | 'successor'
  | 'quality';

const HEADERS: Record<string, Field> = {
  system: 'name',
  fagsystem: 'name',
  navn: 'name',
  systemnavn: 'name',
  name: 'name',
  brukere: 'users',
  'antall brukere': 'users',
  users: 'users',
  'number of users': 'users',
  leverandør: 'vendor',
  leverandor: 'vendor',
  programleverandør: 'vendor',
  programleverandor: 'vendor',
  vendor: 'vendor',
  driftsleverandør: 'operator',
  driftsleverandor: 'operator',
  operator: 'operator',
  samarbeid: 'cooperation',
  cooperation: 'cooperation',
  // The declared text fields: their headers in both languages, their aliases and their key.
  ...Object.fromEntries(SYSTEM_TEXT_FIELDS.flatMap((f) => [f.header.nb, f.header.nn, ...f.aliases, headerKey(f.key)].map((h) => [h, f.key]))),
  livsløp: 'lifecycle',
  livslop: 'lifecycle',
  status: 'lifecycle',
  lifecycle: 'lifecycle',
  kritikalitet: 'criticality',
  criticality: 'criticality',
  personopplysninger: 'personalData',
  'personal data': 'personalData',
  enheter: 'units',
  units: 'units',
  beskrivelse: 'description',
  description: 'description',
  ...Object.fromEntries(['innført', 'innfort', 'innført år', 'år innført', 'introduced', 'introduced year'].map((h) => [h, 'introducedYear'])),
  ...Object.fromEntries(['erstattet av', 'etterfølger', 'replaced by', 'successor'].map((h) => [h, 'successor'])),
  datakvalitet: 'quality',
  'data quality': 'quality',
  quality: 'quality',
  // Every header an export writes, bokmål and nynorsk.
  ...Object.fromEntries(SYSTEM_EXPORT_COLUMNS.flatMap((c) => [c.nb, c.nn].map((h) => [h, c.field as Field]))),
};

// The export (the table this module reads back) is in systems-export.ts.
export { EXPORT_COLUMNS, systemTableRows, type SystemExportItem } from './systems-export.ts';

function headerKey(text: string): string {
  return normaliseHeader(text.replace(/([a-zæøå])([A-ZÆØÅ])/g, '$1 $2').replace(/[_-]+/g, ' '));
}

/** What one row of the file says. An absent key: the column is missing or its cell was refused. */
export interface SystemImportRow extends Partial<SystemTextValues> {
  /** 1-based spreadsheet row. */
  row: number;
  name: string;
  users?: number | null;
  vendor?: string | null;
  operator?: string | null;
  cooperation?: string | null;
  lifecycle?: Lifecycle;
  criticality?: Criticality | null;
  personalData?: boolean;
  units?: string | null;
  description?: string | null;
  introducedYear?: number | null;
  /** The successor's name (`erstattet av`), matched by planSystemImport. */
  successor?: string | null;
}

export interface SystemTable {
  rows: SystemImportRow[];
  /** The header text of each column found, as the user wrote it (for problem messages). */
  columns: Partial<Record<Field, string>>;
  /** Rows and cells that could not be read; they do not stop the import. */
  problems: ImportProblem[];
}

export type SystemTableResult = { ok: true; value: SystemTable } | { ok: false; problems: ImportProblem[] };

// ---------------------------------------------------------------------------------------------
// Cells

const lower = (s: string): string => s.trim().toLowerCase();

const LIFECYCLE_WORDS: Record<string, Lifecycle> = {
  ...Object.fromEntries(LIFECYCLES.map((c) => [c.replace('_', ' '), c])),
  ...Object.fromEntries(LIFECYCLES.map((c) => [c, c])),
  ...Object.fromEntries([LIFECYCLE_LABELS, labelsIn('nn').LIFECYCLE_LABELS].flatMap((labels) => Object.entries(labels).map(([c, label]) => [lower(label), c as Lifecycle]))),
  'i bruk': 'in_operation',
  aktiv: 'in_operation',
  'in use': 'in_operation',
  innføring: 'introducing',
  'under innføring': 'introducing',
  'being introduced': 'introducing',
  utfasing: 'phasing_out',
  'phased out': 'retired',
};

const CRITICALITY_WORDS: Record<string, Criticality> = {
  ...Object.fromEntries(CRITICALITIES.map((c) => [c, c])),
  ...Object.fromEntries([CRITICALITY_LABELS, labelsIn('nn').CRITICALITY_LABELS].flatMap((labels) => Object.entries(labels).map(([c, label]) => [lower(label), c as Criticality]))),
  døgnkritisk: 'round_the_clock',
  '24/7': 'round_the_clock',
  '24x7': 'round_the_clock',
};

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'sann', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', 'usann', '0']);

function lifecycleOf(text: string): Lifecycle | undefined {
  // "(Utfaset)", as the appendix of an årsmelding prints it, reads as "Utfaset".
  const t = lower(text).replace(/^\((.*)\)$/, '$1').trim();
  return LIFECYCLE_WORDS[t] ?? (t.startsWith('utfaset') ? 'retired' : undefined);
}

interface Cells {
  row: string[];
  rowNumber: number;
  header: Map<Field, number>;
  columns: Partial<Record<Field, string>>;
  problems: Problems;
}

function where(c: Cells, field: Field): string {
  return `Rad ${c.rowNumber}, kolonne «${c.columns[field] ?? field}»`;
}

function refuse(c: Cells, field: Field, message: string): undefined {
  c.problems.add(c.rowNumber, c.columns[field] ?? field, `${where(c, field)}: ${message}; feltet er ikke importert.`);
  return undefined;
}

/** Text cell: undefined when the column is absent or the text too long, null when blank. */
function textCell(c: Cells, field: Field, max: number = LIMITS.name): string | null | undefined {
  if (!c.header.has(field)) return undefined;
  const text = cellAt(c.row, c.header.get(field) ?? null);
  if (text === '') return null;
  if (text.length > max) return refuse(c, field, `teksten kan ha høyst ${max} tegn`);
  if (!storableText(text)) return refuse(c, field, `teksten ${NUL_MESSAGE}`);
  return text;
}

function usersCell(c: Cells): number | null | undefined {
  if (!c.header.has('users')) return undefined;
  const text = cellAt(c.row, c.header.get('users') ?? null);
  const local = new Problems();
  const n = parseQuantity(text, c.rowNumber, c.columns.users ?? 'brukere', local);
  const refused = local.list[0];
  if (refused) {
    c.problems.add(refused.row, refused.column, `${refused.message.replace(/\.$/, '')} (brukere må være et helt tall, 0 eller mer); feltet er ikke importert.`);
    return undefined;
  }
  if (n !== null && n !== undefined && n > 10_000_000) return refuse(c, 'users', `«${text}» er flere enn 10 000 000 brukere`);
  return n;
}

function yearCell(c: Cells): number | null | undefined {
  if (!c.header.has('introducedYear')) return undefined;
  const text = cellAt(c.row, c.header.get('introducedYear') ?? null);
  if (text === '') return null;
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= MIN_YEAR - 50 && year <= MAX_YEAR)) return refuse(c, 'introducedYear', `«${text}» er ikke et årstall (${MIN_YEAR - 50}–${MAX_YEAR})`);
  return year;
}

function choiceCell<T>(c: Cells, field: Field, read: (text: string) => T | undefined, allowed: string, blank: T | undefined): T | undefined {
  if (!c.header.has(field)) return undefined;
  const text = cellAt(c.row, c.header.get(field) ?? null);
  if (text === '') return blank;
  const value = read(text);
  return value === undefined ? refuse(c, field, `«${text}» er ikke ${allowed}`) : value;
}

// ---------------------------------------------------------------------------------------------
// Table

interface Header {
  index: number;
  header: Map<Field, number>;
  columns: Partial<Record<Field, string>>;
}

function readHeader(rows: string[][], problems: Problems): Header | null {
  const index = rows.findIndex((row) => row.some((cell) => HEADERS[headerKey(cell)] === 'name'));
  if (index < 0) return null;
  const rowNumber = index + 1;
  const header = new Map<Field, number>();
  const columns: Partial<Record<Field, string>> = {};
  (rows[index] ?? []).forEach((cell, column) => {
    const text = cell.trim();
    if (text === '') return;
    const field = HEADERS[headerKey(text)];
    if (field === undefined) {
      problems.add(rowNumber, text, `Kolonnen «${text}» er ukjent og er ikke importert.`);
    } else if (header.has(field)) {
      problems.add(rowNumber, text, `Kolonnen «${text}» står flere ganger (som «${columns[field]}»); bare den første er brukt.`);
    } else {
      header.set(field, column);
      columns[field] = text;
    }
  });
  return { index, header, columns };
}

export function parseSystemTable(rows: string[][]): SystemTableResult {
  const problems = new Problems();
  const head = readHeader(rows, problems);
  if (!head) {
    return { ok: false, problems: [{ row: 0, column: 'system', message: message('systems.noHeader') }] };
  }
  const { header, columns } = head;
  const out: SystemImportRow[] = [];
  const firstRow = new Map<string, number>();
  for (let i = head.index + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (isBlankRow(row)) continue;
    const c: Cells = { row, rowNumber: i + 1, header, columns, problems };
    const name = cellAt(row, header.get('name') ?? null);
    if (name === '') {
      problems.add(c.rowNumber, columns.name ?? 'system', `${where(c, 'name')}: navnet på systemet mangler; raden er hoppet over.`);
      continue;
    }
    if (name.length > LIMITS.name) {
      problems.add(c.rowNumber, columns.name ?? 'system', `${where(c, 'name')}: navnet kan ha høyst ${LIMITS.name} tegn; raden er hoppet over.`);
      continue;
    }
    if (!storableText(name)) {
      problems.add(c.rowNumber, columns.name ?? 'system', `${where(c, 'name')}: navnet ${NUL_MESSAGE}; raden er hoppet over.`);
      continue;
    }
    const earlier = firstRow.get(lower(name));
    if (earlier !== undefined) {
      problems.add(c.rowNumber, columns.name ?? 'system', `${where(c, 'name')}: systemet «${name}» står også på rad ${earlier}; raden er hoppet over.`);
      continue;
    }
    firstRow.set(lower(name), c.rowNumber);
    const item: SystemImportRow = { row: c.rowNumber, name };
    const set = <K extends keyof SystemImportRow>(key: K, value: SystemImportRow[K] | undefined): void => {
      if (value !== undefined) item[key] = value;
    };
    set('users', usersCell(c));
    set('vendor', textCell(c, 'vendor'));
    set('operator', textCell(c, 'operator'));
    set('cooperation', textCell(c, 'cooperation'));
    for (const f of SYSTEM_TEXT_FIELDS) set(f.key, textCell(c, f.key, f.max));
    set('units', textCell(c, 'units', LIMITS.text));
    set('description', textCell(c, 'description', LIMITS.text));
    set('introducedYear', yearCell(c));
    set('successor', textCell(c, 'successor'));
    set('lifecycle', choiceCell(c, 'lifecycle', lifecycleOf, `et kjent livsløp (bruk ${Object.values(LIFECYCLE_LABELS).join(', ').replace(/, ([^,]*)$/, ' eller $1')})`, undefined));
    set('criticality', choiceCell<Criticality | null>(c, 'criticality', (t) => CRITICALITY_WORDS[lower(t)], `en kjent kritikalitet (bruk ${Object.values(CRITICALITY_LABELS).join(' eller ')})`, null));
    set('personalData', choiceCell(c, 'personalData', (t) => (YES.has(lower(t)) ? true : NO.has(lower(t)) ? false : undefined), 'ja eller nei', undefined));
    out.push(item);
  }
  return { ok: true, value: { rows: out, columns, problems: problems.list } };
}

// ---------------------------------------------------------------------------------------------
// Matching with what the organization has

export interface NamedRef {
  id: string;
  name: string;
}

/** The fields an import sets, as stored. */
export interface SystemImportValues extends SystemTextValues {
  users: number | null;
  vendorId: string | null;
  operatorId: string | null;
  cooperationId: string | null;
  lifecycle: Lifecycle;
  criticality: Criticality | null;
  personalData: boolean;
  units: string | null;
  description: string | null;
  introducedYear: number | null;
}

export interface ExistingSystem extends SystemImportValues {
  id: string;
  name: string;
  version: number;
  /** The successor (`erstattet av`), one of the organization's own systems. */
  replacedById: string | null;
}

export interface SystemImportContext {
  /** The organization's suppliers (including those about to be created). */
  suppliers: readonly NamedRef[];
  /** Cooperations it may use: those it hosts first, then those it is a member of. */
  cooperations: readonly NamedRef[];
  /** Its own systems (not those shared with it). */
  systems: readonly ExistingSystem[];
}

/** One row as the preview shows it. cooperationMatched: the named cooperation was found. */
export interface SystemImportSummaryRow {
  row: number;
  name: string;
  users: number | null;
  vendor: string | null;
  cooperation: string | null;
  cooperationMatched: boolean;
  serverLocation: string | null;
  database: string | null;
}

export interface SystemImportPlan {
  creates: Array<{ name: string } & SystemImportValues>;
  /** Existing systems that change, with the version read (full values after the change). */
  updates: Array<{ id: string; version: number } & SystemImportValues>;
  /** Existing systems the file matches exactly. */
  unchanged: number;
  /** Successor links to set once the systems exist (names as stored or as in the file; null clears). */
  successors: Array<{ name: string; successor: string | null }>;
  rows: SystemImportSummaryRow[];
  problems: ImportProblem[];
}

const byName = (refs: readonly NamedRef[]): Map<string, string> => {
  const map = new Map<string, string>();
  for (const r of refs) if (!map.has(lower(r.name))) map.set(lower(r.name), r.id);
  return map;
};

/** Vendor and operator names of the file that the organization has no supplier for (first spelling wins). */
export function missingSuppliers(table: SystemTable, suppliers: readonly NamedRef[]): string[] {
  const known = byName(suppliers);
  const missing = new Map<string, string>();
  for (const r of table.rows) {
    for (const name of [r.vendor, r.operator]) {
      if (name && !known.has(lower(name)) && !missing.has(lower(name))) missing.set(lower(name), name);
    }
  }
  return [...missing.values()];
}

/** What a new system gets for a field the file does not give. */
export const NEW_SYSTEM_VALUES: Readonly<SystemImportValues> = {
  users: null,
  vendorId: null,
  operatorId: null,
  cooperationId: null,
  ...systemTextValues({}),
  lifecycle: 'in_operation',
  criticality: null,
  personalData: false,
  units: null,
  description: null,
  introducedYear: null,
};
const VALUE_KEYS = Object.keys(NEW_SYSTEM_VALUES) as Array<keyof SystemImportValues>;

/**
 * The successor a row names: undefined when the column is absent or the name is unknown (a problem
 * with row and column), null when blank. It must be one of the organization's own systems or a
 * system of the same file, and not the system itself.
 */
function successorOf(r: SystemImportRow, table: SystemTable, existing: Map<string, ExistingSystem>, inFile: Set<string>, problems: ImportProblem[]): string | null | undefined {
  if (r.successor === undefined || r.successor === null) return r.successor;
  const column = table.columns.successor ?? 'erstattet av';
  const refuse = (why: string): undefined => {
    problems.push({ row: r.row, column, message: `Rad ${r.row}, kolonne «${column}»: ${why}; feltet er ikke importert.` });
    return undefined;
  };
  const key = lower(r.successor);
  if (key === lower(r.name)) return refuse(`et system kan ikke erstatte seg selv («${r.successor}»)`);
  if (!existing.has(key) && !inFile.has(key)) return refuse(`fant ikke systemet «${r.successor}» blant organisasjonens systemer eller i filen`);
  return existing.get(key)?.name ?? r.successor;
}

/** What to create and change. Suppliers named in the file must be in the context (see missingSuppliers). */
export function planSystemImport(table: SystemTable, context: SystemImportContext): SystemImportPlan {
  const suppliers = byName(context.suppliers);
  const cooperations = byName(context.cooperations);
  const existing = new Map<string, ExistingSystem>();
  for (const s of context.systems) if (!existing.has(lower(s.name))) existing.set(lower(s.name), s);
  const supplier = (name: string | null | undefined): string | null | undefined =>
    name === undefined ? undefined : name === null ? null : (suppliers.get(lower(name)) ?? null);

  const problems: ImportProblem[] = [...table.problems];
  const plan: SystemImportPlan = { creates: [], updates: [], unchanged: 0, successors: [], rows: [], problems };
  const inFile = new Set(table.rows.map((r) => lower(r.name)));
  for (const r of table.rows) {
    const successor = successorOf(r, table, existing, inFile, problems);
    let cooperationId: string | null | undefined = r.cooperation === null ? null : undefined;
    if (r.cooperation) {
      cooperationId = cooperations.get(lower(r.cooperation));
      if (cooperationId === undefined) {
        const column = table.columns.cooperation ?? 'samarbeid';
        problems.push({
          row: r.row,
          column,
          message: message('systems.noCooperation', { row: r.row, column, cooperation: r.cooperation }),
        });
      }
    }
    const given: Partial<SystemImportValues> = {
      users: r.users,
      vendorId: supplier(r.vendor),
      operatorId: supplier(r.operator),
      cooperationId,
      ...(Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, r[f.key]])) as Partial<SystemTextValues>),
      lifecycle: r.lifecycle,
      criticality: r.criticality,
      personalData: r.personalData,
      units: r.units,
      description: r.description,
      introducedYear: r.introducedYear,
    };
    const current = existing.get(lower(r.name));
    const values = Object.fromEntries(VALUE_KEYS.map((key) => [key, given[key] !== undefined ? given[key] : (current ?? NEW_SYSTEM_VALUES)[key]])) as unknown as SystemImportValues;
    let linkChanged = false;
    if (successor === null) linkChanged = (current?.replacedById ?? null) !== null;
    else if (successor !== undefined) linkChanged = !current || existing.get(lower(successor))?.id !== current.replacedById;
    if (linkChanged) plan.successors.push({ name: current?.name ?? r.name, successor: successor ?? null });
    if (!current) plan.creates.push({ name: r.name, ...values });
    else if (linkChanged || VALUE_KEYS.some((key) => values[key] !== current[key])) plan.updates.push({ id: current.id, version: current.version, ...values });
    else plan.unchanged += 1;
    plan.rows.push({
      row: r.row,
      name: r.name,
      users: r.users ?? null,
      vendor: r.vendor ?? null,
      cooperation: r.cooperation ?? null,
      cooperationMatched: typeof cooperationId === 'string',
      serverLocation: r.serverLocation ?? null,
      database: r.database ?? null,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  problems.splice(MAX_PROBLEMS);
  return plan;
}
