/** National (and own) strategy goals and the shared catalogue synced at start. */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { goals, nationalGoals } from '../schema.ts';
import type { NationalGoal } from '../../domain/plan.ts';
import { NATIONAL_CATALOGUE, CATALOGUE_VERSION } from '../../domain/national-goals.ts';

function presentNational(r: typeof nationalGoals.$inferSelect): NationalGoal {
  return { id: r.id, organizationId: r.organizationId, framework: r.framework, code: r.code, title: r.title, validFrom: r.validFrom, validTo: r.validTo, current: r.current };
}

export async function listNationalGoals(tx: Tx, organizationId: string): Promise<NationalGoal[]> {
  const rows = await tx
    .select()
    .from(nationalGoals)
    .where(or(isNull(nationalGoals.organizationId), eq(nationalGoals.organizationId, organizationId)))
    .orderBy(sql`${nationalGoals.organizationId} nulls first`, asc(nationalGoals.framework), asc(nationalGoals.code));
  return rows.map(presentNational);
}

export async function insertNationalGoal(tx: Tx, organizationId: string, input: { framework: string; code: string; title: string; validFrom?: number | null | undefined; validTo?: number | null | undefined; current: boolean }): Promise<NationalGoal> {
  const [row] = await tx
    .insert(nationalGoals)
    .values({ organizationId, framework: input.framework, code: input.code, title: input.title, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null, current: input.current })
    .returning();
  if (!row) throw new Error('insert national_goals returned no row');
  return presentNational(row);
}

export async function usableNationalGoalIds(tx: Tx, organizationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: nationalGoals.id })
    .from(nationalGoals)
    .where(and(inArray(nationalGoals.id, [...ids]), or(isNull(nationalGoals.organizationId), eq(nationalGoals.organizationId, organizationId))));
  return new Set(rows.map((r) => r.id));
}

/** Upserts the shared catalogue (runs at start; a no-op when the version is current). */
export async function syncNationalCatalogue(tx: Tx): Promise<void> {
  const [have] = await tx
    .select({ v: sql<number | null>`min(${nationalGoals.catalogueVersion})` })
    .from(nationalGoals)
    .where(isNull(nationalGoals.organizationId));
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(nationalGoals).where(isNull(nationalGoals.organizationId));
  if (Number(have?.v ?? 0) === CATALOGUE_VERSION && Number(count?.n ?? 0) === NATIONAL_CATALOGUE.length) return;
  for (const e of NATIONAL_CATALOGUE) {
    const existing = await tx
      .select({ id: nationalGoals.id })
      .from(nationalGoals)
      .where(and(isNull(nationalGoals.organizationId), eq(nationalGoals.framework, e.framework), eq(nationalGoals.code, e.code)))
      .limit(1);
    const values = { title: e.title, validFrom: e.validFrom, validTo: e.validTo, current: e.current, catalogueVersion: CATALOGUE_VERSION };
    if (existing[0]) await tx.update(nationalGoals).set(values).where(eq(nationalGoals.id, existing[0].id));
    else await tx.insert(nationalGoals).values({ ...values, organizationId: null, framework: e.framework, code: e.code });
  }
}
