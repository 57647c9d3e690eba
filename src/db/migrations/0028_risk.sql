-- Risk and security (issue 16): the ROS register with its mitigation options, the acceptance
-- matrix and the readers' visibility per organization, security documents, and continuity per
-- system. Risks and security documents are exempt from public access (offentleglova §24): they
-- are read by editors and administrators, and by readers only where risk_settings.readers_see.
CREATE TABLE IF NOT EXISTS risk_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
  matrix jsonb NOT NULL,
  readers_see boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT risk_settings_matrix_shape CHECK (jsonb_typeof(matrix) = 'array' AND jsonb_array_length(matrix) = 5)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS risks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  site_ids uuid[] NOT NULL DEFAULT '{}',
  system_ids uuid[] NOT NULL DEFAULT '{}',
  hazard text,
  consequence_text text,
  controls text[] NOT NULL DEFAULT '{}',
  probability integer NOT NULL CHECK (probability BETWEEN 1 AND 5),
  consequence integer CHECK (consequence BETWEEN 1 AND 5),
  dimensions jsonb NOT NULL DEFAULT '{}',
  owner_id uuid REFERENCES persons(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'treating', 'accepted', 'closed')),
  close_reason text,
  review_date date,
  "references" text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT risks_consequence_given CHECK (consequence IS NOT NULL OR dimensions <> '{}'::jsonb)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS risks_org ON risks (organization_id, title, id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS risks_id_org ON risks (id, organization_id);
--> statement-breakpoint
-- A mitigation option. Its cost lines (jsonb: kind, year, amount or quantity × unit price) are its
-- money until it becomes a measure; then the measure's cost lines are. The link is to the
-- measure's lineage, so a copied revision keeps it: the risk shows the measure of the newest
-- revision that holds the lineage (the draft, once there is one).
CREATE TABLE IF NOT EXISTS risk_options (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  risk_id uuid NOT NULL,
  position integer NOT NULL DEFAULT 0,
  description text NOT NULL,
  lines jsonb NOT NULL DEFAULT '[]',
  residual_probability integer CHECK (residual_probability BETWEEN 1 AND 5),
  residual_consequence integer CHECK (residual_consequence BETWEEN 1 AND 5),
  chosen boolean NOT NULL DEFAULT false,
  measure_lineage_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT risk_options_risk_fk FOREIGN KEY (risk_id, organization_id) REFERENCES risks (id, organization_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS risk_options_risk ON risk_options (risk_id, position);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS risk_options_one_chosen ON risk_options (risk_id) WHERE chosen;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS risk_options_lineage ON risk_options (measure_lineage_id) WHERE measure_lineage_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measures_lineage ON measures (lineage_id);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS security_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('security_plan', 'contingency_plan', 'internal_control', 'access_control', 'byod', 'archive_plan', 'other')),
  owner_id uuid REFERENCES persons(id) ON DELETE SET NULL,
  adopted_date date,
  review_months integer CHECK (review_months BETWEEN 1 AND 120),
  link text CHECK (link IS NULL OR link ~* '^https?://'),
  reference text,
  note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS security_documents_org ON security_documents (organization_id, title, id);
--> statement-breakpoint
-- Continuity of one system (one row per system, kept by the system's organization).
CREATE TABLE IF NOT EXISTS system_continuity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  system_id uuid NOT NULL UNIQUE REFERENCES systems(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  backup_location text,
  backup_frequency text,
  restore_tested date,
  rto_hours integer CHECK (rto_hours BETWEEN 0 AND 100000),
  rpo_hours integer CHECK (rpo_hours BETWEEN 0 AND 100000),
  fallback_site boolean,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS system_continuity_org ON system_continuity (organization_id);
--> statement-breakpoint
-- The organizations whose risks the user may read: those where the user is an editor or more, and
-- those the user reads that let readers see the register.
CREATE OR REPLACE FUNCTION veikart_risk_orgs() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT (SELECT veikart_orgs(2))::uuid[] || coalesce(array_agg(s.organization_id), '{}')
            FROM risk_settings s
           WHERE s.readers_see AND s.organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
END
$$;
--> statement-breakpoint
ALTER TABLE risk_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_settings TO veikart_app;
--> statement-breakpoint
CREATE POLICY risk_settings_select ON risk_settings FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_settings_insert ON risk_settings FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_settings_update ON risk_settings FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_settings_delete ON risk_settings FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER risk_settings_audit_insert AFTER INSERT ON risk_settings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risk_settings_audit_update AFTER UPDATE ON risk_settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risk_settings_audit_delete AFTER DELETE ON risk_settings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE risks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risks TO veikart_app;
--> statement-breakpoint
CREATE POLICY risks_select ON risks FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_risk_orgs())::uuid[]));
--> statement-breakpoint
CREATE POLICY risks_insert ON risks FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY risks_update ON risks FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY risks_delete ON risks FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER risks_audit_insert AFTER INSERT ON risks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risks_audit_update AFTER UPDATE ON risks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risks_audit_delete AFTER DELETE ON risks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE risk_options ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_options TO veikart_app;
--> statement-breakpoint
CREATE POLICY risk_options_select ON risk_options FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_risk_orgs())::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_options_insert ON risk_options FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_options_update ON risk_options FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY risk_options_delete ON risk_options FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER risk_options_audit_insert AFTER INSERT ON risk_options REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risk_options_audit_update AFTER UPDATE ON risk_options REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER risk_options_audit_delete AFTER DELETE ON risk_options REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE security_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON security_documents TO veikart_app;
--> statement-breakpoint
CREATE POLICY security_documents_select ON security_documents FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_risk_orgs())::uuid[]));
--> statement-breakpoint
CREATE POLICY security_documents_insert ON security_documents FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY security_documents_update ON security_documents FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY security_documents_delete ON security_documents FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER security_documents_audit_insert AFTER INSERT ON security_documents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER security_documents_audit_update AFTER UPDATE ON security_documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER security_documents_audit_delete AFTER DELETE ON security_documents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
ALTER TABLE system_continuity ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON system_continuity TO veikart_app;
--> statement-breakpoint
CREATE POLICY system_continuity_select ON system_continuity FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR system_id = ANY ((SELECT veikart_shared_systems())::uuid[]));
--> statement-breakpoint
CREATE POLICY system_continuity_insert ON system_continuity FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_continuity_update ON system_continuity FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY system_continuity_delete ON system_continuity FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER system_continuity_audit_insert AFTER INSERT ON system_continuity REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_continuity_audit_update AFTER UPDATE ON system_continuity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER system_continuity_audit_delete AFTER DELETE ON system_continuity REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
