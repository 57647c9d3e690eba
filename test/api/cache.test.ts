/**
 * Issue 20: ETags, 304 and the response cache. A read answered from memory runs no statement, and
 * every change a reader must see — a write (through the API or not), logout, a disabled user, a
 * role change, an expired session — takes effect on the very next request.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../src/db/database.ts';
import { CacheState } from '../../src/api/cache-state.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg, type TestUser } from '../support/factories.ts';

const CACHE_ON = process.env.VEIKART_TEST_CACHE !== 'off';

describe.skipIf(!CACHE_ON).each(backends)('response cache and conditional requests ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let readerUser: TestUser;
  let otherEditor: Client;
  let statements = 0;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
  const names = (res: { json(): unknown }) => ((res.json() as { data: Array<{ name: string }> }).data ?? []).map((s) => s.name).sort();
  const counted = async <T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> => {
    const before = statements;
    const value = await fn();
    return { value, statements: statements - before };
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => statements++, cache: true });
    org = await makeOrg(t.database, { kind: 'kommune', name: 'Hurtig kommune' });
    other = await makeOrg(t.database, { kind: 'kommune', name: 'Annen kommune' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    readerUser = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    otherEditor = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'editor']] }));
    expect((await editor.post(api(org, '/systems'), { name: 'Arkiv' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a repeated read from memory and a matching If-None-Match with 304, without a statement', async () => {
    const first = await editor.get(api(org, '/systems'));
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await counted(() => editor.get(api(org, '/systems')));
    expect(again.value.statusCode).toBe(200);
    expect(again.value.body).toBe(first.body);
    expect(again.value.headers.etag).toBe(etag);
    expect(again.statements).toBe(0);
    const notModified = await counted(() => editor.request('GET', api(org, '/systems'), undefined, { 'if-none-match': etag }));
    expect(notModified.value.statusCode).toBe(304);
    expect(notModified.value.body).toBe('');
    expect(notModified.statements).toBe(0);
    // Compressed bodies are stored compressed and sent as they are.
    const gz = await editor.request('GET', api(org, '/systems'), undefined, { 'accept-encoding': 'gzip' });
    const gzAgain = await counted(() => editor.request('GET', api(org, '/systems'), undefined, { 'accept-encoding': 'gzip' }));
    expect(gzAgain.statements).toBe(0);
    expect(gzAgain.value.rawPayload.equals(gz.rawPayload)).toBe(true);
    expect(gzAgain.value.headers['content-encoding']).toBe(gz.headers['content-encoding']);
  });

  it('shows a write on the next read, to the writer and to the other users of the organization', async () => {
    const reader = await login(t.app, readerUser);
    const before = await reader.get(api(org, '/systems'));
    expect(names(before)).toEqual(['Arkiv']);
    expect((await editor.post(api(org, '/systems'), { name: 'Sak' })).statusCode).toBe(201);
    const after = await reader.get(api(org, '/systems'));
    expect(names(after)).toEqual(['Arkiv', 'Sak']);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const stale = await reader.request('GET', api(org, '/systems'), undefined, { 'if-none-match': String(before.headers.etag) });
    expect(stale.statusCode).toBe(200);
    // A write that does not go through the API (the command line, a fixture) is seen too.
    await withSystem(t.database.db, (tx) => tx.execute(sql`update systems set name = 'Sak 2' where organization_id = ${org.id} and name = 'Sak'`));
    expect(names(await reader.get(api(org, '/systems')))).toEqual(['Arkiv', 'Sak 2']);
  });

  it('never answers another organization\'s user from the cache, not even with the right ETag', async () => {
    const own = await editor.get(api(org, '/systems'));
    const res = await otherEditor.request('GET', api(org, '/systems'), undefined, { 'if-none-match': String(own.headers.etag) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Arkiv');
    const anonymous = await t.app.inject({ method: 'GET', url: api(org, '/systems'), headers: { 'if-none-match': String(own.headers.etag) } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('ends a session on logout at the next request', async () => {
    const c = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    const res = await c.get(api(org, '/systems'));
    expect(res.statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(401);
    expect((await c.request('GET', api(org, '/systems'), undefined, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(401);
  });

  it('shuts a disabled user out at the next request', async () => {
    const user = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    const c = await login(t.app, user);
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(200);
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(200);
    await withSystem(t.database.db, (tx) => tx.execute(sql`update users set disabled = true where id = ${user.id}`));
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(401);
  });

  it('applies a role change and a removed membership at the next request', async () => {
    const user = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    const c = await login(t.app, user);
    const read = await c.get(api(org, '/systems'));
    expect(read.statusCode).toBe(200);
    const members = (await editor.get(api(org, '/members'))).json().data as Array<{ userId?: string; user?: { id: string }; version: number; id?: string }>;
    const member = members.find((m) => (m.userId ?? m.user?.id) === user.id);
    expect(member).toBeDefined();
    const patched = await editor.patch(api(org, `/members/${user.id}`), { role: 'editor', version: member?.version });
    expect(patched.statusCode, patched.body).toBe(200);
    const asEditor = await c.get(api(org, '/systems'));
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.headers.etag).not.toBe(read.headers.etag);
    const version = (patched.json() as { data: { version: number } }).data.version;
    expect((await editor.del(api(org, `/members/${user.id}?version=${version}`))).statusCode).toBe(204);
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(404);
    expect((await c.request('GET', api(org, '/systems'), undefined, { 'if-none-match': String(asEditor.headers.etag) })).statusCode).toBe(404);
  });

  it('ends an expired session at the next request, without being told', async () => {
    const c = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    const user = c.user as TestUser;
    await withSystem(t.database.db, (tx) => tx.execute(sql`update sessions set expires_at = now() + interval '1.5 seconds' where user_id = ${user.id}`));
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(200);
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await c.get(api(org, '/systems'))).statusCode).toBe(401);
  });
});

describe('cache state', () => {
  it('forgets an expired session, keeps the newest version, and drops a load overtaken by an access change', () => {
    const state = new CacheState();
    const scope = { sessionId: 's', csrfToken: 'c', userId: 'u', username: 'u', displayName: 'U', email: null, systemAdmin: false, expiresAt: 1000, access: 'x', orgs: ['a', 'b'], versions: ['3', '1'] };
    state.remember('h', scope, state.mark());
    expect(state.lookup('h', 999)?.versions).toEqual([3, 1]);
    state.apply('a:5,b:2');
    state.apply('a:4');
    expect(state.lookup('h', 999)?.versions).toEqual([5, 2]);
    expect(state.lookup('h', 1000)).toBeNull();
    const mark = state.mark();
    state.apply('|a');
    state.remember('h', scope, mark);
    expect(state.lookup('h', 0)).toBeNull();
    state.remember('h', scope, state.mark());
    state.apply('*');
    expect(state.lookup('h', 0)).toBeNull();
  });
});
