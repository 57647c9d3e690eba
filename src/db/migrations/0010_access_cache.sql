-- Access of the signed-in user, computed once per transaction instead of once per policy
-- reference. Every row-level-security policy reads veikart_orgs(); each call ran veikart_access()
-- again (0.5-1 ms, several times per statement: see BENCHMARKS.md). The three arrays are kept in
-- the transaction-local setting veikart.access_cache, keyed by the user id, and cleared by
-- statement triggers whenever memberships, IKS owners, organizations or users change, so a change
-- made earlier in the same transaction is seen by the next statement.
CREATE OR REPLACE FUNCTION veikart_orgs(min_rank integer) RETURNS uuid[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
  who text := coalesce(current_setting('veikart.user_id', true), '');
  cached text := coalesce(current_setting('veikart.access_cache', true), '');
  r1 uuid[];
  r2 uuid[];
  r3 uuid[];
BEGIN
  IF cached <> '' AND split_part(cached, '|', 1) = who THEN
    RETURN split_part(cached, '|', 1 + least(greatest(min_rank, 1), 3))::uuid[];
  END IF;
  SELECT coalesce(array_agg(a.organization_id) FILTER (WHERE a.rank >= 1), '{}'),
         coalesce(array_agg(a.organization_id) FILTER (WHERE a.rank >= 2), '{}'),
         coalesce(array_agg(a.organization_id) FILTER (WHERE a.rank >= 3), '{}')
    INTO r1, r2, r3
    FROM public.veikart_access() a;
  PERFORM set_config('veikart.access_cache', who || '|' || r1::text || '|' || r2::text || '|' || r3::text, true);
  RETURN CASE WHEN min_rank <= 1 THEN r1 WHEN min_rank = 2 THEN r2 ELSE r3 END;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_forget_access() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('veikart.access_cache', '', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_forget_access AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION veikart_forget_access();
--> statement-breakpoint
CREATE TRIGGER organization_owners_forget_access AFTER INSERT OR UPDATE OR DELETE ON organization_owners FOR EACH STATEMENT EXECUTE FUNCTION veikart_forget_access();
--> statement-breakpoint
CREATE TRIGGER organizations_forget_access AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION veikart_forget_access();
--> statement-breakpoint
CREATE TRIGGER users_forget_access AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION veikart_forget_access();
--> statement-breakpoint
-- Every call of an access function inside these is a scalar subquery (one InitPlan per statement,
-- not one call per row). Same semantics as in 0008.
CREATE OR REPLACE FUNCTION veikart_shared_systems() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT s.system_id), '{}') FROM system_shares s WHERE s.member_id = ANY ((SELECT veikart_orgs(1))::uuid[])
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_shared_hosts() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT s.organization_id), '{}') FROM system_shares s WHERE s.member_id = ANY ((SELECT veikart_orgs(1))::uuid[])
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_visible_role_persons() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT r.person_id), '{}') FROM system_roles r
  WHERE r.person_id IS NOT NULL
    AND (r.system_org_id = ANY ((SELECT veikart_orgs(1))::uuid[])
         OR (r.organization_id = r.system_org_id AND r.system_id = ANY ((SELECT veikart_shared_systems())::uuid[])))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_system_quality_facts(ids uuid[])
RETURNS TABLE (system_id uuid, roles jsonb, contracts jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.id,
    (SELECT jsonb_agg(r.role) FROM system_roles r WHERE r.system_id = s.id),
    (SELECT jsonb_agg(jsonb_build_object('type', k.type, 'startDate', k.start_date, 'endDate', k.end_date))
       FROM contracts k WHERE k.system_id = s.id AND k.organization_id = s.organization_id)
  FROM systems s
  WHERE s.id = ANY (ids)
    AND (s.organization_id = ANY ((SELECT veikart_orgs(1))::uuid[]) OR s.id = ANY ((SELECT veikart_shared_systems())::uuid[]))
$$;
