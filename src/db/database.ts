/**
 * Opens the database: embedded PGlite in a data directory (default) or a PostgreSQL server when
 * DATABASE_URL is set. Both go through drizzle-orm, so the rest of the code has one path.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { queryRows, type Db, type Driver, type Tx } from './tx.ts';
import { openPgliteWorker } from './pglite-worker.ts';
// The reference data queries import src/db/tx.ts, not this module, so there is no import loop.
import { syncNationalCatalogue } from './queries/national-goals.ts';
import { syncNationalComponents } from './queries/national-components.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { readSchemaState, type SchemaState } from './schema-state.ts';
import { commitReportingBumps, listenPostgres, readBumped, VersionHub, versionHubs, type VersionFeed } from './version-feed.ts';

export { DataDirLockedError } from './data-dir-lock.ts';
export type { MigrationTag, SchemaState } from './schema-state.ts';
export type { VersionFeed, VersionListener } from './version-feed.ts';

export type { Schema, Db, Tx, Driver } from './tx.ts';
export { queryRows, inTurn } from './tx.ts';
/** A statement built in src/db (drizzle's `sql` template), handed through the API to readWithSession. */
export type { SQL } from 'drizzle-orm';

export interface Database extends Partial<VersionFeed> {
  readonly db: Db;
  /**
   * The same connections, not reported to `onQuery`: the response cache's own session and version
   * look-up (one statement when it does not know the session), so statement counts stay the routes'.
   */
  readonly quiet?: Db;
  readonly driver: Driver;
  /**
   * Embedded database only: true while its one connection runs a statement or holds a transaction
   * open, so a new statement would wait for it (the health check then reports `busy` instead of waiting).
   */
  busy?(): boolean;
  /** Embedded database only: its data directory as a tarball, for `loadDataDir` (tests' migrated template). */
  dumpDataDir?(): Promise<Uint8Array>;
  /** Applies pending migrations (safe to run again; also done by openDatabase). */
  migrate(): Promise<void>;
  /** Latest applied and expected migration, and whether migrations run now (for `/api/health`). */
  schemaState(): Promise<SchemaState>;
  /** Migrations have run to the end in this process and none runs now: the schema is the code's. */
  migrated(): boolean;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… — when set, a PostgreSQL server is used. */
  readonly databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` for a throwaway in-memory one. */
  readonly dataDir?: string | undefined;
  /** Connections to PostgreSQL (default 10; `VEIKART_DB_POOL_SIZE`). About twice the database server's cores does best: see BENCHMARKS.md. */
  readonly poolSize?: number | undefined;
  /**
   * Called with every SQL statement the app sends (tests and benchmarks count queries), except
   * transaction control: node-postgres reports `begin`/`commit` and PGlite does not, so both
   * drivers report the same statements.
   */
  readonly onQuery?: (query: string) => void;
  /**
   * false: open without running the migrations; the caller runs migrate(). The server does so after
   * it starts listening, so /api/health answers (and /api/health/ready says 503) meanwhile.
   */
  readonly migrate?: boolean;
  /**
   * Embedded database only: start from this tarball (made by `dumpDataDir`) instead of an empty
   * cluster. Tests open a migrated template this way; the migrations still run and apply what the
   * template lacks. Absent in production.
   */
  readonly loadDataDir?: Uint8Array | undefined;
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

function queryLogger(onQuery: ((query: string) => void) | undefined): { logQuery: (query: string) => void } | false {
  if (!onQuery) return false;
  return { logQuery: (query) => (TRANSACTION_CONTROL.test(query) ? undefined : onQuery(query)) };
}

/**
 * PostgreSQL only: every statement with parameters runs as a named (prepared) statement, named by
 * its text, so each connection parses it once and reuses a generic plan (user transactions force
 * generic plans: see veikart_act_as in migration 0016). For the system list that saved 0.85 ms of
 * parse and plan per request (pgbench -M prepared against -M simple); the row-level-security
 * policies make every statement's plan large. Bulk statements (long texts, many parameters) are left unnamed,
 * and so are texts beyond the first MAX_NAMED, so a connection holds a bounded number of plans.
 */
const MAX_NAMED = 2000;
const statementNames = new Map<string, string>();

function statementName(text: string, params: number): string | undefined {
  if (params === 0 || params > 100 || text.length > 20_000) return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED) {
    name = `v_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config !== null && typeof config === 'object' && !('submit' in config)) {
      const c = config as pg.QueryConfig;
      const params = Array.isArray(values) ? values.length : (c.values?.length ?? 0);
      const name = c.name === undefined ? statementName(c.text, params) : undefined;
      if (name !== undefined) return query({ ...c, name }, values, callback);
    }
    return query(config, values, callback);
  };
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** Advisory lock (bigint key) held while migrations run; pg_locks shows it to other instances. */
export const MIGRATION_LOCK = 7_461_235_901;

/** Counts the migration runs in progress in this process, so health checks can tell without asking the database. */
function trackMigrations(run: () => Promise<void>): { migrate: () => Promise<void>; running: () => boolean; migrated: () => boolean } {
  let running = 0;
  let done = false;
  return {
    running: () => running > 0,
    migrated: () => done && running === 0,
    migrate: async () => {
      running++;
      try {
        await run();
        done = true;
      } finally {
        running--;
      }
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle connection that the server closes (restart, failover, admin command) is dropped from
    // the pool and replaced on the next query. Without a listener, EventEmitter would throw and end
    // the process.
    let closing = false;
    pool.on('connect', prepareStatements);
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
    const databaseUrl = config.databaseUrl;
    let stopListening: () => Promise<void> = async () => undefined;
    const hub = new VersionHub((h) => {
      stopListening = listenPostgres(databaseUrl, h);
    });
    versionHubs.set(db, hub);
    actorTransactions.set(db, pgActorTransaction(pool, db, config.onQuery));
    pgReads.set(db, pgRead(pool, (db as unknown as { dialect: PgDialect }).dialect, config.onQuery));
    const migrations = trackMigrations(async () => {
      await migrate();
      await syncReferenceData(db);
    });
    try {
      if (config.migrate !== false) await migrations.migrate();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      db,
      driver: 'postgres',
      migrate: migrations.migrate,
      schemaState: () => readSchemaState(db, 'postgres', MIGRATIONS_DIR, MIGRATION_LOCK, migrations.running()),
      migrated: migrations.migrated,
      onVersions: (listener) => hub.onVersions(listener),
      versionsLive: () => hub.versionsLive(),
      quiet: drizzlePg({ client: pool, schema }),
      close: async () => {
        closing = true;
        await stopListening();
        return pool.end();
      },
    };
  }

  const dataDir = config.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let release: () => void = () => undefined;
  if (!inMemory) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    release = await acquireDataDirLock(dataDir, { onWait: (message) => console.warn(message) });
  }
  try {
    // In a worker thread, so long statements do not block the server (see pglite-worker.ts).
    const hub = new VersionHub();
    const pglite = await openPgliteWorker(inMemory ? null : resolve(dataDir), (payload) => hub.emit(payload), config.loadDataDir);
    const client = pglite.client;
    const logger = queryLogger(config.onQuery);
    const db: Db = drizzlePglite({ client, schema, logger });
    const migrations = trackMigrations(async () => {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
      await syncReferenceData(db);
    });
    try {
      if (config.migrate !== false) await migrations.migrate();
    } catch (err) {
      await pglite.close().catch(() => undefined);
      throw err;
    }
    return {
      db,
      driver: 'pglite',
      migrate: migrations.migrate,
      schemaState: () => readSchemaState(db, 'pglite', MIGRATIONS_DIR, MIGRATION_LOCK, migrations.running()),
      migrated: migrations.migrated,
      busy: () => pglite.busy(),
      dumpDataDir: () => pglite.dumpDataDir(),
      onVersions: (listener) => hub.onVersions(listener),
      versionsLive: () => hub.versionsLive(),
      quiet: drizzlePglite({ client, schema }),
      close: async () => {
        await pglite.close();
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
    poolSize: env.VEIKART_DB_POOL_SIZE ? Math.max(1, Number.parseInt(env.VEIKART_DB_POOL_SIZE, 10) || 10) : undefined,
  };
}

/**
 * One user action = one transaction, run as the restricted `veikart_app` role with the user set,
 * so row-level security applies to every statement in it. With `organizationId`, `fn` gets the
 * user's rank there (3 admin, 2 editor, 1 reader, null none) from the same first statement.
 */
export async function withActor<T>(db: Db, userId: string, fn: (tx: Tx, rank: number | null) => Promise<T>, organizationId?: string): Promise<T> {
  const org = organizationId ?? null;
  const literal = UUID.test(userId) && (org === null || UUID.test(org)) ? `select veikart_act_as('${userId}', ${uuidLiteral(org)}) as rank` : null;
  return actorTransaction(db, literal, sql`select veikart_act_as(${userId}, ${org}::uuid) as rank`, (tx, rows) => fn(tx, rankOf(rows[0])));
}

/** The session behind a cookie token, as `veikart_act_as_session` returns it. */
export interface SessionActor {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly systemAdmin: boolean;
  readonly rank: number | null;
}

/**
 * Like withActor, for a request whose session has not been looked up yet: the lookup, the user and
 * the rank in `organizationId` come from the transaction's first statement. `fn` gets null when
 * the session is unknown or expired (the transaction then runs with no user, seeing nothing).
 */
export async function withSession<T>(db: Db, tokenHash: string, organizationId: string | null, fn: (tx: Tx, session: SessionActor | null) => Promise<T>): Promise<T> {
  return actorTransaction(db, sessionLiteral(tokenHash, organizationId), sql`select * from veikart_act_as_session(${tokenHash}, ${organizationId}::uuid)`, (tx, rows) =>
    fn(tx, sessionActor(rows[0])),
  );
}

function sessionLiteral(tokenHash: string, organizationId: string | null): string | null {
  return HEX_64.test(tokenHash) && (organizationId === null || UUID.test(organizationId))
    ? `select * from veikart_act_as_session('${tokenHash}', ${uuidLiteral(organizationId)})`
    : null;
}

function sessionActor(r: Record<string, unknown> | undefined): SessionActor | null {
  return r
    ? {
        sessionId: String(r.session_id),
        csrfToken: String(r.csrf_token),
        userId: String(r.user_id),
        username: String(r.username),
        displayName: String(r.display_name),
        email: r.email === null ? null : String(r.email),
        systemAdmin: r.system_admin === true,
        rank: rankOf(r),
      }
    : null;
}

/**
 * A read request of one statement: the session lookup of withSession, then `query`, in one
 * transaction. On PostgreSQL, once a connection has prepared the statement, `begin`, the lookup,
 * `execute` of the prepared statement and `commit` go in one round trip instead of three (see
 * pgRead). The statement runs before the caller checks the rank, which is safe for a
 * read: row-level security decides what it sees, and the caller discards the rows when the user
 * may not read them. `session` is null when the session is unknown or expired (no rows then).
 */
export async function readWithSession<R>(db: Db, tokenHash: string, organizationId: string | null, query: SQL): Promise<{ session: SessionActor | null; rows: R[] }> {
  const literal = sessionLiteral(tokenHash, organizationId);
  const fast = pgReads.get(db);
  if (fast && literal !== null) {
    const { first, rows } = await fast(literal, query);
    const session = sessionActor(first[0]);
    return { session, rows: session ? (rows as R[]) : [] };
  }
  return withSession(db, tokenHash, organizationId, async (tx, session) => ({ session, rows: session ? await queryRows<R>(tx, query) : [] }));
}

/** A transaction whose first statement is `first` (as a literal for the PostgreSQL fast path, else parameterized). */
async function actorTransaction<T>(db: Db, literal: string | null, first: SQL, fn: (tx: Tx, rows: Array<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const fast = actorTransactions.get(db);
  if (fast && literal !== null) return fast(literal, fn);
  return db.transaction(async (tx) => fn(tx, await queryRows<Record<string, unknown>>(tx, first)));
}

const uuidLiteral = (id: string | null): string => (id === null ? 'null::uuid' : `'${id}'::uuid`);
const HEX_64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ActorTransaction = <T>(first: string, fn: (tx: Tx, rows: Array<Record<string, unknown>>) => Promise<T>) => Promise<T>;
const actorTransactions = new WeakMap<Db, ActorTransaction>();

/**
 * PostgreSQL: `begin` and the first statement go in one round trip (simple protocol, two
 * statements; the ids are checked UUIDs, so they can be literals), then the same drizzle
 * transaction object as `db.transaction` gives. Round trips cost more than the statements
 * themselves on a small machine (CPU profile of the system list: a third of the server's time in
 * socket writes), and every API request starts a transaction this way.
 */
function pgActorTransaction(pool: pg.Pool, db: Db, onQuery: ((query: string) => void) | undefined): ActorTransaction {
  const internal = db as unknown as { dialect: PgDialect; session: { schema: unknown; options: Record<string, unknown> } };
  return (first, fn) =>
    onTransactionClient(pool, async (client) => {
      onQuery?.(first);
      const results = (await client.query(`begin; ${first}`)) as unknown as pg.QueryResult[];
      const session = new NodePgSession(client, internal.dialect, internal.session.schema as never, internal.session.options);
      const tx = new NodePgTransaction(internal.dialect, session, internal.session.schema as never) as unknown as Tx;
      const value = await fn(tx, (results[1]?.rows ?? []) as Array<Record<string, unknown>>);
      await commitReportingBumps(client, versionHubs.get(db));
      return value;
    });
}

/** A pool client for one transaction that `fn` begins and commits: rolled back on error, and dropped from the pool when the rollback fails too. */
async function onTransactionClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (err) {
    await client.query('rollback').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

type PgRead = (first: string, query: SQL) => Promise<{ first: Array<Record<string, unknown>>; rows: Array<Record<string, unknown>> }>;
const pgReads = new WeakMap<Db, PgRead>();

/** The named statements each connection has prepared (by a first run through the extended protocol). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/** A parameter as a SQL literal for `execute`: pg's own text form of the value, quoted by pg. */
function parameterLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return pg.escapeLiteral(String((pg as unknown as { utils: { prepareValue: (v: unknown) => unknown } }).utils.prepareValue(value)));
}

/**
 * PostgreSQL read in one round trip: `begin; <session lookup>; execute "<name>"(<literals>); commit`
 * in one simple-protocol message, when this connection has prepared the statement; the first time
 * on a connection it runs as three round trips and prepares it. The literals are the values in
 * pg's text form, quoted by pg.escapeLiteral, and the prepared statement's parameter types apply
 * as with bound parameters. For the 50-row system list: one socket write and wake-up each way
 * instead of three.
 */
function pgRead(pool: pg.Pool, dialect: PgDialect, onQuery: ((query: string) => void) | undefined): PgRead {
  return async (first, query) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const name = statementName(text, params.length);
    return onTransactionClient(pool, async (client) => {
      onQuery?.(first);
      onQuery?.(text);
      const prepared = preparedOn.get(client) ?? new Set<string>();
      preparedOn.set(client, prepared);
      if (name !== undefined && prepared.has(name)) {
        const args = params.map(parameterLiteral).join(', ');
        const results = (await client.query(`begin; ${first}; execute "${name}"(${args}); commit`)) as unknown as pg.QueryResult[];
        return { first: (results[1]?.rows ?? []) as Array<Record<string, unknown>>, rows: (results[2]?.rows ?? []) as Array<Record<string, unknown>> };
      }
      const head = (await client.query(`begin; ${first}`)) as unknown as pg.QueryResult[];
      const result = await client.query({ text, values: params as unknown[] });
      await client.query('commit');
      if (name !== undefined) prepared.add(name);
      return { first: (head[1]?.rows ?? []) as Array<Record<string, unknown>>, rows: result.rows as Array<Record<string, unknown>> };
    });
  };
}

function rankOf(row: Record<string, unknown> | undefined): number | null {
  const rank = row?.rank;
  return rank === undefined || rank === null ? null : Number(rank);
}

/** Switches a running transaction to the restricted role (after a privileged identity step). */
export async function restrictTo(tx: Tx, userId: string): Promise<void> {
  await actAs(tx, userId);
}

async function actAs(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select veikart_act_as(${userId}, null::uuid)`);
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
  const hub = versionHubs.get(db);
  let bumped: string | null = null;
  const value = await db.transaction(async (tx) => {
    if (actorId) await tx.execute(sql`select set_config('veikart.user_id', ${actorId}, true)`);
    const result = await fn(tx);
    if (hub?.active()) bumped = await readBumped(tx);
    return result;
  });
  hub?.emit(bumped);
  return value;
}

/** The health check's round trip to the database. */
