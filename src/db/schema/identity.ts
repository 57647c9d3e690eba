/** Users, their login identities, memberships, sessions and login attempts. */
import { bigserial, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/roles.ts';
import { LANGUAGES } from '../../domain/organization.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organizations } from './organizations.ts';

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  systemAdmin: boolean('system_admin').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  /** The user's own interface language; null follows the organization's (migration 0032). */
  language: text('language', { enum: LANGUAGES }),
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
    role: text('role', { enum: ROLES }).notNull(),
    /** Granted by this identity provider's role mapping (replaced at each sign-in); NULL = by hand. */
    identityProviderId: uuid('identity_provider_id'),
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
    /** Opened through this identity provider (OIDC), with the provider's session id (`sid`). */
    identityProviderId: uuid('identity_provider_id'),
    oidcSid: text('oidc_sid'),
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
