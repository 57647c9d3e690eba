import { z } from 'zod';

export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  tableName: z.string(),
  recordId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
