/**
 * Registers beyond the system list: a site list import, and what a person or supplier is linked
 * to. Each function runs a fixed number of statements, whatever the data.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../database.ts';
import type { PersonSystemRole } from '../../domain/person.ts';
import type { ContractType, SystemRole } from '../../domain/portfolio.ts';
import type { ImportProblem, RegisterTable } from '../../domain/register.ts';
import { planSiteImport, type SiteImportSummaryRow } from '../../domain/site-import.ts';
import type { SupplierRelations } from '../../domain/supplier.ts';
import { insertSites, listSites } from './sites.ts';
import { listContracts } from './contracts.ts';
import { listIntegrations } from './integrations.ts';
import { listPersons } from './persons.ts';
import { listSuppliers } from './suppliers.ts';
import { CONTRACT_COLUMNS } from '../../domain/contract.ts';
import { INTEGRATION_COLUMNS } from '../../domain/integration.ts';
import { PERSON_COLUMNS } from '../../domain/person.ts';
import type { Register, RegisterColumn } from '../../domain/register.ts';
import { SITE_COLUMNS } from '../../domain/site.ts';
import { SUPPLIER_COLUMNS } from '../../domain/supplier.ts';

const CHUNK = 1000;

/** Loads a register's rows (one statement) with the column declaration that exports them. */
type Exporter = (tx: Tx, organizationId: string) => Promise<{ columns: readonly RegisterColumn<never>[]; items: readonly unknown[] }>;
const load =
  <T>(columns: readonly RegisterColumn<T>[], list: (tx: Tx, organizationId: string) => Promise<readonly T[]>): Exporter =>
  async (tx, organizationId) => ({ columns: columns as readonly RegisterColumn<never>[], items: await list(tx, organizationId) });

export const REGISTER_EXPORTS: Record<Register, Exporter> = {
  contracts: load(CONTRACT_COLUMNS, (tx, org) => listContracts(tx, org)),
  persons: load(PERSON_COLUMNS, listPersons),
  suppliers: load(SUPPLIER_COLUMNS, listSuppliers),
  integrations: load(INTEGRATION_COLUMNS, (tx, org) => listIntegrations(tx, org)),
  sites: load(SITE_COLUMNS, (tx, org) => listSites(tx, org)),
};

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export interface SiteImportOutcome {
  dryRun: boolean;
  sites: number;
  created: number;
  updated: number;
  unchanged: number;
  rows: SiteImportSummaryRow[];
  problems: ImportProblem[];
}

/** Another user changed one of the sites while the import ran; nothing is saved. */
export class SiteImportConflict extends Error {
  override name = 'SiteImportConflict';
}

/** Applies a parsed site list in the caller's transaction: one read, then one insert and one update per 1 000 rows. */
export async function applySiteTable(tx: Tx, organizationId: string, table: RegisterTable, options: { dryRun: boolean }): Promise<SiteImportOutcome> {
  const plan = planSiteImport(table, await listSites(tx, organizationId));
  if (!options.dryRun) {
    for (const part of chunks(plan.creates)) await insertSites(tx, organizationId, part);
    for (const part of chunks(plan.updates)) {
      const json = JSON.stringify(
        part.map((u) => ({ id: u.id, version: u.version, users: u.users, capacity_mbps: u.capacityMbps, line_type: u.lineType, ownership: u.ownership, provider: u.provider, note: u.note })),
      );
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`update sites s set users = x.users, capacity_mbps = x.capacity_mbps, line_type = x.line_type, ownership = x.ownership,
              provider = x.provider, note = x.note, version = s.version + 1, updated_at = now()
            from json_to_recordset(${json}::json) as x(id uuid, version int, users int, capacity_mbps int, line_type text, ownership text, provider text, note text)
            where s.id = x.id and s.organization_id = ${organizationId} and s.version = x.version
            returning s.id`,
      );
      if (rows.length !== part.length) throw new SiteImportConflict('site changed during import');
    }
  }
  return { dryRun: options.dryRun, sites: plan.rows.length, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, rows: plan.rows, problems: plan.problems };
}

/**
 * The systems a person of the organization holds roles on, in the organization's capacity, among
 * the systems it can see (its own and those shared with it). Null when the organization has no
 * such person. One statement.
 */
export async function personSystems(tx: Tx, organizationId: string, personId: string): Promise<PersonSystemRole[] | null> {
  const rows = await queryRows<{ roleId: string | null; role: SystemRole | null; systemId: string | null; systemName: string | null; hostId: string | null; hostName: string | null }>(
    tx,
    sql`select r.id as "roleId", r.role, s.id as "systemId", s.name as "systemName", o.id as "hostId", o.name as "hostName"
        from persons p
        left join system_roles r on r.person_id = p.id and r.organization_id = ${organizationId}
        left join systems s on s.id = r.system_id
          and (s.organization_id = ${organizationId} or exists (select 1 from system_shares x where x.system_id = s.id and x.member_id = ${organizationId}))
        left join organizations o on o.id = s.organization_id
        where p.id = ${personId} and p.organization_id = ${organizationId}
        order by lower(s.name), array_position(array['system_owner','system_manager','super_user','support_first_line','support_second_line'], r.role), r.id`,
  );
  if (rows.length === 0) return null;
  return rows.flatMap((r) =>
    r.roleId && r.role && r.systemId && r.systemName !== null && r.hostId
      ? [{ roleId: r.roleId, role: r.role, system: { id: r.systemId, name: r.systemName }, host: r.hostId === organizationId ? null : { id: r.hostId, name: r.hostName ?? '' } }]
      : [],
  );
}

/** The organization's systems with the supplier as vendor or operator, and its contracts with it. Null when there is no such supplier. Three statements. */
export async function supplierRelations(tx: Tx, organizationId: string, supplierId: string): Promise<SupplierRelations | null> {
  const found = await queryRows<{ id: string }>(tx, sql`select id from suppliers where id = ${supplierId} and organization_id = ${organizationId}`);
  if (found.length === 0) return null;
  const systemRows = await queryRows<{ id: string; name: string; vendor: boolean; operator: boolean }>(
    tx,
    sql`select s.id, s.name, coalesce(s.vendor_id = ${supplierId}, false) as vendor, coalesce(s.operator_id = ${supplierId}, false) as operator
        from systems s
        where s.organization_id = ${organizationId} and (s.vendor_id = ${supplierId} or s.operator_id = ${supplierId})
        order by lower(s.name), s.id`,
  );
  const contractRows = await queryRows<{ id: string; title: string; type: ContractType; endDate: string | null; systemId: string | null; systemName: string | null }>(
    tx,
    sql`select k.id, k.title, k.type, k.end_date::text as "endDate", s.id as "systemId", s.name as "systemName"
        from contracts k left join systems s on s.id = k.system_id
        where k.organization_id = ${organizationId} and k.supplier_id = ${supplierId}
        order by k.end_date nulls last, lower(k.title), k.id`,
  );
  return {
    systems: systemRows,
    contracts: contractRows.map((k) => ({ id: k.id, title: k.title, type: k.type, endDate: k.endDate, system: k.systemId ? { id: k.systemId, name: k.systemName ?? '' } : null })),
  };
}
