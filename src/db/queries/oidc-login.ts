/**
 * Sign-in through an identity provider, in system transactions: just-in-time users, memberships
 * from the token's role mapping, OIDC sessions, linking a local account, refusals in the audit log.
 *
 * Memberships a provider granted carry its id (memberships.identity_provider_id). Each sign-in
 * through the provider replaces exactly those: a role no longer mapped is removed, a changed one
 * updated. Memberships granted by hand (identity_provider_id NULL) are never changed by a sign-in,
 * and where one exists the provider adds none of its own for that organization.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { auditLog, memberships, sessions, userIdentities, users } from '../schema.ts';
import type { Role } from '../../domain/roles.ts';
import type { User } from '../../domain/user.ts';
import { tokenHash } from './identity.ts';

export interface OidcIdentity {
  readonly providerId: string;
  readonly organizationIds: readonly string[];
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly displayName: string;
}

export type OidcSignIn = { kind: 'ok'; user: User } | { kind: 'refused'; reason: 'noRole' | 'disabled' };

function presentUser(row: typeof users.$inferSelect): User {
  return { id: row.id, username: row.username, displayName: row.displayName, email: row.email, systemAdmin: row.systemAdmin };
}

async function findIdentityUser(tx: Tx, issuer: string, subject: string): Promise<(typeof users.$inferSelect) | null> {
  const rows = await tx
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  return rows[0]?.user ?? null;
}

/** A free username from the e-mail address (or the subject): never an existing account's. */
async function freeUsername(tx: Tx, identity: OidcIdentity): Promise<string> {
  const base = (identity.email ?? `${identity.subject}@${new URL(identity.issuer).host}`).toLowerCase().replace(/[^a-z0-9._@-]/g, '-').slice(0, 90);
  for (let i = 0; i < 5; i++) {
    const candidate = i === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, candidate)).limit(1);
    if (taken.length === 0) return candidate;
  }
  return `${base}-${randomBytes(8).toString('hex')}`;
}

/** Replaces the provider's memberships of the user by `roles` (see the module comment). */
async function syncMemberships(tx: Tx, userId: string, providerId: string, roles: ReadonlyMap<string, Role>): Promise<void> {
  const existing = await tx
    .select({ id: memberships.id, organizationId: memberships.organizationId, role: memberships.role, providerId: memberships.identityProviderId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const byOrg = new Map(existing.map((m) => [m.organizationId, m]));
  const gone = existing.filter((m) => m.providerId === providerId && !roles.has(m.organizationId)).map((m) => m.id);
  if (gone.length > 0) await tx.delete(memberships).where(inArray(memberships.id, gone));
  for (const [organizationId, role] of roles) {
    const m = byOrg.get(organizationId);
    if (!m) {
      await tx.insert(memberships).values({ organizationId, userId, role, identityProviderId: providerId });
    } else if (m.providerId === providerId && m.role !== role) {
      await tx
        .update(memberships)
        .set({ role, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
        .where(eq(memberships.id, m.id));
    }
  }
}

async function hasMembershipIn(tx: Tx, userId: string, organizationIds: readonly string[]): Promise<boolean> {
  if (organizationIds.length === 0) return false;
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.organizationId, [...organizationIds])))
    .limit(1);
  return rows.length > 0;
}

/**
 * The user behind the identity, created on first sign-in when a role is mapped, with the
 * provider's memberships replaced from `roles`. Refused when, afterwards, the user has no role in
 * any organization the provider serves (the removals stand: a refused user keeps no mapped role).
 */
export async function signInWithIdentity(tx: Tx, identity: OidcIdentity, roles: ReadonlyMap<string, Role>): Promise<OidcSignIn> {
  let row = await findIdentityUser(tx, identity.issuer, identity.subject);
  if (!row) {
    if (roles.size === 0) return { kind: 'refused', reason: 'noRole' };
    const username = await freeUsername(tx, identity);
    const [created] = await tx.insert(users).values({ username, displayName: identity.displayName, email: identity.email }).returning();
    if (!created) throw new Error('insert users returned no row');
    await tx.insert(userIdentities).values({ userId: created.id, issuer: identity.issuer, subject: identity.subject });
    row = created;
  }
  if (row.disabled) return { kind: 'refused', reason: 'disabled' };
  await syncMemberships(tx, row.id, identity.providerId, roles);
  if (!row.systemAdmin && !(await hasMembershipIn(tx, row.id, identity.organizationIds))) return { kind: 'refused', reason: 'noRole' };
  await tx
    .update(userIdentities)
    .set({ lastLoginAt: sql`now()` })
    .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
  return { kind: 'ok', user: presentUser(row) };
}

export async function createOidcSession(
  tx: Tx,
  input: { userId: string; providerId: string; sid: string | null; hours: number },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.hours * 3600_000).toISOString();
  await tx.insert(sessions).values({ id: tokenHash(token), userId: input.userId, csrfToken, expiresAt, identityProviderId: input.providerId, oidcSid: input.sid });
  return { token, csrfToken };
}

/** The provider a session was opened through, for RP-initiated logout. */
export async function sessionProvider(tx: Tx, sessionId: string): Promise<string | null> {
  const rows = await tx.select({ p: sessions.identityProviderId }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return rows[0]?.p ?? null;
}

/** Back-channel logout: ends the sessions of the provider's session `sid`, or all of the subject's. */
export async function endProviderSessions(tx: Tx, providerId: string, issuer: string, by: { sid?: string | undefined; subject?: string | undefined }): Promise<number> {
  if (by.sid) {
    const rows = await tx.delete(sessions).where(and(eq(sessions.identityProviderId, providerId), eq(sessions.oidcSid, by.sid))).returning({ id: sessions.id });
    return rows.length;
  }
  if (!by.subject) return 0;
  const user = await findIdentityUser(tx, issuer, by.subject);
  if (!user) return 0;
  const rows = await tx.delete(sessions).where(and(eq(sessions.identityProviderId, providerId), eq(sessions.userId, user.id))).returning({ id: sessions.id });
  return rows.length;
}

/** Links an identity to a user. False when the identity already belongs to another user. */
export async function linkIdentity(tx: Tx, userId: string, issuer: string, subject: string): Promise<boolean> {
  const owner = await findIdentityUser(tx, issuer, subject);
  if (owner) return owner.id === userId;
  await tx.insert(userIdentities).values({ userId, issuer, subject });
  return true;
}

/** A refused sign-in in the audit log of each organization the provider serves: who, why, never a token. */
export async function logRefusal(tx: Tx, providerId: string, organizationIds: readonly string[], details: Record<string, string | null>): Promise<void> {
  const targets = organizationIds.length > 0 ? organizationIds : [null];
  await tx.insert(auditLog).values(
    targets.map((organizationId) => ({ organizationId, actorId: null, action: 'insert' as const, tableName: 'sign_in_refusals', recordId: providerId, before: null, after: details })),
  );
}

/** Local memberships (not from any provider) of the user, for the link step's checks. */
export async function localMembershipCount(tx: Tx, userId: string): Promise<number> {
  const rows = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), isNull(memberships.identityProviderId)));
  return rows.length;
}
