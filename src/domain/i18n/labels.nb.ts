/**
 * Field and enum labels, bokmål: the labels of the one catalogue per language (the web's own
 * texts are in nb.ts). labels.nn.ts has the same shape, checked by the type `Labels`.
 */
import type { Language, OrgKind } from '../organization.ts';
import type { Role, StaffAccess } from '../roles.ts';
import type { CostKey } from '../cooperation.ts';
import type { LineType, Ownership } from '../site.ts';
import type { MeasureStatus, Priority, RevisionStatus } from '../plan.ts';
import type { CostKind } from '../plan-totals.ts';
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
} from '../portfolio.ts';
import type { BenefitDisposition, BenefitKind } from '../benefit.ts';
import type { Flag, ReportStatus } from '../followup.ts';
import { fieldLabelsOf } from '../system-fields.ts';
import type { ConsequenceDimension, RiskStatus } from '../risk.ts';
import type { Level } from '../risk-matrix.ts';
import type { DocumentKind } from '../security-documents.ts';

const FIELD_LABELS: Record<string, string> = {
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
  issuer: 'Utsteder (issuer)',
  clientId: 'Klient-ID',
  clientSecret: 'Klienthemmelighet',
  organizationIds: 'Organisasjoner',
  tenantIds: 'Tenant-ID-er',
  emailDomains: 'Tillatte e-postdomener',
  roleMappings: 'Rolletilordninger',
  claim: 'Kilde (groups eller roles)',
  value: 'Gruppe-ID eller app-rolle',
  passwordsOff: 'Passord av',
  classId: 'Klasse',
  purchaseYear: 'Innkjøpsår',
  lifetime: 'Levetid',
  siteId: 'Lokasjon',
  priceChange: 'Årlig prisendring',
  indicator: 'Indikator',
  baseline: 'Utgangsverdi',
  owner: 'Gevinstansvarlig',
  disposition: 'Bruk av gevinsten',
  targets: 'Mål per år',
  comment: 'Kommentar',
  reportDate: 'Dato',
  summary: 'Statustekst',
  contactName: 'Kontaktperson',
  contactEmail: 'E-post til kontaktperson',
  productId: 'Produkt',
  vendorName: 'Leverandør',
  siteIds: 'Objekt (lokasjon)',
  systemIds: 'Objekt (system)',
  hazard: 'Fare og årsak',
  consequenceText: 'Hva kan skje',
  controls: 'Eksisterende tiltak',
  probability: 'Sannsynlighet',
  consequence: 'Konsekvens',
  dimensions: 'Konsekvens per dimensjon',
  life: 'Konsekvens for liv og helse',
  service: 'Konsekvens for tjenesteleveranse',
  economy: 'Konsekvens for økonomi',
  reputation: 'Konsekvens for omdømme',
  privacy: 'Konsekvens for personvern',
  ownerId: 'Eier',
  closeReason: 'Begrunnelse',
  reviewDate: 'Neste gjennomgang',
  references: 'Referanser',
  options: 'Tiltaksalternativ',
  residualProbability: 'Sannsynlighet etter tiltak',
  residualConsequence: 'Konsekvens etter tiltak',
  chosen: 'Valgt',
  optionId: 'Tiltaksalternativ',
  matrix: 'Akseptkriterier',
  readersSee: 'Lesere ser risikoregisteret',
  reviewMonths: 'Gjennomgangsintervall (måneder)',
  link: 'Lenke',
  reference: 'Referanse',
  backupLocation: 'Sikkerhetskopi lagres',
  backupFrequency: 'Sikkerhetskopi tas',
  restoreTested: 'Gjenoppretting sist testet',
  rtoHours: 'RTO (timer)',
  rpoHours: 'RPO (timer)',
  fallbackSite: 'Reserveløsning (annet driftssted)',
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
  // The declared text fields of a system (system-fields.ts).
  ...fieldLabelsOf('nb'),
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

const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', editor: 'Redaktør', reader: 'Leser' };
const STAFF_ACCESS_LABELS: Record<StaffAccess, string> = {
  none: 'Ingen tilgang',
  reader: 'Lesetilgang',
  editor: 'Redigeringstilgang',
};
const ORG_KIND_LABELS: Record<OrgKind, string> = {
  kommune: 'Kommune',
  iks: 'Interkommunalt selskap (IKS)',
  fylkeskommune: 'Fylkeskommune',
  annen: 'Annen',
};
const LANGUAGE_LABELS: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk' };
const COST_KEY_LABELS: Record<CostKey, string> = {
  like: 'Like deler',
  innbyggere: 'Etter innbyggertall',
  brukere: 'Etter antall brukere',
  forbruk: 'Etter forbruk',
  fast: 'Faste prosentsatser',
};
const LINE_TYPE_LABELS: Record<LineType, string> = {
  fiber: 'Fiber',
  adsl: 'ADSL',
  radio: 'Radio',
  kobber: 'Kobber',
  annet: 'Annet',
};
const OWNERSHIP_LABELS: Record<Ownership, string> = { eid: 'Kommunalt eid', leid: 'Leid' };

const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: 'Ikke startet',
  in_progress: 'Pågår',
  done: 'Fullført',
  postponed: 'Utsatt',
  cancelled: 'Avbrutt',
};
const PRIORITY_LABELS: Record<Priority, string> = { high: 'Høy', medium: 'Middels', low: 'Lav' };
const REVISION_STATUS_LABELS: Record<RevisionStatus, string> = { draft: 'Utkast', adopted: 'Vedtatt' };
const COST_KIND_LABELS: Record<CostKind, string> = { invest: 'Investering', drift: 'Drift' };

const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  planned: 'Planlagt',
  introducing: 'I innføring',
  in_operation: 'I drift',
  phasing_out: 'Under utfasing',
  retired: 'Utfaset',
};
const CRITICALITY_LABELS: Record<Criticality, string> = { round_the_clock: 'Døgnkritisk (24/7)', office_hours: 'Kontortid' };
const HOSTING_LABELS: Record<Hosting, string> = {
  own_server_room: 'Eget serverrom',
  other_municipality: 'Annen kommune',
  iks: 'IKS',
  asp: 'ASP (driftsleverandør)',
  saas: 'SaaS / sky',
};
const SYSTEM_ROLE_LABELS: Record<SystemRole, string> = {
  system_owner: 'Systemeier',
  system_manager: 'Systemansvarlig',
  super_user: 'Superbruker',
  support_first_line: 'Brukerstøtte 1. linje',
  support_second_line: 'Brukerstøtte 2. linje',
};
const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  ssa_d: 'SSA-D driftsavtale',
  ssa_v: 'SSA-V vedlikeholdsavtale',
  ssa_b: 'SSA-B bistandsavtale',
  ssa_l: 'SSA-L løpende tjenestekjøp',
  ssa_k: 'SSA-K kjøpsavtale',
  dpa: 'Databehandleravtale',
  other: 'Annen avtale',
};
const INTEGRATION_DIRECTION_LABELS: Record<IntegrationDirection, string> = { one_way: 'Én vei', two_way: 'Begge veier' };
const INTEGRATION_STANDARD_LABELS: Record<IntegrationStandard, string> = {
  noark5: 'Noark 5',
  gi_fiks_arkiv: 'GI / Fiks arkiv',
  svarut: 'SvarUt',
  rest: 'REST-API',
  file: 'Filoverføring',
  manual: 'Manuell dobbeltregistrering',
  other: 'Annet',
};
const INTEGRATION_STATUS_LABELS: Record<IntegrationStatus, string> = { planned: 'Planlagt', active: 'I drift', retired: 'Avviklet' };
const DPA_STATUS_LABELS: Record<DpaStatus, string> = {
  not_needed: 'Ikke nødvendig',
  missing: 'Mangler',
  active: 'Gyldig',
  expired: 'Utløpt',
};
const QUALITY_GAP_LABELS: Record<QualityGap, string> = {
  no_system_owner: 'Mangler systemeier',
  no_super_user: 'Mangler superbruker',
  personal_data_without_dpa: 'Personopplysninger uten gyldig databehandleravtale',
  contract_expired: 'Avtale er utløpt',
  past_planned_end: 'Fortsatt i bruk etter planlagt avvikling',
  not_reviewed: 'Ikke gjennomgått de siste 12 månedene',
  // --- risk (continuity) ---
  critical_without_continuity: 'Kritisk system uten kontinuitetsplan (sikkerhetskopi, RTO, RPO og reserveløsning)',
};

const TABLE_LABELS: Record<string, string> = {
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
  metrics: 'Måltall',
  statistic_values: 'Statistikkverdi',
  ansvar: 'Ansvar',
  account_lines: 'Regnskapslinje',
  cost_pools: 'Kostnadsfordeling',
  annual_reports: 'Årsmelding',
  identity_providers: 'Identitetsleverandør',
  sign_in_refusals: 'Avvist innlogging',
  risk_settings: 'Risikoinnstillinger',
  risks: 'Risiko',
  risk_options: 'Tiltaksalternativ',
  security_documents: 'Sikkerhetsdokument',
  system_continuity: 'Kontinuitet',
  benefits: 'Gevinst',
  benefit_results: 'Målt gevinst',
  status_reports: 'Statusrapport',
  system_products: 'Systemets produkt',
  product_network: 'Deltakelse i «Hvem andre bruker»',
  asset_classes: 'Utstyrsklasse',
  asset_groups: 'Utstyr',
  asset_class_measures: 'Utskiftingstiltak',
};

const BENEFIT_KIND_LABELS: Record<BenefitKind, string> = { economic: 'Økonomisk (kroner)', time: 'Tid (timer)', quality: 'Kvalitet', risk: 'Redusert risiko' };
const BENEFIT_DISPOSITION_LABELS: Record<BenefitDisposition, string> = { budget_cut: 'Tas ut av budsjettet (uttak)', better_service: 'Brukes til bedre tjenester' };
const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { on_track: 'Går etter planen', at_risk: 'Risiko for avvik', off_track: 'Avvik', done: 'Fullført' };
const FLAG_LABELS: Record<Flag, string> = { late: 'Forsinket', overBudget: 'Over budsjett', noBenefitOwner: 'Mangler gevinsteier' };

// The risk register's labels (the domain's bokmål constants in risk.ts, risk-matrix.ts and
// security-documents.ts hold the same texts for import matching; a test keeps them equal).
const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: 'Åpen', treating: 'Under behandling', accepted: 'Akseptert', closed: 'Lukket' };
const PROBABILITY_LABELS: Record<number, string> = { 1: 'Svært liten', 2: 'Liten', 3: 'Middels', 4: 'Stor', 5: 'Svært stor' };
const CONSEQUENCE_LABELS: Record<number, string> = { 1: 'Ubetydelig', 2: 'Liten', 3: 'Moderat', 4: 'Alvorlig', 5: 'Svært alvorlig' };
const DIMENSION_LABELS: Record<ConsequenceDimension, string> = { life: 'Liv og helse', service: 'Tjenesteleveranse', economy: 'Økonomi', reputation: 'Omdømme', privacy: 'Personvern' };
const RISK_LEVEL_LABELS: Record<Level, string> = { low: 'Lav', medium: 'Middels', high: 'Høy' };
const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  security_plan: 'Sikkerhetsplan',
  contingency_plan: 'Katastrofeplan / beredskapsplan',
  internal_control: 'Internkontroll',
  access_control: 'Tilgangsstyring',
  byod: 'BYOD (egne enheter)',
  archive_plan: 'Arkivplan',
  other: 'Annet',
};

export const labelsNb = {
  FIELD_LABELS,
  ROLE_LABELS,
  STAFF_ACCESS_LABELS,
  ORG_KIND_LABELS,
  LANGUAGE_LABELS,
  COST_KEY_LABELS,
  LINE_TYPE_LABELS,
  OWNERSHIP_LABELS,
  MEASURE_STATUS_LABELS,
  PRIORITY_LABELS,
  REVISION_STATUS_LABELS,
  COST_KIND_LABELS,
  LIFECYCLE_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  SYSTEM_ROLE_LABELS,
  CONTRACT_TYPE_LABELS,
  INTEGRATION_DIRECTION_LABELS,
  INTEGRATION_STANDARD_LABELS,
  INTEGRATION_STATUS_LABELS,
  DPA_STATUS_LABELS,
  QUALITY_GAP_LABELS,
  TABLE_LABELS,
  BENEFIT_KIND_LABELS,
  BENEFIT_DISPOSITION_LABELS,
  REPORT_STATUS_LABELS,
  FLAG_LABELS,
  RISK_STATUS_LABELS,
  PROBABILITY_LABELS,
  CONSEQUENCE_LABELS,
  DIMENSION_LABELS,
  RISK_LEVEL_LABELS,
  DOCUMENT_KIND_LABELS,
  // --- languages ---
  /** The words of a cost pool's basis and key, as its import reads them and the owners' shares export writes them. */
  COST_POOL_BASIS_WORDS: { budget: 'budsjett', actual: 'regnskap', deviation: 'avvik', system: 'system', amount: 'beløp' },
  COST_SHARE_KEY_WORDS: { equal: 'lik', fixed: 'fast', metric: 'måltall', users: 'brukere' },
  /** The owners' shares export (XLSX): sheet and column headers. */
  OWNER_SHARES_EXPORT: {
    sheet: 'Andeler',
    year: 'år',
    organization: 'organisasjon',
    cooperation: 'samarbeid',
    pool: 'fordeling',
    ansvar: 'ansvar',
    basis: 'grunnlag',
    key: 'nøkkel',
    metric: 'måltall',
    amount: 'beløp',
    share: 'vår andel',
  },
};

/** Every label record, by name; each language has all of them. */
export type Labels = { readonly [K in keyof typeof labelsNb]: (typeof labelsNb)[K] };
