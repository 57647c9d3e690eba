/**
 * One system: its detail (with roles, contracts, integrations and shares, in a constant number of
 * statements), its writes and its history. The list is in system-list.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { systems } from '../schema.ts';
import { definedOnly } from './common.ts';
import { systemTextSelect } from './system-text.ts';
import { systemTextValues, type SystemTextValues } from '../../domain/system-fields.ts';
import { holderOf, roleRows } from './system-roles.ts';
import { contractOf, contractSelect, type ContractRow } from './contracts.ts';
import { integrationOf, integrationSelect, type IntegrationRow } from './integrations.ts';
import { dpaStatus, systemQuality, type ContinuityFacts, type ContractFacts } from '../../domain/portfolio-quality.ts';
import { annualContractCost, contractListItem } from '../../domain/contracts.ts';
import type { CreateSystem, HistoryEntry, Lifecycle, SystemDetail, SystemRole, SystemRoleAssignment, UpdateSystem } from '../../domain/portfolio.ts';

interface SystemRow extends SystemTextValues {
  id: string;
  organizationId: string;
  hostName: string;
  name: string;
  description: string | null;
  vendorId: string | null;
  vendorName: string | null;
  operatorId: string | null;
  operatorName: string | null;
  hosting: SystemDetail['hosting'];
  users: number | null;
  units: string | null;
  cooperationId: string | null;
  cooperationName: string | null;
  lifecycle: Lifecycle;
  introducedYear: number | null;
  plannedEnd: string | null;
  replacedById: string | null;
  replacedByName: string | null;
  criticality: SystemDetail['criticality'];
  personalData: boolean;
  specialCategoryData: boolean;
  lastReviewedAt: string | null;
  roles: SystemRole[];
  contracts: ContractFacts[];
  continuity: ContinuityFacts | null;
  version: number;
}

async function systemRow(tx: Tx, organizationId: string, id: string): Promise<SystemRow | null> {
  const [row] = await queryRows<SystemRow>(
    tx,
    sql`select s.id, s.organization_id as "organizationId", h.name as "hostName", s.name, s.description,
          s.vendor_id as "vendorId", v.name as "vendorName", s.operator_id as "operatorId", op.name as "operatorName",
          s.hosting, ${systemTextSelect('s')}, s.users, s.units,
          s.cooperation_id as "cooperationId", c.name as "cooperationName", s.lifecycle, s.introduced_year as "introducedYear",
          s.planned_end::text as "plannedEnd", s.replaced_by_id as "replacedById", r.name as "replacedByName",
          s.criticality, s.personal_data as "personalData", s.special_category_data as "specialCategoryData",
          s.last_reviewed_at::text as "lastReviewedAt", s.quality_roles as roles, s.quality_contracts as contracts, s.version,
          case when s.criticality = 'round_the_clock' then (select json_build_object('backupLocation', sc.backup_location, 'rtoHours', sc.rto_hours, 'rpoHours', sc.rpo_hours, 'fallbackSite', sc.fallback_site) from system_continuity sc where sc.system_id = s.id) end as continuity
        from systems s
        join organizations h on h.id = s.organization_id
        left join suppliers v on v.id = s.vendor_id
        left join suppliers op on op.id = s.operator_id
        left join cooperations c on c.id = s.cooperation_id
        left join systems r on r.id = s.replaced_by_id
        where s.id = ${id}
          and (s.organization_id = ${organizationId} or exists (select 1 from system_shares x where x.system_id = s.id and x.member_id = ${organizationId}))`,
  );
  return row ?? null;
}

export async function findSystem(tx: Tx, organizationId: string, id: string, today: string): Promise<SystemDetail | null> {
  const row = await systemRow(tx, organizationId, id);
  if (!row) return null;
  const [roles, contractRows, integrationRows, shares] = await inTurn(
    () => roleRows(tx, [id]),
    () => queryRows<ContractRow>(tx, sql`${contractSelect} where k.system_id = ${id} and k.organization_id = ${organizationId} order by k.end_date nulls last, k.title`),
    () => queryRows<IntegrationRow>(
      tx,
      // The organization's own integrations of the system, and for a shared system also the owner's.
      sql`${integrationSelect} where (i.from_system_id = ${id} or i.to_system_id = ${id}) and i.organization_id in (${organizationId}, ${row.organizationId}) order by f.name, coalesce(t.name, nc.name)`,
    ),
    () => queryRows<{ organizationId: string; name: string; users: number | null; version: number }>(
      tx,
      sql`select x.member_id as "organizationId", o.name, x.users, x.version from system_shares x join organizations o on o.id = x.member_id where x.system_id = ${id} order by o.name`,
    ),
  );
  const owned = row.organizationId === organizationId;
  // A member sees its own roles and the owner's; the owner sees every member's.
  const visibleRoles = roles.filter((r) => owned || r.organizationId === organizationId || r.organizationId === r.systemOrgId);
  const contracts = contractRows.map(contractOf);
  return {
    id: row.id,
    organizationId: row.organizationId,
    host: owned ? null : { id: row.organizationId, name: row.hostName },
    name: row.name,
    description: row.description,
    vendor: row.vendorId ? { id: row.vendorId, name: row.vendorName ?? '' } : null,
    operator: row.operatorId ? { id: row.operatorId, name: row.operatorName ?? '' } : null,
    hosting: row.hosting,
    ...systemTextValues(row),
    users: row.users,
    units: row.units,
    cooperation: row.cooperationId ? { id: row.cooperationId, name: row.cooperationName ?? '' } : null,
    lifecycle: row.lifecycle,
    introducedYear: row.introducedYear,
    plannedEnd: row.plannedEnd,
    replacedBy: row.replacedById ? { id: row.replacedById, name: row.replacedByName ?? '' } : null,
    criticality: row.criticality,
    personalData: row.personalData,
    specialCategoryData: row.specialCategoryData,
    lastReviewedAt: row.lastReviewedAt,
    dpaStatus: dpaStatus(row.personalData || row.specialCategoryData, row.contracts, today),
    quality: systemQuality(row, today),
    roles: visibleRoles.map(
      (r): SystemRoleAssignment => ({ id: r.id, role: r.role, organization: { id: r.organizationId, name: r.organizationName }, holder: holderOf(r), version: r.version }),
    ),
    contracts: contracts.map((c) => contractListItem(c, today)),
    yearlyContractCost: annualContractCost(contracts, today),
    integrations: integrationRows.map(integrationOf),
    shares: owned ? shares : shares.filter((s) => s.organizationId === organizationId),
    owned,
    version: row.version,
  };
}

function systemValues(input: Partial<CreateSystem>): Partial<typeof systems.$inferInsert> {
  return definedOnly(input) as Partial<typeof systems.$inferInsert>;
}

export async function insertSystems(tx: Tx, organizationId: string, inputs: readonly CreateSystem[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(systems)
    .values(inputs.map((s) => ({ ...systemValues(s), name: s.name, organizationId })))
    .returning({ id: systems.id });
  return rows.map((r) => r.id);
}

/** Applies the update when the version matches; false when the version is stale or the system not the organization's. */
export async function updateSystem(tx: Tx, organizationId: string, id: string, input: UpdateSystem & { lastReviewedAt?: string }): Promise<boolean> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(systems)
    .set({ ...systemValues(rest), ...(rest.lastReviewedAt ? { lastReviewedAt: rest.lastReviewedAt } : {}), version: sql`${systems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(systems.organizationId, organizationId), eq(systems.id, id), eq(systems.version, version)))
    .returning({ id: systems.id });
  return rows.length === 1;
}

export async function ownsSystem(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const rows = await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, id))).limit(1);
  return rows.length === 1;
}

export async function deleteSystem(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(systems)
    .where(and(eq(systems.organizationId, organizationId), eq(systems.id, id), eq(systems.version, version)))
    .returning({ id: systems.id });
  return rows.length === 1;
}

/** Owner of a system the organization may see (own or shared), or null. */
export async function visibleSystemOwner(tx: Tx, organizationId: string, systemId: string): Promise<string | null> {
  const [row] = await queryRows<{ organizationId: string }>(
    tx,
    sql`select s.organization_id as "organizationId" from systems s where s.id = ${systemId}
        and (s.organization_id = ${organizationId} or exists (select 1 from system_shares x where x.system_id = s.id and x.member_id = ${organizationId}))`,
  );
  return row?.organizationId ?? null;
}

export async function systemHistory(tx: Tx, organizationId: string, systemId: string, limit = 100): Promise<HistoryEntry[]> {
  const rows = await queryRows<{ id: string | number; at: string; actorName: string | null; action: HistoryEntry['action']; tableName: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    tx,
    sql`select a.id, a.at, u.display_name as "actorName", a.action, a.table_name as "tableName", a.before, a.after
        from audit_log a left join users u on u.id = a.actor_id
        where a.organization_id = ${organizationId}
          and ((a.table_name = 'systems' and a.record_id = ${systemId})
            or (a.table_name in ('system_roles', 'system_shares', 'contracts')
                and coalesce(a.after ->> 'system_id', a.before ->> 'system_id') = ${systemId})
            or (a.table_name = 'integrations' and ${systemId} in (coalesce(a.after ->> 'from_system_id', a.before ->> 'from_system_id'), coalesce(a.after ->> 'to_system_id', a.before ->> 'to_system_id'))))
        order by a.id desc limit ${limit}`,
  );
  const ignore = new Set(['version', 'updated_at', 'created_at']);
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorName: r.actorName,
    action: r.action,
    tableName: r.tableName,
    changed:
      r.action === 'update' && r.before && r.after
        ? Object.keys(r.after)
            .filter((k) => !ignore.has(k) && JSON.stringify(r.before?.[k]) !== JSON.stringify(r.after?.[k]))
            .map((k) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()))
        : [],
  }));
}
