import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { organizationOwners, organizations } from '../schema.ts';
import type { CreateOrganization, Organization, OrganizationDetail } from '../../domain/organization.ts';
import type { StaffAccess } from '../../domain/roles.ts';

type Row = typeof organizations.$inferSelect;

export function presentOrganization(r: Row): Organization {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    kommunenummer: r.kommunenummer,
    language: r.language,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findOrganization(tx: Tx, id: string): Promise<Organization | null> {
  const rows = await tx.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return rows[0] ? presentOrganization(rows[0]) : null;
}

export async function findOrganizationBySlugOrNumber(tx: Tx, key: string): Promise<Organization | null> {
  const rows = await tx
    .select()
    .from(organizations)
    .where(/^\d{4}$/.test(key) ? eq(organizations.kommunenummer, key) : eq(organizations.slug, key))
    .limit(1);
  return rows[0] ? presentOrganization(rows[0]) : null;
}

export async function organizationDetail(tx: Tx, id: string): Promise<OrganizationDetail | null> {
  const org = await findOrganization(tx, id);
  if (!org) return null;
  const owners = await tx
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      kommunenummer: organizations.kommunenummer,
      staffAccess: organizationOwners.staffAccess,
    })
    .from(organizationOwners)
    .innerJoin(organizations, eq(organizations.id, organizationOwners.ownerId))
    .where(eq(organizationOwners.organizationId, id))
    .orderBy(asc(organizations.kommunenummer), asc(organizations.name));
  const ownedBy = await tx
    .select({ organizationId: organizations.id, name: organizations.name })
    .from(organizationOwners)
    .innerJoin(organizations, eq(organizations.id, organizationOwners.organizationId))
    .where(eq(organizationOwners.ownerId, id))
    .orderBy(asc(organizations.name));
  return { ...org, owners, ownedBy };
}

export async function listDirectory(tx: Tx): Promise<Array<Pick<Organization, 'id' | 'name' | 'kind' | 'kommunenummer' | 'slug'>>> {
  return tx
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      kind: organizations.kind,
      kommunenummer: organizations.kommunenummer,
    })
    .from(organizations)
    .orderBy(asc(organizations.name));
}

export async function insertOrganization(
  tx: Tx,
  input: Omit<CreateOrganization, 'owners' | 'slug'> & { slug: string },
): Promise<Organization> {
  const [row] = await tx
    .insert(organizations)
    .values({
      name: input.name,
      slug: input.slug,
      kind: input.kind,
      kommunenummer: input.kommunenummer ?? null,
      language: input.language,
    })
    .returning();
  if (!row) throw new Error('insert organizations returned no row');
  return presentOrganization(row);
}

export async function slugTaken(tx: Tx, slug: string): Promise<boolean> {
  const rows = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return rows.length > 0;
}

/** Replaces an IKS's owner list (deletes, updates and inserts only what changed, for a clean audit log). */
export async function setOwners(
  tx: Tx,
  organizationId: string,
  owners: ReadonlyArray<{ organizationId: string; staffAccess: StaffAccess }>,
): Promise<void> {
  const existing = await tx.select().from(organizationOwners).where(eq(organizationOwners.organizationId, organizationId));
  const wanted = new Map(owners.map((o) => [o.organizationId, o.staffAccess]));
  const remove = existing.filter((e) => !wanted.has(e.ownerId)).map((e) => e.id);
  if (remove.length > 0) await tx.delete(organizationOwners).where(inArray(organizationOwners.id, remove));
  for (const e of existing) {
    const access = wanted.get(e.ownerId);
    if (access && access !== e.staffAccess) {
      await tx.update(organizationOwners).set({ staffAccess: access }).where(eq(organizationOwners.id, e.id));
    }
  }
  const have = new Set(existing.map((e) => e.ownerId));
  const add = owners.filter((o) => !have.has(o.organizationId));
  if (add.length > 0) {
    await tx
      .insert(organizationOwners)
      .values(add.map((o) => ({ organizationId, ownerId: o.organizationId, staffAccess: o.staffAccess })));
  }
}

export async function updateOrganization(
  tx: Tx,
  id: string,
  expectedVersion: number,
  patch: { name?: string | undefined; language?: 'nb' | 'nn' | undefined },
): Promise<Organization | null> {
  const [row] = await tx
    .update(organizations)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      version: sql`${organizations.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(organizations.id, id), eq(organizations.version, expectedVersion)))
    .returning();
  return row ? presentOrganization(row) : null;
}

export async function existingIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}
