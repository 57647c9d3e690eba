/**
 * `node --import tsx bench/search.ts`: the global search alone on the national dataset (357 kommuner ×
 * BENCH_SYSTEMS_PER_KOMMUNE systems, default 150 = 53 550, plus the IKS), without the HTTP layer:
 * the route's one statement in the route's transaction as each bench user (row-level security on),
 * BENCH_SEARCH_RUNS times per query text, reporting p50/p95 and the plan of the slowest. Runs on
 * PostgreSQL when DATABASE_URL is set (a fresh database: it loads the dataset; BENCH_SEARCH_REUSE=1
 * measures again on a database it loaded before), else on PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, withActor, withSystem } from '../src/db/database.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { search, searchStatement } from '../src/db/queries/search.ts';
import { memberships } from '../src/db/schema.ts';
import { KOMMUNER_2024 } from '../src/domain/kommuner.ts';
import { seedPortfolio } from './portfolio.ts';

const PER_KOMMUNE = Number(process.env.BENCH_SYSTEMS_PER_KOMMUNE ?? 150);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
const QUERIES = ['vi', 'visma', 'øk', 'ac', 'flyt', 'zz'];

async function main(): Promise<void> {
  const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'veikart-search-'));
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: dir ? join(dir, 'data') : undefined, poolSize: 2 });
  try {
    const t0 = performance.now();
    const reuse = process.env.BENCH_SEARCH_REUSE ? await queryRows<{ who: string; id: string }>(database.db, sql`select display_name as who, id from users where username like 'bench.%' order by username`) : [];
    const users = reuse.length > 0 ? reuse : await withSystem(database.db, async (tx) => {
      for (const k of KOMMUNER_2024) await insertOrganization(tx, { name: `${k.navn} kommune`, slug: `bench-${k.nummer}`, kind: 'kommune', kommunenummer: k.nummer, language: 'nb' });
      const d = await seedPortfolio(tx, { perKommune: PER_KOMMUNE, iksSystems: 300, ownerNummer: '5045', kommuneNummer: '3439' });
      const out: Array<{ who: string; id: string }> = [];
      for (const [who, orgId] of [['IKS staff', d.iksId], ['owner kommune', d.ownerId], ['one kommune', d.kommuneId]] as const) {
        const user = await createLocalUser(tx, { username: `bench.${out.length}`, displayName: who, passwordHash: 'x' });
        await tx.insert(memberships).values({ organizationId: orgId, userId: user.id, role: 'reader' });
        out.push({ who, id: user.id });
      }
      console.log(`dataset: ${JSON.stringify(d.counts)}`);
      return out;
    });
    if (reuse.length === 0) await database.db.execute(sql`vacuum analyze`);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from systems`);
    console.log(`${database.driver}: ${n} systems loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const u of users) {
      const times: number[] = [];
      let slowest = { ms: 0, q: '' };
      let hits = 0;
      for (let i = 0; i < RUNS; i++) {
        const q = QUERIES[i % QUERIES.length] ?? 'vi';
        const start = performance.now();
        hits = (await withActor(database.db, u.id, (tx) => search(tx, q))).length;
        const ms = performance.now() - start;
        times.push(ms);
        if (ms > slowest.ms) slowest = { ms, q };
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
      console.log(`${u.who}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms over ${RUNS} searches (${QUERIES.join(', ')}); last had ${hits} hits`);
      const plan = await withActor(database.db, u.id, (tx) => queryRows<Record<string, string>>(tx, sql`explain (analyze, costs off) ${searchStatement(slowest.q)}`));
      const lines = plan.map((r) => Object.values(r)[0]);
      console.log(`  plan for "${slowest.q}": ${lines.filter((l) => /Execution Time|Planning Time/.test(l ?? '')).join('; ')}`);
      if (process.env.BENCH_SEARCH_PLAN) console.log(lines.join('\n'));
    }
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
