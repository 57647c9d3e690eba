/**
 * Measures what one test file pays to get a database (not a test; run by hand):
 *   node --import tsx test/support/measure-open.ts [rounds]
 * Prints the time of: the slow open (empty cluster + all migrations), the template open
 * (loadDataDir of a migrated dump, migrations then find nothing to do), the demo seed, and the
 * seeded-template open. TEST_DATABASE_URL set: also CREATE DATABASE + migrate vs CREATE DATABASE … TEMPLATE.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/db/database.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createPostgresDatabase, createTemplates, dropPostgresDatabase, dropTemplates, testDatabaseName, withDatabase } from './templates.ts';

const rounds = Number(process.argv[2] ?? 3);

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await fn();
    runs.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time of the process (all threads, PGlite's worker included) says more than wall time on a loaded machine.
  const median = (xs: number[]) => ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0) / 1000;
  const list = (xs: number[]) => xs.map((r) => (r / 1000).toFixed(2)).join(', ');
  console.log(`${label.padEnd(44)} wall ${median(runs).toFixed(2)} s (${list(runs)})  cpu ${median(cpu).toFixed(2)} s (${list(cpu)})`);
}

const templates = await createTemplates();
try {
  const { migrated, seeded } = templates.pglite;
  console.log(`template tarballs: migrated ${(migrated.byteLength / 1e6).toFixed(1)} MB, seeded ${(seeded.byteLength / 1e6).toFixed(1)} MB`);
  await time('pglite: open + migrate (before)', async () => (await openDatabase({ dataDir: 'memory://' })).close());
  await time('pglite: open from migrated template (after)', async () => (await openDatabase({ dataDir: 'memory://', loadDataDir: migrated })).close());
  await time('pglite: open + migrate + seedDemo (before)', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await seedDemo(db.db);
    await db.close();
  });
  await time('pglite: open from seeded template (after)', async () => (await openDatabase({ dataDir: 'memory://', loadDataDir: seeded })).close());
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (templates.postgres && adminUrl) {
    const openPostgres = async (template?: string) => {
      const name = testDatabaseName('veikart_measure');
      await createPostgresDatabase(adminUrl, name, template);
      const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 5 });
      await db.close();
      await dropPostgresDatabase(adminUrl, name);
    };
    await time('postgres: create database + migrate (before)', () => openPostgres());
    await time('postgres: create database … template (after)', () => openPostgres(templates.postgres));
  }
} finally {
  await dropTemplates(templates);
}
