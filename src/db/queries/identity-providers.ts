/**
 * Identity providers (OIDC). Reads and writes for the admin run as the signed-in user (row-level
 * security: migration 0031); the sign-in flow's reads run as the system. The restricted role
 * cannot read `client_secret`: only `providerForLogin` (system) returns it, sealed.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { identityProviders, memberships, organizations, userIdentities, users } from '../schema.ts';
import type { IdentityProvider, LoginProvider, RoleMapping } from '../../domain/identity-provider.ts';
import { LOCAL_ISSUER } from './identity.ts';

const publicColumns = {
  id: identityProviders.id,
  displayName: identityProviders.displayName,
  issuer: identityProviders.issuer,
  clientId: identityProviders.clientId,
  organizationIds: identityProviders.organizationIds,
  tenantIds: identityProviders.tenantIds,
  emailDomains: identityProviders.emailDomains,
  roleMappings: identityProviders.roleMappings,
  version: identityProviders.version,
};

export interface ProviderValues {
  readonly displayName: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly organizationIds: string[];
  readonly tenantIds: string[];
  readonly emailDomains: string[];
  readonly roleMappings: RoleMapping[];
}

export async function listProviders(tx: Tx): Promise<IdentityProvider[]> {
  return tx.select(publicColumns).from(identityProviders).orderBy(asc(identityProviders.displayName), asc(identityProviders.id));
}

export async function findProvider(tx: Tx, id: string): Promise<IdentityProvider | null> {
  const rows = await tx.select(publicColumns).from(identityProviders).where(eq(identityProviders.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertProvider(tx: Tx, values: ProviderValues & { sealedSecret: string }): Promise<IdentityProvider> {
  const { sealedSecret, ...rest } = values;
  const [row] = await tx.insert(identityProviders).values({ ...rest, clientSecret: sealedSecret }).returning(publicColumns);
  if (!row) throw new Error('insert identity_providers returned no row');
  return row;
}

/** Null when the version is stale or the row is not the user's to change. */
export async function updateProvider(tx: Tx, id: string, version: number, values: ProviderValues & { sealedSecret?: string | undefined }): Promise<IdentityProvider | null> {
  const { sealedSecret, ...rest } = values;
  const rows = await tx
    .update(identityProviders)
    .set({ ...rest, ...(sealedSecret ? { clientSecret: sealedSecret } : {}), version: sql`${identityProviders.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(identityProviders.id, id), eq(identityProviders.version, version)))
    .returning(publicColumns);
  return rows[0] ?? null;
}

export async function deleteProvider(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(identityProviders).where(eq(identityProviders.id, id)).returning({ id: identityProviders.id });
  return rows.length > 0;
}

/** For the public login page: display names only. */
export async function loginProviders(tx: Tx): Promise<LoginProvider[]> {
  return tx
    .select({ id: identityProviders.id, displayName: identityProviders.displayName })
    .from(identityProviders)
    .orderBy(asc(identityProviders.displayName), asc(identityProviders.id));
}

export interface LoginProviderConfig extends IdentityProvider {
  readonly sealedSecret: string;
}

/** System transaction: the provider with its sealed secret, for the sign-in flow only. */
export async function providerForLogin(tx: Tx, id: string): Promise<LoginProviderConfig | null> {
  const rows = await tx
    .select({ ...publicColumns, sealedSecret: identityProviders.clientSecret })
    .from(identityProviders)
    .where(eq(identityProviders.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Names of organizations, in the order given (unknown ids left out). */
export async function organizationNames(tx: Tx, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  const rows = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// ------------------------------------------------------------------ passwords off

export async function passwordsOffOf(tx: Tx, organizationId: string): Promise<boolean | null> {
  const rows = await tx.select({ off: organizations.passwordsOff }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  return rows[0]?.off ?? null;
}

export async function setPasswordsOff(tx: Tx, organizationId: string, off: boolean): Promise<boolean> {
  const rows = await tx.update(organizations).set({ passwordsOff: off }).where(eq(organizations.id, organizationId)).returning({ id: organizations.id });
  return rows.length > 0;
}

/**
 * Administrators of the organization who can sign in through a provider (they hold an identity
 * other than a local password). Read as the system: row-level security hides other users' identities.
 */
export async function countOidcAdmins(tx: Tx, organizationId: string): Promise<number> {
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(userIdentities, eq(userIdentities.userId, users.id))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'admin'), eq(users.disabled, false), sql`${userIdentities.issuer} <> ${LOCAL_ISSUER}`));
  return rows.length;
}

/** True when the user belongs to an organization that has switched passwords off (system transaction). */
export async function passwordsOffForUser(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(organizations.passwordsOff, true)))
    .limit(1);
  return rows.length > 0;
}
