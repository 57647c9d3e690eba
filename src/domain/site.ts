import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, version } from './organization.ts';
import { optionalText } from './validation.ts';

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
