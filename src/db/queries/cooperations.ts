import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../database.ts';
import { cooperationMembers, cooperations, organizations } from '../schema.ts';
import type { Cooperation, CreateCooperation, UpdateCooperation } from '../../domain/cooperation.ts';

const host = alias(organizations, 'host');

/** Cooperations the organization hosts or is a member of, with members, in two queries. */
export async function listCooperations(tx: Tx, organizationId: string, onlyId?: string): Promise<Cooperation[]> {
  const memberOf = tx
    .select({ id: cooperationMembers.cooperationId })
    .from(cooperationMembers)
    .where(eq(cooperationMembers.memberId, organizationId));
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
    .select({ cooperationId: cooperationMembers.cooperationId, organizationId: organizations.id, name: organizations.name })
    .from(cooperationMembers)
    .innerJoin(organizations, eq(organizations.id, cooperationMembers.memberId))
    .where(inArray(cooperationMembers.cooperationId, rows.map((r) => r.id)))
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({
    ...r,
    members: members.filter((m) => m.cooperationId === r.id).map((m) => ({ organizationId: m.organizationId, name: m.name })),
  }));
}

async function setMembers(tx: Tx, hostId: string, cooperationId: string, memberIds: readonly string[]): Promise<void> {
  const existing = await tx.select().from(cooperationMembers).where(eq(cooperationMembers.cooperationId, cooperationId));
  const wanted = new Set(memberIds);
  const remove = existing.filter((e) => !wanted.has(e.memberId)).map((e) => e.id);
  if (remove.length > 0) await tx.delete(cooperationMembers).where(inArray(cooperationMembers.id, remove));
  const have = new Set(existing.map((e) => e.memberId));
  const add = [...wanted].filter((id) => !have.has(id));
  if (add.length > 0) {
    await tx.insert(cooperationMembers).values(add.map((memberId) => ({ organizationId: hostId, cooperationId, memberId })));
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
