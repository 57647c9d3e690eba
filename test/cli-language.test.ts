/**
 * The command line answers in the language of the organization given with --org (issue 12): one
 * nynorsk organization through the plan, risk, follow-up and IKS-year commands. `--json` keys stay.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { queryRows, withSystem, type Database } from '../src/db/database.ts';
import { createPlan } from '../src/db/queries/plan-periods.ts';
import { exportOwnerShares } from '../src/reports/iks-year-io.ts';
import { readTableOrProblem } from '../src/reports/spreadsheet.ts';
import { openTestDatabase } from './support/db.ts';
import { makeOrg, type TestOrg } from './support/factories.ts';

/** Words a nynorsk text never has (bokmål only). */
const BOKMAL_ONLY = ['ikke', 'finnes', 'ble', 'noen', 'noe', 'fra', 'være', 'ennå', 'planene', 'risikoer', 'problemer', 'fordelinger', 'verdier', 'regnet', 'beregnet', 'skrev'];
const bokmalWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => BOKMAL_ONLY.includes(w));

describe('command line in nynorsk: plan, risk, follow-up and IKS year', { timeout: 120_000 }, () => {
  let database: Database;
  let org: TestOrg;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-nn-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // Amounts are written with no-break spaces (`10 001 kr`): compared with plain ones.
  const run = async (...args: string[]) => (await runCli([...args, '--org', org.slug], database)).replace(/[\u00a0\u202f]/g, ' ');
  const refusal = async (promise: Promise<unknown>): Promise<string> => {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    return (err as CliError).message;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database, { name: 'Nynorsk kommune' });
    await withSystem(database.db, async (tx) => {
      await queryRows(tx, sql`update organizations set language = 'nn' where id = ${org.id}`);
      await createPlan(tx, org.id, { name: 'IKT-plan 2025–2028', startYear: 2025, endYear: 2028, vision: null });
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plan: import, export, report and refusals', async () => {
    const imported = await run('import', 'actionplan', 'test/fixtures/actionplan/handlingsplan-semikolon.csv');
    expect(imported).toMatch(/^Importerte \d+ tiltak for \d{4}–\d{4} til Nynorsk kommune/);
    expect(imported).toMatch(/avvik i trykte summar/i);
    expect(bokmalWords(imported)).toEqual([]);
    const out = join(dir, 'plan.json');
    expect(await run('export', 'actionplan', '--format', 'json', '--plan', '2025-2028', '--out', out)).toMatch(/^Skreiv IKT-plan 2025–2028, revisjon 1 \(\d+ tiltak\) til /);
    const missing = await refusal(run('export', 'actionplan', '--format', 'json', '--revision', '9', '--out', out));
    expect(missing).toContain('Revisjon 9 finst ikkje i nokon plan i Nynorsk kommune. Planane er:');
    expect(bokmalWords(missing)).toEqual([]);
    expect(await refusal(run('export', 'actionplan', '--format', 'json', '--plan', 'ingen slik', '--out', out))).toContain('Planen «ingen slik» finst ikkje i Nynorsk kommune.');
    const docx = join(dir, 'plan.docx');
    expect(await run('report', 'plan', '--plan', '2025-2028', '--format', 'docx', '--out', docx)).toBe(`Skreiv IKT-plan 2025–2028, revisjon 1 for Nynorsk kommune til ${docx}.`);
    const unreadable = await refusal(run('import', 'actionplan', file('tom.csv', '')));
    expect(unreadable).toMatch(/^Importen vart avbroten; ingenting er lagra:/);
  });

  it('risk: import with its problems, export and report', async () => {
    const csv = file('ros.csv', 'risiko;sannsynlighet;konsekvens\nBrann i serverrommet;2;3\nFeil;9;1\n');
    const imported = await run('import', 'risks', csv);
    expect(imported).toContain('Importerte 1 risikoar med 0 tiltaksalternativ til Nynorsk kommune (før tiltak: 0 høg, 1 middels, 0 låg).');
    expect(imported).toContain('1 problem:');
    expect(bokmalWords(imported)).toEqual([]);
    expect(JSON.parse(await run('import', 'risks', csv, '--json'))).toMatchObject({ risks: 1, options: 0 });
    const out = join(dir, 'ros-ut.csv');
    expect(await run('export', 'risks', '--format', 'csv', '--out', out)).toBe(`Skreiv 1 risikoar for Nynorsk kommune til ${out}.`);
    const docx = join(dir, 'ros.docx');
    expect(await run('report', 'risks', '--format', 'docx', '--out', docx)).toBe(`Skreiv risikorapporten for Nynorsk kommune (1 risikoar) til ${docx}.`);
  });

  it('follow-up: actuals import and the status report', async () => {
    const actuals = await run('import', 'actuals', file('rekneskap.csv', 'prosjektnr;år;regnskap\nP-999;2025;1000\n'));
    expect(actuals).toMatch(/^Importerte rekneskap for 0 tiltak og år til Nynorsk kommune\.\n1 rader er ikkje importerte:/);
    expect(bokmalWords(actuals)).toEqual([]);
    expect(await refusal(run('report', 'status', '--year', '2031', '--format', 'docx', '--out', join(dir, 's.docx')))).toBe('Nynorsk kommune har ingen plan som gjeld 2031.');
    const docx = join(dir, 'status.docx');
    expect(await run('report', 'status', '--year', '2026', '--format', 'docx', '--out', docx)).toBe(`Skreiv statusrapport 2026 (IKT-plan 2025–2028, revisjon 1) for Nynorsk kommune til ${docx}.`);
  });

  it('IKS year: accounts, statistics and cost share', async () => {
    const accounts = await run('import', 'accounts', file('regnskap.csv', 'ansvar;navn;avvik\n1000;Drift;10 001\n1001;Lisensar;x\nTotalt;;10 002\n'), '--year', '2017');
    expect(accounts).toMatch(/^Importerte 1 ansvar til Nynorsk kommune \(2017\)\. Avvik i alt: 10 001 kr\./);
    expect(accounts).toContain('trykt 10 002 kr, utrekna 10 001 kr.');
    expect(accounts).toMatch(/\d+ problem:\n {2}rad 3, kolonne /);
    expect(bokmalWords(accounts)).toEqual([]);
    expect(await run('report', 'costshare', '--year', '2017')).toBe('Kostnadsdeling for Nynorsk kommune 2017:\n  Ingen fordelingar for året.');
    expect(JSON.parse(await run('report', 'costshare', '--year', '2017', '--json'))).toEqual({ year: 2017, pools: [] });
  });

  it('registers: a nynorsk export writes nynorsk choices and reads back unchanged', async () => {
    expect(await run('import', 'sites', file('lok.csv', 'lokasjon;linjetype;eierskap\nRådhuset;kobber;leid\nSkulen;fiber;eid\n'))).toBe(
      'Importerte 2 lokasjonar til Nynorsk kommune (2 nye, 0 endra, 0 uendra).\nIngen problem.',
    );
    const out = join(dir, 'lokasjonar.csv');
    await run('export', 'sites', '--format', 'csv', '--out', out);
    const text = readFileSync(out, 'utf8');
    for (const word of ['eigarskap', 'Kopar', 'Leigd', 'Kommunalt eigd']) expect(text, word).toContain(word);
    expect(await run('import', 'sites', out)).toBe('Importerte 2 lokasjonar til Nynorsk kommune (0 nye, 0 endra, 2 uendra).\nIngen problem.');
  });

  it('the owners’ shares export (XLSX) in nynorsk', async () => {
    const pool = { id: org.id, organizationId: org.id, organizationName: 'IKS', name: 'Drift', ansvar: '1000', basis: 'actual', key: 'users', metric: null, amount: 900, problem: null, shares: [], cooperationId: null, cooperation: null } as const;
    const read = await readTableOrProblem(await exportOwnerShares([{ ...pool, shares: [] }], org.id, 2017, 'nn'), 'delar.xlsx');
    expect(read.ok && read.rows).toEqual([
      ['år', 'organisasjon', 'samarbeid', 'fordeling', 'ansvar', 'grunnlag', 'nøkkel', 'måltal', 'beløp', 'vår del'],
      ['2017', 'IKS', '', 'Drift', '1000', 'rekneskap', 'brukarar', '', '900'],
    ]);
  });
});
