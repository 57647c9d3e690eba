-- Follow-up of an adopted plan (issue 18): benefits (gevinster) per measure, their measured values,
-- dated status reports, what innsyn shows of them, and a shared catalogue of products and vendors
-- with an opt-in network ("Hvem andre bruker dette systemet?").
--
-- A benefit (its kind, indicator, baseline and targets) is part of the plan's text: like a budget
-- line it is frozen once the revision is adopted, and copied with its measure into a new revision.
-- What happens afterwards is follow-up, not plan text: measured values, status reports and the
-- actual spend (regnskap) are recorded on the adopted revision too, so the adopted-revision guard
-- does not cover them (the guard on actual_spend from 0004 is dropped here).
CREATE TABLE IF NOT EXISTS benefits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  revision_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  lineage_id uuid NOT NULL DEFAULT gen_random_uuid(),
  position integer NOT NULL DEFAULT 0,
  kind text NOT NULL CONSTRAINT benefits_kind CHECK (kind IN ('economic', 'time', 'quality', 'risk')),
  indicator text NOT NULL,
  unit text,
  -- Kroner (economic), tenths of an hour (time), or the indicator's own whole unit.
  baseline bigint,
  owner text,
  disposition text CONSTRAINT benefits_disposition CHECK (disposition IN ('budget_cut', 'better_service')),
  -- [{"year": 2026, "value": 500000}, ...]: the target per year, in the same unit as the baseline.
  targets jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT benefits_measure_fk FOREIGN KEY (measure_id, revision_id, organization_id) REFERENCES measures (id, revision_id, organization_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS benefits_revision ON benefits (revision_id, position);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS benefits_id_revision_org ON benefits (id, revision_id, organization_id);
--> statement-breakpoint
-- The measured value of a benefit in a year, with a comment (follow-up: not guarded).
CREATE TABLE IF NOT EXISTS benefit_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  revision_id uuid NOT NULL,
  benefit_id uuid NOT NULL,
  year integer NOT NULL,
  value bigint NOT NULL,
  comment text,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT benefit_results_benefit_fk FOREIGN KEY (benefit_id, revision_id, organization_id) REFERENCES benefits (id, revision_id, organization_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS benefit_results_benefit_year ON benefit_results (benefit_id, year);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS benefit_results_revision ON benefit_results (revision_id);
--> statement-breakpoint
-- A dated status report on a measure (tertial or year): status and a short text (follow-up: not guarded).
CREATE TABLE IF NOT EXISTS status_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  revision_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  report_date date NOT NULL,
  status text NOT NULL CONSTRAINT status_reports_status CHECK (status IN ('on_track', 'at_risk', 'off_track', 'done')),
  text text NOT NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT status_reports_measure_fk FOREIGN KEY (measure_id, revision_id, organization_id) REFERENCES measures (id, revision_id, organization_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS status_reports_revision ON status_reports (revision_id, report_date);
--> statement-breakpoint
ALTER TABLE benefits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE benefit_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE status_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON benefits, benefit_results, status_reports TO veikart_app;
--> statement-breakpoint
CREATE POLICY benefits_select ON benefits FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY benefits_write ON benefits FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY benefit_results_select ON benefit_results FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY benefit_results_write ON benefit_results FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY status_reports_select ON status_reports FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY status_reports_write ON status_reports FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER benefits_audit_insert AFTER INSERT ON benefits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER benefits_audit_update AFTER UPDATE ON benefits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER benefits_audit_delete AFTER DELETE ON benefits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER benefits_guard_insert AFTER INSERT ON benefits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER benefits_guard_update AFTER UPDATE ON benefits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER benefits_guard_delete AFTER DELETE ON benefits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_guard_adopted_statement();
--> statement-breakpoint
CREATE TRIGGER benefit_results_audit_insert AFTER INSERT ON benefit_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER benefit_results_audit_update AFTER UPDATE ON benefit_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER benefit_results_audit_delete AFTER DELETE ON benefit_results REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER status_reports_audit_insert AFTER INSERT ON status_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER status_reports_audit_update AFTER UPDATE ON status_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER status_reports_audit_delete AFTER DELETE ON status_reports REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
-- Actual spend is follow-up: recorded (entered or imported) after adoption.
DROP TRIGGER IF EXISTS actual_spend_guard_insert ON actual_spend;
--> statement-breakpoint
DROP TRIGGER IF EXISTS actual_spend_guard_update ON actual_spend;
--> statement-breakpoint
DROP TRIGGER IF EXISTS actual_spend_guard_delete ON actual_spend;
--> statement-breakpoint
-- What innsyn shows beside the plan: chosen when publishing (nothing more than before by default).
ALTER TABLE publications ADD COLUMN IF NOT EXISTS show_benefits boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE publications ADD COLUMN IF NOT EXISTS show_actuals boolean NOT NULL DEFAULT false;
--> statement-breakpoint
CREATE TRIGGER publications_audit_update AFTER UPDATE ON publications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
-- ---------------------------------------------------------------- products and vendors
-- REFERENCE DATA, NOT ANY ORGANIZATION'S: one shared catalogue of software products and their
-- vendors, matched by normalized name (lower case, inner spaces collapsed). Every signed-in user
-- reads it; any editor of an organization adds to it (added_by records which organization did, for
-- the audit trail only). Nobody changes or deletes an entry through the app: other organizations'
-- systems may name it.
CREATE TABLE IF NOT EXISTS vendors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_key text GENERATED ALWAYS AS (lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))) STORED,
  added_by uuid REFERENCES organizations (id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS vendors_name_key ON vendors (name_key);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_key text GENERATED ALWAYS AS (lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))) STORED,
  vendor_id uuid REFERENCES vendors (id),
  added_by uuid REFERENCES organizations (id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS products_name_key ON products (name_key);
--> statement-breakpoint
ALTER TABLE vendors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON vendors, products TO veikart_app;
--> statement-breakpoint
CREATE POLICY vendors_select ON vendors FOR SELECT TO veikart_app USING (veikart_current_user() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY vendors_insert ON vendors FOR INSERT TO veikart_app WITH CHECK (added_by = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY products_select ON products FOR SELECT TO veikart_app USING (veikart_current_user() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY products_insert ON products FOR INSERT TO veikart_app WITH CHECK (added_by = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
INSERT INTO vendors (name) VALUES ('Visma'), ('Acos'), ('Tieto'), ('Sikri') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO products (name, vendor_id)
SELECT p.name, v.id FROM (VALUES ('Visma Enterprise', 'visma'), ('Visma Flyt Skole', 'visma'), ('Acos WebSak', 'acos'), ('Gerica', 'tieto'), ('Profil', 'visma')) AS p (name, vendor)
  JOIN vendors v ON v.name_key = p.vendor
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Which product a system is (one at most). organization_id repeats the system's for row-level security.
CREATE TABLE IF NOT EXISTS system_products (
  -- id: the audit trail's record id.
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  system_id uuid PRIMARY KEY REFERENCES systems (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  product_id uuid NOT NULL REFERENCES products (id)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS system_products_product ON system_products (product_id, organization_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS products_vendor ON products (vendor_id);
--> statement-breakpoint
-- "Hvem andre bruker" finds systems of the same name across organizations.
CREATE INDEX IF NOT EXISTS systems_name_key_all ON systems (name_key);
--> statement-breakpoint
-- The organization's choice to be shown to others who run the same product or vendor, and whom they may contact.
CREATE TABLE IF NOT EXISTS product_network (
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  contact_name text,
  contact_email text,
  opted_in_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
ALTER TABLE system_products ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE product_network ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON system_products, product_network TO veikart_app;
--> statement-breakpoint
CREATE POLICY system_products_select ON system_products FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_products_write ON system_products FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY product_network_select ON product_network FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY product_network_write ON product_network FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER system_products_audit_insert AFTER INSERT ON system_products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_products_audit_update AFTER UPDATE ON system_products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_products_audit_delete AFTER DELETE ON system_products REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER product_network_audit_insert AFTER INSERT ON product_network REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER product_network_audit_update AFTER UPDATE ON product_network REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER product_network_audit_delete AFTER DELETE ON product_network REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
-- The opted-in organizations (other than `p_org`) that run `p_product`, a product of `p_vendor`, or a
-- system named like `p_name`: one row per system, with the contact the organization chose.
-- Only for a user of `p_org`, and only when `p_org` itself has opted in (it sees others as they see it).
-- An organization that has not opted in is never returned, so never listed nor counted.
CREATE OR REPLACE FUNCTION veikart_product_peers(p_org uuid, p_product uuid, p_vendor uuid, p_name text)
RETURNS TABLE (organization_id uuid, organization_name text, system_name text, product_id uuid, vendor_id uuid, users integer, operator text, contact_name text, contact_email text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  IF NOT p_org = ANY ((SELECT veikart_orgs(1))::uuid[]) OR NOT EXISTS (SELECT 1 FROM product_network n WHERE n.organization_id = p_org) THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT o.id, o.name, s.name, p.id, p.vendor_id, s.users, op.name, n.contact_name, n.contact_email
    FROM (SELECT sp1.system_id FROM system_products sp1 WHERE sp1.product_id = p_product
          UNION SELECT sp2.system_id FROM system_products sp2 JOIN products p2 ON p2.id = sp2.product_id WHERE p2.vendor_id = p_vendor
          UNION SELECT s3.id FROM systems s3 WHERE s3.name_key = lower(p_name)) m
    JOIN systems s ON s.id = m.system_id
    JOIN product_network n ON n.organization_id = s.organization_id
    JOIN organizations o ON o.id = s.organization_id
    LEFT JOIN system_products sp ON sp.system_id = s.id
    LEFT JOIN products p ON p.id = sp.product_id
    LEFT JOIN suppliers op ON op.id = s.operator_id
   WHERE s.organization_id <> p_org
   ORDER BY o.name, s.name;
END
$$;
--> statement-breakpoint
-- "Mest brukte systemer": per product, the number of opted-in organizations that run it. Counts
-- only opted-in organizations, and names none. Any signed-in user.
CREATE OR REPLACE FUNCTION veikart_product_usage()
RETURNS TABLE (product_id uuid, product_name text, vendor_name text, organizations bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  IF veikart_current_user() IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT p.id, p.name, v.name, count(DISTINCT sp.organization_id)
    FROM products p
    LEFT JOIN vendors v ON v.id = p.vendor_id
    JOIN system_products sp ON sp.product_id = p.id
    JOIN product_network n ON n.organization_id = sp.organization_id
   GROUP BY p.id, p.name, v.name
   ORDER BY count(DISTINCT sp.organization_id) DESC, p.name;
END
$$;
