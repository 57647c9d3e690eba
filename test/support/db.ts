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

const pgliteBackend: Backend = { name: 'pglite', open: (options) => openTestDatabase(options) };

function postgresBackend(adminUrl: string): Backend {
  return {
    name: 'postgres',
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
