/**
 * The politicians' dashboard on innsyn (/innsyn/<slug>/oppfolging): progress by status, money
 * planned against spent per year, realised benefits and the latest status text per measure, for
 * the published revision. Plain server-rendered HTML (no JavaScript), printable; charts are
 * server-rendered SVG with the same numbers in a table beside them. No personal data: benefit
 * owners and measure responsibles are left out. Actual spend and benefits only when the
 * organization chose to publish them.
 */
import { benefitSums, formatTenths, type Benefit } from '../domain/benefit.ts';
import { latestReports, plannedVsActual, type StatusReport } from '../domain/followup.ts';
import { formatDate } from '../domain/format.ts';
import { MEASURE_STATUS_LABELS } from '../domain/labels.ts';
import { formatKroner, sum } from '../domain/money.ts';
import type { Language } from '../domain/organization.ts';
import { MEASURE_STATUSES, type MeasureStatus, type Revision } from '../domain/plan.ts';
import { renderMoneyChartSvg } from '../reports/chart.ts';
import { escapeHtml, page } from './innsyn-page.ts';

export interface DashboardData {
  readonly organization: { name: string; slug: string; language: Language };
  readonly revision: Revision;
  readonly liveStatus: ReadonlyMap<string, MeasureStatus>;
  readonly benefits: readonly Benefit[] | null;
  readonly reports: readonly StatusReport[];
  readonly showActuals: boolean;
  readonly today: string;
}

const TEXT = {
  nb: {
    title: 'Oppfølging av IKT-planen',
    back: 'Til planen',
    progress: 'Fremdrift etter status',
    progressCaption: 'Antall tiltak etter status',
    count: 'Antall tiltak',
    status: 'Status',
    money: 'Planlagt og brukt per år',
    moneyCaption: 'Planlagt og brukt per år, i kroner',
    year: 'År',
    planned: 'Planlagt',
    spent: 'Brukt',
    deviation: 'Avvik',
    noActuals: 'Kommunen har ikke publisert regnskapstall.',
    benefits: 'Realiserte gevinster',
    benefitsCaption: 'Gevinster per tiltak: forventet og realisert i perioden',
    benefitSums: (kr: string, realisedKr: string, h: string, realisedH: string) => `Forventet ${kr} og ${h} timer, realisert ${realisedKr} og ${realisedH} timer i perioden.`,
    noBenefits: 'Kommunen har ikke publisert gevinster.',
    measure: 'Tiltak',
    benefit: 'Gevinst',
    expected: 'Forventet',
    realised: 'Realisert',
    latest: 'Siste status per tiltak',
    latestCaption: 'Siste statusrapport per tiltak',
    date: 'Dato',
    text: 'Status',
    noReport: 'Ingen statusrapport ennå.',
    asOf: (d: string) => `Status per ${d}.`,
    chart: (s: string) => `Diagram: ${s}. Tallene står i tabellen under.`,
  },
  nn: {
    title: 'Oppfølging av IKT-planen',
    back: 'Til planen',
    progress: 'Framdrift etter status',
    progressCaption: 'Talet på tiltak etter status',
    count: 'Tal på tiltak',
    status: 'Status',
    money: 'Planlagt og brukt per år',
    moneyCaption: 'Planlagt og brukt per år, i kroner',
    year: 'År',
    planned: 'Planlagt',
    spent: 'Brukt',
    deviation: 'Avvik',
    noActuals: 'Kommunen har ikkje publisert rekneskapstal.',
    benefits: 'Realiserte gevinstar',
    benefitsCaption: 'Gevinstar per tiltak: venta og realisert i perioden',
    benefitSums: (kr: string, realisedKr: string, h: string, realisedH: string) => `Venta ${kr} og ${h} timar, realisert ${realisedKr} og ${realisedH} timar i perioden.`,
    noBenefits: 'Kommunen har ikkje publisert gevinstar.',
    measure: 'Tiltak',
    benefit: 'Gevinst',
    expected: 'Venta',
    realised: 'Realisert',
    latest: 'Siste status per tiltak',
    latestCaption: 'Siste statusrapport per tiltak',
    date: 'Dato',
    text: 'Status',
    noReport: 'Ingen statusrapport enno.',
    asOf: (d: string) => `Status per ${d}.`,
    chart: (s: string) => `Diagram: ${s}. Tala står i tabellen under.`,
  },
} as const;

const STATUS_NN: Record<MeasureStatus, string> = { planned: 'Ikkje starta', in_progress: 'Pågår', done: 'Fullført', postponed: 'Utsett', cancelled: 'Avbrote' };

const table = (label: string, head: string[], rows: string[][], numeric: number[]) =>
  `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(label)}"><table><caption>${escapeHtml(label)}</caption><thead><tr>${head
    .map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table></div>`;

/** A horizontal bar chart of counts, drawn as plain SVG. */
function barsSvg(items: ReadonlyArray<{ label: string; value: number }>, label: string): string {
  const max = Math.max(1, ...items.map((i) => i.value));
  const rowH = 28;
  const width = 560;
  const bars = items
    .map((it, i) => {
      const w = Math.round((it.value / max) * 300);
      const y = i * rowH + 4;
      return `<text x="0" y="${y + 16}" font-size="13" fill="#1e2b3c">${escapeHtml(it.label)}</text><rect x="180" y="${y + 3}" width="${w}" height="18" fill="#1f4e79"></rect><text x="${186 + w}" y="${y + 16}" font-size="13" fill="#1e2b3c">${it.value}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${items.length * rowH + 8}" viewBox="0 0 ${width} ${items.length * rowH + 8}" role="img" aria-label="${escapeHtml(label)}">${bars}</svg>`;
}

export function renderDashboardPage(d: DashboardData): string {
  const lang = d.organization.language;
  const t = TEXT[lang];
  const rev = d.revision;
  const statusLabel = (s: MeasureStatus) => (lang === 'nn' ? STATUS_NN[s] : MEASURE_STATUS_LABELS[s]);
  const years = [...rev.totals.years];
  const counts = MEASURE_STATUSES.map((s) => ({ label: statusLabel(s), value: rev.measures.filter((m) => (d.liveStatus.get(m.lineageId) ?? m.status) === s).length }));
  const progress = `<h2>${t.progress}</h2><figure>${barsSvg(counts, t.chart(t.progressCaption))}</figure>${table(
    t.progressCaption,
    [t.status, t.count],
    counts.map((c) => [c.label, String(c.value)]),
    [1],
  )}`;

  let money = `<h2>${t.money}</h2>`;
  if (d.showActuals) {
    const m = plannedVsActual(
      rev.measures.flatMap((x) => x.lines),
      rev.measures.flatMap((x) => x.actuals),
      years,
    );
    const svg = renderMoneyChartSvg({ years, invest: m.years.map((y) => y.planned), drift: m.years.map((y) => y.actual), labels: { invest: t.planned, drift: t.spent, xAxis: t.year, yAxis: 'kr' } });
    money += `<figure><div role="img" aria-label="${escapeHtml(t.chart(t.moneyCaption))}">${svg}</div></figure>${table(
      t.moneyCaption,
      [t.year, t.planned, t.spent, t.deviation],
      m.years.map((y) => [String(y.year), formatKroner(y.planned), formatKroner(y.actual), formatKroner(y.deviation)]),
      [1, 2, 3],
    )}`;
  } else money += `<p>${t.noActuals}</p>`;

  let benefits = `<h2>${t.benefits}</h2>`;
  if (d.benefits && d.benefits.length > 0) {
    const sums = benefitSums(d.benefits, years);
    const titles = new Map(rev.measures.map((m) => [m.id, [m.number, m.title].filter(Boolean).join(' ')]));
    const value = (b: Benefit, v: number) => (b.kind === 'economic' ? formatKroner(v) : b.kind === 'time' ? `${formatTenths(v)} t` : `${v}${b.unit ? ` ${b.unit}` : ''}`);
    const total = (xs: ReadonlyArray<{ value: number }>) => sum(xs.map((x) => x.value));
    benefits += `<p>${escapeHtml(t.benefitSums(formatKroner(sums.economic.expectedTotal), formatKroner(sums.economic.realisedTotal), formatTenths(sums.time.expectedTotal), formatTenths(sums.time.realisedTotal)))}</p>${table(
      t.benefitsCaption,
      [t.measure, t.benefit, t.expected, t.realised],
      d.benefits.map((b) => [titles.get(b.measureId) ?? '', b.indicator, value(b, total(b.targets)), value(b, total(b.results))]),
      [2, 3],
    )}`;
  } else benefits += `<p>${t.noBenefits}</p>`;

  const latest = latestReports(d.reports);
  const reportRows = rev.measures.map((m) => {
    const r = latest.get(m.id);
    return [[m.number, m.title].filter(Boolean).join(' '), statusLabel(d.liveStatus.get(m.lineageId) ?? m.status), r ? formatDate(r.reportDate) : '–', r ? r.summary : t.noReport];
  });
  const reports = `<h2>${t.latest}</h2>${table(t.latestCaption, [t.measure, t.status, t.date, t.text], reportRows, [])}`;

  const heading = `${t.title} ${rev.period.startYear}–${rev.period.endYear}`;
  const body = `<header><div class="in"><p>${escapeHtml(d.organization.name)}</p><h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(rev.period.name)} · revisjon ${rev.number}. ${t.asOf(formatDate(d.today))}</p>
<a class="pdf" href="/innsyn/${encodeURIComponent(d.organization.slug)}">${t.back}</a></div></header>
<main id="innhold">
${progress}
${money}
${benefits}
${reports}
</main>`;
  return page(lang, `${heading} – ${d.organization.name}`, body);
}
