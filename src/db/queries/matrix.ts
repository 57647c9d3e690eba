/** The sharing matrix: systems the organization owns × the organizations it shares with or could share with. */
import { sql } from 'drizzle-orm';
import { inTurn, queryRows, type Tx } from '../tx.ts';
import { shareCandidates } from './shares.ts';
import type { SystemMatrix } from '../../domain/portfolio.ts';

/** Systems the organization owns × the organizations it shares with or could share with. */
export async function systemMatrix(tx: Tx, organizationId: string): Promise<SystemMatrix> {
  const [members, owned, shares, supers] = await inTurn(
    () => shareCandidates(tx, organizationId),
    () => queryRows<{ id: string; name: string }>(tx, sql`select id, name from systems where organization_id = ${organizationId} and lifecycle <> 'retired' order by lower(name), id`),
    () => queryRows<{ systemId: string; memberId: string; users: number | null }>(
      tx,
      sql`select system_id as "systemId", member_id as "memberId", users from system_shares where organization_id = ${organizationId}`,
    ),
    () => queryRows<{ systemId: string; organizationId: string; name: string }>(
      tx,
      sql`select r.system_id as "systemId", r.organization_id as "organizationId", p.name from system_roles r join persons p on p.id = r.person_id
          where r.system_org_id = ${organizationId} and r.role = 'super_user' order by p.name`,
    ),
  );
  const shareKey = new Map(shares.map((s) => [`${s.systemId}/${s.memberId}`, s]));
  return {
    members: members.map((m) => ({ id: m.id, name: m.name, kommunenummer: m.kommunenummer })),
    systems: owned.map((s) => ({
      id: s.id,
      name: s.name,
      cells: members.map((m) => {
        const share = shareKey.get(`${s.id}/${m.id}`);
        return {
          organizationId: m.id,
          uses: share !== undefined,
          users: share?.users ?? null,
          superUsers: supers.filter((x) => x.systemId === s.id && x.organizationId === m.id).map((x) => x.name),
        };
      }),
    })),
  };
}
