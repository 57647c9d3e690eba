/**
 * `import risks`, `export risks` and `report risks` in-process: Ringebu's data-room case from a CSV,
 * the problems a bad file reports, the round trip in every format, and the PDF report's text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { withSystem, type Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/db.ts';
import { createPlan } from '../../src/db/queries/plan-periods.ts';
import { listRisks } from '../../src/db/queries/risks.ts';
import { insertSites } from '../../src/db/queries/sites.ts';
import { makeOrg, type TestOrg } from '../support/factories.ts';

const CSV = [
  'risiko;objekt;fare;konsekvensbeskrivelse;eksisterende tiltak;sannsynlighet;konsekvens;tiltak;investering;drift;rest sannsynlighet;rest konsekvens;valgt',
  'Vannlekkasje i datarommet;Ringebu rådhus;VVS-rør gjennom datarommet;Driftsstans på servere;"Betongrom; nødstrøm";svært liten;svært alvorlig;Legge om rørene;130 000;;1;1;nei',
  'Vannlekkasje i datarommet;;;;;;;Skjerming og lekkasjealarm;20 000;;1;3;ja',
  'Ransomware;;Kryptering av filer;Tap av data;Backup;3;4;Opplæring;;15000;2;4;',
  'Feil sannsynlighet;;;;;6;3;;;;;;',
  'Ukjent sted;Månebasen;;;;2;2;;;;;;',
  'To valgte;;;;;2;2;A;100;;;;ja',
  'To valgte;;;;;;;B;-5;;;;ja',
].join('\n');

describe('risk import, export and report', { timeout: 180_000 }, () => {
  let database: Database;
  let org: TestOrg;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-risk-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    await withSystem(database.db, async (tx) => {
      await insertSites(tx, org.id, [{ name: 'Ringebu rådhus' }]);
      await createPlan(tx, org.id, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: null });
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const risks = () => withSystem(database.db, (tx) => listRisks(tx, org.id));

  it('imports the Ringebu case and reports each row it could not use', async () => {
    writeFileSync(join(dir, 'ros.csv'), CSV);
    const out = JSON.parse(await runCli(['import', 'risks', join(dir, 'ros.csv'), '--org', org.slug, '--json'], database));
    expect(out).toMatchObject({ risks: 2, options: 3, levels: { low: 0, medium: 1, high: 1 } });
    const messages = out.problems.map((p: { row: number; column: string; message: string }) => `${p.row}:${p.column}: ${p.message}`);
    expect(messages).toEqual([
      '5:sannsynlighet: Rad 5, kolonne «sannsynlighet»: «6» må være fra 1 til 5; risikoen «Feil sannsynlighet» er ikke importert.',
      '8:investering: Rad 8, kolonne «investering»: «-5» kan ikke være negativ; risikoen «To valgte» er ikke importert.',
      '6:objekt: Rad 6, kolonne «objekt»: «Månebasen» er ingen lokasjon eller noe system i organisasjonen; risikoen «Ukjent sted» er ikke importert.',
    ]);
    const [ransomware, water] = await risks();
    expect(water).toMatchObject({ title: 'Vannlekkasje i datarommet', probability: 1, consequence: 5, controls: ['Betongrom', 'nødstrøm'], objects: [{ kind: 'site', name: 'Ringebu rådhus' }] });
    // Without `år`, the money falls in the first year of the draft revision's period.
    expect(water!.options.map((o) => [o.description, o.lines, o.chosen])).toEqual([
      ['Legge om rørene', [{ kind: 'invest', year: 2025, amount: 130_000, quantity: null, unitPrice: null }], false],
      ['Skjerming og lekkasjealarm', [{ kind: 'invest', year: 2025, amount: 20_000, quantity: null, unitPrice: null }], true],
    ]);
    expect(ransomware!.options[0]!.lines).toEqual([{ kind: 'drift', year: 2025, amount: 15_000, quantity: null, unitPrice: null }]);
    const text = await runCli(['import', 'risks', join(dir, 'ros.csv'), '--org', org.slug], database);
    expect(text).toContain('Godtok ordene «svært alvorlig» = 5, «svært liten» = 1.');
  });

  it('two chosen options in one risk are refused with the field named', async () => {
    writeFileSync(join(dir, 'two.csv'), 'risiko;sannsynlighet;konsekvens;tiltak;valgt\nDobbelt;2;2;A;ja\nDobbelt;;;B;ja\n');
    const out = JSON.parse(await runCli(['import', 'risks', join(dir, 'two.csv'), '--org', org.slug, '--json'], database));
    expect(out.risks).toBe(0);
    expect(out.problems[0].message).toMatch(/^Risikoen «Dobbelt» \(rad 2\): Valgt \(rad 2\) kan bare velges for ett alternativ/);
  });

  it('export → import round-trips without loss in csv, xlsx and json', async () => {
    const before = await risks();
    for (const format of ['csv', 'xlsx', 'json']) {
      const file = join(dir, `risiko.${format}`);
      await runCli(['export', 'risks', '--org', org.slug, '--format', format, '--out', file], database);
      const out = JSON.parse(await runCli(['import', 'risks', file, '--org', org.slug, '--json'], database));
      expect(out, format).toMatchObject({ risks: 2, options: 3, problems: [] });
      const after = await risks();
      expect(after.map(({ version: _v, options, ...r }) => ({ ...r, options: options.map(({ version: _o, ...o }) => o) })), format).toEqual(
        before.map(({ version: _v, options, ...r }) => ({ ...r, options: options.map(({ version: _o, ...o }) => o) })),
      );
    }
  });

  it('report risks: the PDF holds each title, the options\' costs and the matrix counts', async () => {
    const file = join(dir, 'ros.pdf');
    expect(await runCli(['report', 'risks', '--org', org.slug, '--format', 'pdf', '--out', file], database)).toContain('2 risikoer');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    for (const expected of ['Vannlekkasje i datarommet', 'Ransomware', 'Legge om rørene', '130 000 kr', '20 000 kr', '15 000 kr', 'offentleglova § 24', '1 (Middels)', '1 (Høy)']) {
      expect(text, expected).toContain(expected);
    }
    const docx = join(dir, 'ros.docx');
    await runCli(['report', 'risks', '--org', org.slug, '--format', 'docx', '--out', docx], database);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('the plan document has the internal appendix «Risikobilde» only when asked for', async () => {
    const text = async (...extra: string[]) => {
      const file = join(dir, `plan${extra.length}.pdf`);
      await runCli(['report', 'plan', '--org', org.slug, '--format', 'pdf', '--out', file, ...extra], database);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    };
    const plain = await text();
    expect(plain).not.toContain('Risikobilde');
    expect(plain).not.toContain('Vannlekkasje i datarommet');
    const internal = await text('--risk-picture');
    for (const expected of ['Risikobilde', 'offentleglova § 24', 'Risikoer over akseptgrensen', 'Vannlekkasje i datarommet', 'Ransomware', '20 000 kr']) expect(internal, expected).toContain(expected);
  });
});
