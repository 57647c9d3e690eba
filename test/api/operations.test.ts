import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUST_PROXY_WARNING, trustProxyFromEnv } from '../../src/api/server-config.ts';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { MIGRATION_LOCK, withSystem } from '../../src/db/database.ts';
import { buildApp } from '../../src/api/app.ts';
import { backends } from '../support/db.ts';
import { makeUser, PASSWORD, startTestApp, type TestContext } from '../support/factories.ts';

describe.each(backends)('operations ($name)', (backend) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = (username: string, password: string, remoteAddress = '198.51.100.7') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'content-type': 'application/json' }, payload: { username, password } });

  it('counts failed logins atomically: 20 parallel wrong passwords give at most five 401s, the rest 429', async () => {
    const user = await makeUser(t.database);
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.username, `feil-${i}`)))).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    // Still limited afterwards, even with the right password.
    expect((await attempt(user.username, PASSWORD)).statusCode).toBe(429);
  });

  it('reports the schema version; readiness is 503 while migrations run or the schema is behind', async () => {
    const entries = (JSON.parse(readFileSync('src/db/migrations/meta/_journal.json', 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string }> }).entries;
    const [previous, last] = entries.slice(-2);
    const current = { version: last!.idx, tag: last!.tag };
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const health = await get('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', ready: true, database: { status: 'ok' }, schema: { ...current, expected: current, migrating: false } });
    expect((await get('/api/health/ready')).json()).toMatchObject({ status: 'ready', ready: true, schema: current });

    // Another transaction holds the migration lock (on PostgreSQL another instance migrating; on
    // the embedded database the open transaction holds every other statement back), then migrations start.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const holder = withSystem(t.database.db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      locked();
      await gate;
    });
    await holding;
    if (backend.name === 'postgres') {
      const other = await get('/api/health/ready');
      expect(other.statusCode).toBe(503);
      expect(other.json()).toMatchObject({ status: 'migrating', ready: false, schema: { migrating: true } });
    }
    const migrating = t.database.migrate();
    const during = await get('/api/health/ready');
    expect(during.statusCode).toBe(503);
    expect(during.json()).toMatchObject({ status: 'migrating', ready: false, schema: { expected: current, migrating: true } });
    // Liveness stays 200 meanwhile, so the instance is not restarted in the middle of its migrations.
    const alive = await get('/api/health');
    expect(alive.statusCode).toBe(200);
    expect(alive.json()).toMatchObject({ status: 'ok', ready: false, schema: { migrating: true } });
    open();
    await holder;
    await migrating;
    expect((await get('/api/health/ready')).statusCode).toBe(200);

    // A schema behind the code (its latest migration not applied) is not ready either.
    const setLatest = (from: number, to: number) => t.database.db.execute(sql`update drizzle.__drizzle_migrations set created_at = ${to} where created_at = ${from}`);
    await setLatest(last!.when, previous!.when);
    try {
      const behind = await get('/api/health/ready');
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ status: 'behind', schema: { version: previous!.idx, tag: previous!.tag, expected: current } });
    } finally {
      await t.database.db.execute(sql`update drizzle.__drizzle_migrations set created_at = ${last!.when} where id = (select max(id) from drizzle.__drizzle_migrations)`);
    }
    expect((await get('/api/health/ready')).statusCode).toBe(200);
  });

  it('answers only /api/health until this process has run the migrations (the server listens first)', async () => {
    const database = await backend.open({ migrate: false });
    const app = await buildApp({ database });
    try {
      const get = (url: string) => app.inject({ method: 'GET', url });
      const ready = await get('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'behind', ready: false, schema: { version: null, migrating: false } });
      const health = await get('/api/health');
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', ready: false });
      const api = await get('/api/v1/session');
      expect(api.statusCode).toBe(503);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(api.headers['retry-after']).toBe('5');
      expect(api.json().detail).toBe('Veikart oppdaterer databasen. Prøv igjen om litt.');
      await database.migrate();
      expect((await get('/api/health/ready')).statusCode).toBe(200);
      expect((await get('/api/v1/session')).statusCode).toBe(401);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('a right password under the limit logs in and clears the account’s failures', async () => {
    const user = await makeUser(t.database);
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, `feil-${i}`)).statusCode).toBe(401);
    expect((await attempt(user.username, PASSWORD)).statusCode).toBe(200);
    const again = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(user.username, `feil-${i}`)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('errors before any route runs, and security headers', () => {
  let t: TestContext;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(backends[0]!);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const marker = 'hemmelig-sti-';
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, detail: string): void => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toEqual({ type: `urn:veikart:problem:${status}`, title: expect.any(String), status, detail });
    expect(res.body).not.toContain(marker);
    expect(res.body).not.toMatch(/[Ee]rror|exceed|not a valid|Unsupported/);
  };

  /** One request over a plain socket: status, headers and body as the client sees them. */
  const raw = (request: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> =>
    new Promise((resolve, reject) => {
      const url = new URL(base);
      const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const [status, ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        resolve({ statusCode: Number(status?.split(' ')[1]), headers, body });
      });
    });

  it('answers a path parameter over the router’s limit with 414 in Norwegian, without the URL, with the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${marker}${'x'.repeat(200)}/sites` });
    expectProblem(res, 414, 'En del av adressen er for lang.');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('answers a URL that does not decode with 400 in Norwegian, without the URL', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${marker}%E0%A4%A` }), 400, 'Adressen inneholder ugyldige tegn.');
  });

  it('answers a URL over Node’s 16 KB limit with 414, and oversized headers with 431, as problems', async () => {
    const longUrl = await fetch(`${base}/api/v1/organizations/${marker}${'x'.repeat(20_000)}`);
    expectProblem({ statusCode: longUrl.status, headers: { 'content-type': longUrl.headers.get('content-type') }, body: await longUrl.text() }, 414, 'Adressen er for lang.');
    const longQuery = await raw(`GET /api/health?${marker}${'q'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectProblem(longQuery, 414, 'Adressen er for lang.');
    expect(longQuery.headers['x-content-type-options']).toBe('nosniff');
    const bigHeader = await raw(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Stor: ${marker}${'h'.repeat(20_000)}\r\n\r\n`);
    expectProblem(bigHeader, 431, 'Overskriftene i forespørselen er for store.');
    expectProblem(await raw(`${marker} TULL\r\n\r\n`), 400, 'Forespørselen kunne ikke leses.');
  });

  it('answers bad bodies as problems in Norwegian: malformed JSON, empty JSON, another media type, too large', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': contentType }, payload });
    expectProblem(await post(`{"username": "${marker}`), 400, 'Forespørselen inneholder ugyldig JSON.');
    expectProblem(await post(''), 400, 'Forespørselen mangler innhold.');
    expectProblem(await post(`<login>${marker}</login>`, 'text/xml'), 415, 'Innholdstypen støttes ikke; send JSON.');
    expectProblem(await post(JSON.stringify({ username: marker, password: 'x'.repeat(1_100_000) })), 413, 'Forespørselen er for stor.');
  });

  it('denies browser features the app does not use with Permissions-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const policy = String(res.headers['permissions-policy']);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'display-capture']) {
      expect(policy).toContain(`${feature}=()`);
    }
    // Not-found answers and errors carry it too.
    expect((await t.app.inject({ method: 'GET', url: '/api/finnes-ikke' })).headers['permissions-policy']).toBe(policy);
  });
});

describe('start-up configuration', () => {
  it('warns when VEIKART_TRUST_PROXY=true, and only then', () => {
    const warnings: string[] = [];
    expect(trustProxyFromEnv({ VEIKART_TRUST_PROXY: 'true' }, (m) => warnings.push(m))).toBe(true);
    expect(warnings).toEqual([TRUST_PROXY_WARNING]);
    expect(TRUST_PROXY_WARNING).toContain('overskriver');
    expect(trustProxyFromEnv({}, (m) => warnings.push(m))).toBe(false);
    expect(trustProxyFromEnv({ VEIKART_TRUST_PROXY: 'false' }, (m) => warnings.push(m))).toBe(false);
    expect(warnings).toHaveLength(1);
  });
});
