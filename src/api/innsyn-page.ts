/**
 * The public innsyn page: the published (adopted) plan of an organization, rendered on the server
 * as plain, accessible HTML (no login, no JavaScript). Shows vision, focus areas, goals, measures
 * with their live status and the money per year — never people's names or anything unpublished.
 */
import { formatDate } from '../domain/format.ts';
import { labelsIn } from '../domain/labels.ts';
import { formatKroner } from '../domain/money.ts';
import type { Language } from '../domain/organization.ts';
import type { MeasureStatus, NationalGoal, Revision } from '../domain/plan.ts';

export interface InnsynData {
  readonly organization: { name: string; slug: string; language: Language };
  readonly revision: Revision;
  /** The number of the adopted revision in force when it is not the published one (the published one is erstattet). */
  readonly replacedBy?: number | null;
  readonly publishedAt: string;
  readonly liveStatus: ReadonlyMap<string, MeasureStatus>;
  readonly nationalGoals: readonly NationalGoal[];
  readonly today: string;
}

const TEXT = {
  nb: {
    title: 'IKT-strategi og handlingsplan',
    adopted: (date: string, ref: string) => `Vedtatt ${date} (${ref}).`,
    published: (date: string) => `Publisert ${date}.`,
    vision: 'Visjon',
    intro: 'Innledning',
    goals: 'Våre mål',
    measures: 'Tiltak i perioden',
    nr: 'Nr.',
    measure: 'Tiltak',
    status: 'Status',
    statusNote: (date: string) => `Status per ${date}.`,
    money: 'Penger per år',
    moneyCaption: 'Investering og drift per år i handlingsplanen, i kroner',
    year: 'År',
    invest: 'Investering',
    drift: 'Drift',
    sum: 'Sum',
    total: 'Totalt',
    pdf: 'Last ned planen som PDF',
    skip: 'Hopp til hovedinnhold',
    noPlan: 'Ingen publisert plan',
    noPlanText: 'Organisasjonen har ikke publisert en vedtatt plan ennå.',
    withoutArea: 'Tiltak uten satsingsområde',
    footer: 'Publisert med Veikart.',
    replaced: 'Erstattet',
    replacedText: (number: number) => `Denne revisjonen er erstattet av revisjon ${number}, som er vedtatt, men ikke publisert ennå.`,
    notFound: 'Siden finnes ikke',
    notFoundText: 'Adressen viser ikke til en publisert plan. Sjekk adressen, eller spør kommunen om lenken til innsyn.',
  },
  nn: {
    title: 'IKT-strategi og handlingsplan',
    adopted: (date: string, ref: string) => `Vedteken ${date} (${ref}).`,
    published: (date: string) => `Publisert ${date}.`,
    vision: 'Visjon',
    intro: 'Innleiing',
    goals: 'Måla våre',
    measures: 'Tiltak i perioden',
    nr: 'Nr.',
    measure: 'Tiltak',
    status: 'Status',
    statusNote: (date: string) => `Status per ${date}.`,
    money: 'Pengar per år',
    moneyCaption: 'Investering og drift per år i handlingsplanen, i kroner',
    year: 'År',
    invest: 'Investering',
    drift: 'Drift',
    sum: 'Sum',
    total: 'Totalt',
    pdf: 'Last ned planen som PDF',
    skip: 'Hopp til hovudinnhald',
    noPlan: 'Ingen publisert plan',
    noPlanText: 'Organisasjonen har ikkje publisert ein vedteken plan enno.',
    withoutArea: 'Tiltak utan satsingsområde',
    footer: 'Publisert med Veikart.',
    replaced: 'Erstatta',
    replacedText: (number: number) => `Denne revisjonen er erstatta av revisjon ${number}, som er vedteken, men ikkje publisert enno.`,
    notFound: 'Sida finst ikkje',
    notFoundText: 'Adressa viser ikkje til ein publisert plan. Sjekk adressa, eller spør kommunen om lenkja til innsyn.',
  },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
:root{color-scheme:light;--ink:#1e2b3c;--muted:#4a5a6e;--line:#c9d3df;--accent:#0062ba;--bg:#f4f6f9}
*{box-sizing:border-box}body{margin:0;font-family:Inter,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff;line-height:1.5;font-size:1.0625rem}
a{color:var(--accent)}a:focus-visible,summary:focus-visible{outline:3px solid #1e2b3c;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}.skip:focus{left:1rem}
header{background:var(--bg);border-bottom:1px solid var(--line)}header .in,main,footer .in{max-width:60rem;margin:0 auto;padding:1rem}
header p{margin:.25rem 0;color:var(--muted)}h1{font-size:1.75rem;margin:.25rem 0 .5rem;line-height:1.25}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
.area{margin-bottom:1.5rem}.muted{color:var(--muted)}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th[scope=col]{background:var(--bg)}td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--ink)}
.status{display:inline-block;padding:0 .5rem;border-radius:1rem;border:1px solid var(--line);background:#fff;white-space:nowrap}
.pdf{display:inline-block;margin:.5rem 0 1rem;font-weight:600}
th[scope=row] .muted{font-weight:400}.table-wrap:focus-visible{outline:3px solid #1e2b3c;outline-offset:2px}
footer{border-top:1px solid var(--line);margin-top:2rem;color:var(--muted)}
@media (max-width:40rem){body{font-size:1rem}h1{font-size:1.4rem}th,td{padding:.35rem .3rem}table{font-size:.875rem}tbody th[scope=row]{hyphens:auto;overflow-wrap:anywhere}.status{white-space:normal;border-radius:.5rem}}
`;

export function page(lang: Language, title: string, body: string): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#innhold">${t.skip}</a>
${body}
<footer><div class="in"><p>${t.footer}</p></div></footer>
</body>
</html>`;
}

export function renderNoPlanPage(organization: { name: string; language: Language }): string {
  const t = TEXT[organization.language];
  return page(
    organization.language,
    `${t.noPlan} – ${organization.name}`,
    `<header><div class="in"><p>${escapeHtml(organization.name)}</p></div></header>
<main id="innhold"><h1>${t.noPlan}</h1><p>${t.noPlanText}</p></main>`,
  );
}

/** An innsyn address that leads nowhere (unknown organization, path or file). */
export function renderNotFoundPage(language: Language = 'nb'): string {
  const t = TEXT[language];
  return page(language, t.notFound, `<header><div class="in"><p>Veikart</p></div></header>
<main id="innhold"><h1>${t.notFound}</h1><p>${t.notFoundText}</p></main>`);
}

export function renderInnsynPage(d: InnsynData): string {
  const lang = d.organization.language;
  const t = TEXT[lang];
  const rev = d.revision;
  const status = (s: MeasureStatus): string => labelsIn(lang).MEASURE_STATUS_LABELS[s];
  const national = new Map(d.nationalGoals.map((n) => [n.id, n]));
  const heading = `${t.title} ${rev.period.startYear}–${rev.period.endYear}`;
  const adopted = rev.adoptedDate && rev.decisionRef ? t.adopted(formatDate(rev.adoptedDate), rev.decisionRef) : '';

  const areaSections = [...rev.focusAreas, null].map((area) => {
    const areaId = area?.id ?? null;
    const goals = area ? rev.goals.filter((g) => g.focusAreaId === area.id) : [];
    const measures = rev.measures.filter((m) => m.focusAreaId === areaId);
    if (!area && measures.length === 0) return '';
    const title = area ? area.title : t.withoutArea;
    const goalList = goals.length
      ? `<h4>${t.goals}</h4><ul>${goals
          .map((g) => {
            const refs = g.nationalGoalIds.map((id) => national.get(id)).filter((n): n is NationalGoal => !!n);
            const suffix = refs.length ? ` <span class="muted">(${refs.map((n) => escapeHtml(`${n.code} ${n.title}`)).join('; ')})</span>` : '';
            return `<li>${escapeHtml(g.text)}${suffix}</li>`;
          })
          .join('')}</ul>`
      : '';
    const measureTable = measures.length
      ? `<div class="table-wrap" role="region" tabindex="0" aria-label="${t.measures}: ${escapeHtml(title)}"><table><caption>${t.measures}: ${escapeHtml(title)}</caption>
<thead><tr><th scope="col">${t.nr}</th><th scope="col">${t.measure}</th><th scope="col">${t.status}</th><th scope="col" class="num">${t.total}</th></tr></thead>
<tbody>${measures
          .map((m) => {
            const live = d.liveStatus.get(m.lineageId) ?? m.status;
            const total = rev.totals.perMeasure[m.id]?.total ?? 0;
            return `<tr><td>${escapeHtml(m.number ?? '')}</td><th scope="row">${escapeHtml(m.title)}${m.description ? `<br><span class="muted">${escapeHtml(m.description)}</span>` : ''}</th><td><span class="status">${escapeHtml(status(live))}</span></td><td class="num">${formatKroner(total)}</td></tr>`;
          })
          .join('\n')}</tbody></table></div>`
      : '';
    return `<section class="area" aria-labelledby="fa-${areaId ?? 'none'}"><h3 id="fa-${areaId ?? 'none'}">${escapeHtml(title)}</h3>${area?.description ? `<p>${escapeHtml(area.description)}</p>` : ''}${goalList}${measureTable}</section>`;
  });

  const years = rev.totals.years;
  const o = rev.totals.overall;
  const moneyTable = `<div class="table-wrap" role="region" tabindex="0" aria-label="${t.moneyCaption}"><table><caption>${t.moneyCaption}</caption>
<thead><tr><th scope="col">${t.year}</th><th scope="col" class="num">${t.invest}</th><th scope="col" class="num">${t.drift}</th><th scope="col" class="num">${t.sum}</th></tr></thead>
<tbody>${years
    .map((y) => `<tr><th scope="row">${y}</th><td class="num">${formatKroner(o.byYear.invest[y] ?? 0)}</td><td class="num">${formatKroner(o.byYear.drift[y] ?? 0)}</td><td class="num">${formatKroner(o.perYear[y] ?? 0)}</td></tr>`)
    .join('\n')}</tbody>
<tfoot><tr><th scope="row">${t.total}</th><td class="num">${formatKroner(o.byKind.invest)}</td><td class="num">${formatKroner(o.byKind.drift)}</td><td class="num">${formatKroner(o.total)}</td></tr></tfoot></table></div>`;

  const body = `<header><div class="in"><p>${escapeHtml(d.organization.name)}</p><h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(rev.period.name)} · revisjon ${rev.number}. ${escapeHtml(adopted)} ${t.published(formatDate(d.publishedAt))}</p>
${d.replacedBy ? `<p><strong class="status">${t.replaced}</strong> ${escapeHtml(t.replacedText(d.replacedBy))}</p>` : ''}
<a class="pdf" href="/innsyn/${encodeURIComponent(d.organization.slug)}/plan.pdf">${t.pdf}</a> · <a class="pdf" href="/innsyn/${encodeURIComponent(d.organization.slug)}/oppfolging">Oppfølging av planen</a></div></header>
<main id="innhold">
${rev.vision ? `<h2>${t.vision}</h2><p>${escapeHtml(rev.vision)}</p>` : ''}
${rev.introduction ? `<h2>${t.intro}</h2>${rev.introduction.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}` : ''}
<h2>${t.measures}</h2>
<p class="muted">${t.statusNote(formatDate(d.today))}</p>
${areaSections.join('\n')}
<h2>${t.money}</h2>
${moneyTable}
</main>`;
  return page(lang, `${heading} – ${d.organization.name}`, body);
}
