/** The document texts in bokmål and nynorsk. */
import type { MeasureStatus, Priority } from '../../domain/plan.ts';
import type { LineType, Ownership } from '../../domain/site.ts';
import type { CostKind } from '../../domain/plan-totals.ts';
import { labelsIn, type Labels } from '../../domain/labels.ts';

export type DocLanguage = 'nb' | 'nn';

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
  readonly kinds: Record<CostKind, string>;
  readonly measureStatus: Record<MeasureStatus, string>;
  readonly priorities: Record<Priority, string>;
  readonly lineTypes: Record<LineType, string>;
  readonly ownerships: Record<Ownership, string>;
}

/** The enum labels of a document come from the language's catalogue (src/domain/i18n/labels.*.ts). */
function enumLabels(labels: Labels): Pick<DocStrings, 'kinds' | 'measureStatus' | 'priorities' | 'lineTypes' | 'ownerships'> {
  return {
    kinds: labels.COST_KIND_LABELS,
    measureStatus: labels.MEASURE_STATUS_LABELS,
    priorities: labels.PRIORITY_LABELS,
    lineTypes: labels.LINE_TYPE_LABELS,
    ownerships: labels.OWNERSHIP_LABELS,
  };
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
  ...enumLabels(labelsIn('nb')),
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
  calculation: 'Berekning',
  ...enumLabels(labelsIn('nn')),
};

export const DOCUMENT_STRINGS: Record<DocLanguage, DocStrings> = { nb: NB, nn: NN };
