-- The access functions behind every row-level-security policy, in PL/pgSQL instead of SQL.
-- Same bodies and semantics as in 0001, 0008 and 0010. A non-inlinable SQL function plans its
-- body again on every call: with five policies in one list statement that was 0.3-0.5 ms of
-- planning per function and statement (EXPLAIN ANALYZE, BENCHMARKS.md). PL/pgSQL keeps the plan
-- of each statement in the session, so a call costs only its execution.
-- One fix in veikart_access: in 0001 the ORDER BY applied to the whole UNION, so DISTINCT ON could
-- keep a lower rank for an organization reached both directly and through an IKS; it now orders
-- within its branch and keeps the highest rank.
CREATE OR REPLACE FUNCTION veikart_access()
RETURNS TABLE (organization_id uuid, rank integer, via uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH me AS (
    SELECT u.id, u.system_admin FROM users u
    WHERE u.id = nullif(current_setting('veikart.user_id', true), '')::uuid AND NOT u.disabled
  ),
  direct AS (
    SELECT m.organization_id,
           CASE m.role WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END AS rank
    FROM memberships m JOIN me ON m.user_id = me.id
  ),
  via_iks AS (
    SELECT o.owner_id AS organization_id,
           LEAST(d.rank, CASE o.staff_access WHEN 'editor' THEN 2 WHEN 'reader' THEN 1 ELSE 0 END) AS rank,
           o.organization_id AS via
    FROM organization_owners o JOIN direct d ON d.organization_id = o.organization_id
  ),
  ranked AS (
    SELECT r0.organization_id, r0.rank, NULL::uuid AS via FROM direct r0
    UNION ALL
    SELECT v.organization_id, v.rank, v.via FROM via_iks v WHERE v.rank > 0
  )
  SELECT org.id, 3, NULL::uuid FROM organizations org JOIN me ON me.system_admin
  UNION ALL
  (SELECT DISTINCT ON (r.organization_id) r.organization_id, r.rank, r.via
   FROM ranked r
   WHERE NOT EXISTS (SELECT 1 FROM me WHERE me.system_admin)
   ORDER BY r.organization_id, r.rank DESC, r.via NULLS FIRST);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_member_cooperations() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT cm.cooperation_id), '{}') FROM cooperation_members cm
          WHERE cm.member_id = ANY ((SELECT veikart_orgs(1))::uuid[]));
END
$$;
--> statement-breakpoint
-- The systems shared with the user's organizations by other organizations, and their hosts, kept for the transaction
-- like veikart_orgs() (0010): key|hosts|systems in veikart.share_cache. Cleared when shares or
-- access change (triggers below and veikart_forget_access).
CREATE OR REPLACE FUNCTION veikart_shares(part integer) RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  who text := coalesce(current_setting('veikart.user_id', true), '');
  cached text := coalesce(current_setting('veikart.share_cache', true), '');
  hosts uuid[];
  ids uuid[];
BEGIN
  IF cached <> '' AND split_part(cached, '|', 1) = who THEN
    RETURN split_part(cached, '|', 1 + least(greatest(part, 1), 2))::uuid[];
  END IF;
  -- Systems of the user's own organizations are left out: they are visible anyway, and an IKS's
  -- staff with access to its owners would otherwise carry every shared system of the IKS here.
  SELECT coalesce(array_agg(DISTINCT s.organization_id), '{}'), coalesce(array_agg(DISTINCT s.system_id), '{}')
    INTO hosts, ids
    FROM system_shares s
   WHERE s.member_id = ANY ((SELECT veikart_orgs(1))::uuid[])
     AND NOT s.organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]);
  PERFORM set_config('veikart.share_cache', who || '|' || hosts::text || '|' || ids::text, true);
  RETURN CASE WHEN part = 1 THEN hosts ELSE ids END;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_shared_hosts() RETURNS uuid[]
LANGUAGE sql STABLE AS $$ SELECT veikart_shares(1) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_shared_systems() RETURNS uuid[]
LANGUAGE sql STABLE AS $$ SELECT veikart_shares(2) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_forget_access() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('veikart.access_cache', '', true);
  PERFORM set_config('veikart.share_cache', '', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_forget_shares() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('veikart.share_cache', '', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER system_shares_forget_shares AFTER INSERT OR UPDATE OR DELETE ON system_shares FOR EACH STATEMENT EXECUTE FUNCTION veikart_forget_shares();
--> statement-breakpoint
-- A shared system always belongs to its host (composite key of 0013), so "host is one of the
-- hosts and the id one of the shared ids" is the same rule as before. Written this way the
-- planner reads the systems of the user's organizations and hosts through the organization index
-- and checks the id as a filter (array_position is not indexable, on purpose), instead of looking
-- up every shared id in the primary key (1.2 ms for 300 shared systems).
DROP POLICY IF EXISTS systems_select ON systems;
--> statement-breakpoint
CREATE POLICY systems_select ON systems FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR (organization_id = ANY ((SELECT veikart_shared_hosts())::uuid[]) AND id IN (SELECT unnest(veikart_shared_systems())))
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_visible_role_persons() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT r.person_id), '{}') FROM system_roles r
          WHERE r.person_id IS NOT NULL
            AND (r.system_org_id = ANY ((SELECT veikart_orgs(1))::uuid[])
                 OR (r.organization_id = r.system_org_id AND r.system_id = ANY ((SELECT veikart_shared_systems())::uuid[]))));
END
$$;
--> statement-breakpoint
-- Role kinds as text[]: only the kinds the quality check asks about (systemeier, superbruker;
-- portfolio-quality.ts), each an index-only probe that stops at the first row. Contract facts
-- from a covering index, as json (building jsonb cost 0.3 ms more for 300 systems). For 300
-- systems about 2.5 ms instead of 5.4 ms (pgbench -M prepared).
DROP FUNCTION IF EXISTS veikart_system_quality_facts(uuid[]);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS system_roles_system_role ON system_roles (system_id, role);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS contracts_system_facts ON contracts (system_id) INCLUDE (organization_id, type, start_date, end_date);
--> statement-breakpoint
DROP INDEX IF EXISTS system_roles_system;
--> statement-breakpoint
DROP INDEX IF EXISTS contracts_system;
--> statement-breakpoint
CREATE FUNCTION veikart_system_quality_facts(ids uuid[])
RETURNS TABLE (system_id uuid, roles text[], contracts json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id,
    array_remove(ARRAY[
      CASE WHEN EXISTS (SELECT 1 FROM system_roles r WHERE r.system_id = s.id AND r.role = 'system_owner') THEN 'system_owner' END,
      CASE WHEN EXISTS (SELECT 1 FROM system_roles r WHERE r.system_id = s.id AND r.role = 'super_user') THEN 'super_user' END], NULL),
    (SELECT json_agg(json_build_object('type', k.type, 'startDate', k.start_date, 'endDate', k.end_date))
       FROM contracts k WHERE k.system_id = s.id AND k.organization_id = s.organization_id)
  FROM systems s
  WHERE s.id = ANY (ids)
    AND (s.organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR s.id = ANY ((SELECT veikart_shared_systems())::uuid[]));
END
$$;
--> statement-breakpoint
-- The first statement of every user transaction: sets the user and the restricted role, and
-- returns the user's rank in `org` (3 admin, 2 editor, 1 reader, null none) in the same round trip,
-- filling the access cache that the policies of the later statements read.
CREATE OR REPLACE FUNCTION veikart_act_as(user_id text, org uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r integer;
BEGIN
  PERFORM set_config('veikart.user_id', user_id, true);
  IF org IS NOT NULL THEN
    r := CASE WHEN org = ANY (veikart_orgs(3)) THEN 3 WHEN org = ANY (veikart_orgs(2)) THEN 2 WHEN org = ANY (veikart_orgs(1)) THEN 1 END;
  END IF;
  PERFORM set_config('role', 'veikart_app', true);
  -- Prepared statements of user transactions reuse one generic plan from the first run: the
  -- policies make planning cost 1 ms for the system list, and the plans do not depend on the
  -- parameter values (organization ids, page size).
  PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
  RETURN r;
END
$$;
--> statement-breakpoint
-- A read request's session lookup in the same first statement: the session (by the hash of its
-- cookie token, unexpired, user not disabled), then veikart_act_as for its user. Without a valid
-- session no row comes back and the transaction still runs as veikart_app with no user, so row-level
-- security shows nothing. Runs as the connection's owner role before the switch (it reads sessions).
CREATE OR REPLACE FUNCTION veikart_act_as_session(token_hash text, org uuid)
RETURNS TABLE (session_id text, csrf_token text, user_id uuid, username text, display_name text, email text, system_admin boolean, rank integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s record;
BEGIN
  SELECT x.id AS sid, x.csrf_token AS csrf, u.id AS uid, u.username AS uname, u.display_name AS dname, u.email AS mail, u.system_admin AS admin
    INTO s
    FROM sessions x JOIN users u ON u.id = x.user_id
   WHERE x.id = token_hash AND x.expires_at > now() AND NOT u.disabled;
  IF NOT FOUND THEN
    PERFORM set_config('veikart.user_id', '', true);
    PERFORM set_config('role', 'veikart_app', true);
    RETURN;
  END IF;
  session_id := s.sid;
  csrf_token := s.csrf;
  user_id := s.uid;
  username := s.uname;
  display_name := s.dname;
  email := s.mail;
  system_admin := s.admin;
  rank := veikart_act_as(s.uid::text, org);
  RETURN NEXT;
END
$$;
