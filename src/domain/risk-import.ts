/**
 * The risk register as a table, one row per mitigation option (and per year of its money): the
 * columns are declared once here and drive the export headers and the import. Rows with the same
 * `risiko` form one risk; rows of one risk with the same `tiltak` are one option (its lines in
 * several years). A risk without options is one row with `tiltak` blank.
 */
import { formatDate } from './format.ts';
import { parseKroner } from './money.ts';
import { Problems, type ImportProblem } from './actionplan-import-model.ts';
import { isBlankRow } from './actionplan-import-rows.ts';
import { headerKey } from './register.ts';
import { CreateRiskSchema, RISK_STATUS_LABELS, RISK_STATUSES, type CreateRisk, type Risk, type RiskStatus } from './risk.ts';
import { fieldLabel, labelsIn } from './labels.ts';

export interface RiskColumn {
  key: string;
  nb: string;
  nn: string;
  kind: 'text' | 'number';
  aliases?: readonly string[];
}

export const RISK_COLUMNS: readonly RiskColumn[] = [
  { key: 'risk', nb: 'risiko', nn: 'risiko', kind: 'text', aliases: ['tittel', 'title'] },
  { key: 'object', nb: 'objekt', nn: 'objekt', kind: 'text' },
  { key: 'hazard', nb: 'fare', nn: 'fare', kind: 'text' },
  { key: 'consequenceText', nb: 'konsekvensbeskrivelse', nn: 'konsekvensskildring', kind: 'text' },
  { key: 'controls', nb: 'eksisterende tiltak', nn: 'eksisterande tiltak', kind: 'text' },
  { key: 'probability', nb: 'sannsynlighet', nn: 'sannsyn', kind: 'number' },
  { key: 'consequence', nb: 'konsekvens', nn: 'konsekvens', kind: 'number' },
  { key: 'option', nb: 'tiltak', nn: 'tiltak', kind: 'text' },
  { key: 'invest', nb: 'investering', nn: 'investering', kind: 'number' },
  { key: 'drift', nb: 'drift', nn: 'drift', kind: 'number' },
  { key: 'year', nb: 'år', nn: 'år', kind: 'number' },
  { key: 'residualProbability', nb: 'rest sannsynlighet', nn: 'rest sannsyn', kind: 'number' },
  { key: 'residualConsequence', nb: 'rest konsekvens', nn: 'rest konsekvens', kind: 'number' },
  { key: 'chosen', nb: 'valgt', nn: 'vald', kind: 'text' },
  { key: 'status', nb: 'status', nn: 'status', kind: 'text' },
  { key: 'owner', nb: 'eier', nn: 'eigar', kind: 'text' },
  { key: 'reviewDate', nb: 'neste gjennomgang', nn: 'neste gjennomgang', kind: 'text' },
  { key: 'references', nb: 'referanser', nn: 'referansar', kind: 'text' },
  { key: 'closeReason', nb: 'begrunnelse', nn: 'grunngiving', kind: 'text' },
];

export const PROBABILITY_WORDS: Record<string, number> = { 'svært liten': 1, liten: 2, middels: 3, stor: 4, 'svært stor': 5 };
export const CONSEQUENCE_WORDS: Record<string, number> = { ubetydelig: 1, liten: 2, moderat: 3, alvorlig: 4, 'svært alvorlig': 5 };

// ------------------------------------------------------------------ export

/** One row per option and year of its money (a risk without options: one row); the status in the language. */
export function riskExportRows(risks: readonly Risk[], language: 'nb' | 'nn' = 'nb'): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const r of risks) {
    const common = {
      risk: r.title,
      object: r.objects.map((o) => o.name).join('; '),
      hazard: r.hazard ?? '',
      consequenceText: r.consequenceText ?? '',
      controls: r.controls.join('; '),
      probability: String(r.probability),
      consequence: String(r.effectiveConsequence),
      status: labelsIn(language).RISK_STATUS_LABELS[r.status],
      owner: r.ownerName ?? '',
      reviewDate: r.reviewDate ? formatDate(r.reviewDate) : '',
      references: r.references ?? '',
      closeReason: r.closeReason ?? '',
    };
    const blank = { option: '', invest: '', drift: '', year: '', residualProbability: '', residualConsequence: '', chosen: '' };
    if (r.options.length === 0) out.push({ ...common, ...blank });
    for (const o of r.options) {
      const years = [...new Set(o.lines.map((l) => l.year))].sort();
      const option = {
        option: o.description,
        residualProbability: o.residualProbability === null ? '' : String(o.residualProbability),
        residualConsequence: o.residualConsequence === null ? '' : String(o.residualConsequence),
        chosen: o.chosen ? 'ja' : 'nei',
      };
      if (years.length === 0) out.push({ ...common, ...blank, ...option });
      for (const year of years) {
        const sumOf = (kind: 'invest' | 'drift') =>
          o.lines.filter((l) => l.year === year && l.kind === kind).reduce((n, l) => n + (l.quantity !== null && l.unitPrice !== null ? l.quantity * l.unitPrice : (l.amount ?? 0)), 0);
        const invest = o.lines.some((l) => l.year === year && l.kind === 'invest') ? String(sumOf('invest')) : '';
        const drift = o.lines.some((l) => l.year === year && l.kind === 'drift') ? String(sumOf('drift')) : '';
        out.push({ ...common, ...option, invest, drift, year: String(year) });
      }
    }
  }
  return out;
}

export function riskTableRows(risks: readonly Risk[], language: 'nb' | 'nn' = 'nb'): string[][] {
  return [RISK_COLUMNS.map((c) => c[language]), ...riskExportRows(risks, language).map((row) => RISK_COLUMNS.map((c) => row[c.key] ?? ''))];
}

// ------------------------------------------------------------------ import

/** A risk read from the file, before its objects and owner are looked up by name. */
export interface ImportedRisk {
  row: number;
  input: CreateRisk;
  objectNames: string[];
  ownerName: string | null;
}

export interface RiskImportTable {
  risks: ImportedRisk[];
  problems: ImportProblem[];
  /** The words accepted for probability and consequence, e.g. «svært liten» = 1. */
  acceptedWords: string[];
}

export type RiskImportResult = { ok: true; value: RiskImportTable } | { ok: false; problems: ImportProblem[] };

function readScale(text: string, words: Record<string, number>, accepted: Set<string>): number | string {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 5 ? n : `«${text}» må være fra 1 til 5`;
  }
  const n = words[t];
  if (n === undefined) return `«${text}» er ikke 1–5 eller en av ${Object.keys(words).join(', ')}`;
  accepted.add(`«${t}» = ${n}`);
  return n;
}

function readKroner(text: string): number | string {
  const n = parseKroner(text);
  if (n === null) return `«${text}» er ikke et beløp i kroner`;
  if (n < 0) return `«${text}» kan ikke være negativ`;
  return n;
}

const splitList = (text: string): string[] =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function readDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (no) return `${no[3]}-${no[2]!.padStart(2, '0')}-${no[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
}

const STATUS_WORDS: Record<string, RiskStatus> = Object.fromEntries([
  ...RISK_STATUSES.map((s) => [s, s]),
  ...Object.entries(RISK_STATUS_LABELS).map(([code, label]) => [label.toLowerCase(), code]),
  ...Object.entries(labelsIn('nn').RISK_STATUS_LABELS).map(([code, label]) => [label.toLowerCase(), code]),
]) as Record<string, RiskStatus>;

/**
 * Reads rows of cell text into risks. `defaultYear` is the year of money without `år` (the first
 * year of the latest draft revision's period, or else the current year). Each cell that cannot
 * be read is reported with row and column; a risk with a problem in a required cell, or that
 * fails the register's rules (e.g. two chosen options), is not imported and says why.
 */
export function parseRiskTable(rows: readonly string[][], defaultYear: number): RiskImportResult {
  const index = new Map<string, RiskColumn>();
  for (const c of RISK_COLUMNS) for (const h of [c.key, c.nb, c.nn, ...(c.aliases ?? [])]) if (!index.has(headerKey(h))) index.set(headerKey(h), c);
  const headerAt = rows.findIndex((row) => row.some((cell) => index.get(headerKey(cell))?.key === 'risk'));
  if (headerAt < 0) return { ok: false, problems: [{ row: 0, column: 'risiko', message: 'Fant ingen overskriftsrad med kolonnen «risiko». Ingenting er importert.' }] };
  const problems = new Problems();
  const at = new Map<string, number>();
  const header: Record<string, string> = {};
  (rows[headerAt] ?? []).forEach((cell, i) => {
    const text = cell.trim();
    if (text === '') return;
    const column = index.get(headerKey(text));
    if (!column) problems.add(headerAt + 1, text, `Kolonnen «${text}» er ukjent og er ikke importert.`);
    else if (!at.has(column.key)) {
      at.set(column.key, i);
      header[column.key] = text;
    }
  });
  const accepted = new Set<string>();
  const groups = new Map<string, { row: number; bad: boolean; input: Record<string, unknown>; options: Array<Record<string, unknown> & { lines: unknown[] }>; objectNames: string[]; ownerName: string | null }>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row)) continue;
    const rowNumber = r + 1;
    const cell = (key: string): string => (at.has(key) ? (row[at.get(key)!] ?? '').trim() : '');
    const col = (key: string): string => header[key] ?? RISK_COLUMNS.find((c) => c.key === key)?.nb ?? key;
    const problem = (key: string, message: string) => problems.add(rowNumber, col(key), `Rad ${rowNumber}, kolonne «${col(key)}»: ${message}`);
    const title = cell('risk');
    if (title === '') {
      problem('risk', 'risikoen mangler tittel; raden er hoppet over.');
      continue;
    }
    let group = groups.get(title.toLowerCase());
    if (!group) {
      group = { row: rowNumber, bad: false, input: { title, status: 'open' }, options: [], objectNames: [], ownerName: null };
      groups.set(title.toLowerCase(), group);
    }
    const g = group;
    const fail = (key: string, message: string) => {
      problem(key, `${message}; risikoen «${title}» er ikke importert.`);
      g.bad = true;
    };
    // Risk cells: the first row that fills a cell gives it.
    const first = (key: string, set: () => void) => {
      if (cell(key) !== '' && g.input[`_${key}`] === undefined) {
        g.input[`_${key}`] = true;
        set();
      }
    };
    first('object', () => (g.objectNames = splitList(cell('object'))));
    first('hazard', () => (g.input.hazard = cell('hazard')));
    first('consequenceText', () => (g.input.consequenceText = cell('consequenceText')));
    first('controls', () => (g.input.controls = splitList(cell('controls'))));
    first('references', () => (g.input.references = cell('references')));
    first('closeReason', () => (g.input.closeReason = cell('closeReason')));
    first('owner', () => (g.ownerName = cell('owner')));
    first('probability', () => {
      const v = readScale(cell('probability'), PROBABILITY_WORDS, accepted);
      if (typeof v === 'string') fail('probability', v);
      else g.input.probability = v;
    });
    first('consequence', () => {
      const v = readScale(cell('consequence'), CONSEQUENCE_WORDS, accepted);
      if (typeof v === 'string') fail('consequence', v);
      else g.input.consequence = v;
    });
    first('status', () => {
      const v = STATUS_WORDS[cell('status').toLowerCase()];
      if (v === undefined) fail('status', `«${cell('status')}» er ikke en status (${Object.values(RISK_STATUS_LABELS).join(', ')})`);
      else g.input.status = v;
    });
    first('reviewDate', () => {
      const v = readDate(cell('reviewDate'));
      if (v === undefined) fail('reviewDate', `«${cell('reviewDate')}» er ikke en dato (dd.mm.åååå)`);
      else g.input.reviewDate = v;
    });
    const description = cell('option');
    if (description === '') {
      for (const key of ['invest', 'drift', 'residualProbability', 'residualConsequence', 'chosen']) if (cell(key) !== '') problem(key, 'står uten tiltak (kolonnen «tiltak» er tom) og er ikke importert.');
      continue;
    }
    let option = g.options.find((o) => String(o.description).toLowerCase() === description.toLowerCase());
    if (!option) {
      option = { description, lines: [], chosen: false };
      g.options.push(option);
    }
    let year = defaultYear;
    if (cell('year') !== '') {
      if (/^\d{4}$/.test(cell('year'))) year = Number(cell('year'));
      else fail('year', `«${cell('year')}» er ikke et årstall`);
    }
    for (const kind of ['invest', 'drift'] as const) {
      if (cell(kind) === '') continue;
      const v = readKroner(cell(kind));
      if (typeof v === 'string') fail(kind, v);
      else option.lines.push({ kind, year, amount: v });
    }
    for (const [key, words] of [['residualProbability', PROBABILITY_WORDS], ['residualConsequence', CONSEQUENCE_WORDS]] as const) {
      if (cell(key) === '') continue;
      const v = readScale(cell(key), words, accepted);
      if (typeof v === 'string') fail(key, v);
      else option[key] = v;
    }
    const chosen = cell('chosen').toLowerCase();
    if (chosen !== '') {
      if (['ja', 'j', 'x', 'yes', 'true', '1'].includes(chosen)) option.chosen = true;
      else if (!['nei', 'n', 'no', 'false', '0'].includes(chosen)) fail('chosen', `«${cell('chosen')}» er ikke ja eller nei`);
    }
  }
  const risks: ImportedRisk[] = [];
  for (const g of groups.values()) {
    if (g.bad) continue;
    const input = Object.fromEntries(Object.entries(g.input).filter(([k]) => !k.startsWith('_')));
    const parsed = CreateRiskSchema.safeParse({ ...input, options: g.options });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path.find((p) => typeof p === 'string' && p !== 'options') ?? 'risiko');
        problems.add(g.row, field, `Risikoen «${String(g.input.title)}» (rad ${g.row}): ${fieldLabel(issue.path)} ${issue.message}; risikoen er ikke importert.`);
      }
      continue;
    }
    risks.push({ row: g.row, input: parsed.data, objectNames: g.objectNames, ownerName: g.ownerName });
  }
  return { ok: true, value: { risks, problems: problems.list, acceptedWords: [...accepted].sort() } };
}
