/** "Hvem kontakter jeg?": the support route of the organization's systems (the rule is supportRouteOf in domain). */
import { sql } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { uuids } from './common.ts';
import { holderOf, roleRows } from './system-roles.ts';
import { systemRows } from './system-list.ts';
import { supportRouteOf } from '../../domain/portfolio-overview.ts';
import type { RoleHolder, SupportRoute } from '../../domain/portfolio.ts';

/**
 * The support route of each system matching `q` by its name or a contact's (person, vendor,
 * operator); without `q`, every system, a page at a time. Three statements whatever the page.
 */
export async function supportRoutes(tx: Tx, organizationId: string, q: string | undefined, limit = 20, offset = 0): Promise<{ data: SupportRoute[]; total: number }> {
  const rows = await systemRows(tx, organizationId, { q, byContact: true, limit, offset });
  const total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0) return { data: [], total };
  const ids = rows.map((r) => r.id);
  const [roles, vendors] = await inTurn(
    () => roleRows(tx, ids),
    () => queryRows<{ systemId: string; which: 'vendor' | 'operator'; id: string; name: string; email: string | null; phone: string | null; url: string | null }>(
      tx,
      sql`select s.id as "systemId", w.which, sp.id, sp.name, sp.support_email as email, sp.support_phone as phone, sp.support_url as url
          from systems s cross join lateral (values ('vendor', s.vendor_id), ('operator', s.operator_id)) as w(which, supplier_id)
          join suppliers sp on sp.id = w.supplier_id
          where s.id = any(${uuids(ids)})`,
    ),
  );
  const data = rows.map((r): SupportRoute => {
    const supplier = (which: 'vendor' | 'operator'): RoleHolder | null => {
      const v = vendors.find((x) => x.systemId === r.id && x.which === which);
      return v ? { kind: 'supplier', id: v.id, name: v.name, title: null, unit: null, email: v.email, phone: v.phone, url: v.url } : null;
    };
    const roleList = roles
      .filter((x) => x.systemId === r.id && (x.organizationId === organizationId || x.organizationId === x.systemOrgId))
      .map((x) => ({ role: x.role, organizationId: x.organizationId, systemOrgId: x.systemOrgId, holder: holderOf(x) }));
    return supportRouteOf(
      organizationId,
      {
        systemId: r.id,
        name: r.name,
        host: r.hostName === null ? null : { id: r.organizationId, name: r.hostName },
        lifecycle: r.lifecycle,
        criticality: r.criticality,
      },
      roleList,
      supplier('vendor'),
      supplier('operator'),
    );
  });
  return { data, total };
}
