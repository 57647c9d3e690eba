CREATE OR REPLACE FUNCTION veikart_audit_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  org_column text := TG_ARGV[0];
  hidden text := coalesce(TG_ARGV[1], '');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (organization_id, actor_id, action, table_name, record_id, before, after)
    SELECT CASE WHEN org_column = '' THEN NULL ELSE (s.j ->> org_column)::uuid END, veikart_current_user(), 'insert', TG_TABLE_NAME, s.j ->> 'id', NULL, s.j
    FROM (SELECT to_jsonb(n) - hidden AS j FROM new_rows n) s;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_log (organization_id, actor_id, action, table_name, record_id, before, after)
    SELECT CASE WHEN org_column = '' THEN NULL ELSE (s.j ->> org_column)::uuid END, veikart_current_user(), 'delete', TG_TABLE_NAME, s.j ->> 'id', s.j, NULL
    FROM (SELECT to_jsonb(o) - hidden AS j FROM old_rows o) s;
  ELSE
    INSERT INTO audit_log (organization_id, actor_id, action, table_name, record_id, before, after)
    SELECT CASE WHEN org_column = '' THEN NULL ELSE (a.j ->> org_column)::uuid END, veikart_current_user(), 'update', TG_TABLE_NAME, a.j ->> 'id', b.j, a.j
    FROM (SELECT to_jsonb(o) - hidden AS j FROM old_rows o) b
    JOIN (SELECT to_jsonb(n) - hidden AS j FROM new_rows n) a ON a.j ->> 'id' = b.j ->> 'id'
    WHERE (b.j - 'version' - 'updated_at' - 'last_login_at') IS DISTINCT FROM (a.j - 'version' - 'updated_at' - 'last_login_at');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_guard_adopted_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'plan_revisions' THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'adopted') THEN
      RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
    END IF;
    RETURN NULL;
  END IF;
  -- Separate IFs: a transition table exists only for the events that have it.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN plan_revisions r ON r.id = n.revision_id WHERE r.status = 'adopted') THEN
      RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN plan_revisions r ON r.id = o.revision_id WHERE r.status = 'adopted') THEN
      RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS organizations_audit ON organizations;
--> statement-breakpoint
CREATE TRIGGER organizations_audit_insert AFTER INSERT ON organizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('id');
--> statement-breakpoint
CREATE TRIGGER organizations_audit_update AFTER UPDATE ON organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('id');
--> statement-breakpoint
CREATE TRIGGER organizations_audit_delete AFTER DELETE ON organizations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS organization_owners_audit ON organization_owners;
--> statement-breakpoint
CREATE TRIGGER organization_owners_audit_insert AFTER INSERT ON organization_owners REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER organization_owners_audit_update AFTER UPDATE ON organization_owners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER organization_owners_audit_delete AFTER DELETE ON organization_owners REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit ON memberships;
--> statement-breakpoint
CREATE TRIGGER memberships_audit_insert AFTER INSERT ON memberships REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER memberships_audit_update AFTER UPDATE ON memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER memberships_audit_delete AFTER DELETE ON memberships REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit ON users;
--> statement-breakpoint
CREATE TRIGGER users_audit_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('');
--> statement-breakpoint
CREATE TRIGGER users_audit_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('');
--> statement-breakpoint
CREATE TRIGGER users_audit_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('');
--> statement-breakpoint
DROP TRIGGER IF EXISTS user_identities_audit ON user_identities;
--> statement-breakpoint
CREATE TRIGGER user_identities_audit_insert AFTER INSERT ON user_identities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'password_hash');
--> statement-breakpoint
CREATE TRIGGER user_identities_audit_update AFTER UPDATE ON user_identities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'password_hash');
--> statement-breakpoint
CREATE TRIGGER user_identities_audit_delete AFTER DELETE ON user_identities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('', 'password_hash');
--> statement-breakpoint
DROP TRIGGER IF EXISTS cooperations_audit ON cooperations;
--> statement-breakpoint
CREATE TRIGGER cooperations_audit_insert AFTER INSERT ON cooperations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cooperations_audit_update AFTER UPDATE ON cooperations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cooperations_audit_delete AFTER DELETE ON cooperations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS cooperation_members_audit ON cooperation_members;
--> statement-breakpoint
CREATE TRIGGER cooperation_members_audit_insert AFTER INSERT ON cooperation_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cooperation_members_audit_update AFTER UPDATE ON cooperation_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cooperation_members_audit_delete AFTER DELETE ON cooperation_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS sites_audit ON sites;
--> statement-breakpoint
CREATE TRIGGER sites_audit_insert AFTER INSERT ON sites REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER sites_audit_update AFTER UPDATE ON sites REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER sites_audit_delete AFTER DELETE ON sites REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS national_goals_audit ON national_goals;
--> statement-breakpoint
CREATE TRIGGER national_goals_audit_insert AFTER INSERT ON national_goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER national_goals_audit_update AFTER UPDATE ON national_goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER national_goals_audit_delete AFTER DELETE ON national_goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS plan_periods_audit ON plan_periods;
--> statement-breakpoint
CREATE TRIGGER plan_periods_audit_insert AFTER INSERT ON plan_periods REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER plan_periods_audit_update AFTER UPDATE ON plan_periods REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER plan_periods_audit_delete AFTER DELETE ON plan_periods REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS plan_revisions_audit ON plan_revisions;
--> statement-breakpoint
CREATE TRIGGER plan_revisions_audit_insert AFTER INSERT ON plan_revisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER plan_revisions_audit_update AFTER UPDATE ON plan_revisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER plan_revisions_audit_delete AFTER DELETE ON plan_revisions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS focus_areas_audit ON focus_areas;
--> statement-breakpoint
CREATE TRIGGER focus_areas_audit_insert AFTER INSERT ON focus_areas REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER focus_areas_audit_update AFTER UPDATE ON focus_areas REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER focus_areas_audit_delete AFTER DELETE ON focus_areas REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS goals_audit ON goals;
--> statement-breakpoint
CREATE TRIGGER goals_audit_insert AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER goals_audit_update AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER goals_audit_delete AFTER DELETE ON goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS goal_national_links_audit ON goal_national_links;
--> statement-breakpoint
CREATE TRIGGER goal_national_links_audit_insert AFTER INSERT ON goal_national_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER goal_national_links_audit_update AFTER UPDATE ON goal_national_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER goal_national_links_audit_delete AFTER DELETE ON goal_national_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS measures_audit ON measures;
--> statement-breakpoint
CREATE TRIGGER measures_audit_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER measures_audit_update AFTER UPDATE ON measures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER measures_audit_delete AFTER DELETE ON measures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS measure_goals_audit ON measure_goals;
--> statement-breakpoint
CREATE TRIGGER measure_goals_audit_insert AFTER INSERT ON measure_goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER measure_goals_audit_update AFTER UPDATE ON measure_goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER measure_goals_audit_delete AFTER DELETE ON measure_goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS cost_lines_audit ON cost_lines;
--> statement-breakpoint
CREATE TRIGGER cost_lines_audit_insert AFTER INSERT ON cost_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cost_lines_audit_update AFTER UPDATE ON cost_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cost_lines_audit_delete AFTER DELETE ON cost_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS actual_spend_audit ON actual_spend;
--> statement-breakpoint
CREATE TRIGGER actual_spend_audit_insert AFTER INSERT ON actual_spend REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER actual_spend_audit_update AFTER UPDATE ON actual_spend REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER actual_spend_audit_delete AFTER DELETE ON actual_spend REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
DROP FUNCTION IF EXISTS veikart_audit() CASCADE;
--> statement-breakpoint
DROP TRIGGER IF EXISTS plan_revisions_guard_adopted ON plan_revisions;
--> statement-breakpoint
CREATE TRIGGER plan_revisions_guard_update AFTER UPDATE ON plan_revisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER plan_revisions_guard_delete AFTER DELETE ON plan_revisions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS focus_areas_guard_adopted ON focus_areas;
--> statement-breakpoint
CREATE TRIGGER focus_areas_guard_insert AFTER INSERT ON focus_areas REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER focus_areas_guard_update AFTER UPDATE ON focus_areas REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER focus_areas_guard_delete AFTER DELETE ON focus_areas REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS goals_guard_adopted ON goals;
--> statement-breakpoint
CREATE TRIGGER goals_guard_insert AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER goals_guard_update AFTER UPDATE ON goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER goals_guard_delete AFTER DELETE ON goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS goal_national_links_guard_adopted ON goal_national_links;
--> statement-breakpoint
CREATE TRIGGER goal_national_links_guard_insert AFTER INSERT ON goal_national_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER goal_national_links_guard_update AFTER UPDATE ON goal_national_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER goal_national_links_guard_delete AFTER DELETE ON goal_national_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS measures_guard_adopted ON measures;
--> statement-breakpoint
CREATE TRIGGER measures_guard_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER measures_guard_update AFTER UPDATE ON measures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER measures_guard_delete AFTER DELETE ON measures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS measure_goals_guard_adopted ON measure_goals;
--> statement-breakpoint
CREATE TRIGGER measure_goals_guard_insert AFTER INSERT ON measure_goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER measure_goals_guard_update AFTER UPDATE ON measure_goals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER measure_goals_guard_delete AFTER DELETE ON measure_goals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cost_lines_guard_adopted ON cost_lines;
--> statement-breakpoint
CREATE TRIGGER cost_lines_guard_insert AFTER INSERT ON cost_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER cost_lines_guard_update AFTER UPDATE ON cost_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER cost_lines_guard_delete AFTER DELETE ON cost_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP TRIGGER IF EXISTS actual_spend_guard_adopted ON actual_spend;
--> statement-breakpoint
CREATE TRIGGER actual_spend_guard_insert AFTER INSERT ON actual_spend REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER actual_spend_guard_update AFTER UPDATE ON actual_spend REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER actual_spend_guard_delete AFTER DELETE ON actual_spend REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
DROP FUNCTION IF EXISTS veikart_guard_adopted() CASCADE;
