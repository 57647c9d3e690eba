/**
 * Issue 18, product identity: the shared catalogue, "Hvem andre bruker dette systemet?" and the
 * national view. Two opted-in kommuner running Visma Flyt Skole see each other; a third, not opted
 * in, is never shown, named or counted — through the API and through row-level security.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withActor } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg, type TestUser } from '../support/factories.ts';

describe.each(backends)('products and "Hvem andre bruker" ($name)', (backend) => {
  let t: TestContext;
  const orgs: Record<'a' | 'b' | 'c' | 'd', TestOrg> = {} as never;
  const users: Record<'a' | 'b' | 'c' | 'd', TestUser> = {} as never;
  const clients: Record<'a' | 'b' | 'c' | 'd', Client> = {} as never;
  const systems: Record<string, string> = {};
  let flyt: { id: string; vendorId: string | null };
  let queries = 0;

  const api = (k: keyof typeof orgs, path: string) => `/api/v1/organizations/${orgs[k].id}${path}`;

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    for (const [k, nr, name] of [
      ['a', '5055', 'Karlsøy kommune'],
      ['b', '5021', 'Måsøy kommune'],
      ['c', '5054', 'Kåfjord kommune'],
      ['d', '3439', 'Ringebu kommune'],
    ] as const) {
      orgs[k] = await makeOrg(t.database, { kind: 'kommune', kommunenummer: nr, name });
      users[k] = await makeUser(t.database, { memberships: [[orgs[k].id, 'admin']] });
      clients[k] = await login(t.app, users[k]);
    }
    const catalogue = (await clients.a.get(api('a', '/products'))).json().data as Array<{ id: string; name: string; vendorId: string | null }>;
    flyt = catalogue.find((p) => p.name === 'Visma Flyt Skole')!;
    expect(flyt).toBeDefined();
    const enterprise = catalogue.find((p) => p.name === 'Visma Enterprise')!;
    for (const k of ['a', 'b', 'c'] as const) {
      const s = (await clients[k].post(api(k, '/systems'), { name: 'Skoleadministrativt system', users: 40 })).json().data;
      systems[k] = s.id;
      const put = await clients[k].request('PUT', api(k, `/systems/${s.id}/product`), { productId: flyt.id });
      expect(put.statusCode, put.body).toBe(200);
    }
    const hr = (await clients.b.post(api('b', '/systems'), { name: 'Lønn og personal' })).json().data;
    await clients.b.request('PUT', api('b', `/systems/${hr.id}/product`), { productId: enterprise.id });
    expect((await clients.a.request('PUT', api('a', '/product-network'), { optedIn: true, contactName: 'Kari IKT', contactEmail: 'kari@karlsoy.kommune.no' })).statusCode).toBe(200);
    expect((await clients.b.request('PUT', api('b', '/product-network'), { optedIn: true, contactName: 'Ola Skole' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('two opted-in kommuner see each other per product and per vendor; the third is never shown or named', async () => {
    const res = await clients.a.get(api('a', `/systems/${systems.a}/peers`));
    expect(res.statusCode, res.body).toBe(200);
    const peers = res.json().data;
    expect(peers.optedIn).toBe(true);
    expect(peers.product.name).toBe('Visma Flyt Skole');
    expect(peers.byProduct).toEqual({ count: 'færre enn 3', peers: [{ organization: 'Måsøy kommune', system: 'Skoleadministrativt system', users: 40, operator: null, contactName: 'Ola Skole', contactEmail: null }] });
    expect(peers.byVendor.peers.map((p: { organization: string; system: string }) => `${p.organization}: ${p.system}`)).toEqual(['Måsøy kommune: Lønn og personal']);
    expect(res.body).not.toContain('Kåfjord');

    const fromB = (await clients.b.get(api('b', `/systems/${systems.b}/peers`))).json().data;
    expect(fromB.byProduct.peers.map((p: { organization: string }) => p.organization)).toEqual(['Karlsøy kommune']);
    expect(JSON.stringify(fromB)).not.toContain('Kåfjord');

    // The one not opted in sees nobody (it is not shown others until it shows itself).
    const fromC = await clients.c.get(api('c', `/systems/${systems.c}/peers`));
    expect(fromC.json().data).toMatchObject({ optedIn: false, byProduct: { peers: [] }, byVendor: { peers: [] }, byName: { peers: [] } });
    // Another organization's system: 404.
    expect((await clients.c.get(api('c', `/systems/${systems.a}/peers`))).statusCode).toBe(404);
    expect((await clients.c.request('PUT', api('c', `/systems/${systems.a}/product`), { productId: flyt.id })).statusCode).toBe(404);
  });

  it('the national view counts opted-in organizations only, below 3 as "færre enn 3", and matches the data', async () => {
    const usage = async () => (await clients.c.get(api('c', '/product-usage'))).json().data as Array<{ product: string; organizations: string }>;
    expect((await usage()).find((u) => u.product === 'Visma Flyt Skole')?.organizations).toBe('færre enn 3');
    const s = (await clients.d.post(api('d', '/systems'), { name: 'Visma Flyt Skole' })).json().data;
    await clients.d.request('PUT', api('d', `/systems/${s.id}/product`), { productId: flyt.id });
    expect((await usage()).find((u) => u.product === 'Visma Flyt Skole')?.organizations).toBe('færre enn 3');
    await clients.d.request('PUT', api('d', '/product-network'), { optedIn: true });
    expect((await usage()).find((u) => u.product === 'Visma Flyt Skole')?.organizations).toBe('3');
    // Opting out removes it from lists and counts again.
    await clients.d.request('PUT', api('d', '/product-network'), { optedIn: false });
    expect((await usage()).find((u) => u.product === 'Visma Flyt Skole')?.organizations).toBe('færre enn 3');
    expect(JSON.stringify(await usage())).not.toContain('kommune');
  });

  it('row-level security: as the organizations\' own database role, nothing of the one not opted in is readable', async () => {
    const db = t.database.db;
    const asA = await withActor(db, users.a.id, async (tx) => ({
      network: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from product_network`),
      links: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from system_products`),
      cSystems: await queryRows<{ id: string }>(tx, sql`select id from systems where organization_id = ${orgs.c.id}`),
      peersOfC: await queryRows<{ organization_id: string }>(tx, sql`select organization_id from veikart_product_peers(${orgs.c.id}::uuid, ${flyt.id}::uuid, null, null)`),
      peers: await queryRows<{ organization_id: string; organization_name: string }>(tx, sql`select organization_id, organization_name from veikart_product_peers(${orgs.a.id}::uuid, ${flyt.id}::uuid, null, null)`),
      products: await queryRows<{ name: string }>(tx, sql`select name from products`),
    }));
    expect(asA.network.map((r) => r.organization_id)).toEqual([orgs.a.id]);
    expect(asA.links.every((r) => r.organization_id === orgs.a.id)).toBe(true);
    expect(asA.cSystems).toEqual([]);
    expect(asA.peersOfC).toEqual([]);
    expect(asA.peers.map((r) => r.organization_name)).toEqual(['Måsøy kommune']);
    expect(asA.products.length).toBeGreaterThanOrEqual(5);
    const asC = await withActor(db, users.c.id, async (tx) => queryRows<{ organization_id: string }>(tx, sql`select organization_id from veikart_product_peers(${orgs.c.id}::uuid, ${flyt.id}::uuid, null, null)`));
    expect(asC).toEqual([]);
    // The catalogue is shared reference data: an editor adds to it, and may not change or delete it.
    const added = await withActor(db, users.c.id, async (tx) => {
      await tx.execute(sql`insert into products (name, added_by) values ('Acos Kunde', ${orgs.c.id})`);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from products where name_key = 'acos kunde'`);
    });
    expect(added[0]?.n).toBe(1);
    await expect(withActor(db, users.c.id, (tx) => tx.execute(sql`update products set name = 'X' where name_key = 'gerica'`))).rejects.toThrow();
  });

  it('adds a product by normalized name, and "Hvem andre bruker" costs the same statements for more organizations', async () => {
    const one = await clients.a.post(api('a', '/products'), { name: '  acos   websak ', vendorName: 'Acos' });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json().data.name).toBe('Acos WebSak');
    const bad = await clients.a.post(api('a', '/products'), { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('name');
    const count = async () => {
      const before = queries;
      expect((await clients.a.get(api('a', `/systems/${systems.a}/peers`))).statusCode).toBe(200);
      return queries - before;
    };
    const few = await count();
    await clients.d.request('PUT', api('d', '/product-network'), { optedIn: true });
    await clients.c.request('PUT', api('c', '/product-network'), { optedIn: true });
    expect(await count()).toBe(few);
    expect((await clients.a.get(api('a', `/systems/${systems.a}/peers`))).json().data.byProduct.count).toBe('3');
  });
});
