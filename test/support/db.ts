/**
 * Database backends for tests: embedded PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL is set (CI sets it). Each test file gets a fresh database of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  open(options?: { onQuery?: (query: string) => void; migrate?: boolean }): Promise<Database>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const pgliteBackend: Backend = { name: 'pglite', open: (options) => openDatabase({ dataDir: 'memory://', ...options }) };

function postgresBackend(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async open(options) {
      const name = `veikart_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 5, ...options });
      return {
        ...db,
        async close() {
          await db.close();
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

export const backends: Backend[] = process.env.TEST_DATABASE_URL
  ? [pgliteBackend, postgresBackend(process.env.TEST_DATABASE_URL)]
  : [pgliteBackend];
