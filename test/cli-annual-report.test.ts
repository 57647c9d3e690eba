import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { withSystem, type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';
import { saveAnnualReportText } from '../src/db/queries/annual-report.ts';
import { listMetrics, updateMetric } from '../src/db/queries/statistics.ts';
import { insertSystems } from '../src/db/queries/systems.ts';
import { makeOrg, makeOwners, type TestOrg } from './support/factories.ts';

describe('command line: report annual', { timeout: 120_000 }, () => {
  let database: Database;
  let org: TestOrg;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-cli-annual-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database, { kind: 'iks', name: 'Indre Namdal IKT IKS' });
    await withSystem(database.db, async (tx) => {
      await insertSystems(tx, org.id, [
        { name: 'Ephorte', lifecycle: 'retired', introducedYear: 2008 },
        { name: 'Fronter', lifecycle: 'retired', introducedYear: 2006 },
        { name: 'Mikromarc', lifecycle: 'retired', introducedYear: 2004 },
        { name: 'Elements', lifecycle: 'in_operation', introducedYear: 2017 },
      ]);
      await saveAnnualReportText(tx, org.id, 2017, { introduction: 'Et år med nytt sak/arkiv.', title: null, version: 0 });
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = async (run: Promise<unknown>): Promise<string> => {
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    return (err as CliError).message;
  };

  it('writes the PDF and the DOCX of the year', async () => {
    const pdf = join(dir, 'arsmelding.pdf');
    expect(await runCli(['report', 'annual', '--org', org.slug, '--year', '2017', '--format', 'pdf', '--out', pdf], database)).toBe(
      `Skrev årsmeldingen 2017 for Indre Namdal IKT IKS til ${pdf}.`,
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Et år med nytt sak/arkiv.');
    expect(text.match(/Utfaset/g)).toHaveLength(3);
    const docx = join(dir, 'arsmelding.docx');
    await runCli(['report', 'annual', '--org', org.slug, '--year', '2017', '--format', 'docx', '--out', docx], database);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a missing or bad year, an unknown organization and an unknown format, in Norwegian', async () => {
    expect(await refusal(runCli(['report', 'annual', '--org', org.slug, '--format', 'pdf'], database))).toContain('--year');
    expect(await refusal(runCli(['report', 'annual', '--org', org.slug, '--year', 'i fjor', '--format', 'pdf'], database))).toContain('årstall');
    expect(await refusal(runCli(['report', 'annual', '--org', 'finnes-ikke', '--year', '2017', '--format', 'pdf'], database))).toContain('finnes ikke');
    expect(await refusal(runCli(['report', 'annual', '--org', org.slug, '--year', '2017', '--format', 'odt'], database))).toBe('Format må være docx eller pdf.');
  });

  it('end to end: imported statistics (with a unit and months) and accounts, a cost pool and the text come out in the DOCX and the PDF', async () => {
    const iks = await makeOrg(database, { kind: 'iks', name: 'Namdal Ende IKS' });
    const owners = [];
    for (const [kommunenummer, name] of [['5041', 'Snåase - Snåsa kommune'], ['5042', 'Lierne kommune'], ['5043', 'Raarvihke - Røyrvik kommune']] as const) {
      owners.push(await makeOrg(database, { kind: 'kommune', kommunenummer, name }));
    }
    await makeOwners(database, iks.id, owners.map((o) => ({ id: o.id, access: 'none' as const })));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text.trim().replace(/\n\s+/g, '\n') + '\n');
      return path;
    };
    const cli = (...args: string[]) => runCli([...args, '--org', iks.slug], database);
    await cli('import', 'statistics', file('e2e-stat.csv', `kommune;Feide-pålogginger
      Snåsa;57.598
      Lierne;20 001
      Røyrvik;4321
      Sum;81 920`), '--year', '2017');
    await cli('import', 'statistics', file('e2e-months.csv', `kommune;år;måltall;verdi;måned
      Lierne;2017;Helpdesk-saker;417;1
      Lierne;2017;Helpdesk-saker;389;2`));
    await cli('import', 'accounts', file('e2e-regnskap.csv', `ansvar;navn;budsjett;regnskap
      1100;Felles lisenser;1 000 003;1 000 003
      Totalt;;1 000 003;1 000 003`), '--year', '2017');
    await cli('import', 'costpools', file('e2e-pools.csv', `ansvar;grunnlag;nøkkel;kommuner;måltall;navn
      1100;regnskap;lik;;;Lisenser likt`), '--year', '2017');
    await withSystem(database.db, async (tx) => {
      const feide = (await listMetrics(tx, iks.id)).find((m) => m.name === 'Feide-pålogginger')!;
      await updateMetric(tx, iks.id, feide.id, { version: feide.version, unit: 'pålogginger' });
      await saveAnnualReportText(tx, iks.id, 2017, { introduction: 'Innledning skrevet for ende-til-ende-testen.', title: null, version: 0 });
    });

    const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
    // Lisenser likt: 1 000 003 kr among 3 owners by largest remainder, ties by kommunenummer.
    const expected = ['Innledning skrevet for ende-til-ende-testen.', '57 598', '20 001', '4 321', '81 920', 'Feide-pålogginger (pålogginger)', 'Helpdesk-saker per måned 2017', '417', '389', '806', 'Felles lisenser', '333 335 kr', '333 334 kr', '1 000 003 kr'];
    const docxPath = join(dir, 'e2e.docx');
    await cli('report', 'annual', '--year', '2017', '--format', 'docx', '--out', docxPath);
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    const xml = await zip.file('word/document.xml')!.async('string');
    const docxText = flat(xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => ' ' + p.replace(/<[^>]+>/g, '') + ' '));
    for (const e of expected) expect(docxText, e).toContain(e);
    // Twice in the pool's table and twice in the total per owner (a single pool): 333 335 + 333 334 + 333 334 = 1 000 003.
    expect(docxText.match(/333 334 kr/g)).toHaveLength(4);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="nb-NO"');

    const pdfPath = join(dir, 'e2e.pdf');
    await cli('report', 'annual', '--year', '2017', '--format', 'pdf', '--out', pdfPath);
    const pdfText = flat(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
    for (const e of expected) expect(pdfText, e).toContain(e);
    expect(pdfText.match(/333 334 kr/g)).toHaveLength(4);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(readFileSync(pdfPath).toString('latin1')).toMatch(/\/Lang\s*\(nb/);
  });
});
