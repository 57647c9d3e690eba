/** Request context: who is asking, and the one-transaction-per-action helper with access checks. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withActor, type Db, type Driver, type Tx } from '../db/database.ts';
import { roleOfRank } from '../db/queries/access.ts';
import type { SessionRecord } from '../db/queries/identity.ts';
import { can, type Action, type Role } from '../domain/roles.ts';
import { forbidden, notFound, unauthorized } from './problem.ts';

export interface AppContext {
  readonly db: Db;
  readonly driver: Driver;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: SessionRecord | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export function requireAuth(request: FastifyRequest): SessionRecord {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

export interface OrgScope {
  readonly tx: Tx;
  readonly role: Role | null;
  readonly auth: SessionRecord;
}

/**
 * Runs `fn` in one transaction as the signed-in user (row-level security on), after checking that
 * the user may do `action` in the organization. No role there → 404, too weak a role → 403.
 */
export async function inOrg<T>(request: FastifyRequest, organizationId: string, action: Action, fn: (scope: OrgScope) => Promise<T>): Promise<T> {
  const auth = requireAuth(request);
  return withActor(request.server.ctx.db, auth.user.id, async (tx, rank) => {
    const role = roleOfRank(rank);
    if (role === null && !auth.user.systemAdmin) throw notFound('Organisasjonen');
    if (!can({ systemAdmin: auth.user.systemAdmin, role }, action)) throw forbidden();
    return fn({ tx, role, auth });
  }, organizationId);
}

/** Runs `fn` in one transaction as the signed-in user, for actions not tied to one organization. */
export async function asUser<T>(request: FastifyRequest, fn: (tx: Tx, auth: SessionRecord) => Promise<T>): Promise<T> {
  const auth = requireAuth(request);
  return withActor(request.server.ctx.db, auth.user.id, (tx) => fn(tx, auth));
}

export function created<T>(reply: FastifyReply, data: T): { data: T } {
  reply.code(201);
  return { data };
}
