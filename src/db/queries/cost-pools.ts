/** Cost pools: their definitions, and the facts their shares are computed from. */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import type { CostPool, CostPoolInput, PoolCooperation, PoolDefinition as PoolRow } from '../../domain/cost-sharing.ts';
import type { PoolFactsRow } from '../../domain/cost-pool-shares.ts';
import type { PoolName } from '../../domain/cost-sharing-import.ts';

interface FactsRow {
  id: string;
  organization_id: string;
  organization_name: string;
  name: string;
  ansvar: string | null;
  basis: PoolFactsRow['basis'];
  key: PoolFactsRow['key'];
  metric: string | null;
  owner_ids: string[] | null;
  percentages: number[] | null;
  typed_amount: string | null;
  budget: string | null;
  actual: string | null;
  printed_deviation: string | null;
  contracts: PoolFactsRow['contracts'];
  weights: Record<string, number>;
  owners: PoolFactsRow['owners'];
  cooperation_id: string | null;
  cooperation_name: string | null;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * The year's pools of `organizationId` (its staff), or, for an owner, the pools of the organizations
 * it owns that it takes part in, and for an accepted member of a cooperation, that cooperation's pools
 * it takes part in: one statement (veikart_cost_pool_facts, migrations 0026 and 0035).
 */
export async function costPoolFacts(tx: Tx, organizationId: string, year: number): Promise<PoolFactsRow[]> {
  const rows = await queryRows<FactsRow>(tx, sql`select * from veikart_cost_pool_facts(${organizationId}::uuid, ${year}::int)`);
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    name: r.name,
    ansvar: r.ansvar,
    basis: r.basis,
    key: r.key,
    metric: r.metric,
    ownerIds: r.owner_ids,
    percentages: r.percentages,
    typedAmount: num(r.typed_amount),
    budget: num(r.budget),
    actual: num(r.actual),
    printedDeviation: num(r.printed_deviation),
    contracts: r.contracts.map((c) => ({ ...c, yearlyCost: num(c.yearlyCost) })),
    weights: r.weights,
    owners: r.owners,
    cooperationId: r.cooperation_id,
    cooperationName: r.cooperation_name,
  }));
}

const POOL_SELECT = sql`select p.id, p.year, p.name, p.ansvar_id as "ansvarId", a.number as ansvar, p.system_id as "systemId", s.name as system,
       p.basis, p.key, p.metric_id as "metricId", m.name as metric, p.owner_ids as "ownerIds", p.percentages,
       p.typed_amount::float8 as "typedAmount", p.cooperation_id as "cooperationId", p.version
  from cost_pools p left join ansvar a on a.id = p.ansvar_id left join systems s on s.id = p.system_id left join metrics m on m.id = p.metric_id`;

export async function listCostPools(tx: Tx, organizationId: string, year: number): Promise<CostPool[]> {
  return queryRows<CostPool>(tx, sql`${POOL_SELECT} where p.organization_id = ${organizationId}::uuid and p.year = ${year} order by a.number nulls last, p.name, p.id`);
}

export async function findCostPool(tx: Tx, organizationId: string, id: string): Promise<CostPool | null> {
  const rows = await queryRows<CostPool>(tx, sql`${POOL_SELECT} where p.organization_id = ${organizationId}::uuid and p.id = ${id}::uuid`);
  return rows[0] ?? null;
}

/** The organization's own cooperations with their cost key and memberships (the host's included): one statement. */
export async function poolCooperations(tx: Tx, organizationId: string): Promise<PoolCooperation[]> {
  return queryRows<PoolCooperation>(
    tx,
    sql`select c.id, c.name, c.cost_key as "costKey",
          coalesce((select json_agg(json_build_object('organizationId', o.id, 'name', o.name, 'kommunenummer', o.kommunenummer, 'slug', o.slug, 'state', m.state) order by o.kommunenummer, o.slug)
                      from cooperation_members m join organizations o on o.id = m.member_id where m.cooperation_id = c.id), '[]') as members
        from cooperations c where c.organization_id = ${organizationId}::uuid order by c.name, c.id`,
  );
}

/**
 * The references a pool names that are not the organization's: field → message. With a cooperation
 * (already checked to be the organization's own, see poolCooperations), the chosen participants must be
 * its accepted members instead of owners.
 */
export async function checkPoolReferences(tx: Tx, organizationId: string, input: CostPoolInput, participants?: readonly string[]): Promise<{ field: string; message: string }[]> {
  const rows = await queryRows<{ ansvar: boolean; system: boolean; metric: boolean; owners: string[] | null }>(
    tx,
    sql`select
      (${input.ansvarId ?? null}::uuid is null or exists (select 1 from ansvar where id = ${input.ansvarId ?? null}::uuid and organization_id = ${organizationId}::uuid)) as ansvar,
      (${input.systemId ?? null}::uuid is null or exists (select 1 from systems where id = ${input.systemId ?? null}::uuid and organization_id = ${organizationId}::uuid)) as system,
      (${input.metricId ?? null}::uuid is null or exists (select 1 from metrics where id = ${input.metricId ?? null}::uuid and organization_id = ${organizationId}::uuid)) as metric,
      (select array_agg(x) from json_array_elements_text(${JSON.stringify(participants ? [] : (input.ownerIds ?? []))}::json) e(x)
        where not exists (select 1 from organization_owners o where o.organization_id = ${organizationId}::uuid and o.owner_id = x::uuid)) as owners`,
  );
  const r = rows[0]!;
  const errors: { field: string; message: string }[] = [];
  if (!r.ansvar) errors.push({ field: 'ansvarId', message: 'Ansvar finnes ikke i organisasjonen' });
  if (!r.system) errors.push({ field: 'systemId', message: 'System finnes ikke i organisasjonen' });
  if (!r.metric) errors.push({ field: 'metricId', message: 'Måltall finnes ikke i organisasjonen' });
  if (r.owners && r.owners.length > 0) errors.push({ field: 'ownerIds', message: 'Eiere: én eller flere er ikke eiere av organisasjonen' });
  if (participants && (input.ownerIds ?? []).some((id) => !participants.includes(id))) {
    errors.push({ field: 'ownerIds', message: 'Deltakere: én eller flere har ikke godtatt samarbeidet' });
  }
  return errors;
}


/** Inserts pools for a year: one statement. */
export async function insertCostPools(tx: Tx, organizationId: string, year: number, pools: readonly PoolRow[]): Promise<string[]> {
  if (pools.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into cost_pools (organization_id, year, name, ansvar_id, system_id, basis, key, metric_id, owner_ids, percentages, typed_amount, cooperation_id)
        select ${organizationId}::uuid, ${year}, x.name, x."ansvarId", x."systemId", x.basis, x.key, x."metricId",
               (select array_agg(o::uuid) from jsonb_array_elements_text(x."ownerIds") o),
               (select array_agg(p::int) from jsonb_array_elements_text(x.percentages) p), x."typedAmount", x."cooperationId"
          from jsonb_to_recordset(${JSON.stringify(pools.map((p) => ({ ...p, ownerIds: p.ownerIds ?? [], percentages: p.percentages ?? [], cooperationId: p.cooperationId ?? null })))}::jsonb) as x(name text, "ansvarId" uuid, "systemId" uuid, basis text, key text, "metricId" uuid, "ownerIds" jsonb, percentages jsonb, "typedAmount" bigint, "cooperationId" uuid)
        returning id`,
  );
  return rows.map((r) => r.id);
}

/** Replaces a pool's definition if its version matches: null when stale or gone. */
export async function updateCostPool(tx: Tx, organizationId: string, id: string, version: number, pool: PoolRow): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update cost_pools set name = ${pool.name}, ansvar_id = ${pool.ansvarId}::uuid, system_id = ${pool.systemId}::uuid, basis = ${pool.basis},
          key = ${pool.key}, metric_id = ${pool.metricId}::uuid, owner_ids = (select array_agg(o::uuid) from json_array_elements_text(${JSON.stringify(pool.ownerIds ?? [])}::json) o),
          percentages = (select array_agg(p::int) from json_array_elements_text(${JSON.stringify(pool.percentages ?? [])}::json) p),
          typed_amount = ${pool.typedAmount}, cooperation_id = ${pool.cooperationId ?? null}::uuid, version = version + 1, updated_at = now()
        where id = ${id}::uuid and organization_id = ${organizationId}::uuid and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function deleteCostPool(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`delete from cost_pools where id = ${id}::uuid and organization_id = ${organizationId}::uuid returning id`);
  return rows.length === 1;
}

/** Ansvar numbers, metric names and system names of the organization, for resolving an import: one statement. */
export async function poolNames(tx: Tx, organizationId: string): Promise<PoolName[]> {
  return queryRows(
    tx,
    sql`select 'ansvar' as kind, id, number as name, name as label from ansvar where organization_id = ${organizationId}::uuid
        union all select 'metric', id, name, name from metrics where organization_id = ${organizationId}::uuid
        union all select 'system', id, name, name from systems where organization_id = ${organizationId}::uuid
        order by 1, 3, 2`,
  );
}

/** Replaces the year's pools with `pools`: two statements. */
export async function replaceCostPools(tx: Tx, organizationId: string, year: number, pools: readonly PoolRow[]): Promise<number> {
  await tx.execute(sql`delete from cost_pools where organization_id = ${organizationId}::uuid and year = ${year}`);
  return (await insertCostPools(tx, organizationId, year, pools)).length;
}
