/**
 * Table definitions (drizzle). Every domain table carries `organization_id`; row-level security
 * policies (migration 0001) make PostgreSQL itself refuse rows of other organizations.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['kommune', 'iks', 'fylkeskommune', 'annen'] }).notNull(),
  kommunenummer: text('kommunenummer').unique(),
  language: text('language', { enum: ['nb', 'nn'] }).notNull().default('nb'),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An IKS (organization_id) and its owner municipalities, with the access its staff get there. */
export const organizationOwners = pgTable(
  'organization_owners',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    staffAccess: text('staff_access', { enum: ['none', 'reader', 'editor'] }).notNull().default('reader'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organization_owners_pair').on(t.organizationId, t.ownerId), index('organization_owners_owner').on(t.ownerId)],
);

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  systemAdmin: boolean('system_admin').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * How a user proves who they are. Local accounts: issuer `local`, subject = username, with an
 * argon2id hash. OIDC (Entra ID etc.) later: issuer URL + `sub` claim, no password; several issuers
 * per installation fit without schema changes.
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('user_identities_issuer_subject').on(t.issuer, t.subject), index('user_identities_user').on(t.userId)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'editor', 'reader'] }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('memberships_org_user').on(t.organizationId, t.userId), index('memberships_user').on(t.userId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_username_at').on(t.username, t.at), index('login_attempts_ip_at').on(t.ip, t.at)],
);

/** Samarbeid: owned by the host organization (vertskommune). */
export const cooperations = pgTable(
  'cooperations',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    costKey: text('cost_key', { enum: ['like', 'innbyggere', 'brukere', 'forbruk', 'fast'] }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cooperations_org').on(t.organizationId)],
);

export const cooperationMembers = pgTable(
  'cooperation_members',
  {
    id: id(),
    /** The host organization, repeated so row-level security needs no join. */
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => organizations.id),
    /** 'invited' until the member's admin accepts or declines (migration 0024); the host is accepted at once. */
    state: text('state', { enum: ['invited', 'accepted', 'declined'] }).notNull().default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cooperation_members_pair').on(t.cooperationId, t.memberId), index('cooperation_members_member').on(t.memberId)],
);

/** Lokasjon: a municipal building with its network line. */
export const sites = pgTable(
  'sites',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    users: integer('users'),
    capacityMbps: integer('capacity_mbps'),
    lineType: text('line_type', { enum: ['fiber', 'adsl', 'radio', 'kobber', 'annet'] }),
    ownership: text('ownership', { enum: ['eid', 'leid'] }),
    provider: text('provider'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sites_org_name').on(t.organizationId, t.name)],
);

/** Append-only; written by the `veikart_audit` trigger in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    action: text('action', { enum: ['insert', 'update', 'delete'] }).notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    txid: bigint('txid', { mode: 'number' }),
  },
  (t) => [index('audit_log_org_id').on(t.organizationId, t.id)],
);

// ---------------------------------------------------------------------------------------------
// Strategy and action plan. Every plan table carries organization_id (RLS) and revision_id (the
// adopted-revision guard trigger). Sums are never stored: see src/domain/plan-totals.ts.

/** National (and the organization's own) strategy goals: organization_id null = shared catalogue. */
export const nationalGoals = pgTable(
  'national_goals',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    framework: text('framework').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    validFrom: integer('valid_from'),
    validTo: integer('valid_to'),
    current: boolean('current').notNull().default(false),
    catalogueVersion: integer('catalogue_version'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('national_goals_framework_code').on(t.organizationId, t.framework, t.code)],
);

export const planPeriods = pgTable(
  'plan_periods',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_periods_org').on(t.organizationId)],
);

export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    periodId: uuid('period_id').notNull().references(() => planPeriods.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    basedOnId: uuid('based_on_id'),
    vision: text('vision'),
    introduction: text('introduction'),
    status: text('status', { enum: ['draft', 'adopted'] }).notNull().default('draft'),
    adoptedDate: date('adopted_date', { mode: 'string' }),
    decisionRef: text('decision_ref'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_revisions_period_number').on(t.periodId, t.number), index('plan_revisions_org').on(t.organizationId)],
);

export const focusAreas = pgTable(
  'focus_areas',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('focus_areas_revision').on(t.revisionId, t.position)],
);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    focusAreaId: uuid('focus_area_id').notNull().references(() => focusAreas.id, { onDelete: 'cascade' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    position: integer('position').notNull().default(0),
    text: text('text').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goals_revision').on(t.revisionId, t.position)],
);

export const goalNationalLinks = pgTable(
  'goal_national_links',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
    nationalGoalId: uuid('national_goal_id').notNull().references(() => nationalGoals.id),
  },
  (t) => [uniqueIndex('goal_national_links_pair').on(t.goalId, t.nationalGoalId), index('goal_national_links_revision').on(t.revisionId)],
);

export const measures = pgTable(
  'measures',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    lineageId: uuid('lineage_id').notNull().default(sql`gen_random_uuid()`),
    number: text('number'),
    title: text('title').notNull(),
    description: text('description'),
    responsible: text('responsible'),
    status: text('status', { enum: ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] }).notNull().default('planned'),
    priority: text('priority', { enum: ['high', 'medium', 'low'] }).notNull().default('medium'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('measures_revision').on(t.revisionId),
    index('measures_org').on(t.organizationId),
    // Target of the budget lines' composite key (migration 0017).
    uniqueIndex('measures_id_revision_org').on(t.id, t.revisionId, t.organizationId),
    // A measure number is used once per revision (migration 0023).
    uniqueIndex('measures_revision_number').on(t.revisionId, t.number).where(sql`${t.number} is not null`),
  ],
);

export const measureGoals = pgTable(
  'measure_goals',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id').notNull().references(() => measures.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('measure_goals_pair').on(t.measureId, t.goalId), index('measure_goals_revision').on(t.revisionId)],
);

/** Budget line: either an amount, or quantity × unit price (the amount is then derived, not stored). */
export const costLines = pgTable(
  'cost_lines',
  {
    id: id(),
    // Measure, revision and organization are one key into measures (migration 0017).
    organizationId: uuid('organization_id').notNull(),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    kind: text('kind', { enum: ['invest', 'drift'] }).notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }),
    quantity: integer('quantity'),
    unitPrice: bigint('unit_price', { mode: 'number' }),
    note: text('note'),
    /** An explicit saving (innsparing): the only kind of line with a negative amount (migration 0023). */
    saving: boolean('saving').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('cost_lines_revision').on(t.revisionId),
    foreignKey({ name: 'cost_lines_measure_fk', columns: [t.measureId, t.revisionId, t.organizationId], foreignColumns: [measures.id, measures.revisionId, measures.organizationId] }).onDelete('cascade'),
    check('cost_lines_amount_or_unit_price', sql`(${t.amount} is not null) <> (${t.quantity} is not null and ${t.unitPrice} is not null)`),
    check('cost_lines_quantity_pair', sql`(${t.quantity} is null) = (${t.unitPrice} is null)`),
    check('cost_lines_saving_sign', sql`${t.saving} = (coalesce(${t.amount}, ${t.unitPrice}) < 0)`),
  ],
);

/** Actual spend (regnskap) per measure, kind and year. */
export const actualSpend = pgTable(
  'actual_spend',
  {
    id: id(),
    // Measure, revision and organization are one key into measures (migration 0017).
    organizationId: uuid('organization_id').notNull(),
    revisionId: uuid('revision_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    kind: text('kind', { enum: ['invest', 'drift'] }).notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('actual_spend_measure_kind_year').on(t.measureId, t.kind, t.year), index('actual_spend_revision').on(t.revisionId)],
);

/** Publication of an adopted revision on the public innsyn page. Deleting the row unpublishes. */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'cascade' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  // One published revision per organization: innsyn shows one plan (migration 0023).
  (t) => [uniqueIndex('publications_revision').on(t.revisionId), uniqueIndex('publications_one_per_org').on(t.organizationId), index('publications_org').on(t.organizationId, t.publishedAt)],
);

// ---------------------------------------------------------------------------------------------
// System portfolio and support model. Row-level security in migration 0008_portfolio_security.

/** Reference catalogue of national shared components (ID-porten, Altinn, …), synced at start. */
export const nationalComponents = pgTable('national_components', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  provider: text('provider').notNull(),
  description: text('description').notNull(),
});

/** Person register per organization (system owners, super users, support contacts). */
export const persons = pgTable(
  'persons',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    title: text('title'),
    unit: text('unit'),
    email: text('email'),
    phone: text('phone'),
    publicContact: boolean('public_contact').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('persons_org_name').on(t.organizationId, t.name)],
);

/** Leverandør: program vendor and/or operator, with its support contact. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    organizationNumber: text('organization_number'),
    supportPhone: text('support_phone'),
    supportEmail: text('support_email'),
    supportUrl: text('support_url'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('suppliers_org_name').on(t.organizationId, t.name), uniqueIndex('suppliers_org_name_unique').on(t.organizationId, sql`lower(${t.name})`)],
);

export const systems = pgTable(
  'systems',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    vendorId: uuid('vendor_id').references(() => suppliers.id, { onDelete: 'set null' }),
    operatorId: uuid('operator_id').references(() => suppliers.id, { onDelete: 'set null' }),
    hosting: text('hosting', { enum: ['own_server_room', 'other_municipality', 'iks', 'asp', 'saas'] }),
    serverLocation: text('server_location'),
    database: text('database'),
    users: integer('users'),
    units: text('units'),
    cooperationId: uuid('cooperation_id').references(() => cooperations.id, { onDelete: 'set null' }),
    lifecycle: text('lifecycle', { enum: ['planned', 'introducing', 'in_operation', 'phasing_out', 'retired'] }).notNull().default('in_operation'),
    introducedYear: integer('introduced_year'),
    plannedEnd: date('planned_end', { mode: 'string' }),
    replacedById: uuid('replaced_by_id'),
    criticality: text('criticality', { enum: ['round_the_clock', 'office_hours'] }),
    personalData: boolean('personal_data').notNull().default(false),
    specialCategoryData: boolean('special_category_data').notNull().default(false),
    lastReviewedAt: date('last_reviewed_at', { mode: 'string' }),
    /** Derived: the member organizations of the system's shares, kept by triggers for row-level security (migration 0018). Never written by the app. */
    sharedWith: uuid('shared_with').array().notNull().default(sql`'{}'`),
    /** The list's sort key, generated by PostgreSQL from the name (migration 0021). */
    nameKey: text('name_key').generatedAlwaysAs(sql`lower(name)`),
    /** Derived: the quality check's role kinds the system has (any organization), kept by triggers on system_roles (migration 0019). Never written by the app. */
    qualityRoles: text('quality_roles').array().notNull().default(sql`'{}'`),
    /** Derived: type, start and end of the contracts of the system's own organization, kept by triggers on contracts (migration 0019). Never written by the app. */
    qualityContracts: jsonb('quality_contracts').notNull().default(sql`'[]'`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('systems_org_name').on(t.organizationId, t.name, t.id),
    index('systems_org_name_key').on(t.organizationId, t.nameKey, t.id),
    uniqueIndex('systems_org_name_unique').on(t.organizationId, sql`lower(${t.name})`),
    index('systems_shared_with').using('gin', t.sharedWith),
  ],
);

/**
 * A role on a system. `organization_id` is the organization the role serves (the owner, or a
 * member of a shared system: each owner municipality has its own superbruker); `system_org_id`
 * repeats the system's owner so row-level security needs no join. Held by a person or a supplier.
 */
export const systemRoles = pgTable(
  'system_roles',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    systemOrgId: uuid('system_org_id').notNull().references(() => organizations.id),
    systemId: uuid('system_id').notNull().references(() => systems.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['system_owner', 'system_manager', 'super_user', 'support_first_line', 'support_second_line'] }).notNull(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'cascade' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    // Covers the quality check's role kinds (index-only scan); also serves lookups by system.
    index('system_roles_system_role').on(t.systemId, t.role),
    index('system_roles_org').on(t.organizationId),
    // Row-level security on persons looks roles up by the system's owner (see migration 0009).
    index('system_roles_system_org').on(t.systemOrgId),
    check('system_roles_one_holder', sql`(${t.personId} is null) <> (${t.supplierId} is null)`),
  ],
);

/** A system shared by its owner (organization_id) with a member organization, with the member's use. */
export const systemShares = pgTable(
  'system_shares',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    systemId: uuid('system_id').notNull().references(() => systems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => organizations.id),
    users: integer('users'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('system_shares_pair').on(t.systemId, t.memberId), index('system_shares_member_host').on(t.memberId, t.organizationId) /* INCLUDE (system_id), migration 0018 */],
);

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    systemId: uuid('system_id').references(() => systems.id, { onDelete: 'set null' }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    type: text('type', { enum: ['ssa_d', 'ssa_v', 'ssa_b', 'ssa_l', 'ssa_k', 'dpa', 'other'] }).notNull(),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    noticeMonths: integer('notice_months'),
    yearlyCost: bigint('yearly_cost', { mode: 'number' }),
    licenceCount: integer('licence_count'),
    note: text('note'),
    documentUrl: text('document_url'),
    caseNumber: text('case_number'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // contracts_system_facts also INCLUDEs (organization_id, type, start_date, end_date): migration 0016.
  (t) => [index('contracts_org_end').on(t.organizationId, t.endDate), index('contracts_system_facts').on(t.systemId)],
);

export const integrations = pgTable(
  'integrations',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    fromSystemId: uuid('from_system_id').notNull().references(() => systems.id, { onDelete: 'cascade' }),
    toSystemId: uuid('to_system_id').references(() => systems.id, { onDelete: 'cascade' }),
    toComponentId: uuid('to_component_id').references(() => nationalComponents.id),
    direction: text('direction', { enum: ['one_way', 'two_way'] }).notNull().default('one_way'),
    data: text('data'),
    standard: text('standard', { enum: ['noark5', 'gi_fiks_arkiv', 'svarut', 'rest', 'file', 'manual', 'other'] }).notNull(),
    status: text('status', { enum: ['planned', 'active', 'retired'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('integrations_org').on(t.organizationId),
    index('integrations_from').on(t.fromSystemId),
    index('integrations_to').on(t.toSystemId),
    check('integrations_one_target', sql`(${t.toSystemId} is null) <> (${t.toComponentId} is null)`),
  ],
);
