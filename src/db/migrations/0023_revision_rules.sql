-- Revisions must not mislead (issue 14).
--
-- 1. At most one published revision per organization (innsyn shows one plan). Existing data: keep
--    only the newest publication of each organization.
DELETE FROM publications p
WHERE EXISTS (
  SELECT 1 FROM publications q
  WHERE q.organization_id = p.organization_id
    AND (q.published_at > p.published_at OR (q.published_at = p.published_at AND q.id > p.id))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "publications_one_per_org" ON "publications" USING btree ("organization_id");
--> statement-breakpoint
-- 2 and 3. Adopting: never an older draft after a newer adopted revision of the period, never with
--    an adoption date before the period's first year minus 2, before the adoption of the revision
--    in force, or without date and decision reference. (A date after today is refused by the API,
--    which knows the application's "today"; the database keeps no clock rule.)
CREATE OR REPLACE FUNCTION veikart_check_adoption() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  first_year integer;
  newer integer;
  latest date;
BEGIN
  IF NEW.status <> 'adopted' OR (TG_OP = 'UPDATE' AND OLD.status = 'adopted') THEN
    RETURN NEW;
  END IF;
  IF NEW.adopted_date IS NULL OR NEW.decision_ref IS NULL OR btrim(NEW.decision_ref) = '' THEN
    RAISE EXCEPTION 'an adopted revision needs adoption date and decision reference' USING ERRCODE = 'VK003';
  END IF;
  SELECT start_year INTO first_year FROM plan_periods WHERE id = NEW.period_id;
  IF NEW.adopted_date < make_date(first_year - 2, 1, 1) THEN
    RAISE EXCEPTION 'adoption date % is before the period could be decided', NEW.adopted_date USING ERRCODE = 'VK003';
  END IF;
  SELECT max(number), max(adopted_date) INTO newer, latest FROM plan_revisions
  WHERE period_id = NEW.period_id AND status = 'adopted' AND id <> NEW.id;
  IF newer IS NOT NULL AND newer > NEW.number THEN
    RAISE EXCEPTION 'revision % of the period is adopted and newer', newer USING ERRCODE = 'VK002';
  END IF;
  IF latest IS NOT NULL AND NEW.adopted_date < latest THEN
    RAISE EXCEPTION 'adoption date % is before the adoption of the revision in force', NEW.adopted_date USING ERRCODE = 'VK003';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER plan_revisions_check_adoption BEFORE INSERT OR UPDATE ON plan_revisions FOR EACH ROW EXECUTE FUNCTION veikart_check_adoption();
--> statement-breakpoint
-- 4. Measure numbers are unique within a revision. Existing duplicates (after the first, by
--    creation) get " (2)", " (3)", … so that nothing is lost and the editor sees what to fix.
--    The guard against changing adopted revisions is lifted for this one statement (still audited).
ALTER TABLE measures DISABLE TRIGGER measures_guard_update;
--> statement-breakpoint
UPDATE measures m SET number = d.number || ' (' || d.n || ')'
FROM (
  SELECT id, number, row_number() OVER (PARTITION BY revision_id, number ORDER BY created_at, id) AS n
  FROM measures WHERE number IS NOT NULL
) d
WHERE d.id = m.id AND d.n > 1;
--> statement-breakpoint
ALTER TABLE measures ENABLE TRIGGER measures_guard_update;
--> statement-breakpoint
CREATE UNIQUE INDEX "measures_revision_number" ON "measures" USING btree ("revision_id", "number") WHERE "number" IS NOT NULL;
--> statement-breakpoint
-- 4. A negative amount only as an explicit saving (innsparing). Existing negative lines are savings.
ALTER TABLE cost_lines ADD COLUMN "saving" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE cost_lines DISABLE TRIGGER cost_lines_guard_update;
--> statement-breakpoint
UPDATE cost_lines SET saving = true WHERE coalesce(amount, unit_price) < 0;
--> statement-breakpoint
ALTER TABLE cost_lines ENABLE TRIGGER cost_lines_guard_update;
--> statement-breakpoint
ALTER TABLE cost_lines ADD CONSTRAINT "cost_lines_saving_sign" CHECK (saving = (coalesce(amount, unit_price) < 0));
