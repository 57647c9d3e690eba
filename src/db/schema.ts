/**
 * Table definitions (drizzle). Every domain table carries `organization_id`; row-level security
 * policies (migration 0001) make PostgreSQL itself refuse rows of other organizations.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
  },
  (t) => [index('audit_log_org_id').on(t.organizationId, t.id)],
);
