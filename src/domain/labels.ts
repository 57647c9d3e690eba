/**
 * Norwegian labels for fields and enum values. Shared by API error messages, web forms and documents.
 * Bokmål; nynorsk variants where they differ live in `LABELS_NN`.
 */
import type { Language, OrgKind } from './organization.ts';
import type { Role, StaffAccess } from './roles.ts';
import type { CostKey } from './cooperation.ts';
import type { LineType, Ownership } from './site.ts';

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

export const TABLE_LABELS: Record<string, string> = {
  organizations: 'Organisasjon',
  organization_owners: 'Eierkommune',
  memberships: 'Medlemskap',
  cooperations: 'Samarbeid',
  cooperation_members: 'Samarbeidsmedlem',
  sites: 'Lokasjon',
};
