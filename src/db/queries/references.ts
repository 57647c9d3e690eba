/** Whether the ids a write refers to are the organization's to use. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import type { FieldError } from '../../domain/validation.ts';

/**
 * Which of the referenced ids are not usable by the organization, as field errors. One query.
 * Vendors, operators and replacements must be the organization's own; a cooperation must be one it
 * hosts or belongs to; systems in integrations and contracts may also be shared with it.
 */
export async function checkReferences(
  tx: Tx,
  organizationId: string,
  refs: {
    vendorId?: string | null | undefined;
    operatorId?: string | null | undefined;
    supplierId?: string | null | undefined;
    cooperationId?: string | null | undefined;
    replacedById?: string | null | undefined;
    systemId?: string | null | undefined;
    fromSystemId?: string | null | undefined;
    toSystemId?: string | null | undefined;
    toComponentId?: string | null | undefined;
    personId?: string | null | undefined;
  },
  /** For a role on a shared system: the system's owner, whose suppliers may also hold the role. */
  supplierOrgId?: string,
): Promise<FieldError[]> {
  const kinds: Record<string, { label: string; test: (id: string) => SQL }> = {
    vendorId: { label: 'Programleverandør', test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id = ${organizationId})` },
    operatorId: { label: 'Driftsleverandør', test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id = ${organizationId})` },
    supplierId: {
      label: 'Leverandør',
      test: (id) => sql`exists (select 1 from suppliers where id = ${id} and organization_id in (${organizationId}, ${supplierOrgId ?? organizationId}))`,
    },
    personId: { label: 'Person', test: (id) => sql`exists (select 1 from persons where id = ${id} and organization_id = ${organizationId})` },
    cooperationId: {
      label: 'Samarbeid',
      test: (id) =>
        sql`exists (select 1 from cooperations c where c.id = ${id} and (c.organization_id = ${organizationId} or exists (select 1 from cooperation_members m where m.cooperation_id = c.id and m.member_id = ${organizationId} and m.state = 'accepted')))`,
    },
    replacedById: { label: 'Erstattet av', test: (id) => sql`exists (select 1 from systems where id = ${id} and organization_id = ${organizationId})` },
    systemId: { label: 'System', test: (id) => visibleSystem(organizationId, id) },
    fromSystemId: { label: 'Fra system', test: (id) => visibleSystem(organizationId, id) },
    toSystemId: { label: 'Til system', test: (id) => visibleSystem(organizationId, id) },
    toComponentId: { label: 'Nasjonal fellesløsning', test: (id) => sql`exists (select 1 from national_components where id = ${id})` },
  };
  const present = Object.entries(refs).filter((e): e is [string, string] => typeof e[1] === 'string' && kinds[e[0]] !== undefined);
  if (present.length === 0) return [];
  const selects = sql.join(
    present.map(([field, id], i) => sql`${kinds[field]?.test(id) ?? sql`false`} as ${sql.raw(`"r${i}"`)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, boolean>>(tx, sql`select ${selects}`);
  return present.flatMap(([field], i) =>
    row?.[`r${i}`] ? [] : [{ field, message: `${kinds[field]?.label ?? field} finnes ikke, eller hører ikke til organisasjonen.` }],
  );
}

function visibleSystem(organizationId: string, id: string): SQL {
  return sql`exists (select 1 from systems s where s.id = ${id} and (s.organization_id = ${organizationId} or exists (select 1 from system_shares x where x.system_id = s.id and x.member_id = ${organizationId})))`;
}

