/** Utstyr: equipment classes and groups (issue 17). Every list is one statement. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { assetClasses, assetGroups, sites, systems } from '../schema.ts';
import type { AssetClass, AssetGroup, CreateAssetClass, CreateAssetGroup, UpdateAssetClass, UpdateAssetGroup } from '../../domain/asset.ts';
import { parseAssetTable, type AssetImport } from '../../domain/asset-import.ts';
import type { ImportProblem } from '../../domain/actionplan-import.ts';

const classColumns = {
  id: assetClasses.id,
  organizationId: assetClasses.organizationId,
  name: assetClasses.name,
  lifetime: assetClasses.lifetime,
  unitPrice: assetClasses.unitPrice,
  quantity: sql<number>`(select coalesce(sum(g.quantity), 0)::int from asset_groups g where g.class_id = "asset_classes"."id")`.mapWith(Number),
  version: assetClasses.version,
};

export async function listAssetClasses(tx: Tx, organizationId: string): Promise<AssetClass[]> {
  return tx.select(classColumns).from(assetClasses).where(eq(assetClasses.organizationId, organizationId)).orderBy(asc(assetClasses.name), asc(assetClasses.id));
}

export async function findAssetClass(tx: Tx, organizationId: string, id: string): Promise<AssetClass | null> {
  const rows = await tx.select(classColumns).from(assetClasses).where(and(eq(assetClasses.organizationId, organizationId), eq(assetClasses.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function findAssetClassByName(tx: Tx, organizationId: string, name: string, exceptId?: string): Promise<AssetClass | null> {
  const rows = await tx
    .select(classColumns)
    .from(assetClasses)
    .where(and(eq(assetClasses.organizationId, organizationId), sql`lower(${assetClasses.name}) = lower(${name})`, exceptId ? sql`${assetClasses.id} <> ${exceptId}` : undefined))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertAssetClasses(tx: Tx, organizationId: string, inputs: readonly CreateAssetClass[]): Promise<Array<{ id: string; name: string }>> {
  if (inputs.length === 0) return [];
  return tx
    .insert(assetClasses)
    .values(inputs.map((c) => ({ organizationId, name: c.name, lifetime: c.lifetime ?? null, unitPrice: c.unitPrice ?? null })))
    .returning({ id: assetClasses.id, name: assetClasses.name });
}

export async function updateAssetClass(tx: Tx, organizationId: string, id: string, input: UpdateAssetClass): Promise<boolean> {
  const rows = await tx
    .update(assetClasses)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.lifetime !== undefined ? { lifetime: input.lifetime } : {}),
      ...(input.unitPrice !== undefined ? { unitPrice: input.unitPrice } : {}),
      version: sql`${assetClasses.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(assetClasses.organizationId, organizationId), eq(assetClasses.id, id), eq(assetClasses.version, input.version)))
    .returning({ id: assetClasses.id });
  return rows.length === 1;
}

export async function deleteAssetClass(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(assetClasses)
    .where(and(eq(assetClasses.organizationId, organizationId), eq(assetClasses.id, id), eq(assetClasses.version, version)))
    .returning({ id: assetClasses.id });
  return rows.length === 1;
}

const groupColumns = {
  id: assetGroups.id,
  organizationId: assetGroups.organizationId,
  classId: assetGroups.classId,
  className: assetClasses.name,
  description: assetGroups.description,
  quantity: assetGroups.quantity,
  purchaseYear: assetGroups.purchaseYear,
  lifetime: assetGroups.lifetime,
  unitPrice: assetGroups.unitPrice,
  siteId: assetGroups.siteId,
  siteName: sites.name,
  systemId: assetGroups.systemId,
  systemName: systems.name,
  note: assetGroups.note,
  version: assetGroups.version,
};

function groupQuery(tx: Tx) {
  return tx
    .select(groupColumns)
    .from(assetGroups)
    .innerJoin(assetClasses, eq(assetClasses.id, assetGroups.classId))
    .leftJoin(sites, eq(sites.id, assetGroups.siteId))
    .leftJoin(systems, eq(systems.id, assetGroups.systemId));
}

/** The organization's groups (optionally of one site), in one statement. */
export async function listAssetGroups(tx: Tx, organizationId: string, filter: { siteId?: string | undefined } = {}): Promise<AssetGroup[]> {
  return groupQuery(tx)
    .where(and(eq(assetGroups.organizationId, organizationId), filter.siteId ? eq(assetGroups.siteId, filter.siteId) : undefined))
    .orderBy(asc(assetClasses.name), asc(assetGroups.purchaseYear), asc(assetGroups.id));
}

export async function findAssetGroup(tx: Tx, organizationId: string, id: string): Promise<AssetGroup | null> {
  const rows = await groupQuery(tx).where(and(eq(assetGroups.organizationId, organizationId), eq(assetGroups.id, id))).limit(1);
  return rows[0] ?? null;
}

function groupValues(input: Partial<CreateAssetGroup>) {
  const out: Partial<typeof assetGroups.$inferInsert> = {};
  if (input.classId !== undefined) out.classId = input.classId;
  if (input.description !== undefined) out.description = input.description;
  if (input.quantity !== undefined) out.quantity = input.quantity;
  if (input.purchaseYear !== undefined) out.purchaseYear = input.purchaseYear;
  if (input.lifetime !== undefined) out.lifetime = input.lifetime;
  if (input.unitPrice !== undefined) out.unitPrice = input.unitPrice;
  if (input.siteId !== undefined) out.siteId = input.siteId;
  if (input.systemId !== undefined) out.systemId = input.systemId;
  if (input.note !== undefined) out.note = input.note;
  return out;
}

export async function insertAssetGroup(tx: Tx, organizationId: string, input: CreateAssetGroup): Promise<string> {
  const [row] = await tx
    .insert(assetGroups)
    .values({ ...groupValues(input), organizationId, classId: input.classId, quantity: input.quantity, purchaseYear: input.purchaseYear })
    .returning({ id: assetGroups.id });
  if (!row) throw new Error('insert asset_groups returned no row');
  return row.id;
}

export async function updateAssetGroup(tx: Tx, organizationId: string, id: string, input: UpdateAssetGroup): Promise<boolean> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(assetGroups)
    .set({ ...groupValues(rest), version: sql`${assetGroups.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(assetGroups.organizationId, organizationId), eq(assetGroups.id, id), eq(assetGroups.version, version)))
    .returning({ id: assetGroups.id });
  return rows.length === 1;
}

export async function deleteAssetGroup(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(assetGroups)
    .where(and(eq(assetGroups.organizationId, organizationId), eq(assetGroups.id, id), eq(assetGroups.version, version)))
    .returning({ id: assetGroups.id });
  return rows.length === 1;
}

/** The organization's own sites and systems by name, for an import to match. */
export async function importNames(tx: Tx, organizationId: string): Promise<{ sites: Array<{ id: string; name: string }>; systems: Array<{ id: string; name: string }> }> {
  const s = await tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.organizationId, organizationId));
  const y = await tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(systems.organizationId, organizationId));
  return { sites: s, systems: y };
}

/** Replaces the organization's groups with an import's (its new classes created first). */
export async function replaceAssetGroups(tx: Tx, organizationId: string, data: AssetImport): Promise<void> {
  await insertAssetClasses(tx, organizationId, data.newClasses);
  const classes = await listAssetClasses(tx, organizationId);
  const byName = new Map(classes.map((c) => [c.name.toLowerCase(), c.id]));
  await tx.delete(assetGroups).where(eq(assetGroups.organizationId, organizationId));
  if (data.groups.length === 0) return;
  const rows = data.groups.map((g) => ({
    organizationId,
    classId: byName.get(g.className.toLowerCase())!,
    description: g.description,
    quantity: g.quantity,
    purchaseYear: g.purchaseYear,
    lifetime: g.lifetime,
    unitPrice: g.unitPrice,
    siteId: g.siteId,
    systemId: g.systemId,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(assetGroups).values(rows.slice(i, i + 1000));
}

export interface AssetImportOutcome {
  dryRun: boolean;
  /** False when the file had problems: then nothing is saved. */
  saved: boolean;
  rows: number;
  classes: number;
  quantity: number;
  newClasses: string[];
  problems: ImportProblem[];
}

/** Reads rows of cells against the organization's classes, sites and systems; saves them (replacing the groups) only when no row has a problem. */
export async function importAssetRows(tx: Tx, organizationId: string, rows: readonly string[][], options: { currentYear: number; dryRun: boolean }): Promise<AssetImportOutcome> {
  const classes = await listAssetClasses(tx, organizationId);
  const names = await importNames(tx, organizationId);
  const parsed = parseAssetTable(rows, { currentYear: options.currentYear, classes, ...names });
  const ok = parsed.problems.length === 0;
  if (ok && !options.dryRun) await replaceAssetGroups(tx, organizationId, parsed);
  return {
    dryRun: options.dryRun,
    saved: ok && !options.dryRun,
    rows: parsed.rows,
    classes: parsed.classes,
    quantity: parsed.quantity,
    newClasses: parsed.newClasses.map((c) => c.name),
    problems: parsed.problems,
  };
}

/** Whether the site and the system (when given) are the organization's own. */
export async function ownReferences(tx: Tx, organizationId: string, ids: { siteId?: string | null | undefined; systemId?: string | null | undefined }): Promise<{ site: boolean; system: boolean }> {
  const site = ids.siteId ? (await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.organizationId, organizationId), eq(sites.id, ids.siteId))).limit(1)).length === 1 : true;
  const system = ids.systemId ? (await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, ids.systemId))).limit(1)).length === 1 : true;
  return { site, system };
}
