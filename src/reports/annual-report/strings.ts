/** The annual report's own texts, bokmål and nynorsk (the plan document's are in plan-document/strings.ts). */
import type { CostPoolBasis, CostShareKey } from '../../domain/annual-figures.ts';
import type { Lifecycle } from '../../domain/portfolio.ts';

export interface AnnualStrings {
  title: string;
  introduction: string;
  noIntroduction: string;
  goalsAndMeasures: (year: number) => string;
  fromRevision: (plan: string, revision: number, adopted: boolean) => string;
  noPlan: (year: number) => string;
  noMeasures: string;
  goals: string;
  otherMeasures: string;
  measure: string;
  status: string;
  result: string;
  measuresCaption: (area: string) => string;
  statistics: string;
  statisticsCaption: (year: number) => string;
  kommune: string;
  total: string;
  barCaption: (metric: string, year: number) => string;
  lineCaption: (metric: string) => string;
  historyCaption: (metric: string) => string;
  barAlt: (metric: string, parts: string) => string;
  lineAlt: (metric: string, parts: string) => string;
  monthCaption: (metric: string, year: number) => string;
  monthAlt: (metric: string, year: number, parts: string) => string;
  monthAxis: string;
  yearTotal: string;
  value: string;
  yearAxis: string;
  accounts: string;
  accountsCaption: (year: number) => string;
  ansvar: string;
  name: string;
  budget: string;
  actual: string;
  deviation: string;
  underspend: string;
  overspend: string;
  costSharing: string;
  pool: (name: string) => string;
  poolFacts: { basis: string; key: string; amount: string; metric: string };
  basis: Record<CostPoolBasis, string>;
  key: Record<CostShareKey, string>;
  owner: string;
  share: string;
  perOwnerTotal: string;
  perOwnerCaption: (year: number) => string;
  solutions: string;
  solutionsIntro: string;
  solutionsCaption: string;
  solution: string;
  introduced: string;
  sharedWith: string;
  replacedBy: string;
  retired: string;
  lifecycle: Record<Lifecycle, string>;
  reportFor: (year: number) => string;
}

export const ANNUAL_STRINGS: Record<'nb' | 'nn', AnnualStrings> = {
  nb: {
    title: 'Årsmelding',
    introduction: 'Innledning',
    noIntroduction: 'Innledningen er ikke skrevet ennå.',
    goalsAndMeasures: (y) => `Mål og tiltak i ${y}`,
    fromRevision: (plan, n, adopted) => `Mål og tiltak er hentet fra ${plan}, revisjon ${n}${adopted ? ' (vedtatt)' : ' (utkast – ikke vedtatt)'}.`,
    noPlan: (y) => `Ingen plan dekker ${y}.`,
    noMeasures: 'Planen har ingen tiltak i året.',
    goals: 'Mål',
    otherMeasures: 'Andre tiltak',
    measure: 'Tiltak',
    status: 'Status',
    result: 'Resultat',
    measuresCaption: (area) => `Tiltak og resultat – ${area}`,
    statistics: 'Statistikk',
    statisticsCaption: (y) => `Statistikk per kommune ${y}`,
    kommune: 'Kommune',
    total: 'Totalt',
    barCaption: (m, y) => `${m} per kommune ${y}`,
    lineCaption: (m) => `${m} per kommune over år`,
    historyCaption: (m) => `${m} per kommune og år`,
    barAlt: (m, parts) => `Stolpediagram over ${m} per kommune: ${parts}.`,
    lineAlt: (m, parts) => `Linjediagram over ${m} per kommune og år: ${parts}.`,
    monthCaption: (m, y) => `${m} per måned ${y}`,
    monthAlt: (m, y, parts) => `Linjediagram over ${m} per måned i ${y}: ${parts}.`,
    monthAxis: 'Måned',
    yearTotal: 'Året',
    value: 'Antall',
    yearAxis: 'År',
    accounts: 'Regnskap',
    accountsCaption: (y) => `Budsjett og regnskap per ansvar ${y}`,
    ansvar: 'Ansvar',
    name: 'Navn',
    budget: 'Budsjett',
    actual: 'Regnskap',
    deviation: 'Avvik',
    underspend: 'Mindreforbruk',
    overspend: 'Merforbruk',
    costSharing: 'Fordeling av kostnader',
    pool: (name) => name,
    poolFacts: { basis: 'Grunnlag', key: 'Fordelingsnøkkel', amount: 'Beløp', metric: 'Måltall' },
    basis: { budget: 'budsjett', actual: 'regnskap', deviation: 'avvik', system: 'årlig kostnad for systemet', amount: 'beløp ført inn' },
    key: { equal: 'lik fordeling', fixed: 'faste prosenter', metric: 'etter måltall', users: 'etter brukere' },
    owner: 'Eier',
    share: 'Andel',
    perOwnerTotal: 'Sum per eier',
    perOwnerCaption: (y) => `Samlet andel per eier ${y}`,
    solutions: 'Vedlegg: Felles løsninger',
    solutionsIntro: 'Alle felles løsninger siden starten, med år for innføring. Løsninger som er faset ut, er merket.',
    solutionsCaption: 'Felles løsninger',
    solution: 'Løsning',
    introduced: 'Innført',
    sharedWith: 'Deles med',
    replacedBy: 'erstattet av',
    retired: '(Utfaset)',
    lifecycle: { planned: 'Planlagt', introducing: 'I innføring', in_operation: 'I drift', phasing_out: 'Under utfasing', retired: '(Utfaset)' },
    reportFor: (y) => `for ${y}`,
  },
  nn: {
    title: 'Årsmelding',
    introduction: 'Innleiing',
    noIntroduction: 'Innleiinga er ikkje skriven enno.',
    goalsAndMeasures: (y) => `Mål og tiltak i ${y}`,
    fromRevision: (plan, n, adopted) => `Mål og tiltak er henta frå ${plan}, revisjon ${n}${adopted ? ' (vedteken)' : ' (utkast – ikkje vedteken)'}.`,
    noPlan: (y) => `Ingen plan dekkjer ${y}.`,
    noMeasures: 'Planen har ingen tiltak i året.',
    goals: 'Mål',
    otherMeasures: 'Andre tiltak',
    measure: 'Tiltak',
    status: 'Status',
    result: 'Resultat',
    measuresCaption: (area) => `Tiltak og resultat – ${area}`,
    statistics: 'Statistikk',
    statisticsCaption: (y) => `Statistikk per kommune ${y}`,
    kommune: 'Kommune',
    total: 'Totalt',
    barCaption: (m, y) => `${m} per kommune ${y}`,
    lineCaption: (m) => `${m} per kommune over år`,
    historyCaption: (m) => `${m} per kommune og år`,
    barAlt: (m, parts) => `Stolpediagram over ${m} per kommune: ${parts}.`,
    lineAlt: (m, parts) => `Linjediagram over ${m} per kommune og år: ${parts}.`,
    monthCaption: (m, y) => `${m} per månad ${y}`,
    monthAlt: (m, y, parts) => `Linjediagram over ${m} per månad i ${y}: ${parts}.`,
    monthAxis: 'Månad',
    yearTotal: 'Året',
    value: 'Tal',
    yearAxis: 'År',
    accounts: 'Rekneskap',
    accountsCaption: (y) => `Budsjett og rekneskap per ansvar ${y}`,
    ansvar: 'Ansvar',
    name: 'Namn',
    budget: 'Budsjett',
    actual: 'Rekneskap',
    deviation: 'Avvik',
    underspend: 'Mindreforbruk',
    overspend: 'Meirforbruk',
    costSharing: 'Fordeling av kostnader',
    pool: (name) => name,
    poolFacts: { basis: 'Grunnlag', key: 'Fordelingsnøkkel', amount: 'Beløp', metric: 'Måltal' },
    basis: { budget: 'budsjett', actual: 'rekneskap', deviation: 'avvik', system: 'årleg kostnad for systemet', amount: 'beløp ført inn' },
    key: { equal: 'lik fordeling', fixed: 'faste prosentar', metric: 'etter måltal', users: 'etter brukarar' },
    owner: 'Eigar',
    share: 'Del',
    perOwnerTotal: 'Sum per eigar',
    perOwnerCaption: (y) => `Samla del per eigar ${y}`,
    solutions: 'Vedlegg: Felles løysingar',
    solutionsIntro: 'Alle felles løysingar sidan starten, med år for innføring. Løysingar som er fasa ut, er merkte.',
    solutionsCaption: 'Felles løysingar',
    solution: 'Løysing',
    introduced: 'Innført',
    sharedWith: 'Delt med',
    replacedBy: 'erstatta av',
    retired: '(Utfasa)',
    lifecycle: { planned: 'Planlagd', introducing: 'Under innføring', in_operation: 'I drift', phasing_out: 'Under utfasing', retired: '(Utfasa)' },
    reportFor: (y) => `for ${y}`,
  },
};
