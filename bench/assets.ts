/**
 * `node --import tsx bench/assets.ts`: the equipment register (issue 17); run by `npm run bench -- --only features`.
 * 1. The replacement forecast (pure domain) for 10 000 asset groups over 12 years: median and worst
 *    of BENCH_ASSET_RUNS runs (default 20); the issue's budget is 200 ms.
 * 2. The register page's SQL: statements of GET …/assets (through the API, PGlite) with 10 and with
 *    2 000 groups: the count must not grow with the register.
 */
import { buildApp } from '../src/api/app.ts';
import { openDatabase, withSystem } from '../src/db/database.ts';
import { insertAssetClasses } from '../src/db/queries/assets.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { assetGroups, memberships } from '../src/db/schema.ts';
import { forecast, type ForecastGroup } from '../src/domain/asset-forecast.ts';

const RUNS = Number(process.env.BENCH_ASSET_RUNS ?? 20);

function forecastBench(): { median: number; worst: number } {
  const classes = Array.from({ length: 14 }, (_, i) => ({ id: `c${i}`, name: `Klasse ${i}`, unitPrice: 1000 * (i + 1) }));
  let seed = 1;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const groups: ForecastGroup[] = Array.from({ length: 10_000 }, () => ({
    classId: `c${rnd(14)}`,
    quantity: 1 + rnd(200),
    purchaseYear: 2010 + rnd(17),
    lifetime: 2 + rnd(9),
    unitPrice: 500 + rnd(200_000),
  }));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    forecast(groups, classes, { from: 2026, to: 2037, priceChangePercent: i % 2 === 0 ? 0 : 2.5 });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, worst: times.at(-1)! };
}

async function statementBench(): Promise<Record<number, number>> {
  let statements = 0;
  const database = await openDatabase({ dataDir: 'memory://', onQuery: () => statements++ });
  const app = await buildApp({ database });
  await app.ready();
  try {
    const { orgId, cookie } = await withSystem(database.db, async (tx) => {
      const org = await insertOrganization(tx, { name: 'Benchkommune', slug: 'bench-utstyr', kind: 'kommune', kommunenummer: null, language: 'nb' });
      const user = await createLocalUser(tx, { username: 'bench.utstyr', displayName: 'Bench', passwordHash: await (await import('../src/api/auth/passwords.ts')).hashPassword('bench-passord-123') });
      await tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: 'reader' });
      return { orgId: org.id, cookie: '' };
    });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'bench.utstyr', password: 'bench-passord-123' }) });
    const found = login.cookies.find((c) => c.name === 'veikart_session');
    if (!found) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const session = `veikart_session=${found.value}` || cookie;
    const [cls] = await withSystem(database.db, (tx) => insertAssetClasses(tx, orgId, [{ name: 'PC-bench', lifetime: 4, unitPrice: 8500 }]));
    const out: Record<number, number> = {};
    let have = 0;
    for (const size of [10, 2000]) {
      await withSystem(database.db, async (tx) => {
        const rows = Array.from({ length: size - have }, (_, i) => ({ organizationId: orgId, classId: cls!.id, quantity: 1 + (i % 30), purchaseYear: 2015 + (i % 10) }));
        for (let i = 0; i < rows.length; i += 1000) await tx.insert(assetGroups).values(rows.slice(i, i + 1000));
      });
      have = size;
      const before = statements;
      const res = await app.inject({ method: 'GET', url: `/api/v1/organizations/${orgId}/assets`, headers: { cookie: session } });
      if (res.statusCode !== 200) throw new Error(`GET assets: ${res.statusCode} ${res.body}`);
      out[size] = statements - before;
    }
    return out;
  } finally {
    await app.close();
    await database.close();
  }
}

const f = forecastBench();
console.log(`forecast, 10 000 groups × 12 years: median ${f.median.toFixed(1)} ms, worst ${f.worst.toFixed(1)} ms of ${RUNS} (budget 200 ms) ${f.worst < 200 ? 'OK' : 'OVER'}`);
const s = await statementBench();
console.log(`GET …/assets statements: ${Object.entries(s).map(([n, c]) => `${n} groups → ${c}`).join(', ')} ${new Set(Object.values(s)).size === 1 ? 'constant' : 'GROWS'}`);
