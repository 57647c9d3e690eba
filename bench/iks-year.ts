/**
 * `node --import tsx bench/iks-year.ts`: the IKS year without the HTTP layer, on PGlite (or on
 * PostgreSQL when DATABASE_URL is set, a fresh database). An IKS with 6 owners × 10 years × 20
 * metrics (1 200 values), 20 ansvar per year and 10 pools:
 *  - a 1 000-row statistics import (long shape: read the CSV, match kommuner, check totals, save),
 *    BENCH_IKS_RUNS times, p50 and max;
 *  - the statements and time of the statistics, accounts and cost-pool reads and of
 *    loadAnnualFigures, for 1 year of data and for 10 (the counts must be equal; the API test
 *    test/api/iks-year.test.ts asserts that for the pages).
 * Run by `npm run bench -- --only features` (bench/features.ts); prints a Markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, withSystem, type Tx } from '../src/db/database.ts';
import { accountsYear, saveAccounts } from '../src/db/queries/accounts.ts';
import { loadAnnualFigures } from '../src/db/queries/annual-figures.ts';
import { costPoolFacts, insertCostPools, poolNames } from '../src/db/queries/cost-pools.ts';
import { insertOrganization, setOwners } from '../src/db/queries/organizations.ts';
import { saveStatistics, statisticsYear, statisticSubjects } from '../src/db/queries/statistics.ts';
import { computePools } from '../src/domain/cost-pool-shares.ts';
import { parseStatisticsFile } from '../src/reports/iks-year-io.ts';

const RUNS = Number(process.env.BENCH_IKS_RUNS ?? 10);
const OWNERS = ['5041', '5042', '5043', '5044', '5045', '5046'];
const YEARS = Array.from({ length: 10 }, (_, i) => 2010 + i);
const METRICS = Array.from({ length: 20 }, (_, i) => `Måltall ${i + 1}`);

function longCsv(years: readonly number[], metrics: readonly string[], rows: number): Buffer {
  const lines = ['kommune;år;måltall;verdi'];
  outer: for (const y of years) {
    for (const m of metrics) {
      for (const k of OWNERS) {
        lines.push(`${k};${y};${m};${(Number(k) % 97) * 1000 + y}`);
        if (lines.length > rows) break outer;
      }
    }
  }
  return Buffer.from(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'veikart-iks-'));
  let statements = 0;
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: dir ? join(dir, 'data') : undefined, poolSize: 2, onQuery: () => statements++ });
  try {
    const iksId = await withSystem(database.db, async (tx) => {
      const iks = await insertOrganization(tx, { name: 'Bench IKS', slug: `bench-iks-${Date.now()}`, kind: 'iks', kommunenummer: null, language: 'nb' });
      const owners = [];
      for (const k of OWNERS) owners.push(await insertOrganization(tx, { name: `Kommune ${k}`, slug: `bench-${k}-${Date.now()}`, kind: 'kommune', kommunenummer: k, language: 'nb' }));
      await setOwners(tx, iks.id, owners.map((o) => ({ organizationId: o.id, staffAccess: 'reader' as const })));
      return iks.id;
    });

    const importOnce = async (file: Buffer) =>
      withSystem(database.db, async (tx) => {
        const parsed = await parseStatisticsFile(file, 'bench.csv', await statisticSubjects(tx, iksId));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
        await saveStatistics(tx, iksId, parsed.value);
        return parsed.value.values.length;
      });
    const thousand = longCsv([2009], Array.from({ length: 167 }, (_, i) => `Import ${i}`), 1000);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const n = await importOnce(thousand);
      times.push(performance.now() - t0);
      if (n !== 1000) throw new Error(`imported ${n}`);
    }
    times.sort((a, b) => a - b);

    const reads = async (label: string) => {
      const row: Record<string, string> = { data: label };
      for (const [name, fn] of [
        ['statistics', (tx: Tx) => statisticsYear(tx, iksId, 2019)],
        ['accounts', (tx: Tx) => accountsYear(tx, iksId, 2019)],
        ['cost pools', async (tx: Tx) => computePools(await costPoolFacts(tx, iksId, 2019), 2019)],
        ['annual figures', (tx: Tx) => loadAnnualFigures(tx, iksId, 2019)],
      ] as const) {
        const before = statements;
        const t0 = performance.now();
        await withSystem(database.db, (tx) => fn(tx) as Promise<unknown>);
        row[name] = `${statements - before} st., ${(performance.now() - t0).toFixed(1)} ms`;
      }
      return row;
    };

    const seedYears = async (years: readonly number[]) =>
      withSystem(database.db, async (tx) => {
        for (const y of years) {
          const parsed = await parseStatisticsFile(longCsv([y], METRICS, OWNERS.length * METRICS.length), 'y.csv', await statisticSubjects(tx, iksId));
          if (parsed.ok) await saveStatistics(tx, iksId, parsed.value);
          await saveAccounts(tx, iksId, y, Array.from({ length: 20 }, (_, i) => ({ ansvar: String(1000 + i), name: `Ansvar ${i}`, row: 0, budget: 1_000_000 + i, actual: 990_000 + i * 7, printedDeviation: null })));
          const names = await poolNames(tx, iksId);
          const metric = names.find((n) => n.kind === 'metric' && n.name === 'Måltall 1')?.id ?? null;
          await insertCostPools(
            tx,
            iksId,
            y,
            names
              .filter((n) => n.kind === 'ansvar')
              .slice(0, 10)
              .map((a, i) => ({ name: `Pool ${i}`, ansvarId: a.id, systemId: null, basis: 'actual' as const, key: i % 2 ? ('equal' as const) : ('metric' as const), metricId: i % 2 ? null : metric, ownerIds: null, percentages: null, typedAmount: null })),
          );
        }
      });
    await seedYears([2019]);
    const one = await reads('1 year');
    await seedYears(YEARS.filter((y) => y !== 2019));
    const ten = await reads('10 years');

    const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    console.log(`\n## IKS year (${driver}, 6 owners × 10 years × 20 metrics)\n`);
    console.log(`1 000-row statistics import (read CSV, match, check, save), ${RUNS} runs: p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms\n`);
    console.log('| data | statistics | accounts | cost pools | annual figures |\n|---|---|---|---|---|');
    for (const r of [one, ten]) console.log(`| ${r.data} | ${r.statistics} | ${r.accounts} | ${r['cost pools']} | ${r['annual figures']} |`);
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
