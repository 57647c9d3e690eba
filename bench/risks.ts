/**
 * `node --import tsx bench/risks.ts`: the risk list of an organization with BENCH_RISKS risks
 * (default 500, each with two options, one linked to a measure of the draft revision) through the
 * API route (app.inject: session, access check, one transaction), BENCH_RISK_RUNS times; reports
 * p50/p95 and the SQL statements per request, which stay the same for 5 and 500 risks. Runs on
 * PostgreSQL when DATABASE_URL is set (a fresh database), else on PGlite. Run by `npm run bench -- --only features`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { hashPassword } from '../src/api/auth/passwords.ts';
import { openDatabase, withSystem } from '../src/db/database.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { createPlan } from '../src/db/queries/plan-periods.ts';
import { insertMeasure } from '../src/db/queries/plan-items.ts';
import { chosenOptionId, insertRisk, linkOption, measureLineage } from '../src/db/queries/risks.ts';
import { memberships } from '../src/db/schema.ts';

const RISKS = Number(process.env.BENCH_RISKS ?? 500);
const RUNS = Number(process.env.BENCH_RISK_RUNS ?? 100);

async function main(): Promise<void> {
  let statements = 0;
  const dir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'veikart-risks-'));
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: dir ? join(dir, 'data') : undefined, poolSize: 2, onQuery: () => statements++ });
  try {
    const password = 'bench-passord-123';
    const hash = await hashPassword(password);
    const orgId = await withSystem(database.db, async (tx) => {
      const org = await insertOrganization(tx, { name: 'Benchmark kommune', slug: 'bench-risk', kind: 'kommune', kommunenummer: null, language: 'nb' });
      const user = await createLocalUser(tx, { username: 'bench.risk', displayName: 'Bench', passwordHash: hash });
      await tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: 'editor' });
      const { revisionId } = await createPlan(tx, org.id, { name: 'Plan', startYear: 2026, endYear: 2029, vision: null });
      for (let i = 0; i < RISKS; i++) {
        const riskId = await insertRisk(tx, org.id, {
          title: `Risiko ${String(i).padStart(4, '0')}`,
          siteIds: [],
          systemIds: [],
          controls: ['Sikkerhetskopi', 'Tilgangsstyring'],
          probability: (i % 5) + 1,
          consequence: ((i * 3) % 5) + 1,
          dimensions: {},
          status: 'open',
          options: [
            { description: 'Alternativ A', lines: [{ kind: 'invest', year: 2026, amount: 130_000 }], chosen: false },
            { description: 'Alternativ B', lines: [{ kind: 'invest', year: 2026, amount: 20_000 }], residualProbability: 1, residualConsequence: 2, chosen: true },
          ],
        });
        if (i % 5 === 0) {
          const measureId = await insertMeasure(tx, org.id, revisionId, { title: `Tiltak ${i}`, status: 'planned', priority: 'medium', goalIds: [], actuals: [], lines: [{ kind: 'invest', year: 2026, amount: 20_000 }] });
          const option = await chosenOptionId(tx, riskId);
          const lineage = await measureLineage(tx, measureId);
          if (option && lineage) await linkOption(tx, org.id, option, lineage);
        }
      }
      return org.id;
    });
    const app = await buildApp({ database });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.risk', password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const url = `/api/v1/organizations/${orgId}/risks`;
    const times: number[] = [];
    let perRequest = 0;
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = statements;
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      times.push(performance.now() - start);
      perRequest = statements - before;
      bytes = res.rawPayload.length;
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
    console.log(`${database.driver}: GET …/risks with ${RISKS} risks (${RISKS * 2} options): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${RUNS} requests; ${perRequest} SQL statements per request; ${bytes} bytes`);
    await app.close();
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
