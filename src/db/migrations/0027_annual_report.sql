-- The annual report (årsmelding, issue 15 part B).
--
-- 1. A result text per measure: what came of it in the year. Like every other field of a measure it
--    is written only in a draft revision (the guard triggers of 0003/0004 keep adopted revisions
--    read-only) and is copied with the revision.
ALTER TABLE measures ADD COLUMN IF NOT EXISTS result text;
--> statement-breakpoint
-- 2. The year's introduction (and an optional title) per organization and year.
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
	"year" integer NOT NULL,
	"title" text,
	"introduction" text NOT NULL DEFAULT '',
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_reports_year_range" CHECK ("year" BETWEEN 1900 AND 2200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_org_year" ON "annual_reports" USING btree ("organization_id", "year");
--> statement-breakpoint
ALTER TABLE annual_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON annual_reports TO veikart_app;
--> statement-breakpoint
CREATE POLICY annual_reports_select ON annual_reports FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY annual_reports_insert ON annual_reports FOR INSERT TO veikart_app WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY annual_reports_update ON annual_reports FOR UPDATE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE POLICY annual_reports_delete ON annual_reports FOR DELETE TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER annual_reports_audit_insert AFTER INSERT ON annual_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER annual_reports_audit_update AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER annual_reports_audit_delete AFTER DELETE ON annual_reports REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
