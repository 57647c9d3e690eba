/** Contracts of an organization, each optionally on a system and with a supplier. */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { contracts } from '../schema.ts';
import { definedOnly } from './common.ts';
import type { Contract, CreateContract, UpdateContract } from '../../domain/portfolio.ts';

export const contractSelect = sql`select k.id, k.organization_id as "organizationId", k.system_id as "systemId", s.name as "systemName",
    k.supplier_id as "supplierId", sp.name as "supplierName", k.type, k.title, k.start_date::text as "startDate", k.end_date::text as "endDate",
    k.notice_months as "noticeMonths", k.yearly_cost as "yearlyCost", k.licence_count as "licenceCount", k.note,
    k.document_url as "documentUrl", k.case_number as "caseNumber", s.lifecycle as "systemLifecycle", k.version
  from contracts k
  left join systems s on s.id = k.system_id
  left join suppliers sp on sp.id = k.supplier_id`;

export type ContractRow = Omit<Contract, 'yearlyCost'> & { yearlyCost: number | string | null };
export const contractOf = (r: ContractRow): Contract => ({ ...r, yearlyCost: r.yearlyCost === null ? null : Number(r.yearlyCost) });

export async function listContracts(tx: Tx, organizationId: string, id?: string): Promise<Contract[]> {
  const rows = await queryRows<ContractRow>(
    tx,
    sql`${contractSelect} where k.organization_id = ${organizationId} ${id ? sql`and k.id = ${id}` : sql``} order by k.end_date nulls last, lower(k.title), k.id`,
  );
  return rows.map(contractOf);
}

export async function insertContracts(tx: Tx, organizationId: string, inputs: readonly CreateContract[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(contracts)
    .values(inputs.map((c) => ({ ...(definedOnly(c) as Partial<typeof contracts.$inferInsert>), type: c.type, title: c.title, organizationId })))
    .returning({ id: contracts.id });
  return rows.map((r) => r.id);
}

export async function updateContract(tx: Tx, organizationId: string, id: string, input: UpdateContract): Promise<boolean> {
  const { version, ...rest } = input;
  const rows = await tx
    .update(contracts)
    .set({ ...(definedOnly(rest) as Partial<typeof contracts.$inferInsert>), version: sql`${contracts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contracts.organizationId, organizationId), eq(contracts.id, id), eq(contracts.version, version)))
    .returning({ id: contracts.id });
  return rows.length === 1;
}

export async function deleteContract(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(contracts)
    .where(and(eq(contracts.organizationId, organizationId), eq(contracts.id, id), eq(contracts.version, version)))
    .returning({ id: contracts.id });
  return rows.length === 1;
}
