/**
 * `npm run bench -- --only cache` (issue 20): the response cache and conditional requests. Starts the
 * benchmark server (bench/server.ts, the portfolio dataset: 357 kommuner × 150 systems and an IKS)
 * with VEIKART_CACHE=on, on the embedded database and on PostgreSQL when BENCH_DATABASE_URL is set,
 * and measures at 32 connections: the bare route (the same bytes from memory), a miss (a new URL
 * every request: the route plus the cache's bookkeeping), a hit (the same URL), a 304 (If-None-Match),
 * and a mixed load of 95 % reads and 5 % writes spread over the 357 kommuner (each kommune's editor
 * reads its 50-row list or adds a person). Reports the server's peak RSS against the configured bound.
 * Results go into BENCHMARKS.md between the markers below.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import type { PortfolioEndpoint } from './server.ts';

const START = '<!-- cache:start -->';
const END = '<!-- cache:end -->';
const SECONDS = Number(process.env.BENCH_CACHE_SECONDS ?? 5);
const CONNECTIONS = 32;
const MAX_BYTES = process.env.VEIKART_CACHE_MAX_BYTES ?? String(64 * 1024 * 1024);
const KEYS = ['kommune-list50', 'owner-list50', 'owner-list300', 'owner-support'] as const;

interface Info {
  address: string;
  driver: string;
  portfolio: { endpoints: PortfolioEndpoint[] } | null;
  cacheUsers: Array<{ orgId: string; cookie: string; csrf: string }>;
}

type Req = { method?: string; path: string; headers: Record<string, string>; body?: string };

async function load(base: string, next: () => Req): Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number }> {
  const run = (duration: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: base, connections: CONNECTIONS, duration, requests: [{ setupRequest: (r: unknown) => ({ ...(r as object), ...next() }) as never }] },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      void instance;
    });
  await run(1);
  const r = await run(SECONDS);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

function etagOf(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers.etag ?? '')));
    })
      .on('error', reject)
      .end();
  });
}

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function runBackend(name: string, databaseUrl: string | undefined): Promise<string[]> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'bench/server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', BENCH_ONLY: 'portfolio', VEIKART_CACHE: 'on', VEIKART_CACHE_MAX_BYTES: MAX_BYTES, BENCH_CACHE_USERS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const info = await new Promise<Info>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Info));
      child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const base = info.address;
    const rows: string[] = [];
    const rates = new Map<string, number>();
    const gzip = { 'accept-encoding': 'gzip' };
    for (const key of KEYS) {
      const e = info.portfolio?.endpoints.find((x) => x.key === key);
      if (!e || e.error) continue;
      const headers = { cookie: e.cookie, ...gzip };
      const bare = await load(base, () => ({ path: `/bench/bare/${key}`, headers: gzip }));
      // The first request stores the body; the miss row runs last, and its backlog (the embedded
      // database has one connection) drains before the next row starts.
      const etag = await etagOf(`${base}${e.url}`, headers);
      const hit = await load(base, () => ({ path: e.url, headers }));
      const notModified = await load(base, () => ({ path: e.url, headers: { ...headers, 'if-none-match': etag } }));
      let n = 0;
      const sep = e.url.includes('?') ? '&' : '?';
      const miss = await load(base, () => ({ path: `${e.url}${sep}bench=${n++}`, headers }));
      await etagOf(`${base}${e.url}${sep}drain=1`, headers);
      rates.set(key, miss.rps);
      const pct = (x: number) => `${Math.round((100 * x) / bare.rps)} %`;
      rows.push(
        `| ${name} | ${e.label} | ${Math.round(bare.rps)} | ${Math.round(miss.rps)} | ${Math.round(hit.rps)} (${pct(hit.rps)}) | ${Math.round(notModified.rps)} (${pct(notModified.rps)}) | ${hit.p50} / ${hit.p99} | ${miss.errors + hit.errors + notModified.errors} |`,
      );
      console.log(rows[rows.length - 1]);
    }
    const users = info.cacheUsers;
    // Every kommune's list asked once first, eight at a time (the cache starts warm, as in use).
    for (let i = 0; i < users.length; i += 8) {
      await Promise.all(users.slice(i, i + 8).map((u) => etagOf(`${base}/api/v1/organizations/${u.orgId}/systems?limit=50`, { cookie: u.cookie, ...gzip })));
    }
    let writes = 0;
    const mixed = await load(base, () => {
      const u = users[Math.floor(Math.random() * users.length)]!;
      if (Math.random() < 0.05) {
        writes++;
        return {
          method: 'POST',
          path: `/api/v1/organizations/${u.orgId}/persons`,
          headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/json', ...gzip },
          body: JSON.stringify({ name: `Bench ${writes}` }),
        };
      }
      return { method: 'GET', path: `/api/v1/organizations/${u.orgId}/systems?limit=50`, headers: { cookie: u.cookie, ...gzip } };
    });
    const baseline = rates.get('kommune-list50') ?? 0;
    const mixedRow = `| ${name} | mixed: 95 % reads (50-row list), 5 % writes, ${users.length} kommuner | — | ${Math.round(baseline)} | ${Math.round(mixed.rps)} (${baseline > 0 ? (mixed.rps / baseline).toFixed(1) : '?'}× the miss row of one kommune) | — | ${mixed.p50} / ${mixed.p99} | ${mixed.errors} errors, ${mixed.non2xx} non-2xx |`;
    rows.push(mixedRow);
    console.log(mixedRow);
    const rss = peakRss(child.pid ?? 0);
    rows.push(`| ${name} | server peak RSS (VmHWM) | ${Math.round(rss / 2 ** 20)} MiB; cache bound ${Math.round(Number(MAX_BYTES) / 2 ** 20)} MiB of bodies | | | | | |`);
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query('drop database if exists veikart_bench_cache with (force)');
  await client.query('create database veikart_bench_cache');
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = '/veikart_bench_cache';
  return url.toString();
}

export async function runCacheBenchmarks(): Promise<void> {
  const started = loadavg();
  const rows: string[] = [];
  if (process.env.BENCH_PGLITE !== '0') rows.push(...(await runBackend('PGlite', undefined)));
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) rows.push(...(await runBackend('PostgreSQL', await freshDatabase(pgUrl))));
  const cpu = cpus();
  const section = [
    START,
    '### Response cache and conditional requests (issue 20)',
    '',
    `\`npm run bench -- --only cache\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}; load average at start ${started.map((l) => l.toFixed(2)).join(' / ')}. ` +
      `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per row after 1 s of warm-up, gzip; the portfolio dataset (bench/server.ts), VEIKART_CACHE=on, VEIKART_CACHE_MAX_BYTES=${MAX_BYTES}. ` +
      '"miss" asks a new URL every request (the route plus the cache\'s bookkeeping and storing), "hit" the same URL (the stored gzip body, no database round trip), "304" the same URL with If-None-Match; percentages are of the bare route.',
    '',
    '| backend | endpoint | bare req/s | miss req/s | hit req/s | 304 req/s | hit p50 / p99 ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    END,
  ].join('\n');
  const previous = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
  const a = previous.indexOf(START);
  const b = previous.indexOf(END);
  const next = a >= 0 && b > a ? `${previous.slice(0, a)}${section}${previous.slice(b + END.length)}` : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync('BENCHMARKS.md', next);
  console.log('Wrote BENCHMARKS.md (response cache section)');
}
