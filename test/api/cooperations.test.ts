/**
 * Cooperation membership by invitation, and sharing limited to an IKS's owners and accepted
 * cooperation members (issue 13, fault 6): nothing shows in another organization's lists without
 * its administrator's yes, and the database refuses what the API refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, withActor, withSystem } from '../../src/db/database.ts';
import type { Cooperation, CooperationInvitation } from '../../src/domain/cooperation.ts';
import type { SystemDetail, SystemListItem } from '../../src/domain/portfolio.ts';
import { backends } from '../support/db.ts';
import { login, makeCooperation, makeOrg, makeOwners, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

describe.each(backends)('cooperation invitations and sharing limits ($name)', (backend) => {
  let t: TestContext;
  let host: TestOrg;
  let a: TestOrg;
  let b: TestOrg;
  let stranger: TestOrg;
  let hostEditor: Client;
  let aAdmin: Client;
  let aEditor: Client;
  let bAdmin: Client;
  let strangerAdmin: Client;
  let hostEditorId: string;
  let coop: Cooperation;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
  const coops = async (c: Client, o: TestOrg) => (await c.get(api(o, '/cooperations'))).json().data as Cooperation[];
  const invitations = async (c: Client, o: TestOrg) => (await c.get(api(o, '/cooperation-invitations'))).json().data as CooperationInvitation[];
  const systems = async (c: Client, o: TestOrg) => ((await c.get(api(o, '/systems'))).json().data as SystemListItem[]).map((s) => s.name);
  const newSystem = async (c: Client, o: TestOrg, name: string) => {
    const res = await c.post(api(o, '/systems'), { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data as SystemDetail;
  };
  const share = (c: Client, o: TestOrg, s: SystemDetail, members: TestOrg[]) =>
    c.request('PUT', api(o, `/systems/${s.id}/shares`), { version: s.version, shares: members.map((m) => ({ organizationId: m.id })) });

  beforeAll(async () => {
    t = await startTestApp(backend);
    host = await makeOrg(t.database, { kind: 'kommune', name: 'Vertskommunen' });
    a = await makeOrg(t.database, { kind: 'kommune', name: 'Akommune' });
    b = await makeOrg(t.database, { kind: 'kommune', name: 'Bkommune' });
    stranger = await makeOrg(t.database, { kind: 'kommune', name: 'Fremmedkommune' });
    const he = await makeUser(t.database, { memberships: [[host.id, 'editor']] });
    hostEditorId = he.id;
    hostEditor = await login(t.app, he);
    aAdmin = await login(t.app, await makeUser(t.database, { memberships: [[a.id, 'admin']] }));
    aEditor = await login(t.app, await makeUser(t.database, { memberships: [[a.id, 'editor']] }));
    bAdmin = await login(t.app, await makeUser(t.database, { memberships: [[b.id, 'admin']] }));
    strangerAdmin = await login(t.app, await makeUser(t.database, { memberships: [[stranger.id, 'admin']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('invites listed organizations: nothing shows in their lists until their administrator accepts', async () => {
    const res = await hostEditor.post(api(host, '/cooperations'), { name: 'Felles barnevern', description: 'Hemmelig beskrivelse', costKey: 'like', memberIds: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(201);
    coop = res.json().data;
    // The host is an accepted member at once; the others are invited.
    expect(coop.members.map((m) => [m.name, m.state])).toEqual([
      ['Akommune', 'invited'],
      ['Bkommune', 'invited'],
      ['Vertskommunen', 'accepted'],
    ]);
    expect(await coops(aAdmin, a)).toEqual([]);
    expect(await coops(aEditor, a)).toEqual([]);
    // The administrator sees the invitation: the cooperation's name and who invites, nothing else.
    const open = await invitations(aAdmin, a);
    expect(open).toEqual([{ cooperationId: coop.id, name: 'Felles barnevern', hostId: host.id, hostName: 'Vertskommunen', invitedAt: expect.any(String) }]);
    expect(JSON.stringify(open)).not.toContain('Hemmelig');
    // Not for an editor, and never for an organization that was not invited.
    expect((await aEditor.get(api(a, '/cooperation-invitations'))).statusCode).toBe(403);
    expect(await invitations(strangerAdmin, stranger)).toEqual([]);
    // Row-level security: the invited organization sees its own invitation row, not the cooperation or the other members.
    const aAdminUser = aAdmin.user?.id ?? '';
    const seen = await withActor(t.database.db, aAdminUser, async (tx) => ({
      cooperation: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from cooperations where id = ${coop.id}`),
      members: await queryRows<{ member_id: string }>(tx, sql`select member_id from cooperation_members where cooperation_id = ${coop.id}`),
    }));
    expect(seen.cooperation[0]?.n).toBe(0);
    expect(seen.members.map((m) => m.member_id)).toEqual([a.id]);
    // An editor cannot answer for the organization; another organization cannot answer for it.
    expect((await aEditor.post(api(a, `/cooperations/${coop.id}/accept`))).statusCode).toBe(403);
    expect((await strangerAdmin.post(api(stranger, `/cooperations/${coop.id}/accept`))).statusCode).toBe(404);
    expect((await strangerAdmin.post(api(a, `/cooperations/${coop.id}/accept`))).statusCode).toBe(404);
  });

  it('accepts and declines: an accepted member sees the cooperation, a declined invitation disappears for the invited', async () => {
    const accepted = await aAdmin.post(api(a, `/cooperations/${coop.id}/accept`));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json().data as Cooperation).members.find((m) => m.organizationId === a.id)?.state).toBe('accepted');
    expect((await aAdmin.post(api(a, `/cooperations/${coop.id}/accept`))).statusCode).toBe(404);
    expect((await coops(aEditor, a)).map((c) => c.name)).toEqual(['Felles barnevern']);
    expect(await invitations(aAdmin, a)).toEqual([]);

    expect((await bAdmin.post(api(b, `/cooperations/${coop.id}/decline`))).statusCode).toBe(204);
    expect(await invitations(bAdmin, b)).toEqual([]);
    expect(await coops(bAdmin, b)).toEqual([]);
    expect((await bAdmin.post(api(b, `/cooperations/${coop.id}/accept`))).statusCode).toBe(404);
    const hostView = (await coops(hostEditor, host))[0];
    expect(hostView?.members.map((m) => [m.name, m.state])).toEqual([
      ['Akommune', 'accepted'],
      ['Bkommune', 'declined'],
      ['Vertskommunen', 'accepted'],
    ]);
    // Saving the cooperation again does not invite the declined organization anew.
    const saved = await hostEditor.patch(api(host, `/cooperations/${coop.id}`), { version: hostView?.version, name: 'Felles barnevern' });
    expect((saved.json().data as Cooperation).members.find((m) => m.organizationId === b.id)?.state).toBe('declined');
    coop = saved.json().data;
  });

  it('shares only with IKS owners and accepted members of a shared cooperation, in the API and in the database', async () => {
    const system = await newSystem(hostEditor, host, 'Barnevernssystem');
    // A declined member and a stranger are refused by field, naming the organization.
    const refused = await share(hostEditor, host, system, [a, b, stranger]);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([
      { field: 'shares.1.organizationId', message: expect.stringContaining('Bkommune') },
      { field: 'shares.2.organizationId', message: expect.stringContaining('Fremmedkommune') },
    ]);
    expect(await systems(bAdmin, b)).toEqual([]);
    const candidates = (await hostEditor.get(api(host, '/share-candidates'))).json().data as Array<{ name: string }>;
    expect(candidates.map((c) => c.name)).toEqual(['Akommune']);
    const ok = await share(hostEditor, host, system, [a]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await systems(aEditor, a)).toEqual(['Barnevernssystem']);
    // An accepted member shares with the host too (both accepted members).
    const own = await newSystem(aEditor, a, 'Akommunes system');
    expect((await share(aEditor, a, own, [host])).statusCode).toBe(200);

    // The database refuses the same, as the app's role and as the system.
    const direct = (orgId: string, memberId: string) => sql`insert into system_shares (organization_id, system_id, member_id) values (${orgId}, ${system.id}, ${memberId})`;
    await expect(withActor(t.database.db, hostEditorId, (tx) => tx.execute(direct(host.id, stranger.id)))).rejects.toThrow();
    await expect(withActor(t.database.db, hostEditorId, (tx) => tx.execute(direct(host.id, b.id)))).rejects.toThrow();
    await expect(withSystem(t.database.db, (tx) => tx.execute(direct(host.id, stranger.id)))).rejects.toThrow();
    // Nor can the host write a member in as accepted, or change a member's answer.
    await expect(
      withActor(t.database.db, hostEditorId, (tx) =>
        tx.execute(sql`insert into cooperation_members (organization_id, cooperation_id, member_id, state) values (${host.id}, ${coop.id}, ${stranger.id}, 'accepted')`),
      ),
    ).rejects.toThrow();
    const changed = await withActor(t.database.db, hostEditorId, (tx) =>
      queryRows(tx, sql`update cooperation_members set state = 'accepted' where cooperation_id = ${coop.id} and member_id = ${b.id} returning id`),
    ).catch(() => []);
    expect(changed).toEqual([]);
    // An editor cannot slip its organization into someone else's cooperation.
    const other = await makeCooperation(t.database, stranger.id, []);
    await expect(
      withActor(t.database.db, hostEditorId, (tx) =>
        tx.execute(sql`insert into cooperation_members (organization_id, cooperation_id, member_id) values (${host.id}, ${other}, ${host.id})`),
      ),
    ).rejects.toThrow();
    const states = await queryRows<{ member_id: string; state: string }>(t.database.db, sql`select member_id, state from cooperation_members where cooperation_id = ${coop.id} order by member_id`);
    expect(states.find((s) => s.member_id === b.id)?.state).toBe('declined');
    expect(states.some((s) => s.member_id === stranger.id)).toBe(false);

    // An IKS shares with its owners without a cooperation; an owner's sibling is no candidate.
    const iks = await makeOrg(t.database, { kind: 'iks', name: 'Test-IKS' });
    await makeOwners(t.database, iks.id, [{ id: a.id, access: 'none' }, { id: b.id, access: 'none' }]);
    const iksEditor = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'editor']] }));
    const iksSystem = await newSystem(iksEditor, iks, 'IKS-system');
    expect((await share(iksEditor, iks, iksSystem, [a, b])).statusCode).toBe(200);
    const sibling = await newSystem(aEditor, a, 'Søskensystem');
    expect((await share(aEditor, a, sibling, [b])).statusCode).toBe(400);
  });

  it('lets a member end a share with itself, and leave the cooperation, which ends the shares that rested on it', async () => {
    const system = await newSystem(hostEditor, host, 'Felles arkiv');
    expect((await share(hostEditor, host, system, [a])).statusCode).toBe(200);
    const detail = (await aEditor.get(api(a, `/systems/${system.id}`))).json().data as SystemDetail;
    const mine = detail.shares.find((s) => s.organizationId === a.id);
    expect(mine).toBeDefined();
    // A stale version is refused; a stranger has no share to end.
    expect((await aEditor.del(api(a, `/systems/${system.id}/share?version=${(mine?.version ?? 1) + 5}`))).statusCode).toBe(409);
    expect((await strangerAdmin.del(api(stranger, `/systems/${system.id}/share?version=1`))).statusCode).toBe(404);
    expect((await aEditor.del(api(a, `/systems/${system.id}/share?version=${mine?.version}`))).statusCode).toBe(204);
    expect(await systems(aEditor, a)).not.toContain('Felles arkiv');
    expect((await hostEditor.get(api(host, `/systems/${system.id}`))).json().data.shares).toEqual([]);

    // Shared again, with a role the member registered; then the member leaves the cooperation.
    const again = (await hostEditor.get(api(host, `/systems/${system.id}`))).json().data as SystemDetail;
    expect((await share(hostEditor, host, again, [a])).statusCode).toBe(200);
    const person = (await aEditor.post(api(a, '/persons'), { name: 'Super Bruker' })).json().data;
    expect((await aEditor.post(api(a, `/systems/${system.id}/roles`), { role: 'super_user', personId: person.id })).statusCode).toBe(201);
    expect(await systems(aEditor, a)).toContain('Felles arkiv');
    // Only the administrator leaves; the host cannot leave its own cooperation.
    expect((await aEditor.post(api(a, `/cooperations/${coop.id}/leave`))).statusCode).toBe(403);
    expect((await hostEditor.post(api(host, `/cooperations/${coop.id}/leave`))).statusCode).toBe(403);
    const hostAdmin = await login(t.app, await makeUser(t.database, { memberships: [[host.id, 'admin']] }));
    const hostLeaves = await hostAdmin.post(api(host, `/cooperations/${coop.id}/leave`));
    expect(hostLeaves.statusCode).toBe(409);
    expect(hostLeaves.json().detail).toMatch(/Vertskommunen/);
    expect((await aAdmin.post(api(a, `/cooperations/${coop.id}/leave`))).statusCode).toBe(204);
    expect((await aAdmin.post(api(a, `/cooperations/${coop.id}/leave`))).statusCode).toBe(404);
    expect(await coops(aAdmin, a)).toEqual([]);
    expect(await systems(aEditor, a)).not.toContain('Felles arkiv');
    expect(await systems(aEditor, a)).not.toContain('Barnevernssystem');
    const roles = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from system_roles where system_id = ${system.id} and organization_id = ${a.id}`);
    expect(roles[0]?.n).toBe(0);
    // The host's list shows the member gone; A's own system is no longer shared with the host either.
    expect((await coops(hostEditor, host))[0]?.members.map((m) => m.name)).toEqual(['Bkommune', 'Vertskommunen']);
    expect(await systems(hostEditor, host)).not.toContain('Akommunes system');
    // Still shared through the IKS ownership: that rests on another rule.
    expect(await systems(aEditor, a)).toContain('IKS-system');
  });

  it('lets the host remove a member, which ends its shares the same way', async () => {
    const id = await makeCooperation(t.database, host.id, [b.id], { name: 'Tomannssamarbeid' });
    const system = await newSystem(hostEditor, host, 'Tomannssystem');
    expect((await share(hostEditor, host, system, [b])).statusCode).toBe(200);
    expect(await systems(bAdmin, b)).toContain('Tomannssystem');
    const current = (await coops(hostEditor, host)).find((c) => c.id === id);
    const removed = await hostEditor.patch(api(host, `/cooperations/${id}`), { version: current?.version, memberIds: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    // The host stays a member of its own cooperation.
    expect((removed.json().data as Cooperation).members.map((m) => m.name)).toEqual(['Vertskommunen']);
    expect(await systems(bAdmin, b)).not.toContain('Tomannssystem');
  });
});
