/**
 * The IKS year on the command line (on the database directly, like `import actionplan`):
 *   import statistics FILE --org ORG [--year YYYY] [--json]
 *   import accounts FILE --org ORG --year YYYY [--json]
 *   import costpools FILE --org ORG --year YYYY [--json]
 *   report costshare --org ORG --year YYYY [--json]
 * Each prints what it could not use (row, column, message) and fails only when nothing can be read.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { withSystem, type Database } from '../db/database.ts';
import { saveAccounts } from '../db/queries/accounts.ts';
import { costPoolFacts, poolCooperations, poolNames, replaceCostPools } from '../db/queries/cost-pools.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { ownerSubjects, saveStatistics, statisticSubjects } from '../db/queries/statistics.ts';
import { computePools } from '../domain/cost-pool-shares.ts';
import { BASIS_WORDS, KEY_WORDS } from '../domain/cost-sharing.ts';
import { resolvePools } from '../domain/cost-sharing-import.ts';
import { formatKroner } from '../domain/money.ts';
import { parseAccountsFile, parseCostPoolsFile, parseStatisticsFile } from '../reports/iks-year-io.ts';
import type { Language } from '../domain/organization.ts';
import { CliError } from './index.ts';
import { inLanguage, say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;
type Problem = { row: number; column: string; message: string };

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

function year(values: Values, required: true): number;
function year(values: Values, required: false): number | undefined;
function year(values: Values, required: boolean): number | undefined {
  if (values.year === undefined) {
    if (required) throw new CliError('Oppgi året med --year ÅÅÅÅ.');
    return undefined;
  }
  const y = Number(values.year);
  if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year) || y < 1900 || y > 2200) throw new CliError('--year må være et årstall mellom 1900 og 2200.');
  return y;
}

async function file(what: string, path: string | undefined): Promise<Buffer> {
  if (!path) throw new CliError(`Oppgi filen: npm run cli -- import ${what} FIL --org ORG`);
  try {
    return await readFile(path);
  } catch {
    throw new CliError(`Kan ikke lese filen ${path}.`);
  }
}

const problemAt = (l: Language, p: Problem): string =>
  say(l, 'cli.problemAt', { row: p.row, column: p.column ? say(l, 'cli.columnSuffix', { column: p.column }) : '', message: inLanguage(l, p.message) });

const problemLines = (l: Language, problems: readonly Problem[]): string[] =>
  problems.length === 0 ? [say(l, 'cli.noProblems')] : [say(l, 'cli.problems', { count: problems.length }), ...problems.map((p) => problemAt(l, p))];

function failed(l: Language, problems: readonly Problem[]): CliError {
  const lines = problems.map((p) => (p.row > 0 ? problemAt(l, { ...p, column: '' }) : `  ${inLanguage(l, p.message)}`));
  return new CliError([say(l, 'cli.importAborted'), ...lines].join('\n'));
}

export async function importStatisticsCommand(database: Database, path: string | undefined, values: Values): Promise<string> {
  const data = await file('statistics', path);
  const org = await organization(database, values);
  const wanted = year(values, false);
  return withSystem(database.db, async (tx) => {
    const parsed = await parseStatisticsFile(data, basename(path!), await statisticSubjects(tx, org.id), wanted);
    if (!parsed.ok) throw failed(org.language, parsed.problems);
    const v = parsed.value;
    await saveStatistics(tx, org.id, v);
    if (values.json === true) {
      return JSON.stringify({ year: v.year, metrics: v.metrics, values: v.values.length, totals: v.totals, discrepancies: v.discrepancies, problems: v.problems });
    }
    const l = org.language;
    return [
      say(l, 'cli.importedStatistics', { values: v.values.length, metrics: v.metrics.length, org: org.name, year: v.year }),
      ...v.discrepancies.map((d) => say(l, 'cli.sumDiscrepancy', { what: d.metric, printed: d.printed, computed: d.computed })),
      ...problemLines(l, v.problems),
    ].join('\n');
  });
}

export async function importAccountsCommand(database: Database, path: string | undefined, values: Values): Promise<string> {
  const data = await file('accounts', path);
  const y = year(values, true);
  const org = await organization(database, values);
  const parsed = await parseAccountsFile(data, basename(path!));
  if (!parsed.ok) throw failed(org.language, parsed.problems);
  const v = parsed.value;
  await withSystem(database.db, (tx) => saveAccounts(tx, org.id, y, v.lines));
  if (values.json === true) return JSON.stringify({ year: y, lines: v.lines.length, total: v.total, discrepancies: v.discrepancies, problems: v.problems });
  const l = org.language;
  return [
    say(l, 'cli.importedAccounts', { lines: v.lines.length, org: org.name, year: y, deviation: formatKroner(v.total.deviation) }),
    ...v.discrepancies.map((d) => say(l, 'cli.sumDiscrepancy', { what: d.column, printed: formatKroner(d.printed), computed: formatKroner(d.computed) })),
    ...problemLines(l, v.problems),
  ].join('\n');
}

export async function importCostPoolsCommand(database: Database, path: string | undefined, values: Values): Promise<string> {
  const data = await file('costpools', path);
  const y = year(values, true);
  const org = await organization(database, values);
  return withSystem(database.db, async (tx) => {
    const owners = await ownerSubjects(tx, org.id);
    const parsed = await parseCostPoolsFile(data, basename(path!), owners, { hostId: org.id, cooperations: await poolCooperations(tx, org.id) });
    if (!parsed.ok) throw failed(org.language, parsed.problems);
    const resolved = resolvePools(parsed.pools, await poolNames(tx, org.id));
    const count = await replaceCostPools(tx, org.id, y, resolved.definitions);
    const problems = [...parsed.problems, ...resolved.problems].sort((a, b) => a.row - b.row);
    if (values.json === true) return JSON.stringify({ year: y, pools: count, problems });
    return [say(org.language, 'cli.definedCostPools', { count, org: org.name, year: y }), ...problemLines(org.language, problems)].join('\n');
  });
}

export async function reportCostShareCommand(database: Database, values: Values): Promise<string> {
  const y = year(values, true);
  const org = await organization(database, values);
  const facts = await withSystem(database.db, (tx) => costPoolFacts(tx, org.id, y));
  const pools = computePools(facts.filter((p) => p.organizationId === org.id), y);
  const problems = pools.filter((p) => p.problem !== null).map((p) => p.problem!);
  const ownersOf = new Map(facts.map((f) => [f.id, f.owners]));
  const key = (o: { kommunenummer: string | null; slug: string }) => o.kommunenummer ?? o.slug;
  // A cooperation's pool is shared among its accepted members and the host, an IKS's among its owners.
  const json = pools.map((p) => ({
    name: p.name,
    ansvar: p.ansvar,
    basis: BASIS_WORDS[p.basis],
    key: KEY_WORDS[p.key],
    amount: p.amount,
    ...(p.cooperation ? { cooperation: p.cooperation } : {}),
    shares: Object.fromEntries(
      (p.shares.length > 0 ? p.shares : (ownersOf.get(p.id) ?? []).map((o) => ({ ...o, amount: 0 }))).map((s) => [key(s), s.amount]),
    ),
  }));
  if (values.json === true) return JSON.stringify(problems.length > 0 ? { year: y, pools: json, problems } : { year: y, pools: json });
  const l = org.language;
  const lines = [say(l, 'cli.costShareFor', { org: org.name, year: y })];
  for (const p of pools) {
    lines.push(`  ${p.name} (${BASIS_WORDS[p.basis]}, ${KEY_WORDS[p.key]}${p.metric ? `: ${p.metric}` : ''}${p.cooperation ? `, samarbeidet ${p.cooperation}` : ''}): ${p.amount === null ? say(l, 'cli.noAmount') : formatKroner(p.amount)}`);
    for (const s of p.shares) lines.push(`    ${(s.kommunenummer ?? '').padEnd(5)} ${s.name.padEnd(32)} ${formatKroner(s.amount)}`);
    if (p.problem) lines.push(`    ${inLanguage(l, p.problem)}`);
  }
  if (pools.length === 0) lines.push(say(l, 'cli.noCostPools'));
  return lines.join('\n');
}
