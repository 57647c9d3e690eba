/**
 * The system list: the organization's own systems and those shared with it, in one statement
 * whatever the page size (the page with each row's quality facts, and the total).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { systemTextColumns, systemTextSelect } from './system-text.ts';
import { systemTextValues, type SystemTextValues } from '../../domain/system-fields.ts';
import { systemQuality, type ContinuityFacts, type ContractFacts } from '../../domain/portfolio-quality.ts';
import type { Lifecycle, Quality, SystemListItem, SystemRole } from '../../domain/portfolio.ts';

export interface SystemListQuery {
  readonly q?: string | undefined;
  /** `q` also matches the name of a person holding a role on the system, or of its vendor or operator ("Hvem kontakter jeg?"). */
  readonly byContact?: boolean | undefined;
  readonly lifecycle?: Lifecycle | undefined;
  readonly sort?: 'name' | 'users' | 'vendor' | 'lifecycle' | undefined;
  /** Direction of the sort key; ties are always broken by name (A–Å) and id. */
  readonly dir?: 'asc' | 'desc' | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface ListRow extends SystemTextValues {
  id: string;
  organizationId: string;
  hostName: string | null;
  name: string;
  vendorName: string | null;
  operatorName: string | null;
  hosting: SystemListItem['hosting'];
  users: number | null;
  units: string | null;
  cooperationName: string | null;
  lifecycle: Lifecycle;
  criticality: SystemListItem['criticality'];
  personalData: boolean;
  specialCategoryData: boolean;
  plannedEnd: string | null;
  lastReviewedAt: string | null;
  /** The quality check's role kinds and contract facts, kept on the system row (migration 0019). */
  roles: SystemRole[];
  contracts: ContractFacts[];
  /** The continuity record, read for critical systems only (null otherwise, or when there is none). */
  continuity: ContinuityFacts | null;
  total: string | number;
}

const SORT_KEYS: Record<Exclude<NonNullable<SystemListQuery['sort']>, 'name'>, (organizationId: string) => SQL> = {
  users: (org) => memberUsers(org),
  vendor: () => sql`lower(${nameOf('suppliers', sql`s.vendor_id`)})`,
  lifecycle: () => sql`array_position(array['planned','introducing','in_operation','phasing_out','retired'], s.lifecycle)`,
};

/**
 * The name of the supplier or cooperation `ref` points to, looked up only when `ref` is set: a
 * subquery's run costs about as much as the lookup, and many systems have no operator or
 * cooperation.
 */
function nameOf(table: 'suppliers' | 'cooperations', ref: SQL): SQL {
  return sql`case when ${ref} is not null then (select n.name from ${sql.raw(table)} n where n.id = ${ref}) end`;
}

/** Users of system `s` (or `p`) as the organization counts them: its own figure, or the member's for a shared system. */
function memberUsers(organizationId: string, alias: 's' | 'p' = 's'): SQL {
  const a = sql.raw(alias);
  return sql`case when ${a}.organization_id = ${organizationId} then ${a}.users else (select x.users from system_shares x where x.system_id = ${a}.id and x.member_id = ${organizationId}) end`;
}

/**
 * Sort key in the asked direction, empty values last either way, then name and id: inside a
 * per-organization part over systems `s` (its output column `sort_key`, computed once per row), or
 * over the parts' rows `p`.
 */
function orderBy(sort: SystemListQuery['sort'], dir: SystemListQuery['dir'], alias: 's' | 'p'): SQL {
  const direction = dir === 'desc' ? sql.raw('desc') : sql.raw('asc');
  const a = sql.raw(alias);
  if (!sort || sort === 'name') return sql`${a}.name_key ${direction}, ${a}.id ${direction}`;
  return sql`${alias === 'p' ? sql`p.sort_key` : sql`sort_key`} ${direction} nulls last, ${a}.name_key, ${a}.id`;
}

/** Systems the organization owns or that are shared with it. */
export async function systemRows(tx: Tx, organizationId: string, query: Partial<SystemListQuery>): Promise<ListRow[]> {
  return queryRows<ListRow>(tx, systemListQuery(organizationId, query));
}

/**
 * The organization's own systems and those shared with it (systems.shared_with, migration 0018),
 * with the query's filters, for the table alias `t`. `h.orgs` is the organization and the hosts
 * that share with it: `uuid = any(...)` is leakproof, so PostgreSQL can use it as an index
 * condition under row-level security, which it cannot do with `@>` on arrays. Without it the only
 * index conditions are the policy's, over all of the user's organizations (an IKS's staff would
 * read every owner's systems for the IKS's own list).
 */
function listFilter(t: 's' | 'c', organizationId: string, query: Partial<SystemListQuery>, within?: SQL): SQL {
  const a = sql.raw(t);
  const filters: SQL[] = [
    within ?? sql`${a}.organization_id = any ((select h.orgs from h)::uuid[])`,
    sql`(${a}.organization_id = ${organizationId} or ${organizationId}::uuid = any (${a}.shared_with))`,
  ];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      query.byContact
        ? sql`(${a}.name ilike ${pattern}
            or exists (select 1 from suppliers v where v.id in (${a}.vendor_id, ${a}.operator_id) and v.name ilike ${pattern})
            or exists (select 1 from system_roles r join persons pe on pe.id = r.person_id
                       where r.system_id = ${a}.id and r.organization_id in (${organizationId}, ${a}.organization_id) and pe.name ilike ${pattern}))`
        : sql`${a}.name ilike ${pattern}`,
    );
  }
  if (query.lifecycle) filters.push(sql`${a}.lifecycle = ${query.lifecycle}`);
  return sql.join(filters, sql` and `);
}

/**
 * The list in one statement: the page in its order with each row's quality facts, and the total.
 * Run it with `listSystems`, or through a one-statement read (the list route) and `systemList`.
 */
export function systemListQuery(organizationId: string, query: Partial<SystemListQuery>): SQL {
  const paged = query.limit !== undefined;
  const first = paged ? sql`limit ${(query.limit ?? 0) + (query.offset ?? 0)}` : sql``;
  const page = paged ? sql`limit ${query.limit} offset ${query.offset ?? 0}` : sql``;
  const sortKey = query.sort && query.sort !== 'name' ? SORT_KEYS[query.sort](organizationId) : sql`null::int`;
  // The first rows of each organization shown (the organization itself and each host that shares
  // with it), each part in index order (systems_org_name_key, migration 0022), then the page from
  // those parts: a 50-row page reads 50 systems per part instead of sorting all of them. Names of
  // vendor, operator and cooperation, and a member's users, are scalar subqueries evaluated for
  // the rows of the page only; the host's name is looked up once per part (`g`, materialized so
  // that PostgreSQL does not move the lookup to every row). The total is one count of its own.
  return sql`with h as (
          select array[${organizationId}::uuid] || array(select distinct x.organization_id from system_shares x
            where x.member_id = ${organizationId} and x.organization_id <> ${organizationId}) as orgs),
        g as materialized (
          select u.org, (select o.name from organizations o where o.id = u.org) as name from unnest((select h.orgs from h)::uuid[]) as u(org))
        select p.id, p.organization_id as "organizationId",
          case when p.organization_id <> ${organizationId} then g.name end as "hostName",
          p.name, ${nameOf('suppliers', sql`p.vendor_id`)} as "vendorName",
          ${nameOf('suppliers', sql`p.operator_id`)} as "operatorName", p.hosting, ${systemTextSelect('p')},
          ${memberUsers(organizationId, 'p')} as users, p.units,
          ${nameOf('cooperations', sql`p.cooperation_id`)} as "cooperationName", p.lifecycle, p.criticality,
          p.personal_data as "personalData", p.special_category_data as "specialCategoryData", p.planned_end::text as "plannedEnd",
          p.last_reviewed_at::text as "lastReviewedAt", p.quality_roles as roles, p.quality_contracts as contracts,
          case when p.criticality = 'round_the_clock' then (select json_build_object('backupLocation', sc.backup_location, 'rtoHours', sc.rto_hours, 'rpoHours', sc.rpo_hours, 'fallbackSite', sc.fallback_site) from system_continuity sc where sc.system_id = p.id) end as continuity,
          (select count(*) from systems c where ${listFilter('c', organizationId, query)}) as total
        from g
        cross join lateral (
          select s.id, s.organization_id, s.name, s.vendor_id, s.operator_id, s.cooperation_id, s.hosting, ${systemTextColumns('s')},
            s.users, s.units, s.lifecycle, s.criticality, s.personal_data, s.special_category_data, s.planned_end, s.last_reviewed_at,
            s.quality_roles, s.quality_contracts, s.name_key, ${sortKey} as sort_key
          from systems s
          where ${listFilter('s', organizationId, query, sql`s.organization_id = g.org`)}
          order by ${orderBy(query.sort, query.dir, 's')}
          ${first}) p
        order by ${orderBy(query.sort, query.dir, 'p')}
        ${page}`;
}

function listItem(r: ListRow, quality: Quality): SystemListItem {
  return {
    id: r.id,
    organizationId: r.organizationId,
    host: r.hostName === null ? null : { id: r.organizationId, name: r.hostName },
    name: r.name,
    vendorName: r.vendorName,
    operatorName: r.operatorName,
    hosting: r.hosting,
    ...systemTextValues(r),
    users: r.users,
    units: r.units,
    cooperationName: r.cooperationName,
    lifecycle: r.lifecycle,
    criticality: r.criticality,
    personalData: r.personalData,
    specialCategoryData: r.specialCategoryData,
    quality,
  };
}

/** The rows of systemListQuery as the list: each system with its quality (from the facts on its row, migration 0019), and the total. */
export function systemList(rows: readonly ListRow[], today: string): { data: SystemListItem[]; total: number } {
  return { data: rows.map((r) => listItem(r, systemQuality(r, today))), total: Number(rows[0]?.total ?? 0) };
}

export async function listSystems(tx: Tx, organizationId: string, query: Partial<SystemListQuery>, today: string): Promise<{ data: SystemListItem[]; total: number }> {
  return systemList(await queryRows<ListRow>(tx, systemListQuery(organizationId, query)), today);
}
