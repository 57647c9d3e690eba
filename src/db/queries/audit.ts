import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { AUDIT_ROOTS, auditTablesOf, type AuditAction, type AuditRow } from '../../domain/audit.ts';
import { queryRows } from '../tx.ts';

export interface AuditFilter {
  /** Root object type (table name): the rows of it and of its child tables. */
  readonly type?: string | undefined;
  readonly actorId?: string | undefined;
  /** Inclusive dates (YYYY-MM-DD), Oslo time. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only rows with a lower id (paging back). */
  readonly before?: string | undefined;
}

/** Root tables and the column holding their name. */
const ROOT_NAME_COLUMNS: Readonly<Record<string, string>> = {
  measures: 'title',
  goals: 'text',
  systems: 'name',
  cooperations: 'name',
  users: 'display_name',
};

/** For a child row (a cost line), the root object's (the measure's) current name, read in the same statement. */
function rootNameSql(): SQL {
  const cases = Object.entries(AUDIT_ROOTS).map(([child, root]) => {
    const column = ROOT_NAME_COLUMNS[root.table];
    if (!column) return sql``;
    return sql` WHEN ${child} THEN (SELECT r.${sql.raw(column)} FROM ${sql.raw(root.table)} r WHERE r.id::text = coalesce(a.after, a.before) ->> ${root.key})`;
  });
  return sql`CASE a.table_name${sql.join(cases)} ELSE NULL END`;
}

function conditions(organizationId: string, f: AuditFilter): SQL {
  const parts: SQL[] = [sql`a.organization_id = ${organizationId}`];
  if (f.before) parts.push(sql`a.id < ${f.before}::bigint`);
  if (f.type) parts.push(sql`a.table_name = ANY(${`{${auditTablesOf(f.type).join(',')}}`}::text[])`);
  if (f.actorId) parts.push(sql`a.actor_id = ${f.actorId}::uuid`);
  if (f.from) parts.push(sql`a.at >= (${f.from}::date)::timestamp AT TIME ZONE 'Europe/Oslo'`);
  if (f.to) parts.push(sql`a.at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'`);
  return sql.join(parts, sql` AND `);
}

interface RawRow {
  id: string;
  at: string | Date;
  txid: string | null;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  tableName: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  rootName: string | null;
}

/**
 * The audit rows of the newest `transactions` saves (transaction + actor) that match the filter,
 * all rows of each, newest first. One statement: the saves are picked in a CTE.
 */
export async function listAuditRows(tx: Tx, organizationId: string, transactions: number, filter: AuditFilter): Promise<AuditRow[]> {
  const where = conditions(organizationId, filter);
  const rows = await queryRows<RawRow>(
    tx,
    sql`WITH saves AS (
          SELECT coalesce(a.txid::text, a.at::text) AS k, a.actor_id, max(a.id) AS last_id
          FROM audit_log a WHERE ${where}
          GROUP BY 1, 2 ORDER BY last_id DESC LIMIT ${transactions}
        )
        SELECT a.id::text AS id, a.at, a.txid::text AS txid, a.actor_id AS "actorId", u.display_name AS "actorName",
               a.action, a.table_name AS "tableName", a.record_id AS "recordId", a.before, a.after,
               ${rootNameSql()} AS "rootName"
        FROM audit_log a
        JOIN saves s ON s.k = coalesce(a.txid::text, a.at::text) AND s.actor_id IS NOT DISTINCT FROM a.actor_id
        LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where}
        ORDER BY a.id DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    txid: r.txid,
    actor: r.actorId && r.actorName ? { id: r.actorId, displayName: r.actorName } : null,
    action: r.action,
    tableName: r.tableName,
    recordId: r.recordId,
    before: r.before ?? null,
    after: r.after ?? null,
    rootName: r.rootName,
  }));
}

/** The people who appear in the organization's log (for the user filter). */
export async function listAuditActors(tx: Tx, organizationId: string): Promise<{ id: string; displayName: string }[]> {
  return queryRows<{ id: string; displayName: string }>(
    tx,
    sql`SELECT u.id, u.display_name AS "displayName" FROM users u
        WHERE u.id IN (SELECT DISTINCT actor_id FROM audit_log WHERE organization_id = ${organizationId} AND actor_id IS NOT NULL)
        ORDER BY u.display_name`,
  );
}
