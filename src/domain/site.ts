import { z } from 'zod';
import { choiceError } from './choice.ts';
import { labelsIn, LINE_TYPE_LABELS, OWNERSHIP_LABELS } from './labels.ts';
import { LIMITS, nameSchema, version } from './organization.ts';
import { optionalText } from './validation.ts';
import { readChoice, readCount, readText, type ImportColumn } from './register.ts';

export const LINE_TYPES = ['fiber', 'adsl', 'radio', 'kobber', 'annet'] as const;
export type LineType = (typeof LINE_TYPES)[number];
export const OWNERSHIPS = ['eid', 'leid'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const SiteSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  users: z.int().nullable(),
  capacityMbps: z.int().nullable(),
  lineType: z.enum(LINE_TYPES).nullable(),
  ownership: z.enum(OWNERSHIPS).nullable(),
  provider: z.string().nullable(),
  note: z.string().nullable(),
  version: z.int(),
});
export type Site = z.infer<typeof SiteSchema>;

const count = (max: number) =>
  z
    .int()
    .min(0, { error: 'kan ikke være negativt' })
    .max(max, { error: `kan være høyst ${max}` });

const siteFields = {
  name: nameSchema,
  users: count(1_000_000).nullish(),
  capacityMbps: count(1_000_000).nullish(),
  lineType: z.enum(LINE_TYPES, { error: choiceError('må være fiber, adsl, radio, kobber eller annet') }).nullish(),
  ownership: z.enum(OWNERSHIPS, { error: choiceError('må være eid eller leid') }).nullish(),
  provider: optionalText(LIMITS.name),
  note: optionalText(LIMITS.text),
};

export const CreateSiteSchema = z.object(siteFields);
export type CreateSite = z.infer<typeof CreateSiteSchema>;

export const UpdateSiteSchema = z.object({ version, ...siteFields }).partial({
  name: true,
});
export type UpdateSite = z.infer<typeof UpdateSiteSchema>;

// ---------------------------------------------------------------------------------------------
// The site list as a register table (export and import)

const LINE_TYPE_WORDS: Record<string, string> = {
  ...Object.fromEntries(LINE_TYPES.map((c) => [c, c])),
  ...Object.fromEntries(Object.entries(LINE_TYPE_LABELS).map(([c, label]) => [label, c])),
  ...Object.fromEntries(Object.entries(labelsIn('nn').LINE_TYPE_LABELS).map(([c, label]) => [label, c])),
  kopper: 'kobber',
  copper: 'kobber',
  other: 'annet',
};
const OWNERSHIP_WORDS: Record<string, string> = {
  ...Object.fromEntries(OWNERSHIPS.map((c) => [c, c])),
  ...Object.fromEntries(Object.entries(OWNERSHIP_LABELS).map(([c, label]) => [label, c])),
  ...Object.fromEntries(Object.entries(labelsIn('nn').OWNERSHIP_LABELS).map(([c, label]) => [label, c])),
  egen: 'eid',
  eget: 'eid',
  'egen eid': 'eid',
  'kommunalt eide': 'eid',
  owned: 'eid',
  leased: 'leid',
  rented: 'leid',
};
const readLineType = readChoice(LINE_TYPE_WORDS, `en kjent linjetype (bruk ${Object.values(LINE_TYPE_LABELS).join(', ')})`);
const readOwnershipWord = readChoice(OWNERSHIP_WORDS, 'eid eller leid');

/** «Leid Eidsiva», as printed in a plan's appendix: leased from that provider. */
export function leasedFrom(text: string): string | null {
  const m = /^leid\s+(?:av\s+|fra\s+)?(.+)$/i.exec(text.trim());
  return m ? m[1]!.trim() : null;
}

export const SITE_COLUMNS: readonly ImportColumn<Site>[] = [
  { key: 'name', nb: 'lokasjon', nn: 'lokasjon', kind: 'text', aliases: ['navn', 'name', 'site', 'sted'], json: (s) => s.name, read: readText(LIMITS.name) },
  { key: 'users', nb: 'brukere', nn: 'brukarar', kind: 'number', aliases: ['ant brukere', 'antall brukere', 'users'], json: (s) => s.users, read: readCount(1_000_000) },
  {
    key: 'capacityMbps',
    nb: 'linjekapasitet (Mbps)',
    nn: 'linjekapasitet (Mbps)',
    kind: 'number',
    aliases: ['linjekapasitet', 'kapasitet', 'kapasitet (mbps)', 'capacity mbps', 'capacity'],
    json: (s) => s.capacityMbps,
    read: readCount(1_000_000, /(mbps|mbit\/s|mbit)$/i),
  },
  { key: 'lineType', nb: 'linjetype', nn: 'linjetype', kind: 'text', aliases: ['line type'], json: (s) => s.lineType, cell: (s, l) => (s.lineType ? labelsIn(l).LINE_TYPE_LABELS[s.lineType] : ''), read: readLineType },
  {
    key: 'ownership',
    nb: 'eierskap',
    nn: 'eigarskap',
    kind: 'text',
    aliases: ['egen / leid', 'egen/leid', 'eid / leid', 'eid/leid', 'ownership'],
    json: (s) => s.ownership,
    cell: (s, l) => (s.ownership ? labelsIn(l).OWNERSHIP_LABELS[s.ownership] : ''),
    read: (text) => (leasedFrom(text) ? { value: 'leid' } : readOwnershipWord(text)),
  },
  { key: 'provider', nb: 'linjeleverandør', nn: 'linjeleverandør', kind: 'text', aliases: ['leverandør', 'leverandor', 'provider'], json: (s) => s.provider, read: readText(LIMITS.name) },
  { key: 'note', nb: 'merknad', nn: 'merknad', kind: 'text', aliases: ['note', 'footnote text', 'fotnote tekst', 'kommentar'], json: (s) => s.note, read: readText(LIMITS.text) },
];
