import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, withActor, withSystem } from '../../src/db/database.ts';
import { documentSystems } from '../../src/db/queries/overview.ts';
import { todayInOslo } from '../../src/domain/portfolio-quality.ts';
import type { SupportRoute, SystemDetail, SystemListItem, SystemMatrix, PortfolioOverview } from '../../src/domain/portfolio.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeOwners, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

function addDays(days: number): string {
  const d = new Date(`${todayInOslo()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.each(backends)('system portfolio ($name)', (backend) => {
  let t: TestContext;
  let iks: TestOrg;
  let ownerA: TestOrg;
  let ownerB: TestOrg;
  let ownerC: TestOrg;
  let iksEditor: Client;
  let editorA: Client;
  let editorB: Client;
  let readerC: Client;
  let queries = 0;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    iks = await makeOrg(t.database, { kind: 'iks', name: 'Test-IKS' });
    ownerA = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5041', name: 'Snåsa kommune' });
    ownerB = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5042', name: 'Lierne kommune' });
    ownerC = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5043', name: 'Røyrvik kommune' });
    await makeOwners(t.database, iks.id, [
      { id: ownerA.id, access: 'reader' },
      { id: ownerB.id, access: 'reader' },
      { id: ownerC.id, access: 'reader' },
    ]);
    iksEditor = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'editor']] }));
    editorA = await login(t.app, await makeUser(t.database, { memberships: [[ownerA.id, 'editor']] }));
    editorB = await login(t.app, await makeUser(t.database, { memberships: [[ownerB.id, 'editor']] }));
    readerC = await login(t.app, await makeUser(t.database, { memberships: [[ownerC.id, 'reader']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a system with roles, a contract, an integration, shares it, and gives each owner its own support route', async () => {
    const vendor = (await iksEditor.post(api(iks, '/suppliers'), { name: 'Acos AS', supportPhone: '+47 33 00 00 00', supportEmail: 'support@acos.no' })).json().data;
    const owner = (await iksEditor.post(api(iks, '/persons'), { name: 'Siri Systemeier', title: 'Arkivleder', email: 'siri@iks.no', publicContact: true })).json().data;
    const hidden = (await iksEditor.post(api(iks, '/persons'), { name: 'Hans Hemmelig', email: 'hans@iks.no', phone: '123 45 678' })).json().data;
    const res = await iksEditor.post(api(iks, '/systems'), {
      name: 'Acos Websak',
      vendorId: vendor.id,
      operatorId: vendor.id,
      hosting: 'iks',
      serverLocation: 'IKS-ets datasenter',
      database: 'MS SQL',
      softwareVersion: ' 5.4.2 ',
      users: 120,
      lifecycle: 'in_operation',
      criticality: 'office_hours',
      personalData: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    let system: SystemDetail = res.json().data;
    expect(system).toMatchObject({ name: 'Acos Websak', owned: true, dpaStatus: 'missing', vendor: { name: 'Acos AS' }, softwareVersion: '5.4.2' });
    expect(system.quality.gaps).toEqual(['no_system_owner', 'no_super_user', 'personal_data_without_dpa', 'not_reviewed']);

    system = (await iksEditor.post(api(iks, `/systems/${system.id}/roles`), { role: 'system_owner', personId: owner.id })).json().data;
    system = (await iksEditor.post(api(iks, `/systems/${system.id}/roles`), { role: 'system_manager', personId: hidden.id })).json().data;
    system = (await iksEditor.post(api(iks, `/systems/${system.id}/roles`), { role: 'support_second_line', supplierId: vendor.id })).json().data;
    expect(system.roles.map((r) => r.role)).toEqual(['system_owner', 'system_manager', 'support_second_line']);

    const contract = await iksEditor.post(api(iks, '/contracts'), { systemId: system.id, supplierId: vendor.id, type: 'ssa_l', title: 'Websak abonnement', startDate: '2024-01-01', endDate: addDays(60), yearlyCost: 185000, licenceCount: 120 });
    expect(contract.statusCode, contract.body).toBe(201);
    await iksEditor.post(api(iks, '/contracts'), { systemId: system.id, supplierId: vendor.id, type: 'dpa', title: 'Databehandleravtale Acos', startDate: '2024-01-01' });
    const overview: PortfolioOverview = (await iksEditor.get(api(iks, '/portfolio'))).json().data;
    expect(overview.alerts).toEqual([expect.objectContaining({ kind: 'ends', daysLeft: 60, contract: expect.objectContaining({ title: 'Websak abonnement' }) })]);
    expect(overview.yearlyContractCost).toBe(185000);

    const components = (await iksEditor.get('/api/v1/reference/national-components')).json().data as Array<{ id: string; code: string }>;
    expect(components.map((c) => c.code)).toEqual(expect.arrayContaining(['id-porten', 'maskinporten', 'altinn', 'svarut-svarinn', 'fiks-io']));
    const svarut = components.find((c) => c.code === 'svarut-svarinn');
    const integration = await iksEditor.post(api(iks, '/integrations'), { fromSystemId: system.id, toComponentId: svarut?.id, standard: 'svarut', data: 'Utgående brev', direction: 'one_way' });
    expect(integration.statusCode, integration.body).toBe(201);

    system = (await iksEditor.get(api(iks, `/systems/${system.id}`))).json().data;
    expect(system.dpaStatus).toBe('active');
    expect(system.integrations).toEqual([expect.objectContaining({ toComponent: expect.objectContaining({ name: 'SvarUt / SvarInn' }), standard: 'svarut' })]);

    const shared = await iksEditor.request('PUT', api(iks, `/systems/${system.id}/shares`), {
      version: system.version,
      shares: [{ organizationId: ownerA.id, users: 40 }, { organizationId: ownerB.id, users: 25 }],
    });
    expect(shared.statusCode, shared.body).toBe(200);
    system = shared.json().data;
    expect(system.shares.map((s) => s.name).sort()).toEqual(['Lierne kommune', 'Snåsa kommune']);

    // Each owner registers its own superbruker on the shared system.
    for (const [who, org, name] of [[editorA, ownerA, 'Anna Superbruker'], [editorB, ownerB, 'Bjørn Superbruker']] as const) {
      const list = (await who.get(api(org, '/systems'))).json() as { data: SystemListItem[] };
      expect(list.data).toEqual([expect.objectContaining({ name: 'Acos Websak', host: { id: iks.id, name: 'Test-IKS' } })]);
      const person = (await who.post(api(org, '/persons'), { name, email: `${name.split(' ')[0]?.toLowerCase()}@kommune.no` })).json().data;
      const added = await who.post(api(org, `/systems/${system.id}/roles`), { role: 'super_user', personId: person.id });
      expect(added.statusCode, added.body).toBe(201);
      // A member cannot change the owner's record.
      expect((await who.patch(api(org, `/systems/${system.id}`), { version: system.version, name: 'Kapret' })).statusCode).toBe(403);
    }
    const routeA: SupportRoute[] = (await editorA.get(api(ownerA, '/support?q=websak'))).json().data;
    const routeB: SupportRoute[] = (await editorB.get(api(ownerB, '/support?q=WEBS'))).json().data;
    expect(routeA[0]?.superUsers.map((h) => h.name)).toEqual(['Anna Superbruker']);
    expect(routeB[0]?.superUsers.map((h) => h.name)).toEqual(['Bjørn Superbruker']);
    expect(routeA[0]?.secondLine).toEqual([expect.objectContaining({ name: 'Acos AS', phone: '+47 33 00 00 00' })]);
    expect(routeA[0]?.systemOwner).toEqual([expect.objectContaining({ name: 'Siri Systemeier', email: 'siri@iks.no' })]);
    // No 1st line registered: the superbruker is 1st line (the support model); 2nd line is registered.
    expect(routeA[0]).toMatchObject({ firstLineIsSuperUsers: true, secondLineIsSuppliers: false });
    expect(routeA[0]?.firstLine.map((h) => h.name)).toEqual(['Anna Superbruker']);
    // Without a registered 2nd line, the operator and the vendor are the 2nd line.
    const localVendor = (await editorA.post(api(ownerA, '/suppliers'), { name: 'Lokal leverandør', supportPhone: '22 22 22 22' })).json().data;
    await editorA.post(api(ownerA, '/systems'), { name: 'Lokalt kartverktøy', vendorId: localVendor.id });
    const [local] = (await editorA.get(api(ownerA, '/support?q=kartverkt'))).json().data as SupportRoute[];
    expect(local).toMatchObject({ firstLine: [], firstLineIsSuperUsers: false, secondLineIsSuppliers: true });
    expect(local?.secondLine).toEqual([expect.objectContaining({ name: 'Lokal leverandør', phone: '22 22 22 22' })]);
    // Owner A's detail shows the owner's roles with hidden contact details for people not marked public.
    const detailA: SystemDetail = (await editorA.get(api(ownerA, `/systems/${system.id}`))).json().data;
    expect(detailA.roles.find((r) => r.holder.name === 'Hans Hemmelig')?.holder).toMatchObject({ email: null, phone: null });
    expect(detailA.roles.map((r) => r.holder.name)).not.toContain('Bjørn Superbruker');
    expect(detailA.contracts).toEqual([]);
    expect(detailA.integrations).toEqual([expect.objectContaining({ organizationId: iks.id, toComponent: expect.objectContaining({ name: 'SvarUt / SvarInn' }) })]);
    expect((await editorA.get(api(ownerA, '/integrations'))).json().data).toEqual([]);
    expect(detailA.quality.score).toBe(system.quality.score === 100 ? 100 : detailA.quality.score);

    // Each member records its own use; a stale version is refused; a member without the share gets 404.
    const shareA = detailA.shares.find((x) => x.organizationId === ownerA.id);
    expect(detailA.shares).toHaveLength(1);
    const usage = await editorA.request('PUT', api(ownerA, `/systems/${system.id}/usage`), { version: shareA?.version, users: 55 });
    expect(usage.statusCode, usage.body).toBe(200);
    expect((usage.json().data as SystemDetail).shares).toEqual([expect.objectContaining({ organizationId: ownerA.id, users: 55 })]);
    expect((await editorA.request('PUT', api(ownerA, `/systems/${system.id}/usage`), { version: shareA?.version, users: 1 })).statusCode).toBe(409);
    expect((await readerC.request('PUT', api(ownerC, `/systems/${system.id}/usage`), { version: 1, users: 1 })).statusCode).toBe(403);
    // The member cannot move its share to another system of the owner, not even through SQL.
    const other = (await iksEditor.post(api(iks, '/systems'), { name: 'Ikke delt system', lifecycle: 'retired' })).json().data as SystemDetail;
    const moved = await withActor(t.database.db, editorA.user?.id ?? '', (tx) =>
      queryRows(tx, sql`update system_shares set system_id = ${other.id} where member_id = ${ownerA.id} returning id`),
    ).catch((err: unknown) => err);
    expect(moved).toBeInstanceOf(Error);

    // Owner C is not shared with: nothing to see.
    expect((await readerC.get(api(ownerC, '/systems'))).json().data).toEqual([]);
    expect((await readerC.get(api(ownerC, `/systems/${system.id}`))).statusCode).toBe(404);
    expect((await readerC.get(api(ownerC, '/support?q=websak'))).json().data).toEqual([]);

    const matrix: SystemMatrix = (await iksEditor.get(api(iks, '/system-matrix'))).json().data;
    expect(matrix.members.map((m) => m.name)).toEqual(['Lierne kommune', 'Røyrvik kommune', 'Snåsa kommune']);
    const row = matrix.systems.find((s) => s.name === 'Acos Websak');
    expect(row?.cells.map((c) => [c.uses, c.users, c.superUsers])).toEqual([
      [true, 25, ['Bjørn Superbruker']],
      [false, null, []],
      [true, 55, ['Anna Superbruker']],
    ]);

    // Sharing with an organization that is neither an owner nor a cooperation member is refused.
    const stranger = await makeOrg(t.database, { name: 'Fremmed kommune' });
    const refused = await iksEditor.request('PUT', api(iks, `/systems/${system.id}/shares`), { version: system.version, shares: [{ organizationId: stranger.id }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'shares.0.organizationId' });
  });

  it('gives the plan document its system appendix: systems in use, own and shared', async () => {
    await editorA.post(api(ownerA, '/systems'), { name: 'Lokalt system', users: 3, database: 'PostgreSQL' });
    await editorA.post(api(ownerA, '/systems'), { name: 'Utfaset system', lifecycle: 'retired' });
    const rows = await withSystem(t.database.db, (tx) => documentSystems(tx, ownerA.id));
    expect(rows).toEqual([
      { name: 'Acos Websak', users: 55, vendor: 'Acos AS', cooperation: 'Test-IKS', serverLocation: 'IKS-ets datasenter', database: 'MS SQL', softwareVersion: '5.4.2' },
      { name: 'Lokalt kartverktøy', users: null, vendor: 'Lokal leverandør', cooperation: null, serverLocation: null, database: null, softwareVersion: null },
      { name: 'Lokalt system', users: 3, vendor: null, cooperation: null, serverLocation: null, database: 'PostgreSQL', softwareVersion: null },
    ]);
  });

  it('reports data-quality gaps and refuses bad input with Norwegian field messages', async () => {
    const bad = await iksEditor.post(api(iks, '/systems'), { name: '', users: -3, lifecycle: 'kanskje', plannedEnd: '31.12.2026', softwareVersion: '1.'.repeat(26) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.json().errors as Array<{ field: string; message: string }>).map((e) => [e.field, e.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', 'Navn må fylles ut'],
        ['users', 'Antall brukere kan ikke være negativt'],
        ['lifecycle', expect.stringContaining('Livsløp må være')],
        ['plannedEnd', 'Planlagt avviklet må være en dato (ÅÅÅÅ-MM-DD)'],
        ['softwareVersion', 'Versjon kan ha høyst 50 tegn'],
      ]),
    );
    const foreignSupplier = (await editorA.post(api(ownerA, '/suppliers'), { name: 'Andres leverandør' })).json().data;
    const refused = await iksEditor.post(api(iks, '/systems'), { name: 'Lånt leverandør', vendorId: foreignSupplier.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'vendorId' })]);
    const badContract = await iksEditor.post(api(iks, '/contracts'), { type: 'ssa_x', title: 'Avtale', startDate: '2026-05-01', endDate: '2026-01-01', yearlyCost: 12.5 });
    expect(badContract.statusCode).toBe(400);
    expect((badContract.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['type', 'yearlyCost']);
    const order = await iksEditor.post(api(iks, '/contracts'), { type: 'ssa_d', title: 'Avtale', startDate: '2026-05-01', endDate: '2026-01-01' });
    expect(order.json().errors).toEqual([{ field: 'endDate', message: 'Sluttdato kan ikke være før startdatoen' }]);

    const dup = await iksEditor.post(api(iks, '/systems'), { name: 'ACOS websak' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ field: 'name', message: 'Et system med dette navnet finnes allerede i organisasjonen.' }]);
    const dupSupplier = await iksEditor.post(api(iks, '/suppliers'), { name: 'acos as' });
    expect(dupSupplier.statusCode).toBe(409);

    const old = (await iksEditor.post(api(iks, '/systems'), { name: 'Gammelt system', plannedEnd: '2020-12-31', lifecycle: 'in_operation' })).json().data as SystemDetail;
    await iksEditor.post(api(iks, '/contracts'), { systemId: old.id, type: 'ssa_v', title: 'Utløpt vedlikehold', startDate: '2015-01-01', endDate: '2021-01-01' });
    const reviewed = (await iksEditor.post(api(iks, `/systems/${old.id}/review`), { version: old.version })).json().data as SystemDetail;
    expect(reviewed.lastReviewedAt).toBe(todayInOslo());
    expect(reviewed.quality.gaps).toEqual(['no_system_owner', 'no_super_user', 'contract_expired', 'past_planned_end']);
    expect(reviewed.quality.score).toBe(20);
    const dq = (await iksEditor.get(api(iks, '/data-quality'))).json().data as SystemListItem[];
    expect(dq[0]?.name).toBe('Gammelt system');
  });

  it('refuses a stale version with 409 and changes nothing; records who changed what', async () => {
    const created = (await iksEditor.post(api(iks, '/systems'), { name: 'Versjonert' })).json().data as SystemDetail;
    const first = await iksEditor.patch(api(iks, `/systems/${created.id}`), { version: created.version, users: 10 });
    expect(first.statusCode).toBe(200);
    const stale = await iksEditor.patch(api(iks, `/systems/${created.id}`), { version: created.version, users: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('endret av noen andre');
    const now = (await iksEditor.get(api(iks, `/systems/${created.id}`))).json().data as SystemDetail;
    expect(now.users).toBe(10);
    const audit = await queryRows<{ action: string; before: { users: number | null } | null; after: { users: number } }>(
      t.database.db,
      sql`select action, before, after from audit_log where table_name = 'systems' and record_id = ${created.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
    expect(audit[1]?.before?.users).toBeNull();
    expect(audit[1]?.after.users).toBe(10);
    // Derived columns (kept by PostgreSQL or triggers) stay out of the history.
    expect(audit[1]?.after).toHaveProperty('name', 'Versjonert');
    for (const derived of ['name_key', 'shared_with', 'quality_roles', 'quality_contracts']) expect(audit[1]?.after).not.toHaveProperty(derived);
  });

  it('sorts, filters and pages own and shared systems alike, with the member’s own users for shared ones', async () => {
    const host = await makeOrg(t.database, { kind: 'iks', name: 'Sorterings-IKS' });
    const member = await makeOrg(t.database, { kind: 'kommune', name: 'Sortering kommune' });
    const outsider = await makeOrg(t.database, { kind: 'kommune', name: 'Utenfor kommune' });
    await makeOwners(t.database, host.id, [{ id: member.id, access: 'none' }, { id: outsider.id, access: 'none' }]);
    const hostEditor = await login(t.app, await makeUser(t.database, { memberships: [[host.id, 'editor']] }));
    const memberEditor = await login(t.app, await makeUser(t.database, { memberships: [[member.id, 'editor']] }));
    const outsiderEditor = await login(t.app, await makeUser(t.database, { memberships: [[outsider.id, 'editor']] }));
    const vendor = async (c: Client, o: TestOrg, name: string) => (await c.post(api(o, '/suppliers'), { name })).json().data.id as string;
    const make = async (c: Client, o: TestOrg, name: string, users: number | null, lifecycle: string, vendorId: string) => {
      const res = await c.post(api(o, '/systems'), { name, users, lifecycle, vendorId });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data as SystemDetail;
    };
    const hv = await vendor(hostEditor, host, 'Bravo leverandør');
    const mv = await vendor(memberEditor, member, 'Alfa leverandør');
    await vendor(outsiderEditor, outsider, 'Aaa utenfor');
    for (const [name, users, lifecycle, share] of [
      ['Delt Arkiv', 500, 'in_operation', 7],
      ['delt barnevern', null, 'phasing_out', 30],
      ['Delt Økonomi', 900, 'planned', null],
    ] as const) {
      const s = await make(hostEditor, host, name, users, lifecycle, hv);
      const res = await hostEditor.request('PUT', api(host, `/systems/${s.id}/shares`), { version: s.version, shares: [{ organizationId: member.id, users: share }, { organizationId: outsider.id }] });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Not shared with the member: never in its list.
    await make(hostEditor, host, 'Delt Hemmelig', 1, 'in_operation', hv);
    await make(outsiderEditor, outsider, 'Andres system', 3, 'in_operation', await vendor(outsiderEditor, outsider, 'Andres leverandør'));
    for (const [name, users, lifecycle] of [
      ['Eget Arkiv', 20, 'in_operation'],
      ['eget BIM', 10, 'retired'],
      ['Eget Chat', null, 'introducing'],
    ] as const) await make(memberEditor, member, name, users, lifecycle, mv);

    const list = async (query: string) => {
      const res = await memberEditor.get(api(member, `/systems?${query}`));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { data: SystemListItem[]; total: number };
      return { names: body.data.map((s) => s.name), users: body.data.map((s) => s.users), total: body.total, data: body.data };
    };
    const all = await list('');
    expect(all.names).toEqual(['Delt Arkiv', 'delt barnevern', 'Delt Økonomi', 'Eget Arkiv', 'eget BIM', 'Eget Chat']);
    expect(all.total).toBe(6);
    expect(all.data.filter((s) => s.host).map((s) => s.host?.name)).toEqual(['Sorterings-IKS', 'Sorterings-IKS', 'Sorterings-IKS']);
    expect((await list('dir=desc')).names).toEqual([...all.names].reverse());
    // Shared systems sort by the member's own users (7, 30, none), empty values last either way.
    expect((await list('sort=users')).users).toEqual([7, 10, 20, 30, null, null]);
    expect((await list('sort=users&dir=desc')).users).toEqual([30, 20, 10, 7, null, null]);
    expect((await list('sort=vendor')).names).toEqual(['Eget Arkiv', 'eget BIM', 'Eget Chat', 'Delt Arkiv', 'delt barnevern', 'Delt Økonomi']);
    expect((await list('sort=lifecycle')).names).toEqual(['Delt Økonomi', 'Eget Chat', 'Delt Arkiv', 'Eget Arkiv', 'delt barnevern', 'eget BIM']);
    const filtered = await list('q=ARKIV');
    expect(filtered).toMatchObject({ names: ['Delt Arkiv', 'Eget Arkiv'], total: 2 });
    expect(await list('lifecycle=in_operation&q=a')).toMatchObject({ names: ['Delt Arkiv', 'Eget Arkiv'], total: 2 });
    // Pages put together give the whole list, each with the whole total.
    const pages = await Promise.all([0, 2, 4].map((offset) => list(`limit=2&offset=${offset}`)));
    expect(pages.flatMap((p) => p.names)).toEqual(all.names);
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
    expect((await list('limit=2&offset=6')).names).toEqual([]);
  });

  it('lists systems with the same number of SQL queries for 50 and 300 rows', async () => {
    const org = await makeOrg(t.database, { name: 'Stor kommune' });
    const editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    const person = (await editor.post(api(org, '/persons'), { name: 'Eier' })).json().data;
    for (let i = 0; i < 300; i++) {
      const s = (await editor.post(api(org, '/systems'), { name: `System ${String(i).padStart(3, '0')}`, personalData: i % 2 === 0 })).json().data;
      if (i % 3 === 0) await editor.post(api(org, `/systems/${s.id}/roles`), { role: 'system_owner', personId: person.id });
      if (i % 5 === 0) await editor.post(api(org, '/contracts'), { systemId: s.id, type: 'dpa', title: `DBA ${i}` });
    }
    const count = async (limit: number) => {
      queries = 0;
      const res = await editor.get(api(org, `/systems?limit=${limit}`));
      expect(res.json().data).toHaveLength(limit);
      expect(res.json().total).toBe(300);
      return queries;
    };
    const last = (await editor.get(api(org, '/systems?dir=desc&limit=1'))).json().data as SystemListItem[];
    expect(last.map((x) => x.name)).toEqual(['System 299']);
    const badDir = await editor.get(api(org, '/systems?dir=opp'));
    expect(badDir.statusCode).toBe(400);
    expect(badDir.json().errors[0]).toMatchObject({ field: 'dir' });
    const small = await count(50);
    expect(await count(300)).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });
});
