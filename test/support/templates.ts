/**
 * Migrated database templates, made once per test run (test/support/global-setup.ts) so a test file
 * does not pay for an empty cluster and every migration (about 5.6 s a file on PGlite):
 * - PGlite: the data directory of a migrated in-memory database as a tarball (`dumpDataDir`), and a
 *   second one after the demo seed for the browser tests; a test file opens with `loadDataDir`.
 * - PostgreSQL (TEST_DATABASE_URL set): a migrated database that each test file copies with
 *   `CREATE DATABASE x TEMPLATE t`.
 * openDatabase still runs the migrator on a copy; it finds nothing to do (or applies what a stale
 * template lacks).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { seedDemo } from '../../src/demo/seed.ts';

export interface Templates {
  readonly pglite: { readonly migrated: Uint8Array; readonly seeded: Uint8Array };
  /** The PostgreSQL template database's name, when TEST_DATABASE_URL is set. */
  readonly postgres?: string;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL refuses to copy a template while any session is connected to it (SQLSTATE 55006). */
const TEMPLATE_IN_USE = '55006';

/**
 * Creates a database, a copy of `template` when given. A template's last connection may still be
 * closing on the server, and two test workers may copy it at the same moment: retried a few times.
 */
export async function createPostgresDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await onAdmin(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== TEMPLATE_IN_USE || attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await onAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

export const testDatabaseName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

export async function createTemplates(adminUrl = process.env.TEST_DATABASE_URL): Promise<Templates> {
  const pglite = await (async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const dump = database.dumpDataDir;
      if (!dump) throw new Error('PGlite without dumpDataDir');
      const migrated = await dump();
      await seedDemo(database.db);
      return { migrated, seeded: await dump() };
    } finally {
      await database.close();
    }
  })();
  if (!adminUrl) return { pglite };
  const name = testDatabaseName('veikart_template');
  await createPostgresDatabase(adminUrl, name);
  try {
    // The pool is ended before the copies are made: no connection to the template stays open.
    const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 1 });
    await database.close();
  } catch (err) {
    await dropPostgresDatabase(adminUrl, name);
    throw err;
  }
  return { pglite, postgres: name };
}

export async function dropTemplates(templates: Templates, adminUrl = process.env.TEST_DATABASE_URL): Promise<void> {
  if (templates.postgres && adminUrl) await dropPostgresDatabase(adminUrl, templates.postgres);
}
