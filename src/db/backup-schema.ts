/**
 * What a backup needs to know about the database it reads or writes, read from the catalog so a new
 * table or column is backed up without changes here: the application tables (schema public) in
 * foreign-key order, their columns (generated ones left out), primary keys, self references,
 * sequences and user triggers; and the schema version (the latest migration applied).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, queryRows, type Db, type Tx } from './database.ts';

export interface MigrationEntry {
  readonly idx: number;
  readonly tag: string;
  readonly when: number;
}

/** The migrations this code ships, oldest first (src/db/migrations/meta/_journal.json). */
export function migrationJournal(): MigrationEntry[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: MigrationEntry[] };
  return journal.entries.map(({ idx, tag, when }) => ({ idx, tag, when }));
}

/** The schema version of this code: the tag of its latest migration, e.g. `0022_list_top_k`. */
export function codeSchemaVersion(): string {
  const last = migrationJournal().at(-1);
  if (!last) throw new Error('No migrations');
  return last.tag;
}

/** The tag of the latest migration applied to the database (drizzle records each one's `when`). */
export async function databaseSchemaVersion(tx: Tx | Db): Promise<string> {
  const rows = await queryRows<{ created_at: string | null }>(tx, sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`);
  const when = Number(rows[0]?.created_at ?? Number.NaN);
  const entry = migrationJournal().find((e) => e.when === when);
  if (!entry) throw new Error('Databasen har en migrering som denne versjonen av Veikart ikke kjenner. Bruk en nyere versjon av Veikart.');
  return entry.tag;
}

export interface ColumnInfo {
  readonly name: string;
  /** SQL type as format_type gives it, e.g. `timestamp with time zone`, `uuid[]`. */
  readonly type: string;
}

export interface TableInfo {
  readonly name: string;
  /** Columns in table order, generated columns left out (PostgreSQL computes them again). */
  readonly columns: ColumnInfo[];
  /** Primary-key columns (every column when a table has none): the order rows are read in. */
  readonly key: string[];
  /** Columns referencing this same table (systems.replaced_by): loaded in a second step. */
  readonly selfReferences: string[];
  /** Tables this one references (itself excluded). */
  readonly references: string[];
}

export interface Catalog {
  /** Application tables, each after the tables it references (ties by name). */
  readonly tables: TableInfo[];
  /** Sequences owned by a column: `table.column` → sequence name. */
  readonly sequences: Array<{ table: string; column: string; sequence: string }>;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function readCatalog(tx: Tx): Promise<Catalog> {
  const columns = await queryRows<{ table_name: string; column_name: string; type: string }>(
    tx,
    sql`select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type
          from pg_attribute a join pg_class c on c.oid = a.attrelid
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
         order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`select c.relname as table_name, a.attname as column_name
          from pg_index i join pg_class c on c.oid = i.indrelid
          cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where c.relnamespace = 'public'::regnamespace and i.indisprimary
         order by c.relname, k.n`,
  );
  const foreign = await queryRows<{ table_name: string; referenced: string; column_name: string }>(
    tx,
    sql`select c.relname as table_name, r.relname as referenced, a.attname as column_name
          from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class r on r.oid = f.confrelid
          cross join lateral unnest(f.conkey) as k(attnum)
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where f.contype = 'f' and c.relnamespace = 'public'::regnamespace
         order by 1, 2, 3`,
  );
  const sequences = await queryRows<{ table_name: string; column_name: string; sequence: string }>(
    tx,
    sql`select t.relname as table_name, a.attname as column_name, s.relname as sequence
          from pg_class s join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
         where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace
         order by 1, 2`,
  );
  const byTable = new Map<string, { columns: ColumnInfo[]; key: string[]; self: Set<string>; refs: Set<string> }>();
  const entry = (name: string) => {
    let e = byTable.get(name);
    if (!e) byTable.set(name, (e = { columns: [], key: [], self: new Set(), refs: new Set() }));
    return e;
  };
  for (const c of columns) entry(c.table_name).columns.push({ name: c.column_name, type: c.type });
  for (const k of keys) byTable.get(k.table_name)?.key.push(k.column_name);
  for (const f of foreign) {
    const e = byTable.get(f.table_name);
    if (!e) continue;
    if (f.referenced === f.table_name) e.self.add(f.column_name);
    else e.refs.add(f.referenced);
  }
  const infos = [...byTable.entries()].map(
    ([name, e]): TableInfo => ({
      name,
      columns: e.columns,
      key: e.key.length > 0 ? e.key : e.columns.map((c) => c.name),
      selfReferences: [...e.self],
      references: [...e.refs].filter((r) => byTable.has(r)).sort(),
    }),
  );
  return {
    tables: foreignKeyOrder(infos),
    sequences: sequences.map((s) => ({ table: s.table_name, column: s.column_name, sequence: s.sequence })),
  };
}

/** Tables each after the tables it references; among those ready at a step, by name. */
export function foreignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const left = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  while (left.size > 0) {
    const ready = [...left.values()].filter((t) => t.references.every((r) => done.has(r))).sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0) throw new Error(`Sirkulære fremmednøkler mellom tabellene ${[...left.keys()].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
      left.delete(t.name);
    }
  }
  return ordered;
}

/** The enabled user triggers (audit, derived columns, guards) of the application tables. */
export async function enabledTriggers(tx: Tx): Promise<Array<{ table: string; trigger: string }>> {
  const rows = await queryRows<{ table_name: string; trigger_name: string }>(
    tx,
    sql`select c.relname as table_name, t.tgname as trigger_name
          from pg_trigger t join pg_class c on c.oid = t.tgrelid
         where not t.tgisinternal and t.tgenabled <> 'D' and c.relnamespace = 'public'::regnamespace
         order by 1, 2`,
  );
  return rows.map((r) => ({ table: r.table_name, trigger: r.trigger_name }));
}

/** Session settings under which every value's text form reads back to the same value on any server. */
export async function portableTextSettings(tx: Tx): Promise<void> {
  await tx.execute(
    sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true), set_config('intervalstyle', 'postgres', true),
               set_config('extra_float_digits', '3', true), set_config('bytea_output', 'hex', true), set_config('row_security', 'off', true)`,
  );
}
