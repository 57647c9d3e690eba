-- The sort key of the system list, computed by PostgreSQL when a name is written instead of
-- lower(name) for every system the list sorts (450 for an owner kommune with the IKS's shared
-- systems). Generated, so it cannot disagree with the name. Measured (PostgreSQL 15, 50-row page,
-- one connection): 0.1 ms less database time per request for the owner kommune and the IKS.
ALTER TABLE systems ADD COLUMN IF NOT EXISTS name_key text GENERATED ALWAYS AS (lower(name)) STORED;
--> statement-breakpoint
-- Kept out of the system's history like the other derived columns.
DROP TRIGGER IF EXISTS systems_audit_insert ON systems;
--> statement-breakpoint
DROP TRIGGER IF EXISTS systems_audit_update ON systems;
--> statement-breakpoint
DROP TRIGGER IF EXISTS systems_audit_delete ON systems;
--> statement-breakpoint
CREATE TRIGGER systems_audit_insert AFTER INSERT ON systems REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id', 'shared_with,quality_roles,quality_contracts,name_key');
--> statement-breakpoint
CREATE TRIGGER systems_audit_update AFTER UPDATE ON systems REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id', 'shared_with,quality_roles,quality_contracts,name_key');
--> statement-breakpoint
CREATE TRIGGER systems_audit_delete AFTER DELETE ON systems REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id', 'shared_with,quality_roles,quality_contracts,name_key');
