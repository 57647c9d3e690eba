/**
 * `export contracts|persons|suppliers|integrations|sites --org ORG --format csv|xlsx|json [--out FILE]`
 * and `import sites FILE --org ORG [--json]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { withSystem, type Database } from '../db/database.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { applySiteTable, REGISTER_EXPORTS } from '../db/queries/registers.ts';
import { REGISTERS, type Register } from '../domain/register.ts';
import { EXPORT_FORMATS, exportRegister, parseSitesFile, type ExportFormat } from '../reports/register-io.ts';
import { CliError } from './index.ts';
import { problemLines, say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;

export const isRegister = (name: string | undefined): name is Register => REGISTERS.includes(name as Register);

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

export async function exportRegisterCommand(database: Database, register: Register, values: Values): Promise<string> {
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError('Format må være csv, xlsx eller json.');
  const org = await organization(database, values);
  const table = await withSystem(database.db, (tx) => REGISTER_EXPORTS[register](tx, org.id));
  const { body } = await exportRegister(register, table.columns, table.items as never[], format, org.language);
  if (typeof values.out === 'string') {
    await writeFile(values.out, body);
    return say(org.language, 'cli.wrote', { what: say(org.language, 'cli.rowsFor', { count: table.items.length, register, org: org.name }), file: values.out });
  }
  process.stdout.write(body);
  return '';
}

export async function importSitesCommand(database: Database, file: string | undefined, values: Values): Promise<string> {
  if (!file) throw new CliError('Oppgi filen: npm run cli -- import sites FIL --org ORG');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new CliError(`Kan ikke lese filen ${file}.`);
  }
  const org = await organization(database, values);
  const parsed = await parseSitesFile(data, basename(file));
  if (!parsed.ok) throw new CliError(['Importen ble avbrutt; ingenting er lagret:', ...parsed.problems.map((p) => `  ${p.message}`)].join('\n'));
  const outcome = await withSystem(database.db, (tx) => applySiteTable(tx, org.id, parsed.value, { dryRun: false }));
  const { sites, created, updated, unchanged, problems } = outcome;
  if (values.json === true) return JSON.stringify({ sites, created, updated, unchanged, problems });
  return [say(org.language, 'cli.importedSites', { sites, org: org.name, created, updated, unchanged }), ...problemLines(org.language, problems)].join('\n');
}
