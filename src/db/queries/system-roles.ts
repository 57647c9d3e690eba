/** Roles on systems (owner, manager, super user, support lines), held by a person or a supplier. */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { systemRoles } from '../schema.ts';
import { uuids } from './common.ts';
import type { CreateSystemRole, RoleHolder, SystemRole } from '../../domain/portfolio.ts';

/** Contact details of people outside the asking user's organizations are shown only when marked public. */
const HOLDER_COLUMNS = sql`
  case when p.id is not null then 'person' else 'supplier' end as "holderKind",
  coalesce(p.id, sp.id) as "holderId", coalesce(p.name, sp.name) as "holderName", p.title as "holderTitle", p.unit as "holderUnit",
  case when p.id is null then sp.support_email when p.public_contact or p.organization_id = any((select veikart_orgs(1))::uuid[]) then p.email end as "holderEmail",
  case when p.id is null then sp.support_phone when p.public_contact or p.organization_id = any((select veikart_orgs(1))::uuid[]) then p.phone end as "holderPhone",
  sp.support_url as "holderUrl"`;

export interface RoleRow {
  id: string;
  systemId: string;
  role: SystemRole;
  organizationId: string;
  organizationName: string;
  systemOrgId: string;
  version: number;
  holderKind: 'person' | 'supplier';
  holderId: string;
  holderName: string;
  holderTitle: string | null;
  holderUnit: string | null;
  holderEmail: string | null;
  holderPhone: string | null;
  holderUrl: string | null;
}

export function holderOf(r: Pick<RoleRow, 'holderKind' | 'holderId' | 'holderName' | 'holderTitle' | 'holderUnit' | 'holderEmail' | 'holderPhone' | 'holderUrl'>): RoleHolder {
  return { kind: r.holderKind, id: r.holderId, name: r.holderName, title: r.holderTitle, unit: r.holderUnit, email: r.holderEmail, phone: r.holderPhone, url: r.holderUrl };
}

/** Roles on the systems, as the asking user may see them (row-level security filters the rest). */
export async function roleRows(tx: Tx, systemIds: readonly string[]): Promise<RoleRow[]> {
  if (systemIds.length === 0) return [];
  return queryRows<RoleRow>(
    tx,
    sql`select r.id, r.system_id as "systemId", r.role, r.organization_id as "organizationId", o.name as "organizationName",
          r.system_org_id as "systemOrgId", r.version, ${HOLDER_COLUMNS}
        from system_roles r
        join organizations o on o.id = r.organization_id
        left join persons p on p.id = r.person_id
        left join suppliers sp on sp.id = r.supplier_id
        where r.system_id = any(${uuids(systemIds)})
          and (p.id is not null or sp.id is not null)
        order by array_position(array['system_owner','system_manager','super_user','support_first_line','support_second_line'], r.role),
          (r.organization_id = r.system_org_id) desc, o.name, coalesce(p.name, sp.name), r.id`,
  );
}

export async function addSystemRole(tx: Tx, organizationId: string, systemOrgId: string, systemId: string, input: CreateSystemRole): Promise<string> {
  const [row] = await tx
    .insert(systemRoles)
    .values({ organizationId, systemOrgId, systemId, role: input.role, personId: input.personId ?? null, supplierId: input.supplierId ?? null })
    .returning({ id: systemRoles.id });
  if (!row) throw new Error('insert system_roles returned no row');
  return row.id;
}

export async function deleteSystemRole(tx: Tx, organizationId: string, systemId: string, roleId: string): Promise<boolean> {
  const rows = await tx
    .delete(systemRoles)
    .where(and(eq(systemRoles.organizationId, organizationId), eq(systemRoles.systemId, systemId), eq(systemRoles.id, roleId)))
    .returning({ id: systemRoles.id });
  return rows.length === 1;
}
