-- Sign-in with OpenID Connect (issue 19): identity providers (Entra ID tenants and others), the
-- memberships and sessions they grant, and the per-organization "passwords off" setting.
--
-- identity_providers is system data: the system administrator manages every provider, an
-- organization's administrator those that serve only organizations they administer. The client
-- secret is stored encrypted (AES-256-GCM, key from VEIKART_SECRET_KEY, see src/api/auth/secrets.ts),
-- is never granted to the restricted role and is left out of the audit log.
CREATE TABLE identity_providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL,
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  organization_ids uuid[] NOT NULL,
  tenant_ids text[] NOT NULL DEFAULT '{}',
  email_domains text[] NOT NULL DEFAULT '{}',
  role_mappings jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT identity_providers_serves CHECK (cardinality(organization_ids) > 0)
);
--> statement-breakpoint
-- Not unique: one multi-tenant app registration (same issuer and client id) may serve several
-- organizations, each with its own tenants and role mappings.
CREATE INDEX identity_providers_issuer_client ON identity_providers (issuer, client_id);
--> statement-breakpoint
CREATE INDEX identity_providers_orgs ON identity_providers USING gin (organization_ids);
--> statement-breakpoint
ALTER TABLE identity_providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT (id, display_name, issuer, client_id, organization_ids, tenant_ids, email_domains, role_mappings, version, created_at, updated_at) ON identity_providers TO veikart_app;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON identity_providers TO veikart_app;
--> statement-breakpoint
CREATE POLICY identity_providers_select ON identity_providers FOR SELECT TO veikart_app USING (
  (SELECT veikart_is_system_admin()) OR organization_ids && ((SELECT veikart_orgs(3))::uuid[])
);
--> statement-breakpoint
-- An organization's administrator writes only providers all of whose organizations they administer.
CREATE POLICY identity_providers_write ON identity_providers FOR ALL TO veikart_app
  USING ((SELECT veikart_is_system_admin()) OR organization_ids <@ ((SELECT veikart_orgs(3))::uuid[]))
  WITH CHECK ((SELECT veikart_is_system_admin()) OR organization_ids <@ ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER identity_providers_audit_insert AFTER INSERT ON identity_providers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'client_secret');
--> statement-breakpoint
CREATE TRIGGER identity_providers_audit_update AFTER UPDATE ON identity_providers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'client_secret');
--> statement-breakpoint
CREATE TRIGGER identity_providers_audit_delete AFTER DELETE ON identity_providers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'client_secret');
--> statement-breakpoint
-- A membership granted by a provider's role mapping carries the provider: the next sign-in through
-- it replaces such memberships from the token. Memberships granted by hand (NULL) are never touched
-- by a sign-in. Removing the provider removes what it granted.
ALTER TABLE memberships ADD COLUMN identity_provider_id uuid REFERENCES identity_providers (id) ON DELETE CASCADE;
--> statement-breakpoint
CREATE INDEX memberships_identity_provider ON memberships (identity_provider_id) WHERE identity_provider_id IS NOT NULL;
--> statement-breakpoint
-- A session opened through a provider (its sessions end with it), with the provider's session id
-- for back-channel logout.
ALTER TABLE sessions ADD COLUMN identity_provider_id uuid REFERENCES identity_providers (id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sessions ADD COLUMN oidc_sid text;
--> statement-breakpoint
CREATE INDEX sessions_identity_provider ON sessions (identity_provider_id) WHERE identity_provider_id IS NOT NULL;
--> statement-breakpoint
-- Passwords off: the organization's users sign in through a provider only.
ALTER TABLE organizations ADD COLUMN passwords_off boolean NOT NULL DEFAULT false;
