-- Utstyr (issue 17): equipment classes per organization (default lifetime and unit price), groups
-- of equipment, and the link from a class to the action-plan measures generated from its
-- replacement forecast (by the measure's lineage, so the link survives a new revision's copy).
CREATE TABLE IF NOT EXISTS asset_classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  lifetime integer CHECK (lifetime BETWEEN 1 AND 50),
  unit_price bigint CHECK (unit_price BETWEEN 0 AND 100000000000),
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS asset_classes_org_name ON asset_classes (organization_id, lower(name));
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS asset_classes_id_org ON asset_classes (id, organization_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS sites_id_org ON sites (id, organization_id);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS asset_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  class_id uuid NOT NULL,
  description text,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  purchase_year integer NOT NULL CHECK (purchase_year BETWEEN 1950 AND 2200),
  lifetime integer CHECK (lifetime BETWEEN 1 AND 50),
  unit_price bigint CHECK (unit_price BETWEEN 0 AND 100000000000),
  site_id uuid,
  system_id uuid REFERENCES systems (id) ON DELETE SET NULL,
  note text,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  -- The class and the site are the group's own organization's.
  CONSTRAINT asset_groups_class_fk FOREIGN KEY (class_id, organization_id) REFERENCES asset_classes (id, organization_id),
  CONSTRAINT asset_groups_site_fk FOREIGN KEY (site_id, organization_id) REFERENCES sites (id, organization_id) ON DELETE SET NULL (site_id)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS asset_groups_org ON asset_groups (organization_id, class_id, purchase_year);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS asset_groups_site ON asset_groups (site_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS asset_groups_system ON asset_groups (system_id);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS asset_class_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  class_id uuid NOT NULL,
  lineage_id uuid NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT asset_class_measures_class_fk FOREIGN KEY (class_id, organization_id) REFERENCES asset_classes (id, organization_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS asset_class_measures_pair ON asset_class_measures (class_id, lineage_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS asset_class_measures_org ON asset_class_measures (organization_id);
--> statement-breakpoint
ALTER TABLE asset_classes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE asset_groups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE asset_class_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON asset_classes TO veikart_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON asset_groups TO veikart_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON asset_class_measures TO veikart_app;
--> statement-breakpoint
CREATE POLICY asset_classes_select ON asset_classes FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_classes_insert ON asset_classes FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_classes_update ON asset_classes FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_classes_delete ON asset_classes FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_groups_select ON asset_groups FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_groups_insert ON asset_groups FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_groups_update ON asset_groups FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_groups_delete ON asset_groups FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_class_measures_select ON asset_class_measures FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_class_measures_insert ON asset_class_measures FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY asset_class_measures_delete ON asset_class_measures FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER asset_classes_audit_insert AFTER INSERT ON asset_classes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_classes_audit_update AFTER UPDATE ON asset_classes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_classes_audit_delete AFTER DELETE ON asset_classes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_groups_audit_insert AFTER INSERT ON asset_groups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_groups_audit_update AFTER UPDATE ON asset_groups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_groups_audit_delete AFTER DELETE ON asset_groups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_class_measures_audit_insert AFTER INSERT ON asset_class_measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER asset_class_measures_audit_delete AFTER DELETE ON asset_class_measures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
-- The default classes (DEFAULT_ASSET_CLASSES in src/domain/asset.ts, where each value's source is
-- given; a test checks the two lists agree), for every organization, now and when it is created.
CREATE OR REPLACE FUNCTION veikart_default_asset_classes(org uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO asset_classes (organization_id, name, lifetime, unit_price)
  SELECT org, d.name, d.lifetime, d.unit_price
    FROM (VALUES
      ('PC', 4, 8500::bigint), ('Bærbar', 4, 8500::bigint), ('Nettbrett', NULL, NULL), ('Skjerm', NULL, 8500::bigint),
      ('Skriver', NULL, NULL), ('IP-telefon', NULL, NULL), ('Server', 4, NULL), ('Lagring/SAN', NULL, NULL),
      ('Switch', NULL, NULL), ('Brannmur', NULL, NULL), ('Trådløst aksesspunkt', NULL, NULL), ('Radiolink', NULL, NULL),
      ('Infoskjerm', NULL, NULL), ('Annet', NULL, NULL)
    ) AS d (name, lifetime, unit_price)
   WHERE NOT EXISTS (SELECT 1 FROM asset_classes c WHERE c.organization_id = org AND lower(c.name) = lower(d.name));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_new_org_asset_classes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM veikart_default_asset_classes(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_asset_classes AFTER INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION veikart_new_org_asset_classes();
--> statement-breakpoint
SELECT veikart_default_asset_classes(id) FROM organizations;
