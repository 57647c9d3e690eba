/**
 * The audit log as a reader sees it: the rows one save writes (a measure and its money lines, a
 * system and its roles) are grouped into one entry named after the object, with the list of the
 * fields that changed. Pure functions over the raw audit rows.
 */
import { z } from 'zod';

export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One row of audit_log as the database gives it (plus the root object's name, joined). */
export interface AuditRow {
  readonly id: string;
  readonly at: string;
  readonly txid: string | null;
  readonly actor: { id: string; displayName: string } | null;
  readonly action: AuditAction;
  readonly tableName: string;
  readonly recordId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  /** The name of the root object read by the query (for child rows whose own JSON has no name). */
  readonly rootName: string | null;
}

/** Child tables belong to a root object: their rows are shown as part of the root's entry. */
export const AUDIT_ROOTS: Readonly<Record<string, { table: string; key: string }>> = {
  cost_lines: { table: 'measures', key: 'measure_id' },
  actual_spend: { table: 'measures', key: 'measure_id' },
  measure_goals: { table: 'measures', key: 'measure_id' },
  goal_national_links: { table: 'goals', key: 'goal_id' },
  system_roles: { table: 'systems', key: 'system_id' },
  system_shares: { table: 'systems', key: 'system_id' },
  cooperation_members: { table: 'cooperations', key: 'cooperation_id' },
  user_identities: { table: 'users', key: 'user_id' },
};

/** The tables whose rows belong to entries of the given object type (the type itself and its children). */
export function auditTablesOf(type: string): string[] {
  return [type, ...Object.entries(AUDIT_ROOTS).filter(([, r]) => r.table === type).map(([child]) => child)];
}

/** Bookkeeping columns that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'created_at', 'updated_at', 'password_hash', 'name_key', 'lineage_id']);
/** Ids are left out: `*_id` columns hold UUIDs that mean nothing to a reader. */
const isHidden = (field: string): boolean => HIDDEN_FIELDS.has(field) || /_id$/.test(field) || /Id$/.test(field);
const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export const AuditFieldSchema = z.object({
  /** The table the field belongs to (the root's own table or a child such as cost_lines). */
  tableName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** camelCase field name. */
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditField = z.infer<typeof AuditFieldSchema>;

export const AuditEntrySchema = z.object({
  /** The lowest audit row id of the entry: `before=<id>` pages further back. */
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** insert/delete when the root object itself was created/deleted, else update. */
  action: z.enum(AUDIT_ACTIONS),
  /** The root object's table and id. */
  tableName: z.string(),
  recordId: z.string(),
  /** The root object's name, or null when it cannot be found (deleted and not in the entry). */
  name: z.string().nullable(),
  /** Number of audit rows grouped in the entry. */
  rows: z.int(),
  fields: z.array(AuditFieldSchema),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

function nameIn(json: Record<string, unknown> | null): string | null {
  if (!json) return null;
  for (const key of ['name', 'title', 'display_name', 'displayName', 'username', 'text']) {
    const v = json[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

function rootOf(row: AuditRow): { table: string; id: string } {
  const root = AUDIT_ROOTS[row.tableName];
  if (!root) return { table: row.tableName, id: row.recordId };
  const key = (row.after ?? row.before)?.[root.key];
  return typeof key === 'string' ? { table: root.table, id: key } : { table: row.tableName, id: row.recordId };
}

/** The fields an audit row changed (all visible fields for insert and delete). */
export function changedFields(row: Pick<AuditRow, 'action' | 'tableName' | 'before' | 'after'>): AuditField[] {
  const before = row.before ?? {};
  const after = row.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !isHidden(k));
  return keys
    .filter((k) => row.action !== 'update' || JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ tableName: row.tableName, action: row.action, field: camel(k), before: before[k] ?? null, after: after[k] ?? null }));
}

/**
 * Groups audit rows (newest first) into entries: one per (transaction, actor, root object). Rows
 * without a transaction id (written before migration 0025) fall back to their timestamp, which is
 * the transaction's start time. Entries come newest first.
 */
export function groupAudit(rows: readonly AuditRow[]): AuditEntry[] {
  const groups = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const root = rootOf(row);
    const key = [row.txid ?? `at:${row.at}`, row.actor?.id ?? '', root.table, root.id].join('|');
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const entries: AuditEntry[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => compareIds(a.id, b.id));
    const first = sorted[0]!;
    const root = rootOf(first);
    const own = sorted.filter((r) => r.tableName === root.table && r.recordId === root.id);
    const action: AuditAction = own.some((r) => r.action === 'insert')
      ? 'insert'
      : own.some((r) => r.action === 'delete')
        ? 'delete'
        : 'update';
    const name =
      own.map((r) => nameIn(r.after) ?? nameIn(r.before)).find((n) => n !== null) ??
      sorted.map((r) => r.rootName).find((n) => n !== null && n !== '') ??
      null;
    entries.push({
      id: first.id,
      at: first.at,
      actor: first.actor,
      action,
      tableName: root.table,
      recordId: root.id,
      name,
      rows: sorted.length,
      fields: sorted.flatMap(changedFields),
    });
  }
  return entries.sort((a, b) => compareIds(b.id, a.id));
}

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
