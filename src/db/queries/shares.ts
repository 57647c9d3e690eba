/**
 * Sharing rules outside the system list: names for the refusal messages, and a member organization
 * ending a share with itself. Who may be shared with is shareCandidates (below); the
 * database holds every share to the same rule (migration 0024).
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { systems, systemShares } from '../schema.ts';
import { uuids } from './common.ts';
import type { SetShares } from '../../domain/portfolio.ts';

/** Names of organizations by id (any signed-in user may read names, as in the directory). */
export async function organizationNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from organizations where id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The member organization ends the share of another organization's system with itself; its own
 * roles on the system go with it (as when the owner ends the share). False when the version is
 * stale or there is no such share.
 */
export async function leaveShare(tx: Tx, memberId: string, systemId: string, version: number): Promise<boolean> {
  const gone = await queryRows<{ id: string }>(
    tx,
    sql`delete from system_shares where system_id = ${systemId} and member_id = ${memberId} and version = ${version} returning id`,
  );
  if (gone.length !== 1) return false;
  await tx.execute(sql`delete from system_roles where system_id = ${systemId} and organization_id = ${memberId}`);
  return true;
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
