/** Parameters and helpers the portfolio's route modules share (routes don't import other routes). */
import { z } from 'zod';
import type { Tx } from '../db/tx.ts';
import { findSystem } from '../db/queries/systems.ts';
import { uuid, version } from '../domain/organization.ts';
import type { SystemDetail } from '../domain/portfolio.ts';
import type { FieldError } from '../domain/validation.ts';
import { invalid, notFound, staleVersion } from './problem.ts';

/** The path prefix of an organization's records. */
export const base = '/api/v1/organizations/:orgId';
export const SystemParams = z.object({ orgId: uuid, systemId: uuid });
export const VersionQuery = z.object({ version: z.coerce.number().pipe(version) });

export function throwIf(errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(errors);
}

/** The system as the organization sees it, or 404. */
export async function systemOrThrow(tx: Tx, orgId: string, systemId: string, today: string): Promise<SystemDetail> {
  const system = await findSystem(tx, orgId, systemId, today);
  if (!system) throw notFound('Systemet');
  return system;
}

/** A failed versioned write: 409 when the record exists (stale version), else 404. */
export async function staleOrMissing(exists: Promise<boolean>, what: string): Promise<never> {
  if (await exists) throw staleVersion(what);
  throw notFound(what);
}
