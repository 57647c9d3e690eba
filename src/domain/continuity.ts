/**
 * Continuity of one system (kontinuitet): where and how often it is backed up, when a restore was
 * last tested, recovery time and point objectives (RTO/RPO, hours) and whether a fallback site
 * exists. One record per system, kept by the system's organization.
 */
import { z } from 'zod';
import { LIMITS, version } from './organization.ts';
import { dateSchema, optionalText } from './validation.ts';
import { message } from './messages.ts';

const hours = z.int({ error: message('wholeHours') }).min(0, { error: 'kan ikke være negativ' }).max(100_000, { error: 'kan være høyst 100 000 timer' });

export const ContinuitySchema = z.object({
  systemId: z.uuid(),
  backupLocation: z.string().nullable(),
  backupFrequency: z.string().nullable(),
  restoreTested: z.string().nullable(),
  rtoHours: z.int().nullable(),
  rpoHours: z.int().nullable(),
  fallbackSite: z.boolean().nullable(),
  /** 0 when nothing is recorded yet. */
  version: z.int(),
  /** The restore test is older than a year, or missing while a backup is recorded. */
  restoreOverdue: z.boolean(),
});
export type Continuity = z.infer<typeof ContinuitySchema>;
export type StoredContinuity = Omit<Continuity, 'restoreOverdue'>;

export const SaveContinuitySchema = z.object({
  /** The version read (0 for a system with no record yet). */
  version: z.union([z.literal(0), version]),
  backupLocation: optionalText(LIMITS.name),
  backupFrequency: optionalText(LIMITS.name),
  restoreTested: dateSchema.nullish(),
  rtoHours: hours.nullish(),
  rpoHours: hours.nullish(),
  fallbackSite: z.boolean().nullish(),
});
export type SaveContinuity = z.infer<typeof SaveContinuitySchema>;

export function emptyContinuity(systemId: string): StoredContinuity {
  return { systemId, backupLocation: null, backupFrequency: null, restoreTested: null, rtoHours: null, rpoHours: null, fallbackSite: null, version: 0 };
}

/** A restore should be tested at least once a year. */
export function continuityView(c: StoredContinuity, today: string): Continuity {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const backedUp = c.backupLocation !== null || c.backupFrequency !== null;
  const restoreOverdue = c.restoreTested !== null ? c.restoreTested < yearAgo : backedUp;
  return { ...c, restoreOverdue };
}
