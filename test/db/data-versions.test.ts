/**
 * Issue 20: every organization-scoped table bumps its organizations' data version in the same
 * statement (migration 0034). Reads the catalogue, so a table added later without the trigger
 * fails here (add it with `SELECT veikart_track_versions('table', 'organization_id');`).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withSystem, type Database } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { makeOrg, makeOwners } from '../support/factories.ts';

/** Tables with an organization_id column that do not bump: the versions themselves, and the audit log (written by the audit trigger of a statement that bumps the same organization). */
const EXEMPT = ['audit_log', 'org_data_versions'];
/** Tables without organization_id whose rows readers see or that decide who sees what. */
const SPECIAL = ['identity_providers', 'national_components', 'organizations', 'products', 'users', 'vendors'];

describe.each(backends)('data versions ($name)', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has the version triggers on insert, update and delete of every organization-scoped table', async () => {
    const rows = await queryRows<{ table: string; events: string | null }>(
      database.db,
      sql`select c.relname as "table",
                 (select string_agg(distinct case when t.tgtype & 4 <> 0 then 'insert' when t.tgtype & 8 <> 0 then 'delete' when t.tgtype & 16 <> 0 then 'update' end, ',')
                    from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                   where t.tgrelid = c.oid and p.proname = 'veikart_bump_statement' and t.tgtype & 1 = 0) as events
            from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
           where c.relkind in ('r', 'p')
             and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
                  or c.relname = any (string_to_array(${SPECIAL.join(',')}, ',')))
           order by 1`,
    );
    const missing = rows.filter((r) => !EXEMPT.includes(r.table) && r.events !== 'delete,insert,update').map((r) => `${r.table}: ${r.events ?? 'none'}`);
    expect(missing).toEqual([]);
    expect(rows.length).toBeGreaterThan(45);
    // Ended sessions (logout) change who sees what.
    const sessions = await queryRows<{ n: string }>(database.db, sql`select count(*)::text as n from pg_trigger where tgrelid = 'sessions'::regclass and tgname like 'sessions_versions_%'`);
    expect(sessions[0]?.n).toBe('2');
  });

  it('bumps in the same transaction as the write, both sides of an IKS ownership, and not at all when it rolls back', async () => {
    const owner = await makeOrg(database, { kind: 'iks' });
    const member = await makeOrg(database, { kind: 'kommune' });
    const version = async (id: string) =>
      Number((await queryRows<{ v: string | null }>(database.db, sql`select (select version from org_data_versions where organization_id = ${id})::text as v`))[0]?.v ?? 0);
    const [o0, m0] = [await version(owner.id), await version(member.id)];
    const seen: string[] = [];
    const off = database.onVersions?.((p) => seen.push(p));
    const systemId = await withSystem(database.db, async (tx) => {
      const [s] = await queryRows<{ id: string }>(tx, sql`insert into systems (organization_id, name) values (${owner.id}, 'Delt') returning id`);
      return s!.id;
    });
    expect(await version(owner.id)).toBe(o0 + 1);
    expect(await version(member.id)).toBe(m0);
    expect(seen.join(';')).toContain(`${owner.id}:${o0 + 1}`);
    await makeOwners(database, owner.id, [{ id: member.id, access: 'reader' }]);
    expect(await version(owner.id)).toBe(o0 + 2);
    expect(await version(member.id)).toBe(m0 + 1);
    expect(seen.some((p) => p.endsWith('|a'))).toBe(true);
    await expect(
      withSystem(database.db, async (tx) => {
        await tx.execute(sql`update systems set name = 'Endret' where id = ${systemId}`);
        throw new Error('rull tilbake');
      }),
    ).rejects.toThrow('rull tilbake');
    expect(await version(owner.id)).toBe(o0 + 2);
    off?.();
  });
});
