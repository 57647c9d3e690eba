/** Organizations, their IKS owners, cooperations (samarbeid) and sites. */
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COST_KEYS, MEMBER_STATES } from '../../domain/cooperation.ts';
import { LANGUAGES, ORG_KINDS } from '../../domain/organization.ts';
import { STAFF_ACCESS } from '../../domain/roles.ts';
import { LINE_TYPES, OWNERSHIPS } from '../../domain/site.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ORG_KINDS }).notNull(),
  kommunenummer: text('kommunenummer').unique(),
  language: text('language', { enum: LANGUAGES }).notNull().default('nb'),
  /** Passwords off: the organization's users sign in through an identity provider only (0031). */
  passwordsOff: boolean('passwords_off').notNull().default(false),
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
    staffAccess: text('staff_access', { enum: STAFF_ACCESS }).notNull().default('reader'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organization_owners_pair').on(t.organizationId, t.ownerId), index('organization_owners_owner').on(t.ownerId)],
);

/** Samarbeid: owned by the host organization (vertskommune). */
export const cooperations = pgTable(
  'cooperations',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    costKey: text('cost_key', { enum: COST_KEYS }).notNull(),
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
    state: text('state', { enum: MEMBER_STATES }).notNull().default('invited'),
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
    lineType: text('line_type', { enum: LINE_TYPES }),
    ownership: text('ownership', { enum: OWNERSHIPS }),
    provider: text('provider'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sites_org_name').on(t.organizationId, t.name)],
);
