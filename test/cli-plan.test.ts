import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { withSystem, type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';
import { copyRevision, createPlan, loadRevision } from '../src/db/queries/plan-periods.ts';
import { makeOrg, type TestOrg } from './support/factories.ts';

describe('command line: --plan and --revision pick one plan’s revision', { timeout: 120_000 }, () => {
  let database: Database;
  let org: TestOrg;
  let older: string;
  let newer: string;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-plan-'));
  const out = join(dir, 'eksport.json');

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database);
    [older, newer] = await withSystem(database.db, async (tx) => {
      const a = await createPlan(tx, org.id, { name: 'IKT-strategi 2021–2024', startYear: 2021, endYear: 2024, vision: null });
      await copyRevision(tx, org.id, (await loadRevision(tx, org.id, a.revisionId))!);
      const b = await createPlan(tx, org.id, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: null });
      return [a.periodId, b.periodId];
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exportPlan = (...args: string[]) => runCli(['export', 'actionplan', '--org', org.slug, '--format', 'json', '--out', out, ...args], database);
  const refusal = async (run: Promise<unknown>): Promise<string> => {
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    return (err as CliError).message;
  };

  it('refuses a revision number that several plans have, listing them, instead of picking one', async () => {
    const message = await refusal(exportPlan('--revision', '1'));
    expect(message).toContain('Revisjon 1 finnes i 2 planer');
    expect(message).toContain('--plan');
    expect(message).toContain(`${older}  IKT-strategi 2021–2024 (2021–2024), revisjon 1, 2`);
    expect(message).toContain(`${newer}  IKT-strategi 2025–2028 (2025–2028), revisjon 1`);
    const report = await refusal(runCli(['report', 'plan', '--org', org.slug, '--revision', '1', '--format', 'docx', '--out', join(dir, 'plan.docx')], database));
    expect(report).toContain('Revisjon 1 finnes i 2 planer');
  });

  it('takes the plan by period, name or id', async () => {
    expect(await exportPlan('--plan', '2021-2024', '--revision', '1')).toBe(`Skrev IKT-strategi 2021–2024, revisjon 1 (0 tiltak) til ${out}.`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toBeTruthy();
    expect(await exportPlan('--plan', 'ikt-strategi 2025–2028', '--revision', '1')).toContain('IKT-strategi 2025–2028, revisjon 1');
    expect(await exportPlan('--plan', older)).toContain('IKT-strategi 2021–2024, revisjon 2');
    expect(await runCli(['report', 'plan', '--org', org.slug, '--plan', '2021–2024', '--revision', '1', '--format', 'docx', '--out', join(dir, 'plan.docx')], database)).toContain(
      'IKT-strategi 2021–2024, revisjon 1',
    );
  });

  it('takes the one plan that has the revision, and the newest plan without --revision', async () => {
    expect(await exportPlan('--revision', '2')).toContain('IKT-strategi 2021–2024, revisjon 2');
    expect(await exportPlan()).toContain('IKT-strategi 2025–2028, revisjon 1');
  });

  it('says so when the plan or the revision does not exist, or the number is not one', async () => {
    const unknown = await refusal(exportPlan('--plan', '2019-2022'));
    expect(unknown).toContain('Planen «2019-2022» finnes ikke');
    expect(unknown).toContain(older);
    expect(await refusal(exportPlan('--revision', '7'))).toContain('Revisjon 7 finnes ikke i noen plan');
    expect(await refusal(exportPlan('--plan', '2025-2028', '--revision', '2'))).toContain('Revisjon 2 finnes ikke i IKT-strategi 2025–2028');
    expect(await refusal(exportPlan('--revision', 'siste'))).toContain('--revision må være et revisjonsnummer');
  });
});
