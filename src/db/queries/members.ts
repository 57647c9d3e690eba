import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { memberships, users } from '../schema.ts';
import type { Member } from '../../domain/user.ts';
import type { Role } from '../../domain/roles.ts';

const columns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: memberships.role,
  version: memberships.version,
};

export async function listMembers(tx: Tx, organizationId: string): Promise<Member[]> {
  return tx
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.displayName));
}

export async function findMember(tx: Tx, organizationId: string, userId: string): Promise<Member | null> {
  const rows = await tx
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMembership(tx: Tx, organizationId: string, userId: string, role: Role): Promise<void> {
  await tx.insert(memberships).values({ organizationId, userId, role });
}

export async function updateMembershipRole(
  tx: Tx,
  organizationId: string,
  userId: string,
  expectedVersion: number,
  role: Role,
): Promise<boolean> {
  const rows = await tx
    .update(memberships)
    .set({ role, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), eq(memberships.version, expectedVersion)))
    .returning({ id: memberships.id });
  return rows.length === 1;
}

export async function deleteMembership(tx: Tx, organizationId: string, userId: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), eq(memberships.version, expectedVersion)))
    .returning({ id: memberships.id });
  return rows.length === 1;
}

export async function countAdmins(tx: Tx, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'admin')));
  return rows.length;
}
