/** `report annual --org ORG --year YYYY --format docx|pdf --out FILE`: the årsmelding, straight from the database. */
import { writeFile } from 'node:fs/promises';
import { withSystem, type Database } from '../db/database.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { annualReportInput } from '../db/queries/annual-report.ts';
import { reportYear } from '../domain/annual-report.ts';
import { annualReportFileName, renderAnnualReport } from '../reports/annual-report/index.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../reports/documents.ts';
import { CliError } from './index.ts';
import { say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;

export async function reportAnnualCommand(database: Database, values: Values): Promise<string> {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const year = reportYear.safeParse(values.year);
  if (typeof values.year !== 'string' || !year.success) throw new CliError(`Oppgi året med --year, for eksempel --year 2017 (${year.error?.issues[0]?.message ?? 'mangler'}).`);
  const format = values.format as DocumentFormat;
  if (!DOCUMENT_FORMATS.includes(format)) throw new CliError('Format må være docx eller pdf.');
  const key = values.org;
  const input = await withSystem(database.db, async (tx) => {
    const org = await findOrganizationBySlugOrNumber(tx, key);
    if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
    return annualReportInput(tx, org, year.data);
  });
  const out = typeof values.out === 'string' ? values.out : annualReportFileName(input, format);
  await writeFile(out, await renderAnnualReport(input, format));
  const language = input.organization.language;
  return say(language, 'cli.wrote', { what: say(language, 'cli.annualReportFor', { year: input.year, org: input.organization.name }), file: out });
}
