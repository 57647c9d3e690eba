/**
 * The plan document's money chart: invest and drift per year as grouped bars, rendered on the
 * server with echarts (SSR, SVG renderer, no DOM). The numbers come from the same totals as the
 * tables of the document (see buildPlanDocument); this module only draws them.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatInteger } from '../domain/format.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface MoneyChartData {
  /** Category labels along the x axis, usually the years of the plan. */
  readonly years: readonly number[];
  /** Investment per year, same order as `years` (whole kroner). */
  readonly invest: readonly number[];
  /** Operations (drift) per year, same order as `years` (whole kroner). */
  readonly drift: readonly number[];
  readonly labels: {
    readonly title?: string;
    readonly invest: string;
    readonly drift: string;
    /** x axis name, e.g. "År". */
    readonly xAxis: string;
    /** y axis name, e.g. "Kroner". */
    readonly yAxis: string;
  };
}

export interface ChartOptions {
  readonly width?: number;
  readonly height?: number;
  /** CSS font-family list written into the SVG text; the PDF passes a font Typst has. */
  readonly fontFamily?: string;
}

export const CHART_COLORS = { invest: '#1f4e79', drift: '#8fb9de' } as const;

/** Axis label in Norwegian grouping: 1500000 → `1 500 000`, large values as `1,5 mill.` */
export function axisLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 10_000_000) {
    const millions = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(value / 1_000_000);
    return `${millions.replace('-', '\u2212')}\u00a0mill.`;
  }
  return formatInteger(Math.round(value)).replace('-', '\u2212');
}

/** Grouped bars, invest and drift per year, as a standalone SVG document (UTF-8 text). */
export function renderMoneyChartSvg(data: MoneyChartData, options: ChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const fontFamily = options.fontFamily ?? 'Arial, Helvetica, sans-serif';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily, color: '#222222' },
      title: data.labels.title
        ? { text: data.labels.title, left: 'center', top: 4, textStyle: { fontFamily, fontSize: 14, fontWeight: 'bold', color: '#222222' } }
        : undefined,
      legend: {
        top: data.labels.title ? 28 : 4,
        icon: 'rect',
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { fontFamily, fontSize: 12, color: '#222222' },
        data: [data.labels.invest, data.labels.drift],
      },
      grid: { left: 16, right: 24, top: data.labels.title ? 76 : 52, bottom: 34, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: {
        type: 'category',
        name: data.labels.xAxis,
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { fontFamily, fontSize: 12, color: '#444444' },
        data: data.years.map(String),
        axisTick: { alignWithLabel: true },
        axisLabel: { fontFamily, fontSize: 12, color: '#222222' },
        axisLine: { lineStyle: { color: '#666666' } },
      },
      yAxis: {
        type: 'value',
        name: data.labels.yAxis,
        nameLocation: 'end',
        nameGap: 12,
        nameTextStyle: { fontFamily, fontSize: 12, color: '#444444', align: 'left' },
        minInterval: 1,
        axisLabel: { fontFamily, fontSize: 11, color: '#222222', formatter: (v: number) => axisLabel(v) },
        splitLine: { lineStyle: { color: '#dddddd' } },
      },
      series: [
        { name: data.labels.invest, type: 'bar', data: [...data.invest], itemStyle: { color: CHART_COLORS.invest }, barGap: '10%', barMaxWidth: 48 },
        { name: data.labels.drift, type: 'bar', data: [...data.drift], itemStyle: { color: CHART_COLORS.drift }, barMaxWidth: 48 },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
