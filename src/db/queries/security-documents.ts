/** Security documents (policies and plans with review intervals): one statement per read or write. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { persons, securityDocuments } from '../schema.ts';
import type { CreateSecurityDocument, StoredSecurityDocument, UpdateSecurityDocument } from '../../domain/security-documents.ts';

const columns = {
  id: securityDocuments.id,
  organizationId: securityDocuments.organizationId,
  title: securityDocuments.title,
  kind: securityDocuments.kind,
  ownerId: securityDocuments.ownerId,
  ownerName: persons.name,
  adoptedDate: securityDocuments.adoptedDate,
  reviewMonths: securityDocuments.reviewMonths,
  link: securityDocuments.link,
  reference: securityDocuments.reference,
  note: securityDocuments.note,
  version: securityDocuments.version,
};

function select(tx: Tx) {
  return tx.select(columns).from(securityDocuments).leftJoin(persons, eq(persons.id, securityDocuments.ownerId));
}

export async function listSecurityDocuments(tx: Tx, organizationId: string): Promise<StoredSecurityDocument[]> {
  return select(tx).where(eq(securityDocuments.organizationId, organizationId)).orderBy(asc(securityDocuments.title), asc(securityDocuments.id));
}

export async function findSecurityDocument(tx: Tx, organizationId: string, id: string): Promise<StoredSecurityDocument | null> {
  const [row] = await select(tx).where(and(eq(securityDocuments.organizationId, organizationId), eq(securityDocuments.id, id))).limit(1);
  return row ?? null;
}

function values(input: Partial<CreateSecurityDocument>) {
  const out: Partial<typeof securityDocuments.$inferInsert> = {};
  for (const key of ['title', 'kind', 'ownerId', 'adoptedDate', 'reviewMonths', 'link', 'reference', 'note'] as const) {
    if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key];
  }
  return out;
}

export async function insertSecurityDocument(tx: Tx, organizationId: string, input: CreateSecurityDocument): Promise<string> {
  const [row] = await tx
    .insert(securityDocuments)
    .values({ ...values(input), organizationId, title: input.title, kind: input.kind })
    .returning({ id: securityDocuments.id });
  if (!row) throw new Error('insert security_documents returned no row');
  return row.id;
}

export async function updateSecurityDocument(tx: Tx, organizationId: string, id: string, input: UpdateSecurityDocument): Promise<boolean> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(securityDocuments)
    .set({ ...values(rest), version: sql`${securityDocuments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(securityDocuments.organizationId, organizationId), eq(securityDocuments.id, id), eq(securityDocuments.version, version)))
    .returning({ id: securityDocuments.id });
  return rows.length === 1;
}

export async function deleteSecurityDocument(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(securityDocuments)
    .where(and(eq(securityDocuments.organizationId, organizationId), eq(securityDocuments.id, id), eq(securityDocuments.version, version)))
    .returning({ id: securityDocuments.id });
  return rows.length === 1;
}
