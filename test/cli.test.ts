import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/index.ts';
import { sql } from 'drizzle-orm';
import { queryRows, withSystem, type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-'));
const env = { ...process.env, VEIKART_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
/** The real command as an operator runs it: its own process on the embedded database in a data directory. */
const process_ = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env });

// The process test starts the embedded database several times (the first run also migrates); the other tests run the same
// commands in-process on one in-memory database (runCli is what the process calls), which takes a fraction of the time.
describe('command line (embedded database, no server)', { timeout: 120_000 }, () => {
  let database: Database;
  const cli = async (...args: string[]) => ({ stdout: await runCli(args, database) });
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('as a process: seeds demo data into the data directory, lists organizations, exits 1 with the message on bad input', { timeout: 300_000 }, async () => {
    expect((await process_('seed')).stdout).toContain('Demodata er lastet inn');
    const list = (await process_('org', 'list')).stdout;
    expect(list).toContain('Ringebu kommune');
    expect(list).toContain('Indre Namdal IKT IKS');
    expect(list.split('\n').filter((l) => /^50(4[1-6]) /.test(l))).toHaveLength(6);
    const bad = process_('org', 'add', '--kind', 'kommune', '--kommunenummer', '9999');
    await expect(bad).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Kommunenummer finnes ikke i kommunelisten for 2024') });
  });

  it('seeds demo data, adds organizations and users, and reports bad input', async () => {
    expect((await cli('seed')).stdout).toContain('Demodata er lastet inn');
    const list = (await cli('org', 'list')).stdout;
    expect(list).toContain('Ringebu kommune');
    // Seeding again adds nothing twice.
    await cli('seed');
    expect((await cli('org', 'list')).stdout).toBe(list);

    expect((await cli('org', 'add', '--kind', 'kommune', '--kommunenummer', '3401')).stdout).toContain('Opprettet Kongsvinger kommune');
    // The same kommunenummer again: a message naming it and the organization, not a database error.
    await expect(cli('org', 'add', '--kind', 'kommune', '--kommunenummer', '3401')).rejects.toThrow(
      'Kommunenummeret 3401 er allerede registrert på Kongsvinger kommune (kongsvinger-kommune).',
    );
    const added = await cli('user', 'add', 'ny.leder', '--name', 'Ny Leder', '--password', 'et-langt-passord', '--org', '3401', '--role', 'admin');
    expect(added.stdout).toContain('Lagt til i Kongsvinger kommune som admin');
    await expect(cli('user', 'add', 'x', '--password', 'kort')).rejects.toThrow('Brukernavn må ha minst 3 tegn');
  });

  it('imports a site list, exports every register, and the site export imports back unchanged', { timeout: 600_000 }, async () => {
    expect((await cli('org', 'add', '--kind', 'kommune', '--kommunenummer', '3437')).stdout).toContain('Opprettet');
    const first = JSON.parse((await cli('import', 'sites', 'test/fixtures/sites/ringebu-sites.csv', '--org', '3437', '--json')).stdout);
    expect(first).toMatchObject({ sites: 28, created: 28, updated: 0 });
    expect(first.problems.map((p: { column: string }) => p.column)).toEqual(['users_printed', 'footnote']);
    for (const format of ['csv', 'xlsx', 'json']) {
      const out = join(dir, `lokasjoner.${format}`);
      expect((await cli('export', 'sites', '--org', '3437', '--format', format, '--out', out)).stdout).toContain('28 rader');
      const again = JSON.parse((await cli('import', 'sites', out, '--org', '3437', '--json')).stdout);
      expect(again, format).toMatchObject({ sites: 28, created: 0, updated: 0, unchanged: 28, problems: [] });
    }
    await cli('export', 'persons', '--org', '3437', '--format', 'json', '--out', join(dir, 'personer.json'));
    expect(JSON.parse(readFileSync(join(dir, 'personer.json'), 'utf8'))).toEqual({ persons: [] });
    for (const register of ['contracts', 'suppliers', 'integrations']) {
      await cli('export', register, '--org', '3437', '--format', 'csv', '--out', join(dir, `${register}.csv`));
      expect(readFileSync(join(dir, `${register}.csv`), 'utf8').charCodeAt(0)).toBe(0xfeff);
    }
    await expect(cli('export', 'sites', '--org', 'finnes-ikke')).rejects.toThrow('Organisasjonen finnes-ikke finnes ikke');
  });

  it('imports an action plan for a kommune from the official list, reports discrepancies as JSON, and round-trips the export', async () => {
    const fixture = 'test/fixtures/actionplan/handlingsplan-semikolon.csv';
    const first = JSON.parse((await cli('import', 'actionplan', fixture, '--org', '1811', '--json')).stdout);
    expect(first).toMatchObject({ measures: 4, years: [2020, 2021, 2022, 2023] });
    expect(first.totals.invest['2020']).toBe(1265000);
    expect(first.discrepancies.map((d: { kind: string }) => d.kind).sort()).toEqual(['column_sum', 'column_sum', 'row_total', 'unit_price']);
    expect((await cli('org', 'list')).stdout).toContain('Bindal kommune');
    for (const format of ['csv', 'xlsx', 'json']) {
      const out = join(dir, `eksport.${format}`);
      expect((await cli('export', 'actionplan', '--org', '1811', '--format', format, '--out', out)).stdout).toContain('4 tiltak');
      const again = JSON.parse((await cli('import', 'actionplan', out, '--org', 'bindal', '--json')).stdout);
      expect(again).toEqual({ ...first, discrepancies: [] });
    }
    await expect(cli('import', 'actionplan', 'finnes-ikke.csv', '--org', '1811')).rejects.toThrow();
  });

  it('imports a system list as JSON with its problems, exits 0 despite them, and round-trips the export', async () => {
    const fixture = 'test/fixtures/systems/ringebu-systems.csv';
    const first = JSON.parse((await cli('import', 'systems', fixture, '--org', '3411', '--json')).stdout);
    expect(first).toMatchObject({ systems: 22, created: 22, updated: 0 });
    // Ringsaker has no cooperations 2K, 3K or TRUST: each such row is reported once, after the unknown column.
    expect(first.problems[0]).toEqual({ row: 1, column: 'server_location_explained', message: 'Kolonnen «server_location_explained» er ukjent og er ikke importert.' });
    expect(first.problems.slice(1).map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(
      [3, 4, 5, 6, 7, 11, 12, 14].map((row) => `${row}:cooperation`),
    );
    for (const format of ['csv', 'xlsx', 'json']) {
      const out = join(dir, `systemer.${format}`);
      expect((await cli('export', 'systems', '--org', format === 'csv' ? 'ringsaker' : '3411', '--format', format, '--out', out)).stdout).toContain('Skrev 22 systemer for Ringsaker kommune');
      if (format === 'csv') {
        expect(readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
          'system;brukere;leverandør;driftsleverandør;samarbeid;serverplassering;database;versjon;livsløp;kritikalitet;personopplysninger;datakvalitet;innført;erstattet av;beskrivelse',
        );
      }
      const again = JSON.parse((await cli('import', 'systems', out, '--org', '3411', '--json')).stdout);
      expect(again).toEqual({ systems: 22, created: 0, updated: 0, problems: [] });
    }
    const text = (await cli('import', 'systems', fixture, '--org', '3411')).stdout;
    expect(text).toContain('Importerte 22 systemer til Ringsaker kommune (0 nye, 0 endret, 22 uendret).');
    await expect(cli('import', 'systems', 'test/fixtures/actionplan/handlingsplan-semikolon.csv', '--org', '3411')).rejects.toThrow('Fant ingen overskriftsrad med kolonnen «system»');

    // A nynorsk organization: nynorsk headers in the export, nynorsk output, and the export reads back unchanged.
    await withSystem(database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nn' where kommunenummer = '3411'`));
    const nn = join(dir, 'system-nn.csv');
    expect((await cli('export', 'systems', '--org', '3411', '--format', 'csv', '--out', nn)).stdout).toBe(`Skreiv 22 system for Ringsaker kommune til ${nn}.`);
    expect(readFileSync(nn, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('system;brukarar;');
    expect((await cli('import', 'systems', nn, '--org', '3411')).stdout).toBe('Importerte 22 system til Ringsaker kommune (0 nye, 0 endra, 22 uendra).\nIngen problem.');
    await withSystem(database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nb' where kommunenummer = '3411'`));
  }, 120_000);
});
