/** A real HTTP server on a random port with a fresh seeded embedded database, for browser tests. */
import { buildApp, DEFAULT_WEB_DIR } from '../../src/api/app.ts';
import type { OidcOptions } from '../../src/api/auth/oidc.ts';
import type { Database } from '../../src/db/database.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { hasSeededTemplate, openTestDatabase } from './db.ts';

export async function startAppServer(options: { oidc?: OidcOptions } = {}): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  // A copy of the run's demo-seeded template (seeded once in the global setup), else seeded here.
  const database = await openTestDatabase({ seeded: true });
  if (!hasSeededTemplate()) await seedDemo(database.db);
  const app = await buildApp({ database, webDir: DEFAULT_WEB_DIR, ...(options.oidc ? { oidc: options.oidc } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
