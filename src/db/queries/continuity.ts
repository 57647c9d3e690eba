/** Continuity per system (one row per system, migration 0028). */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../tx.ts';
import { systemContinuity, systems } from '../schema.ts';
import { emptyContinuity, type SaveContinuity, type StoredContinuity } from '../../domain/continuity.ts';

const columns = {
  systemId: systemContinuity.systemId,
  backupLocation: systemContinuity.backupLocation,
  backupFrequency: systemContinuity.backupFrequency,
  restoreTested: systemContinuity.restoreTested,
  rtoHours: systemContinuity.rtoHours,
  rpoHours: systemContinuity.rpoHours,
  fallbackSite: systemContinuity.fallbackSite,
  version: systemContinuity.version,
};

/** The system's record (empty, version 0, when none is kept yet). */
export async function findContinuity(tx: Tx, systemId: string): Promise<StoredContinuity> {
  const [row] = await tx.select(columns).from(systemContinuity).where(eq(systemContinuity.systemId, systemId)).limit(1);
  return row ?? emptyContinuity(systemId);
}

/** Is the system the organization's own (not one shared with it)? */
export async function ownSystem(tx: Tx, organizationId: string, systemId: string): Promise<boolean> {
  const rows = await tx.select({ id: systems.id }).from(systems).where(and(eq(systems.organizationId, organizationId), eq(systems.id, systemId))).limit(1);
  return rows.length === 1;
}

/** Inserts (version 0) or updates (at `version`) the record. False: stale. */
export async function saveContinuity(tx: Tx, organizationId: string, systemId: string, input: SaveContinuity): Promise<boolean> {
  const { version, ...rest } = input;
  const fields = {
    backupLocation: rest.backupLocation ?? null,
    backupFrequency: rest.backupFrequency ?? null,
    restoreTested: rest.restoreTested ?? null,
    rtoHours: rest.rtoHours ?? null,
    rpoHours: rest.rpoHours ?? null,
    fallbackSite: rest.fallbackSite ?? null,
  };
  if (version === 0) {
    const rows = await tx.insert(systemContinuity).values({ ...fields, organizationId, systemId }).onConflictDoNothing().returning({ id: systemContinuity.id });
    return rows.length === 1;
  }
  const rows = await tx
    .update(systemContinuity)
    .set({ ...fields, version: sql`${systemContinuity.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(systemContinuity.organizationId, organizationId), eq(systemContinuity.systemId, systemId), eq(systemContinuity.version, version)))
    .returning({ id: systemContinuity.id });
  return rows.length === 1;
}
