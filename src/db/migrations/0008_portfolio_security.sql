ALTER TABLE systems ADD CONSTRAINT systems_replaced_by_fk FOREIGN KEY (replaced_by_id) REFERENCES systems(id) ON DELETE SET NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_shared_systems() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT s.system_id), '{}') FROM system_shares s WHERE s.member_id = ANY (veikart_orgs(1))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_shared_hosts() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT s.organization_id), '{}') FROM system_shares s WHERE s.member_id = ANY (veikart_orgs(1))
$$;
--> statement-breakpoint
-- People a user may see outside their own organizations: those holding a role on a system the
-- user's organization owns (members' super users, for the owner's matrix), and those holding the
-- owner's own roles on a system shared with the user's organization (the support route).
CREATE OR REPLACE FUNCTION veikart_visible_role_persons() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT r.person_id), '{}') FROM system_roles r
  WHERE r.person_id IS NOT NULL
    AND (r.system_org_id = ANY (veikart_orgs(1))
         OR (r.organization_id = r.system_org_id AND r.system_id = ANY (veikart_shared_systems())))
$$;
--> statement-breakpoint
-- Facts for the data-quality check of visible systems: every role (any organization) and the
-- owner's contract dates, so a member sees the owner's score without seeing the contracts.
CREATE OR REPLACE FUNCTION veikart_system_quality_facts(ids uuid[])
RETURNS TABLE (system_id uuid, roles jsonb, contracts jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.id,
    (SELECT jsonb_agg(r.role) FROM system_roles r WHERE r.system_id = s.id),
    (SELECT jsonb_agg(jsonb_build_object('type', k.type, 'startDate', k.start_date, 'endDate', k.end_date))
       FROM contracts k WHERE k.system_id = s.id AND k.organization_id = s.organization_id)
  FROM systems s
  WHERE s.id = ANY (ids)
    AND (s.organization_id = ANY (veikart_orgs(1)) OR s.id = ANY (veikart_shared_systems()))
$$;
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON persons TO veikart_app;
--> statement-breakpoint
CREATE POLICY persons_select ON persons FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR id = ANY ((SELECT veikart_visible_role_persons())::uuid[]));
--> statement-breakpoint
CREATE POLICY persons_insert ON persons FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY persons_update ON persons FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY persons_delete ON persons FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER persons_audit_insert AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER persons_audit_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER persons_audit_delete AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE suppliers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON suppliers TO veikart_app;
--> statement-breakpoint
CREATE POLICY suppliers_select ON suppliers FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR organization_id = ANY ((SELECT veikart_shared_hosts())::uuid[]));
--> statement-breakpoint
CREATE POLICY suppliers_insert ON suppliers FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY suppliers_update ON suppliers FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY suppliers_delete ON suppliers FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_insert AFTER INSERT ON suppliers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_update AFTER UPDATE ON suppliers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_delete AFTER DELETE ON suppliers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE systems ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON systems TO veikart_app;
--> statement-breakpoint
CREATE POLICY systems_select ON systems FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR id = ANY ((SELECT veikart_shared_systems())::uuid[]));
--> statement-breakpoint
CREATE POLICY systems_insert ON systems FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY systems_update ON systems FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY systems_delete ON systems FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER systems_audit_insert AFTER INSERT ON systems REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER systems_audit_update AFTER UPDATE ON systems REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER systems_audit_delete AFTER DELETE ON systems REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE system_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON system_roles TO veikart_app;
--> statement-breakpoint
CREATE POLICY system_roles_select ON system_roles FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR system_org_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR (organization_id = system_org_id AND system_id = ANY ((SELECT veikart_shared_systems())::uuid[])));
--> statement-breakpoint
CREATE POLICY system_roles_insert ON system_roles FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]) AND (system_org_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR system_id = ANY ((SELECT veikart_shared_systems())::uuid[])));
--> statement-breakpoint
CREATE POLICY system_roles_update ON system_roles FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]) AND (system_org_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR system_id = ANY ((SELECT veikart_shared_systems())::uuid[])));
--> statement-breakpoint
CREATE POLICY system_roles_delete ON system_roles FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER system_roles_audit_insert AFTER INSERT ON system_roles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_roles_audit_update AFTER UPDATE ON system_roles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_roles_audit_delete AFTER DELETE ON system_roles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE system_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON system_shares TO veikart_app;
--> statement-breakpoint
CREATE POLICY system_shares_select ON system_shares FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR member_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_shares_insert ON system_shares FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_shares_update ON system_shares FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_shares_delete ON system_shares FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER system_shares_audit_insert AFTER INSERT ON system_shares REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_shares_audit_update AFTER UPDATE ON system_shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_shares_audit_delete AFTER DELETE ON system_shares REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contracts TO veikart_app;
--> statement-breakpoint
CREATE POLICY contracts_select ON contracts FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY contracts_insert ON contracts FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY contracts_update ON contracts FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY contracts_delete ON contracts FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER contracts_audit_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER contracts_audit_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER contracts_audit_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE integrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON integrations TO veikart_app;
--> statement-breakpoint
CREATE POLICY integrations_select ON integrations FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY integrations_insert ON integrations FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY integrations_update ON integrations FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY integrations_delete ON integrations FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER integrations_audit_insert AFTER INSERT ON integrations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER integrations_audit_update AFTER UPDATE ON integrations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER integrations_audit_delete AFTER DELETE ON integrations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE national_components ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON national_components TO veikart_app;
--> statement-breakpoint
CREATE POLICY national_components_select ON national_components FOR SELECT TO veikart_app USING (veikart_current_user() IS NOT NULL);
