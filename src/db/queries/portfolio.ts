/**
 * System portfolio queries. Every function runs inside the caller's transaction (row-level security
 * on) and takes the organization the request is about. Lists load in a constant number of queries
 * whatever the page size: the page, then its roles and contract facts in one query each.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { contracts, integrations, nationalComponents, persons, suppliers, systemRoles, systems, systemShares } from '../schema.ts';
import { NATIONAL_COMPONENTS } from '../../domain/national-components.ts';
import { annualContractCost, contractAlert } from '../../domain/contracts.ts';
import { dpaStatus, systemQuality, type ContractFacts } from '../../domain/portfolio-quality.ts';
import { sum } from '../../domain/money.ts';
import type {
  Contract,
  CreateContract,
  CreateIntegration,
  CreatePerson,
  CreateSupplier,
  CreateSystem,
  CreateSystemRole,
  HistoryEntry,
  Integration,
  Lifecycle,
  NationalComponent,
  Person,
  PortfolioOverview,
  Quality,
  RenewalAlert,
  RoleHolder,
  SetShares,
  Supplier,
  SystemDetail,
  SystemListItem,
  SystemMatrix,
  SystemRole,
  SystemRoleAssignment,
  UpdateContract,
  UpdateIntegration,
  UpdatePerson,
  UpdateSupplier,
  UpdateSystem,
} from '../../domain/portfolio.ts';
import type { FieldError } from '../../domain/validation.ts';

/** A Postgres uuid[] literal; ids are validated UUIDs, so no quoting is needed. */
export function uuids(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

// ------------------------------------------------------------------ national components

export async function syncNationalComponents(tx: Tx): Promise<void> {
  await tx
    .insert(nationalComponents)
    .values(NATIONAL_COMPONENTS.map((c) => ({ ...c })))
    .onConflictDoUpdate({
      target: nationalComponents.code,
      set: { name: sql`excluded.name`, provider: sql`excluded.provider`, description: sql`excluded.description` },
      setWhere: sql`(${nationalComponents.name}, ${nationalComponents.provider}, ${nationalComponents.description}) is distinct from (excluded.name, excluded.provider, excluded.description)`,
    });
}

export async function listNationalComponents(tx: Tx): Promise<NationalComponent[]> {
  return tx
    .select({ id: nationalComponents.id, code: nationalComponents.code, name: nationalComponents.name, provider: nationalComponents.provider, description: nationalComponents.description })
    .from(nationalComponents)
    .orderBy(asc(nationalComponents.name));
}

// ------------------------------------------------------------------ persons

const personColumns = {
  id: persons.id,
  organizationId: persons.organizationId,
  name: persons.name,
  title: persons.title,
  unit: persons.unit,
  email: persons.email,
  phone: persons.phone,
  publicContact: persons.publicContact,
  version: persons.version,
};

export async function listPersons(tx: Tx, organizationId: string): Promise<Person[]> {
  return tx.select(personColumns).from(persons).where(eq(persons.organizationId, organizationId)).orderBy(asc(persons.name), asc(persons.id));
}

export async function findPerson(tx: Tx, organizationId: string, id: string): Promise<Person | null> {
  const [row] = await tx.select(personColumns).from(persons).where(and(eq(persons.organizationId, organizationId), eq(persons.id, id))).limit(1);
  return row ?? null;
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function insertPersons(tx: Tx, organizationId: string, inputs: readonly CreatePerson[]): Promise<Person[]> {
  if (inputs.length === 0) return [];
  return tx
    .insert(persons)
    .values(inputs.map((p) => ({ ...definedOnly(p), name: p.name, organizationId })))
    .returning(personColumns);
}

export async function updatePerson(tx: Tx, organizationId: string, id: string, input: UpdatePerson): Promise<Person | null> {
  const { version, ...rest } = input;
  const [row] = await tx
    .update(persons)
    .set({ ...definedOnly(rest), version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(persons.organizationId, organizationId), eq(persons.id, id), eq(persons.version, version)))
    .returning(personColumns);
  return row ?? null;
}

export async function deletePerson(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(persons)
    .where(and(eq(persons.organizationId, organizationId), eq(persons.id, id), eq(persons.version, version)))
    .returning({ id: persons.id });
  return rows.length === 1;
}

// ------------------------------------------------------------------ suppliers

const supplierColumns = {
  id: suppliers.id,
  organizationId: suppliers.organizationId,
  name: suppliers.name,
  organizationNumber: suppliers.organizationNumber,
  supportPhone: suppliers.supportPhone,
  supportEmail: suppliers.supportEmail,
  supportUrl: suppliers.supportUrl,
  note: suppliers.note,
  version: suppliers.version,
};

export async function listSuppliers(tx: Tx, organizationId: string): Promise<Supplier[]> {
  return tx.select(supplierColumns).from(suppliers).where(eq(suppliers.organizationId, organizationId)).orderBy(asc(suppliers.name), asc(suppliers.id));
}

export async function findSupplier(tx: Tx, organizationId: string, id: string): Promise<Supplier | null> {
  const [row] = await tx.select(supplierColumns).from(suppliers).where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id))).limit(1);
  return row ?? null;
}

export async function insertSuppliers(tx: Tx, organizationId: string, inputs: readonly CreateSupplier[]): Promise<Supplier[]> {
  if (inputs.length === 0) return [];
  return tx
    .insert(suppliers)
    .values(inputs.map((s) => ({ ...definedOnly(s), name: s.name, organizationId })))
    .returning(supplierColumns);
}

export async function updateSupplier(tx: Tx, organizationId: string, id: string, input: UpdateSupplier): Promise<Supplier | null> {
  const { version, ...rest } = input;
  const [row] = await tx
    .update(suppliers)
    .set({ ...definedOnly(rest), version: sql`${suppliers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id), eq(suppliers.version, version)))
    .returning(supplierColumns);
  return row ?? null;
}

export async function deleteSupplier(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(suppliers)
    .where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id), eq(suppliers.version, version)))
    .returning({ id: suppliers.id });
  return rows.length === 1;
}

// ------------------------------------------------------------------ reference checks

/**
 * Which of the referenced ids are not usable by the organization, as field errors. One query.
 * Vendors, operators and replacements must be the organization's own; a cooperation must be one it
 * hosts or belongs to; systems in integrations and contracts may also be shared with it.
 */
export async function checkReferences(
  tx: Tx,
  organizationId: string,
  refs: {
    vendorId?: string | null | undefined;
    operatorId?: string | null | undefined;
    supplierId?: string | null | undefined;
    cooperationId?: string | null | undefined;
    replacedById?: string | null | undefined;
    systemId?: string | null | undefined;
    fromSystemId?: string | null | undefined;
    toSystemId?: string | null | undefined;
    toComponentId?: string | null | undefined;
    personId?: string | null | undefined;
  },
  /** For a role on a shared system: the system's owner, whose suppliers may also hold the role. */
  supplierOrgId?: string,
): Promise<FieldError[]> {
  const kinds: Record<string, { label: string; test: (id: string) => SQL }> = {
    vendorId: { label: 'Programleverandør', test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id = ${organizationId})` },
    operatorId: { label: 'Driftsleverandør', test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id = ${organizationId})` },
    supplierId: {
      label: 'Leverandør',
      test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id in (${organizationId}, ${supplierOrgId ?? organizationId}))`,
    },
    personId: { label: 'Person', test: (id) => sql`exists (select 1 from persons where id = ${id} and organization_id = ${organizationId})` },
    cooperationId: {
      label: 'Samarbeid',
      test: (id) =>
        sql`exists (select 1 from cooperations c where c.id = ${id} and (c.organization_id = ${organizationId} or exists (select 1 from cooperation_members m where m.cooperation_id = c.id and m.member_id = ${organizationId} and m.state = 'accepted')))`,
    },
    replacedById: { label: 'Erstattet av', test: (id) => sql`exists (select 1 from systems where id = ${id} and organization_id = ${organizationId})` },
    systemId: { label: 'System', test: (id) => visibleSystem(organizationId, id) },
    fromSystemId: { label: 'Fra system', test: (id) => visibleSystem(organizationId, id) },
    toSystemId: { label: 'Til system', test: (id) => visibleSystem(organizationId, id) },
    toComponentId: { label: 'Nasjonal fellesløsning', test: (id) => sql`exists (select 1 from national_components where id = ${id})` },
  };
  const present = Object.entries(refs).filter((e): e is [string, string] => typeof e[1] === 'string' && kinds[e[0]] !== undefined);
  if (present.length === 0) return [];
  const selects = sql.join(
    present.map(([field, id], i) => sql`${kinds[field]?.test(id) ?? sql`false`} as ${sql.raw(`"r${i}"`)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, boolean>>(tx, sql`select ${selects}`);
  return present.flatMap(([field], i) =>
    row?.[`r${i}`] ? [] : [{ field, message: `${kinds[field]?.label ?? field} finnes ikke, eller hører ikke til organisasjonen.` }],
  );
}

function visibleSystem(organizationId: string, id: string): SQL {
  return sql`exists (select 1 from systems s where s.id = ${id} and (s.organization_id = ${organizationId} or exists (select 1 from system_shares x where x.system_id = s.id and x.member_id = ${organizationId})))`;
}

// ------------------------------------------------------------------ systems

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

export interface ListRow {
  id: string;
  organizationId: string;
  hostName: string | null;
  name: string;
  vendorName: string | null;
  operatorName: string | null;
  hosting: SystemListItem['hosting'];
  serverLocation: string | null;
  database: string | null;
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
          ${nameOf('suppliers', sql`p.operator_id`)} as "operatorName", p.hosting, p.server_location as "serverLocation",
          p.database, ${memberUsers(organizationId, 'p')} as users, p.units,
          ${nameOf('cooperations', sql`p.cooperation_id`)} as "cooperationName", p.lifecycle, p.criticality,
          p.personal_data as "personalData", p.special_category_data as "specialCategoryData", p.planned_end::text as "plannedEnd",
          p.last_reviewed_at::text as "lastReviewedAt", p.quality_roles as roles, p.quality_contracts as contracts,
          (select count(*) from systems c where ${listFilter('c', organizationId, query)}) as total
        from g
        cross join lateral (
          select s.id, s.organization_id, s.name, s.vendor_id, s.operator_id, s.cooperation_id, s.hosting, s.server_location, s.database,
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
    serverLocation: r.serverLocation,
    database: r.database,
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

interface SystemRow {
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
  serverLocation: string | null;
  database: string | null;
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
  version: number;
}

async function systemRow(tx: Tx, organizationId: string, id: string): Promise<SystemRow | null> {
  const [row] = await queryRows<SystemRow>(
    tx,
    sql`select s.id, s.organization_id as "organizationId", h.name as "hostName", s.name, s.description,
          s.vendor_id as "vendorId", v.name as "vendorName", s.operator_id as "operatorId", op.name as "operatorName",
          s.hosting, s.server_location as "serverLocation", s.database, s.users, s.units,
          s.cooperation_id as "cooperationId", c.name as "cooperationName", s.lifecycle, s.introduced_year as "introducedYear",
          s.planned_end::text as "plannedEnd", s.replaced_by_id as "replacedById", r.name as "replacedByName",
          s.criticality, s.personal_data as "personalData", s.special_category_data as "specialCategoryData",
          s.last_reviewed_at::text as "lastReviewedAt", s.quality_roles as roles, s.quality_contracts as contracts, s.version
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

/** Contact details of people outside the asking user's organizations are shown only when marked public. */
const HOLDER_COLUMNS = sql`
  case when p.id is not null then 'person' else 'supplier' end as "holderKind",
  coalesce(p.id, sp.id) as "holderId", coalesce(p.name, sp.name) as "holderName", p.title as "holderTitle", p.unit as "holderUnit",
  case when p.id is null then sp.support_email when p.public_contact or p.organization_id = any((select veikart_orgs(1))::uuid[]) then p.email end as "holderEmail",
  case when p.id is null then sp.support_phone when p.public_contact or p.organization_id = any((select veikart_orgs(1))::uuid[]) then p.phone end as "holderPhone",
  sp.support_url as "holderUrl"`;

interface RoleRow {
  id: string;
  systemId: string;
  role: SystemRole;
  organizationId: string;
  organizationName: string;
  systemOrgId: string;
  version: number;
  holderKind: 'person' | 'supplier';
  holderId: string;
  holderName: string;
  holderTitle: string | null;
  holderUnit: string | null;
  holderEmail: string | null;
  holderPhone: string | null;
  holderUrl: string | null;
}

export function holderOf(r: Pick<RoleRow, 'holderKind' | 'holderId' | 'holderName' | 'holderTitle' | 'holderUnit' | 'holderEmail' | 'holderPhone' | 'holderUrl'>): RoleHolder {
  return { kind: r.holderKind, id: r.holderId, name: r.holderName, title: r.holderTitle, unit: r.holderUnit, email: r.holderEmail, phone: r.holderPhone, url: r.holderUrl };
}

/** Roles on the systems, as the asking user may see them (row-level security filters the rest). */
export async function roleRows(tx: Tx, systemIds: readonly string[]): Promise<RoleRow[]> {
  if (systemIds.length === 0) return [];
  return queryRows<RoleRow>(
    tx,
    sql`select r.id, r.system_id as "systemId", r.role, r.organization_id as "organizationId", o.name as "organizationName",
          r.system_org_id as "systemOrgId", r.version, ${HOLDER_COLUMNS}
        from system_roles r
        join organizations o on o.id = r.organization_id
        left join persons p on p.id = r.person_id
        left join suppliers sp on sp.id = r.supplier_id
        where r.system_id = any(${uuids(systemIds)})
          and (p.id is not null or sp.id is not null)
        order by array_position(array['system_owner','system_manager','super_user','support_first_line','support_second_line'], r.role),
          (r.organization_id = r.system_org_id) desc, o.name, coalesce(p.name, sp.name), r.id`,
  );
}

const contractSelect = sql`select k.id, k.organization_id as "organizationId", k.system_id as "systemId", s.name as "systemName",
    k.supplier_id as "supplierId", sp.name as "supplierName", k.type, k.title, k.start_date::text as "startDate", k.end_date::text as "endDate",
    k.notice_months as "noticeMonths", k.yearly_cost as "yearlyCost", k.licence_count as "licenceCount", k.note,
    k.document_url as "documentUrl", k.case_number as "caseNumber", s.lifecycle as "systemLifecycle", k.version
  from contracts k
  left join systems s on s.id = k.system_id
  left join suppliers sp on sp.id = k.supplier_id`;

type ContractRow = Omit<Contract, 'yearlyCost'> & { yearlyCost: number | string | null };
const contractOf = (r: ContractRow): Contract => ({ ...r, yearlyCost: r.yearlyCost === null ? null : Number(r.yearlyCost) });

const integrationSelect = sql`select i.id, i.organization_id as "organizationId", i.from_system_id as "fromId", f.name as "fromName",
    i.to_system_id as "toId", t.name as "toName", i.to_component_id as "componentId", nc.name as "componentName",
    i.direction, i.data, i.standard, i.status, i.version
  from integrations i
  left join systems f on f.id = i.from_system_id
  left join systems t on t.id = i.to_system_id
  left join national_components nc on nc.id = i.to_component_id`;

/** A system at the other end of a shared system's integration that is not shared with the viewer. */
const HIDDEN_SYSTEM = 'Annet system hos eieren';

interface IntegrationRow {
  id: string;
  organizationId: string;
  fromId: string;
  fromName: string | null;
  toId: string | null;
  toName: string | null;
  componentId: string | null;
  componentName: string | null;
  direction: Integration['direction'];
  data: string | null;
  standard: Integration['standard'];
  status: Integration['status'];
  version: number;
}

function integrationOf(r: IntegrationRow): Integration {
  return {
    id: r.id,
    organizationId: r.organizationId,
    fromSystem: { id: r.fromId, name: r.fromName ?? HIDDEN_SYSTEM },
    toSystem: r.toId ? { id: r.toId, name: r.toName ?? HIDDEN_SYSTEM } : null,
    toComponent: r.componentId ? { id: r.componentId, name: r.componentName ?? '' } : null,
    direction: r.direction,
    data: r.data,
    standard: r.standard,
    status: r.status,
    version: r.version,
  };
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
  return {
    id: row.id,
    organizationId: row.organizationId,
    host: owned ? null : { id: row.organizationId, name: row.hostName },
    name: row.name,
    description: row.description,
    vendor: row.vendorId ? { id: row.vendorId, name: row.vendorName ?? '' } : null,
    operator: row.operatorId ? { id: row.operatorId, name: row.operatorName ?? '' } : null,
    hosting: row.hosting,
    serverLocation: row.serverLocation,
    database: row.database,
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
    contracts: contractRows.map(contractOf),
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

/**
 * Organizations a system may be shared with: the owners of the organization when it is an IKS, and
 * the accepted members of cooperations it is an accepted member of (an invitation is not enough).
 * The database holds every share to the same rule (veikart_may_share, migration 0024).
 */
export async function shareCandidates(tx: Tx, organizationId: string): Promise<Array<{ id: string; name: string; kommunenummer: string | null }>> {
  return queryRows(
    tx,
    sql`select o.id, o.name, o.kommunenummer from organizations o
        where o.id <> ${organizationId} and (
          o.id in (select owner_id from organization_owners where organization_id = ${organizationId})
          or o.id in (select b.member_id from cooperation_members a join cooperation_members b on b.cooperation_id = a.cooperation_id
                      where a.member_id = ${organizationId} and a.state = 'accepted' and b.state = 'accepted'))
        order by o.name`,
  );
}

/** Replaces the shares of a system (owner only); bumps the system's version. Returns false on a stale version. */
export async function setShares(tx: Tx, organizationId: string, systemId: string, input: SetShares): Promise<boolean> {
  const bumped = await tx
    .update(systems)
    .set({ version: sql`${systems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(systems.organizationId, organizationId), eq(systems.id, systemId), eq(systems.version, input.version)))
    .returning({ id: systems.id });
  if (bumped.length !== 1) return false;
  const keep = input.shares.map((s) => s.organizationId);
  await tx.execute(sql`delete from system_shares where system_id = ${systemId} and organization_id = ${organizationId} and not (member_id = any(${uuids(keep)}))`);
  // Roles a former member registered on the system go with the share.
  await tx.execute(
    sql`delete from system_roles where system_id = ${systemId} and organization_id <> ${organizationId} and not (organization_id = any(${uuids(keep)}))`,
  );
  if (input.shares.length > 0) {
    await tx
      .insert(systemShares)
      .values(input.shares.map((s) => ({ organizationId, systemId, memberId: s.organizationId, users: s.users ?? null })))
      .onConflictDoUpdate({
        target: [systemShares.systemId, systemShares.memberId],
        set: { users: sql`excluded.users`, version: sql`${systemShares.version} + 1` },
        setWhere: sql`${systemShares.users} is distinct from excluded.users`,
      });
  }
  return true;
}

/** A member's own use of a shared system; false when the version is stale or there is no such share. */
export async function setMemberUsage(tx: Tx, memberId: string, systemId: string, version: number, users: number | null): Promise<boolean> {
  const rows = await tx
    .update(systemShares)
    .set({ users, version: sql`${systemShares.version} + 1` })
    .where(and(eq(systemShares.systemId, systemId), eq(systemShares.memberId, memberId), eq(systemShares.version, version)))
    .returning({ id: systemShares.id });
  return rows.length === 1;
}

export async function hasShare(tx: Tx, memberId: string, systemId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: systemShares.id })
    .from(systemShares)
    .where(and(eq(systemShares.systemId, systemId), eq(systemShares.memberId, memberId)))
    .limit(1);
  return rows.length === 1;
}

export async function addSystemRole(tx: Tx, organizationId: string, systemOrgId: string, systemId: string, input: CreateSystemRole): Promise<string> {
  const [row] = await tx
    .insert(systemRoles)
    .values({ organizationId, systemOrgId, systemId, role: input.role, personId: input.personId ?? null, supplierId: input.supplierId ?? null })
    .returning({ id: systemRoles.id });
  if (!row) throw new Error('insert system_roles returned no row');
  return row.id;
}

export async function deleteSystemRole(tx: Tx, organizationId: string, systemId: string, roleId: string): Promise<boolean> {
  const rows = await tx
    .delete(systemRoles)
    .where(and(eq(systemRoles.organizationId, organizationId), eq(systemRoles.systemId, systemId), eq(systemRoles.id, roleId)))
    .returning({ id: systemRoles.id });
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

// ------------------------------------------------------------------ contracts

export async function listContracts(tx: Tx, organizationId: string, id?: string): Promise<Contract[]> {
  const rows = await queryRows<ContractRow>(
    tx,
    sql`${contractSelect} where k.organization_id = ${organizationId} ${id ? sql`and k.id = ${id}` : sql``} order by k.end_date nulls last, lower(k.title), k.id`,
  );
  return rows.map(contractOf);
}

export async function insertContracts(tx: Tx, organizationId: string, inputs: readonly CreateContract[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(contracts)
    .values(inputs.map((c) => ({ ...(definedOnly(c) as Partial<typeof contracts.$inferInsert>), type: c.type, title: c.title, organizationId })))
    .returning({ id: contracts.id });
  return rows.map((r) => r.id);
}

export async function updateContract(tx: Tx, organizationId: string, id: string, input: UpdateContract): Promise<boolean> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(contracts)
    .set({ ...(definedOnly(rest) as Partial<typeof contracts.$inferInsert>), version: sql`${contracts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contracts.organizationId, organizationId), eq(contracts.id, id), eq(contracts.version, version)))
    .returning({ id: contracts.id });
  return rows.length === 1;
}

export async function deleteContract(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(contracts)
    .where(and(eq(contracts.organizationId, organizationId), eq(contracts.id, id), eq(contracts.version, version)))
    .returning({ id: contracts.id });
  return rows.length === 1;
}

export function renewalAlerts(list: readonly Contract[], today: string): RenewalAlert[] {
  return list
    .flatMap((contract) => {
      const alert = contractAlert(contract, today);
      return alert ? [{ contract, ...alert }] : [];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.contract.title.localeCompare(b.contract.title, 'nb'));
}

// ------------------------------------------------------------------ integrations

export async function listIntegrations(tx: Tx, organizationId: string, id?: string): Promise<Integration[]> {
  const rows = await queryRows<IntegrationRow>(
    tx,
    sql`${integrationSelect} where i.organization_id = ${organizationId} ${id ? sql`and i.id = ${id}` : sql``} order by lower(f.name), lower(coalesce(t.name, nc.name)), i.id`,
  );
  return rows.map(integrationOf);
}

export async function insertIntegration(tx: Tx, organizationId: string, input: CreateIntegration): Promise<string> {
  const [row] = await tx
    .insert(integrations)
    .values({ ...(definedOnly(input) as Partial<typeof integrations.$inferInsert>), fromSystemId: input.fromSystemId, standard: input.standard, organizationId })
    .returning({ id: integrations.id });
  if (!row) throw new Error('insert integrations returned no row');
  return row.id;
}

export async function updateIntegration(tx: Tx, organizationId: string, id: string, input: UpdateIntegration): Promise<boolean> {
  const { version, ...rest } = input;
  const values = definedOnly(rest) as Partial<typeof integrations.$inferInsert>;
  // Choosing one target clears the other.
  if (rest.toSystemId) values.toComponentId = null;
  if (rest.toComponentId) values.toSystemId = null;
  const rows = await tx
    .update(integrations)
    .set({ ...values, version: sql`${integrations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(integrations.organizationId, organizationId), eq(integrations.id, id), eq(integrations.version, version)))
    .returning({ id: integrations.id });
  return rows.length === 1;
}

export async function deleteIntegration(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(integrations)
    .where(and(eq(integrations.organizationId, organizationId), eq(integrations.id, id), eq(integrations.version, version)))
    .returning({ id: integrations.id });
  return rows.length === 1;
}

// ------------------------------------------------------------------ support route, matrix, overview

/** "Hvem kontakter jeg?": systems matching the text, with the support route for the organization. */
/** Systems the organization owns × the organizations it shares with or could share with. */
export async function systemMatrix(tx: Tx, organizationId: string): Promise<SystemMatrix> {
  const [members, owned, shares, supers] = await inTurn(
    () => shareCandidates(tx, organizationId),
    () => queryRows<{ id: string; name: string }>(tx, sql`select id, name from systems where organization_id = ${organizationId} and lifecycle <> 'retired' order by lower(name), id`),
    () => queryRows<{ systemId: string; memberId: string; users: number | null }>(
      tx,
      sql`select system_id as "systemId", member_id as "memberId", users from system_shares where organization_id = ${organizationId}`,
    ),
    () => queryRows<{ systemId: string; organizationId: string; name: string }>(
      tx,
      sql`select r.system_id as "systemId", r.organization_id as "organizationId", p.name from system_roles r join persons p on p.id = r.person_id
          where r.system_org_id = ${organizationId} and r.role = 'super_user' order by p.name`,
    ),
  );
  const shareKey = new Map(shares.map((s) => [`${s.systemId}/${s.memberId}`, s]));
  return {
    members: members.map((m) => ({ id: m.id, name: m.name, kommunenummer: m.kommunenummer })),
    systems: owned.map((s) => ({
      id: s.id,
      name: s.name,
      cells: members.map((m) => {
        const share = shareKey.get(`${s.id}/${m.id}`);
        return {
          organizationId: m.id,
          uses: share !== undefined,
          users: share?.users ?? null,
          superUsers: supers.filter((x) => x.systemId === s.id && x.organizationId === m.id).map((x) => x.name),
        };
      }),
    })),
  };
}

/** All systems with their quality, worst first (the organization-wide data-quality view). */
export async function dataQuality(tx: Tx, organizationId: string, today: string): Promise<SystemListItem[]> {
  const { data } = await listSystems(tx, organizationId, {}, today);
  return data.filter((s) => s.lifecycle !== 'retired').sort((a, b) => a.quality.score - b.quality.score || a.name.localeCompare(b.name, 'nb'));
}

export async function portfolioOverview(tx: Tx, organizationId: string, today: string): Promise<PortfolioOverview> {
  const [{ data }, contractList] = await inTurn(() => listSystems(tx, organizationId, {}, today), () => listContracts(tx, organizationId));
  const byLifecycle: Record<string, number> = {};
  const gapCounts: Record<string, number> = {};
  for (const s of data) {
    byLifecycle[s.lifecycle] = (byLifecycle[s.lifecycle] ?? 0) + 1;
    for (const g of s.quality.gaps) gapCounts[g] = (gapCounts[g] ?? 0) + 1;
  }
  const live = data.filter((s) => s.lifecycle !== 'retired');
  return {
    systems: data.length,
    byLifecycle,
    averageQuality: live.length === 0 ? null : Math.round(live.reduce((n, s) => n + s.quality.score, 0) / live.length),
    gapCounts,
    alerts: renewalAlerts(contractList, today),
    yearlyContractCost: annualContractCost(contractList, today),
  };
}

/** The plan document's system appendix: systems in use (own and shared), one query. */
export async function documentSystems(tx: Tx, organizationId: string): Promise<Array<{ name: string; users: number | null; vendor: string | null; cooperation: string | null; serverLocation: string | null; database: string | null }>> {
  const rows = await systemRows(tx, organizationId, {});
  return rows
    .filter((r) => r.lifecycle !== 'retired' && r.lifecycle !== 'planned')
    .map((r) => ({ name: r.name, users: r.users, vendor: r.vendorName, cooperation: r.cooperationName ?? r.hostName, serverLocation: r.serverLocation, database: r.database }));
}
