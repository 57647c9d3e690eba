import { z } from 'zod';
import { choiceError } from './choice.ts';
import { LIMITS, nameSchema, uuid, version } from './organization.ts';
import { optionalText } from './validation.ts';

/** Fordelingsnøkkel: how a cooperation shares its costs. */
export const COST_KEYS = ['like', 'innbyggere', 'brukere', 'forbruk', 'fast'] as const;
export type CostKey = (typeof COST_KEYS)[number];

/**
 * A member's state: every organization the host lists is invited, and takes part only when its
 * administrator accepts; it can leave at any time. The host is an accepted member at once.
 */
export const MEMBER_STATES = ['invited', 'accepted', 'declined'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const CooperationMemberSchema = z.object({ organizationId: z.uuid(), name: z.string(), state: z.enum(MEMBER_STATES) });
export type CooperationMember = z.infer<typeof CooperationMemberSchema>;

export const CooperationSchema = z.object({
  id: z.uuid(),
  /** The host (vertskommune) that owns the record. */
  organizationId: z.uuid(),
  hostName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  costKey: z.enum(COST_KEYS),
  members: z.array(CooperationMemberSchema),
  version: z.int(),
});
export type Cooperation = z.infer<typeof CooperationSchema>;

/** What an invited organization's administrator sees of a cooperation before accepting: its name and host. */
export const CooperationInvitationSchema = z.object({
  cooperationId: z.uuid(),
  name: z.string(),
  hostId: z.uuid(),
  hostName: z.string(),
  invitedAt: z.string(),
});
export type CooperationInvitation = z.infer<typeof CooperationInvitationSchema>;

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
