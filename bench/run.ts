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

interface ServerInfo {
  address: string;
  cookie: string;
  listUrl: string;
  listBytes: number;
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
    for (const connections of [1, 32]) {
      results.push(await measure('GET /api/health', `${base}/api/health`, connections, {}));
      results.push(await measure(`GET sites list (${info.listBytes} B JSON, 300 rows)`, `${base}${info.listUrl}`, connections, { cookie: info.cookie, 'accept-encoding': 'gzip' }));
      results.push(await measure('bare route, same bytes from memory', `${base}/bench/bare`, connections, { 'accept-encoding': 'gzip' }));
    }
    const rows = results.map((m) => {
      const bare = results.find((b) => b.connections === m.connections && b.name.startsWith('bare'));
      const ratio = bare && !m.name.startsWith('bare') ? `${fmt((m.rps / bare.rps) * 100)} %` : '–';
      return `| ${m.name} | ${m.connections} | ${fmt(m.rps, 0)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.bytes} | ${m.errors} | ${ratio} |`;
    });
    for (const r of rows) console.log(r);
    return [
      `### ${label} (driver: ${info.driver})`,
      '',
      `Dataset: ${info.organizations} organizations (every kommune in the official 2024 list), ${info.sites} sites; the list is one organization's 300 sites, read as a \`reader\` through the session cookie, row-level security on.`,
      '',
      '| endpoint | connections | req/s | p50 ms | p95 ms | p99 ms | bytes/response | errors | vs. bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  const sections = [await runBackend('Embedded PGlite')];
  if (process.env.BENCH_DATABASE_URL) sections.push(await runBackend('PostgreSQL', process.env.BENCH_DATABASE_URL));
  const cpu = cpus();
  const doc = [
    '# Benchmarks',
    '',
    `Run with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
      `Server and load generator (autocannon, ${DURATION} s per row) share the machine; the server runs in its own process. ` +
      'Latencies are computed from every response time. "vs. bare" is the endpoint\'s req/s as a share of a bare Fastify route that sends the same JSON bytes from memory (same compression), i.e. what the database, session, access check and serialization cost.',
    '',
    'PostgreSQL runs when `BENCH_DATABASE_URL` is set (a superuser URL; the benchmark creates its tables in that database, so use an empty one).',
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
