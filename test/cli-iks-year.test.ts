import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';
import { makeCooperation, makeOrg, makeOwners, type TestOrg } from './support/factories.ts';

describe('command line: import statistics, accounts, costpools and report costshare', { timeout: 120_000 }, () => {
  let database: Database;
  let iks: TestOrg;
  let kommuner: TestOrg[];
  const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-iks-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text.trim().replace(/\n\s+/g, '\n') + '\n');
    return path;
  };
  const run = async (...args: string[]) => JSON.parse(await runCli([...args, '--org', iks.slug, '--json'], database));

  beforeAll(async () => {
    database = await openTestDatabase();
    iks = await makeOrg(database, { kind: 'iks', name: 'Test IKT IKS' });
    const a = await makeOrg(database, { kind: 'kommune', kommunenummer: '5041', name: 'Snåase - Snåsa kommune' });
    const b = await makeOrg(database, { kind: 'kommune', kommunenummer: '5043', name: 'Raarvihke - Røyrvik kommune' });
    const c = await makeOrg(database, { kind: 'kommune', kommunenummer: '5042', name: 'Lierne kommune' });
    await makeOwners(database, iks.id, [a, b, c].map((o) => ({ id: o.id, access: 'none' as const })));
    kommuner = [a, b, c];
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the JSON shapes of the issue, with the problems it could not use', async () => {
    const stats = file('stat.csv', `kommune;Saker
      Snåsa;10
      Røyrvik;20
      Lierne;x
      Sum;31`);
    expect(await run('import', 'statistics', stats, '--year', '2017')).toEqual({
      year: 2017,
      metrics: ['Saker'],
      values: 2,
      totals: { Saker: 30 },
      discrepancies: [{ metric: 'Saker', printed: 31, computed: 30 }],
      problems: [{ row: 4, column: 'Saker', message: '«x» er ikke et helt tall.' }],
    });
    const accounts = file('regnskap.csv', `ansvar;navn;avvik
      1000;Drift;10 001
      Totalt;;10 001`);
    expect(await run('import', 'accounts', accounts, '--year', '2017')).toEqual({
      year: 2017,
      lines: 1,
      total: { budget: null, actual: null, deviation: 10_001 },
      discrepancies: [],
      problems: [],
    });
    const pools = file('pools.csv', `ansvar;grunnlag;nøkkel;kommuner;måltall;navn
      1000;avvik;lik;5041, Røyrvik;;A drift
      1000;avvik;måltall;;Saker;B saker`);
    expect(await run('import', 'costpools', pools, '--year', '2017')).toMatchObject({ year: 2017, pools: 2, problems: [] });
    expect(await run('report', 'costshare', '--year', '2017')).toEqual({
      year: 2017,
      pools: [
        { name: 'A drift', ansvar: '1000', basis: 'avvik', key: 'lik', amount: 10_001, shares: { '5041': 5_001, '5042': 0, '5043': 5_000 } },
        { name: 'B saker', ansvar: '1000', basis: 'avvik', key: 'måltall', amount: 10_001, shares: { '5041': 3_334, '5042': 0, '5043': 6_667 } },
      ],
    });
  });

  it('imports and reports a cooperation\'s pools: shared among its accepted members and the host, keyed by kommunenummer', async () => {
    const [, roeyrvik, lierne] = kommuner;
    const host = await makeOrg(database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    await makeCooperation(database, host.id, [lierne!.id], { name: '2K' });
    await makeCooperation(database, host.id, [roeyrvik!.id], { name: 'Ventende', accept: false });
    const hostRun = async (...args: string[]) => JSON.parse(await runCli([...args, '--org', host.slug, '--json'], database));
    const pools = file('samarbeid.csv', `ansvar;grunnlag;nøkkel;kommuner;beløp;samarbeid;navn
      ;beløp;;;100 001;2K;Felles
      ;beløp;fast;3439, Lierne;;2K;Uten beløp
      ;beløp;lik;Røyrvik;5;2K;Ikke medlem
      ;beløp;lik;;5;Ventende;Ingen har svart
      ;beløp;lik;;5;Ukjent;Finnes ikke`);
    const imported = await hostRun('import', 'costpools', pools, '--year', '2017');
    expect(imported.pools).toBe(1);
    expect(imported.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, 'beløp'],
      [4, 'kommuner'],
      [5, 'samarbeid'],
      [6, 'samarbeid'],
    ]);
    expect(await hostRun('report', 'costshare', '--year', '2017')).toEqual({
      year: 2017,
      pools: [{ name: 'Felles', ansvar: null, basis: 'beløp', key: 'lik', amount: 100_001, cooperation: '2K', shares: { '3439': 50_001, '5042': 50_000 } }],
    });
    // The host records statistics about the 2K's accepted member (not the invited one) and shares by them.
    const stats = file('innbyggere.csv', `kommune;år;måltall;verdi
      3439;2017;Innbyggere;4 412
      Lierne;2017;Innbyggere;1 331
      Røyrvik;2017;Innbyggere;480`);
    expect(await hostRun('import', 'statistics', stats)).toMatchObject({ values: 2, problems: [{ row: 4, column: 'kommune' }] });
    const byPopulation = file('innbyggere-pool.csv', `ansvar;grunnlag;nøkkel;kommuner;måltall;beløp;samarbeid;navn
      ;beløp;måltall;;Innbyggere;100 000;2K;Etter innbyggere`);
    expect((await hostRun('import', 'costpools', byPopulation, '--year', '2017')).problems).toEqual([]);
    expect((await hostRun('report', 'costshare', '--year', '2017')).pools).toEqual([
      { name: 'Etter innbyggere', ansvar: null, basis: 'beløp', key: 'måltall', amount: 100_000, cooperation: '2K', shares: { '3439': 76_824, '5042': 23_176 } },
    ]);
  });

  it('fails on an unreadable file or a missing year, and saves nothing', async () => {
    const bad = file('bad.xlsx', 'ikke excel');
    await expect(runCli(['import', 'accounts', bad, '--org', iks.slug, '--year', '2018'], database)).rejects.toBeInstanceOf(CliError);
    await expect(runCli(['import', 'accounts', bad, '--org', iks.slug], database)).rejects.toThrow(/--year/);
    expect(await run('report', 'costshare', '--year', '2018')).toEqual({ year: 2018, pools: [] });
  });
});
