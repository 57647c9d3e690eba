import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { optionalText } from './validation.ts';

/** Fordelingsnøkkel: how a cooperation shares its costs. */
export const COST_KEYS = ['like', 'innbyggere', 'brukere', 'forbruk', 'fast'] as const;
export type CostKey = (typeof COST_KEYS)[number];

export const CooperationSchema = z.object({
  id: z.uuid(),
  /** The host (vertskommune) that owns the record. */
  organizationId: z.uuid(),
  hostName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  costKey: z.enum(COST_KEYS),
  members: z.array(z.object({ organizationId: z.uuid(), name: z.string() })),
  version: z.int(),
});
export type Cooperation = z.infer<typeof CooperationSchema>;

const fields = {
  name: nameSchema,
  description: optionalText(LIMITS.text),
  costKey: z.enum(COST_KEYS, { error: choiceError('må være like, innbyggere, brukere, forbruk eller fast') }),
  memberIds: z.array(uuid).max(400, { error: 'kan ha høyst 400 medlemmer' }),
};

export const CreateCooperationSchema = z.object(fields);
export type CreateCooperation = z.infer<typeof CreateCooperationSchema>;
export const UpdateCooperationSchema = z.object({ version, ...fields }).partial({
  name: true,
  costKey: true,
  memberIds: true,
});
export type UpdateCooperation = z.infer<typeof UpdateCooperationSchema>;
