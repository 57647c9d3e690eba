/**
 * The global search: one statement, a `union all` of one prefix query per type, each limited, over
 * the organizations the user may read (veikart_orgs(1)); row-level security filters it again.
 * A hit matches when its name starts with the text or any word in it does (case-insensitive,
 * Norwegian letters included); name prefixes sort first. A system another organization shares with one of
 * the user's organizations is found too, once, under the (first) organization it is shared with, unless the
 * user also reads the host, where it is found as the host's own.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { likePrefix, searchPath, SEARCH_LIMIT_PER_TYPE, wordStartPattern, type SearchHit, type SearchType } from '../../domain/search.ts';

interface Row {
  type: SearchType;
  id: string;
  name: string;
  detail: string | null;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  revisionId: string | null;
}

export function searchStatement(q: string, limit = SEARCH_LIMIT_PER_TYPE): SQL {
  const prefix = likePrefix(q);
  const word = wordStartPattern(q);
  const match = (column: SQL) => sql`(lower(${column}) like ${prefix} or ${column} ~* ${word})`;
  const order = (column: SQL) => sql`order by (lower(${column}) like ${prefix}) desc, lower(${column}), 2 limit ${limit}`;
  return sql`with orgs as (select o.id, o.name, o.slug from organizations o where o.id = any (veikart_orgs(1)))
    (select 'system'::text as type, s.id, s.name, v.name as detail, o.id as "organizationId", o.name as "organizationName", o.slug as "organizationSlug", null::uuid as "revisionId"
       from systems s join orgs o on o.id = s.organization_id left join suppliers v on v.id = s.vendor_id
      where ${match(sql`s.name`)} ${order(sql`s.name`)})
    union all
    (select distinct on (lower(s.name), s.id) 'system', s.id, s.name, v.name, o.id, o.name, o.slug, null
       from systems s join orgs o on o.id = any (s.shared_with) left join suppliers v on v.id = s.vendor_id
      where s.shared_with && array(select id from orgs) and s.organization_id <> all (select id from orgs) and ${match(sql`s.name`)}
      order by lower(s.name), s.id, o.name limit ${limit})
    union all
    (select 'person', p.id, p.name, coalesce(p.title, p.unit), o.id, o.name, o.slug, null
       from persons p join orgs o on o.id = p.organization_id
      where ${match(sql`p.name`)} ${order(sql`p.name`)})
    union all
    (select 'supplier', v.id, v.name, v.organization_number, o.id, o.name, o.slug, null
       from suppliers v join orgs o on o.id = v.organization_id
      where ${match(sql`v.name`)} ${order(sql`v.name`)})
    union all
    (select 'contract', k.id, k.title, coalesce(ks.name, kv.name), o.id, o.name, o.slug, null
       from contracts k join orgs o on o.id = k.organization_id
       left join systems ks on ks.id = k.system_id left join suppliers kv on kv.id = k.supplier_id
      where ${match(sql`k.title`)} ${order(sql`k.title`)})
    union all
    (select 'measure', m.id, m.title, concat_ws(' · ', m.number, pp.name), o.id, o.name, o.slug, m.revision_id
       from measures m join orgs o on o.id = m.organization_id
       join plan_revisions r on r.id = m.revision_id join plan_periods pp on pp.id = r.period_id
      where r.number = (select max(r2.number) from plan_revisions r2 where r2.period_id = r.period_id)
        and ${match(sql`m.title`)} ${order(sql`m.title`)})
    union all
    (select 'site', st.id, st.name, st.provider, o.id, o.name, o.slug, null
       from sites st join orgs o on o.id = st.organization_id
      where ${match(sql`st.name`)} ${order(sql`st.name`)})`;
}

/** Hits of every type for `q` (at least two characters, checked by the route) in the user's organizations. */
export async function search(tx: Tx, q: string, limit = SEARCH_LIMIT_PER_TYPE): Promise<SearchHit[]> {
  const rows = await queryRows<Row>(tx, searchStatement(q, limit));
  return rows.map(({ revisionId, ...r }) => ({ ...r, path: searchPath(r.type, r.organizationSlug, r.id, r.name, revisionId) }));
}
