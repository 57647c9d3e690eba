/** Suppliers of an organization (vendors, operators, contract parties). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { suppliers } from '../schema.ts';
import { definedOnly } from './common.ts';
import type { CreateSupplier, Supplier, UpdateSupplier } from '../../domain/portfolio.ts';

const supplierColumns = {
  id: suppliers.id,
  organizationId: suppliers.organizationId,
  name: suppliers.name,
  organizationNumber: suppliers.organizationNumber,
  supportPhone: suppliers.supportPhone,
  supportEmail: suppliers.supportEmail,
  supportUrl: suppliers.supportUrl,
  note: suppliers.note,
  version: suppliers.version,
};

export async function listSuppliers(tx: Tx, organizationId: string): Promise<Supplier[]> {
  return tx.select(supplierColumns).from(suppliers).where(eq(suppliers.organizationId, organizationId)).orderBy(asc(suppliers.name), asc(suppliers.id));
}

export async function findSupplier(tx: Tx, organizationId: string, id: string): Promise<Supplier | null> {
  const [row] = await tx.select(supplierColumns).from(suppliers).where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id))).limit(1);
  return row ?? null;
}

export async function insertSuppliers(tx: Tx, organizationId: string, inputs: readonly CreateSupplier[]): Promise<Supplier[]> {
  if (inputs.length === 0) return [];
  return tx
    .insert(suppliers)
    .values(inputs.map((s) => ({ ...definedOnly(s), name: s.name, organizationId })))
    .returning(supplierColumns);
}

export async function updateSupplier(tx: Tx, organizationId: string, id: string, input: UpdateSupplier): Promise<Supplier | null> {
  const { version, ...rest } = input;
  const [row] = await tx
    .update(suppliers)
    .set({ ...definedOnly(rest), version: sql`${suppliers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id), eq(suppliers.version, version)))
    .returning(supplierColumns);
  return row ?? null;
}

export async function deleteSupplier(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(suppliers)
    .where(and(eq(suppliers.organizationId, organizationId), eq(suppliers.id, id), eq(suppliers.version, version)))
    .returning({ id: suppliers.id });
  return rows.length === 1;
}

