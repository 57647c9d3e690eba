-- Statistics about a cooperation's members (issue 15): a cooperation's cost pool with the key
-- måltall (the default for the cost keys innbyggere and forbruk) weighs each participant by its value
-- of a metric for the year. The host records those values, so a statistic may now be about the
-- organization itself, one of its owners (0026) or an ACCEPTED member of a cooperation it hosts.
-- Invited and declined members are no subjects. cooperation_members.organization_id is the host.
CREATE OR REPLACE FUNCTION veikart_is_subject(org uuid, subject uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN org = subject
    OR EXISTS (SELECT 1 FROM organization_owners o WHERE o.organization_id = org AND o.owner_id = subject)
    OR EXISTS (SELECT 1 FROM cooperation_members m WHERE m.organization_id = org AND m.member_id = subject AND m.state = 'accepted');
END
$$;
--> statement-breakpoint
-- The hosts of the cooperations the user's organizations are accepted members of.
CREATE OR REPLACE FUNCTION veikart_member_hosts() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT cm.organization_id), '{}') FROM cooperation_members cm
          WHERE cm.member_id = ANY ((SELECT veikart_orgs(1))::uuid[]) AND cm.state = 'accepted');
END
$$;
--> statement-breakpoint
-- As an owner reads the values an IKS keeps about it (0026), an accepted member reads the values
-- the host keeps about the member itself; never another member's, nor the host's own.
DROP POLICY IF EXISTS statistic_values_select ON statistic_values;
--> statement-breakpoint
CREATE POLICY statistic_values_select ON statistic_values FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR (subject_id = ANY ((SELECT veikart_orgs(1))::uuid[])
      AND (organization_id = ANY ((SELECT veikart_owned_orgs())::uuid[])
           OR organization_id = ANY ((SELECT veikart_member_hosts())::uuid[]))));
--> statement-breakpoint
-- A member reads the names of the host's metrics that have a value about the member (the host's
-- other metrics stay the host's); an owner reads its IKS's metrics as before.
DROP POLICY IF EXISTS metrics_select ON metrics;
--> statement-breakpoint
CREATE POLICY metrics_select ON metrics FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR organization_id = ANY ((SELECT veikart_owned_orgs())::uuid[])
  OR (organization_id = ANY ((SELECT veikart_member_hosts())::uuid[])
      AND EXISTS (SELECT 1 FROM statistic_values v
                   WHERE v.metric_id = metrics.id AND v.organization_id = metrics.organization_id
                     AND v.subject_id = ANY ((SELECT veikart_orgs(1))::uuid[]))));
