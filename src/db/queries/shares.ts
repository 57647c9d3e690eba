/**
 * Sharing rules outside the system list: names for the refusal messages, and a member organization
 * ending a share with itself. Who may be shared with is shareCandidates (portfolio.ts); the
 * database holds every share to the same rule (migration 0024).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../database.ts';

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
