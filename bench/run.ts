/**
 * `npm run bench`: starts the benchmark server (bench/server.ts) in its own process and loads it
 * with autocannon from this one. Reports req/s and p50/p95/p99 latency per endpoint, and the ratio
 * of each API endpoint to the same bytes served from memory by a bare route. Runs on the embedded
 * database, and on PostgreSQL too when BENCH_DATABASE_URL is set. Writes BENCHMARKS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, withSystem } from '../src/db/database.ts';
import { applyActionPlan } from '../src/db/queries/plan-import.ts';
import { insertOrganization } from '../src/db/queries/organizations.ts';
import { parseActionPlanTable, planTableRows } from '../src/domain/actionplan-import.ts';
import { parseActionPlanFile } from '../src/reports/actionplan-io.ts';
import { writeTable } from '../src/reports/spreadsheet.ts';
import { benchPlanTable } from './server.ts';
import { createPlan, loadRevision } from '../src/db/queries/plans.ts';
import { documentInput } from '../src/db/queries/plan-document.ts';
import { renderPlanDocument } from '../src/reports/documents.ts';

interface ServerInfo {
  address: string;
  cookie: string;
  endpoints: Record<'sites' | 'plan', string>;
  bytes: Record<'sites' | 'plan', number>;
  planMeasures: number;
  driver: string;
  organizations: number;
  sites: number;
}

interface Measurement {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
}

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

async function startServer(databaseUrl?: string): Promise<{ info: ServerInfo; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as ServerInfo));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { info, child };
}

async function measure(name: string, url: string, connections: number, headers: Record<string, string>): Promise<Measurement> {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: DURATION, headers }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      times.push(responseTime);
      bytes = resBytes;
    });
  });
  times.sort((a, b) => a - b);
  return {
    name,
    connections,
    requests: times.length,
    rps: times.length / DURATION,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    bytes,
    errors: result.errors + result.non2xx,
  };
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function runBackend(label: string, databaseUrl?: string): Promise<string> {
  const started = Date.now();
  const { info, child } = await startServer(databaseUrl);
  console.log(`${label}: dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${info.organizations} organizations, ${info.sites} sites)`);
  try {
    const base = info.address;
    const results: Measurement[] = [];
    const queryCounts: Record<string, number> = {};
    const countQueries = async (path: string, headers: Record<string, string>): Promise<number> => {
      await fetch(`${base}/bench/queries`);
      await fetch(`${base}${path}`, { headers });
      const { queries } = (await (await fetch(`${base}/bench/queries`)).json()) as { queries: number };
      return queries;
    };
    const auth = { cookie: info.cookie, 'accept-encoding': 'gzip' };
    queryCounts.health = await countQueries('/api/health', {});
    queryCounts.sites = await countQueries(info.endpoints.sites, auth);
    queryCounts.plan = await countQueries(info.endpoints.plan, auth);
    for (const connections of [1, 32]) {
      results.push(await measure('GET /api/health', `${base}/api/health`, connections, {}));
      results.push(await measure(`GET sites list (300 rows, ${info.bytes.sites} B JSON), ${queryCounts.sites} SQL`, `${base}${info.endpoints.sites}`, connections, auth));
      results.push(await measure('bare: same sites bytes from memory', `${base}/bench/bare/sites`, connections, { 'accept-encoding': 'gzip' }));
      results.push(await measure(`GET handlingsplan (${info.planMeasures} measures × 4 years, ${info.bytes.plan} B JSON), ${queryCounts.plan} SQL`, `${base}${info.endpoints.plan}`, connections, auth));
      results.push(await measure('bare: same handlingsplan bytes from memory', `${base}/bench/bare/plan`, connections, { 'accept-encoding': 'gzip' }));
    }
    const rows = results.map((m) => {
      const bareName = m.name.startsWith('GET handlingsplan') ? 'bare: same handlingsplan' : m.name.startsWith('GET sites') ? 'bare: same sites' : null;
      const bare = bareName ? results.find((b) => b.connections === m.connections && b.name.startsWith(bareName)) : undefined;
      const ratio = bare ? `${fmt((m.rps / bare.rps) * 100)} %` : '–';
      return `| ${m.name} | ${m.connections} | ${fmt(m.rps, 0)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.bytes} | ${m.errors} | ${ratio} |`;
    });
    for (const r of rows) console.log(r);
    const imports = await importTimings(databaseUrl);
    for (const r of imports) console.log(r);
    return [
      `### ${label} (driver: ${info.driver})`,
      '',
      `Dataset: ${info.organizations} organizations (every kommune in the official 2024 list), ${info.sites} sites, and a plan of ${info.planMeasures} measures × 4 years (invest and drift lines, a quarter as quantity × unit price) in one organization. Requests are made as a \`reader\` through the session cookie, row-level security on. SQL statements per request (counted by the app's query logger, BEGIN/COMMIT not included): health ${queryCounts.health}, sites ${queryCounts.sites}, handlingsplan ${queryCounts.plan}; a test asserts the handlingsplan count does not grow with the number of measures.`,
      '',
      '| endpoint | connections | req/s | p50 ms | p95 ms | p99 ms | bytes/response | errors | vs. bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'Import of a 10 000-row action-plan file (5 000 measures with an invest and a drift row each, 4 years, plus SUM rows) into a new plan: read + parse + check + write in one transaction.',
      '',
      '| file | rows | read + parse + check | write to database | total |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...imports,
      '',
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Times the import of a 10 000-row file in CSV and XLSX against a fresh database of the same kind. */
async function importTimings(databaseUrl?: string): Promise<string[]> {
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://' });
  const rows = planTableRows(benchPlanTable(5000));
  const out: string[] = [];
  try {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await writeTable(rows, format);
      const org = await withSystem(database.db, (tx) =>
        insertOrganization(tx, { name: `Import ${format}`, slug: `bench-import-${format}-${Date.now()}`, kind: 'annen', kommunenummer: null, language: 'nb' }),
      );
      const t0 = performance.now();
      const parsed = await parseActionPlanFile(file, `plan.${format}`);
      const t1 = performance.now();
      if (!parsed.ok) throw new Error('bench import did not parse');
      await withSystem(database.db, (tx) => applyActionPlan(tx, org.id, parsed.value));
      const t2 = performance.now();
      out.push(`| ${format.toUpperCase()} (${Math.round(file.length / 1024)} KiB) | ${rows.length - 1} | ${fmt((t1 - t0) / 1000, 2)} s | ${fmt((t2 - t1) / 1000, 2)} s | ${fmt((t2 - t0) / 1000, 2)} s |`);
    }
  } finally {
    await database.close();
  }
  return out;
}

/** Document generation time (median of 3 after a warm-up) for plans of 60 and 200 measures. */
async function documentTimings(): Promise<string[]> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const out: string[] = [];
  try {
    for (const measures of [60, 200]) {
      const parsed = parseActionPlanTable(planTableRows(benchPlanTable(measures)));
      if (!parsed.ok) throw new Error('bench plan did not parse');
      const input = await withSystem(database.db, async (tx) => {
        const org = await insertOrganization(tx, { name: `Dokumentkommune ${measures}`, slug: `bench-doc-${measures}`, kind: 'annen', kommunenummer: null, language: 'nb' });
        const { revisionId } = await createPlan(tx, org.id, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: 'Benchmark' });
        await applyActionPlan(tx, org.id, parsed.value, revisionId);
        const rev = await loadRevision(tx, org.id, revisionId);
        if (!rev) throw new Error('no revision');
        return documentInput(tx, org, rev);
      });
      for (const format of ['docx', 'pdf'] as const) {
        await renderPlanDocument(input, format);
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          bytes = (await renderPlanDocument(input, format)).length;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        out.push(`| ${measures} | ${format.toUpperCase()} | ${fmt((times[1] ?? 0) / 1000, 2)} s | ${Math.round(bytes / 1024)} KiB |`);
      }
    }
  } finally {
    await database.close();
  }
  return out;
}

/** A fresh database on the PostgreSQL server of `adminUrl`, dropped afterwards. */
async function withFreshDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `veikart_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const sections = [await runBackend('Embedded PGlite')];
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) sections.push(await withFreshDatabase(pgUrl, (url) => runBackend('PostgreSQL', url)));
  const docs = await documentTimings();
  for (const r of docs) console.log(r);
  sections.push(
    [
      '### Plan documents',
      '',
      'Time to build the document model and render it (median of three runs after a warm-up), for plans of 60 and 200 measures × 4 years.',
      '',
      '| measures | format | time | size |',
      '| ---: | --- | ---: | ---: |',
      ...docs,
      '',
    ].join('\n'),
  );
  const cpu = cpus();
  const doc = [
    '# Benchmarks',
    '',
    `Run with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
      `Server and load generator (autocannon, ${DURATION} s per row) share the machine; the server runs in its own process. ` +
      'Latencies are computed from every response time. "vs. bare" is the endpoint\'s req/s as a share of a bare Fastify route that sends the same JSON bytes from memory (same compression), i.e. what the database, session, access check and serialization cost.',
    '',
    'PostgreSQL runs when `BENCH_DATABASE_URL` is set (a superuser URL such as `postgres://postgres@127.0.0.1:5433/postgres`; the benchmark creates a fresh database on that server and drops it afterwards).',
    '',
    ...sections,
  ].join('\n');
  writeFileSync('BENCHMARKS.md', `${doc}\n`);
  console.log('Wrote BENCHMARKS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
