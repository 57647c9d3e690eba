/**
 * Applies a parsed system list to the organization's portfolio, in the caller's transaction: loads
 * its suppliers, cooperations and systems (three queries), creates the missing suppliers (one),
 * inserts the new systems and updates the changed ones (one statement each per 1 000 rows).
 * The matching itself is pure: planSystemImport in src/domain/systems-import.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../database.ts';
import { systemTextAssignments, systemTextByColumn, systemTextRecord } from './system-text.ts';
import { SYSTEM_TEXT_FIELDS, type SystemTextKey } from '../../domain/system-fields.ts';
import { systems } from '../schema.ts';
import { listCooperations } from './cooperations.ts';
import { insertSuppliers, listSuppliers } from './suppliers.ts';
import { insertSystems } from './systems.ts';
import { listSystems } from './system-list.ts';
import {
  missingSuppliers,
  planSystemImport,
  type ExistingSystem,
  type ImportProblem,
  type SystemImportSummaryRow,
  type SystemTable,
} from '../../domain/systems-import.ts';
import type { SystemExportItem } from '../../domain/systems-export.ts';

const CHUNK = 1000;

export interface SystemImportOutcome {
  dryRun: boolean;
  /** Systems in the file that were imported (created, updated or already as in the file). */
  systems: number;
  created: number;
  updated: number;
  rows: SystemImportSummaryRow[];
  problems: ImportProblem[];
}

/** Another user changed one of the systems while the import ran; nothing is saved. */
export class SystemImportConflict extends Error {
  override name = 'SystemImportConflict';
}

async function ownSystems(tx: Tx, organizationId: string): Promise<ExistingSystem[]> {
  return tx
    .select({
      id: systems.id,
      name: systems.name,
      version: systems.version,
      users: systems.users,
      vendorId: systems.vendorId,
      operatorId: systems.operatorId,
      cooperationId: systems.cooperationId,
      ...(Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, systems[f.key]])) as { [K in SystemTextKey]: (typeof systems)[K] }),
      lifecycle: systems.lifecycle,
      criticality: systems.criticality,
      personalData: systems.personalData,
      units: systems.units,
      description: systems.description,
      introducedYear: systems.introducedYear,
      replacedById: systems.replacedById,
    })
    .from(systems)
    .where(eq(systems.organizationId, organizationId))
    .orderBy(systems.createdAt, systems.id);
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function applySystemTable(tx: Tx, organizationId: string, table: SystemTable, options: { dryRun: boolean }): Promise<SystemImportOutcome> {
  const [supplierList, cooperationList, systemList] = await inTurn(
    () => listSuppliers(tx, organizationId),
    () => listCooperations(tx, organizationId),
    () => ownSystems(tx, organizationId),
  );
  const missing = missingSuppliers(table, supplierList);
  // A dry run plans with stand-in ids for the suppliers it would create; they are never written.
  const created = options.dryRun
    ? missing.map((name, i) => ({ id: `new-supplier-${i}`, name }))
    : await insertSuppliers(tx, organizationId, missing.map((name) => ({ name })));
  const hosted = (c: { organizationId: string }) => (c.organizationId === organizationId ? 0 : 1);
  const plan = planSystemImport(table, {
    suppliers: [...supplierList, ...created],
    cooperations: [...cooperationList].sort((a, b) => hosted(a) - hosted(b)),
    systems: systemList,
  });
  if (!options.dryRun) {
    for (const part of chunks(plan.creates)) await insertSystems(tx, organizationId, part);
    for (const part of chunks(plan.updates)) {
      const json = JSON.stringify(
        part.map((u) => ({
          id: u.id,
          version: u.version,
          users: u.users,
          vendor_id: u.vendorId,
          operator_id: u.operatorId,
          cooperation_id: u.cooperationId,
          ...systemTextByColumn(u),
          lifecycle: u.lifecycle,
          criticality: u.criticality,
          personal_data: u.personalData,
          units: u.units,
          description: u.description,
          introduced_year: u.introducedYear,
        })),
      );
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`
        update systems s set users = x.users, vendor_id = x.vendor_id, operator_id = x.operator_id,
          cooperation_id = x.cooperation_id, ${systemTextAssignments('x')},
          lifecycle = x.lifecycle, criticality = x.criticality, personal_data = x.personal_data,
          units = x.units, description = x.description, introduced_year = x.introduced_year, version = s.version + 1, updated_at = now()
        from json_to_recordset(${json}::json) as x(id uuid, version int, users int, vendor_id uuid, operator_id uuid,
          cooperation_id uuid, ${systemTextRecord()}, lifecycle text, criticality text,
          personal_data boolean, units text, description text, introduced_year int)
        where s.id = x.id and s.organization_id = ${organizationId} and s.version = x.version
        returning s.id`,
      );
      if (rows.length !== part.length) throw new SystemImportConflict('system changed during import');
    }
    if (plan.successors.length > 0) await linkSuccessors(tx, organizationId, plan.successors);
  }
  return {
    dryRun: options.dryRun,
    systems: plan.rows.length,
    created: plan.creates.length,
    updated: plan.updates.length,
    rows: plan.rows,
    problems: plan.problems,
  };
}

/** Sets `erstattet av` by name, once every system of the file exists (one statement). */
async function linkSuccessors(tx: Tx, organizationId: string, links: ReadonlyArray<{ name: string; successor: string | null }>): Promise<void> {
  await queryRows(
    tx,
    sql`
    update systems s set replaced_by_id = r.id
    from json_to_recordset(${JSON.stringify(links)}::json) as x(name text, successor text)
    left join systems r on r.organization_id = ${organizationId} and lower(r.name) = lower(x.successor)
    where s.organization_id = ${organizationId} and lower(s.name) = lower(x.name)
    returning s.id`,
  );
}

/**
 * The organization's own systems (not those shared with it), as the export lists them: the list
 * plus year introduced, successor and description (one more statement).
 */
export async function ownSystemList(tx: Tx, organizationId: string, today: string): Promise<SystemExportItem[]> {
  const list = (await listSystems(tx, organizationId, {}, today)).data.filter((s) => s.host === null);
  const facts = await queryRows<{ id: string; introducedYear: number | null; replacedByName: string | null; description: string | null }>(
    tx,
    sql`select s.id, s.introduced_year as "introducedYear", r.name as "replacedByName", s.description
        from systems s left join systems r on r.id = s.replaced_by_id
        where s.organization_id = ${organizationId}`,
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  return list.map((s) => ({ ...s, introducedYear: byId.get(s.id)?.introducedYear ?? null, replacedByName: byId.get(s.id)?.replacedByName ?? null, description: byId.get(s.id)?.description ?? null }));
}
