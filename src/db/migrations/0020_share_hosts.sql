-- The hosts that share systems with the user's organizations (for the suppliers and cooperations
-- policies) by a loose index scan: one index probe per host and member organization instead of
-- reading every share row and sorting them. Same result as 0018. Measured (PostgreSQL 15, uncached
-- call): owner kommune with 300 shared systems 0.17-0.22 ms -> 0.02 ms; a kommune with no shares
-- 0.14 -> 0.02 ms; IKS staff (the IKS and six owners) 0.16 -> 0.05 ms.
CREATE OR REPLACE FUNCTION veikart_shares(part integer) RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  who text := coalesce(current_setting('veikart.user_id', true), '');
  setting text := CASE WHEN part = 1 THEN 'veikart.share_hosts' ELSE 'veikart.share_ids' END;
  cached text := coalesce(current_setting(setting, true), '');
  orgs uuid[];
  result uuid[];
BEGIN
  IF cached <> '' AND split_part(cached, '|', 1) = who THEN
    RETURN split_part(cached, '|', 2)::uuid[];
  END IF;
  orgs := veikart_orgs(1);
  -- Systems of the user's own organizations are left out, as in 0016.
  IF part = 1 THEN
    WITH RECURSIVE walk(member, host) AS (
      SELECT o.member, (SELECT x.organization_id FROM system_shares x WHERE x.member_id = o.member ORDER BY x.organization_id LIMIT 1)
        FROM unnest(orgs) AS o(member)
      UNION ALL
      SELECT w.member, (SELECT x.organization_id FROM system_shares x WHERE x.member_id = w.member AND x.organization_id > w.host ORDER BY x.organization_id LIMIT 1)
        FROM walk w WHERE w.host IS NOT NULL
    )
    SELECT coalesce(array_agg(DISTINCT w.host) FILTER (WHERE NOT w.host = ANY (orgs)), '{}') INTO result FROM walk w WHERE w.host IS NOT NULL;
  ELSE
    SELECT coalesce(array_agg(DISTINCT s.system_id), '{}') INTO result FROM system_shares s
     WHERE s.member_id = ANY (orgs) AND NOT s.organization_id = ANY (orgs);
  END IF;
  PERFORM set_config(setting, who || '|' || result::text, true);
  RETURN result;
END
$$;
