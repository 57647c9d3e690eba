/**
 * `import actuals FILE --org ORG [--revision-id ID] [--strict] [--json]` and
 * `report status --org ORG --year YYYY --format docx|pdf --out FILE`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { withSystem, type Database } from '../db/database.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { listPlans, loadRevision } from '../db/queries/plan-periods.ts';
import { documentInput } from '../db/queries/plan-document.ts';
import { revisionInForce } from '../domain/plan-revisions.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../reports/documents.ts';
import { renderStatusReport } from '../reports/status-report.ts';
import { importActuals, importTargetRevision } from '../api/actuals-import.ts';
import { Problem } from '../api/problem.ts';
import { CliError } from './index.ts';

type Values = Record<string, string | boolean | undefined>;

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

function asCliError(err: unknown): unknown {
  if (!(err instanceof Problem)) return err;
  return new CliError([err.detail, ...(err.errors ?? []).map((e) => `  ${e.message}`)].filter((l, i, all) => all.indexOf(l) === i).join('\n'));
}

/** Default: the known rows are imported and the others listed, in one transaction. --strict: all or nothing. */
export async function importActualsCommand(database: Database, file: string | undefined, values: Values): Promise<string> {
  if (!file) throw new CliError('Oppgi filen: npm run cli -- import actuals FIL --org ORG');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new CliError(`Kan ikke lese filen ${file}.`);
  }
  const org = await organization(database, values);
  const strict = values.strict === true;
  const report = await withSystem(database.db, async (tx) => {
    const revisionId = await importTargetRevision(tx, org.id, typeof values['revision-id'] === 'string' ? values['revision-id'] : undefined);
    return importActuals(tx, org.id, revisionId, data, basename(file), strict);
  }).catch((err: unknown) => {
    throw asCliError(err);
  });
  if (values.json === true) return JSON.stringify(report);
  const lines = [`Importerte regnskap for ${report.imported} tiltak og år til ${org.name}.`];
  if (report.skipped.length === 0) lines.push('Alle rader er brukt.');
  else lines.push(`${report.skipped.length} rader er ikke importert:`, ...report.skipped.map((p) => `  ${p.message}`));
  for (const d of report.discrepancies) lines.push(`  Rad ${d.row}: summen i filen er ${d.printed}, radene over summerer til ${d.computed}.`);
  return lines.join('\n');
}

export async function reportStatusCommand(database: Database, values: Values): Promise<string> {
  if (typeof values.out !== 'string') throw new CliError('Oppgi filen med --out, for eksempel --out status.pdf');
  const format = values.format as DocumentFormat;
  if (!DOCUMENT_FORMATS.includes(format)) throw new CliError('Format må være docx eller pdf.');
  const yearText = typeof values.year === 'string' ? values.year.trim() : '';
  if (!/^\d{4}$/.test(yearText)) throw new CliError('Oppgi året med --year, for eksempel --year 2026.');
  const year = Number(yearText);
  const org = await organization(database, values);
  const input = await withSystem(database.db, async (tx) => {
    const plan = (await listPlans(tx, org.id)).find((p) => p.startYear <= year && year <= p.endYear);
    if (!plan) throw new CliError(`${org.name} har ingen plan som gjelder ${year}.`);
    const summary = revisionInForce(plan.revisions) ?? plan.revisions.at(-1);
    const revision = summary ? await loadRevision(tx, org.id, summary.id) : null;
    if (!revision) throw new CliError(`${plan.name} har ingen revisjon.`);
    return documentInput(tx, org, revision);
  });
  await writeFile(values.out, await renderStatusReport(input, year, format));
  return `Skrev statusrapport ${year} (${input.revision.period.name}, revisjon ${input.revision.number}) for ${org.name} til ${values.out}.`;
}
