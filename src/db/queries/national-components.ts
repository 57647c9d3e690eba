/** The national shared components (reference data shared by every organization, not any one's). */
import { asc, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { nationalComponents } from '../schema.ts';
import { NATIONAL_COMPONENTS } from '../../domain/national-components.ts';
import type { NationalComponent } from '../../domain/portfolio.ts';

export async function syncNationalComponents(tx: Tx): Promise<void> {
  await tx
    .insert(nationalComponents)
    .values(NATIONAL_COMPONENTS.map((c) => ({ ...c })))
    .onConflictDoUpdate({
      target: nationalComponents.code,
      set: { name: sql`excluded.name`, provider: sql`excluded.provider`, description: sql`excluded.description` },
      setWhere: sql`(${nationalComponents.name}, ${nationalComponents.provider}, ${nationalComponents.description}) is distinct from (excluded.name, excluded.provider, excluded.description)`,
    });
}

export async function listNationalComponents(tx: Tx): Promise<NationalComponent[]> {
  return tx
    .select({ id: nationalComponents.id, code: nationalComponents.code, name: nationalComponents.name, provider: nationalComponents.provider, description: nationalComponents.description })
    .from(nationalComponents)
    .orderBy(asc(nationalComponents.name));
}

