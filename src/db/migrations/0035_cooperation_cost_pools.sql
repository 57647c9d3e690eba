-- A cooperation's cost key feeds the cost-sharing model (issue 15): a cost pool of the cooperation's
-- host can be shared among the cooperation's participants instead of the organization's owners.
--
-- cost_pools.cooperation_id names one of the host's own cooperations (the foreign key includes the
-- organization, so a pool can never name another organization's cooperation). The participants are
-- the cooperation's accepted members, and the host is one of them (0024 makes the host an accepted
-- member of its own cooperation): a 2K shares between all its kommuner, the host included.
-- Invited or declined members take no part. Deleting the cooperation deletes its pools.
--
-- A kommune that hosts a 2K seldom has imported ansvar accounts, so a pool may also have the basis
-- 'amount': an amount typed in (typed_amount), with neither ansvar nor system.
ALTER TABLE cost_pools ADD COLUMN cooperation_id uuid;
--> statement-breakpoint
ALTER TABLE cost_pools ADD CONSTRAINT cost_pools_cooperation_fk FOREIGN KEY (cooperation_id, organization_id) REFERENCES cooperations (id, organization_id) ON DELETE CASCADE;
--> statement-breakpoint
CREATE INDEX cost_pools_cooperation ON cost_pools (cooperation_id, year) WHERE cooperation_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE cost_pools DROP CONSTRAINT cost_pools_basis_check;
--> statement-breakpoint
ALTER TABLE cost_pools ADD CONSTRAINT cost_pools_basis_check CHECK ("basis" IN ('budget', 'actual', 'deviation', 'system', 'amount'));
--> statement-breakpoint
ALTER TABLE cost_pools DROP CONSTRAINT cost_pools_source;
--> statement-breakpoint
ALTER TABLE cost_pools ADD CONSTRAINT cost_pools_source CHECK (
  ("basis" IN ('system', 'amount')) = ("ansvar_id" IS NULL)
  AND ("basis" <> 'system' OR "system_id" IS NOT NULL)
  AND ("basis" <> 'amount' OR "typed_amount" IS NOT NULL));
--> statement-breakpoint
DROP FUNCTION IF EXISTS veikart_cost_pool_facts(uuid, integer);
--> statement-breakpoint
-- As in 0026, plus the cooperation pools: the pools of `org` itself (its staff); for an owner, the
-- pools of the organizations it owns that it takes part in (not their cooperation pools); and for
-- an accepted member of a cooperation, that cooperation's pools it takes part in, and nothing else
-- of the host. A cooperation pool's `owners` are the cooperation's accepted members (host included).
CREATE FUNCTION veikart_cost_pool_facts(org uuid, yr integer)
RETURNS TABLE (id uuid, organization_id uuid, organization_name text, name text, ansvar text, basis text, key text, metric text,
               owner_ids uuid[], percentages integer[], typed_amount bigint, budget bigint, actual bigint, printed_deviation bigint,
               contracts jsonb, weights jsonb, owners jsonb, cooperation_id uuid, cooperation_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  -- The app's requests run as the restricted role; the command line and the seed as the owner.
  IF current_setting('role', true) = 'veikart_app' AND NOT (org = ANY ((SELECT veikart_orgs(1))::uuid[])) THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT p.id, p.organization_id, o.name, p.name, a.number, p.basis, p.key, m.name,
         p.owner_ids, p.percentages, p.typed_amount, l.budget, l.actual, l.printed_deviation,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('startDate', k.start_date, 'endDate', k.end_date, 'yearlyCost', k.yearly_cost)), '[]')
            FROM contracts k WHERE p.basis = 'system' AND k.system_id = p.system_id AND k.organization_id = p.organization_id),
         CASE p.key
           WHEN 'metric' THEN (SELECT coalesce(jsonb_object_agg(v.subject_id::text, v.value), '{}') FROM statistic_values v
                                 WHERE v.metric_id = p.metric_id AND v.year = p.year AND v.month IS NULL)
           WHEN 'users' THEN (SELECT coalesce(jsonb_object_agg(s.member_id::text, coalesce(s.users, 0)), '{}') FROM system_shares s
                                WHERE s.system_id = p.system_id)
           ELSE '{}'::jsonb END,
         CASE WHEN p.cooperation_id IS NULL THEN
           (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationId', w.id, 'name', w.name, 'kommunenummer', w.kommunenummer, 'slug', w.slug)), '[]')
              FROM organization_owners oo JOIN organizations w ON w.id = oo.owner_id WHERE oo.organization_id = p.organization_id)
         ELSE
           (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationId', w.id, 'name', w.name, 'kommunenummer', w.kommunenummer, 'slug', w.slug)), '[]')
              FROM cooperation_members cm JOIN organizations w ON w.id = cm.member_id
             WHERE cm.cooperation_id = p.cooperation_id AND cm.state = 'accepted')
         END,
         p.cooperation_id, c.name
    FROM cost_pools p
    JOIN organizations o ON o.id = p.organization_id
    LEFT JOIN cooperations c ON c.id = p.cooperation_id
    LEFT JOIN ansvar a ON a.id = p.ansvar_id
    LEFT JOIN account_lines l ON l.ansvar_id = p.ansvar_id AND l.year = p.year
    LEFT JOIN metrics m ON m.id = p.metric_id
   WHERE p.year = yr
     AND (p.organization_id = org
          OR (p.cooperation_id IS NULL
              AND EXISTS (SELECT 1 FROM organization_owners x WHERE x.organization_id = p.organization_id AND x.owner_id = org)
              AND (p.owner_ids IS NULL OR org = ANY (p.owner_ids)))
          OR (p.cooperation_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM cooperation_members x WHERE x.cooperation_id = p.cooperation_id AND x.member_id = org AND x.state = 'accepted')
              AND (p.owner_ids IS NULL OR org = ANY (p.owner_ids))))
   ORDER BY o.name, a.number NULLS LAST, p.name, p.id;
END
$$;
