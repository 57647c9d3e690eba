/**
 * Database backends for tests: embedded PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL is set (CI sets it). Each test file gets a fresh database of its own, a copy of
 * the migrated template made once per run (test/support/global-setup.ts); `migrate: false` opens an
 * empty one, as before.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseConfig } from '../../src/db/database.ts';
import type { TemplatePaths } from './global-setup.ts';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName, withDatabase } from './templates.ts';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** Whether API tests on this backend run with the response cache (startTestApp); see cacheOn. */
  readonly cache: boolean;
  open(options?: { onQuery?: (query: string) => void; migrate?: boolean }): Promise<Database>;
}

/** The run's templates; undefined outside a vitest run with the global setup (then every open migrates). */
function templatePaths(): TemplatePaths | undefined {
  try {
    return inject('veikartTemplates');
  } catch {
    return undefined;
  }
}

const tarballs = new Map<string, Uint8Array>();

/** A template tarball, read once per test file. */
function tarball(which: 'pgliteMigrated' | 'pgliteSeeded'): Uint8Array | undefined {
  const path = templatePaths()?.[which];
  if (!path) return undefined;
  let bytes = tarballs.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    tarballs.set(path, bytes);
  }
  return bytes;
}

/**
 * An in-memory embedded database for one test file: a copy of the run's migrated template (or of
 * the demo-seeded one with `seeded`). The migrator still runs and finds nothing to do.
 */
export function openTestDatabase(options: Partial<DatabaseConfig> & { seeded?: boolean } = {}): Promise<Database> {
  const { seeded, ...config } = options;
  const loadDataDir = config.migrate === false ? undefined : tarball(seeded ? 'pgliteSeeded' : 'pgliteMigrated');
  return openDatabase({ dataDir: 'memory://', ...config, ...(loadDataDir ? { loadDataDir } : {}) });
}

/** Whether openTestDatabase({ seeded: true }) gives the demo data already (else the caller seeds). */
export function hasSeededTemplate(): boolean {
  return templatePaths() !== undefined;
}

/**
 * The response cache (issue 20) in the API tests. VEIKART_TEST_CACHE=on|off forces it. By default,
 * with both backends (CI), every API test and the isolation walk run once with the cache off, on
 * PGlite, and once with it on, on PostgreSQL (the multi-instance path, invalidated by
 * LISTEN/NOTIFY): both modes at no extra time. With PGlite alone it is on, the production default.
 * The cache's own tests (cache.test.ts, cache-equivalence.test.ts) switch it on on both backends.
 */
export function cacheOn(name: Backend['name']): boolean {
  const forced = process.env.VEIKART_TEST_CACHE;
  if (forced === 'off') return false;
  if (forced === 'on') return true;
  return name === 'postgres' || !process.env.TEST_DATABASE_URL;
}

const pgliteBackend: Backend = { name: 'pglite', cache: cacheOn('pglite'), open: (options) => openTestDatabase(options) };

function postgresBackend(adminUrl: string): Backend {
  return {
    name: 'postgres',
    cache: cacheOn('postgres'),
    async open(options) {
      const name = testDatabaseName('veikart_test');
      const template = options?.migrate === false ? undefined : (templatePaths()?.postgres ?? undefined);
      await createPostgresDatabase(adminUrl, name, template);
      const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 5, ...options });
      return {
        ...db,
        async close() {
          await db.close();
          await dropPostgresDatabase(adminUrl, name);
        },
      };
    },
  };
}

export const backends: Backend[] = process.env.TEST_DATABASE_URL
  ? [pgliteBackend, postgresBackend(process.env.TEST_DATABASE_URL)]
  : [pgliteBackend];
