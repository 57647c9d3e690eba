/**
 * "Gevinster og oppfølging": each measure's latest status, planned and spent money, and its
 * benefits with expected and realised values. Used as a chapter of the plan document and as the
 * body of the annual status report (`year` set: money and benefits of that year only). Every sum
 * comes from the domain (followup.ts, benefit.ts); nothing is added up here.
 */
import { formatTenths, type Benefit } from '../../domain/benefit.ts';
import { latestReports, plannedVsActual } from '../../domain/followup.ts';
import { formatDate } from '../../domain/format.ts';
import { formatKroner, subtract, sum } from '../../domain/money.ts';
import type { BuildContext } from './context.ts';
import type { Block, DocLanguage, DocRow } from './model.ts';
import { byNumber, titleOf } from './helpers.ts';

export const FOLLOWUP_STRINGS = {
  nb: {
    chapter: 'Gevinster og oppfølging',
    statusReport: 'Årlig statusrapport',
    measures: 'Status per tiltak',
    measuresCaption: (when: string) => `Status, planlagt og brukt per tiltak ${when}`,
    benefits: 'Gevinster',
    benefitsCaption: (when: string) => `Forventede og realiserte gevinster ${when}`,
    measure: 'Tiltak',
    status: 'Status',
    planned: 'Planlagt',
    spent: 'Brukt',
    deviation: 'Avvik',
    indicator: 'Gevinst',
    owner: 'Ansvarlig',
    expected: 'Forventet',
    realised: 'Realisert',
    noReport: 'Ingen rapport',
    none: 'Ingen gevinster er registrert.',
    inPeriod: 'i perioden',
    inYear: (year: number) => `i ${year}`,
    hours: 't',
    statuses: { on_track: 'Går etter planen', at_risk: 'Risiko for avvik', off_track: 'Avvik', done: 'Fullført' },
    total: 'Sum',
  },
  nn: {
    chapter: 'Gevinstar og oppfølging',
    statusReport: 'Årleg statusrapport',
    measures: 'Status per tiltak',
    measuresCaption: (when: string) => `Status, planlagt og brukt per tiltak ${when}`,
    benefits: 'Gevinstar',
    benefitsCaption: (when: string) => `Venta og realiserte gevinstar ${when}`,
    measure: 'Tiltak',
    status: 'Status',
    planned: 'Planlagt',
    spent: 'Brukt',
    deviation: 'Avvik',
    indicator: 'Gevinst',
    owner: 'Ansvarleg',
    expected: 'Venta',
    realised: 'Realisert',
    noReport: 'Ingen rapport',
    none: 'Ingen gevinstar er registrerte.',
    inPeriod: 'i perioden',
    inYear: (year: number) => `i ${year}`,
    hours: 't',
    statuses: { on_track: 'Går etter planen', at_risk: 'Risiko for avvik', off_track: 'Avvik', done: 'Fullført' },
    total: 'Sum',
  },
} as const;

function value(b: Benefit, v: number, language: DocLanguage): string {
  if (b.kind === 'economic') return formatKroner(v);
  if (b.kind === 'time') return `${formatTenths(v)} ${FOLLOWUP_STRINGS[language].hours}`;
  return `${v}${b.unit ? ` ${b.unit}` : ''}`;
}

/** The chapter's blocks; empty when the plan has no benefits, reports or actual spend. */
export function followupSection(ctx: BuildContext, year: number | null = null): Block[] {
  const { revision, heading, caption, language, input } = ctx;
  const f = FOLLOWUP_STRINGS[language];
  const followup = input.followup ?? { benefits: [], reports: [] };
  const hasActuals = revision.measures.some((m) => m.actuals.length > 0);
  if (year === null && followup.benefits.length === 0 && followup.reports.length === 0 && !hasActuals) return [];
  const years = year === null ? ctx.years : [year];
  const when = year === null ? f.inPeriod : f.inYear(year);
  const reports = latestReports(year === null ? followup.reports : followup.reports.filter((r) => r.reportDate <= `${year}-12-31`));
  const measures = [...revision.measures].sort(byNumber);
  const blocks: Block[] = [{ ...heading(1, year === null ? f.chapter : `${f.statusReport} ${year}`), newPage: true } as Block, heading(2, f.measures)];
  const rows: DocRow[] = measures.map((m) => {
    const money = plannedVsActual(m.lines, m.actuals, years);
    const planned = year === null ? sum(money.years.map((y) => y.planned)) : (money.years[0]?.planned ?? 0);
    const spent = year === null ? sum(money.years.map((y) => y.actual)) : (money.years[0]?.actual ?? 0);
    const r = reports.get(m.id);
    return {
      kind: 'data',
      cells: [titleOf(m), r ? `${f.statuses[r.status]} (${formatDate(r.reportDate)}): ${r.summary}` : f.noReport, formatKroner(planned), formatKroner(spent), formatKroner(subtract(spent, planned))],
    };
  });
  const total = plannedVsActual(
    measures.flatMap((m) => m.lines),
    measures.flatMap((m) => m.actuals),
    years,
  );
  const totalPlanned = sum(total.years.map((y) => y.planned));
  const totalSpent = sum(total.years.map((y) => y.actual));
  blocks.push({
    type: 'table',
    table: {
      id: year === null ? 'tabell-oppfolging' : `tabell-status-${year}`,
      caption: caption(f.measuresCaption(when)),
      columns: [
        { header: f.measure, align: 'left', width: 4 },
        { header: f.status, align: 'left', width: 6 },
        { header: f.planned, align: 'right', width: 2 },
        { header: f.spent, align: 'right', width: 2 },
        { header: f.deviation, align: 'right', width: 2 },
      ],
      header: [f.measure, f.status, f.planned, f.spent, f.deviation],
      body: rows,
      footer: [{ kind: 'total', cells: [f.total, '', formatKroner(totalPlanned), formatKroner(totalSpent), formatKroner(subtract(totalSpent, totalPlanned))] }],
      compact: true,
    },
  });
  blocks.push(heading(2, f.benefits));
  if (followup.benefits.length === 0) {
    blocks.push({ type: 'paragraph', runs: [{ text: f.none }], role: 'body' });
    return blocks;
  }
  const titles = new Map(measures.map((m) => [m.id, titleOf(m)]));
  const inYears = (items: ReadonlyArray<{ year: number; value: number }>) => sum(items.filter((i) => years.includes(i.year)).map((i) => i.value));
  blocks.push({
    type: 'table',
    table: {
      id: year === null ? 'tabell-gevinster' : `tabell-gevinster-${year}`,
      caption: caption(f.benefitsCaption(when)),
      columns: [
        { header: f.measure, align: 'left', width: 4 },
        { header: f.indicator, align: 'left', width: 4 },
        { header: f.owner, align: 'left', width: 2 },
        { header: f.expected, align: 'right', width: 2 },
        { header: f.realised, align: 'right', width: 2 },
      ],
      header: [f.measure, f.indicator, f.owner, f.expected, f.realised],
      body: followup.benefits.map((b) => ({
        kind: 'data' as const,
        cells: [titles.get(b.measureId) ?? '', b.indicator, b.owner ?? '–', value(b, inYears(b.targets), language), value(b, inYears(b.results), language)],
      })),
      footer: [],
      compact: true,
    },
  });
  return blocks;
}
