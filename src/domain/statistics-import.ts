/**
 * Reads a statistics table (rows of cell text) in one of two shapes:
 *  - wide: first column `kommune`, then one column per metric (header = the metric's name);
 *    the year comes from the caller (`--year`, or the page's year);
 *  - long: `kommune;år;måltall;verdi` (and optionally `måned`), any number of years: every year in
 *    the file is imported (a year given by the caller only names the import's `year`).
 * A row named `Totalt`/`Sum` holds printed totals: each is compared with the sum of the imported
 * rows (per metric, and per year in the long shape) and each mismatch is reported, as the
 * handlingsplan import does. Unknown kommuner and non-numbers are reported with row and column;
 * the rest of the row is still read. Pure: the caller gives the subjects a kommune cell may name.
 */
import { Problems, type ImportProblem } from './actionplan-import-model.ts';
import { isBlankRow, normaliseHeader } from './actionplan-import.ts';
import { add } from './money.ts';
import { isTotalLabel, parseStatistic, subjectMatcher, type Subject } from './statistics.ts';
import { message } from './messages.ts';

export interface StatisticValue {
  metric: string;
  subject: Subject;
  year: number;
  month: number | null;
  value: number;
  /** 1-based spreadsheet row. */
  row: number;
}

export interface StatisticsDiscrepancy {
  metric: string;
  printed: number;
  computed: number;
}

export interface StatisticsImport {
  shape: 'wide' | 'long';
  /** The year of a wide table; for a long one the caller's year, or else the file's latest. */
  year: number;
  /** Metric names in the order of the file. */
  metrics: string[];
  values: StatisticValue[];
  /** Per metric, the sum of the imported rows. */
  totals: Record<string, number>;
  discrepancies: StatisticsDiscrepancy[];
  problems: ImportProblem[];
}

export type StatisticsImportResult = { ok: true; value: StatisticsImport } | { ok: false; problems: ImportProblem[] };

const KOMMUNE = new Set(['kommune', 'kommunenavn', 'kommunenummer', 'kommunenr', 'eier']);
const LONG = { year: new Set(['år', 'aar', 'ar', 'year']), metric: new Set(['måltall', 'maltall', 'metric', 'indikator']), value: new Set(['verdi', 'value', 'antall']), month: new Set(['måned', 'maned', 'month', 'mnd']) };

export function parseStatisticsTable(rows: string[][], subjects: readonly Subject[], options: { year?: number } = {}): StatisticsImportResult {
  const problems = new Problems();
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) return { ok: false, problems: [{ row: 0, column: '', message: 'Filen er tom.' }] };
  const header = rows[headerIndex]!.map(normaliseHeader);
  if (!KOMMUNE.has(header[0] ?? '')) {
    return { ok: false, problems: [{ row: headerIndex + 1, column: rows[headerIndex]![0] ?? '', message: message('stat.firstColumn') }] };
  }
  const find = (names: Set<string>) => header.findIndex((h) => names.has(h));
  const long = { year: find(LONG.year), metric: find(LONG.metric), value: find(LONG.value), month: find(LONG.month) };
  const match = subjectMatcher(subjects);
  const body = rows.slice(headerIndex + 1).map((cells, i) => ({ cells, row: headerIndex + i + 2 })).filter((r) => !isBlankRow(r.cells));
  if (long.year >= 0 && long.metric >= 0 && long.value >= 0) return readLong(body, long, match, problems, options.year);
  if (options.year === undefined) {
    return { ok: false, problems: [{ row: 0, column: '', message: message('stat.chooseYear') }] };
  }
  return readWide(rows[headerIndex]!, body, match, problems, options.year);
}

type Body = { cells: string[]; row: number }[];

function readWide(headerCells: string[], body: Body, match: (t: string) => Subject | null, problems: Problems, year: number): StatisticsImportResult {
  const columns: { index: number; metric: string }[] = [];
  const seen = new Set<string>();
  headerCells.forEach((cell, index) => {
    const metric = cell.trim().replace(/\s+/g, ' ');
    if (index === 0 || metric === '') return;
    if (seen.has(metric.toLowerCase())) problems.add(1, metric, `Måltallet «${metric}» står i to kolonner; bare den første er lest.`);
    else {
      seen.add(metric.toLowerCase());
      columns.push({ index, metric });
    }
  });
  if (columns.length === 0) return { ok: false, problems: [{ row: 1, column: '', message: message('stat.noMetrics') }] };
  const values: StatisticValue[] = [];
  const printed: { metric: string; value: number }[] = [];
  const subjectsSeen = new Map<string, number>();
  for (const { cells, row } of body) {
    const label = cells[0]?.trim() ?? '';
    if (isTotalLabel(label)) {
      for (const c of columns) {
        const text = cells[c.index]?.trim() ?? '';
        if (text === '') continue;
        const value = parseStatistic(text);
        if (value === null) problems.add(row, c.metric, `«${text}» er ikke et tall.`);
        else printed.push({ metric: c.metric, value });
      }
      continue;
    }
    const subject = readSubject(label, row, match, problems);
    if (!subject) continue;
    const earlier = subjectsSeen.get(subject.organizationId);
    if (earlier !== undefined) {
      problems.add(row, 'kommune', `${subject.name} står også på rad ${earlier}; raden er ikke importert.`);
      continue;
    }
    subjectsSeen.set(subject.organizationId, row);
    for (const c of columns) {
      const text = cells[c.index]?.trim() ?? '';
      if (text === '' || text === '-') continue;
      const value = parseStatistic(text);
      if (value === null) problems.add(row, c.metric, `«${text}» er ikke et helt tall.`);
      else values.push({ metric: c.metric, subject, year, month: null, value, row });
    }
  }
  const metrics = columns.map((c) => c.metric);
  return finish('wide', year, metrics, values, printed.map((p) => ({ ...p, year })), problems);
}

function readLong(
  body: Body,
  col: { year: number; metric: number; value: number; month: number },
  match: (t: string) => Subject | null,
  problems: Problems,
  onlyYear: number | undefined,
): StatisticsImportResult {
  const values: StatisticValue[] = [];
  const printed: { metric: string; year: number; value: number }[] = [];
  const metrics: string[] = [];
  const byName = new Map<string, string>();
  const keys = new Map<string, number>();
  for (const { cells, row } of body) {
    const label = cells[0]?.trim() ?? '';
    const yearText = cells[col.year]?.trim() ?? '';
    const year = /^\d{4}$/.test(yearText) && Number(yearText) >= 1900 && Number(yearText) <= 2200 ? Number(yearText) : null;
    if (year === null) {
      problems.add(row, 'år', `«${yearText}» er ikke et årstall.`);
      continue;
    }
    const metricText = (cells[col.metric] ?? '').trim().replace(/\s+/g, ' ');
    if (metricText === '') {
      problems.add(row, 'måltall', 'Måltallet mangler.');
      continue;
    }
    const metric = byName.get(metricText.toLowerCase()) ?? metricText;
    if (!byName.has(metricText.toLowerCase())) {
      byName.set(metricText.toLowerCase(), metricText);
      metrics.push(metricText);
    }
    let month: number | null = null;
    if (col.month >= 0 && (cells[col.month]?.trim() ?? '') !== '') {
      const m = Number(cells[col.month]!.trim());
      if (!Number.isInteger(m) || m < 1 || m > 12) {
        problems.add(row, 'måned', `«${cells[col.month]!.trim()}» er ikke en måned (1–12).`);
        continue;
      }
      month = m;
    }
    const text = cells[col.value]?.trim() ?? '';
    const value = parseStatistic(text);
    if (value === null) {
      problems.add(row, 'verdi', `«${text}» er ikke et helt tall.`);
      continue;
    }
    if (isTotalLabel(label)) {
      if (month === null) printed.push({ metric, year, value });
      continue;
    }
    const subject = readSubject(label, row, match, problems);
    if (!subject) continue;
    const key = `${subject.organizationId}|${metric.toLowerCase()}|${year}|${month ?? 0}`;
    const earlier = keys.get(key);
    if (earlier !== undefined) {
      problems.add(row, 'kommune', `${subject.name} har ${metric} for ${year} også på rad ${earlier}; raden er ikke importert.`);
      continue;
    }
    keys.set(key, row);
    values.push({ metric, subject, year, month, value, row });
  }
  const years = values.map((v) => v.year);
  const year = onlyYear ?? (years.length > 0 ? Math.max(...years) : 0);
  if (values.length === 0 && problems.count === 0) return { ok: false, problems: [{ row: 0, column: '', message: message('stat.noNumbers') }] };
  return finish('long', year, metrics, values, printed, problems);
}

function readSubject(label: string, row: number, match: (t: string) => Subject | null, problems: Problems): Subject | null {
  if (label === '') {
    problems.add(row, 'kommune', 'Kommunen mangler.');
    return null;
  }
  const subject = match(label);
  if (!subject) problems.add(row, 'kommune', `«${label}» er verken en av eierne eller medlem av et samarbeid organisasjonen er vert for.`);
  return subject;
}

function finish(
  shape: 'wide' | 'long',
  year: number,
  metrics: string[],
  values: StatisticValue[],
  printed: { metric: string; year: number; value: number }[],
  problems: Problems,
): StatisticsImportResult {
  const totals: Record<string, number> = {};
  for (const m of metrics) totals[m] = 0;
  // Statistics are whole numbers, not money; `add` is used for its exact-integer check.
  for (const v of values) totals[v.metric] = add(totals[v.metric] ?? 0, v.value);
  const discrepancies: StatisticsDiscrepancy[] = [];
  for (const p of printed) {
    const computed = values.filter((v) => v.metric === p.metric && v.year === p.year && v.month === null).reduce((s, v) => add(s, v.value), 0);
    if (computed !== p.value) discrepancies.push({ metric: p.metric, printed: p.value, computed });
  }
  return { ok: true, value: { shape, year, metrics, values, totals, discrepancies, problems: problems.list } };
}
