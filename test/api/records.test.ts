import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

async function auditCount(t: TestContext): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.database.db, sql`select count(*) as n from audit_log`);
  return Number(row?.n);
}

describe.each(backends)('records: validation, versions, audit ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let sysadmin: Client;
  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    sysadmin = await login(t.app, await makeUser(t.database, { systemAdmin: true }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses invalid input with problem+json naming each field in Norwegian, and writes nothing', async () => {
    const before = await auditCount(t);
    const res = await admin.post(`/api/v1/organizations/${org.id}/sites`, {
      name: '',
      users: -5,
      capacityMbps: 1.5,
      lineType: 'satellitt',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, title: 'Ugyldige data' });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Navn må fylles ut' },
        { field: 'users', message: 'Antall brukere kan ikke være negativt' },
        { field: 'capacityMbps', message: 'Linjekapasitet (Mbit/s) må være et heltall' },
        { field: 'lineType', message: 'Linjetype må være fiber, adsl, radio, kobber eller annet' },
      ]),
    );
    expect(await auditCount(t)).toBe(before);
    expect((await admin.get(`/api/v1/organizations/${org.id}/sites`)).json().data).toEqual([]);
  });

  it('answers malformed JSON and bad ids with Norwegian problems, not crashes', async () => {
    const bad = await admin.request('POST', `/api/v1/organizations/${org.id}/sites`, undefined, {
      'content-type': 'application/json',
    });
    expect(bad.statusCode).toBe(400);
    const raw = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/sites`,
      headers: { 'content-type': 'application/json', cookie: '', 'x-csrf-token': '' },
      payload: '{"name": ',
    });
    expect([400, 401]).toContain(raw.statusCode);
    const id = await admin.get('/api/v1/organizations/ikke-en-id/sites');
    expect(id.statusCode).toBe(400);
    expect(id.json().errors[0].field).toBe('orgId');
  });

  it('validates organizations: kommunenummer against the official list, and duplicates', async () => {
    const unknown = await sysadmin.post('/api/v1/organizations', { name: 'Tullkommune', kind: 'kommune', kommunenummer: '9999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'kommunenummer', message: 'Kommunenummer finnes ikke i kommunelisten for 2024' }]);
    const missing = await sysadmin.post('/api/v1/organizations', { name: 'Uten nummer', kind: 'kommune' });
    expect(missing.json().errors).toEqual([{ field: 'kommunenummer', message: 'Kommunenummer må fylles ut for en kommune' }]);
    const dup = await sysadmin.post('/api/v1/organizations', { name: 'Ringebu igjen', kind: 'kommune', kommunenummer: '3439' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('kommunenummer');
    const ok = await sysadmin.post('/api/v1/organizations', { name: 'Sør-Fron kommune', kind: 'kommune', kommunenummer: '3438' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().data).toMatchObject({ slug: 'sor-fron-kommune', kommunenummer: '3438', version: 1 });
    // Only system administrators create organizations.
    expect((await admin.post('/api/v1/organizations', { name: 'Ny', kind: 'annen' })).statusCode).toBe(403);
  });

  it('creates an IKS with owners; its staff read the owners as granted', async () => {
    const owner = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5041' });
    const owner2 = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5042' });
    const res = await sysadmin.post('/api/v1/organizations', {
      name: 'Test IKS',
      kind: 'iks',
      owners: [
        { organizationId: owner.id, staffAccess: 'reader' },
        { organizationId: owner2.id, staffAccess: 'none' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const iks = res.json().data;
    expect(iks.owners.map((o: { organizationId: string }) => o.organizationId).sort()).toEqual([owner.id, owner2.id].sort());
    const staff = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'admin']] }));
    const session = (await staff.get('/api/v1/session')).json().data;
    expect(session.organizations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: iks.id, role: 'admin', via: null }),
        expect.objectContaining({ id: owner.id, role: 'reader', via: { id: iks.id, name: 'Test IKS' } }),
      ]),
    );
    expect(session.organizations.find((o: { id: string }) => o.id === owner2.id)).toBeUndefined();
    expect((await staff.get(`/api/v1/organizations/${owner.id}/sites`)).statusCode).toBe(200);
    expect((await staff.post(`/api/v1/organizations/${owner.id}/sites`, { name: 'Skole' })).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/organizations/${owner2.id}/sites`)).statusCode).toBe(404);
    // An IKS admin cannot grant itself more access to its owners.
    const escalate = await staff.patch(`/api/v1/organizations/${iks.id}`, {
      version: iks.version,
      owners: [{ organizationId: owner2.id, staffAccess: 'editor' }],
    });
    expect(escalate.statusCode).toBe(403);
  });

  it('rejects a stale version with 409 and keeps the other change', async () => {
    const created = (await admin.post(`/api/v1/organizations/${org.id}/sites`, { name: 'Fåvang skole', users: 32 })).json().data;
    const url = `/api/v1/organizations/${org.id}/sites/${created.id}`;
    const first = await admin.patch(url, { version: created.version, users: 33 });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toMatchObject({ users: 33, version: 2 });
    const stale = await admin.patch(url, { version: created.version, users: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('endret av noen andre');
    const staleDelete = await admin.del(`${url}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    expect((await admin.get(url)).json().data).toMatchObject({ users: 33, version: 2 });
    expect((await admin.patch(url, { users: 1 })).json().errors).toEqual([{ field: 'version', message: 'Versjon må fylles ut' }]);
  });

  it('records who changed what, before and after, for create, update and delete', async () => {
    const actor = await makeUser(t.database, { memberships: [[org.id, 'admin']] });
    const c = await login(t.app, actor);
    const created = (await c.post(`/api/v1/organizations/${org.id}/sites`, { name: 'Linåkertunet', users: 22 })).json().data;
    const url = `/api/v1/organizations/${org.id}/sites/${created.id}`;
    await c.patch(url, { version: 1, users: 23 });
    expect((await c.del(`${url}?version=2`)).statusCode).toBe(204);
    const log = (await c.get(`/api/v1/organizations/${org.id}/audit?limit=10`)).json().data as Array<{
      id: string;
      action: string;
      recordId: string;
      tableName: string;
      name: string | null;
      actor: { id: string } | null;
      fields: Array<{ field: string; before: unknown; after: unknown }>;
    }>;
    const mine = log.filter((e) => e.recordId === created.id);
    expect(mine.map((e) => e.action)).toEqual(['delete', 'update', 'insert']);
    expect(mine.every((e) => e.actor?.id === actor.id && e.tableName === 'sites' && e.name === 'Linåkertunet')).toBe(true);
    expect(mine[1]?.fields).toEqual([expect.objectContaining({ field: 'users', before: 22, after: 23 })]);
    expect(mine[0]?.fields.find((f) => f.field === 'users')).toMatchObject({ before: 23, after: null });
    expect(mine[2]?.fields.find((f) => f.field === 'users')).toMatchObject({ before: null, after: 22 });
    // Pagination goes further back.
    const older = (await c.get(`/api/v1/organizations/${org.id}/audit?limit=1&before=${mine[0]?.id}`)).json().data;
    expect(older).toHaveLength(1);
    expect(older[0].action).toBe('update');
  });

  it('a failed action leaves no audit entry (same transaction)', async () => {
    const before = await auditCount(t);
    const res = await admin.post(`/api/v1/organizations/${org.id}/cooperations`, {
      name: 'Samarbeid med ukjent',
      costKey: 'like',
      memberIds: [org.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'memberIds.1', message: 'Medlemmer (rad 2) finnes ikke.' }]);
    expect(await auditCount(t)).toBe(before);
  });

  it('manages members: add a new user, change role, keep at least one admin', async () => {
    const url = `/api/v1/organizations/${org.id}/members`;
    const noPassword = await admin.post(url, { username: 'ny.bruker', displayName: 'Ny Bruker', role: 'reader' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors).toEqual([{ field: 'password', message: 'Passord må fylles ut for en ny bruker.' }]);
    const added = await admin.post(url, { username: 'Ny.Bruker', displayName: 'Ny Bruker', password: 'hemmelig-123456', role: 'reader' });
    expect(added.statusCode).toBe(201);
    expect(added.json().data).toMatchObject({ username: 'ny.bruker', role: 'reader', version: 1 });
    const again = await admin.post(url, { username: 'ny.bruker', role: 'reader' });
    expect(again.statusCode).toBe(409);
    const userId = added.json().data.userId;
    const changed = await admin.patch(`${url}/${userId}`, { version: 1, role: 'editor' });
    expect(changed.json().data).toMatchObject({ role: 'editor', version: 2 });
    const newcomer = await login(t.app, { id: userId, username: 'ny.bruker' }, 'hemmelig-123456');
    expect((await newcomer.post(`/api/v1/organizations/${org.id}/sites`, { name: 'Ny lokasjon' })).statusCode).toBe(201);
    expect((await newcomer.get(url)).statusCode).toBe(403);

    const lone = await makeOrg(t.database);
    const loneAdmin = await makeUser(t.database, { memberships: [[lone.id, 'admin']] });
    const la = await login(t.app, loneAdmin);
    const demote = await la.patch(`/api/v1/organizations/${lone.id}/members/${loneAdmin.id}`, { version: 1, role: 'reader' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().errors[0].field).toBe('role');
    expect((await la.del(`/api/v1/organizations/${lone.id}/members/${loneAdmin.id}?version=1`)).statusCode).toBe(400);
  });

  it('cooperations are visible to members, editable only by the host', async () => {
    const partner = await makeOrg(t.database);
    const res = await admin.post(`/api/v1/organizations/${org.id}/cooperations`, {
      name: '2K',
      description: 'Felles barnehagesystem',
      costKey: 'innbyggere',
      memberIds: [org.id, partner.id],
    });
    expect(res.statusCode).toBe(201);
    const coop = res.json().data;
    expect(coop.members).toHaveLength(2);
    const partnerAdmin = await login(t.app, await makeUser(t.database, { memberships: [[partner.id, 'admin']] }));
    // Invited, not yet a member: the partner sees it only once its administrator accepts.
    expect((await partnerAdmin.get(`/api/v1/organizations/${partner.id}/cooperations`)).json().data).toEqual([]);
    expect((await partnerAdmin.post(`/api/v1/organizations/${partner.id}/cooperations/${coop.id}/accept`)).statusCode).toBe(200);
    const seen = (await partnerAdmin.get(`/api/v1/organizations/${partner.id}/cooperations`)).json().data;
    expect(seen).toEqual([expect.objectContaining({ id: coop.id, hostName: 'Ringebu kommune' })]);
    const edit = await partnerAdmin.patch(`/api/v1/organizations/${partner.id}/cooperations/${coop.id}`, { version: 1, name: 'Kapret' });
    expect(edit.statusCode).toBe(404);
    const editHost = await partnerAdmin.patch(`/api/v1/organizations/${org.id}/cooperations/${coop.id}`, { version: 1, name: 'Kapret' });
    expect(editHost.statusCode).toBe(404);
    const hostEdit = await admin.patch(`/api/v1/organizations/${org.id}/cooperations/${coop.id}`, { version: 1, memberIds: [org.id] });
    expect(hostEdit.json().data.members).toHaveLength(1);
    expect((await partnerAdmin.get(`/api/v1/organizations/${partner.id}/cooperations`)).json().data).toEqual([]);
  });
});
