-- The IKS year (issue 15): statistics (metrics and their values per owner and year), accounts per
-- ansvar, and cost pools shared between the owners. Every row belongs to an organization (the IKS,
-- or any organization that keeps its own figures) and is isolated by row-level security like the
-- portfolio (0008): staff of the organization read (rank 1) and edit (rank 2).
--
-- Owners read two things of an IKS they own, and nothing else of its accounts:
--  * the statistic values about themselves (statistic_values.subject_id), with the metrics' names;
--  * the cost pools they take part in, through veikart_cost_pool_facts() below, which returns what
--    computing the shares needs. The API hands an owner only its own line of each pool.
-- Deviations and sums are derived: account_lines holds budget and accounts, or only the printed
-- deviation when the source printed nothing else (the check below), never both.
CREATE TABLE "metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"name" text NOT NULL,
	"unit" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_org_name" ON "metrics" ("organization_id", lower("name"));
--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_id_org" ON "metrics" ("id", "organization_id");
--> statement-breakpoint
CREATE TABLE "statistic_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"metric_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"year" smallint NOT NULL CHECK ("year" BETWEEN 1900 AND 2200),
	"month" smallint CHECK ("month" BETWEEN 1 AND 12),
	"value" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistic_values_metric_fk" FOREIGN KEY ("metric_id", "organization_id") REFERENCES metrics ("id", "organization_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX "statistic_values_key" ON "statistic_values" ("metric_id", "subject_id", "year", coalesce("month", 0));
--> statement-breakpoint
CREATE INDEX "statistic_values_org_year" ON "statistic_values" ("organization_id", "year");
--> statement-breakpoint
CREATE INDEX "statistic_values_subject" ON "statistic_values" ("subject_id", "year");
--> statement-breakpoint
CREATE TABLE "ansvar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ansvar_org_number" ON "ansvar" ("organization_id", "number");
--> statement-breakpoint
CREATE UNIQUE INDEX "ansvar_id_org" ON "ansvar" ("id", "organization_id");
--> statement-breakpoint
CREATE TABLE "account_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"ansvar_id" uuid NOT NULL,
	"year" smallint NOT NULL CHECK ("year" BETWEEN 1900 AND 2200),
	"budget" bigint,
	"actual" bigint,
	"printed_deviation" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_lines_ansvar_fk" FOREIGN KEY ("ansvar_id", "organization_id") REFERENCES ansvar ("id", "organization_id") ON DELETE CASCADE,
	CONSTRAINT "account_lines_figures" CHECK (
		("budget" IS NOT NULL AND "actual" IS NOT NULL AND "printed_deviation" IS NULL)
		OR ("budget" IS NULL AND "actual" IS NULL AND "printed_deviation" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "account_lines_key" ON "account_lines" ("ansvar_id", "year");
--> statement-breakpoint
CREATE INDEX "account_lines_org_year" ON "account_lines" ("organization_id", "year");
--> statement-breakpoint
CREATE TABLE "cost_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	"year" smallint NOT NULL CHECK ("year" BETWEEN 1900 AND 2200),
	"name" text NOT NULL,
	"ansvar_id" uuid,
	"system_id" uuid REFERENCES systems(id) ON DELETE CASCADE,
	"basis" text NOT NULL CHECK ("basis" IN ('budget', 'actual', 'deviation', 'system')),
	"key" text NOT NULL CHECK ("key" IN ('equal', 'fixed', 'metric', 'users')),
	"metric_id" uuid,
	"owner_ids" uuid[],
	"percentages" integer[],
	"typed_amount" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_pools_ansvar_fk" FOREIGN KEY ("ansvar_id", "organization_id") REFERENCES ansvar ("id", "organization_id") ON DELETE CASCADE,
	CONSTRAINT "cost_pools_metric_fk" FOREIGN KEY ("metric_id", "organization_id") REFERENCES metrics ("id", "organization_id") ON DELETE CASCADE,
	CONSTRAINT "cost_pools_source" CHECK (("basis" = 'system') = ("ansvar_id" IS NULL) AND ("basis" <> 'system' OR "system_id" IS NOT NULL)),
	CONSTRAINT "cost_pools_metric" CHECK (("key" = 'metric') = ("metric_id" IS NOT NULL)),
	CONSTRAINT "cost_pools_users" CHECK ("key" <> 'users' OR "system_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "cost_pools_org_year" ON "cost_pools" ("organization_id", "year");
--> statement-breakpoint
-- The IKSs (and other organizations) that the user's organizations own.
CREATE OR REPLACE FUNCTION veikart_owned_orgs() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT o.organization_id), '{}') FROM organization_owners o
          WHERE o.owner_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
END
$$;
--> statement-breakpoint
-- A statistic is about the organization itself or one of its owners.
CREATE OR REPLACE FUNCTION veikart_is_subject(org uuid, subject uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN org = subject OR EXISTS (SELECT 1 FROM organization_owners o WHERE o.organization_id = org AND o.owner_id = subject);
END
$$;
--> statement-breakpoint
ALTER TABLE metrics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE statistic_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ansvar ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE account_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cost_pools ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON metrics, statistic_values, ansvar, account_lines, cost_pools TO veikart_app;
--> statement-breakpoint
CREATE POLICY metrics_select ON metrics FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR organization_id = ANY ((SELECT veikart_owned_orgs())::uuid[]));
--> statement-breakpoint
CREATE POLICY metrics_insert ON metrics FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY metrics_update ON metrics FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY metrics_delete ON metrics FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
-- An owner reads the values about itself (of the organizations it owns), never the other owners'.
CREATE POLICY statistic_values_select ON statistic_values FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR (subject_id = ANY ((SELECT veikart_orgs(1))::uuid[]) AND organization_id = ANY ((SELECT veikart_owned_orgs())::uuid[])));
--> statement-breakpoint
CREATE POLICY statistic_values_insert ON statistic_values FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]) AND veikart_is_subject(organization_id, subject_id));
--> statement-breakpoint
CREATE POLICY statistic_values_update ON statistic_values FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]) AND veikart_is_subject(organization_id, subject_id));
--> statement-breakpoint
CREATE POLICY statistic_values_delete ON statistic_values FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY ansvar_select ON ansvar FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY ansvar_insert ON ansvar FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY ansvar_update ON ansvar FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY ansvar_delete ON ansvar FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY account_lines_select ON account_lines FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY account_lines_insert ON account_lines FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY account_lines_update ON account_lines FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY account_lines_delete ON account_lines FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY cost_pools_select ON cost_pools FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY cost_pools_insert ON cost_pools FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY cost_pools_update ON cost_pools FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY cost_pools_delete ON cost_pools FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER metrics_audit_insert AFTER INSERT ON metrics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER metrics_audit_update AFTER UPDATE ON metrics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER metrics_audit_delete AFTER DELETE ON metrics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER statistic_values_audit_insert AFTER INSERT ON statistic_values REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER statistic_values_audit_update AFTER UPDATE ON statistic_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER statistic_values_audit_delete AFTER DELETE ON statistic_values REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER ansvar_audit_insert AFTER INSERT ON ansvar REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER ansvar_audit_update AFTER UPDATE ON ansvar REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER ansvar_audit_delete AFTER DELETE ON ansvar REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER account_lines_audit_insert AFTER INSERT ON account_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER account_lines_audit_update AFTER UPDATE ON account_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER account_lines_audit_delete AFTER DELETE ON account_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cost_pools_audit_insert AFTER INSERT ON cost_pools REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cost_pools_audit_update AFTER UPDATE ON cost_pools REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER cost_pools_audit_delete AFTER DELETE ON cost_pools REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
-- What computing the shares of cost pools needs, for `org` and `yr`: the pools of `org` itself
-- (its staff), or, when `org` is an owner, the pools of every organization it owns that it takes part
-- in. Per pool: its definition, the figures of its basis (budget/accounts/printed deviation, or the
-- system's contracts and a typed amount), the weights of its key per owner (metric values of the
-- year, or users recorded on the system's shares) and the owners. Amounts and shares are computed
-- by src/domain/cost-sharing.ts, not here. Only for a caller who reads `org` (or the owner role).
CREATE OR REPLACE FUNCTION veikart_cost_pool_facts(org uuid, yr integer)
RETURNS TABLE (id uuid, organization_id uuid, organization_name text, name text, ansvar text, basis text, key text, metric text,
               owner_ids uuid[], percentages integer[], typed_amount bigint, budget bigint, actual bigint, printed_deviation bigint,
               contracts jsonb, weights jsonb, owners jsonb)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  -- The app's requests run as the restricted role; the command line and the seed as the owner.
  IF current_setting('role', true) = 'veikart_app' AND NOT (org = ANY ((SELECT veikart_orgs(1))::uuid[])) THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT p.id, p.organization_id, o.name, p.name, a.number, p.basis, p.key, m.name,
         p.owner_ids, p.percentages, p.typed_amount, l.budget, l.actual, l.printed_deviation,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('startDate', k.start_date, 'endDate', k.end_date, 'yearlyCost', k.yearly_cost)), '[]')
            FROM contracts k WHERE p.basis = 'system' AND k.system_id = p.system_id AND k.organization_id = p.organization_id),
         CASE p.key
           WHEN 'metric' THEN (SELECT coalesce(jsonb_object_agg(v.subject_id::text, v.value), '{}') FROM statistic_values v
                                 WHERE v.metric_id = p.metric_id AND v.year = p.year AND v.month IS NULL)
           WHEN 'users' THEN (SELECT coalesce(jsonb_object_agg(s.member_id::text, coalesce(s.users, 0)), '{}') FROM system_shares s
                                WHERE s.system_id = p.system_id)
           ELSE '{}'::jsonb END,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationId', w.id, 'name', w.name, 'kommunenummer', w.kommunenummer, 'slug', w.slug)), '[]')
            FROM organization_owners oo JOIN organizations w ON w.id = oo.owner_id WHERE oo.organization_id = p.organization_id)
    FROM cost_pools p
    JOIN organizations o ON o.id = p.organization_id
    LEFT JOIN ansvar a ON a.id = p.ansvar_id
    LEFT JOIN account_lines l ON l.ansvar_id = p.ansvar_id AND l.year = p.year
    LEFT JOIN metrics m ON m.id = p.metric_id
   WHERE p.year = yr
     AND (p.organization_id = org
          OR (EXISTS (SELECT 1 FROM organization_owners x WHERE x.organization_id = p.organization_id AND x.owner_id = org)
              AND (p.owner_ids IS NULL OR org = ANY (p.owner_ids))))
   ORDER BY o.name, a.number NULLS LAST, p.name, p.id;
END
$$;
