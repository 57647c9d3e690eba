/**
 * Reads the accounts per ansvar (rows of cell text): `ansvar`, `navn`, then either `budsjett` and
 * `regnskap`, or `avvik` alone when the source prints only the deviation. A `Totalt`/`Sum` row is
 * checked against the sum of the lines, per column. Cells that cannot be read are reported with row
 * and column and their line is left out; nothing else stops the import.
 */
import { Problems, type ImportProblem } from './actionplan-import-model.ts';
import { isBlankRow, normaliseHeader } from './actionplan-import.ts';
import { accountsTotal, deviationOf, type AccountFigures } from './accounts.ts';
import { parseKroner, withinLimit } from './money.ts';
import { isTotalLabel } from './statistics.ts';

export interface ImportedAccountLine extends AccountFigures {
  ansvar: string;
  name: string;
  row: number;
}

export interface AccountsDiscrepancy {
  column: 'budsjett' | 'regnskap' | 'avvik';
  printed: number;
  computed: number;
}

export interface AccountsImport {
  lines: ImportedAccountLine[];
  total: { budget: number | null; actual: number | null; deviation: number };
  discrepancies: AccountsDiscrepancy[];
  problems: ImportProblem[];
}

export type AccountsImportResult = { ok: true; value: AccountsImport } | { ok: false; problems: ImportProblem[] };

const NAMES: Record<string, 'ansvar' | 'navn' | 'budsjett' | 'regnskap' | 'avvik'> = {
  ansvar: 'ansvar',
  ansvarsnummer: 'ansvar',
  'ansvar nr': 'ansvar',
  navn: 'navn',
  ansvarsnavn: 'navn',
  tekst: 'navn',
  budsjett: 'budsjett',
  'revidert budsjett': 'budsjett',
  regnskap: 'regnskap',
  avvik: 'avvik',
  'mer-/mindreforbruk': 'avvik',
  'mindre-/merforbruk': 'avvik',
};

export function parseAccountsTable(rows: string[][]): AccountsImportResult {
  const problems = new Problems();
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) return { ok: false, problems: [{ row: 0, column: '', message: 'Filen er tom.' }] };
  const col: Partial<Record<'ansvar' | 'navn' | 'budsjett' | 'regnskap' | 'avvik', number>> = {};
  rows[headerIndex]!.forEach((cell, i) => {
    const name = NAMES[normaliseHeader(cell)];
    if (name && col[name] === undefined) col[name] = i;
    else if (cell.trim() !== '') problems.add(headerIndex + 1, cell.trim(), `Kolonnen «${cell.trim()}» brukes ikke og er ikke importert.`);
  });
  const missing: string[] = [];
  if (col.ansvar === undefined) missing.push('ansvar');
  if (col.navn === undefined) missing.push('navn');
  const both = col.budsjett !== undefined && col.regnskap !== undefined;
  if (!both && col.avvik === undefined) missing.push('budsjett og regnskap, eller avvik');
  if (missing.length > 0) {
    return { ok: false, problems: [{ row: headerIndex + 1, column: '', message: `Tabellen mangler kolonnene: ${missing.join(', ')}.` }] };
  }
  const lines: ImportedAccountLine[] = [];
  const printed: Partial<Record<AccountsDiscrepancy['column'], number>> = {};
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const row = i + 1;
    if (isBlankRow(cells)) continue;
    const ansvar = (cells[col.ansvar!] ?? '').trim();
    const name = (cells[col.navn!] ?? '').trim();
    const amount = (column: AccountsDiscrepancy['column']): number | null | undefined => {
      const index = col[column];
      if (index === undefined) return null;
      const text = (cells[index] ?? '').trim();
      if (text === '') return null;
      const value = parseKroner(text);
      if (value === null || !withinLimit(value)) {
        problems.add(row, column, `«${text}» er ikke et kronebeløp.`);
        return undefined;
      }
      return value;
    };
    if (isTotalLabel(ansvar) || (ansvar === '' && isTotalLabel(name))) {
      for (const c of ['budsjett', 'regnskap', 'avvik'] as const) {
        const v = amount(c);
        if (typeof v === 'number') printed[c] = v;
      }
      continue;
    }
    if (ansvar === '') {
      problems.add(row, 'ansvar', 'Ansvarsnummeret mangler; raden er ikke importert.');
      continue;
    }
    if (seen.has(ansvar)) {
      problems.add(row, 'ansvar', `Ansvar ${ansvar} står også på rad ${seen.get(ansvar)}; raden er ikke importert.`);
      continue;
    }
    const budget = both ? amount('budsjett') : null;
    const actual = both ? amount('regnskap') : null;
    const avvik = amount('avvik');
    if (budget === undefined || actual === undefined || avvik === undefined) continue;
    const line: ImportedAccountLine = { ansvar, name: name || ansvar, row, budget: null, actual: null, printedDeviation: null };
    if (budget !== null || actual !== null) {
      line.budget = budget ?? 0;
      line.actual = actual ?? 0;
      if (avvik !== null && avvik !== deviationOf(line)) {
        problems.add(row, 'avvik', `Avviket ${avvik} stemmer ikke med budsjett − regnskap (${deviationOf(line)}); avviket er regnet ut.`);
      }
    } else if (avvik !== null) {
      line.printedDeviation = avvik;
    } else {
      problems.add(row, both ? 'budsjett' : 'avvik', 'Raden har ingen beløp; den er ikke importert.');
      continue;
    }
    seen.set(ansvar, row);
    lines.push(line);
  }
  const total = accountsTotal(lines);
  const discrepancies: AccountsDiscrepancy[] = [];
  const computed: Record<AccountsDiscrepancy['column'], number | null> = { budsjett: total.budget, regnskap: total.actual, avvik: total.deviation };
  for (const c of ['budsjett', 'regnskap', 'avvik'] as const) {
    const p = printed[c];
    if (p !== undefined && p !== (computed[c] ?? 0)) discrepancies.push({ column: c, printed: p, computed: computed[c] ?? 0 });
  }
  return { ok: true, value: { lines, total, discrepancies, problems: problems.list } };
}
