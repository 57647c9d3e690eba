/**
 * A database at an older schema version: migrations applied only up to a given tag. Restore uses an
 * in-memory one to bring a backup from an older Veikart up to today's schema (load it at its own
 * schema, then run the later migrations on it); the upgrade test builds a database as the oldest
 * supported release left it. Offline use only: no lock on the data directory, no reference data.
 */
import { resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { MIGRATIONS_DIR, type Db, type Driver } from './database.ts';
import { migrationJournal } from './backup-schema.ts';
import * as schema from './schema.ts';

export interface SchemaDatabase {
  readonly db: Db;
  readonly driver: Driver;
  /** Runs a script of several SQL statements (a dump) in one go; session settings it changes (pg_dump empties search_path) are reset after it. */
  exec(script: string): Promise<void>;
  /** Applies the migrations after the current one, up to `tag` (default: all of them). */
  migrateTo(tag?: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a database (embedded when no URL; `memory://` for a throwaway one) and migrates it up to `tag`, not beyond. */
export async function openDatabaseAt(config: { databaseUrl?: string; dataDir?: string }, tag: string): Promise<SchemaDatabase> {
  let opened: Omit<SchemaDatabase, 'migrateTo'>;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
    opened = {
      db: drizzlePg({ client: pool, schema }) as unknown as Db,
      driver: 'postgres',
      exec: async (script) => {
        await pool.query(`${script}\n;RESET ALL;`);
      },
      close: () => pool.end(),
    };
  } else {
    const dataDir = config.dataDir ?? 'memory://';
    const client = await PGlite.create(dataDir.startsWith('memory://') ? undefined : resolve(dataDir), {
      parsers: { [types.INT8]: (value: string) => value },
    });
    opened = {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      driver: 'pglite',
      exec: async (script) => {
        await client.exec(`${script}\n;RESET ALL;`);
      },
      close: () => client.close(),
    };
  }
  const database: SchemaDatabase = { ...opened, migrateTo: (to) => migrateUpTo(opened.db, to) };
  try {
    await database.migrateTo(tag);
  } catch (err) {
    await opened.close();
    throw err;
  }
  return database;
}

/** drizzle's migrator with the shipped migrations up to `tag` (all when not given). */
async function migrateUpTo(db: Db, tag?: string): Promise<void> {
  const journal = migrationJournal();
  const last = tag === undefined ? journal.length - 1 : journal.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`Ukjent migrering ${tag}`);
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).slice(0, last + 1);
  const internal = db as unknown as { dialect: PgDialect; session: PgSession };
  await internal.dialect.migrate(migrations, internal.session, { migrationsFolder: MIGRATIONS_DIR });
}
