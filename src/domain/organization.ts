import { z } from 'zod';
import { choiceError } from './choice.ts';
import { findKommune } from './kommuner.ts';
import { ROLES, STAFF_ACCESS } from './roles.ts';
import { requiredText, versionSchema } from './validation.ts';
import { message } from './messages.ts';

export const ORG_KINDS = ['kommune', 'iks', 'fylkeskommune', 'annen'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const LANGUAGES = ['nb', 'nn'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LIMITS = {
  name: 200,
  slug: 60,
  text: 4000,
} as const;

export const uuid = z.uuid({ error: 'må være en gyldig ID' });
export const version = versionSchema;

export const slugSchema = z
  .string({ error: 'må fylles ut' })
  .trim()
  .min(2, { error: 'må ha minst 2 tegn' })
  .max(LIMITS.slug, { error: `kan ha høyst ${LIMITS.slug} tegn` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: message('org.slugChars') });

export const nameSchema = requiredText(LIMITS.name);

export const kommunenummerSchema = z
  .string({ error: 'må fylles ut' })
  .trim()
  .regex(/^\d{4}$/, { error: message('org.fourDigits') })
  .refine((n) => findKommune(n) !== undefined, { error: message('org.unknownKommune') });

export const OrganizationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  kommunenummer: z.string().nullable(),
  language: z.enum(LANGUAGES),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OwnerSchema = z.object({
  organizationId: z.uuid(),
  name: z.string(),
  kommunenummer: z.string().nullable(),
  staffAccess: z.enum(STAFF_ACCESS),
});
export type Owner = z.infer<typeof OwnerSchema>;

export const OrganizationDetailSchema = OrganizationSchema.extend({
  owners: z.array(OwnerSchema),
  ownedBy: z.array(z.object({ organizationId: z.uuid(), name: z.string() })),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;

export const OwnerInputSchema = z.object({
  organizationId: uuid,
  staffAccess: z.enum(STAFF_ACCESS, { error: choiceError('må være none, reader eller editor') }).default('reader'),
});

const kindSchema = z.enum(ORG_KINDS, { error: choiceError('må være kommune, iks, fylkeskommune eller annen') });
const languageSchema = z.enum(LANGUAGES, { error: choiceError('må være nb (bokmål) eller nn (nynorsk)') });

export const CreateOrganizationSchema = z
  .object({
    name: nameSchema,
    slug: slugSchema.optional(),
    kind: kindSchema,
    kommunenummer: kommunenummerSchema.nullish(),
    language: languageSchema.default('nb'),
    owners: z.array(OwnerInputSchema).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'kommune' && !v.kommunenummer) {
      ctx.addIssue({ code: 'custom', path: ['kommunenummer'], message: message('org.requiredForKommune') });
    }
    if (v.kind !== 'kommune' && v.kommunenummer) {
      ctx.addIssue({ code: 'custom', path: ['kommunenummer'], message: message('org.onlyKommune') });
    }
    if (v.kind !== 'iks' && v.owners.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['owners'], message: message('org.onlyIksOwners') });
    }
  });
export type CreateOrganization = z.infer<typeof CreateOrganizationSchema>;

export const UpdateOrganizationSchema = z.object({
  version,
  name: nameSchema.optional(),
  language: languageSchema.optional(),
  owners: z.array(OwnerInputSchema).max(100).optional(),
});
export type UpdateOrganization = z.infer<typeof UpdateOrganizationSchema>;

/** Entry in the list of organizations a user can open, with their effective role there. */
export const AccessibleOrganizationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  kommunenummer: z.string().nullable(),
  language: z.enum(LANGUAGES),
  role: z.enum(ROLES),
  /** Set when access comes through an IKS the user works for. */
  via: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  abilities: z.object({ edit: z.boolean(), admin: z.boolean() }),
});
export type AccessibleOrganization = z.infer<typeof AccessibleOrganizationSchema>;

/** Turns a name into a URL slug: `Sør-Fron kommune` → `sor-fron-kommune`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug)
    .replace(/-+$/g, '');
}
