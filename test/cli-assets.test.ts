import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { withSystem, type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';
import { adoptRevision, createPlan, loadRevision } from '../src/db/queries/plan-periods.ts';
import { makeOrg, type TestOrg } from './support/factories.ts';

describe('command line: import, export and forecast assets', { timeout: 120_000 }, () => {
  let database: Database;
  let org: TestOrg;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-assets-'));
  const file = join(dir, 'utstyr.csv');

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database);
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports with the JSON of issue 17, and refuses a bad file with row and column', async () => {
    writeFileSync(file, 'klasse;antall;innkjøpsår;levetid;enhetspris\nPC;25;2021;;\nSwitch;2;2019;8;45000\n');
    expect(JSON.parse(await runCli(['import', 'assets', file, '--org', org.slug, '--json'], database))).toEqual({ rows: 2, classes: 2, quantity: 27, problems: [] });
    writeFileSync(join(dir, 'bad.csv'), 'klasse;antall;innkjøpsår\nPC;0;2021\n');
    const bad = JSON.parse(await runCli(['import', 'assets', join(dir, 'bad.csv'), '--org', org.slug, '--json'], database));
    expect(bad.problems).toEqual([{ row: 2, column: 'antall', message: 'Rad 2, kolonne «antall»: må være minst 1 (fikk 0).' }]);
    const out = join(dir, 'export.json');
    await runCli(['export', 'assets', '--org', org.slug, '--format', 'json', '--out', out], database);
    expect(JSON.parse(readFileSync(out, 'utf8')).assets).toHaveLength(2);
  });

  it('forecasts with the JSON of issue 17 and applies to a draft, refusing an adopted one', async () => {
    const json = JSON.parse(await runCli(['forecast', 'assets', '--org', org.slug, '--from', '2025', '--to', '2027', '--json'], database));
    expect(json).toEqual({
      from: 2025,
      to: 2027,
      years: { '2025': { quantity: 25, amount: 212500 }, '2026': { quantity: 0, amount: 0 }, '2027': { quantity: 2, amount: 90000 } },
      overdue: { quantity: 0, amount: 0 },
      classes: [
        { class: 'PC', unit_price: 8500, years: { '2025': { quantity: 25, amount: 212500 }, '2026': { quantity: 0, amount: 0 }, '2027': { quantity: 0, amount: 0 } } },
        { class: 'Switch', unit_price: null, years: { '2025': { quantity: 0, amount: 0 }, '2026': { quantity: 0, amount: 0 }, '2027': { quantity: 2, amount: 90000 } } },
      ],
    });
    const text = await runCli(['forecast', 'assets', '--org', org.slug, '--from', '2025', '--to', '2027', '--apply'], database);
    expect(text).toContain('Lagt inn i Handlingsplan 2025–2027, revisjon 1 (ny plan): 2 nye');
    const { revisionId } = await withSystem(database.db, async (tx) => {
      const plan = await createPlan(tx, org.id, { name: 'Vedtatt plan', startYear: 2027, endYear: 2028, vision: null });
      const rev = await loadRevision(tx, org.id, plan.revisionId);
      await adoptRevision(tx, org.id, plan.revisionId, rev!.version, '2026-01-10', 'K-sak 1/26');
      return plan;
    });
    expect(revisionId).toBeTruthy();
    const err = await runCli(['forecast', 'assets', '--org', org.slug, '--from', '2027', '--to', '2028', '--apply'], database).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toMatch(/Revisjon 1 av «Vedtatt plan» er vedtatt/);
  });
});
