/**
 * `npm run cli -- <command>`: operator commands that work on the database directly (no server).
 * Honours DATABASE_URL and VEIKART_DATA_DIR like `npm start`.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '../api/auth/passwords.ts';
import { configFromEnv, DataDirLockedError, openDatabase, withSystem, type Database } from '../db/database.ts';
import { createLocalUser, findUserByUsername } from '../db/queries/identity.ts';
import { findOrganizationBySlugOrNumber, insertOrganization, listDirectory, setOwners, slugTaken } from '../db/queries/organizations.ts';
import { insertMembership, findMember } from '../db/queries/members.ts';
import { seedDemo } from '../demo/seed.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { applyActionPlan, revisionAsTable } from '../db/queries/plan-import.ts';
import { listPlans, loadRevision } from '../db/queries/plan-periods.ts';
import type { PlanPeriod } from '../domain/plan.ts';
import { EXPORT_FORMATS, exportActionPlan, importSummary, parseActionPlanFile, type ExportFormat } from '../reports/actionplan-io.ts';
import { formatKroner } from '../domain/money.ts';
import { applySystemTable, ownSystemList } from '../db/queries/systems-import.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';
import { exportSystems, parseSystemsFile } from '../reports/systems-io.ts';
import type { Tx } from '../db/database.ts';
import type { Language, Organization } from '../domain/organization.ts';
import type { MessageId } from '../domain/messages.ts';
import { abortedLines, problemLines, say } from './language.ts';
import { documentInput } from '../db/queries/plan-document.ts';
import { DOCUMENT_FORMATS, renderPlanDocument, type DocumentFormat } from '../reports/documents.ts';
import { findKommune } from '../domain/kommuner.ts';
import { CreateOrganizationSchema, slugify } from '../domain/organization.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { passwordSchema, usernameSchema } from '../domain/user.ts';
import { fieldErrors } from '../domain/validation.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { exportRegisterCommand, importSitesCommand, isRegister } from './registers.ts';
import { importAccountsCommand, importCostPoolsCommand, importStatisticsCommand, reportCostShareCommand } from './iks-year.ts';
import { reportAnnualCommand } from './annual-report.ts';
import { IDP_USAGE, IdpError, idpCommand } from './idp.ts';
import { exportRisksCommand, importRisksCommand, loadRisks, reportRisksCommand } from './risks.ts';
import { importActualsCommand, reportStatusCommand } from './followup.ts';
import { exportAssetsCommand, forecastAssetsCommand, importAssetsCommand } from './assets.ts';

const USAGE = `Bruk: npm run cli -- <kommando>

  migrate                         kjør databasemigreringer
  seed                            last inn demodata (bare det som mangler)
  org list                        list organisasjoner
  org add --kind kommune --kommunenummer 3439 [--name NAVN] [--language nb|nn]
  org add --kind iks|fylkeskommune|annen --name NAVN [--owners 5041,5042]
  user add BRUKERNAVN --name "Fullt navn" --password PASSORD [--email E] [--org ORG --role admin|editor|reader] [--system-admin]
  import actionplan FIL --org ORG [--json]      importer handlingsplan fra CSV, XLSX eller JSON
  export actionplan --org ORG --format csv|xlsx|json [--out FIL] [--plan PLAN] [--revision N]
  import systems FIL --org ORG [--json]         importer systemliste (fagsystemer) fra CSV, XLSX eller JSON
  export systems --org ORG --format csv|xlsx|json [--out FIL]
  export contracts|persons|suppliers|integrations|sites --org ORG --format csv|xlsx|json [--out FIL]
  import sites FIL --org ORG [--json]           importer lokasjonsliste fra CSV, XLSX eller JSON
  import assets FIL --org ORG [--json]          importer utstyrsregisteret (erstatter det) fra CSV, XLSX eller JSON
  export assets --org ORG --format csv|xlsx|json [--out FIL]
  forecast assets --org ORG --from ÅÅÅÅ --to ÅÅÅÅ [--price-change P] [--apply] [--json]   utskiftingsprognose; --apply legger den i handlingsplanens utkast
  import risks FIL --org ORG [--json]           importer risikoregister (ROS), én rad per tiltaksalternativ
  export risks --org ORG --format csv|xlsx|json [--out FIL]
  report risks --org ORG --format docx|pdf --out FIL   intern risikorapport (unntatt offentlighet)
  backup --out FIL                sikkerhetskopi av hele databasen til én fil
  restore FIL [--force]           gjenopprett en sikkerhetskopi (til en tom database, eller erstatt alt med --force)
  report plan --org ORG [--plan PLAN] [--revision N] --format docx|pdf --out FIL [--risk-picture] [--equipment]   plandokument (Word eller PDF); --risk-picture: internt vedlegg «Risikobilde»; --equipment: vedlegget «Utstyr og utskifting»
  import statistics FIL --org ORG [--year ÅÅÅÅ] [--json]   statistikk per eierkommune (bred eller lang tabell)
  import accounts FIL --org ORG --year ÅÅÅÅ [--json]       regnskap per ansvar
  import costpools FIL --org ORG --year ÅÅÅÅ [--json]      fordelinger (ansvar, grunnlag, nøkkel, kommuner …)
  report costshare --org ORG --year ÅÅÅÅ [--json]          hver eiers andel av årets fordelinger
  report annual --org ORG --year ÅÅÅÅ --format docx|pdf [--out FIL]   årsmelding (Word eller PDF)
${IDP_USAGE}
  report status --org ORG --year ÅÅÅÅ --format docx|pdf --out FIL   årlig statusrapport (status, planlagt og brukt, gevinster)
  import actuals FIL --org ORG [--strict] [--json]   importer regnskap per tiltak (prosjektnr/tiltak, år, regnskap); --strict: alt eller ingenting

ORG er kortnavn (slug) eller kommunenummer. PLAN er planens id, navn eller periode (2025-2028);
uten --plan gjelder den nyeste planen, og --revision N den ene planen som har revisjon N. Et kommunenummer fra den offisielle listen som ikke
har en organisasjon ennå, blir opprettet ved import.`;

export class CliError extends Error {}

async function orgAdd(database: Database, values: Record<string, string | boolean | undefined>): Promise<string> {
  const kind = String(values.kind ?? '');
  const kommunenummer = typeof values.kommunenummer === 'string' ? values.kommunenummer : undefined;
  const kommune = kommunenummer ? findKommune(kommunenummer) : undefined;
  const name = typeof values.name === 'string' ? values.name : kommune ? `${kommune.navn} kommune` : '';
  const parsed = CreateOrganizationSchema.safeParse({ name, kind, kommunenummer, language: values.language ?? 'nb' });
  if (!parsed.success) throw new CliError(fieldErrors(parsed.error.issues).map((e) => e.message).join('\n'));
  const ownerKeys = typeof values.owners === 'string' ? values.owners.split(',').map((s) => s.trim()).filter(Boolean) : [];
  return withSystem(database.db, async (tx) => {
    if (parsed.data.kommunenummer) {
      const existing = await findOrganizationBySlugOrNumber(tx, parsed.data.kommunenummer);
      if (existing) throw new CliError(`Kommunenummeret ${parsed.data.kommunenummer} er allerede registrert på ${existing.name} (${existing.slug}).`);
    }
    const ownerIds: string[] = [];
    for (const key of ownerKeys) {
      const owner = await findOrganizationBySlugOrNumber(tx, key);
      if (!owner) throw new CliError(`Eierkommunen ${key} finnes ikke. Opprett den først med org add.`);
      ownerIds.push(owner.id);
    }
    let slug = slugify(parsed.data.name);
    for (let i = 2; await slugTaken(tx, slug); i++) slug = `${slugify(parsed.data.name)}-${i}`;
    const org = await insertOrganization(tx, { ...parsed.data, slug });
    if (ownerIds.length > 0) await setOwners(tx, org.id, ownerIds.map((organizationId) => ({ organizationId, staffAccess: 'reader' as const })));
    return `Opprettet ${org.name} (${org.slug})`;
  });
}

async function userAdd(database: Database, username: string | undefined, values: Record<string, string | boolean | undefined>): Promise<string> {
  const u = usernameSchema.safeParse(username);
  if (!u.success) throw new CliError(`Brukernavn ${u.error.issues[0]?.message ?? 'er ugyldig'}`);
  const p = passwordSchema.safeParse(values.password);
  if (!p.success) throw new CliError(`Passord ${p.error.issues[0]?.message ?? 'er ugyldig'}`);
  const role = (values.role ?? 'reader') as Role;
  if (!ROLES.includes(role)) throw new CliError('Rolle må være admin, editor eller reader');
  const hash = await hashPassword(p.data);
  return withSystem(database.db, async (tx) => {
    let user = await findUserByUsername(tx, u.data);
    const lines: string[] = [];
    if (!user) {
      user = await createLocalUser(tx, {
        username: u.data,
        displayName: typeof values.name === 'string' ? values.name : u.data,
        email: typeof values.email === 'string' ? values.email : null,
        passwordHash: hash,
        systemAdmin: values['system-admin'] === true,
      });
      lines.push(`Opprettet bruker ${user.username}${user.systemAdmin ? ' (systemadministrator)' : ''}`);
    } else {
      lines.push(`Brukeren ${user.username} finnes fra før`);
    }
    if (typeof values.org === 'string') {
      const org = await findOrganizationBySlugOrNumber(tx, values.org);
      if (!org) throw new CliError(`Organisasjonen ${values.org} finnes ikke`);
      if (await findMember(tx, org.id, user.id)) throw new CliError(`${user.username} er allerede medlem av ${org.name}`);
      await insertMembership(tx, org.id, user.id, role);
      lines.push(`Lagt til i ${org.name} som ${role}`);
    }
    return lines.join('\n');
  });
}

/** Finds the organization; a kommune from the official list that has none yet is created. */
async function resolveOrg(tx: Tx, key: string, create: boolean): Promise<Organization> {
  const found = await findOrganizationBySlugOrNumber(tx, key);
  if (found) return found;
  const kommune = /^\d{4}$/.test(key) ? findKommune(key) : undefined;
  if (!kommune) throw new CliError(`Organisasjonen ${key} finnes ikke (oppgi kortnavn eller kommunenummer).`);
  if (!create) throw new CliError(`${kommune.navn} kommune (${key}) har ingen organisasjon i Veikart ennå.`);
  let slug = slugify(kommune.navn.split(' - ').at(-1) ?? kommune.navn);
  for (let i = 2; await slugTaken(tx, slug); i++) slug = `${slugify(kommune.navn)}-${i}`;
  return insertOrganization(tx, { name: `${kommune.navn} kommune`, slug, kind: 'kommune', kommunenummer: key, language: 'nb' });
}

/** The --org and the file of an import command. */
async function importInput(what: string, file: string | undefined, values: Record<string, string | boolean | undefined>): Promise<{ orgKey: string; data: Buffer }> {
  if (!file) throw new CliError(`Oppgi filen: npm run cli -- import ${what} FIL --org ORG`);
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  try {
    return { orgKey: values.org, data: await readFile(file) };
  } catch {
    throw new CliError(`Kan ikke lese filen ${file}.`);
  }
}

/** The refusal of an unreadable file, in the language of the organization (bokmål when it does not exist yet). */
async function importFailed(database: Database, orgKey: string, problems: ReadonlyArray<{ message: string }>): Promise<CliError> {
  const org = await withSystem(database.db, (tx) => findOrganizationBySlugOrNumber(tx, orgKey));
  return new CliError(abortedLines(org?.language ?? 'nb', problems));
}

async function importActionPlan(database: Database, file: string | undefined, values: Record<string, string | boolean | undefined>): Promise<string> {
  const { orgKey, data } = await importInput('actionplan', file, values);
  const parsed = await parseActionPlanFile(data, basename(file ?? ''));
  if (!parsed.ok) throw await importFailed(database, orgKey, parsed.problems);
  const summary = importSummary(parsed.value);
  const outcome = await withSystem(database.db, async (tx) => {
    const org = await resolveOrg(tx, orgKey, true);
    return { org, ...(await applyActionPlan(tx, org.id, parsed.value)) };
  });
  if (values.json === true) {
    const { measures, years, totals, discrepancies } = summary;
    return JSON.stringify({ measures, years, totals, discrepancies });
  }
  const { language, name: org } = outcome.org;
  const { created, updated } = outcome;
  const counts = { created, createdWord: created === 1 ? 'nytt' : 'nye', updated, updatedWord: updated === 1 ? 'oppdatert' : 'oppdaterte' };
  const lines = [
    say(language, 'cli.importedActionPlan', { measures: summary.measures, from: summary.years[0] ?? '', to: summary.years.at(-1) ?? '', org, ...counts }),
    ...summary.years.map((y) => say(language, 'cli.yearTotals', { year: y, invest: formatKroner(summary.totals.invest[String(y)] ?? 0), drift: formatKroner(summary.totals.drift[String(y)] ?? 0) })),
  ];
  if (summary.discrepancies.length === 0) lines.push(say(language, 'cli.noPrintedDiscrepancies'));
  else {
    lines.push(say(language, 'cli.printedDiscrepancies', { count: summary.discrepancies.length }));
    for (const d of summary.discrepancies) {
      lines.push(say(language, 'cli.printedDiscrepancy', { row: d.row, column: d.column, type: d.type, kind: d.kind, printed: formatKroner(d.printed), computed: formatKroner(d.computed) }));
    }
  }
  return lines.join('\n');
}

/** The --org and --format of an export command. */
function exportArgs(values: Record<string, string | boolean | undefined>): { orgKey: string; format: ExportFormat } {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError('Format må være csv, xlsx eller json.');
  return { orgKey: values.org, format };
}

/** Writes the export to --out (and says what it wrote) or to stdout. */
async function deliver(body: Buffer, values: Record<string, string | boolean | undefined>, what: string, language: Language = 'nb'): Promise<string> {
  if (typeof values.out === 'string') {
    await writeFile(values.out, body);
    return say(language, 'cli.wrote', { what, file: values.out });
  }
  process.stdout.write(body);
  return '';
}

async function exportActionPlanCommand(database: Database, values: Record<string, string | boolean | undefined>): Promise<string> {
  const { orgKey, format } = exportArgs(values);
  const wanted = revisionArg(values);
  const { org, rev } = await withSystem(database.db, async (tx) => {
    const found = await resolveOrg(tx, orgKey, false);
    return { org: found, rev: await pickRevision(tx, found, wanted, planArg(values)) };
  });
  const { body } = await exportActionPlan(revisionAsTable(rev), format);
  return deliver(body, values, say(org.language, 'cli.revisionOf', { plan: rev.period.name, number: rev.number, count: rev.measures.length }), org.language);
}

async function importSystems(database: Database, file: string | undefined, values: Record<string, string | boolean | undefined>): Promise<string> {
  const { orgKey, data } = await importInput('systems', file, values);
  const parsed = await parseSystemsFile(data, basename(file ?? ''));
  if (!parsed.ok) throw await importFailed(database, orgKey, parsed.problems);
  const { org, outcome } = await withSystem(database.db, async (tx) => {
    const found = await resolveOrg(tx, orgKey, true);
    return { org: found, outcome: await applySystemTable(tx, found.id, parsed.value, { dryRun: false }) };
  });
  const { systems, created, updated, problems } = outcome;
  if (values.json === true) return JSON.stringify({ systems, created, updated, problems });
  const counts = { systems, org: org.name, created, createdWord: created === 1 ? 'nytt' : 'nye', updated, unchanged: systems - created - updated };
  return [say(org.language, 'cli.importedSystems', counts), ...problemLines(org.language, problems)].join('\n');
}

async function exportSystemsCommand(database: Database, values: Record<string, string | boolean | undefined>): Promise<string> {
  const { orgKey, format } = exportArgs(values);
  const { org, list } = await withSystem(database.db, async (tx) => {
    const found = await resolveOrg(tx, orgKey, false);
    return { org: found, list: await ownSystemList(tx, found.id, todayInOslo()) };
  });
  const { body } = await exportSystems(list, format, org.language);
  return deliver(body, values, say(org.language, 'cli.systemsFor', { count: list.length, org: org.name }), org.language);
}

/** --revision N: a whole number, or null when not given. */
function revisionArg(values: Record<string, string | boolean | undefined>): number | null {
  if (typeof values.revision !== 'string') return null;
  if (!/^\d+$/.test(values.revision.trim())) throw new CliError(`--revision må være et revisjonsnummer (et heltall), ikke «${values.revision}».`);
  return Number(values.revision);
}

const planLine = (language: Language) => (p: PlanPeriod): string =>
  say(language, 'cli.planLine', { id: p.id, name: p.name, from: p.startYear, to: p.endYear, numbers: p.revisions.map((r) => r.number).join(', ') || '–' });

/** --plan: the plan's id, its name (case ignored) or its period (`2025-2028` or `2025–2028`). */
function matchesPlan(plan: PlanPeriod, key: string): boolean {
  const k = key.trim();
  const period = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(k);
  if (period) return plan.startYear === Number(period[1]) && plan.endYear === Number(period[2]);
  return plan.id === k.toLowerCase() || plan.name.toLocaleLowerCase('nb') === k.toLocaleLowerCase('nb');
}

/**
 * The revision an export or report is about: revision N (or the newest) of the plan given with
 * --plan; without --plan, the newest plan, or with --revision N the one plan that has revision N.
 * Several plans of an organization each have their own revision 1, 2, …: when N is in more than
 * one, it refuses and lists them, instead of picking one.
 */
async function pickRevision(tx: Tx, org: Organization, wanted: number | null, planKey: string | null) {
  const plans = await listPlans(tx, org.id);
  const l = org.language;
  const lines = planLine(l);
  const refuse = (id: MessageId, params: Record<string, string | number>, list: readonly PlanPeriod[]) =>
    new CliError([say(l, id, { ...params, org: org.name }), ...list.map(lines)].join('\n'));
  if (plans.length === 0) throw new CliError(say(l, 'cli.noPlan', { org: org.name }));
  let plan: PlanPeriod | undefined;
  if (planKey !== null) {
    const matches = plans.filter((p) => matchesPlan(p, planKey));
    if (matches.length === 0) throw refuse('cli.planNotFound', { plan: planKey }, plans);
    if (matches.length > 1) throw refuse('cli.planAmbiguous', { plan: planKey }, matches);
    plan = matches[0];
  } else if (wanted !== null) {
    const having = plans.filter((p) => p.revisions.some((r) => r.number === wanted));
    if (having.length === 0) throw refuse('cli.revisionInNoPlan', { number: wanted }, plans);
    if (having.length > 1) throw refuse('cli.revisionInPlans', { number: wanted, count: having.length, example: `${having[0]!.startYear}-${having[0]!.endYear}` }, having);
    plan = having[0];
  } else {
    plan = plans[0];
  }
  if (!plan) throw new CliError(say(l, 'cli.noPlan', { org: org.name }));
  const summary = wanted === null ? plan.revisions.at(-1) : plan.revisions.find((r) => r.number === wanted);
  if (!summary) {
    const numbers = plan.revisions.map((r) => r.number).join(', ');
    throw new CliError(say(l, 'cli.revisionNotInPlan', { number: wanted ?? '', plan: plan.name, from: plan.startYear, to: plan.endYear, numbers }));
  }
  const rev = await loadRevision(tx, org.id, summary.id);
  if (!rev) throw new CliError(say(l, 'cli.revisionMissing'));
  return rev;
}

const planArg = (values: Record<string, string | boolean | undefined>): string | null => (typeof values.plan === 'string' ? values.plan : null);

async function reportPlan(database: Database, values: Record<string, string | boolean | undefined>): Promise<string> {
  if (typeof values.org !== 'string') throw new CliError('Oppgi organisasjonen med --org (kortnavn eller kommunenummer).');
  if (typeof values.out !== 'string') throw new CliError('Oppgi filen med --out, for eksempel --out plan.pdf');
  const format = values.format as DocumentFormat;
  if (!DOCUMENT_FORMATS.includes(format)) throw new CliError('Format må være docx eller pdf.');
  const orgKey = values.org;
  const wanted = revisionArg(values);
  const { input, orgId } = await withSystem(database.db, async (tx) => {
    const org = await resolveOrg(tx, orgKey, false);
    return { input: await documentInput(tx, org, await pickRevision(tx, org, wanted, planArg(values)), { equipment: values.equipment === true }), orgId: org.id };
  });
  // The internal appendix "Risikobilde" only on request (the public PDF on innsyn never has it).
  if (values['risk-picture'] === true) input.riskPicture = await loadRisks(database, orgId);
  await writeFile(values.out, await renderPlanDocument(input, format));
  const language = input.organization.language;
  const what = say(language, 'cli.revisionFor', { plan: input.revision.period.name, number: input.revision.number, org: input.organization.name });
  return say(language, 'cli.wrote', { what, file: values.out });
}

export async function runCli(argv: string[], database: Database): Promise<string> {
  if (argv[0] === 'idp') return idpCommand(argv.slice(1), database, process.env);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      kommunenummer: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string' },
      owners: { type: 'string' },
      password: { type: 'string' },
      email: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      'system-admin': { type: 'boolean' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      revision: { type: 'string' },
      force: { type: 'boolean' },
      plan: { type: 'string' },
      year: { type: 'string' },
      'risk-picture': { type: 'boolean' },
      strict: { type: 'boolean' },
      'revision-id': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'price-change': { type: 'string' },
      apply: { type: 'boolean' },
      equipment: { type: 'boolean' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (cmd === 'migrate') {
    await database.migrate();
    return 'Migreringer er kjørt.';
  }
  if (cmd === 'seed') {
    await seedDemo(database.db);
    return 'Demodata er lastet inn.';
  }
  if (cmd === 'org' && sub === 'list') {
    const orgs = await withSystem(database.db, (tx) => listDirectory(tx));
    return orgs.map((o) => `${(o.kommunenummer ?? '').padEnd(5)} ${o.slug.padEnd(28)} ${o.kind.padEnd(14)} ${o.name}`).join('\n');
  }
  if (cmd === 'org' && sub === 'add') return orgAdd(database, values);
  if (cmd === 'user' && sub === 'add') return userAdd(database, arg, values);
  if (cmd === 'import' && sub === 'actionplan') return importActionPlan(database, arg, values);
  if (cmd === 'export' && sub === 'actionplan') return exportActionPlanCommand(database, values);
  if (cmd === 'import' && sub === 'systems') return importSystems(database, arg, values);
  if (cmd === 'export' && sub === 'systems') return exportSystemsCommand(database, values);
  if (cmd === 'import' && sub === 'sites') return importSitesCommand(database, arg, values);
  if (cmd === 'import' && sub === 'risks') return importRisksCommand(database, arg, values);
  if (cmd === 'export' && sub === 'risks') return exportRisksCommand(database, values);
  if (cmd === 'report' && sub === 'risks') return reportRisksCommand(database, values);
  if (cmd === 'import' && sub === 'assets') return importAssetsCommand(database, arg, values);
  if (cmd === 'export' && sub === 'assets') return exportAssetsCommand(database, values);
  if (cmd === 'forecast' && sub === 'assets') return forecastAssetsCommand(database, values);
  if (cmd === 'export' && isRegister(sub)) return exportRegisterCommand(database, sub, values);
  if (cmd === 'report' && sub === 'plan') return reportPlan(database, values);
  if (cmd === 'import' && sub === 'statistics') return importStatisticsCommand(database, arg, values);
  if (cmd === 'import' && sub === 'accounts') return importAccountsCommand(database, arg, values);
  if (cmd === 'import' && sub === 'costpools') return importCostPoolsCommand(database, arg, values);
  if (cmd === 'report' && sub === 'costshare') return reportCostShareCommand(database, values);
  if (cmd === 'report' && sub === 'annual') return reportAnnualCommand(database, values);
  if (cmd === 'import' && sub === 'actuals') return importActualsCommand(database, arg, values);
  if (cmd === 'report' && sub === 'status') return reportStatusCommand(database, values);
  if (cmd === 'backup') return backupCommand(database, values.out);
  if (cmd === 'restore') return restoreCommand(database, sub, values.force === true);
  throw new CliError(USAGE);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return;
  }
  let database: Database;
  try {
    database = await openDatabase(configFromEnv());
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  try {
    const out = await runCli(argv, database);
    if (out) console.log(out);
  } catch (err) {
    if (err instanceof CliError || err instanceof IdpError || (err instanceof Error && err.name === 'TypeError' && 'code' in err)) {
      console.error(err.message);
      process.exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
