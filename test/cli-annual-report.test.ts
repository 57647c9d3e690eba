import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli/index.ts';
import { withSystem, type Database } from '../src/db/database.ts';
import { openTestDatabase } from './support/db.ts';
import { saveAnnualReportText } from '../src/db/queries/annual-report.ts';
import { insertSystems } from '../src/db/queries/systems.ts';
import { makeOrg, type TestOrg } from './support/factories.ts';

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
});
