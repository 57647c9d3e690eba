/**
 * Utstyr (issue 17): `import assets FILE --org ORG [--json]`,
 * `export assets --org ORG --format csv|xlsx|json [--out FILE]` and
 * `forecast assets --org ORG --from YYYY --to YYYY [--price-change P] [--apply] [--json]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { withSystem, type Database } from '../db/database.ts';
import { applyForecast, registerForecast } from '../db/queries/asset-plan.ts';
import { importAssetRows, listAssetGroups } from '../db/queries/assets.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { ForecastQuerySchema } from '../domain/asset.ts';
import { forecastJson } from '../domain/asset-forecast.ts';
import { formatKroner } from '../domain/money.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';
import { fieldErrors } from '../domain/validation.ts';
import { EXPORT_FORMATS, exportAssets, readAssetsFile, type ExportFormat } from '../reports/assets-io.ts';
import { CliError } from './index.ts';
import { problemLines, say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

export async function importAssetsCommand(database: Database, file: string | undefined, values: Values, today = todayInOslo()): Promise<string> {
  if (!file) throw new CliError('Oppgi filen: npm run cli -- import assets FIL --org ORG');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new CliError(`Kan ikke lese filen ${file}.`);
  }
  const org = await organization(database, values);
  const table = await readAssetsFile(data, basename(file));
  const outcome = table.ok
    ? await withSystem(database.db, (tx) => importAssetRows(tx, org.id, table.rows, { currentYear: Number(today.slice(0, 4)), dryRun: false }))
    : { rows: 0, classes: 0, quantity: 0, problems: table.problems, saved: false };
  const { rows, classes, quantity, problems } = outcome;
  if (values.json === true) return JSON.stringify({ rows, classes, quantity, problems });
  if (problems.length > 0) return [say(org.language, 'cli.importAborted'), ...problemLines(org.language, problems).slice(1)].join('\n');
  return say(org.language, 'cli.importedAssets', { rows, quantity, classes, org: org.name });
}

export async function exportAssetsCommand(database: Database, values: Values): Promise<string> {
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError('Format må være csv, xlsx eller json.');
  const org = await organization(database, values);
  const groups = await withSystem(database.db, (tx) => listAssetGroups(tx, org.id));
  const { body } = await exportAssets(groups, format, org.language);
  if (typeof values.out === 'string') {
    await writeFile(values.out, body);
    return say(org.language, 'cli.wrote', { what: say(org.language, 'cli.assetsFor', { count: groups.length, org: org.name }), file: values.out });
  }
  process.stdout.write(body);
  return '';
}

export async function forecastAssetsCommand(database: Database, values: Values): Promise<string> {
  const parsed = ForecastQuerySchema.safeParse({ from: values.from, to: values.to, priceChange: values['price-change'] ?? 0 });
  if (!parsed.success) throw new CliError(fieldErrors(parsed.error.issues).map((e) => `--${e.field === 'priceChange' ? 'price-change' : e.field}: ${e.message}`).join('\n'));
  const org = await organization(database, values);
  const request = { from: parsed.data.from, to: parsed.data.to, priceChangePercent: parsed.data.priceChange };
  const { forecast } = await withSystem(database.db, (tx) => registerForecast(tx, org.id, request));
  let applied = '';
  if (values.apply === true) {
    const outcome = await withSystem(database.db, (tx) => applyForecast(tx, org.id, request, { dryRun: false }));
    if (outcome.kind === 'adopted') throw new CliError(outcome.message);
    if (outcome.kind === 'ok') {
      const counts = (a: string) => outcome.changes.filter((c) => c.action === a).length;
      const { periodName: plan, revisionNumber: number } = outcome.target;
      const created = outcome.target.created ? say(org.language, 'cli.newPlan') : '';
      applied = say(org.language, 'cli.forecastApplied', { plan, number, created, new: counts('new'), changed: counts('changed'), unchanged: counts('unchanged') });
    }
  }
  if (values.json === true) return JSON.stringify(forecastJson(forecast));
  const l = org.language;
  const lines = [say(l, 'cli.forecastFor', { org: org.name, from: forecast.from, to: forecast.to })];
  for (const [year, v] of Object.entries(forecast.years)) lines.push(say(l, 'cli.forecastYear', { year, quantity: v.quantity, amount: formatKroner(v.amount) }));
  lines.push(say(l, 'cli.forecastOverdue', { from: forecast.from, quantity: forecast.overdue.quantity, amount: formatKroner(forecast.overdue.amount) }));
  if (applied) lines.push(applied);
  return lines.join('\n');
}
