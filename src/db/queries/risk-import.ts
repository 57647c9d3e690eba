/**
 * Applies an imported risk table (src/domain/risk-import.ts) in the caller's transaction: objects
 * and owners are looked up by name; a risk whose title exists is updated (its options matched by
 * description keep their link to a measure), others are created. An unknown object skips the risk.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { persons } from '../schema.ts';
import type { ImportProblem } from '../../domain/actionplan-import-model.ts';
import { levelOf } from '../../domain/risk-matrix.ts';
import { effectiveConsequence } from '../../domain/risk.ts';
import type { RiskImportTable } from '../../domain/risk-import.ts';
import { getRiskSettings, insertRisk, listRisks, objectNames, updateRisk } from './risks.ts';

/** One risk of the file as it was (or on a dry run would be) imported. */
export interface RiskImportRow {
  row: number;
  title: string;
  action: 'create' | 'update';
  options: number;
  level: 'low' | 'medium' | 'high';
}

export interface RiskImportOutcome {
  dryRun: boolean;
  risks: number;
  options: number;
  levels: { low: number; medium: number; high: number };
  problems: ImportProblem[];
  acceptedWords: string[];
  rows: RiskImportRow[];
}

/** `dryRun`: looks everything up and reports, writes nothing. */
export async function applyRiskTable(tx: Tx, organizationId: string, table: RiskImportTable, { dryRun = false }: { dryRun?: boolean } = {}): Promise<RiskImportOutcome> {
  const settings = await getRiskSettings(tx, organizationId);
  const objects = await objectNames(tx, organizationId);
  const people = await tx.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.organizationId, organizationId));
  const existing = new Map((await listRisks(tx, organizationId)).map((r) => [r.title.toLowerCase(), r]));
  const problems = [...table.problems];
  const levels = { low: 0, medium: 0, high: 0 };
  let risks = 0;
  let options = 0;
  const rows: RiskImportRow[] = [];
  for (const item of table.risks) {
    const siteIds: string[] = [];
    const systemIds: string[] = [];
    let unknown = false;
    for (const name of item.objectNames) {
      const found = objects.filter((o) => o.name.toLowerCase() === name.toLowerCase());
      if (found.length !== 1) {
        problems.push({
          row: item.row,
          column: 'objekt',
          message: `Rad ${item.row}, kolonne «objekt»: ${found.length === 0 ? `«${name}» er ingen lokasjon eller noe system i organisasjonen` : `«${name}» er både en lokasjon og et system`}; risikoen «${item.input.title}» er ikke importert.`,
        });
        unknown = true;
        continue;
      }
      (found[0]!.kind === 'site' ? siteIds : systemIds).push(found[0]!.id);
    }
    if (unknown) continue;
    let ownerId: string | null = null;
    if (item.ownerName) {
      const owner = people.find((p) => p.name.toLowerCase() === item.ownerName!.toLowerCase());
      if (owner) ownerId = owner.id;
      else problems.push({ row: item.row, column: 'eier', message: `Rad ${item.row}, kolonne «eier»: «${item.ownerName}» finnes ikke i personregisteret; eier er ikke satt.` });
    }
    const input = { ...item.input, siteIds, systemIds, ownerId };
    const before = existing.get(input.title.toLowerCase());
    const level = levelOf(settings.matrix, input.probability, effectiveConsequence(input.consequence ?? null, input.dimensions));
    rows.push({ row: item.row, title: input.title, action: before ? 'update' : 'create', options: input.options.length, level });
    risks += 1;
    options += input.options.length;
    levels[level] += 1;
    if (dryRun) continue;
    if (before) {
      const kept = new Map(before.options.map((o) => [o.description.toLowerCase(), o.id]));
      const withIds = input.options.map((o) => ({ ...o, id: kept.get(o.description.toLowerCase()) }));
      await updateRisk(tx, organizationId, before.id, { ...input, version: before.version, options: withIds }, before);
    } else {
      await insertRisk(tx, organizationId, input);
    }
  }
  return { dryRun, risks, options, levels, problems, acceptedWords: table.acceptedWords, rows };
}
