/**
 * Opens the database: embedded PGlite in a data directory (default) or a PostgreSQL server when
 * DATABASE_URL is set. Both go through drizzle-orm, so the rest of the code has one path.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Driver = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly driver: Driver;
  /** Applies pending migrations (safe to run again; also done by openDatabase). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… — when set, a PostgreSQL server is used. */
  readonly databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` for a throwaway in-memory one. */
  readonly dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  readonly poolSize?: number;
  /**
   * Called with every SQL statement the app sends (tests and benchmarks count queries), except
   * transaction control: node-postgres reports `begin`/`commit` and PGlite does not, so both
   * drivers report the same statements.
   */
  readonly onQuery?: (query: string) => void;
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

function queryLogger(onQuery: ((query: string) => void) | undefined): { logQuery: (query: string) => void } | false {
  if (!onQuery) return false;
  return { logQuery: (query) => (TRANSACTION_CONTROL.test(query) ? undefined : onQuery(query)) };
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_461_235_901;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes and loses rows when two open one directory, so we hold
 * `<dataDir>.lock` with our pid. A lock left by a dead process is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new DataDirLockedError(
          `Databasemappen ${resolve(dataDir)} er i bruk av en annen Veikart-prosess (pid ${pid}). ` +
            'Stopp den først, eller bruk en annen mappe med VEIKART_DATA_DIR.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Kunne ikke låse databasemappen ${resolve(dataDir)}`);
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle connection that the server closes (restart, failover, admin command) is dropped from
    // the pool and replaced on the next query. Without a listener, EventEmitter would throw and end
    // the process.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing) console.warn(`PostgreSQL: en ledig tilkobling ble brutt (${err.message}); den erstattes ved neste spørring.`);
    });
    // Migrations run on one client holding an advisory lock, so instances starting together wait.
    const migrate = async (): Promise<void> => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    };
    const logger = queryLogger(config.onQuery);
    const db: Db = drizzlePg({ client: pool, schema, logger });
    const migrateAndSync = async (): Promise<void> => {
      await migrate();
      await syncReferenceData(db);
    };
    try {
      await migrateAndSync();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      db,
      driver: 'postgres',
      migrate: migrateAndSync,
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }

  const dataDir = config.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let release: () => void = () => undefined;
  if (!inMemory) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    release = acquireLock(dataDir);
  }
  try {
    // int8 as string, like node-postgres, so both drivers return the same values.
    const client = await PGlite.create(inMemory ? undefined : resolve(dataDir), {
      parsers: { [types.INT8]: (value: string) => value },
    });
    const logger = queryLogger(config.onQuery);
    const db: Db = drizzlePglite({ client, schema, logger });
    const migrate = async (): Promise<void> => {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
      await syncReferenceData(db);
    };
    await migrate();
    return {
      db,
      driver: 'pglite',
      migrate,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Reference data that ships with the code (national strategy catalogue, national components), upserted at start. */
async function syncReferenceData(db: Db): Promise<void> {
  const { syncNationalCatalogue } = await import('./queries/plans.ts');
  const { syncNationalComponents } = await import('./queries/portfolio.ts');
  await withSystem(db, async (tx) => {
    await syncNationalCatalogue(tx);
    await syncNationalComponents(tx);
  });
}

/** Reads configuration from the environment, the way `npm start` and the CLI do. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VEIKART_DATA_DIR || join(process.cwd(), 'data'),
  };
}

/**
 * One user action = one transaction, run as the restricted `veikart_app` role with the user set,
 * so row-level security applies to every statement in it.
 */
export async function withActor<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('veikart.user_id', ${userId}, true), set_config('role', 'veikart_app', true)`);
    return fn(tx);
  });
}

/** Switches a running transaction to the restricted role (after a privileged identity step). */
export async function restrictTo(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select set_config('veikart.user_id', ${userId}, true), set_config('role', 'veikart_app', true)`);
}

/** Leaves the restricted role inside a transaction (identity steps only). */
export async function resetRole(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('role', 'none', true)`);
}

/**
 * Transaction as the owner role, bypassing row-level security: only for identity work (login,
 * sessions), migrations, seeding and the CLI. `actorId` is recorded in the audit log when given.
 */
export async function withSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>, actorId?: string): Promise<T> {
  return db.transaction(async (tx) => {
    if (actorId) await tx.execute(sql`select set_config('veikart.user_id', ${actorId}, true)`);
    return fn(tx);
  });
}

/** Raw SQL returning rows; both drivers give `{ rows }`. */
export async function queryRows<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
