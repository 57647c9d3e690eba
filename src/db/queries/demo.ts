/**
 * The look-ups and small writes the demo seed (src/demo) makes to stay idempotent: it creates
 * only what is missing, through these and the other query modules, never through drizzle itself.
 */
import { and, count, eq } from 'drizzle-orm';
import type { OrgKind } from '../../domain/organization.ts';
import type { Db, Tx } from '../database.ts';
import { cooperations, organizations, planPeriods, sites, systemProducts, systems } from '../schema.ts';

export async function organizationIdBySlug(tx: Tx, slug: string): Promise<string | null> {
  const existing = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return existing[0]?.id ?? null;
}

export async function organizationIdByNumber(tx: Tx, kommunenummer: string): Promise<string | null> {
  const byNumber = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.kommunenummer, kommunenummer)).limit(1);
  return byNumber[0]?.id ?? null;
}

/** A bare organization (slug, name, kind, kommunenummer); returns its id. */
export async function insertDemoOrganization(tx: Tx, slug: string, name: string, kind: OrgKind, kommunenummer: string | null): Promise<string> {
  const [row] = await tx.insert(organizations).values({ slug, name, kind, kommunenummer }).returning({ id: organizations.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

export async function countOrganizations(db: Db): Promise<number> {
  const [n] = await db.select({ n: count() }).from(organizations);
  return n?.n ?? 0;
}

export async function hasCooperation(tx: Tx, hostId: string, name: string): Promise<boolean> {
  const existing = await tx
    .select({ id: cooperations.id })
    .from(cooperations)
    .where(and(eq(cooperations.organizationId, hostId), eq(cooperations.name, name)))
    .limit(1);
  return existing[0] !== undefined;
}

/** Every cooperation by name (seeding runs as the owner role, so across organizations). */
export async function cooperationIdsByName(tx: Tx): Promise<Map<string, string>> {
  const coops = await tx.select({ id: cooperations.id, name: cooperations.name }).from(cooperations);
  return new Map(coops.map((c) => [c.name, c.id]));
}

export async function countSites(tx: Tx, organizationId: string): Promise<number> {
  const [n] = await tx.select({ n: count() }).from(sites).where(eq(sites.organizationId, organizationId));
  return n?.n ?? 0;
}

export async function hasPlanPeriod(tx: Tx, organizationId: string): Promise<boolean> {
  const existing = await tx.select({ id: planPeriods.id }).from(planPeriods).where(eq(planPeriods.organizationId, organizationId)).limit(1);
  return existing[0] !== undefined;
}

export async function hasSystems(tx: Tx, organizationId: string): Promise<boolean> {
  const [n] = await tx.select({ n: count() }).from(systems).where(eq(systems.organizationId, organizationId));
  return (n?.n ?? 0) > 0;
}

export async function systemIdsByName(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Marks every system of the organization as reviewed on `date` (the data-quality demo). */
export async function setSystemsReviewed(tx: Tx, organizationId: string, date: string): Promise<void> {
  await tx.update(systems).set({ lastReviewedAt: date }).where(eq(systems.organizationId, organizationId));
}

export async function systemVersion(tx: Tx, systemId: string): Promise<number | null> {
  const [current] = await tx.select({ version: systems.version }).from(systems).where(eq(systems.id, systemId));
  return current?.version ?? null;
}

/** Whether any of the organization's systems names a catalogue product (the follow-up demo). */
export async function hasSystemProducts(tx: Tx, organizationId: string): Promise<boolean> {
  const [n] = await tx.select({ n: count() }).from(systemProducts).where(eq(systemProducts.organizationId, organizationId));
  return (n?.n ?? 0) > 0;
}
