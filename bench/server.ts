/**
 * Benchmark server: a fresh database with a generated national dataset (every municipality in
 * the official list, with sites), the real app, and a bare route serving the same JSON bytes as
 * the list endpoint from memory. Prints one JSON line with the port, cookie and ids, then serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { hashPassword } from '../src/api/auth/passwords.ts';
import { openDatabase, withSystem } from '../src/db/database.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { insertSites } from '../src/db/queries/sites.ts';
import { memberships } from '../src/db/schema.ts';
import { KOMMUNER_2024 } from '../src/domain/kommuner.ts';
import type { CreateSite } from '../src/domain/site.ts';

const SITES_PER_ORG = Number(process.env.BENCH_SITES_PER_ORG ?? 30);
const BIG_ORG_SITES = Number(process.env.BENCH_BIG_ORG_SITES ?? 300);

function sitesFor(n: number, prefix: string): CreateSite[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix} lokasjon ${String(i + 1).padStart(3, '0')}`,
    users: (i * 7) % 90,
    capacityMbps: [10, 100, 1000][i % 3] ?? 100,
    lineType: i % 5 === 0 ? 'radio' : 'fiber',
    ownership: i % 2 === 0 ? 'eid' : 'leid',
    provider: i % 2 === 0 ? null : 'Telenor',
    note: null,
  }));
}

async function main(): Promise<void> {
  const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'veikart-bench-'));
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: dir ? join(dir, 'data') : undefined });
  const hash = await hashPassword('bench-passord-123');
  const { bigOrgId, username } = await withSystem(database.db, async (tx) => {
    let bigOrgId = '';
    for (const k of KOMMUNER_2024) {
      const org = await insertOrganization(tx, { name: `${k.navn} kommune`, slug: `bench-${k.nummer}`, kind: 'kommune', kommunenummer: k.nummer, language: 'nb' });
      const big = k.nummer === '3439';
      if (big) bigOrgId = org.id;
      await insertSites(tx, org.id, sitesFor(big ? BIG_ORG_SITES : SITES_PER_ORG, k.navn));
    }
    const user = await createLocalUser(tx, { username: 'bench.leser', displayName: 'Bench', passwordHash: hash });
    await tx.insert(memberships).values({ organizationId: bigOrgId, userId: user.id, role: 'reader' });
    return { bigOrgId, username: user.username };
  });

  const app = await buildApp({ database });
  let bare = Buffer.alloc(0);
  app.get('/bench/bare', { schema: { hide: true } }, async (_req, reply) => reply.type('application/json; charset=utf-8').send(bare));
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'bench-passord-123' } });
  const cookie = `veikart_session=${login.cookies.find((c) => c.name === 'veikart_session')?.value ?? ''}`;
  const listUrl = `/api/v1/organizations/${bigOrgId}/sites`;
  const list = await app.inject({ method: 'GET', url: listUrl, headers: { cookie } });
  bare = Buffer.from(list.body);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ address, cookie, listUrl, listBytes: bare.length, driver: database.driver, organizations: KOMMUNER_2024.length, sites: (KOMMUNER_2024.length - 1) * SITES_PER_ORG + BIG_ORG_SITES })}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
