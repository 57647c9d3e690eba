/**
 * The plan document ("IKT-strategi og handlingsplan 2025–2028 — <kommune>") as a model, built once
 * from a revision and rendered to DOCX (src/reports/docx.ts) and PDF (src/reports/pdf.ts).
 *
 * Everything the renderers print is decided here: texts (bokmål or nynorsk), order, heading
 * levels, table cells as formatted strings, which columns are numeric. Every amount is taken from
 * `revision.totals` (src/domain/plan-totals.ts); nothing is added up here.
 */
import type { Goal, Measure, MeasureStatus, NationalGoal, Priority, Revision } from '../domain/plan.ts';
import type { LineType, Ownership } from '../domain/site.ts';
import type { CostKind } from '../domain/plan-totals.ts';
import { COST_KINDS, lineAmount } from '../domain/plan-totals.ts';
import { formatKroner } from '../domain/money.ts';
import { formatDate, formatDateTime, formatInteger } from '../domain/format.ts';
import { slugify } from '../domain/organization.ts';
import {
  COST_KIND_LABELS,
  LINE_TYPE_LABELS,
  MEASURE_STATUS_LABELS,
  OWNERSHIP_LABELS,
  PRIORITY_LABELS,
} from '../domain/labels.ts';
import type { MoneyChartData } from './chart.ts';
import type { PlanDocumentInput } from '../domain/plan-document-input.ts';

// ------------------------------------------------------------------------------------ input

// PlanDocumentInput and PlanDocumentSystem are declared in src/domain/plan-document-input.ts
// (src/db reads them, and db does not import reports); re-exported here for the renderers' callers.
export type { PlanDocumentInput, PlanDocumentSystem } from '../domain/plan-document-input.ts';

// ------------------------------------------------------------------------------------ model

export type DocLanguage = 'nb' | 'nn';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface DocColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
  /** Relative width; renderers share the text width in proportion. */
  readonly width: number;
}

/** `group`: one cell spanning all columns (a focus area heading inside a table). */
export interface DocRow {
  readonly kind: 'data' | 'group' | 'subtotal' | 'total';
  readonly cells: readonly string[];
}

export interface DocTable {
  readonly id: string;
  /** "Tabell 2: Investering per tiltak og år". */
  readonly caption: string;
  readonly columns: readonly DocColumn[];
  /** Repeated at the top of every page the table runs over. */
  readonly header: readonly string[];
  readonly body: readonly DocRow[];
  /** Sum rows, printed bold after the body. */
  readonly footer: readonly DocRow[];
  /** Smaller type for wide tables. */
  readonly compact: boolean;
}

/**
 * Body rows that the renderers keep on the page of a table's sum rows, so a sum row never stands
 * alone on a page under a repeated header (PDF: in a non-repeating table footer; Word: keep with next).
 */
export const KEEP_WITH_SUM = 2;

export interface DocFact {
  readonly label: string;
  readonly value: string;
}

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string; readonly newPage?: boolean }
  | { readonly type: 'paragraph'; readonly runs: readonly TextRun[]; readonly role: 'body' | 'vision' | 'note' }
  | { readonly type: 'bullets'; readonly items: readonly (readonly TextRun[])[] }
  | { readonly type: 'facts'; readonly facts: readonly DocFact[] }
  | { readonly type: 'table'; readonly table: DocTable }
  | {
      readonly type: 'chart';
      readonly id: string;
      readonly caption: string;
      /** Alt text for screen readers (PDF/UA, Word): what the chart shows, with its numbers. */
      readonly alt: string;
      readonly data: MoneyChartData;
    };

export interface DocSection {
  readonly id: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export interface TocEntry {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

export interface PlanDocument {
  readonly language: DocLanguage;
  /** BCP 47 tag for Word: nb-NO or nn-NO. */
  readonly languageTag: 'nb-NO' | 'nn-NO';
  readonly strings: DocStrings;
  readonly meta: {
    /** "IKT-strategi og handlingsplan 2025–2028 — Ringebu kommune" */
    readonly title: string;
    readonly author: string;
    readonly subject: string;
    readonly keywords: readonly string[];
  };
  /** Short title for page headers and footers. */
  readonly runningTitle: string;
  /** Shown in the page header while the revision is a draft. */
  readonly draftMark: string | null;
  readonly titlePage: {
    readonly organization: string;
    /** "Kommunenummer 3439", or null. */
    readonly organizationDetail: string | null;
    readonly title: string;
    /** "2025–2028" */
    readonly period: string;
    /** The period's own name when it says more than the years, else null. */
    readonly periodName: string | null;
    /** "Revisjon 2" */
    readonly revision: string;
    /** "Vedtatt 12.12.2024, K-sak 081/24" or "Utkast – ikke vedtatt". */
    readonly status: string;
    readonly adopted: boolean;
    /** "Generert 22.11.2026" */
    readonly generated: string;
  };
  readonly toc: { readonly title: string; readonly depth: number; readonly entries: readonly TocEntry[] };
  readonly sections: readonly DocSection[];
  /** The numbers of the chart "Budsjett per år" (also in `sections`), null when the plan has no years. */
  readonly chart: MoneyChartData | null;
}

// ------------------------------------------------------------------------------------ texts

export interface DocStrings {
  readonly documentTitle: string;
  readonly contents: string;
  readonly introduction: string;
  readonly vision: string;
  readonly focusAreas: string;
  readonly goals: string;
  readonly measures: string;
  readonly otherMeasures: string;
  readonly actionPlan: string;
  readonly economyPlan: string;
  readonly budgetPerYear: string;
  readonly appendices: string;
  readonly sites: string;
  readonly systems: string;
  readonly table: string;
  readonly figure: string;
  readonly revision: string;
  readonly adopted: string;
  /** After the adoption, when a newer adopted revision replaced this one. */
  readonly replaced: string;
  readonly draft: string;
  readonly draftShort: string;
  readonly generated: string;
  readonly kommunenummer: string;
  readonly page: string;
  readonly of: string;
  readonly responsible: string;
  readonly status: string;
  readonly priority: string;
  readonly period: string;
  readonly from: string;
  readonly until: string;
  readonly cost: string;
  readonly calculation: string;
  readonly number: string;
  readonly measure: string;
  readonly year: string;
  readonly total: string;
  readonly sum: string;
  readonly sumOf: string;
  readonly kroner: string;
  readonly perMeasureAndYear: string;
  readonly economyPlanCaption: string;
  readonly chartCaption: string;
  /** Start of the chart's alt text. */
  readonly chartAlt: string;
  readonly noAmounts: string;
  readonly siteName: string;
  readonly users: string;
  readonly capacity: string;
  readonly lineType: string;
  readonly ownership: string;
  readonly provider: string;
  readonly note: string;
  readonly systemName: string;
  readonly vendor: string;
  readonly cooperation: string;
  readonly serverLocation: string;
  readonly database: string;
  readonly kinds: Record<CostKind, string>;
  readonly measureStatus: Record<MeasureStatus, string>;
  readonly priorities: Record<Priority, string>;
  readonly lineTypes: Record<LineType, string>;
  readonly ownerships: Record<Ownership, string>;
}

const NB: DocStrings = {
  documentTitle: 'IKT-strategi og handlingsplan',
  contents: 'Innhold',
  introduction: 'Innledning',
  vision: 'Visjon',
  focusAreas: 'Satsingsområder',
  goals: 'Våre mål',
  measures: 'Tiltak i perioden',
  otherMeasures: 'Andre tiltak',
  actionPlan: 'Handlingsplan',
  economyPlan: 'Økonomiplan',
  budgetPerYear: 'Budsjett per år',
  appendices: 'Vedlegg',
  sites: 'Lokasjoner',
  systems: 'Fagsystemer',
  table: 'Tabell',
  figure: 'Figur',
  revision: 'Revisjon',
  adopted: 'Vedtatt',
  replaced: 'Erstattet av en nyere revisjon',
  draft: 'Utkast – ikke vedtatt',
  draftShort: 'Utkast',
  generated: 'Generert',
  kommunenummer: 'Kommunenummer',
  page: 'Side',
  of: 'av',
  responsible: 'Ansvarlig',
  status: 'Status',
  priority: 'Prioritet',
  period: 'Periode',
  from: 'Fra',
  until: 'Til',
  cost: 'Kostnad',
  calculation: 'Beregning',
  number: 'Nr.',
  measure: 'Tiltak',
  year: 'År',
  total: 'Totalt',
  sum: 'Sum',
  sumOf: 'Sum',
  kroner: 'Kroner',
  perMeasureAndYear: 'per tiltak og år',
  economyPlanCaption: 'Økonomiplan – investering og drift per år',
  chartCaption: 'Budsjett per år – investering og drift',
  chartAlt: 'Stolpediagram over investering og drift per år',
  noAmounts: 'Ingen tiltak har beløp av denne typen.',
  siteName: 'Lokasjon',
  users: 'Brukere',
  capacity: 'Kapasitet (Mbit/s)',
  lineType: 'Linjetype',
  ownership: 'Eid/leid',
  provider: 'Leverandør',
  note: 'Merknad',
  systemName: 'System',
  vendor: 'Leverandør',
  cooperation: 'Samarbeid',
  serverLocation: 'Serverplassering',
  database: 'Database',
  kinds: COST_KIND_LABELS,
  measureStatus: MEASURE_STATUS_LABELS,
  priorities: PRIORITY_LABELS,
  lineTypes: LINE_TYPE_LABELS,
  ownerships: OWNERSHIP_LABELS,
};

const NN: DocStrings = {
  ...NB,
  contents: 'Innhald',
  introduction: 'Innleiing',
  focusAreas: 'Satsingsområde',
  goals: 'Måla våre',
  otherMeasures: 'Andre tiltak',
  appendices: 'Vedlegg',
  sites: 'Lokasjonar',
  systems: 'Fagsystem',
  revision: 'Revisjon',
  adopted: 'Vedteken',
  replaced: 'Erstatta av ein nyare revisjon',
  draft: 'Utkast – ikkje vedteken',
  generated: 'Generert',
  responsible: 'Ansvarleg',
  from: 'Frå',
  perMeasureAndYear: 'per tiltak og år',
  noAmounts: 'Ingen tiltak har beløp av denne typen.',
  users: 'Brukarar',
  capacity: 'Kapasitet (Mbit/s)',
  ownership: 'Eigd/leigd',
  provider: 'Leverandør',
  note: 'Merknad',
  vendor: 'Leverandør',
  measureStatus: { planned: 'Ikkje starta', in_progress: 'Pågår', done: 'Fullført', postponed: 'Utsett', cancelled: 'Avbrote' },
  priorities: { high: 'Høg', medium: 'Middels', low: 'Låg' },
  ownerships: { eid: 'Kommunalt eigd', leid: 'Leigd' },
};

export const DOCUMENT_STRINGS: Record<DocLanguage, DocStrings> = { nb: NB, nn: NN };

// ------------------------------------------------------------------------------------ helpers

const EN_DASH = '\u2013';

/** Splits free text into paragraphs (blank lines) and bullet lists (lines starting with -, * or •). */
export function textBlocks(text: string | null | undefined, role: 'body' | 'vision' = 'body'): Block[] {
  if (!text || text.trim() === '') return [];
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let prose: string[] = [];
    let bullets: string[] = [];
    const flushProse = (): void => {
      if (prose.length) blocks.push({ type: 'paragraph', runs: [{ text: prose.join(' ') }], role });
      prose = [];
    };
    const flushBullets = (): void => {
      if (bullets.length) blocks.push({ type: 'bullets', items: bullets.map((b) => [{ text: b }]) });
      bullets = [];
    };
    for (const line of lines) {
      const bullet = /^[-*•–]\s+(.*)$/.exec(line);
      if (bullet) {
        flushProse();
        bullets.push(bullet[1]!);
      } else {
        flushBullets();
        prose.push(line);
      }
    }
    flushProse();
    flushBullets();
  }
  return blocks;
}

const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

/** Measures by number (natural order: 2 before 10), numberless last, then by title. */
function byNumber(a: Measure, b: Measure): number {
  if (a.number === null && b.number !== null) return 1;
  if (b.number === null && a.number !== null) return -1;
  return collator.compare(a.number ?? '', b.number ?? '') || collator.compare(a.title, b.title);
}

function measurePeriod(m: Measure, s: DocStrings): string | null {
  if (m.startDate && m.endDate) return `${formatDate(m.startDate)}${EN_DASH}${formatDate(m.endDate)}`;
  if (m.startDate) return `${s.from} ${formatDate(m.startDate)}`;
  if (m.endDate) return `${s.until} ${formatDate(m.endDate)}`;
  return null;
}

function dash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? EN_DASH : value;
}

function countOrDash(value: number | null): string {
  return value === null ? EN_DASH : formatInteger(value);
}

/** Years shown as columns: the plan's years, plus any year a line lies outside them (so rows add up). */
function columnYears(revision: Revision): number[] {
  const { years, overall } = revision.totals;
  const extra = COST_KINDS.flatMap((k) => Object.keys(overall.byYear[k]).map(Number));
  return [...new Set([...years, ...extra])].sort((a, b) => a - b);
}

type Totals = Revision['totals']['overall'];

function amountAt(t: Totals | undefined, kind: CostKind, year: number): number {
  return t?.byYear[kind][year] ?? 0;
}

function titleOf(m: Measure): string {
  return m.number ? `${m.number} ${m.title}` : m.title;
}

// ------------------------------------------------------------------------------------ build

export function buildPlanDocument(input: PlanDocumentInput): PlanDocument {
  const { organization, revision } = input;
  const language: DocLanguage = organization.language === 'nn' ? 'nn' : 'nb';
  const s = DOCUMENT_STRINGS[language];
  const periodText = `${revision.period.startYear}${EN_DASH}${revision.period.endYear}`;
  const years = columnYears(revision);
  const ids = new Set<string>();
  const uniqueId = (base: string): string => {
    const stem = slugify(base) || 'del';
    let id = stem;
    for (let i = 2; ids.has(id); i++) id = `${stem}-${i}`;
    ids.add(id);
    return id;
  };
  const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: 'heading', level, text, id: uniqueId(text) });
  let tableNo = 0;
  let figureNo = 0;
  const caption = (text: string): string => `${s.table} ${++tableNo}: ${text}`;

  const nationalById = new Map(input.nationalGoals.map((g) => [g.id, g]));
  const goalsByArea = new Map<string, Goal[]>();
  for (const g of [...revision.goals].sort((a, b) => a.position - b.position)) {
    const list = goalsByArea.get(g.focusAreaId) ?? [];
    list.push(g);
    goalsByArea.set(g.focusAreaId, list);
  }
  const areas = [...revision.focusAreas].sort((a, b) => a.position - b.position || collator.compare(a.title, b.title));
  const areaIds = new Set(areas.map((a) => a.id));
  const measuresByArea = new Map<string, Measure[]>();
  for (const m of revision.measures) {
    const key = m.focusAreaId !== null && areaIds.has(m.focusAreaId) ? m.focusAreaId : '';
    const list = measuresByArea.get(key) ?? [];
    list.push(m);
    measuresByArea.set(key, list);
  }
  for (const list of measuresByArea.values()) list.sort(byNumber);
  const orphanMeasures = measuresByArea.get('') ?? [];

  // -------------------------------------------------------------------- strategy (portrait)
  const strategy: Block[] = [];
  const introduction = textBlocks(revision.introduction);
  if (introduction.length) strategy.push(heading(1, s.introduction), ...introduction);
  const vision = textBlocks(revision.vision, 'vision');
  if (vision.length) strategy.push(heading(1, s.vision), ...vision);

  /** A measure's heading is level 4 under "Tiltak i perioden", level 3 right under "Andre tiltak" (no skipped levels). */
  const measureBlocks = (m: Measure, level: 3 | 4 = 4): Block[] => {
    const blocks: Block[] = [heading(level, titleOf(m)), ...textBlocks(m.description)];
    const facts: DocFact[] = [];
    if (m.responsible) facts.push({ label: s.responsible, value: m.responsible });
    facts.push({ label: s.status, value: s.measureStatus[m.status] });
    facts.push({ label: s.priority, value: s.priorities[m.priority] });
    const period = measurePeriod(m, s);
    if (period) facts.push({ label: s.period, value: period });
    const t = revision.totals.perMeasure[m.id];
    if (t && (t.byKind.invest !== 0 || t.byKind.drift !== 0)) {
      const parts = COST_KINDS.filter((k) => t.byKind[k] !== 0).map((k) => `${s.kinds[k].toLowerCase()} ${formatKroner(t.byKind[k])}`);
      facts.push({ label: s.cost, value: capitalize(parts.join(', ')) });
    }
    const calculations = [...m.lines]
      .filter((l) => l.quantity !== null && l.unitPrice !== null)
      .sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
      .map(
        (l) =>
          `${s.kinds[l.kind]} ${l.year}: ${formatInteger(l.quantity!)} × ${formatKroner(l.unitPrice!)} = ${formatKroner(lineAmount(l))}` +
          (l.note ? ` (${l.note})` : ''),
      );
    calculations.forEach((value, i) => facts.push({ label: i === 0 ? s.calculation : '', value }));
    blocks.push({ type: 'facts', facts });
    return blocks;
  };

  if (areas.length || orphanMeasures.length) strategy.push(heading(1, s.focusAreas));
  for (const area of areas) {
    strategy.push(heading(2, area.title), ...textBlocks(area.description));
    const goals = goalsByArea.get(area.id) ?? [];
    if (goals.length) {
      strategy.push(heading(3, s.goals));
      strategy.push({
        type: 'bullets',
        items: goals.map((g) => {
          const served = g.nationalGoalIds
            .map((id) => nationalById.get(id))
            .filter((n): n is NationalGoal => n !== undefined)
            .map((n) => `${n.code} ${n.title}`);
          const runs: TextRun[] = [{ text: g.text }];
          if (served.length) runs.push({ text: ` (${served.join('; ')})`, italic: true });
          return runs;
        }),
      });
    }
    const measures = measuresByArea.get(area.id) ?? [];
    if (measures.length) {
      strategy.push(heading(3, s.measures));
      for (const m of measures) strategy.push(...measureBlocks(m));
    }
  }
  if (orphanMeasures.length) {
    strategy.push(heading(2, s.otherMeasures));
    for (const m of orphanMeasures) strategy.push(...measureBlocks(m, 3));
  }

  // -------------------------------------------------------------------- action plan (landscape)
  const groups: Array<{ title: string | null; areaKey: string; measures: Measure[] }> = [
    ...areas.map((a) => ({ title: a.title, areaKey: a.id, measures: measuresByArea.get(a.id) ?? [] })),
    { title: areas.length ? s.otherMeasures : null, areaKey: '', measures: orphanMeasures },
  ].filter((g) => g.measures.length > 0);
  const manyYears = years.length > 6;
  const money = (n: number): string => formatKroner(n, { unit: !manyYears });
  /** In measure rows an empty year is a dash, so the amounts stand out; sums always show the amount. */
  const cellMoney = (n: number): string => (n === 0 ? EN_DASH : money(n));
  // The "Nr." column only when some measure has a number (an import without prosjektnr has none);
  // a measure without a number in a numbered plan shows a dash, as on the web page.
  const numbered = revision.measures.some((m) => m.number !== null && m.number.trim() !== '');
  const nr = (cell: string): string[] => (numbered ? [cell] : []);

  const kindTable = (kind: CostKind): DocTable => {
    const hasKind = (m: Measure): boolean => m.lines.some((l) => l.kind === kind);
    const visible = groups.map((g) => ({ ...g, measures: g.measures.filter(hasKind) })).filter((g) => g.measures.length > 0);
    const showGroups = visible.length > 1 || (visible.length === 1 && visible[0]!.title !== null && areas.length > 1);
    const body: DocRow[] = [];
    for (const g of visible) {
      if (showGroups && g.title) body.push({ kind: 'group', cells: [g.title] });
      for (const m of g.measures) {
        const t = revision.totals.perMeasure[m.id];
        body.push({
          kind: 'data',
          cells: [...nr(dash(m.number)), m.title, ...years.map((y) => cellMoney(amountAt(t, kind, y))), money(t?.byKind[kind] ?? 0)],
        });
      }
      if (showGroups && g.title) {
        const t = revision.totals.perFocusArea[g.areaKey];
        body.push({
          kind: 'subtotal',
          cells: [...nr(''), `${s.sumOf} ${g.title}`, ...years.map((y) => money(amountAt(t, kind, y))), money(t?.byKind[kind] ?? 0)],
        });
      }
    }
    const overall = revision.totals.overall;
    return {
      id: `tabell-${kind}`,
      caption: caption(`${s.kinds[kind]} ${s.perMeasureAndYear}${manyYears ? ` (${s.kroner.toLowerCase()})` : ''}`),
      columns: [
        ...(numbered ? [{ header: s.number, align: 'left' as const, width: 1.1 }] : []),
        { header: s.measure, align: 'left', width: manyYears ? 5.5 : 5.4 },
        ...years.map((y) => ({ header: String(y), align: 'right' as const, width: manyYears ? 1.5 : 2 })),
        { header: s.total, align: 'right', width: manyYears ? 1.9 : 2.2 },
      ],
      header: [...nr(s.number), s.measure, ...years.map(String), s.total],
      body,
      footer: [
        {
          kind: 'total',
          cells: [...nr(''), `${s.sum} ${s.kinds[kind].toLowerCase()}`, ...years.map((y) => money(amountAt(overall, kind, y))), money(overall.byKind[kind])],
        },
      ],
      compact: true,
    };
  };

  const actionPlan: Block[] = [heading(1, `${s.actionPlan} ${periodText}`)];
  for (const kind of COST_KINDS) {
    actionPlan.push(heading(2, s.kinds[kind]));
    const table = kindTable(kind);
    if (table.body.length) actionPlan.push({ type: 'table', table });
    else actionPlan.push({ type: 'paragraph', runs: [{ text: s.noAmounts }], role: 'note' });
  }

  // -------------------------------------------------------------------- economy plan, appendices
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
    closing.push({ type: 'chart', id: 'figur-budsjett', caption: `${s.figure} ${++figureNo}: ${s.chartCaption}`, alt, data: chart });
  }

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
          { header: s.serverLocation, align: 'left', width: 2.6 },
          { header: s.database, align: 'left', width: 2.2 },
        ],
        header: [s.systemName, s.users, s.vendor, s.cooperation, s.serverLocation, s.database],
        body: systems.map((sys) => ({
          kind: 'data' as const,
          cells: [sys.name, countOrDash(sys.users), dash(sys.vendor), dash(sys.cooperation), dash(sys.serverLocation), dash(sys.database)],
        })),
        footer: [],
        compact: true,
      },
    });
  }

  const sections: DocSection[] = [
    { id: 'strategi', orientation: 'portrait', blocks: strategy },
    { id: 'handlingsplan', orientation: 'landscape', blocks: actionPlan },
    { id: 'okonomi', orientation: 'portrait', blocks: [...closing, ...appendices] },
  ].filter((section) => section.blocks.length > 0) as DocSection[];

  const tocDepth = 2;
  const entries: TocEntry[] = sections
    .flatMap((section) => section.blocks)
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level <= tocDepth)
    .map((b) => ({ level: b.level, text: b.text, id: b.id }));

  const adopted = revision.status === 'adopted';
  const status = adopted
    ? [
        s.adopted + (revision.adoptedDate ? ` ${formatDate(revision.adoptedDate)}` : ''),
        revision.decisionRef ? revision.decisionRef : null,
      ]
        .filter(Boolean)
        .join(', ') + (revision.state === 'replaced' ? ` – ${s.replaced}` : '')
    : s.draft;
  const periodName = revision.period.name.trim();
  const fullTitle = `${s.documentTitle} ${periodText}`;

  return {
    language,
    languageTag: language === 'nn' ? 'nn-NO' : 'nb-NO',
    strings: s,
    meta: {
      title: `${fullTitle} ${'\u2014'} ${organization.name}`,
      author: organization.name,
      subject: `${s.revision} ${revision.number}, ${status}`,
      keywords: ['IKT-strategi', s.actionPlan.toLowerCase(), s.economyPlan.toLowerCase(), organization.name],
    },
    runningTitle: `${fullTitle} ${'\u00b7'} ${organization.name}`,
    draftMark: adopted ? null : s.draft,
    titlePage: {
      organization: organization.name,
      organizationDetail: organization.kommunenummer ? `${s.kommunenummer} ${organization.kommunenummer}` : null,
      title: s.documentTitle,
      period: periodText,
      periodName: periodName && !periodName.includes(String(revision.period.startYear)) ? periodName : null,
      revision: `${s.revision} ${revision.number}`,
      status,
      adopted,
      generated: `${s.generated} ${formatDateTime(input.generatedAt).slice(0, 10)}`,
    },
    toc: { title: s.contents, depth: tocDepth, entries },
    sections,
    chart,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `ikt-strategi-2025-2028-ringebu-kommune-rev2.pdf` */
export function documentFileName(input: Pick<PlanDocumentInput, 'organization' | 'revision'>, ext: string): string {
  const { period, number } = input.revision;
  const org = slugify(input.organization.name) || 'organisasjon';
  return `ikt-strategi-${period.startYear}-${period.endYear}-${org}-rev${number}.${ext.replace(/^\./, '')}`;
}
