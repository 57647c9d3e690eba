/**
 * `npm run bench -- --only features` (and the end of a full `npm run bench`): the benchmarks of the
 * IKS year, the annual report, the risk register, the equipment register and follow-up (issues
 * 15–18). Each is its own script (bench/iks-year.ts, annual-report.ts, risks.ts, assets.ts,
 * followup.ts, status-report.ts) run in its own process on the embedded database, and on PostgreSQL
 * too when BENCH_DATABASE_URL is set (each in a fresh database made here). Their printed results go
 * into BENCHMARKS.md between the markers below, replacing the previous ones; the rest of the file is kept.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';

const START = '<!-- features:start -->';
const END = '<!-- features:end -->';

interface Script {
  readonly file: string;
  readonly title: string;
  readonly target: string;
  /** How the script is told to use PostgreSQL: a fresh database in this variable; null = embedded only. */
  readonly pgVariable: 'DATABASE_URL' | 'BENCH_DATABASE_URL' | null;
}

const SCRIPTS: readonly Script[] = [
  { file: 'bench/iks-year.ts', title: 'IKS year: statistics import and reads', target: 'a 1 000-row statistics import under 1 s; a constant number of statements for 1 and 10 years', pgVariable: 'DATABASE_URL' },
  { file: 'bench/annual-report.ts', title: 'Annual report (årsmelding)', target: 'each document under 2 s', pgVariable: null },
  { file: 'bench/risks.ts', title: 'Risk list, 500 risks', target: 'a constant number of statements per request', pgVariable: 'DATABASE_URL' },
  { file: 'bench/assets.ts', title: 'Equipment forecast and register', target: 'the forecast for 10 000 groups under 200 ms; a constant number of statements', pgVariable: null },
  { file: 'bench/followup.ts', title: 'Follow-up: «Hvem andre bruker», «Mest brukte systemer», dashboard', target: 'a constant number of statements (asserted in test/api/followup.test.ts and products.test.ts)', pgVariable: 'BENCH_DATABASE_URL' },
  { file: 'bench/status-report.ts', title: 'Annual status report, 200 measures', target: 'under 1 s', pgVariable: null },
];

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runScript(file: string, env: NodeJS.ProcessEnv): string {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const out = `${result.stdout ?? ''}`.trim();
  if (result.status !== 0) return `${out}\n\n(failed with exit code ${result.status} after ${seconds} s: ${`${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ')})`;
  return out;
}

export async function runFeatureBenchmarks(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL || null;
  const parts: string[] = [
    START,
    '## Benchmarks of the IKS year, risk, equipment and follow-up (bench/features.ts)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}. Each script runs in its own process; its own output follows.`,
  ];
  for (const script of SCRIPTS) {
    const base = { ...process.env, DATABASE_URL: '', BENCH_DATABASE_URL: '' };
    console.log(`bench: ${script.file} (embedded)`);
    const runs = [`Embedded PGlite:\n\n\`\`\`\n${runScript(script.file, base)}\n\`\`\``];
    if (server && script.pgVariable) {
      console.log(`bench: ${script.file} (PostgreSQL)`);
      const url = await freshDatabase(server, `veikart_bench_${script.file.replace(/\W/g, '_')}`);
      runs.push(`PostgreSQL:\n\n\`\`\`\n${runScript(script.file, { ...base, [script.pgVariable]: url })}\n\`\`\``);
    }
    parts.push('', `### ${script.title} (\`${script.file}\`)`, '', `Target: ${script.target}.`, '', runs.join('\n\n'));
  }
  parts.push(END);
  const section = parts.join('\n');
  const previous = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
  const at = previous.indexOf(START);
  const end = previous.indexOf(END);
  const next = at >= 0 && end > at ? `${previous.slice(0, at)}${section}${previous.slice(end + END.length)}` : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync('BENCHMARKS.md', next);
  console.log('Wrote BENCHMARKS.md (feature benchmarks section)');
}
