/** OpenID Connect identity providers (migration 0031). System data: see the policies there. */
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { RoleMapping } from '../../domain/identity-provider.ts';
import { createdAt, id, updatedAt, version } from './columns.ts';

export const identityProviders = pgTable('identity_providers', {
  id: id(),
  displayName: text('display_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** AES-256-GCM ciphertext (src/api/auth/secrets.ts); not readable by the restricted role. */
  clientSecret: text('client_secret').notNull(),
  organizationIds: uuid('organization_ids').array().notNull(),
  tenantIds: text('tenant_ids').array().notNull().default([]),
  emailDomains: text('email_domains').array().notNull().default([]),
  roleMappings: jsonb('role_mappings').$type<RoleMapping[]>().notNull().default([]),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
