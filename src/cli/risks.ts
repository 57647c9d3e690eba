/**
 * `import risks FILE --org ORG [--json]`, `export risks --org ORG --format csv|xlsx|json [--out FILE]`
 * and `report risks --org ORG --format docx|pdf --out FILE` (the internal risk report).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { withSystem, type Database } from '../db/database.ts';
import { findOrganizationBySlugOrNumber } from '../db/queries/organizations.ts';
import { applyRiskTable } from '../db/queries/risk-import.ts';
import { currentDraftRevision, getRiskSettings, listRisks } from '../db/queries/risks.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';
import { riskView, type Risk } from '../domain/risk.ts';
import type { RiskMatrix } from '../domain/risk-matrix.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../reports/actionplan-io.ts';
import { exportRisks, parseRisksFile } from '../reports/risk-io.ts';
import { renderRiskReport } from '../reports/risk-documents.ts';
import { CliError } from './index.ts';
import { abortedLines, problemLines, say } from './language.ts';

type Values = Record<string, string | boolean | undefined>;

async function organization(database: Database, values: Values) {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const key = values.org;
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, key));
  if (!org) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  return org;
}

const today = (): string => process.env.VEIKART_TODAY ?? todayInOslo();

export async function loadRisks(database: Database, organizationId: string): Promise<{ risks: Risk[]; matrix: RiskMatrix }> {
  return withSystem(database.db, async (tx) => {
    const settings = await getRiskSettings(tx, organizationId);
    return { matrix: settings.matrix, risks: (await listRisks(tx, organizationId)).map((r) => riskView(r, settings.matrix, today())) };
  });
}

export async function importRisksCommand(database: Database, file: string | undefined, values: Values): Promise<string> {
  if (!file) throw new CliError('Oppgi filen: npm run cli -- import risks FIL --org ORG');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new CliError(`Kan ikke lese filen ${file}.`);
  }
  const org = await organization(database, values);
  const outcome = await withSystem(database.db, async (tx) => {
    const draft = await currentDraftRevision(tx, org.id);
    const parsed = await parseRisksFile(data, basename(file), draft?.startYear ?? Number(today().slice(0, 4)));
    if (!parsed.ok) throw new CliError(abortedLines(org.language, parsed.problems));
    return applyRiskTable(tx, org.id, parsed.value);
  });
  const { risks, options, levels, problems } = outcome;
  if (values.json === true) return JSON.stringify({ risks, options, levels, problems });
  const l = org.language;
  const lines = [say(l, 'cli.importedRisks', { risks, options, org: org.name, high: levels.high, medium: levels.medium, low: levels.low })];
  if (outcome.acceptedWords.length > 0) lines.push(say(l, 'cli.acceptedWords', { words: outcome.acceptedWords.join(', ') }));
  return [...lines, ...problemLines(l, problems)].join('\n');
}

export async function exportRisksCommand(database: Database, values: Values): Promise<string> {
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError('Format må være csv, xlsx eller json.');
  const org = await organization(database, values);
  const { risks } = await loadRisks(database, org.id);
  const body = await exportRisks(risks, format, org.language);
  if (typeof values.out === 'string') {
    await writeFile(values.out, body);
    return say(org.language, 'cli.wrote', { what: say(org.language, 'cli.risksFor', { count: risks.length, org: org.name }), file: values.out });
  }
  process.stdout.write(body);
  return '';
}

export async function reportRisksCommand(database: Database, values: Values): Promise<string> {
  const format = values.format;
  if (format !== 'pdf' && format !== 'docx') throw new CliError('Format må være docx eller pdf.');
  if (typeof values.out !== 'string') throw new CliError('Oppgi filen med --out.');
  const org = await organization(database, values);
  const { risks, matrix } = await loadRisks(database, org.id);
  const body = await renderRiskReport({ organization: { name: org.name, kommunenummer: org.kommunenummer }, matrix, risks, generatedAt: new Date(), language: org.language }, format);
  await writeFile(values.out, body);
  return say(org.language, 'cli.wrote', { what: say(org.language, 'cli.riskReportFor', { org: org.name, count: risks.length }), file: values.out });
}
