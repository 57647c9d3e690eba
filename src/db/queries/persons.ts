/** Persons of an organization (role holders on systems). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { persons } from '../schema.ts';
import { definedOnly } from './common.ts';
import type { CreatePerson, Person, UpdatePerson } from '../../domain/portfolio.ts';

const personColumns = {
  id: persons.id,
  organizationId: persons.organizationId,
  name: persons.name,
  title: persons.title,
  unit: persons.unit,
  email: persons.email,
  phone: persons.phone,
  publicContact: persons.publicContact,
  version: persons.version,
};

export async function listPersons(tx: Tx, organizationId: string): Promise<Person[]> {
  return tx.select(personColumns).from(persons).where(eq(persons.organizationId, organizationId)).orderBy(asc(persons.name), asc(persons.id));
}

export async function findPerson(tx: Tx, organizationId: string, id: string): Promise<Person | null> {
  const [row] = await tx.select(personColumns).from(persons).where(and(eq(persons.organizationId, organizationId), eq(persons.id, id))).limit(1);
  return row ?? null;
}
export async function insertPersons(tx: Tx, organizationId: string, inputs: readonly CreatePerson[]): Promise<Person[]> {
  if (inputs.length === 0) return [];
  return tx
    .insert(persons)
    .values(inputs.map((p) => ({ ...definedOnly(p), name: p.name, organizationId })))
    .returning(personColumns);
}

export async function updatePerson(tx: Tx, organizationId: string, id: string, input: UpdatePerson): Promise<Person | null> {
  const { version, ...rest } = input;
  const [row] = await tx
    .update(persons)
    .set({ ...definedOnly(rest), version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(persons.organizationId, organizationId), eq(persons.id, id), eq(persons.version, version)))
    .returning(personColumns);
  return row ?? null;
}

export async function deletePerson(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx
    .delete(persons)
    .where(and(eq(persons.organizationId, organizationId), eq(persons.id, id), eq(persons.version, version)))
    .returning({ id: persons.id });
  return rows.length === 1;
}

