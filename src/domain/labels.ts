/**
 * Norwegian labels for fields and enum values. Shared by API error messages, web forms and documents.
 * Bokmål only for now: API messages and these labels are bokmål also for nynorsk organizations;
 * the web's own texts have a nynorsk catalogue (src/web/i18n/nn.ts).
 */
import type { Language, OrgKind } from './organization.ts';
import type { Role, StaffAccess } from './roles.ts';
import type { CostKey } from './cooperation.ts';
import type { LineType, Ownership } from './site.ts';
import type { MeasureStatus, Priority, RevisionStatus } from './plan.ts';
import type { CostKind } from './plan-totals.ts';
import type {
  ContractType,
  Criticality,
  DpaStatus,
  Hosting,
  IntegrationDirection,
  IntegrationStandard,
  IntegrationStatus,
  Lifecycle,
  QualityGap,
  SystemRole,
} from './portfolio.ts';

export const FIELD_LABELS: Record<string, string> = {
  name: 'Navn',
  slug: 'Kortnavn (i adressen)',
  kind: 'Type',
  kommunenummer: 'Kommunenummer',
  language: 'Målform',
  owners: 'Eierkommuner',
  organizationId: 'Organisasjon',
  staffAccess: 'Tilgang for IKS-ansatte',
  version: 'Versjon',
  username: 'Brukernavn',
  password: 'Passord',
  currentPassword: 'Nåværende passord',
  newPassword: 'Nytt passord',
  displayName: 'Navn',
  email: 'E-post',
  role: 'Rolle',
  users: 'Antall brukere',
  capacityMbps: 'Linjekapasitet (Mbit/s)',
  lineType: 'Linjetype',
  ownership: 'Eid eller leid',
  provider: 'Leverandør',
  note: 'Merknad',
  description: 'Beskrivelse',
  costKey: 'Fordelingsnøkkel',
  memberIds: 'Medlemmer',
  limit: 'Antall',
  before: 'Før',
  // plan
  startYear: 'Startår',
  endYear: 'Sluttår',
  vision: 'Visjon',
  introduction: 'Innledning',
  title: 'Tittel',
  number: 'Nummer',
  responsible: 'Ansvarlig',
  status: 'Status',
  priority: 'Prioritet',
  startDate: 'Startdato',
  endDate: 'Sluttdato',
  focusAreaId: 'Satsingsområde',
  goalIds: 'Mål',
  lines: 'Budsjettlinjer',
  actuals: 'Regnskap',
  year: 'År',
  amount: 'Beløp',
  quantity: 'Antall',
  unitPrice: 'Enhetspris',
  nationalGoalIds: 'Nasjonale mål',
  text: 'Mål',
  adoptedDate: 'Vedtaksdato',
  decisionRef: 'Saksnummer',
  framework: 'Rammeverk',
  code: 'Kode',
  validFrom: 'Gyldig fra',
  validTo: 'Gyldig til',
  current: 'Gjeldende',
  position: 'Rekkefølge',
  with: 'Sammenlign med',
  file: 'Fil',
  filename: 'Filnavn',
  dryRun: 'Forhåndsvisning',
  format: 'Format',
  // portfolio
  vendorId: 'Programleverandør',
  operatorId: 'Driftsleverandør',
  hosting: 'Drift og hosting',
  serverLocation: 'Serverplassering',
  database: 'Database',
  units: 'Enheter som bruker systemet',
  cooperationId: 'Samarbeid',
  lifecycle: 'Livsløp',
  introducedYear: 'Innført år',
  plannedEnd: 'Planlagt avviklet',
  replacedById: 'Erstattet av',
  criticality: 'Kritikalitet',
  personalData: 'Personopplysninger',
  lastReviewedAt: 'Sist gjennomgått',
  specialCategoryData: 'Særlige kategorier personopplysninger',
  unit: 'Enhet',
  phone: 'Telefon',
  publicContact: 'Kontaktinfo kan vises utenfor egen organisasjon',
  organizationNumber: 'Organisasjonsnummer',
  supportPhone: 'Telefon brukerstøtte',
  supportEmail: 'E-post brukerstøtte',
  supportUrl: 'Nettside brukerstøtte',
  systemId: 'System',
  supplierId: 'Leverandør',
  type: 'Avtaletype',
  noticeMonths: 'Oppsigelsestid (måneder)',
  yearlyCost: 'Årlig kostnad',
  licenceCount: 'Antall lisenser',
  fromSystemId: 'Fra system',
  toSystemId: 'Til system',
  toComponentId: 'Nasjonal fellesløsning',
  direction: 'Retning',
  data: 'Data som utveksles',
  standard: 'Standard eller protokoll',
  personId: 'Person',
  shares: 'Delt med',
  q: 'Søk',
  sort: 'Sortering',
  dir: 'Sorteringsretning',
};

export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  const label = named ? (FIELD_LABELS[named] ?? named) : 'Forespørselen';
  const index = path.find((p): p is number => typeof p === 'number');
  return index === undefined ? label : `${label} (rad ${index + 1})`;
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', editor: 'Redaktør', reader: 'Leser' };
export const STAFF_ACCESS_LABELS: Record<StaffAccess, string> = {
  none: 'Ingen tilgang',
  reader: 'Lesetilgang',
  editor: 'Redigeringstilgang',
};
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  kommune: 'Kommune',
  iks: 'Interkommunalt selskap (IKS)',
  fylkeskommune: 'Fylkeskommune',
  annen: 'Annen',
};
export const LANGUAGE_LABELS: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk' };
export const COST_KEY_LABELS: Record<CostKey, string> = {
  like: 'Like deler',
  innbyggere: 'Etter innbyggertall',
  brukere: 'Etter antall brukere',
  forbruk: 'Etter forbruk',
  fast: 'Faste prosentsatser',
};
export const LINE_TYPE_LABELS: Record<LineType, string> = {
  fiber: 'Fiber',
  adsl: 'ADSL',
  radio: 'Radio',
  kobber: 'Kobber',
  annet: 'Annet',
};
export const OWNERSHIP_LABELS: Record<Ownership, string> = { eid: 'Kommunalt eid', leid: 'Leid' };

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: 'Ikke startet',
  in_progress: 'Pågår',
  done: 'Fullført',
  postponed: 'Utsatt',
  cancelled: 'Avbrutt',
};
export const PRIORITY_LABELS: Record<Priority, string> = { high: 'Høy', medium: 'Middels', low: 'Lav' };
export const REVISION_STATUS_LABELS: Record<RevisionStatus, string> = { draft: 'Utkast', adopted: 'Vedtatt' };
export const COST_KIND_LABELS: Record<CostKind, string> = { invest: 'Investering', drift: 'Drift' };

export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  planned: 'Planlagt',
  introducing: 'I innføring',
  in_operation: 'I drift',
  phasing_out: 'Under utfasing',
  retired: 'Utfaset',
};
export const CRITICALITY_LABELS: Record<Criticality, string> = { round_the_clock: 'Døgnkritisk (24/7)', office_hours: 'Kontortid' };
export const HOSTING_LABELS: Record<Hosting, string> = {
  own_server_room: 'Eget serverrom',
  other_municipality: 'Annen kommune',
  iks: 'IKS',
  asp: 'ASP (driftsleverandør)',
  saas: 'SaaS / sky',
};
export const SYSTEM_ROLE_LABELS: Record<SystemRole, string> = {
  system_owner: 'Systemeier',
  system_manager: 'Systemansvarlig',
  super_user: 'Superbruker',
  support_first_line: 'Brukerstøtte 1. linje',
  support_second_line: 'Brukerstøtte 2. linje',
};
export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  ssa_d: 'SSA-D driftsavtale',
  ssa_v: 'SSA-V vedlikeholdsavtale',
  ssa_b: 'SSA-B bistandsavtale',
  ssa_l: 'SSA-L løpende tjenestekjøp',
  ssa_k: 'SSA-K kjøpsavtale',
  dpa: 'Databehandleravtale',
  other: 'Annen avtale',
};
export const INTEGRATION_DIRECTION_LABELS: Record<IntegrationDirection, string> = { one_way: 'Én vei', two_way: 'Begge veier' };
export const INTEGRATION_STANDARD_LABELS: Record<IntegrationStandard, string> = {
  noark5: 'Noark 5',
  gi_fiks_arkiv: 'GI / Fiks arkiv',
  svarut: 'SvarUt',
  rest: 'REST-API',
  file: 'Filoverføring',
  manual: 'Manuell dobbeltregistrering',
  other: 'Annet',
};
export const INTEGRATION_STATUS_LABELS: Record<IntegrationStatus, string> = { planned: 'Planlagt', active: 'I drift', retired: 'Avviklet' };
export const DPA_STATUS_LABELS: Record<DpaStatus, string> = {
  not_needed: 'Ikke nødvendig',
  missing: 'Mangler',
  active: 'Gyldig',
  expired: 'Utløpt',
};
export const QUALITY_GAP_LABELS: Record<QualityGap, string> = {
  no_system_owner: 'Mangler systemeier',
  no_super_user: 'Mangler superbruker',
  personal_data_without_dpa: 'Personopplysninger uten gyldig databehandleravtale',
  contract_expired: 'Avtale er utløpt',
  past_planned_end: 'Fortsatt i bruk etter planlagt avvikling',
  not_reviewed: 'Ikke gjennomgått de siste 12 månedene',
};

export const TABLE_LABELS: Record<string, string> = {
  organizations: 'Organisasjon',
  organization_owners: 'Eierkommune',
  memberships: 'Medlemskap',
  cooperations: 'Samarbeid',
  cooperation_members: 'Samarbeidsmedlem',
  sites: 'Lokasjon',
  users: 'Bruker',
  user_identities: 'Innloggingsmåte',
  national_goals: 'Nasjonalt mål',
  plan_periods: 'Planperiode',
  plan_revisions: 'Planrevisjon',
  focus_areas: 'Satsingsområde',
  goals: 'Mål',
  goal_national_links: 'Kobling til nasjonalt mål',
  measures: 'Tiltak',
  measure_goals: 'Kobling tiltak–mål',
  cost_lines: 'Budsjettlinje',
  actual_spend: 'Regnskapstall',
  publications: 'Publisering',
  persons: 'Person',
  suppliers: 'Leverandør',
  systems: 'System',
  system_roles: 'Systemrolle',
  system_shares: 'Deling av system',
  contracts: 'Avtale',
  integrations: 'Integrasjon',
};

// --- equipment ---
Object.assign(FIELD_LABELS, {
  classId: 'Klasse',
  purchaseYear: 'Innkjøpsår',
  lifetime: 'Levetid',
  siteId: 'Lokasjon',
  priceChange: 'Årlig prisendring',
});
Object.assign(TABLE_LABELS, { asset_classes: 'Utstyrsklasse', asset_groups: 'Utstyr', asset_class_measures: 'Utskiftingstiltak' });
