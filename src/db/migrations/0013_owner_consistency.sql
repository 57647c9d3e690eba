-- system_roles.system_org_id and system_shares.organization_id repeat the system's owner so that
-- row-level security needs no join; the database keeps the copies true, so that not even a bug in
-- the application can make a member's role look like the owner's.
CREATE UNIQUE INDEX systems_id_org ON systems (id, organization_id);
--> statement-breakpoint
ALTER TABLE system_roles ADD CONSTRAINT system_roles_system_owner_fk FOREIGN KEY (system_id, system_org_id) REFERENCES systems (id, organization_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE system_shares ADD CONSTRAINT system_shares_system_owner_fk FOREIGN KEY (system_id, organization_id) REFERENCES systems (id, organization_id) ON DELETE CASCADE;
