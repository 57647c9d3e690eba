/**
 * The database schema's state for `/api/health`: the latest migration applied, the latest this
 * code ships, and whether migrations are running (here, or on PostgreSQL in any process holding
 * the migration lock: another instance starting, or `npm run cli -- migrate`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, Driver } from './tx.ts';

export interface MigrationTag {
  /** The migration's number (`idx` in the journal, NNNN of its file). */
  readonly version: number;
  readonly tag: string;
}

export interface SchemaState {
  /** Migrations are running now, so the schema may change under a request. */
  readonly migrating: boolean;
  /** The latest migration applied; null before the first, or when it is newer than this code (see `newer`). */
  readonly applied: MigrationTag | null;
  /** The latest migration this code ships. */
  readonly expected: MigrationTag;
  /** The database has a migration this code does not know (a newer version has migrated it). */
  readonly newer: boolean;
  /** Not migrating, and every migration of this code is applied. */
  readonly ready: boolean;
}

interface JournalEntry {
  readonly idx: number;
  readonly when: number;
  readonly tag: string;
}

let journal: JournalEntry[] | undefined;

function journalEntries(migrationsDir: string): JournalEntry[] {
  journal ??= (JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries
    .slice()
    .sort((a, b) => a.when - b.when);
  return journal;
}

/**
 * Reads the state in one statement. `migratingHere` says whether this process runs migrations now;
 * then the database is not asked (on the embedded database the statement would wait for them).
 */
export async function readSchemaState(db: Db, driver: Driver, migrationsDir: string, migrationLock: number, migratingHere: boolean): Promise<SchemaState> {
  const entries = journalEntries(migrationsDir);
  const last = entries.at(-1);
  if (!last) throw new Error('the migration journal is empty');
  const expected = { version: last.idx, tag: last.tag };
  if (migratingHere) return { migrating: true, applied: null, expected, newer: false, ready: false };
  // Session advisory locks on a bigint key show in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1.
  const high = Math.floor(migrationLock / 2 ** 32);
  const low = migrationLock % 2 ** 32;
  const lockHeld =
    driver === 'postgres'
      ? sql`exists (select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 1
          and database = (select oid from pg_database where datname = current_database())
          and classid = ${String(high)}::oid and objid = ${String(low)}::oid)`
      : sql`false`;
  const row = await db
    .execute(sql`select (select max(created_at) from drizzle.__drizzle_migrations)::text as latest, ${lockHeld} as locked`)
    .then(
      (result) => (result as unknown as { rows: Array<{ latest: string | null; locked: boolean }> }).rows[0],
      (err: unknown) => {
        // A database never migrated has no migration table (or schema) yet.
        if (['42P01', '3F000'].includes(errorCode(err) ?? '')) return { latest: null, locked: false };
        throw err;
      },
    );
  const latest = row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  const entry = latest === null ? undefined : entries.find((e) => e.when === latest);
  const newer = latest !== null && latest > last.when;
  const applied = entry ? { version: entry.idx, tag: entry.tag } : null;
  const migrating = row?.locked === true;
  return { migrating, applied, expected, newer, ready: !migrating && (newer || latest === last.when) };
}

function errorCode(err: unknown): string | undefined {
  for (let e = err, i = 0; i < 3 && typeof e === 'object' && e !== null; i++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
