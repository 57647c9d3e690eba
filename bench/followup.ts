/**
 * `npx tsx bench/followup.ts`: "Hvem andre bruker dette systemet?" and "Mest brukte systemer" at
 * national scale — 357 kommuner × 150 systems (53 550 systems), all opted in, every system naming a
 * product from a catalogue of 300 — and the politicians' dashboard data for a plan of 200 measures.
 * Runs on the embedded database (PostgreSQL with BENCH_DATABASE_URL). Prints the median of ten runs
 * of each read, as the signed-in user of one kommune (row-level security on). Run by `npm run bench -- --only features`.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, withActor, withSystem } from '../src/db/database.ts';
import { createLocalUser } from '../src/db/queries/identity.ts';
import { productUsage, systemPeers } from '../src/db/queries/products.ts';
import { listBenefits, listStatusReports } from '../src/db/queries/followup.ts';
import { createPlan, loadRevision } from '../src/db/queries/plan-periods.ts';
import { memberships } from '../src/db/schema.ts';

const KOMMUNER = 357;
const SYSTEMS = 150;
const PRODUCTS = 300;

const database = await openDatabase(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : { dataDir: 'memory://' });
const t0 = performance.now();
const { userId, orgId, systemId, revisionId } = await withSystem(database.db, async (tx) => {
  await tx.execute(sql`insert into organizations (name, slug, kind, language) select 'Benchkommune ' || i, 'bench-k-' || i, 'kommune', 'nb' from generate_series(1, ${KOMMUNER}) i`);
  await tx.execute(sql`insert into vendors (name) select 'Benchleverandør ' || i from generate_series(1, 30) i`);
  await tx.execute(sql`insert into products (name, vendor_id) select 'Benchprodukt ' || i, (select id from vendors where name = 'Benchleverandør ' || (1 + i % 30)) from generate_series(1, ${PRODUCTS}) i`);
  await tx.execute(sql`insert into systems (organization_id, name, users)
    select o.id, 'Benchsystem ' || s, 10 + s from organizations o cross join generate_series(1, ${SYSTEMS}) s where o.slug like 'bench-k-%'`);
  await tx.execute(sql`insert into system_products (system_id, organization_id, product_id)
    select s.id, s.organization_id, p.id from systems s join products p on p.name = 'Benchprodukt ' || (1 + (abs(hashtext(s.id::text)) % ${PRODUCTS})) where s.name like 'Benchsystem %'`);
  await tx.execute(sql`insert into product_network (organization_id, contact_name) select id, 'Kontakt' from organizations where slug like 'bench-k-%'`);
  const [org] = (await queryRows<{ id: string }>(tx, sql`select id from organizations where slug = 'bench-k-1'`));
  const user = await createLocalUser(tx, { username: 'bench-followup', displayName: 'Bench', passwordHash: 'x', systemAdmin: false });
  await tx.insert(memberships).values({ organizationId: org!.id, userId: user.id, role: 'admin' });
  const [sys] = (await queryRows<{ id: string }>(tx, sql`select id from systems where organization_id = ${org!.id} order by name limit 1`));
  const plan = await createPlan(tx, org!.id, { name: 'Benchplan', startYear: 2026, endYear: 2029, vision: null });
  await tx.execute(sql`insert into measures (organization_id, revision_id, number, title) select ${org!.id}, ${plan.revisionId}, i::text, 'Tiltak ' || i from generate_series(1, 200) i`);
  await tx.execute(sql`insert into benefits (organization_id, revision_id, measure_id, kind, indicator, targets)
    select organization_id, revision_id, id, 'economic', 'Gevinst', '[{"year": 2026, "value": 1000}]'::jsonb from measures where revision_id = ${plan.revisionId}`);
  await tx.execute(sql`insert into status_reports (organization_id, revision_id, measure_id, report_date, status, text)
    select organization_id, revision_id, id, '2026-08-31', 'on_track', 'Går etter planen' from measures where revision_id = ${plan.revisionId}`);
  return { userId: user.id, orgId: org!.id, systemId: sys!.id, revisionId: plan.revisionId };
});
console.log(`seeded ${KOMMUNER} kommuner × ${SYSTEMS} systems in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    await fn();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  console.log(`${name}: median ${runs[5]!.toFixed(1)} ms, max ${runs[9]!.toFixed(1)} ms`);
}

await time('Hvem andre bruker (peers of one system)', () => withActor(database.db, userId, (tx) => systemPeers(tx, orgId, systemId), orgId));
await time('Mest brukte systemer (national usage)', () => withActor(database.db, userId, (tx) => productUsage(tx), orgId));
await time('dashboard data (200 measures)', () =>
  withSystem(database.db, async (tx) => [await loadRevision(tx, orgId, revisionId), await listBenefits(tx, orgId, revisionId), await listStatusReports(tx, orgId, revisionId)]),
);
await database.close();
