/**
 * Security documents (sikkerhetsdokumentasjon): the policies and plans internal control of
 * information security needs, with owner, adoption date and review interval. A document whose
 * next review (adopted date + interval) has passed raises an overview alert. `today` is passed in.
 */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { monthsBefore } from './portfolio-quality.ts';
import { dateSchema, optionalText } from './validation.ts';
import { message } from './messages.ts';

export const DOCUMENT_KINDS = ['security_plan', 'contingency_plan', 'internal_control', 'access_control', 'byod', 'archive_plan', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  security_plan: 'Sikkerhetsplan',
  contingency_plan: 'Katastrofeplan / beredskapsplan',
  internal_control: 'Internkontroll',
  access_control: 'Tilgangsstyring',
  byod: 'BYOD (egne enheter)',
  archive_plan: 'Arkivplan',
  other: 'Annet',
};

const link = optionalText(LIMITS.name, { test: (s) => /^https?:\/\/\S+$/.test(s), message: 'må begynne med https:// eller http://' });
const months = z.int({ error: message('wholeMonths') }).min(1, { error: 'må være minst 1 måned' }).max(120, { error: 'kan være høyst 120 måneder' });

const fields = {
  title: nameSchema,
  kind: z.enum(DOCUMENT_KINDS, { error: choiceError(`må være en av: ${DOCUMENT_KINDS.join(', ')}`) }),
  ownerId: uuid.nullish(),
  adoptedDate: dateSchema.nullish(),
  reviewMonths: months.nullish(),
  link,
  reference: optionalText(LIMITS.name),
  note: optionalText(LIMITS.text),
};

export const CreateSecurityDocumentSchema = z.object(fields);
export type CreateSecurityDocument = z.infer<typeof CreateSecurityDocumentSchema>;
export const UpdateSecurityDocumentSchema = z.object({ version, ...fields }).partial({ title: true, kind: true });
export type UpdateSecurityDocument = z.infer<typeof UpdateSecurityDocumentSchema>;

export const SecurityDocumentSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  adoptedDate: z.string().nullable(),
  reviewMonths: z.int().nullable(),
  link: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  /** Adopted date + review interval; null without both. */
  nextReview: z.string().nullable(),
  reviewOverdue: z.boolean(),
  version: z.int(),
});
export type SecurityDocument = z.infer<typeof SecurityDocumentSchema>;
export type StoredSecurityDocument = Omit<SecurityDocument, 'nextReview' | 'reviewOverdue'>;

/** The next review: the adopted date plus the interval (−(−n) months), null without both. */
export function nextReview(d: Pick<StoredSecurityDocument, 'adoptedDate' | 'reviewMonths'>): string | null {
  return d.adoptedDate !== null && d.reviewMonths !== null ? monthsBefore(d.adoptedDate, -d.reviewMonths) : null;
}

export function securityDocumentView(d: StoredSecurityDocument, today: string): SecurityDocument {
  const next = nextReview(d);
  return { ...d, nextReview: next, reviewOverdue: next !== null && next < today };
}
