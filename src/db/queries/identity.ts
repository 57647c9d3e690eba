/** Users, local identities, sessions and login attempts. Runs in system transactions (no RLS). */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../database.ts';
import { loginAttempts, sessions, userIdentities, users } from '../schema.ts';
import type { User } from '../../domain/user.ts';
import type { Language } from '../../domain/organization.ts';

export const LOCAL_ISSUER = 'local';
export const SESSION_HOURS = 12;

export interface LocalIdentity {
  readonly user: User & { disabled: boolean };
  readonly passwordHash: string | null;
}

function presentUser(row: typeof users.$inferSelect): User {
  return { id: row.id, username: row.username, displayName: row.displayName, email: row.email, systemAdmin: row.systemAdmin };
}

export async function findLocalIdentity(tx: Tx, username: string): Promise<LocalIdentity | null> {
  const rows = await tx
    .select({ user: users, passwordHash: userIdentities.passwordHash })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, LOCAL_ISSUER), eq(userIdentities.subject, username)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { user: { ...presentUser(row.user), disabled: row.user.disabled }, passwordHash: row.passwordHash };
}

export async function findUserByUsername(tx: Tx, username: string): Promise<User | null> {
  const rows = await tx.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ? presentUser(rows[0]) : null;
}

export async function createLocalUser(
  tx: Tx,
  input: { username: string; displayName: string; email?: string | null; passwordHash: string; systemAdmin?: boolean },
): Promise<User> {
  const [row] = await tx
    .insert(users)
    .values({ username: input.username, displayName: input.displayName, email: input.email ?? null, systemAdmin: input.systemAdmin ?? false })
    .returning();
  if (!row) throw new Error('insert users returned no row');
  await tx.insert(userIdentities).values({ userId: row.id, issuer: LOCAL_ISSUER, subject: input.username, passwordHash: input.passwordHash });
  return presentUser(row);
}

export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx
    .update(userIdentities)
    .set({ passwordHash })
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, LOCAL_ISSUER)));
}

export async function passwordHashOf(tx: Tx, userId: string): Promise<string | null> {
  const rows = await tx
    .select({ h: userIdentities.passwordHash })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, LOCAL_ISSUER)))
    .limit(1);
  return rows[0]?.h ?? null;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(tx: Tx, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await tx.insert(sessions).values({ id: tokenHash(token), userId, csrfToken, expiresAt });
  await tx
    .update(userIdentities)
    .set({ lastLoginAt: sql`now()` })
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, LOCAL_ISSUER)));
  return { token, csrfToken, expiresAt };
}

export interface SessionRecord {
  readonly id: string;
  readonly csrfToken: string;
  readonly user: User;
}

/** One statement, no transaction needed: it runs before every API request. */
export async function findSession(tx: Tx | Db, token: string): Promise<SessionRecord | null> {
  const rows = await tx
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, tokenHash(token)), gt(sessions.expiresAt, sql`now()`), eq(users.disabled, false)))
    .limit(1);
  const row = rows[0];
  return row ? { id: row.id, csrfToken: row.csrfToken, user: presentUser(row.user) } : null;
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessions(tx: Tx, userId: string, keepId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`));
}

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/** First key of the advisory locks that keep one account's (and one address's) login attempts in turn. */
const LOGIN_LOCK_CLASS = 74_612_359;

export async function recentFailures(tx: Tx, username: string, ip: string): Promise<{ account: number; ip: number }> {
  const since = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const [a] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  const [b] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return { account: a?.n ?? 0, ip: b?.n ?? 0 };
}

/**
 * Counts the recent failures of the account and the address and, when both are under their limits,
 * records this attempt as a failure before the password is checked; a login that succeeds clears it
 * again (recordLoginAttempt). Returns false, recording nothing, when a limit is reached.
 *
 * Atomic across instances and connections: advisory locks on the account and then the address,
 * held until the transaction ends, make the count and the insert of parallel attempts run one after
 * another. Counting first and recording after the (slow) password check let 20 parallel attempts
 * all count below the limit (8 × 401 on PostgreSQL). The locks are taken in the same order by every
 * attempt, so two attempts never wait for each other both ways. Run it in a transaction of its own
 * and commit before checking the password, so the locks are held for milliseconds.
 */
export async function reserveLoginAttempt(tx: Tx, username: string, ip: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}::int, hashtext(${`user:${username}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}::int, hashtext(${`ip:${ip}`}))`);
  const failures = await recentFailures(tx, username, ip);
  if (failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.ip >= MAX_FAILURES_PER_IP) return false;
  await tx.insert(loginAttempts).values({ username, ip, success: false });
  return true;
}

export async function recordLoginAttempt(tx: Tx, username: string, ip: string, success: boolean): Promise<void> {
  await tx.insert(loginAttempts).values({ username, ip, success });
  if (success) {
    // A successful login clears the account's failure count.
    await tx.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, false)));
  }
}

/** The user's own interface language (null: the organization's). */
export async function userLanguage(tx: Tx, userId: string): Promise<Language | null> {
  const [row] = await tx.select({ language: users.language }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.language ?? null;
}

export async function setUserLanguage(tx: Tx, userId: string, language: Language | null): Promise<void> {
  await tx.update(users).set({ language, version: sql`${users.version} + 1`, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
