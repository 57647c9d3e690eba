/** The economy plan and the appendices of the plan document. */
import { SYSTEM_TEXT_FIELDS } from '../../domain/system-fields.ts';
import { formatKroner } from '../../domain/money.ts';
import type { MoneyChartData } from '../chart.ts';
import type { BuildContext } from './context.ts';
import type { Block } from './model.ts';
import { amountAt, collator, countOrDash, dash, EN_DASH } from './helpers.ts';

/** The economy plan: the totals per year as a table and, when there are years, a chart. */
export function economySection(ctx: BuildContext): { blocks: Block[]; chart: MoneyChartData | null } {
  const { revision, s, heading, caption, nextFigure, years, periodText } = ctx;
  const overall = revision.totals.overall;
  const closing: Block[] = [heading(1, `${s.economyPlan} ${periodText}`)];
  closing.push({
    type: 'table',
    table: {
      id: 'tabell-okonomiplan',
      caption: caption(s.economyPlanCaption),
      columns: [
        { header: s.year, align: 'left', width: 2 },
        { header: s.kinds.invest, align: 'right', width: 3 },
        { header: s.kinds.drift, align: 'right', width: 3 },
        { header: s.sum, align: 'right', width: 3 },
      ],
      header: [s.year, s.kinds.invest, s.kinds.drift, s.sum],
      body: years.map((y) => ({
        kind: 'data' as const,
        cells: [String(y), formatKroner(amountAt(overall, 'invest', y)), formatKroner(amountAt(overall, 'drift', y)), formatKroner(overall.perYear[y] ?? 0)],
      })),
      footer: [{ kind: 'total', cells: [s.total, formatKroner(overall.byKind.invest), formatKroner(overall.byKind.drift), formatKroner(overall.total)] }],
      compact: false,
    },
  });
  const chart: MoneyChartData | null = years.length
    ? {
        years,
        invest: years.map((y) => amountAt(overall, 'invest', y)),
        drift: years.map((y) => amountAt(overall, 'drift', y)),
        labels: { invest: s.kinds.invest, drift: s.kinds.drift, xAxis: s.year, yAxis: s.kroner },
      }
    : null;
  if (chart) {
    closing.push(heading(2, s.budgetPerYear));
    const alt = `${s.chartAlt}. ${years
      .map((y, i) => `${y}: ${s.kinds.invest.toLowerCase()} ${formatKroner(chart.invest[i]!)}, ${s.kinds.drift.toLowerCase()} ${formatKroner(chart.drift[i]!)}`)
      .join('. ')}.`;
    closing.push({ type: 'chart', id: 'figur-budsjett', caption: `${s.figure} ${nextFigure()}: ${s.chartCaption}`, alt, data: chart });
  }
  return { blocks: closing, chart };
}

/** The appendices: sites (lokasjoner) and systems (fagsystemer), each a table when there are any. */
export function appendicesSection(ctx: BuildContext): Block[] {
  const { input, s, heading, caption } = ctx;
  const appendices: Block[] = [];
  if (input.sites.length || input.systems.length) appendices.push({ ...heading(1, s.appendices), newPage: true } as Block);
  if (input.sites.length) {
    const sites = [...input.sites].sort((a, b) => collator.compare(a.name, b.name));
    appendices.push(heading(2, s.sites), {
      type: 'table',
      table: {
        id: 'tabell-lokasjoner',
        caption: caption(s.sites),
        columns: [
          { header: s.siteName, align: 'left', width: 3.4 },
          { header: s.users, align: 'right', width: 1.4 },
          { header: s.capacity, align: 'right', width: 1.9 },
          { header: s.lineType, align: 'left', width: 1.6 },
          { header: s.ownership, align: 'left', width: 2.5 },
          { header: s.provider, align: 'left', width: 2.2 },
          { header: s.note, align: 'left', width: 3.1 },
        ],
        header: [s.siteName, s.users, s.capacity, s.lineType, s.ownership, s.provider, s.note],
        body: sites.map((site) => ({
          kind: 'data' as const,
          cells: [
            site.name,
            countOrDash(site.users),
            countOrDash(site.capacityMbps),
            site.lineType ? s.lineTypes[site.lineType] : EN_DASH,
            site.ownership ? s.ownerships[site.ownership] : EN_DASH,
            dash(site.provider),
            site.note ?? '',
          ],
        })),
        footer: [],
        compact: true,
      },
    });
  }
  if (input.systems.length) {
    const systems = [...input.systems].sort((a, b) => collator.compare(a.name, b.name));
    // The declared text fields the appendix prints (system-fields.ts), labelled in the document's language.
    const declared = SYSTEM_TEXT_FIELDS.flatMap((f) => (f.documentWidth === null ? [] : [{ ...f, documentWidth: f.documentWidth as number }]));
    appendices.push(heading(2, s.systems), {
      type: 'table',
      table: {
        id: 'tabell-fagsystemer',
        caption: caption(s.systems),
        columns: [
          { header: s.systemName, align: 'left', width: 3.6 },
          { header: s.users, align: 'right', width: 1.4 },
          { header: s.vendor, align: 'left', width: 2.8 },
          { header: s.cooperation, align: 'left', width: 2 },
          ...declared.map((f) => ({ header: f.label[ctx.language], align: 'left' as const, width: f.documentWidth })),
        ],
        header: [s.systemName, s.users, s.vendor, s.cooperation, ...declared.map((f) => f.label[ctx.language])],
        body: systems.map((sys) => ({
          kind: 'data' as const,
          cells: [sys.name, countOrDash(sys.users), dash(sys.vendor), dash(sys.cooperation), ...declared.map((f) => dash(sys[f.key]))],
        })),
        footer: [],
        compact: true,
      },
    });
  }
  return appendices;
}
