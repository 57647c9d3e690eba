import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirLockedError, inTurn, openDatabase, queryRows, readWithSession, withActor, withSystem, type Database } from '../../src/db/database.ts';
import { createSession, tokenHash } from '../../src/db/queries/identity.ts';
import { insertSites, listSites } from '../../src/db/queries/sites.ts';
import { createPlan } from '../../src/db/queries/plan-periods.ts';
import { insertMeasure } from '../../src/db/queries/plan-items.ts';
import { backends } from '../support/db.ts';
import { makeOrg, makeOwners, makeUser } from '../support/factories.ts';

describe.each(backends)('database ($name)', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("runs a transaction's steps one at a time and gives their results in order", async () => {
    let running = 0;
    let most = 0;
    const results = await withSystem(database.db, (tx) => {
      const step = (n: number) => async () => {
        running++;
        most = Math.max(most, running);
        const [row] = await queryRows<{ n: number }>(tx, sql`select ${n}::int as n, pg_sleep(0.01)::text as slept`);
        running--;
        return row?.n;
      };
      return inTurn(step(1), step(2), step(3));
    });
    expect(results).toEqual([1, 2, 3]);
    expect(most).toBe(1);
  });

  it('row-level security hides and protects other organizations even for raw SQL', async () => {
    const mine = await makeOrg(database);
    const theirs = await makeOrg(database);
    await withSystem(database.db, (tx) => insertSites(tx, theirs.id, [{ name: 'Deres rådhus', users: 10 }]));
    const me = await makeUser(database, { memberships: [[mine.id, 'admin']] });
    await withActor(database.db, me.id, async (tx) => {
      expect(await listSites(tx, theirs.id)).toEqual([]);
      const all = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from sites`);
      expect(all[0]?.n).toBe(0);
      const updated = await queryRows(tx, sql`update sites set users = 0 where organization_id = ${theirs.id} returning id`);
      expect(updated).toEqual([]);
      const deleted = await queryRows(tx, sql`delete from sites where organization_id = ${theirs.id} returning id`);
      expect(deleted).toEqual([]);
      const audit = await queryRows(tx, sql`select id from audit_log where organization_id = ${theirs.id}`);
      expect(audit).toEqual([]);
    });
    await expect(
      withActor(database.db, me.id, (tx) => insertSites(tx, theirs.id, [{ name: 'Innplantet' }])),
    ).rejects.toThrow();
    await expect(
      withActor(database.db, me.id, (tx) => tx.execute(sql`insert into memberships (organization_id, user_id, role) values (${theirs.id}, ${me.id}, 'admin')`)),
    ).rejects.toThrow();
    await expect(withActor(database.db, me.id, (tx) => tx.execute(sql`select * from sessions`))).rejects.toThrow();
    const still = await withSystem(database.db, (tx) => listSites(tx, theirs.id));
    expect(still).toEqual([expect.objectContaining({ name: 'Deres rådhus', users: 10 })]);
  });

  it('a reader cannot write through SQL, an editor can', async () => {
    const org = await makeOrg(database);
    const reader = await makeUser(database, { memberships: [[org.id, 'reader']] });
    const editor = await makeUser(database, { memberships: [[org.id, 'editor']] });
    await expect(withActor(database.db, reader.id, (tx) => insertSites(tx, org.id, [{ name: 'Nei' }]))).rejects.toThrow();
    const [site] = await withActor(database.db, editor.id, (tx) => insertSites(tx, org.id, [{ name: 'Ja' }]));
    expect(site?.name).toBe('Ja');
    const seen = await withActor(database.db, reader.id, (tx) => listSites(tx, org.id));
    expect(seen.map((s) => s.name)).toEqual(['Ja']);
  });

  it('sees a change of access at once within the same transaction (the per-transaction access cache is cleared)', async () => {
    const org = await makeOrg(database);
    const other = await makeOrg(database);
    await withSystem(database.db, (tx) => insertSites(tx, org.id, [{ name: 'Rådhuset' }]));
    const admin = await makeUser(database, { memberships: [[org.id, 'admin'], [other.id, 'admin']] });
    const left = await withActor(database.db, admin.id, async (tx) => {
      expect(await listSites(tx, org.id)).toHaveLength(1);
      await tx.execute(sql`delete from memberships where organization_id = ${org.id} and user_id = ${admin.id}`);
      return listSites(tx, org.id);
    });
    expect(left).toEqual([]);
    // Another user in the same session and transaction never reuses the first one's access.
    await withSystem(database.db, (tx) => insertSites(tx, other.id, [{ name: 'Skolen' }]));
    const stranger = await makeUser(database, { memberships: [[(await makeOrg(database)).id, 'admin']] });
    const seen = await withActor(database.db, admin.id, async (tx) => {
      expect(await listSites(tx, other.id)).toHaveLength(1);
      await tx.execute(sql`select set_config('veikart.user_id', ${stranger.id}, true)`);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from sites where organization_id = ${other.id}`);
    });
    expect(seen[0]?.n).toBe(0);
  });

  it('rolls back the whole action, audit entry included, when a step fails', async () => {
    const org = await makeOrg(database);
    const count = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`))[0]?.n;
    const before = await count();
    await expect(
      withSystem(database.db, async (tx) => {
        await insertSites(tx, org.id, [{ name: 'Halvveis' }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(before);
    expect(await withSystem(database.db, (tx) => listSites(tx, org.id))).toEqual([]);
  });

  it('keeps a budget line with its own measure: another revision or organization is refused, deleting the measure removes it', async () => {
    const a = await makeOrg(database);
    const b = await makeOrg(database);
    const setup = await withSystem(database.db, async (tx) => {
      const planA = await createPlan(tx, a.id, { name: 'Plan A', startYear: 2025, endYear: 2028, vision: null });
      const planB = await createPlan(tx, b.id, { name: 'Plan B', startYear: 2025, endYear: 2028, vision: null });
      const measure = await insertMeasure(tx, a.id, planA.revisionId, { title: 'Tiltak', status: 'planned', priority: 'medium', goalIds: [], lines: [], actuals: [] });
      return { revA: planA.revisionId, revB: planB.revisionId, measure };
    });
    const line = (org: string, rev: string) =>
      withSystem(database.db, (tx) =>
        tx.execute(sql`insert into cost_lines (organization_id, revision_id, measure_id, kind, year, amount) values (${org}, ${rev}, ${setup.measure}, 'invest', 2025, 1000)`),
      );
    await expect(line(a.id, setup.revB)).rejects.toThrow();
    await expect(line(b.id, setup.revA)).rejects.toThrow();
    await line(a.id, setup.revA);
    const lines = () => queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cost_lines where measure_id = ${setup.measure}`);
    expect((await lines())[0]?.n).toBe(1);
    await withSystem(database.db, (tx) => tx.execute(sql`delete from measures where id = ${setup.measure}`));
    expect((await lines())[0]?.n).toBe(0);
  });

  it('keeps systems.shared_with equal to the shares, shows a shared system to its members only, and writes no system history for it', async () => {
    const host = await makeOrg(database, { kind: 'iks' });
    const a = await makeOrg(database);
    const b = await makeOrg(database);
    const outsider = await makeOrg(database);
    await makeOwners(database, host.id, [{ id: a.id, access: 'none' }, { id: b.id, access: 'none' }]);
    const systemId = await withSystem(database.db, async (tx) => {
      const [row] = await queryRows<{ id: string }>(tx, sql`insert into systems (organization_id, name) values (${host.id}, 'Delt fagsystem') returning id`);
      await tx.execute(sql`insert into system_shares (organization_id, system_id, member_id) values (${host.id}, ${row!.id}, ${a.id}), (${host.id}, ${row!.id}, ${b.id})`);
      return row!.id;
    });
    const sharedWith = async () =>
      (await queryRows<{ m: string[] }>(database.db, sql`select shared_with::text[] as m from systems where id = ${systemId}`))[0]?.m.slice().sort();
    expect(await sharedWith()).toEqual([a.id, b.id].sort());
    const sees = async (orgId: string) => {
      const user = await makeUser(database, { memberships: [[orgId, 'reader']] });
      return withActor(database.db, user.id, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from systems where id = ${systemId}`))[0]?.n);
    };
    expect(await sees(a.id)).toBe(1);
    expect(await sees(outsider.id)).toBe(0);
    // A member's own figures change nothing; ending a share takes the member out at once.
    await withSystem(database.db, (tx) => tx.execute(sql`update system_shares set users = 40 where system_id = ${systemId} and member_id = ${a.id}`));
    expect(await sharedWith()).toEqual([a.id, b.id].sort());
    await withSystem(database.db, (tx) => tx.execute(sql`delete from system_shares where system_id = ${systemId} and member_id = ${a.id}`));
    expect(await sharedWith()).toEqual([b.id]);
    expect(await sees(a.id)).toBe(0);
    expect(await sees(b.id)).toBe(1);
    const history = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where table_name = 'systems' and record_id = ${systemId}`);
    expect(history[0]?.n).toBe(1);
  });

  it('keeps the quality facts on the system equal to its roles and its own organization’s contracts, without system history', async () => {
    const host = await makeOrg(database, { kind: 'iks' });
    const member = await makeOrg(database);
    await makeOwners(database, host.id, [{ id: member.id, access: 'none' }]);
    const [first, second] = await withSystem(database.db, async (tx) => {
      const rows = await queryRows<{ id: string }>(tx, sql`insert into systems (organization_id, name) values (${host.id}, 'Fakta A'), (${host.id}, 'Fakta B') returning id`);
      await tx.execute(sql`insert into system_shares (organization_id, system_id, member_id) values (${host.id}, ${rows[0]!.id}, ${member.id})`);
      return rows.map((r) => r.id);
    });
    const person = async (orgId: string) =>
      (await queryRows<{ id: string }>(database.db, sql`insert into persons (organization_id, name) values (${orgId}, 'Kari') returning id`))[0]!.id;
    const [hostPerson, memberPerson] = [await person(host.id), await person(member.id)];
    const facts = async (id: string) =>
      (await queryRows<{ roles: string[]; contracts: Array<{ type: string; startDate: string | null; endDate: string | null }> }>(
        database.db,
        sql`select quality_roles as roles, quality_contracts as contracts from systems where id = ${id}`,
      ))[0];
    const act = (q: ReturnType<typeof sql>) => withSystem(database.db, (tx) => tx.execute(q));

    // Roles: any organization's role counts; only the two kinds the check asks about are kept.
    await act(sql`insert into system_roles (organization_id, system_org_id, system_id, role, person_id) values
      (${member.id}, ${host.id}, ${first}, 'super_user', ${memberPerson}), (${host.id}, ${host.id}, ${first}, 'system_manager', ${hostPerson})`);
    expect((await facts(first!))?.roles).toEqual(['super_user']);
    await act(sql`update system_roles set role = 'system_owner' where system_id = ${first} and role = 'system_manager'`);
    expect((await facts(first!))?.roles).toEqual(['system_owner', 'super_user']);
    await act(sql`delete from system_roles where system_id = ${first} and role = 'super_user'`);
    expect((await facts(first!))?.roles).toEqual(['system_owner']);

    // Contracts: the host's own count, a member's contract about the shared system does not.
    await act(sql`insert into contracts (organization_id, system_id, type, title, start_date, end_date) values
      (${host.id}, ${first}, 'dpa', 'DBA', '2025-01-01', '2027-06-30'), (${member.id}, ${first}, 'ssa_v', 'Lokal', null, null)`);
    expect((await facts(first!))?.contracts).toEqual([{ type: 'dpa', startDate: '2025-01-01', endDate: '2027-06-30' }]);
    await act(sql`update contracts set end_date = '2026-01-31' where system_id = ${first} and organization_id = ${host.id}`);
    expect((await facts(first!))?.contracts).toEqual([{ type: 'dpa', startDate: '2025-01-01', endDate: '2026-01-31' }]);
    // Moving a contract to another system moves its facts; unlinking or deleting takes them away.
    await act(sql`update contracts set system_id = ${second} where system_id = ${first} and organization_id = ${host.id}`);
    expect((await facts(first!))?.contracts).toEqual([]);
    expect((await facts(second!))?.contracts).toEqual([{ type: 'dpa', startDate: '2025-01-01', endDate: '2026-01-31' }]);
    await act(sql`update contracts set system_id = null where system_id = ${second}`);
    expect((await facts(second!))?.contracts).toEqual([]);
    await act(sql`insert into contracts (organization_id, system_id, type, title) values (${host.id}, ${second}, 'ssa_d', 'Drift')`);
    expect((await facts(second!))?.contracts).toEqual([{ type: 'ssa_d', startDate: null, endDate: null }]);
    await act(sql`delete from contracts where system_id = ${second}`);
    expect((await facts(second!))?.contracts).toEqual([]);

    const history = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where table_name = 'systems' and record_id in (${first}, ${second})`);
    expect(history[0]?.n).toBe(2);
  });

  it('finds the hosts that share systems with a user’s organizations, leaving out its own', async () => {
    const [hostA, hostB, member, other] = [await makeOrg(database), await makeOrg(database), await makeOrg(database), await makeOrg(database)];
    await makeOwners(database, hostA.id, [{ id: member.id, access: 'none' }, { id: other.id, access: 'none' }]);
    await makeOwners(database, hostB.id, [{ id: member.id, access: 'none' }]);
    await makeOwners(database, member.id, [{ id: other.id, access: 'none' }]);
    await withSystem(database.db, async (tx) => {
      const systems = await queryRows<{ id: string; org: string }>(
        tx,
        sql`insert into systems (organization_id, name) values (${hostA.id}, 'A1'), (${hostA.id}, 'A2'), (${hostB.id}, 'B1'), (${member.id}, 'M1')
            returning id, organization_id as org`,
      );
      const [a1, a2, b1, m1] = systems.map((s) => s.id);
      await tx.execute(sql`insert into system_shares (organization_id, system_id, member_id) values
        (${hostA.id}, ${a1}, ${member.id}), (${hostA.id}, ${a2}, ${member.id}), (${hostB.id}, ${b1}, ${member.id}),
        (${hostA.id}, ${a1}, ${other.id}), (${member.id}, ${m1}, ${other.id})`);
    });
    const hosts = async (memberships: Array<[string, 'reader']>) => {
      const user = await makeUser(database, { memberships });
      return withActor(database.db, user.id, async (tx) => (await queryRows<{ h: string[] }>(tx, sql`select veikart_shares(1)::text[] as h`))[0]?.h.slice().sort());
    };
    expect(await hosts([[member.id, 'reader']])).toEqual([hostA.id, hostB.id].sort());
    expect(await hosts([[other.id, 'reader']])).toEqual([hostA.id, member.id].sort());
    // A user of both a host and its member: the host's own systems are not "shared with" the user.
    expect(await hosts([[member.id, 'reader'], [hostA.id, 'reader']])).toEqual([hostB.id]);
    expect(await hosts([[hostB.id, 'reader']])).toEqual([]);
  });

  it('keeps both roles when two transactions add roles to one system at the same time', async () => {
    const org = await makeOrg(database);
    const [systemId, personId] = await withSystem(database.db, async (tx) => [
      (await queryRows<{ id: string }>(tx, sql`insert into systems (organization_id, name) values (${org.id}, 'Samtidig') returning id`))[0]!.id,
      (await queryRows<{ id: string }>(tx, sql`insert into persons (organization_id, name) values (${org.id}, 'Ola') returning id`))[0]!.id,
    ]);
    const addRole = (role: string) =>
      sql`insert into system_roles (organization_id, system_org_id, system_id, role, person_id) values (${org.id}, ${org.id}, ${systemId}, ${role}, ${personId})`;
    // The first holds its lock on the system while the second starts; on PostgreSQL the second's
    // trigger waits for the first to commit (PGlite runs them one after the other).
    let started!: () => void;
    const secondMayStart = new Promise<void>((resolve) => (started = resolve));
    const first = withSystem(database.db, async (tx) => {
      await tx.execute(addRole('system_owner'));
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await secondMayStart;
    const second = withSystem(database.db, (tx) => tx.execute(addRole('super_user')));
    await Promise.all([first, second]);
    const [row] = await queryRows<{ roles: string[] }>(database.db, sql`select quality_roles as roles from systems where id = ${systemId}`);
    expect(row?.roles).toEqual(['system_owner', 'super_user']);
  });

  it('gives a user the highest rank of the ways it reaches an organization', async () => {
    const iks = await makeOrg(database, { kind: 'iks' });
    const owner = await makeOrg(database);
    await withSystem(database.db, (tx) => tx.execute(sql`insert into organization_owners (organization_id, owner_id, staff_access) values (${iks.id}, ${owner.id}, 'reader')`));
    // Admin in the owner directly, and reader there through the IKS.
    const user = await makeUser(database, { memberships: [[iks.id, 'admin'], [owner.id, 'admin']] });
    const staff = await makeUser(database, { memberships: [[iks.id, 'admin']] });
    expect(await withActor(database.db, user.id, async (_tx, rank) => rank, owner.id)).toBe(3);
    expect(await withActor(database.db, staff.id, async (_tx, rank) => rank, owner.id)).toBe(1);
  });

  it('reads with a session in one statement the same way every time, with parameters of every kind and row-level security on', async () => {
    const org = await makeOrg(database);
    const other = await makeOrg(database);
    await withSystem(database.db, async (tx) => {
      await insertSites(tx, org.id, [{ name: 'Rådhuset' }, { name: 'Skolen' }]);
      await insertSites(tx, other.id, [{ name: 'Deres' }]);
    });
    const reader = await makeUser(database, { memberships: [[org.id, 'reader']] });
    const { token } = await withSystem(database.db, (tx) => createSession(tx, reader.id));
    const tricky = "O'Brien \\ 100 % _ \"sitat\" ; drop table sites; --";
    const query = sql`select ${tricky}::text as t, ${null}::int as n, ${`{${org.id},${other.id}}`}::uuid[] as ids, ${42}::int as i, ${true}::boolean as b,
      (select count(*)::int from sites) as visible, (select array_agg(name order by name) from sites where organization_id = ${org.id}) as names`;
    const expected = { t: tricky, n: null, ids: [org.id, other.id], i: 42, b: true, visible: 2, names: ['Rådhuset', 'Skolen'] };
    // Sequential reads reuse a connection, so on PostgreSQL all but the first go in one round trip.
    for (let i = 0; i < 8; i++) {
      const { session, rows } = await readWithSession(database.db, tokenHash(token), org.id, query);
      expect(session).toMatchObject({ userId: reader.id, rank: 1 });
      expect(rows).toEqual([expected]);
    }
    const elsewhere = await readWithSession(database.db, tokenHash(token), other.id, query);
    expect(elsewhere.session?.rank).toBeNull();
    expect(elsewhere.rows).toEqual([{ ...expected, visible: 2 }]);
    const unknown = await readWithSession(database.db, tokenHash('ikke-en-økt'), org.id, query);
    expect(unknown).toEqual({ session: null, rows: [] });
    // A failing statement leaves the connection usable.
    await expect(readWithSession(database.db, tokenHash(token), org.id, sql`select 1 / ${0}::int as x`)).rejects.toThrow();
    await expect(readWithSession(database.db, tokenHash(token), org.id, sql`select 1 / ${0}::int as x`)).rejects.toThrow();
    expect((await readWithSession(database.db, tokenHash(token), org.id, query)).rows).toEqual([expected]);
  });

  it('returns int8 the same way on both drivers', async () => {
    const rows = await queryRows<{ big: unknown; n: unknown }>(database.db, sql`select 9007199254740993::int8 as big, count(*) as n from organizations`);
    expect(rows[0]?.big).toBe('9007199254740993');
    expect(typeof rows[0]?.n).toBe('string');
  });
});

describe('embedded database files', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'veikart-db-'));
    dirs.push(d);
    return join(d, 'data');
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps data across restarts, and migrations are safe to run again', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    const org = await makeOrg(first);
    await withSystem(first.db, (tx) => insertSites(tx, org.id, [{ name: 'Varig lokasjon' }]));
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect((await withSystem(second.db, (tx) => listSites(tx, org.id))).map((s) => s.name)).toEqual(['Varig lokasjon']);
    // Running the migrator once more changes nothing.
    await second.migrate();
    const applied = await queryRows<{ n: number }>(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]?.n).toBeGreaterThanOrEqual(2);
    await second.close();
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const dir = tempDir();
    const held = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'org', 'list'], {
        env: { ...process.env, VEIKART_DATA_DIR: dir, DATABASE_URL: '' },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).not.toBe(0);
      expect(stderr).toContain('er i bruk av en annen Veikart-prosess');
    } finally {
      await held.close();
    }
    // Released: it opens again.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
