/**
 * A realistic plan revision for document tests and timing scripts: Ringebu-like focus areas, goals
 * linked to national goals, measures with invest/drift lines (some quantity × unit price), sites
 * and systems. Totals come from the domain's planTotals, as the API computes them.
 */
import type { Measure, NationalGoal, Revision } from '../../src/domain/plan.ts';
import type { Site } from '../../src/domain/site.ts';
import { planTotals, yearsOf } from '../../src/domain/plan-totals.ts';
import type { PlanDocumentInput } from '../../src/reports/plan-document/index.ts';

let counter = 0;
/** Deterministic v4-shaped ids. */
export function id(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

const ORG_ID = id();
const START = 2025;
const END = 2028;

export const TRICKY_TITLE = `Kurs i «Teams» for #alle ansatte – 'superbrukere' & "ledere" (*del 1*) $50 <b> @hr [fase_2] \\ slutt`;

type Line = Measure['lines'][number];
const line = (kind: 'invest' | 'drift', year: number, amount: number | null, qty?: number, unitPrice?: number, note?: string): Line => ({
  id: id(),
  kind,
  year,
  amount: qty === undefined ? amount : null,
  quantity: qty ?? null,
  unitPrice: unitPrice ?? null,
  note: note ?? null,
  saving: false,
});

export interface FixtureOptions {
  language?: 'nb' | 'nn';
  /** Extra generated measures (for timing). */
  extraMeasures?: number;
  adopted?: boolean;
  withAppendices?: boolean;
}

export function nationalGoals(): NationalGoal[] {
  const g = (framework: string, code: string, title: string): NationalGoal => ({
    id: id(),
    organizationId: null,
    framework,
    code,
    title,
    validFrom: 2013,
    validTo: null,
    current: true,
  });
  const KS = 'KS digitaliseringsstrategi 2013–2016';
  const EDOS = 'Én digital offentlig sektor 2019–2025';
  return [
    g(KS, 'KS-1', 'Digital dialog'),
    g(KS, 'KS-3', 'Kompetanse'),
    g(KS, 'KS-5', 'Personvern, taushetsplikt og informasjonssikkerhet'),
    g(EDOS, 'EDOS-2', 'Deling og gjenbruk av data'),
    g(EDOS, 'EDOS-5', 'Informasjonssikkerhet og personvern'),
  ];
}

export function buildFixture(options: FixtureOptions = {}): PlanDocumentInput & { measureTitles: string[] } {
  const nn = options.language === 'nn';
  const ng = nationalGoals();
  const [ks1, ks3, ks5, edos2, edos5] = ng.map((n) => n.id) as [string, string, string, string, string];
  const area = (position: number, title: string, description: string) => ({ id: id(), lineageId: id(), position, title, description, version: 1 });
  const areas = [
    area(
      1,
      nn ? 'Brukaroppleving, tilgjenge og effektivitet' : 'Brukeropplevelse, tilgjengelighet og effektivitet',
      nn
        ? 'Innbyggjarar og tilsette skal oppleve IKT-løysingane som enkle, sikre og stabile.\n\nVi vil særleg:\n- gjere fleire tenester digitale\n- korte ned svartida i brukarstøtta'
        : 'Innbyggere og ansatte skal oppleve IKT-løsningene som enkle og gjenkjennelige, sikre og stabile.\n\nVi vil særlig:\n- gjøre flere tjenester digitale\n- korte ned svartiden i brukerstøtten',
    ),
    area(2, nn ? 'Tryggleik' : 'Sikkerhet', nn ? 'IKT-løysingane skal tilfredsstille Normen og vere sikre og stabile.' : 'IKT-løsningene skal tilfredsstille Normen for informasjonssikkerhet og være sikre og stabile.'),
    area(3, nn ? 'Kompetanse og utvikling' : 'Kompetanse og utvikling', nn ? 'Kommunen skal ha kapasitet og kompetanse til å møte morgondagens utfordringar.' : 'Kommunen skal ha kapasitet og kompetanse til å møte dagens og morgendagens utfordringer.'),
  ] as const;
  const goal = (focusAreaId: string, position: number, text: string, nationalGoalIds: string[]) => ({ id: id(), focusAreaId, position, text, nationalGoalIds, version: 1 });
  const goals = [
    goal(areas[0].id, 1, 'Brukerne skal få hjelp og støtte når de trenger det', [ks1]),
    goal(areas[0].id, 2, 'Brukerne skal kunne utføre sine oppgaver uavhengig av tid og sted', [edos2]),
    goal(areas[1].id, 1, 'IKT-løsningene skal tilfredsstille Normen for informasjonssikkerhet', [ks5, edos5]),
    goal(areas[1].id, 2, 'Tilgang til systemer skal styres etter rolle', []),
    goal(areas[2].id, 1, 'Alle ansatte skal ha digital grunnkompetanse', [ks3]),
  ];
  const [a1, a2, a3] = [areas[0].id, areas[1].id, areas[2].id];
  const m = (
    focusAreaId: string | null,
    number: string | null,
    title: string,
    lines: Line[],
    extra: Partial<Measure> = {},
  ): Measure => ({
    id: id(),
    lineageId: id(),
    focusAreaId,
    number,
    title,
    description: null,
    responsible: 'IKT-leder',
    result: null,
    status: 'planned',
    priority: 'medium',
    startDate: null,
    endDate: null,
    goalIds: [],
    lines,
    actuals: [],
    version: 1,
    ...extra,
  });
  const measures: Measure[] = [
    m(a1, '1.1', 'Ny kommunal nettside med selvbetjening', [line('invest', 2025, 450_000), line('drift', 2026, 60_000), line('drift', 2027, 60_000), line('drift', 2028, 62_500)], {
      description: 'Nettsiden skal bygges på nytt med universell utforming og innbyggerdialog. Skjemaer skal kobles til sak/arkiv.',
      responsible: 'Kommunikasjonsrådgiver',
      status: 'in_progress',
      priority: 'high',
      startDate: '2025-01-01',
      endDate: '2026-06-30',
      goalIds: [goals[0]!.id],
    }),
    m(a1, '1.2', 'Utskifting av PC-er i skolene', [line('invest', 2025, null, 25, 8_500, 'PC-er til Ringebu skole'), line('invest', 2027, null, 30, 8_900, 'PC-er til Fåvang skole')], {
      description: 'Elev-PC-er eldre enn fire år byttes ut.',
      responsible: 'Rektor Ringebu skole',
      priority: 'high',
      startDate: '2025-08-01',
      endDate: '2027-08-31',
    }),
    m(a1, '1.3', 'Mobil omsorg – nettbrett i hjemmetjenesten', [line('invest', 2026, null, 40, 5_990), line('drift', 2026, 36_000), line('drift', 2027, 36_000), line('drift', 2028, 36_000)], {
      responsible: 'Enhetsleder helse og omsorg',
      status: 'planned',
    }),
    m(a1, '1.10', 'Chatbot på nettsiden', [line('drift', 2027, 48_000), line('drift', 2028, 48_000)], { priority: 'low' }),
    m(a1, '1.4', TRICKY_TITLE, [line('drift', 2025, 35_000), line('drift', 2026, 35_000)], {
      description: 'Opplæring av superbrukere; «Teams»-kurs med #kanaler, *stjerner* og _understrek_ — alt skal vises som skrevet. Kostnad $ og € i teksten.',
      responsible: 'HR-rådgiver',
    }),
    m(a2, '2.1', 'Ny brannmur og segmentering av nettverket', [line('invest', 2025, 380_000), line('drift', 2025, 45_000), line('drift', 2026, 45_000), line('drift', 2027, 45_000), line('drift', 2028, 45_000)], {
      description: 'Dagens brannmur er ti år gammel og erstattes.',
      status: 'done',
      priority: 'high',
      startDate: '2025-02-01',
      endDate: '2025-05-31',
    }),
    m(a2, '2.2', 'Tofaktorautentisering for alle ansatte', [line('invest', 2025, 120_000), line('drift', 2026, 18_000), line('drift', 2027, 18_000), line('drift', 2028, 18_000)], {
      responsible: 'Systemansvarlig',
      status: 'in_progress',
      priority: 'high',
    }),
    m(a2, '2.3', 'ROS-analyse for fagsystemer med sensitive personopplysninger', [line('drift', 2026, 75_000)], { status: 'postponed', endDate: '2026-12-31' }),
    m(a2, '2.4', 'Sikkerhetskopi til ekstern lokasjon', [line('invest', 2026, 210_000), line('drift', 2026, 24_000), line('drift', 2027, 24_000), line('drift', 2028, 24_000)], {
      startDate: '2026-03-01',
    }),
    m(a3, '3.1', 'Opplæringsplan for superbrukere', [line('drift', 2025, 40_000), line('drift', 2026, 40_000), line('drift', 2027, 40_000), line('drift', 2028, 40_000)], {
      responsible: 'Personalsjef',
    }),
    m(a3, '3.2', 'Digital grunnopplæring – e-læring', [line('invest', 2026, 95_000), line('drift', 2027, 12_000), line('drift', 2028, 12_000)], { status: 'cancelled', priority: 'low' }),
    m(a3, '3.3', 'Gevinstrealisering ved innføring av nye systemer', [], { description: 'Metodikk for gevinstrealisering tas i bruk i alle prosjekter.' }),
  ];
  for (let i = 0; i < (options.extraMeasures ?? 0); i++) {
    const areaId = [a1, a2, a3][i % 3]!;
    measures.push(
      m(areaId, `9.${i + 1}`, `Generert tiltak ${i + 1} – oppgradering av fagsystem ${i + 1} (æøå)`, [
        line('invest', START + (i % 4), 100_000 + i * 1_250),
        line('drift', START + ((i + 1) % 4), 20_000 + i * 100),
        line('invest', START + ((i + 2) % 4), null, 3 + (i % 5), 7_990),
      ], { description: `Beskrivelse av tiltak ${i + 1}. Tiltaket skal gjennomføres i samarbeid med nabokommunene.` }),
    );
  }

  const years = yearsOf(START, END);
  const adopted = options.adopted ?? true;
  const revision: Revision = {
    id: id(),
    periodId: id(),
    number: 2,
    status: adopted ? 'adopted' : 'draft',
    state: adopted ? 'adopted' : 'draft',
    adoptedDate: adopted ? '2024-12-12' : null,
    decisionRef: adopted ? 'K-sak 081/24' : null,
    basedOnId: null,
    createdAt: '2024-11-01T10:00:00.000Z',
    publishedAt: null,
    version: 3,
    period: { id: id(), name: 'IKT-strategi 2025–2028', startYear: START, endYear: END },
    vision: nn ? 'IKT gir Ringebu moglegheiter til å lukkast' : 'IKT gir Ringebu muligheter til å lykkes',
    introduction: nn
      ? 'IKT speler ei stadig større rolle i kvardagen vår. Ei gjennomtenkt og langsiktig satsing på IKT er viktig for ei god utvikling av tenestene til innbyggjarane.\n\nPlanen blir rullert kvart år.'
      : 'IKT spiller en stadig større rolle i vår hverdag. En gjennomtenkt og langsiktig satsing på IKT er viktig for en god utvikling av tjenestene til kommunens innbyggere.\n\nPlanen rulleres hvert år, og handlingsplanen viser tiltak med investering og drift per år i perioden.',
    focusAreas: [...areas],
    goals,
    measures,
    totals: planTotals(measures, years) as unknown as Revision['totals'],
  };

  const withAppendices = options.withAppendices ?? true;
  const site = (name: string, users: number | null, capacityMbps: number | null, lineType: Site['lineType'], ownership: Site['ownership'], provider: string | null, note: string | null = null): Site => ({
    id: id(),
    organizationId: ORG_ID,
    name,
    users,
    capacityMbps,
    lineType,
    ownership,
    provider,
    note,
    version: 1,
  });
  const sites: Site[] = withAppendices
    ? [
        site('Ringebu rådhus', 85, 1000, 'fiber', 'eid', null),
        site('Frya miljøstasjon', 1, 2, 'fiber', 'leid', 'Eidsiva'),
        site('Ringebu eldresenter', 12, 100, 'fiber', 'eid', null),
        site('Fåvang skole', 60, 500, 'fiber', 'eid', null, 'Trådløst nett bygges ut 2026'),
        site('Venabu fjellstue', null, 10, 'radio', 'leid', 'Telenor', 'Reservelinje via 4G'),
      ]
    : [];
  const systems = withAppendices
    ? [
        { name: 'Acos websak (inkl. intranett)', users: 324, vendor: 'Acos', cooperation: null, serverLocation: 'Ringebu', database: 'MS SQL', softwareVersion: '7.1' },
        { name: 'Visma enterprise (øk/pers/lønn)', users: 150, vendor: 'Visma', cooperation: '2K', serverLocation: 'Ringebu', database: 'Oracle', softwareVersion: null },
        { name: 'Visma skole', users: 90, vendor: 'Visma', cooperation: '3K', serverLocation: 'Sør-Fron', database: 'MS SQL', softwareVersion: null },
        { name: 'Gerica', users: 120, vendor: 'Tieto', cooperation: null, serverLocation: 'Ringebu', database: null, softwareVersion: '4.2.1' },
      ]
    : [];

  return {
    organization: { name: 'Ringebu kommune', kommunenummer: '3439', language: options.language ?? 'nb' },
    revision,
    nationalGoals: ng,
    sites,
    systems,
    generatedAt: '2026-11-22T13:05:00.000Z',
    measureTitles: measures.map((x) => x.title),
  };
}
