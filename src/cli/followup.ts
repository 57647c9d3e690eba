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
import type { Language } from '../domain/organization.ts';
import { CliError } from './index.ts';
import { inLanguage, say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

function asCliError(err: unknown, language: Language): unknown {
  if (!(err instanceof Problem)) return err;
  const lines = [err.detail, ...(err.errors ?? []).map((e) => `  ${e.message}`)].filter((l, i, all) => all.indexOf(l) === i);
  return new CliError(lines.map((line) => inLanguage(language, line)).join('\n'));
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
    throw asCliError(err, org.language);
  });
  if (values.json === true) return JSON.stringify(report);
  const l = org.language;
  const lines = [say(l, 'cli.importedActuals', { count: report.imported, org: org.name })];
  if (report.skipped.length === 0) lines.push(say(l, 'cli.allRowsUsed'));
  else lines.push(say(l, 'cli.rowsSkipped', { count: report.skipped.length }), ...report.skipped.map((p) => `  ${inLanguage(l, p.message)}`));
  for (const d of report.discrepancies) lines.push(say(l, 'cli.rowSumMismatch', { row: d.row, printed: d.printed, computed: d.computed }));
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
    if (!plan) throw new CliError(say(org.language, 'cli.noPlanForYear', { org: org.name, year }));
    const summary = revisionInForce(plan.revisions) ?? plan.revisions.at(-1);
    const revision = summary ? await loadRevision(tx, org.id, summary.id) : null;
    if (!revision) throw new CliError(say(org.language, 'cli.planWithoutRevision', { plan: plan.name }));
    return documentInput(tx, org, revision);
  });
  await writeFile(values.out, await renderStatusReport(input, year, format));
  const what = say(org.language, 'cli.statusReportFor', { year, plan: input.revision.period.name, number: input.revision.number, org: org.name });
  return say(org.language, 'cli.wrote', { what, file: values.out });
}
