/** "Hvem kontakter jeg?": the support route of the organization's systems (moved out of portfolio.ts for its length). */
import { sql } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { holderOf, roleRows, systemRows, uuids } from './portfolio.ts';
import type { RoleHolder, SupportRoute, SystemRole } from '../../domain/portfolio.ts';

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
    const mine = roles.filter((x) => x.systemId === r.id && x.organizationId === organizationId);
    const owners = roles.filter((x) => x.systemId === r.id && x.organizationId === x.systemOrgId);
    const pick = (role: SystemRole): RoleHolder[] => {
      const own = mine.filter((x) => x.role === role);
      return (own.length > 0 ? own : owners.filter((x) => x.role === role)).map(holderOf);
    };
    const supplier = (which: 'vendor' | 'operator'): RoleHolder | null => {
      const v = vendors.find((x) => x.systemId === r.id && x.which === which);
      return v ? { kind: 'supplier', id: v.id, name: v.name, title: null, unit: null, email: v.email, phone: v.phone, url: v.url } : null;
    };
    const superUsers = pick('super_user');
    const firstLine = pick('support_first_line');
    const secondLine = pick('support_second_line');
    const vendor = supplier('vendor');
    const operator = supplier('operator');
    // The support model municipalities use (Ringebu's "styringsmodell for IKT brukerstøtte"): the
    // superbruker is 1st line unless another is defined; 2nd line is the operator or the vendor.
    const suppliersAsSecond = [operator, vendor].filter((h, i, all): h is RoleHolder => h !== null && all.findIndex((o) => o?.id === h.id) === i);
    return {
      systemId: r.id,
      name: r.name,
      host: r.hostName === null ? null : { id: r.organizationId, name: r.hostName },
      lifecycle: r.lifecycle,
      criticality: r.criticality,
      superUsers,
      firstLine: firstLine.length > 0 ? firstLine : superUsers,
      firstLineIsSuperUsers: firstLine.length === 0 && superUsers.length > 0,
      secondLine: secondLine.length > 0 ? secondLine : suppliersAsSecond,
      secondLineIsSuppliers: secondLine.length === 0 && suppliersAsSecond.length > 0,
      systemOwner: pick('system_owner'),
      vendor,
      operator,
    };
  });
  return { data, total };
}
