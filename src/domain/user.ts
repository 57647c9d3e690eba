import { z } from 'zod';
import { choiceError } from './choice.ts';
import { ROLES } from './roles.ts';
import { AccessibleOrganizationSchema, LANGUAGES, version } from './organization.ts';
import { requiredText } from './validation.ts';
import { message } from './messages.ts';

export const PASSWORD_MIN = 10;

export const usernameSchema = z
  .string({ error: 'må fylles ut' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'må ha minst 3 tegn' })
  .max(100, { error: 'kan ha høyst 100 tegn' })
  .regex(/^[a-z0-9._@-]+$/, { error: message('user.usernameChars') });

export const passwordSchema = z
  .string({ error: 'må fylles ut' })
  .min(PASSWORD_MIN, { error: `må ha minst ${PASSWORD_MIN} tegn` })
  .max(200, { error: 'kan ha høyst 200 tegn' });

const roleSchema = z.enum(ROLES, { error: choiceError('må være admin, editor eller reader') });

export const LoginSchema = z.object({
  username: requiredText(100).toLowerCase(),
  password: z.string({ error: 'må fylles ut' }).min(1, { error: 'må fylles ut' }).max(200),
});

export const UserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  systemAdmin: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  organizations: z.array(AccessibleOrganizationSchema),
  /** The user's own interface language; null: the organization's. */
  language: z.enum(LANGUAGES).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

export const MemberSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  version: z.int(),
});
export type Member = z.infer<typeof MemberSchema>;

const emailSchema = z.email({ error: message('validEmail') }).max(200);

export const AddMemberSchema = z.object({
  username: usernameSchema,
  displayName: requiredText(200).optional(),
  email: emailSchema.nullish(),
  /** Required when the user does not exist yet; ignored for existing users. */
  password: passwordSchema.optional(),
  role: roleSchema,
});
export type AddMember = z.infer<typeof AddMemberSchema>;

export const UpdateMemberSchema = z.object({ version, role: roleSchema });
export type UpdateMember = z.infer<typeof UpdateMemberSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'må fylles ut' }).min(1, { error: 'må fylles ut' }),
  newPassword: passwordSchema,
});

/** The account page's language choice: bokmål, nynorsk, or null for the organization's. */
export const SetLanguageSchema = z.object({
  language: z.enum(LANGUAGES, { error: choiceError('må være nb, nn eller tom (organisasjonens)') }).nullable(),
});
export type SetLanguage = z.infer<typeof SetLanguageSchema>;
