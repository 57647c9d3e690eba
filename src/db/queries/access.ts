/** What the current user may open: one SQL function (`veikart_access`) feeds both API and RLS. */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../database.ts';
import type { AccessibleOrganization } from '../../domain/organization.ts';
import { abilitiesFor, type Role } from '../../domain/roles.ts';

const ROLE_BY_RANK: Record<number, Role> = { 1: 'reader', 2: 'editor', 3: 'admin' };

interface AccessRow {
  id: string;
  slug: string;
  name: string;
  kind: AccessibleOrganization['kind'];
  kommunenummer: string | null;
  language: AccessibleOrganization['language'];
  rank: number;
  via_id: string | null;
  via_name: string | null;
}

export async function accessibleOrganizations(tx: Tx, systemAdmin: boolean): Promise<AccessibleOrganization[]> {
  const rows = await queryRows<AccessRow>(tx, sql`
    select o.id, o.slug, o.name, o.kind, o.kommunenummer, o.language, a.rank, v.id as via_id, v.name as via_name
    from veikart_access() a
    join organizations o on o.id = a.organization_id
    left join organizations v on v.id = a.via
    order by a.via nulls first, o.name`);
  return rows.map((r) => {
    const role = ROLE_BY_RANK[Number(r.rank)] ?? 'reader';
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      kommunenummer: r.kommunenummer,
      language: r.language,
      role,
      via: r.via_id && r.via_name ? { id: r.via_id, name: r.via_name } : null,
      abilities: abilitiesFor({ systemAdmin, role }),
    };
  });
}

/** The current user's effective role in one organization, or null. */
export async function roleIn(tx: Tx, organizationId: string): Promise<Role | null> {
  // Through veikart_orgs(), which computes the access once per transaction (migration 0010), so the
  // row-level-security policies of the request's later statements reuse it.
  const rows = await queryRows<{ rank: number | null }>(
    tx,
    sql`select case when ${organizationId}::uuid = any(veikart_orgs(3)) then 3
                    when ${organizationId}::uuid = any(veikart_orgs(2)) then 2
                    when ${organizationId}::uuid = any(veikart_orgs(1)) then 1 end as rank`,
  );
  return roleOfRank(rows[0]?.rank ?? null);
}

/** The role of an access rank as `veikart_access()` and `veikart_act_as()` count them. */
export function roleOfRank(rank: number | null): Role | null {
  return rank === null ? null : (ROLE_BY_RANK[Number(rank)] ?? null);
}
