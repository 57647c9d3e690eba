ALTER TABLE publications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON publications TO veikart_app;
--> statement-breakpoint
CREATE POLICY publications_select ON publications FOR SELECT TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
--> statement-breakpoint
CREATE POLICY publications_write ON publications FOR ALL TO veikart_app USING (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[])) WITH CHECK (organization_id = ANY ((SELECT veikart_orgs(3))::uuid[]));
--> statement-breakpoint
CREATE TRIGGER publications_audit_insert AFTER INSERT ON publications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
--> statement-breakpoint
CREATE TRIGGER publications_audit_delete AFTER DELETE ON publications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_audit_statement('organization_id');
