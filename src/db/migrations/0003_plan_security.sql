ALTER TABLE national_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON national_goals TO veikart_app;
--> statement-breakpoint
CREATE POLICY national_goals_select ON national_goals FOR SELECT TO veikart_app USING ((organization_id IS NULL AND veikart_current_user() IS NOT NULL) OR organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY national_goals_write ON national_goals FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER national_goals_audit AFTER INSERT OR UPDATE OR DELETE ON national_goals FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE plan_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_periods TO veikart_app;
--> statement-breakpoint
CREATE POLICY plan_periods_select ON plan_periods FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY plan_periods_write ON plan_periods FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER plan_periods_audit AFTER INSERT OR UPDATE OR DELETE ON plan_periods FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE plan_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_revisions TO veikart_app;
--> statement-breakpoint
CREATE POLICY plan_revisions_select ON plan_revisions FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY plan_revisions_write ON plan_revisions FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER plan_revisions_audit AFTER INSERT OR UPDATE OR DELETE ON plan_revisions FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE focus_areas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON focus_areas TO veikart_app;
--> statement-breakpoint
CREATE POLICY focus_areas_select ON focus_areas FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY focus_areas_write ON focus_areas FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER focus_areas_audit AFTER INSERT OR UPDATE OR DELETE ON focus_areas FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON goals TO veikart_app;
--> statement-breakpoint
CREATE POLICY goals_select ON goals FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY goals_write ON goals FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER goals_audit AFTER INSERT OR UPDATE OR DELETE ON goals FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE goal_national_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON goal_national_links TO veikart_app;
--> statement-breakpoint
CREATE POLICY goal_national_links_select ON goal_national_links FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY goal_national_links_write ON goal_national_links FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER goal_national_links_audit AFTER INSERT OR UPDATE OR DELETE ON goal_national_links FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measures TO veikart_app;
--> statement-breakpoint
CREATE POLICY measures_select ON measures FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY measures_write ON measures FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER measures_audit AFTER INSERT OR UPDATE OR DELETE ON measures FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE measure_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measure_goals TO veikart_app;
--> statement-breakpoint
CREATE POLICY measure_goals_select ON measure_goals FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY measure_goals_write ON measure_goals FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER measure_goals_audit AFTER INSERT OR UPDATE OR DELETE ON measure_goals FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE cost_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON cost_lines TO veikart_app;
--> statement-breakpoint
CREATE POLICY cost_lines_select ON cost_lines FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY cost_lines_write ON cost_lines FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER cost_lines_audit AFTER INSERT OR UPDATE OR DELETE ON cost_lines FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
ALTER TABLE actual_spend ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON actual_spend TO veikart_app;
--> statement-breakpoint
CREATE POLICY actual_spend_select ON actual_spend FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY actual_spend_write ON actual_spend FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER actual_spend_audit AFTER INSERT OR UPDATE OR DELETE ON actual_spend FOR EACH ROW EXECUTE FUNCTION veikart_audit('organization_id');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_guard_adopted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  rev uuid;
BEGIN
  IF TG_TABLE_NAME = 'plan_revisions' THEN
    IF TG_OP = 'UPDATE' AND OLD.status = 'adopted' THEN
      RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.status = 'adopted' THEN
      RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  rev := CASE WHEN TG_OP = 'DELETE' THEN OLD.revision_id ELSE NEW.revision_id END;
  IF EXISTS (SELECT 1 FROM plan_revisions WHERE id = rev AND status = 'adopted') THEN
    RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.revision_id <> NEW.revision_id AND EXISTS (SELECT 1 FROM plan_revisions WHERE id = OLD.revision_id AND status = 'adopted') THEN
    RAISE EXCEPTION 'revision is adopted' USING ERRCODE = 'VK001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER plan_revisions_guard_adopted BEFORE UPDATE OR DELETE ON plan_revisions FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER focus_areas_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON focus_areas FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER goals_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON goals FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER goal_national_links_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON goal_national_links FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER measures_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON measures FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER measure_goals_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON measure_goals FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER cost_lines_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON cost_lines FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
--> statement-breakpoint
CREATE TRIGGER actual_spend_guard_adopted BEFORE UPDATE OR DELETE OR INSERT ON actual_spend FOR EACH ROW EXECUTE FUNCTION veikart_guard_adopted();
