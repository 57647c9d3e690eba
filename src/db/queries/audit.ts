import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { auditLog, users } from '../schema.ts';
import type { AuditEntry } from '../../domain/audit.ts';

export async function listAudit(tx: Tx, organizationId: string, limit: number, before?: string): Promise<AuditEntry[]> {
  const rows = await tx
    .select({
      id: sql<string>`${auditLog.id}::text`,
      at: auditLog.at,
      actorId: users.id,
      actorName: users.displayName,
      action: auditLog.action,
      tableName: auditLog.tableName,
      recordId: auditLog.recordId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.organizationId, organizationId), before ? lt(auditLog.id, sql`${before}::bigint`) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actorId && r.actorName ? { id: r.actorId, displayName: r.actorName } : null,
    action: r.action,
    tableName: r.tableName,
    recordId: r.recordId,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}
