/**
 * Charts of named series over categories (the annual report's statistics: bars per kommune for a
 * year, a line per kommune over the years), rendered on the server with echarts as SVG for the PDF
 * and as native Word charts by docx.ts. The document always prints the same numbers as a table
 * next to the chart.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { axisLabel, type ChartOptions } from './chart.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface SeriesChartData {
  readonly kind: 'bar' | 'line';
  /** Along the x axis: kommune names (bar) or years (line). */
  readonly categories: readonly string[];
  /** One series per metric (bar) or per kommune (line); null where nothing was recorded. */
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: readonly (number | null)[] }>;
  readonly labels: { readonly xAxis: string; readonly yAxis: string };
}

/** Enough distinct colours for 8 series, dark enough against white (3:1 for graphics). */
export const SERIES_COLORS = ['#1f4e79', '#c55a11', '#548235', '#7030a0', '#bf9000', '#2e75b6', '#a50021', '#3b3838'] as const;

export function renderSeriesChartSvg(data: SeriesChartData, options: ChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const fontFamily = options.fontFamily ?? 'Arial, Helvetica, sans-serif';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily, color: '#222222' },
      legend: { top: 4, icon: data.kind === 'bar' ? 'rect' : 'roundRect', textStyle: { fontFamily, fontSize: 11, color: '#222222' }, data: data.series.map((s) => s.name) },
      grid: { left: 16, right: 24, top: 56, bottom: 34, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: {
        type: 'category',
        name: data.labels.xAxis,
        nameLocation: 'middle',
        nameGap: 26,
        data: [...data.categories],
        axisLabel: { fontFamily, fontSize: 11, color: '#222222', interval: 0 },
        axisLine: { lineStyle: { color: '#666666' } },
      },
      yAxis: {
        type: 'value',
        name: data.labels.yAxis,
        minInterval: 1,
        axisLabel: { fontFamily, fontSize: 11, color: '#222222', formatter: (v: number) => axisLabel(v) },
        splitLine: { lineStyle: { color: '#dddddd' } },
      },
      series: data.series.map((s, i) => ({
        name: s.name,
        type: data.kind,
        data: [...s.values],
        itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
        ...(data.kind === 'bar' ? { barMaxWidth: 40 } : { connectNulls: false, symbolSize: 6 }),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
