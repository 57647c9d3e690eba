/**
 * Issue 20: a randomized walk. One IKS administrator writes (systems, renames, shares with an owner
 * kommune and a cooperation member, people, roles, a staff member's role) while users of other
 * organizations and roles read — IKS staff, an owner kommune's reader (shared systems and IKS
 * access), a cooperation member, a reader of the IKS, another tenant — through an app with the
 * response cache on. Every read is made again at the same moment through a second app on the same
 * database with the cache off; status and body must be equal. Zero differences is the bar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { DEFAULT_CACHE_MAX_BYTES } from '../../src/api/response-cache.ts';
import { backends } from '../support/db.ts';
import { makeCooperation, makeOrg, makeOwners, makeUser, PASSWORD, sessionClient, startTestApp, type Client, type TestContext, type TestOrg, type TestUser } from '../support/factories.ts';

const STEPS = Number(process.env.VEIKART_EQUIVALENCE_STEPS ?? 150);

/** A small seeded generator, so a failing walk can be replayed (the seed is in the test name). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Signs in and keeps the cookie, so the same session can read through the uncached app. */
async function signIn(app: FastifyInstance, user: TestUser): Promise<{ client: Client; cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: user.username, password: PASSWORD }) });
  const session = res.cookies.find((c) => c.name === 'veikart_session');
  if (!session) throw new Error(`login failed: ${res.statusCode}`);
  const cookie = `veikart_session=${session.value}`;
  return { client: await sessionClient(app, cookie), cookie };
}

// With VEIKART_TEST_CACHE=off there is nothing cached to compare.
describe.skipIf(process.env.VEIKART_TEST_CACHE === 'off').each(backends)('cached reads equal uncached reads at the same moment ($name)', (backend) => {
  let t: TestContext;
  let uncached: FastifyInstance;
  let iks: TestOrg;
  let kommune: TestOrg;
  let member: TestOrg;
  let other: TestOrg;
  let writer: Client;
  let staffUser: TestUser;
  const readers: Array<{ name: string; client: Client; cookie: string }> = [];
  const seed = Number(process.env.VEIKART_EQUIVALENCE_SEED ?? Date.now() % 100_000);

  beforeAll(async () => {
    t = await startTestApp(backend, { today: '2026-06-01', cache: true });
    uncached = await buildApp({ database: t.database, today: () => '2026-06-01', cache: { enabled: false, maxBytes: DEFAULT_CACHE_MAX_BYTES } });
    await uncached.ready();
    iks = await makeOrg(t.database, { kind: 'iks', name: 'Likhet IKS' });
    kommune = await makeOrg(t.database, { kind: 'kommune', name: 'Eierkommune' });
    member = await makeOrg(t.database, { kind: 'kommune', name: 'Samarbeidskommune' });
    other = await makeOrg(t.database, { kind: 'kommune', name: 'Fremmed kommune' });
    await makeOwners(t.database, iks.id, [{ id: kommune.id, access: 'reader' }]);
    await makeCooperation(t.database, iks.id, [member.id]);
    const writing = await signIn(t.app, await makeUser(t.database, { memberships: [[iks.id, 'admin']] }));
    writer = writing.client;
    staffUser = await makeUser(t.database, { memberships: [[iks.id, 'reader']] });
    const kommuneEditor = (await signIn(t.app, await makeUser(t.database, { memberships: [[kommune.id, 'editor']] }))).client;
    for (const name of ['Kommunens arkiv', 'Kommunens sak']) expect((await kommuneEditor.post(`/api/v1/organizations/${kommune.id}/systems`, { name })).statusCode).toBe(201);
    readers.push(
      { name: 'IKS staff', ...(await signIn(t.app, staffUser)) },
      { name: 'owner kommune reader', ...(await signIn(t.app, await makeUser(t.database, { memberships: [[kommune.id, 'reader']] }))) },
      { name: 'cooperation member', ...(await signIn(t.app, await makeUser(t.database, { memberships: [[member.id, 'editor']] }))) },
      { name: 'other tenant', ...(await signIn(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }))) },
      { name: 'writer', ...writing },
    );
  });
  afterAll(async () => {
    await uncached?.close();
    await t?.close();
  });

  it(`finds no difference in ${STEPS} steps (seed ${seed})`, async () => {
    const next = random(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
    const systems: string[] = [];
    const persons: string[] = [];
    const differences: string[] = [];
    let hits = 0;
    let reads = 0;

    const detail = async (id: string) => (await writer.get(api(iks, `/systems/${id}`))).json().data as { version: number };
    const writes: Array<() => Promise<unknown>> = [
      async () => {
        const res = await writer.post(api(iks, '/systems'), { name: `System ${systems.length}` });
        if (res.statusCode === 201) systems.push(res.json().data.id);
      },
      async () => {
        if (systems.length === 0) return;
        const id = pick(systems);
        await writer.patch(api(iks, `/systems/${id}`), { version: (await detail(id)).version, name: `Omdøpt ${Math.floor(next() * 1000)}` });
      },
      async () => {
        if (systems.length === 0) return;
        const id = pick(systems);
        const to = [kommune, member].filter(() => next() < 0.6).map((o) => ({ organizationId: o.id, users: Math.floor(next() * 50) }));
        await writer.request('PUT', api(iks, `/systems/${id}/shares`), { version: (await detail(id)).version, shares: to });
      },
      async () => {
        const res = await writer.post(api(iks, '/persons'), { name: `Person ${persons.length}` });
        if (res.statusCode === 201) persons.push(res.json().data.id);
      },
      async () => {
        if (systems.length === 0 || persons.length === 0) return;
        await writer.post(api(iks, `/systems/${pick(systems)}/roles`), { role: pick(['system_owner', 'super_user', 'system_manager']), personId: pick(persons) });
      },
      async () => {
        const members = (await writer.get(api(iks, '/members'))).json().data as Array<{ userId?: string; user?: { id: string }; role: string; version: number }>;
        const m = members.find((x) => (x.userId ?? x.user?.id) === staffUser.id);
        if (m) await writer.patch(api(iks, `/members/${staffUser.id}`), { role: m.role === 'reader' ? 'editor' : 'reader', version: m.version });
      },
    ];
    const urls = (): string[] => {
      // Few addresses, so the same reader asks the same question before and after a write.
      const o = next() < 0.7 ? iks : pick([kommune, member, other]);
      const paths = next() < 0.6 ? ['/systems', '/persons'] : ['/systems?limit=2', '/support', '/portfolio', '/members', ''];
      const list = [api(o, pick(paths)), api(o, pick(paths)), '/api/v1/organizations'];
      if (systems.length > 0) list.push(api(iks, `/systems/${pick(systems)}`));
      return list;
    };

    // Writes that change who sees what (shares, the staff member's role) come less often, so reads
    // between them are answered from memory; after every write a question asked before is asked again.
    const weighted = [0, 0, 1, 1, 3, 3, 4, 4, 2, 5];
    const asked: Array<{ reader: (typeof readers)[number]; url: string }> = [];
    for (let step = 0; step < STEPS; step++) {
      const write = next() < 0.25;
      if (write) await writes[pick(weighted)]!();
      const repeat = write && asked.length > 0 ? pick(asked) : null;
      const reader = repeat?.reader ?? pick(readers);
      const url = repeat?.url ?? pick(urls());
      asked.push({ reader, url });
      const cachedRes = await reader.client.get(url);
      const direct = await uncached.inject({ method: 'GET', url, headers: { cookie: reader.cookie } });
      reads++;
      if (cachedRes.statusCode !== direct.statusCode || cachedRes.body !== direct.body) {
        differences.push(`step ${step}, ${reader.name}, GET ${url}: cached ${cachedRes.statusCode} ${cachedRes.body.slice(0, 200)} / uncached ${direct.statusCode} ${direct.body.slice(0, 200)}`);
      }
      // The same read again: answered from memory when nothing changed, and still equal.
      const again = await reader.client.request('GET', url, undefined, { 'if-none-match': String(cachedRes.headers.etag ?? '') });
      if (again.statusCode === 304) hits++;
      else if (again.statusCode !== direct.statusCode || again.body !== direct.body) differences.push(`step ${step}, ${reader.name}, GET ${url} (again): ${again.statusCode}`);
    }
    expect(differences).toEqual([]);
    expect(reads).toBeGreaterThan(STEPS / 2);
    expect(hits).toBeGreaterThan(0);
  });
});
