/**
 * `node --import tsx bench/annual-report.ts`: how long the annual report (årsmelding) takes to build,
 * for an IKS year of 6 owners with 10 years of history, 30 ansvar, 10 cost pools, 60 shared
 * solutions and a plan of 40 measures with results: "typical" with 5 metrics (the real årsmelding
 * has Feide log-ins, letters in and out, helpdesk cases and user accounts: 5 bar and 5 line charts),
 * "large" with 20 metrics (40 charts). Model, DOCX and PDF separately, median of 5 runs after a
 * warm-up. Target: under 2 s per document. Prints the load average: on a shared, loaded machine the
 * times are that much longer. Run by `npm run bench -- --only features`.
 */
import { cpus, loadavg } from 'node:os';
import type { AnnualFigures } from '../src/domain/annual-figures.ts';
import type { AnnualReportInput } from '../src/domain/annual-report.ts';
import { buildAnnualReport, renderAnnualReport } from '../src/reports/annual-report/index.ts';
import { buildFixture } from '../test/reports/plan-fixture.ts';

const OWNERS = ['5041 Snåsa', '5042 Lierne', '5043 Røyrvik', '5044 Namsskogan', '5045 Grong', '5046 Høylandet'].map((s) => {
  const [kommunenummer, name] = s.split(' ') as [string, string];
  return { kommunenummer, name: `${name} kommune` };
});
const YEAR = 2025;
const YEARS = Array.from({ length: 10 }, (_, i) => YEAR - 9 + i);

function figures(metricCount: number): AnnualFigures {
  const metrics = Array.from({ length: metricCount }, (_, i) => ({ name: `Måltall ${i + 1}`, unit: null, description: i % 3 === 0 ? 'Beskrivelse av måltallet.' : null }));
  const value = (o: number, m: number, y: number) => 1000 + o * 311 + m * 97 + y * 13;
  const rows = OWNERS.map((o, oi) => ({ ...o, values: metrics.map((_, mi) => value(oi, mi, YEARS.length - 1)) }));
  const totals = metrics.map((_, mi) => rows.reduce((s, r) => s + (r.values[mi] ?? 0), 0));
  const history = metrics.map((m, mi) => ({ metric: m.name, years: YEARS, rows: OWNERS.map((o, oi) => ({ name: o.name, values: YEARS.map((_, yi) => value(oi, mi, yi)) })) }));
  const lines = Array.from({ length: 30 }, (_, i) => ({ ansvar: String(1000 + i * 10), name: `Ansvar ${i + 1}`, budget: 500_000 + i * 1000, actual: 490_000 + i * 1300, deviation: 10_000 - i * 300 }));
  const sum = (k: 'budget' | 'actual' | 'deviation') => lines.reduce((s, l) => s + l[k], 0);
  const pools = Array.from({ length: 10 }, (_, i) => ({
    name: `Pool ${i + 1}`,
    ansvar: String(1000 + i * 10),
    basis: 'actual' as const,
    key: 'equal' as const,
    metric: null,
    amount: 600_000 + i,
    shares: OWNERS.map((o, oi) => ({ ...o, amount: 100_000 + (oi < i % 6 ? 1 : 0) })),
  }));
  return {
    year: YEAR,
    statistics: { metrics, rows, totals, history, months: [] },
    accounts: { lines, total: { budget: sum('budget'), actual: sum('actual'), deviation: sum('deviation') } },
    costSharing: { pools, totalPerOwner: OWNERS.map((o) => ({ ...o, amount: 1_000_000 })) },
  };
}

function input(metricCount: number): AnnualReportInput {
  const plan = buildFixture({ extraMeasures: 30 });
  for (const m of plan.revision.measures) {
    m.result = `Resultat for ${m.title}: gjennomført som planlagt.`;
    m.startDate = null;
    m.endDate = null;
  }
  return {
    organization: { name: 'Indre Namdal IKT IKS', kommunenummer: null, language: 'nb' },
    year: YEAR,
    title: null,
    introduction: Array.from({ length: 6 }, () => 'Et avsnitt om året som gikk, med litt tekst om drift, prosjekter og samarbeid.').join('\n\n'),
    revision: plan.revision,
    figures: figures(metricCount),
    solutions: Array.from({ length: 60 }, (_, i) => ({
      name: `Løsning ${i + 1}`,
      introducedYear: 2005 + (i % 20),
      lifecycle: i % 7 === 0 ? ('retired' as const) : ('in_operation' as const),
      successor: null,
      sharedWith: OWNERS.slice(0, 2 + (i % 5)).map((o) => o.name),
    })),
    generatedAt: new Date().toISOString(),
  };
}

/** Median wall time of 5 runs; also the median CPU time of this process (less skewed by other load). */
async function median(label: string, fn: () => unknown): Promise<number> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
  console.log(`${label.padEnd(28)} wall ${Math.round(mid(wall)).toString().padStart(6)} ms, cpu ${Math.round(mid(cpu)).toString().padStart(6)} ms  (wall runs: ${wall.map(Math.round).join(', ')})`);
  return mid(wall);
}

console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [size, metricCount] of [['typical', 5], ['large', 20]] as const) {
  const data = input(metricCount);
  const blocks = buildAnnualReport(data).sections.flatMap((s) => s.blocks);
  console.log(`\n${size}: ${blocks.length} blocks, ${blocks.filter((b) => b.type === 'chart').length} charts, ${blocks.filter((b) => b.type === 'table').length} tables, ${data.revision?.measures.length ?? 0} measures`);
  await median('model (buildAnnualReport)', () => buildAnnualReport(data));
  const docx = await median('DOCX', () => renderAnnualReport(data, 'docx'));
  const pdf = await median('PDF (tagged, PDF/UA-1)', () => renderAnnualReport(data, 'pdf'));
  console.log(docx < 2000 && pdf < 2000 ? 'target met: each document under 2 s (wall)' : 'target missed in wall time: a document took 2 s or more (compare the cpu times when the load average is above the core count)');
}
