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

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const PALETTE = ['#1f4e79', '#2e7d32', '#b35c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];

export interface BarsData {
  title: string;
  names: readonly string[];
  values: readonly (number | null)[];
}

export interface LinesData {
  title: string;
  years: readonly number[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
}

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
      grid: { left: 16, right: 24, top: 44, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: [...data.names], axisLabel: { interval: 0, rotate: data.names.length > 5 ? 30 : 0, color: '#222222' } },
      yAxis: { type: 'value', axisLabel: { formatter: axisLabel, color: '#222222' } },
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
      grid: { left: 16, right: 24, top: 76, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: data.years.map(String), axisLabel: { color: '#222222' } },
      yAxis: { type: 'value', axisLabel: { formatter: axisLabel, color: '#222222' } },
      series: data.series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], connectNulls: false, symbolSize: 6 })),
    },
    data.title,
    width,
    height,
  );
}
