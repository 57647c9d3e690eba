/**
 * Reads cost-pool definitions (rows of cell text) with the columns `ansvar`, `grunnlag`
 * (budsjett|regnskap|avvik|system), `nøkkel` (lik|fast|måltall|brukere), `kommuner` (a comma list of
 * kommunenummer or names; blank = all owners), and the optional `måltall` (the metric's name, for
 * key måltall), `prosenter` (a comma list in the order of `kommuner`, for key fast), `system` (the
 * shared system, for basis system and key brukere), `navn` (the pool's name) and `beløp` (a typed
 * amount for basis beløp, or for a system pool without a yearly contract cost) and `samarbeid` (one of
 * the host's cooperations by name: the pool is shared among its accepted members and the host, whom
 * `kommuner` then names, and a blank `nøkkel` takes the cooperation's own key). Names of ansvar,
 * metrics and systems are resolved by the caller; here every cell is read and checked on its own.
 */
import { Problems, type ImportProblem } from './actionplan-import-model.ts';
import { isBlankRow, normaliseHeader } from './actionplan-import.ts';
import { parseKroner, withinLimit } from './money.ts';
import { labelsIn } from './labels.ts';
import {
  BASIS_WORDS,
  cooperationParticipants,
  cooperationPoolProblem,
  KEY_WORDS,
  parsePercent,
  percentagesProblem,
  poolKey,
  type CostPoolBasis,
  type CostShareKey,
  type PoolCooperation,
  type PoolDefinition,
} from './cost-sharing.ts';
import { subjectMatcher, type Subject } from './statistics.ts';
import { message } from './messages.ts';

export interface ImportedPool {
  row: number;
  name: string | null;
  ansvar: string | null;
  basis: CostPoolBasis;
  key: CostShareKey;
  /** null = every owner. */
  owners: Subject[] | null;
  metric: string | null;
  system: string | null;
  percentages: number[] | null;
  amount: number | null;
  /** The cooperation whose participants share the pool; null = the owners. */
  cooperation: { id: string; name: string } | null;
}

/** The host's cooperations, for the column `samarbeid`. */
export interface PoolImportCooperations {
  hostId: string;
  cooperations: readonly PoolCooperation[];
}

export type CostPoolsImportResult = { ok: true; pools: ImportedPool[]; problems: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

type Column = 'ansvar' | 'grunnlag' | 'nøkkel' | 'kommuner' | 'måltall' | 'prosenter' | 'system' | 'navn' | 'beløp' | 'samarbeid';
const COLUMNS: Record<string, Column> = {
  ansvar: 'ansvar',
  grunnlag: 'grunnlag',
  nøkkel: 'nøkkel',
  nokkel: 'nøkkel',
  fordelingsnøkkel: 'nøkkel',
  kommuner: 'kommuner',
  måltall: 'måltall',
  maltall: 'måltall',
  prosenter: 'prosenter',
  prosent: 'prosenter',
  system: 'system',
  navn: 'navn',
  beløp: 'beløp',
  belop: 'beløp',
  samarbeid: 'samarbeid',
  // nynorsk headers
  kommunar: 'kommuner',
  måltal: 'måltall',
  prosentar: 'prosenter',
  namn: 'navn',
};

const byWord = <T extends string>(words: Record<T, string>) => new Map(Object.entries(words).map(([k, w]) => [w as string, k as T]));
const BASES = byWord(BASIS_WORDS);
const KEYS = byWord(KEY_WORDS);
KEYS.set('maltall', 'metric');
KEYS.set('like', 'equal');
BASES.set('belop', 'amount');
// The nynorsk words (an export in nynorsk reads back).
for (const [basis, word] of Object.entries(labelsIn('nn').COST_POOL_BASIS_WORDS)) BASES.set(word, basis as CostPoolBasis);
for (const [key, word] of Object.entries(labelsIn('nn').COST_SHARE_KEY_WORDS)) KEYS.set(word, key as CostShareKey);

export function parseCostPoolsTable(rows: string[][], owners: readonly Subject[], hosted: PoolImportCooperations = { hostId: '', cooperations: [] }): CostPoolsImportResult {
  const problems = new Problems();
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) return { ok: false, problems: [{ row: 0, column: '', message: 'Filen er tom.' }] };
  const col: Partial<Record<Column, number>> = {};
  rows[headerIndex]!.forEach((cell, i) => {
    const c = COLUMNS[normaliseHeader(cell)];
    if (c && col[c] === undefined) col[c] = i;
    else if (cell.trim() !== '') problems.add(headerIndex + 1, cell.trim(), `Kolonnen «${cell.trim()}» brukes ikke og er ikke importert.`);
  });
  const missing = (['ansvar', 'grunnlag', 'nøkkel', 'kommuner'] as const).filter((c) => col[c] === undefined);
  if (missing.length > 0) return { ok: false, problems: [{ row: headerIndex + 1, column: '', message: message('pools.missingColumns', { columns: missing.join(', ') }) }] };
  const matchOwner = subjectMatcher(owners);
  const pools: ImportedPool[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const row = i + 1;
    if (isBlankRow(cells)) continue;
    const cell = (c: Column) => (col[c] === undefined ? '' : (cells[col[c]!] ?? '').trim());
    let ok = true;
    const fail = (column: Column, message: string) => {
      problems.add(row, column, message);
      ok = false;
    };
    let cooperation: PoolCooperation | null = null;
    if (cell('samarbeid') !== '') {
      const named = hosted.cooperations.find((c) => c.name.trim().toLowerCase() === cell('samarbeid').toLowerCase());
      const problem = cooperationPoolProblem(named, hosted.hostId);
      if (problem) fail('samarbeid', `«${cell('samarbeid')}»: ${problem}.`);
      else cooperation = named!;
    }
    const sharers: readonly Subject[] = cooperation ? cooperationParticipants(cooperation.members) : owners;
    const match = cooperation ? subjectMatcher(sharers) : matchOwner;
    const basis = BASES.get(cell('grunnlag').toLowerCase());
    if (!basis) fail('grunnlag', `«${cell('grunnlag')}» må være budsjett, regnskap, avvik, system eller beløp.`);
    const key = cell('nøkkel') === '' && cooperation ? poolKey(null, cooperation.costKey) : KEYS.get(cell('nøkkel').toLowerCase());
    if (!key) fail('nøkkel', `«${cell('nøkkel')}» må være lik, fast, måltall eller brukere.`);
    const ansvar = cell('ansvar') || null;
    if (basis && basis !== 'system' && basis !== 'amount' && !ansvar) fail('ansvar', 'Ansvaret mangler.');
    if (basis === 'amount' && cell('beløp') === '') fail('beløp', 'Beløpet mangler for grunnlaget beløp.');
    const system = cell('system') || null;
    if ((basis === 'system' || key === 'users') && !system) fail('system', 'Systemet mangler (grunnlaget system og nøkkelen brukere gjelder et delt system).');
    const metric = cell('måltall') || null;
    if (key === 'metric' && !metric) fail('måltall', 'Måltallet mangler for nøkkelen måltall.');
    let chosen: Subject[] | null = null;
    if (cell('kommuner') !== '') {
      chosen = [];
      for (const part of cell('kommuner').split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '')) {
        const s = match(part);
        if (!s) fail('kommuner', cooperation ? `«${part}» har ikke godtatt samarbeidet ${cooperation.name}.` : `«${part}» er ikke en av eierne.`);
        else if (chosen.includes(s)) fail('kommuner', `${s.name} står to ganger.`);
        else chosen.push(s);
      }
    }
    let percentages: number[] | null = null;
    if (key === 'fixed') {
      const parts = splitPercentages(cell('prosenter'));
      percentages = [];
      for (const part of parts) {
        const p = parsePercent(part);
        if (p === null) fail('prosenter', `«${part}» er ikke en prosent.`);
        else percentages.push(p);
      }
      const expected = chosen?.length ?? sharers.length;
      if (ok && percentages.length !== expected) fail('prosenter', `Det må være én prosent per kommune (${expected}), men det er ${percentages.length}.`);
      const problem = ok ? percentagesProblem(percentages) : null;
      if (problem) fail('prosenter', problem);
    }
    let amount: number | null = null;
    if (cell('beløp') !== '') {
      const a = parseKroner(cell('beløp'));
      if (a === null || !withinLimit(a)) fail('beløp', `«${cell('beløp')}» er ikke et kronebeløp.`);
      else amount = a;
    }
    if (ok && basis && key) {
      pools.push({ row, name: cell('navn') || null, ansvar, basis, key, owners: chosen, metric, system, percentages, amount, cooperation: cooperation && { id: cooperation.id, name: cooperation.name } });
    }
  }
  return { ok: true, pools, problems: problems.list };
}

/**
 * `50,25,25`, `50; 25; 25` or `33,33, 33,33, 33,34`: a `;` list, else a list split at comma + space
 * (so a decimal comma stays), else at every comma (then decimals are written with a point: `33.33`).
 */
export function splitPercentages(text: string): string[] {
  const parts = text.includes(';') ? text.split(';') : /,\s/.test(text) ? text.split(/,\s+/) : text.split(',');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** An ansvar (number, with its name as label), metric or system of the organization, by name. */
export interface PoolName {
  kind: 'ansvar' | 'metric' | 'system';
  id: string;
  name: string;
  label: string;
}

/** Resolves the names of imported pools to the organization's ansvar, metrics and systems; each miss is a problem. */
export function resolvePools(pools: readonly ImportedPool[], names: readonly PoolName[]): { definitions: PoolDefinition[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const find = (kind: PoolName['kind'], name: string) => names.find((n) => n.kind === kind && n.name.trim().toLowerCase() === name.trim().toLowerCase());
  const definitions: PoolDefinition[] = [];
  for (const p of pools) {
    const ansvar = p.ansvar ? find('ansvar', p.ansvar) : undefined;
    const metric = p.metric ? find('metric', p.metric) : undefined;
    const system = p.system ? find('system', p.system) : undefined;
    let ok = true;
    const needsAnsvar = p.basis !== 'system' && p.basis !== 'amount';
    if (needsAnsvar && !ansvar) {
      problems.push({ row: p.row, column: 'ansvar', message: message('pools.unknownAnsvar', { ansvar: p.ansvar ?? '' }) });
      ok = false;
    }
    if (p.key === 'metric' && !metric) {
      problems.push({ row: p.row, column: 'måltall', message: message('pools.unknownMetric', { metric: p.metric ?? '' }) });
      ok = false;
    }
    if ((p.basis === 'system' || p.key === 'users') && !system) {
      problems.push({ row: p.row, column: 'system', message: message('pools.unknownSystem', { system: p.system ?? '' }) });
      ok = false;
    }
    if (!ok) continue;
    definitions.push({
      name: p.name ?? (p.basis === 'system' ? system!.name : needsAnsvar ? `${ansvar!.name} ${ansvar!.label}` : (p.cooperation?.name ?? 'Fordeling')),
      ansvarId: needsAnsvar ? ansvar!.id : null,
      systemId: system?.id ?? null,
      basis: p.basis,
      key: p.key,
      metricId: p.key === 'metric' ? metric!.id : null,
      ownerIds: p.owners?.map((o) => o.organizationId) ?? null,
      percentages: p.percentages,
      typedAmount: p.amount,
      cooperationId: p.cooperation?.id ?? null,
    });
  }
  return { definitions, problems };
}
