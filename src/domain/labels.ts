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
};
