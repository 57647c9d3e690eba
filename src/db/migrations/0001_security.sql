DO $$
BEGIN
  CREATE ROLE veikart_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT veikart_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO veikart_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_current_user() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('veikart.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_access()
RETURNS TABLE (organization_id uuid, rank integer, via uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS (
    SELECT u.id, u.system_admin FROM users u
    WHERE u.id = veikart_current_user() AND NOT u.disabled
  ),
  direct AS (
    SELECT m.organization_id,
           CASE m.role WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END AS rank
    FROM memberships m JOIN me ON m.user_id = me.id
  ),
  via_iks AS (
    SELECT o.owner_id AS organization_id,
           LEAST(d.rank, CASE o.staff_access WHEN 'editor' THEN 2 WHEN 'reader' THEN 1 ELSE 0 END) AS rank,
           o.organization_id AS via
    FROM organization_owners o JOIN direct d ON d.organization_id = o.organization_id
  ),
  ranked AS (
    SELECT organization_id, rank, NULL::uuid AS via FROM direct
    UNION ALL
    SELECT organization_id, rank, via FROM via_iks WHERE rank > 0
  )
  SELECT org.id, 3, NULL::uuid FROM organizations org JOIN me ON me.system_admin
  UNION ALL
  SELECT DISTINCT ON (r.organization_id) r.organization_id, r.rank, r.via
  FROM ranked r
  WHERE NOT EXISTS (SELECT 1 FROM me WHERE me.system_admin)
  ORDER BY 1, 2 DESC, 3 NULLS FIRST
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_orgs(min_rank integer) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(a.organization_id), '{}') FROM veikart_access() a WHERE a.rank >= min_rank
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_member_cooperations() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT cm.cooperation_id), '{}') FROM cooperation_members cm
  WHERE cm.member_id = ANY (veikart_orgs(1))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_is_system_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((SELECT system_admin AND NOT disabled FROM users WHERE id = veikart_current_user()), false)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  org_column text := TG_ARGV[0];
  hidden text := coalesce(TG_ARGV[1], '');
BEGIN
  IF hidden <> '' THEN
    old_row := old_row - hidden;
    new_row := new_row - hidden;
  END IF;
  IF TG_OP = 'UPDATE' AND (old_row - 'version' - 'updated_at' - 'last_login_at') = (new_row - 'version' - 'updated_at' - 'last_login_at') THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (organization_id, actor_id, action, table_name, record_id, before, after)
  VALUES (
    CASE WHEN org_column = '' THEN NULL ELSE coalesce(new_row ->> org_column, old_row ->> org_column)::uuid END,
    veikart_current_user(),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(new_row ->> 'id', old_row ->> 'id'),
    old_row,
    new_row
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION veikart_audit('id');
--> statement-breakpoint
CREATE TRIGGER organization_owners_audit AFTER INSERT OR UPDATE OR DELETE ON organization_owners FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION veikart_audit('');
--> statement-breakpoint
CREATE TRIGGER user_identities_audit AFTER INSERT OR UPDATE OR DELETE ON user_identities FOR EACH ROW EXECUTE FUNCTION veikart_audit('', 'password_hash');
--> statement-breakpoint
CREATE TRIGGER cooperations_audit AFTER INSERT OR UPDATE OR DELETE ON cooperations FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
CREATE TRIGGER cooperation_members_audit AFTER INSERT OR UPDATE OR DELETE ON cooperation_members FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
CREATE TRIGGER sites_audit AFTER INSERT OR UPDATE OR DELETE ON sites FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO veikart_app;
--> statement-breakpoint
CREATE POLICY organizations_select ON organizations FOR SELECT TO veikart_app USING (veikart_current_user() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY organizations_insert ON organizations FOR INSERT TO veikart_app WITH CHECK ((SELECT veikart_is_system_admin()));
--> statement-breakpoint
CREATE POLICY organizations_update ON organizations FOR UPDATE TO veikart_app USING (id = ANY ((SELECT veikart_orgs(3))::uuid[])) WITH CHECK (id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE POLICY organizations_delete ON organizations FOR DELETE TO veikart_app USING ((SELECT veikart_is_system_admin()));
--> statement-breakpoint
ALTER TABLE organization_owners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organization_owners TO veikart_app;
--> statement-breakpoint
CREATE POLICY organization_owners_select ON organization_owners FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR owner_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY organization_owners_write ON organization_owners FOR ALL TO veikart_app USING ((SELECT veikart_is_system_admin())) WITH CHECK ((SELECT veikart_is_system_admin()));
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO veikart_app;
--> statement-breakpoint
CREATE POLICY memberships_select ON memberships FOR SELECT TO veikart_app USING (user_id = veikart_current_user() OR organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE POLICY memberships_write ON memberships FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON users TO veikart_app;
--> statement-breakpoint
CREATE POLICY users_select ON users FOR SELECT TO veikart_app USING (
  id = veikart_current_user() OR (SELECT veikart_is_system_admin())
  OR id IN (SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]))
);
--> statement-breakpoint
ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sites TO veikart_app;
--> statement-breakpoint
ALTER TABLE cooperations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON cooperations TO veikart_app;
--> statement-breakpoint
CREATE POLICY cooperations_select ON cooperations FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR id = ANY ((SELECT veikart_member_cooperations())::uuid[]));
--> statement-breakpoint
CREATE POLICY cooperations_write ON cooperations FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
ALTER TABLE cooperation_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON cooperation_members TO veikart_app;
--> statement-breakpoint
CREATE POLICY cooperation_members_select ON cooperation_members FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR cooperation_id = ANY ((SELECT veikart_member_cooperations())::uuid[])
);
--> statement-breakpoint
CREATE POLICY cooperation_members_write ON cooperation_members FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY sites_select ON sites FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY sites_write ON sites FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON audit_log TO veikart_app;
--> statement-breakpoint
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]) OR (organization_id IS NULL AND (SELECT veikart_is_system_admin())));
