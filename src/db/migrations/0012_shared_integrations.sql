-- Members of a shared system see the owner's integrations of that system (which systems and
-- national components it exchanges data with), not the owner's other integrations.
DROP POLICY IF EXISTS integrations_select ON integrations;
--> statement-breakpoint
CREATE POLICY integrations_select ON integrations FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR from_system_id = ANY ((SELECT veikart_shared_systems())::uuid[])
  OR to_system_id = ANY ((SELECT veikart_shared_systems())::uuid[])
);
