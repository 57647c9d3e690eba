import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { sites } from '../schema.ts';
import type { CreateSite, Site, UpdateSite } from '../../domain/site.ts';

const columns = {
  id: sites.id,
  organizationId: sites.organizationId,
  name: sites.name,
  users: sites.users,
  capacityMbps: sites.capacityMbps,
  lineType: sites.lineType,
  ownership: sites.ownership,
  provider: sites.provider,
  note: sites.note,
  version: sites.version,
};

export async function listSites(tx: Tx, organizationId: string, page?: { limit: number; offset: number }): Promise<Site[]> {
  const q = tx.select(columns).from(sites).where(eq(sites.organizationId, organizationId)).orderBy(asc(sites.name), asc(sites.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

export async function findSite(tx: Tx, organizationId: string, id: string): Promise<Site | null> {
  const rows = await tx
    .select(columns)
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), eq(sites.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

function values(input: Partial<CreateSite>) {
  const out: Partial<typeof sites.$inferInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.users !== undefined) out.users = input.users;
  if (input.capacityMbps !== undefined) out.capacityMbps = input.capacityMbps;
  if (input.lineType !== undefined) out.lineType = input.lineType;
  if (input.ownership !== undefined) out.ownership = input.ownership;
  if (input.provider !== undefined) out.provider = input.provider;
  if (input.note !== undefined) out.note = input.note;
  return out;
}

export async function insertSites(tx: Tx, organizationId: string, inputs: readonly CreateSite[]): Promise<Site[]> {
  if (inputs.length === 0) return [];
  return tx
    .insert(sites)
    .values(inputs.map((input) => ({ ...values(input), name: input.name, organizationId })))
    .returning(columns);
}

export async function updateSite(tx: Tx, organizationId: string, id: string, input: UpdateSite): Promise<Site | null> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(sites)
    .set({ ...values(rest), version: sql`${sites.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(sites.organizationId, organizationId), eq(sites.id, id), eq(sites.version, version)))
    .returning(columns);
  return rows[0] ?? null;
}

export async function deleteSite(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(sites)
    .where(and(eq(sites.organizationId, organizationId), eq(sites.id, id), eq(sites.version, version)))
    .returning({ id: sites.id });
  return rows.length === 1;
}
