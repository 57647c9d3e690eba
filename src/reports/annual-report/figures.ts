/**
 * The figure sections of the annual report: statistics (table per kommune with totals, a bar chart
 * per metric and, with more than one year, a line chart with its table), accounts per ansvar with
 * the sum, cost sharing per owner, and the appendix of shared solutions. Every number is printed as
 * the loader gave it (annual-figures.ts): nothing is added up here. An empty section is left out.
 */
import { formatInteger } from '../../domain/format.ts';
import { MONTH_ABBREVIATIONS } from '../../domain/statistics.ts';
import { formatKroner } from '../../domain/money.ts';
import type { Block } from '../plan-document/model.ts';
import { EN_DASH } from '../plan-document/helpers.ts';
import { data, total, type AnnualContext } from './context.ts';

const count = (n: number | null): string => (n === null ? EN_DASH : formatInteger(n));
const money = (n: number | null): string => (n === null ? EN_DASH : formatKroner(n));

export function statisticsSection(ctx: AnnualContext): Block[] {
  const { a, heading, table, figure, input } = ctx;
  const { statistics: st, year } = input.figures;
  if (st.metrics.length === 0 || st.rows.length === 0) return [];
  const blocks: Block[] = [heading(1, a.statistics, true)];
  const metricHeader = (m: { name: string; unit: string | null }) => (m.unit ? `${m.name} (${m.unit})` : m.name);
  blocks.push(
    table(
      a.statisticsCaption(year),
      [[a.kommune, 'left', 3], ...st.metrics.map((m) => [metricHeader(m), 'right', 2] as const)],
      st.rows.map((r) => data(r.name, ...r.values.map(count))),
      [total(a.total, ...st.totals.map(count))],
    ),
  );
  st.metrics.forEach((m, i) => {
    const described = m.description ? [{ type: 'paragraph', role: 'note', runs: [{ text: m.description }] } as const] : [];
    blocks.push(heading(2, m.name), ...described);
    const bars = st.rows.filter((r) => r.values[i] !== null && r.values[i] !== undefined);
    if (bars.length > 0) {
      blocks.push({
        type: 'chart',
        id: `stat-bar-${i}`,
        caption: figure(a.barCaption(m.name, year)),
        alt: a.barAlt(m.name, bars.map((r) => `${r.name} ${count(r.values[i] ?? null)}`).join(', ')),
        data: { kind: 'bar', categories: bars.map((r) => r.name), series: [{ name: metricHeader(m), values: bars.map((r) => r.values[i] ?? null) }], labels: { xAxis: a.kommune, yAxis: m.unit ?? a.value } },
      });
    }
    const history = st.history.find((h) => h.metric === m.name);
    if (history && history.years.length > 1) {
      blocks.push({
        type: 'chart',
        id: `stat-line-${i}`,
        caption: figure(a.lineCaption(m.name)),
        alt: a.lineAlt(m.name, history.rows.map((r) => `${r.name} ${r.values.map(count).join(', ')}`).join('; ')),
        data: { kind: 'line', categories: history.years.map(String), series: history.rows.map((r) => ({ name: r.name, values: r.values })), labels: { xAxis: a.yearAxis, yAxis: m.unit ?? a.value } },
      });
      blocks.push(
        table(
          a.historyCaption(metricHeader(m)),
          [[a.kommune, 'left', 3], ...history.years.map((y) => [String(y), 'right', 1.4] as const)],
          history.rows.map((r) => data(r.name, ...r.values.map(count))),
        ),
      );
    }
    const months = st.months.find((x) => x.metric === m.name);
    if (months) blocks.push(...monthBlocks(ctx, months, metricHeader(m), i));
  });
  return blocks;
}

/** A metric's months of the year: a line per kommune (with their sum when more than one) and the table with the sums. */
function monthBlocks(ctx: AnnualContext, months: AnnualContext['input']['figures']['statistics']['months'][number], label: string, i: number): Block[] {
  const { a, table, figure, input } = ctx;
  const year = input.figures.year;
  const series = months.rows.map((r) => ({ name: r.name, values: r.values }));
  if (months.rows.length > 1) series.push({ name: a.total, values: months.totals });
  const many = months.rows.length > 1;
  return [
    {
      type: 'chart',
      id: `stat-month-${i}`,
      caption: figure(a.monthCaption(label, year)),
      alt: a.monthAlt(label, year, series.map((s) => `${s.name} ${s.values.map(count).join(', ')}`).join('; ')),
      data: { kind: 'line', categories: [...MONTH_ABBREVIATIONS], series, labels: { xAxis: a.monthAxis, yAxis: months.unit ?? a.value } },
    },
    table(
      a.monthCaption(label, year),
      [[a.kommune, 'left', 2.4], ...MONTH_ABBREVIATIONS.map((mo) => [mo, 'right', 1] as const), [a.yearTotal, 'right', 1.4]],
      months.rows.map((r) => data(r.name, ...r.values.map(count), count(r.total))),
      many ? [total(a.total, ...months.totals.map(count), count(months.total))] : [],
    ),
  ];
}

export function accountsSection(ctx: AnnualContext): Block[] {
  const { a, heading, table, input } = ctx;
  const { accounts, year } = input.figures;
  if (accounts.lines.length === 0) return [];
  const sign = (d: number): string => (d > 0 ? a.underspend : d < 0 ? a.overspend : EN_DASH);
  const blocks: Block[] = [
    heading(1, a.accounts, true),
    table(
      a.accountsCaption(year),
      [
        [a.ansvar, 'left', 1.2],
        [a.name, 'left', 3],
        [a.budget, 'right', 2],
        [a.actual, 'right', 2],
        [a.deviation, 'right', 2],
      ],
      accounts.lines.map((l) => data(l.ansvar, l.name, money(l.budget), money(l.actual), money(l.deviation))),
      [total(a.total, '', money(accounts.total.budget), money(accounts.total.actual), money(accounts.total.deviation))],
    ),
  ];
  const d = accounts.total.deviation;
  if (d !== 0) blocks.push({ type: 'paragraph', role: 'body', runs: [{ text: `${sign(d)}: `, bold: true }, { text: formatKroner(Math.abs(d)) }] });
  return blocks;
}

export function costSharingSection(ctx: AnnualContext): Block[] {
  const { a, heading, table, input } = ctx;
  const { costSharing, year } = input.figures;
  if (costSharing.pools.length === 0) return [];
  const blocks: Block[] = [heading(1, a.costSharing, true)];
  for (const pool of costSharing.pools) {
    blocks.push(heading(2, pool.ansvar && !pool.name.includes(pool.ansvar) ? `${pool.ansvar} ${pool.name}` : pool.name));
    blocks.push({
      type: 'facts',
      facts: [
        { label: a.poolFacts.basis, value: a.basis[pool.basis] },
        { label: a.poolFacts.key, value: a.key[pool.key] + (pool.metric ? ` (${a.poolFacts.metric.toLowerCase()}: ${pool.metric})` : '') },
        { label: a.poolFacts.amount, value: formatKroner(pool.amount) },
      ],
    });
    blocks.push(
      table(
        `${a.share} ${a.owner.toLowerCase()} – ${pool.name}`,
        [
          [a.owner, 'left', 3],
          [a.share, 'right', 2],
        ],
        pool.shares.map((sh) => data(sh.name, formatKroner(sh.amount))),
        [total(a.total, formatKroner(pool.amount))],
      ),
    );
  }
  if (costSharing.totalPerOwner.length > 0) {
    blocks.push(
      heading(2, a.perOwnerTotal),
      table(
        a.perOwnerCaption(year),
        [
          [a.owner, 'left', 3],
          [a.share, 'right', 2],
        ],
        costSharing.totalPerOwner.map((o) => data(o.name, formatKroner(o.amount))),
      ),
    );
  }
  return blocks;
}

export function solutionsSection(ctx: AnnualContext): Block[] {
  const { a, heading, table, input } = ctx;
  if (input.solutions.length === 0) return [];
  return [
    heading(1, a.solutions, true),
    { type: 'paragraph', role: 'body', runs: [{ text: a.solutionsIntro }] },
    table(
      a.solutionsCaption,
      [
        [a.solution, 'left', 3],
        [a.introduced, 'right', 1.2],
        [a.status, 'left', 2.4],
        [a.sharedWith, 'left', 4],
      ],
      input.solutions.map((sol) =>
        data(
          sol.name,
          sol.introducedYear === null ? EN_DASH : String(sol.introducedYear),
          a.lifecycle[sol.lifecycle] + (sol.successor ? ` – ${a.replacedBy} ${sol.successor}` : ''),
          sol.sharedWith.length ? sol.sharedWith.join(', ') : EN_DASH,
        ),
      ),
    ),
  ];
}
