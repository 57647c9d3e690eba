/**
 * Statistics charts, drawn on the server with echarts (SSR, SVG renderer): bars per kommune for one
 * metric and year, and a line per kommune over the years. The page puts a table with the same
 * numbers next to each chart; the SVG carries a title and description for screen readers.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { axisLabel } from './chart.ts';
import { monthSeries, MONTH_ABBREVIATIONS, type StatisticsYear } from '../domain/statistics.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const PALETTE = ['#1f4e79', '#2e7d32', '#b35c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];

export interface BarsData {
  title: string;
  names: readonly string[];
  values: readonly (number | null)[];
  /** The metric's unit, named on the value axis. */
  unit?: string | null;
}

export interface LinesData {
  title: string;
  /** The x axis: years, or the months jan–des. */
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  unit?: string | null;
}

const valueAxis = (unit: string | null | undefined) => ({
  type: 'value',
  ...(unit ? { name: unit, nameLocation: 'end', nameTextStyle: { color: '#222222', align: 'left' } } : {}),
  axisLabel: { formatter: axisLabel, color: '#222222' },
});

function render(option: Record<string, unknown>, title: string, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'Arial, Helvetica, sans-serif', color: '#222222' }, ...option });
    const svg = chart.renderToSVGString();
    const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${escaped.replace(/"/g, '&quot;')}"><title>${escaped}</title>`);
  } finally {
    chart.dispose();
  }
}

export function renderBarsSvg(data: BarsData, width = 640, height = 320): string {
  return render(
    {
      title: { text: data.title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', color: '#222222' } },
      grid: { left: 16, right: 24, top: data.unit ? 56 : 44, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: [...data.names], axisLabel: { interval: 0, rotate: data.names.length > 5 ? 30 : 0, color: '#222222' } },
      yAxis: valueAxis(data.unit),
      series: [{ type: 'bar', data: data.values.map((v) => v ?? 0), itemStyle: { color: PALETTE[0] } }],
    },
    data.title,
    width,
    height,
  );
}

export function renderLinesSvg(data: LinesData, width = 640, height = 340): string {
  return render(
    {
      title: { text: data.title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', color: '#222222' } },
      legend: { top: 28, textStyle: { fontSize: 12, color: '#222222' }, data: data.series.map((s) => s.name) },
      grid: { left: 16, right: 24, top: data.unit ? 88 : 76, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: [...data.categories], axisLabel: { color: '#222222' } },
      yAxis: valueAxis(data.unit),
      series: data.series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], connectNulls: false, symbolSize: 6 })),
    },
    data.title,
    width,
    height,
  );
}

export type StatisticsChartKind = 'bars' | 'lines' | 'months';

/**
 * One chart of a metric from a year's statistics: bars per kommune for the year, a line per kommune
 * over the years up to it, or a line per kommune over the year's months (jan–des; with more than one
 * kommune also their sum). Null when the metric is unknown or has no monthly values for `months`.
 */
export function statisticsChartSvg(s: StatisticsYear, metricId: string, kind: StatisticsChartKind, sumLabel: string): string | null {
  const metric = s.metrics.find((m) => m.id === metricId);
  if (!metric) return null;
  const label = metric.unit ? `${metric.name} (${metric.unit})` : metric.name;
  if (kind === 'months') {
    const series = monthSeries(s, metricId);
    if (!series) return null;
    const lines = series.rows.map((r) => ({ name: r.name, values: r.values }));
    if (series.rows.length > 1) lines.push({ name: sumLabel, values: series.totals });
    return renderLinesSvg({ title: `${label} ${s.year}`, categories: MONTH_ABBREVIATIONS, series: lines, unit: metric.unit });
  }
  const subjects = s.subjects.filter((sub) => s.history.some((h) => h.subjectId === sub.organizationId && h.metricId === metricId));
  if (kind === 'bars') {
    return renderBarsSvg({
      title: `${label} ${s.year}`,
      names: subjects.map((sub) => sub.name),
      values: subjects.map((sub) => s.values.find((v) => v.metricId === metricId && v.subjectId === sub.organizationId)?.value ?? null),
      unit: metric.unit,
    });
  }
  const years = [...new Set(s.history.filter((h) => h.metricId === metricId && h.year <= s.year).map((h) => h.year))].sort((a, b) => a - b);
  return renderLinesSvg({
    title: `${label} ${years[0] ?? s.year}–${s.year}`,
    categories: years.map(String),
    series: subjects.map((sub) => ({
      name: sub.name,
      values: years.map((y) => s.history.find((h) => h.metricId === metricId && h.subjectId === sub.organizationId && h.year === y)?.value ?? null),
    })),
    unit: metric.unit,
  });
}
