/**
 * OpenID Connect identity providers (issue 19): their fields (one schema for the API and the CLI;
 * labels in labels.ts), and the pure sign-in rules: which roles a token's groups
 * or app roles map to, whether its tenant and e-mail domain are allowed.
 */
import { z } from 'zod';
import { choiceError } from './choice.ts';
import { ROLES, strongerRole, type Role } from './roles.ts';
import { requiredText, versionSchema } from './validation.ts';
import { message } from './messages.ts';

/** Which claim of the ID token a mapping reads: Entra security groups (object ids) or app roles. */
export const MAPPING_CLAIMS = ['groups', 'roles'] as const;
export type MappingClaim = (typeof MAPPING_CLAIMS)[number];

export const RoleMappingSchema = z.object({
  organizationId: z.uuid({ error: 'må være en organisasjon' }),
  claim: z.enum(MAPPING_CLAIMS, { error: choiceError('må være groups eller roles') }),
  value: requiredText(200),
  role: z.enum(ROLES, { error: choiceError('må være admin, editor eller reader') }),
});
export type RoleMapping = z.infer<typeof RoleMappingSchema>;

const issuerSchema = z
  .string({ error: 'må fylles ut' })
  .trim()
  .min(1, { error: 'må fylles ut' })
  .max(500, { error: 'kan ha høyst 500 tegn' })
  .refine((s) => /^https?:\/\/[^\s]+$/.test(s) && URL.canParse(s), { error: message('idp.url') })
  .transform((s) => s.replace(/\/+$/, ''));

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: message('idp.domain') });

const tenantSchema = z
  .string()
  .trim()
  .min(1, { error: 'må fylles ut' })
  .max(100, { error: 'kan ha høyst 100 tegn' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: message('idp.tenant') });

/** Entra's multi-tenant endpoints: the token's `tid` must then be one of the configured tenants. */
export function isMultiTenantIssuer(issuer: string): boolean {
  return /\/(common|organizations)(\/v2\.0)?\/?$/.test(issuer);
}

const providerShape = {
  displayName: requiredText(200),
  issuer: issuerSchema,
  clientId: requiredText(300),
  organizationIds: z.array(z.uuid({ error: 'må være en organisasjon' }), { error: 'må være en liste' }).min(1, { error: message('idp.oneOrg') }).max(50),
  tenantIds: z.array(tenantSchema).max(50).default([]),
  emailDomains: z.array(domainSchema).max(50).default([]),
  roleMappings: z.array(RoleMappingSchema).max(500).default([]),
};

function checkProvider(p: { issuer: string; organizationIds: string[]; tenantIds: string[]; roleMappings: RoleMapping[] }, ctx: z.RefinementCtx): void {
  if (isMultiTenantIssuer(p.issuer) && p.tenantIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['tenantIds'], message: message('idp.tenantsRequired') });
  }
  p.roleMappings.forEach((m, i) => {
    if (!p.organizationIds.includes(m.organizationId)) {
      ctx.addIssue({ code: 'custom', path: ['roleMappings', i, 'organizationId'], message: message('idp.servedOrg') });
    }
  });
}

export const CreateIdentityProviderSchema = z
  .object({ ...providerShape, clientSecret: requiredText(1000) })
  .superRefine(checkProvider);
export type CreateIdentityProvider = z.infer<typeof CreateIdentityProviderSchema>;

/** An update: the secret is kept when left out. */
export const UpdateIdentityProviderSchema = z
  .object({ ...providerShape, clientSecret: requiredText(1000).optional(), version: versionSchema })
  .superRefine(checkProvider);
export type UpdateIdentityProvider = z.infer<typeof UpdateIdentityProviderSchema>;

/** What the API returns: never the secret. */
export const IdentityProviderSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  organizationIds: z.array(z.uuid()),
  tenantIds: z.array(z.string()),
  emailDomains: z.array(z.string()),
  roleMappings: z.array(RoleMappingSchema),
  version: z.int(),
});
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

/** The login page's list: public, the display name only. */
export const LoginProviderSchema = z.object({ id: z.uuid(), displayName: z.string() });
export type LoginProvider = z.infer<typeof LoginProviderSchema>;

export const PasswordsOffSchema = z.object({ passwordsOff: z.boolean({ error: 'må være true eller false' }) });

// ------------------------------------------------------------------ sign-in rules

/** The claims of a verified ID token that the rules read. */
export interface TokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly tid?: unknown;
  readonly email?: unknown;
  readonly preferred_username?: unknown;
  readonly upn?: unknown;
  readonly name?: unknown;
  readonly groups?: unknown;
  readonly roles?: unknown;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The strongest mapped role per organization; organizations without a mapped role are absent. */
export function mapRoles(mappings: readonly RoleMapping[], claims: TokenClaims): Map<string, Role> {
  const held: Record<MappingClaim, Set<string>> = { groups: new Set(strings(claims.groups)), roles: new Set(strings(claims.roles)) };
  const result = new Map<string, Role>();
  for (const m of mappings) {
    if (!held[m.claim].has(m.value)) continue;
    const before = result.get(m.organizationId);
    result.set(m.organizationId, before ? strongerRole(before, m.role) : m.role);
  }
  return result;
}

/** The e-mail address the token names (Entra puts it in `preferred_username` or `upn` when `email` is missing). */
export function tokenEmail(claims: TokenClaims): string | null {
  for (const v of [claims.email, claims.preferred_username, claims.upn]) {
    if (typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v)) return v.trim().toLowerCase();
  }
  return null;
}

/** No domains configured: every address is allowed. Otherwise the address's domain must be listed. */
export function emailAllowed(domains: readonly string[], email: string | null): boolean {
  if (domains.length === 0) return true;
  if (!email) return false;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domains.includes(domain);
}

/** No tenants configured (a single-tenant issuer): any. Otherwise the token's `tid` must be listed. */
export function tenantAllowed(tenantIds: readonly string[], claims: TokenClaims): boolean {
  if (tenantIds.length === 0) return true;
  return typeof claims.tid === 'string' && tenantIds.map((t) => t.toLowerCase()).includes(claims.tid.toLowerCase());
}

/** Why a sign-in was refused (audit log and the refusal page; never a secret or a token). */
export const REFUSALS = {
  noRole: 'Du har ingen rolle i Veikart gjennom denne innloggingen.',
  tenant: 'Organisasjonen (tenant) du logget inn fra, er ikke satt opp for denne innloggingen.',
  emailDomain: 'E-postadressen din hører ikke til et domene som er tillatt for denne innloggingen.',
  disabled: 'Brukeren din er deaktivert i Veikart.',
  failed: 'Innloggingen kunne ikke bekreftes. Start innloggingen på nytt fra Veikart.',
} as const;
export type Refusal = keyof typeof REFUSALS;

/** Hours after which a session opened through a provider ends and the user must sign in again. */
export const DEFAULT_OIDC_SESSION_HOURS = 8;
