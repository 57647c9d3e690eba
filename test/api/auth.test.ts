import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, PASSWORD, startTestApp, type TestContext } from '../support/factories.ts';

describe.each(backends)('authentication and sessions ($name)', (backend) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in, returns the session with organizations and role, and sets a safe cookie', async () => {
    const org = await makeOrg(t.database);
    const user = await makeUser(t.database, { memberships: [[org.id, 'editor']] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: user.username.toUpperCase(), password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.user.username).toBe(user.username);
    expect(body.data.organizations).toEqual([
      expect.objectContaining({ id: org.id, role: 'editor', via: null, abilities: { edit: true, admin: false } }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'veikart_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Only a hash of the token is stored.
    const rows = await queryRows<{ id: string }>(t.database.db, sql`select id from sessions`);
    expect(rows.map((r) => r.id)).not.toContain(cookie?.value);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await makeUser(t.database);
    const rows = await queryRows<{ h: string }>(
      t.database.db,
      sql`select i.password_hash as h from user_identities i join users u on u.id = i.user_id where u.username = ${user.username}`,
    );
    expect(rows[0]?.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('rejects a wrong password with a Norwegian problem and no session', async () => {
    const user = await makeUser(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: user.username, password: 'feil-passord' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('Feil brukernavn eller passord.');
    expect(res.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
  });

  it('rate-limits an account after five failures, even with the right password', async () => {
    const user = await makeUser(t.database);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: { username: user.username, password: `feil-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: user.username, password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.json().detail).toContain('For mange mislykkede innlogginger');
    // Another account from the same address still works.
    const other = await makeUser(t.database);
    await expect(login(t.app, other)).resolves.toBeTruthy();
  });

  it('rate-limits an IP address across accounts', async () => {
    const headers = { 'content-type': 'application/json' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        headers,
        payload: { username: `finnes-ikke-${i}`, password: 'x' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('requires a session for the API and the CSRF token for changes', async () => {
    const org = await makeOrg(t.database);
    expect((await anonymous(t.app).get('/api/v1/session')).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/v1/organizations/${org.id}/sites`)).statusCode).toBe(401);
    const user = await makeUser(t.database, { memberships: [[org.id, 'admin']] });
    const c = await login(t.app, user);
    const noCsrf = await c.request('POST', `/api/v1/organizations/${org.id}/sites`, { name: 'Rådhuset' }, { 'x-csrf-token': 'feil' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toContain('CSRF');
    const list = await c.get(`/api/v1/organizations/${org.id}/sites`);
    expect(list.json().data).toEqual([]);
    expect((await c.post(`/api/v1/organizations/${org.id}/sites`, { name: 'Rådhuset' })).statusCode).toBe(201);
  });

  it('logs out: the old cookie no longer works', async () => {
    const user = await makeUser(t.database);
    const c = await login(t.app, user);
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('refuses reads with an expired session or a disabled user, and an unknown cookie', async () => {
    // Reads look the session up in the request's first statement (veikart_act_as_session).
    const org = await makeOrg(t.database);
    const expired = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    const disabled = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    const a = await login(t.app, expired);
    const b = await login(t.app, disabled);
    const sites = `/api/v1/organizations/${org.id}/sites`;
    expect((await a.get(sites)).statusCode).toBe(200);
    expect((await b.get(sites)).statusCode).toBe(200);
    await queryRows(t.database.db, sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${expired.id}`);
    await queryRows(t.database.db, sql`update users set disabled = true where id = ${disabled.id}`);
    for (const c of [a, b]) {
      const res = await c.get(sites);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await c.get('/api/v1/session')).statusCode).toBe(401);
      expect((await c.get('/api/v1/reference/kommuner')).statusCode).toBe(401);
    }
    const forged = await t.app.inject({ method: 'GET', url: sites, headers: { cookie: 'veikart_session=ikke-en-okt' } });
    expect(forged.statusCode).toBe(401);
  });

  it('changes the password: wrong current password is refused, the new one works', async () => {
    const user = await makeUser(t.database);
    const c = await login(t.app, user);
    const wrong = await c.post('/api/v1/session/password', { currentPassword: 'feil', newPassword: 'nytt-passord-456' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', message: 'Nåværende passord er feil.' }]);
    const short = await c.post('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toEqual({ field: 'newPassword', message: 'Nytt passord må ha minst 10 tegn' });
    expect((await c.post('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'nytt-passord-456' })).statusCode).toBe(204);
    await expect(login(t.app, user)).rejects.toThrow(/401/);
    await expect(login(t.app, user, 'nytt-passord-456')).resolves.toBeTruthy();
  });

  it('keeps a per-user interface language, and answers errors in the language asked for', async () => {
    const user = await makeUser(t.database);
    const c = await login(t.app, user);
    expect((await c.get('/api/v1/session')).json().data.language).toBeNull();
    const set = await c.request('PUT', '/api/v1/session/language', { language: 'nn' });
    expect(set.statusCode).toBe(200);
    expect(set.json().data.language).toBe('nn');
    expect((await c.get('/api/v1/session')).json().data.language).toBe('nn');
    const bad = await c.request('PUT', '/api/v1/session/language', { language: 'se' }, { 'accept-language': 'nn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('language');
    expect(bad.json().errors[0].message).toMatch(/^Målform må vere nb, nn eller tom/);
    // The same refusal in bokmål without the header, and a field label in nynorsk with it.
    expect((await c.request('PUT', '/api/v1/session/language', { language: 'se' })).json().errors[0].message).toMatch(/^Målform må være/);
    const short = await c.request('POST', '/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'kort' }, { 'accept-language': 'nn' });
    expect(short.json().errors[0]).toEqual({ field: 'newPassword', message: 'Nytt passord må ha minst 10 teikn' });
    expect(short.json().title).toBe('Ugyldige data');
    const reset = await c.request('PUT', '/api/v1/session/language', { language: null });
    expect(reset.json().data.language).toBeNull();
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'ok', driver: backend.name } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document listing the API', async () => {
    const res = await anonymous(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/organizations/{orgId}/sites']));
  });
});
