-- A member records its own use of a shared system (its number of users) on its share row.
CREATE POLICY system_shares_update_member ON system_shares FOR UPDATE TO veikart_app
  USING (member_id = ANY ((SELECT veikart_orgs(2))::uuid[]))
  WITH CHECK (member_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
--> statement-breakpoint
-- Only the use may change on a share row: moving it to another system or member is a new share.
REVOKE UPDATE ON system_shares FROM veikart_app;
--> statement-breakpoint
GRANT UPDATE (users, version) ON system_shares TO veikart_app;
