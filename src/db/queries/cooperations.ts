import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '../database.ts';
import { cooperationMembers, cooperations, organizations } from '../schema.ts';
import type { Cooperation, CooperationInvitation, CreateCooperation, UpdateCooperation } from '../../domain/cooperation.ts';

const host = alias(organizations, 'host');

/**
 * Cooperations the organization hosts or is an accepted member of, with every member and its
 * state, in two queries. An invitation is not a membership: it is listed by listInvitations.
 */
export async function listCooperations(tx: Tx, organizationId: string, onlyId?: string): Promise<Cooperation[]> {
  const memberOf = tx
    .select({ id: cooperationMembers.cooperationId })
    .from(cooperationMembers)
    .where(and(eq(cooperationMembers.memberId, organizationId), eq(cooperationMembers.state, 'accepted')));
  const rows = await tx
    .select({
      id: cooperations.id,
      organizationId: cooperations.organizationId,
      hostName: host.name,
      name: cooperations.name,
      description: cooperations.description,
      costKey: cooperations.costKey,
      version: cooperations.version,
    })
    .from(cooperations)
    .innerJoin(host, eq(host.id, cooperations.organizationId))
    .where(
      and(
        or(eq(cooperations.organizationId, organizationId), inArray(cooperations.id, memberOf)),
        onlyId ? eq(cooperations.id, onlyId) : undefined,
      ),
    )
    .orderBy(asc(cooperations.name));
  if (rows.length === 0) return [];
  const members = await tx
    .select({ cooperationId: cooperationMembers.cooperationId, organizationId: organizations.id, name: organizations.name, state: cooperationMembers.state })
    .from(cooperationMembers)
    .innerJoin(organizations, eq(organizations.id, cooperationMembers.memberId))
    .where(inArray(cooperationMembers.cooperationId, rows.map((r) => r.id)))
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({
    ...r,
    members: members.filter((m) => m.cooperationId === r.id).map((m) => ({ organizationId: m.organizationId, name: m.name, state: m.state })),
  }));
}

/**
 * Sets the member list: the host stays an accepted member whatever the list says; an organization
 * added to the list is invited; one taken off it is removed (its shares that rested on the
 * cooperation go with it, migration 0024). An organization that declined stays declined while it
 * is on the list, so the host cannot invite it again and again.
 */
async function setMembers(tx: Tx, hostId: string, cooperationId: string, memberIds: readonly string[]): Promise<void> {
  const existing = await tx.select().from(cooperationMembers).where(eq(cooperationMembers.cooperationId, cooperationId));
  const wanted = new Set(memberIds);
  wanted.add(hostId);
  const remove = existing.filter((e) => !wanted.has(e.memberId)).map((e) => e.id);
  if (remove.length > 0) await tx.delete(cooperationMembers).where(inArray(cooperationMembers.id, remove));
  const have = new Set(existing.map((e) => e.memberId));
  const add = [...wanted].filter((id) => !have.has(id));
  if (add.length > 0) {
    await tx
      .insert(cooperationMembers)
      .values(add.map((memberId) => ({ organizationId: hostId, cooperationId, memberId, state: memberId === hostId ? ('accepted' as const) : ('invited' as const) })));
  }
}

export async function insertCooperation(tx: Tx, hostId: string, input: CreateCooperation): Promise<string> {
  const [row] = await tx
    .insert(cooperations)
    .values({ organizationId: hostId, name: input.name, description: input.description ?? null, costKey: input.costKey })
    .returning({ id: cooperations.id });
  if (!row) throw new Error('insert cooperations returned no row');
  await setMembers(tx, hostId, row.id, input.memberIds);
  return row.id;
}

export async function updateCooperation(tx: Tx, hostId: string, id: string, input: UpdateCooperation): Promise<boolean> {
  const rows = await tx
    .update(cooperations)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.costKey !== undefined ? { costKey: input.costKey } : {}),
      version: sql`${cooperations.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(cooperations.organizationId, hostId), eq(cooperations.id, id), eq(cooperations.version, input.version)))
    .returning({ id: cooperations.id });
  if (rows.length !== 1) return false;
  if (input.memberIds !== undefined) await setMembers(tx, hostId, id, input.memberIds);
  return true;
}

export async function deleteCooperation(tx: Tx, hostId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(cooperations)
    .where(and(eq(cooperations.organizationId, hostId), eq(cooperations.id, id), eq(cooperations.version, version)))
    .returning({ id: cooperations.id });
  return rows.length === 1;
}

/** The open invitations of the organization (for its administrators; migration 0024's function checks that). */
export async function listInvitations(tx: Tx, organizationId: string): Promise<CooperationInvitation[]> {
  const rows = await queryRows<{ cooperationId: string; name: string; hostId: string; hostName: string; invitedAt: string | Date }>(
    tx,
    sql`select cooperation_id as "cooperationId", name, host_id as "hostId", host_name as "hostName", invited_at as "invitedAt"
        from veikart_cooperation_invitations(${organizationId}::uuid)`,
  );
  return rows.map((r) => ({ ...r, invitedAt: r.invitedAt instanceof Date ? r.invitedAt.toISOString() : String(r.invitedAt) }));
}

/** Accepts or declines the organization's invitation; false when there is no open invitation. */
export async function respondToInvitation(tx: Tx, memberId: string, cooperationId: string, answer: 'accepted' | 'declined'): Promise<boolean> {
  const rows = await tx
    .update(cooperationMembers)
    .set({ state: answer, respondedAt: sql`now()` })
    .where(and(eq(cooperationMembers.cooperationId, cooperationId), eq(cooperationMembers.memberId, memberId), eq(cooperationMembers.state, 'invited')))
    .returning({ id: cooperationMembers.id });
  return rows.length === 1;
}

/**
 * The organization leaves a cooperation it is an accepted member of (not its own: the host deletes
 * it instead). The shares that rested on the membership go with it (migration 0024). False when
 * there is no such membership.
 */
export async function leaveCooperation(tx: Tx, memberId: string, cooperationId: string): Promise<boolean> {
  const rows = await tx
    .delete(cooperationMembers)
    .where(
      and(
        eq(cooperationMembers.cooperationId, cooperationId),
        eq(cooperationMembers.memberId, memberId),
        eq(cooperationMembers.state, 'accepted'),
        sql`${cooperationMembers.memberId} <> ${cooperationMembers.organizationId}`,
      ),
    )
    .returning({ id: cooperationMembers.id });
  return rows.length === 1;
}

/** The membership row of the organization in a cooperation, as far as row-level security shows it. */
export async function membershipState(tx: Tx, memberId: string, cooperationId: string): Promise<{ state: string; host: boolean } | null> {
  const [row] = await tx
    .select({ state: cooperationMembers.state, host: sql<boolean>`${cooperationMembers.memberId} = ${cooperationMembers.organizationId}` })
    .from(cooperationMembers)
    .where(and(eq(cooperationMembers.cooperationId, cooperationId), eq(cooperationMembers.memberId, memberId)))
    .limit(1);
  return row ?? null;
}

/**
 * Accepts every open invitation of a cooperation, as the invited organizations would: for the demo
 * seed and test fixtures, which run as the system (never from a user's request).
 */
export async function acceptAllInvitations(tx: Tx, cooperationId: string): Promise<void> {
  await tx
    .update(cooperationMembers)
    .set({ state: 'accepted', respondedAt: sql`now()` })
    .where(and(eq(cooperationMembers.cooperationId, cooperationId), eq(cooperationMembers.state, 'invited')));
}
