/** Request context: who is asking, and the one-transaction-per-action helper with access checks. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryRows, readWithSession, withActor, withSession, type Db, type Driver, type SessionActor, type SQL, type Tx } from '../db/database.ts';
import { roleOfRank } from '../db/queries/access.ts';
import { findSession, tokenHash, type SessionRecord } from '../db/queries/identity.ts';
import { can, type Action, type Role } from '../domain/roles.ts';
import { forbidden, notFound, unauthorized } from './problem.ts';

export interface AppContext {
  readonly db: Db;
  readonly driver: Driver;
  /** Today's date (YYYY-MM-DD) for date rules: renewal alerts, data quality, review dates. */
  readonly today: () => string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session; for reads filled by the request's first transaction (see registerSessionHooks). */
    auth: SessionRecord | null;
    /** The session cookie's token, if any. */
    sessionToken: string | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** The session of a request whose session has been looked up (changes always are; reads by `authenticate`). */
export function requireAuth(request: FastifyRequest): SessionRecord {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** The signed-in user of any request, looking the session up if that has not happened yet. */
export async function authenticate(request: FastifyRequest): Promise<SessionRecord> {
  if (!request.auth && request.sessionToken) request.auth = await findSession(request.server.ctx.db, request.sessionToken);
  return requireAuth(request);
}

export interface OrgScope {
  readonly tx: Tx;
  readonly role: Role | null;
  readonly auth: SessionRecord;
}

/**
 * One transaction as the signed-in user, with the user's rank in `organizationId` (when given).
 * A read request's session is looked up by the transaction's first statement.
 */
async function asActor<T>(request: FastifyRequest, organizationId: string | null, fn: (tx: Tx, auth: SessionRecord, rank: number | null) => Promise<T>): Promise<T> {
  const db = request.server.ctx.db;
  const known = request.auth;
  if (known) return withActor(db, known.user.id, (tx, rank) => fn(tx, known, rank), organizationId ?? undefined);
  const token = request.sessionToken;
  if (!token) throw unauthorized();
  return withSession(db, tokenHash(token), organizationId, (tx, session) => {
    if (!session) throw unauthorized();
    const auth = sessionRecord(session);
    request.auth = auth;
    return fn(tx, auth, session.rank);
  });
}

function sessionRecord(s: SessionActor): SessionRecord {
  return {
    id: s.sessionId,
    csrfToken: s.csrfToken,
    user: { id: s.userId, username: s.username, displayName: s.displayName, email: s.email, systemAdmin: s.systemAdmin },
  };
}

/**
 * Runs `fn` in one transaction as the signed-in user (row-level security on), after checking that
 * the user may do `action` in the organization. No role there → 404, too weak a role → 403.
 */
export async function inOrg<T>(request: FastifyRequest, organizationId: string, action: Action, fn: (scope: OrgScope) => Promise<T>): Promise<T> {
  return asActor(request, organizationId, async (tx, auth, rank) => {
    const role = checkAccess(auth, rank, action);
    return fn({ tx, role, auth });
  });
}

/**
 * inOrg for a read of one statement. When the request's session has not been looked up yet (a GET),
 * the lookup and the statement go in one round trip on PostgreSQL (readWithSession); the rows are
 * returned only after the same checks as inOrg.
 */
export async function readInOrg<R>(request: FastifyRequest, organizationId: string, action: Action, query: SQL): Promise<R[]> {
  const token = request.sessionToken;
  if (request.auth || !token) return inOrg(request, organizationId, action, ({ tx }) => queryRows<R>(tx, query));
  const { session, rows } = await readWithSession<R>(request.server.ctx.db, tokenHash(token), organizationId, query);
  if (!session) throw unauthorized();
  const auth = sessionRecord(session);
  request.auth = auth;
  checkAccess(auth, session.rank, action);
  return rows;
}

function checkAccess(auth: SessionRecord, rank: number | null, action: Action): Role | null {
  const role = roleOfRank(rank);
  if (role === null && !auth.user.systemAdmin) throw notFound('Organisasjonen');
  if (!can({ systemAdmin: auth.user.systemAdmin, role }, action)) throw forbidden();
  return role;
}

/** Runs `fn` in one transaction as the signed-in user, for actions not tied to one organization. */
export async function asUser<T>(request: FastifyRequest, fn: (tx: Tx, auth: SessionRecord) => Promise<T>): Promise<T> {
  return asActor(request, null, (tx, auth) => fn(tx, auth));
}

export function created<T>(reply: FastifyReply, data: T): { data: T } {
  reply.code(201);
  return { data };
}
