/**
 * `npx tsx bench/status-report.ts`: times the annual status report (issue 18: under 1 s for a plan
 * of 200 measures), model and both renderers, median of five runs after one warm-up. Run by
 * `npm run bench -- --only features`; prints one line per format.
 */
import { performance } from 'node:perf_hooks';
import { buildStatusReport, renderStatusReport } from '../src/reports/status-report.ts';
import type { Benefit } from '../src/domain/benefit.ts';
import { buildFixture, id } from '../test/reports/plan-fixture.ts';

const input = buildFixture({ extraMeasures: 200 });
const benefits: Benefit[] = input.revision.measures.map((m, i) => ({
  id: id(),
  lineageId: id(),
  measureId: m.id,
  position: 0,
  kind: i % 2 === 0 ? 'economic' : 'time',
  indicator: `Gevinst ${i + 1}`,
  unit: null,
  baseline: 0,
  owner: 'Rådmann',
  disposition: null,
  targets: [{ year: 2026, value: 10_000 * (i + 1) }],
  results: [{ year: 2026, value: 9_000 * (i + 1), comment: null }],
  version: 1,
}));
const reports = input.revision.measures.map((m) => ({ id: id(), measureId: m.id, reportDate: '2026-08-31', status: 'on_track' as const, summary: 'Går etter planen.' }));
const full = { ...input, followup: { benefits, reports } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => unknown): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

console.log(`measures: ${full.revision.measures.length}`);
console.log(`model: ${(await time(() => buildStatusReport(full, 2026))).toFixed(1)} ms`);
for (const format of ['docx', 'pdf'] as const) console.log(`${format}: ${(await time(() => renderStatusReport(full, 2026, format))).toFixed(1)} ms`);
