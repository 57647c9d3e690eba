/**
 * Benchmark server: a fresh database with a generated national dataset (every municipality in
 * the official list, with sites), the real app, and a bare route serving the same JSON bytes as
 * the list endpoint from memory. Prints one JSON line with the port, cookie and ids, then serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { cacheOptionsFromEnv } from '../src/api/response-cache.ts';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/api/auth/passwords.ts';
import { openDatabase, withSystem } from '../src/db/database.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { insertSites } from '../src/db/queries/sites.ts';
import { memberships } from '../src/db/schema.ts';
import { KOMMUNER_2024 } from '../src/domain/kommuner.ts';
import type { CreateSite } from '../src/domain/site.ts';
import { createPlan } from '../src/db/queries/plan-periods.ts';
import { insertFocusArea } from '../src/db/queries/plan-items.ts';
import { applyActionPlan } from '../src/db/queries/plan-import.ts';
import { parseActionPlanTable, planTableRows, type PlanTable } from '../src/domain/actionplan-import.ts';
import { seedPortfolio, type PortfolioDataset } from './portfolio.ts';
import { parseActionPlanFile } from '../src/reports/actionplan-io.ts';
import { writeTable } from '../src/reports/spreadsheet.ts';

/** `core` (sites, handlingsplan), `portfolio` (system portfolio), or both when empty. */
const ONLY = process.env.BENCH_ONLY ?? '';
const CORE = ONLY !== 'portfolio';
const PORTFOLIO = ONLY !== 'core';
const SYSTEMS_PER_KOMMUNE = Number(process.env.BENCH_SYSTEMS_PER_KOMMUNE ?? 150);
const IKS_SYSTEMS = Number(process.env.BENCH_IKS_SYSTEMS ?? 300);
/** The owner municipality (of the IKS) and the kommune of the national dataset benchmarked. */
const OWNER_NUMMER = '5045';
const KOMMUNE_NUMMER = '3439';
const SUPPORT_QUERY = process.env.BENCH_SUPPORT_QUERY ?? 'visma';
/** The header's search (all the user's organizations, 8 hits per type); bench/search.ts measures it alone. */
const SEARCH_QUERY = process.env.BENCH_SEARCH_QUERY ?? 'vis';

export interface PortfolioEndpoint {
  key: string;
  /** Who asks and what: shown in BENCHMARKS.md. */
  label: string;
  url: string;
  cookie: string;
  /** Uncompressed JSON bytes and rows of the response. */
  jsonBytes: number;
  rows: number;
  total: number;
  /** Set when the endpoint failed while the server was prepared (not measured). */
  error?: string;
}

const PLAN_MEASURES = Number(process.env.BENCH_PLAN_MEASURES ?? 200);

/** A plan of N measures × 4 years with invest and drift lines, some as quantity × unit price. */
/** The benchmark table as edited: every third measure's amounts raised by 1 000 kr (about 5 000 of its 40 000 budget lines). */
export function changedPlanTable(table: PlanTable): PlanTable {
  return {
    ...table,
    measures: table.measures.map((m, i) => ({ ...m, lines: m.lines.map((l) => (i % 3 === 0 && l.quantity === null ? { ...l, amount: l.amount + 1000 } : l)) })),
  };
}

export function benchPlanTable(measures: number, years: number[] = [2025, 2026, 2027, 2028]): PlanTable {
  return {
    years,
    measures: Array.from({ length: measures }, (_, i) => ({
      number: String(i + 1),
      title: `Tiltak ${String(i + 1).padStart(4, '0')}`,
      focusArea: `Satsingsområde ${(i % 6) + 1}`,
      lines: years.flatMap((year, j) => [
        i % 4 === 0
          ? { kind: 'invest' as const, year, amount: (10 + (i % 7)) * 8500, quantity: 10 + (i % 7), unitPrice: 8500 }
          : { kind: 'invest' as const, year, amount: 50_000 + ((i * 37 + j * 11) % 90) * 1000, quantity: null, unitPrice: null },
        { kind: 'drift' as const, year, amount: 12_000 + ((i * 13 + j) % 40) * 500, quantity: null, unitPrice: null },
      ]),
    })),
  };
}

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
  let queries = 0;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: dir ? join(dir, 'data') : undefined,
    // Twice the cores (2 here), as VEIKART_DB_POOL_SIZE would be set for this machine: 10 connections
    // on 2 cores measured 10–15 % fewer req/s (more backends switching on the same cores).
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 4),
    onQuery: () => queries++,
  });
  const hash = await hashPassword('bench-passord-123');
  const { bigOrgId, username } = await withSystem(database.db, async (tx) => {
    let bigOrgId = '';
    for (const k of KOMMUNER_2024) {
      const org = await insertOrganization(tx, { name: `${k.navn} kommune`, slug: `bench-${k.nummer}`, kind: 'kommune', kommunenummer: k.nummer, language: 'nb' });
      const big = k.nummer === '3439';
      if (big) bigOrgId = org.id;
      if (CORE) await insertSites(tx, org.id, sitesFor(big ? BIG_ORG_SITES : SITES_PER_ORG, k.navn));
    }
    const user = await createLocalUser(tx, { username: 'bench.leser', displayName: 'Bench', passwordHash: hash });
    await tx.insert(memberships).values({ organizationId: bigOrgId, userId: user.id, role: 'reader' });
    return { bigOrgId, username: user.username };
  });

  const parsed = parseActionPlanTable(planTableRows(benchPlanTable(PLAN_MEASURES)));
  if (!parsed.ok) throw new Error('bench plan did not parse');
  const plan = !CORE ? '' : await withSystem(database.db, async (tx) => {
    const { revisionId } = await createPlan(tx, bigOrgId, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: 'Benchmark' });
    await insertFocusArea(tx, bigOrgId, revisionId, { title: 'Satsingsområde 1' });
    await applyActionPlan(tx, bigOrgId, parsed.value, revisionId);
    return revisionId;
  });
  // Statistics as autovacuum leaves them shortly after a bulk load; without them the first plans
  // (kept per connection as prepared statements) are made blind.
  if (CORE) await database.db.execute('vacuum analyze');

  let dataset: PortfolioDataset | null = null;
  let portfolioSeconds = 0;
  const portfolioUsers: Record<'iks' | 'owner', string> = { iks: 'bench.iks', owner: 'bench.eier' };
  if (PORTFOLIO) {
    const t0 = performance.now();
    dataset = await withSystem(database.db, async (tx) => {
      const d = await seedPortfolio(tx, { perKommune: SYSTEMS_PER_KOMMUNE, iksSystems: IKS_SYSTEMS, ownerNummer: OWNER_NUMMER, kommuneNummer: KOMMUNE_NUMMER });
      for (const [who, orgId] of [['iks', d.iksId], ['owner', d.ownerId]] as const) {
        const user = await createLocalUser(tx, { username: portfolioUsers[who], displayName: `Bench ${who}`, passwordHash: hash });
        await tx.insert(memberships).values({ organizationId: orgId, userId: user.id, role: 'reader' });
      }
      return d;
    });
    // Statistics and visibility map as autovacuum would leave them after a bulk load.
    await database.db.execute('vacuum analyze');
    portfolioSeconds = (performance.now() - t0) / 1000;
  }

  // bench/cache.ts (issue 20): an editor with a session in every kommune, for the mixed row.
  const cacheUsers = dataset && process.env.BENCH_CACHE_USERS === '1' ? await benchCacheUsers(database.db) : [];
  const app = await buildApp({ database, logger: process.env.BENCH_LOG === "1", cache: cacheOptionsFromEnv(process.env) });
  const bare = new Map<string, Buffer>();
  app.get('/bench/bare/:name', { schema: { hide: true } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(bare.get((req.params as { name: string }).name) ?? Buffer.alloc(0)),
  );
  app.get('/bench/queries', { schema: { hide: true } }, async () => {
    const n = queries;
    queries = 0;
    return { queries: n };
  });
  // Imports of a 10 000-row CSV file (read + parse + write, one transaction) inside the server, for
  // the health check's latency during them: a new plan, then the changed file into its draft.
  let imported: { orgId: string; revisionId: string } | null = null;
  app.post('/bench/import/:step', { schema: { hide: true } }, async (req) => {
    const step = (req.params as { step: string }).step;
    const table = benchPlanTable(5000);
    const file = await writeTable(planTableRows(step === 'first' ? table : changedPlanTable(table)), 'csv');
    if (step === 'first') {
      const org = await withSystem(database.db, (tx) =>
        insertOrganization(tx, { name: 'Importkommune', slug: `bench-server-import-${Date.now()}`, kind: 'annen', kommunenummer: null, language: 'nb' }),
      );
      imported = { orgId: org.id, revisionId: '' };
    }
    const target = imported;
    if (!target) throw new Error('first import missing');
    const t0 = performance.now();
    const parsed = await parseActionPlanFile(file, 'plan.csv');
    if (!parsed.ok) throw new Error('bench import did not parse');
    const outcome = await withSystem(database.db, (tx) => applyActionPlan(tx, target.orgId, parsed.value, target.revisionId || undefined));
    target.revisionId = outcome.revisionId;
    return { seconds: (performance.now() - t0) / 1000, rows: planTableRows(table).length - 1, kib: Math.round(file.length / 1024) };
  });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'bench-passord-123' } });
  const cookie = `veikart_session=${login.cookies.find((c) => c.name === 'veikart_session')?.value ?? ''}`;
  const endpoints: Record<string, string> = CORE
    ? { sites: `/api/v1/organizations/${bigOrgId}/sites`, plan: `/api/v1/organizations/${bigOrgId}/revisions/${plan}/actionplan` }
    : {};
  const bytes: Record<string, number> = {};
  for (const [name, url] of Object.entries(endpoints)) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    bare.set(name, Buffer.from(res.body));
    bytes[name] = res.body.length;
  }
  const portfolioEndpoints: PortfolioEndpoint[] = [];
  if (dataset) {
    const cookieOf = async (user: string): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: 'bench-passord-123' } });
      return `veikart_session=${res.cookies.find((c) => c.name === 'veikart_session')?.value ?? ''}`;
    };
    const askers = [
      { key: 'iks', who: 'IKS staff, IKS list', orgId: dataset.iksId, cookie: await cookieOf(portfolioUsers.iks) },
      { key: 'owner', who: 'owner kommune (own + shared)', orgId: dataset.ownerId, cookie: await cookieOf(portfolioUsers.owner) },
      { key: 'kommune', who: 'national: one kommune', orgId: dataset.kommuneId, cookie },
    ];
    for (const a of askers) {
      const base = `/api/v1/organizations/${a.orgId}`;
      for (const [what, path] of [
        ['list50', `${base}/systems?limit=50`],
        ['list300', `${base}/systems?limit=300`],
        ['support', `${base}/support?q=${encodeURIComponent(SUPPORT_QUERY)}`],
        ['search', `/api/v1/search?q=${encodeURIComponent(SEARCH_QUERY)}`],
      ] as const) {
        const res = await app.inject({ method: 'GET', url: path, headers: { cookie: a.cookie } });
        const key = `${a.key}-${what}`;
        const label =
          what === 'support' ? `support ?q=${SUPPORT_QUERY}` : what === 'search' ? `global search ?q=${SEARCH_QUERY}` : `systems ?limit=${what === 'list50' ? 50 : 300}`;
        if (res.statusCode !== 200) {
          // Reported in BENCHMARKS.md instead of aborting the whole run.
          console.error(`bench: ${path} answered ${res.statusCode}; not measured`);
          portfolioEndpoints.push({ key, label: `${a.who}: ${label}`, url: path, cookie: a.cookie, jsonBytes: 0, rows: 0, total: 0, error: `HTTP ${res.statusCode}` });
          continue;
        }
        const body = res.json() as { data: unknown[]; total?: number };
        bare.set(key, Buffer.from(res.body));
        portfolioEndpoints.push({ key, label: `${a.who}: ${label}`, url: path, cookie: a.cookie, jsonBytes: res.body.length, rows: body.data.length, total: body.total ?? body.data.length });
      }
    }
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(
    `${JSON.stringify({
      address,
      cookie,
      endpoints,
      bytes,
      planMeasures: PLAN_MEASURES,
      driver: database.driver,
      organizations: KOMMUNER_2024.length,
      sites: CORE ? (KOMMUNER_2024.length - 1) * SITES_PER_ORG + BIG_ORG_SITES : 0,
      portfolio: dataset
        ? { seconds: portfolioSeconds, counts: dataset.counts, systemsPerKommune: SYSTEMS_PER_KOMMUNE, iksSystems: IKS_SYSTEMS, endpoints: portfolioEndpoints }
        : null,
      cacheUsers,
    })}\n`,
  );
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

if (process.argv[1]?.endsWith('bench/server.ts')) main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/** One editor per kommune with a known session token and CSRF token (set-based; no password, no login). */
async function benchCacheUsers(db: Parameters<typeof withSystem>[0]): Promise<Array<{ orgId: string; cookie: string; csrf: string }>> {
  return withSystem(db, async (tx) => {
    await tx.execute(sql`
      with k as (select id, kommunenummer from organizations where kind = 'kommune' and kommunenummer is not null),
      u as (insert into users (username, display_name) select 'bench.k.' || kommunenummer, 'Bench ' || kommunenummer from k returning id, username),
      m as (insert into memberships (organization_id, user_id, role) select k.id, u.id, 'editor' from k join u on u.username = 'bench.k.' || k.kommunenummer returning user_id)
      insert into sessions (id, user_id, csrf_token, expires_at)
      select encode(sha256(convert_to('bench-token-' || u.username, 'UTF8')), 'hex'), u.id, 'bench-csrf', now() + interval '1 day' from u`);
    const rows = (await tx.execute(sql`select o.id as "orgId", 'bench.k.' || o.kommunenummer as username from organizations o where o.kind = 'kommune' and o.kommunenummer is not null order by o.kommunenummer`)) as unknown as { rows: Array<{ orgId: string; username: string }> };
    return rows.rows.map((r) => ({ orgId: r.orgId, cookie: `veikart_session=bench-token-${r.username}`, csrf: 'bench-csrf' }));
  });
}
