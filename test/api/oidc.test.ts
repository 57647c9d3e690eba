/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider in this process, two tenants):
 * role mapping, refusals (no role, unconfigured tenant or issuer, wrong state or nonce, expired
 * token), roles replaced at the next sign-in, passwords off, RP-initiated logout, and no secret in
 * the log, the responses or the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runCli } from '../../src/cli/index.ts';
import { queryRows, withSystem } from '../../src/db/database.ts';
import { memberships } from '../../src/db/schema.ts';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, PASSWORD, sessionClient, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';
import { followToCallback, startTenant, type TestAccount, type TestTenant } from '../support/oidc-provider.ts';

const PUBLIC_URL = 'http://veikart.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const SECRET = 'klient-hemmelighet-Zq8vX2pL9mW4nR7t';
const SECRET_KEY = 'test-veikart-secret-key-0123456789abcdef';

function account(sub: string, tid: string, groups: string[], roles: string[] = []): TestAccount {
  return { sub, email: `${sub}@${tid}.kommune.no`, name: `Navn ${sub}`, tid, groups, roles };
}

describe.each(backends)('sign-in with OpenID Connect ($name)', (backend) => {
  let t: TestContext;
  let a: TestTenant;
  let b: TestTenant;
  let orgX: TestOrg;
  let orgY: TestOrg;
  let orgB: TestOrg;
  let sysAdmin: Client;
  let providerA: string;
  let providerB: string;
  let expiring: string;
  const log: string[] = [];
  let queries = 0;
  const bodies: string[] = [];

  beforeAll(async () => {
    const client = (clientId: string, idTokenTtl?: number) => ({
      clientId,
      clientSecret: SECRET,
      redirectUri: CALLBACK,
      postLogoutRedirectUri: `${PUBLIC_URL}/logg-inn`,
      ...(idTokenTtl ? { idTokenTtl } : {}),
    });
    a = await startTenant({
      name: 'Tenant A',
      tid: 'tenant-a',
      clients: [client('veikart'), client('veikart-kort', 1)],
      accounts: [
        account('alice', 'tenant-a', ['g-admin-x'], ['Veikart.Editor']),
        account('bob', 'tenant-a', []),
        account('carol', 'tenant-x', ['g-admin-x']),
        account('dave', 'tenant-a', ['g-admin-x']),
      ],
    });
    b = await startTenant({ name: 'Tenant B', tid: 'tenant-b', clients: [client('veikart')], accounts: [account('erik', 'tenant-b', ['g-b-read'])] });
    t = await startTestApp(backend, {
      onQuery: () => queries++,
      oidc: { secretKey: SECRET_KEY, publicUrl: PUBLIC_URL, allowHttp: true, clockToleranceSeconds: 1 },
      logger: { level: 'info', stream: { write: (line: string) => void log.push(line) } },
    });
    orgX = await makeOrg(t.database, { name: 'X kommune' });
    orgY = await makeOrg(t.database, { name: 'Y kommune' });
    orgB = await makeOrg(t.database, { name: 'B kommune' });
    sysAdmin = await login(t.app, await makeUser(t.database, { systemAdmin: true }));
    const create = async (body: Record<string, unknown>) => {
      const res = await sysAdmin.post('/api/v1/identity-providers', body);
      bodies.push(res.body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data.id as string;
    };
    providerA = await create({
      displayName: 'Tenant A (Microsoft)',
      issuer: a.issuer,
      clientId: 'veikart',
      clientSecret: SECRET,
      organizationIds: [orgX.id, orgY.id],
      tenantIds: ['tenant-a'],
      emailDomains: ['tenant-a.kommune.no', 'tenant-x.kommune.no'],
      roleMappings: [
        { organizationId: orgX.id, claim: 'groups', value: 'g-admin-x', role: 'admin' },
        { organizationId: orgY.id, claim: 'groups', value: 'g-admin-x', role: 'reader' },
        { organizationId: orgY.id, claim: 'roles', value: 'Veikart.Editor', role: 'editor' },
      ],
    });
    providerB = await create({
      displayName: 'Tenant B (Microsoft)',
      issuer: b.issuer,
      clientId: 'veikart',
      clientSecret: SECRET,
      organizationIds: [orgB.id],
      roleMappings: [{ organizationId: orgB.id, claim: 'groups', value: 'g-b-read', role: 'reader' }],
    });
    expiring = await create({
      displayName: 'Tenant A kort',
      issuer: a.issuer,
      clientId: 'veikart-kort',
      clientSecret: SECRET,
      organizationIds: [orgX.id],
      roleMappings: [{ organizationId: orgX.id, claim: 'groups', value: 'g-admin-x', role: 'admin' }],
    });
  });
  afterAll(async () => {
    await t?.close();
    await a?.close();
    await b?.close();
  });

  /** Starts at Veikart, signs `who` in at the tenant, returns Veikart's answer to the callback. */
  async function signIn(tenant: TestTenant, providerId: string, who: string, tamper: (authUrl: URL) => void = () => undefined, flowCookie?: string) {
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start/${providerId}` });
    expect(start.statusCode, start.body).toBe(303);
    const cookie = start.cookies.find((c) => c.name === 'veikart_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const authUrl = new URL(start.headers.location as string);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    tamper(authUrl);
    tenant.autoLogin = who;
    const callback = await followToCallback(authUrl.href, CALLBACK);
    const res = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `veikart_oidc=${flowCookie ?? cookie?.value}` } });
    bodies.push(res.body);
    return res;
  }

  async function signedIn(tenant: TestTenant, providerId: string, who: string): Promise<Client> {
    const res = await signIn(tenant, providerId, who);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'veikart_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    return sessionClient(t.app, `veikart_session=${session?.value}`);
  }

  const rolesOf = async (c: Client) => {
    const res = await c.get('/api/v1/session');
    bodies.push(res.body);
    return Object.fromEntries((res.json().data.organizations as Array<{ id: string; role: string }>).map((o) => [o.id, o.role]));
  };

  it('lists providers publicly by display name only', async () => {
    const res = await anonymous(t.app).get('/api/v1/auth/providers');
    expect(res.statusCode).toBe(200);
    const list = res.json().data as Array<Record<string, unknown>>;
    expect(list.map((p) => p.displayName)).toEqual(expect.arrayContaining(['Tenant A (Microsoft)', 'Tenant B (Microsoft)']));
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['displayName', 'id']);
  });

  it('creates the user on first sign-in with the roles mapped from groups and app roles, in each tenant', async () => {
    const alice = await signedIn(a, providerA, 'alice');
    expect(await rolesOf(alice)).toEqual({ [orgX.id]: 'admin', [orgY.id]: 'editor' });
    const erik = await signedIn(b, providerB, 'erik');
    expect(await rolesOf(erik)).toEqual({ [orgB.id]: 'reader' });
    // The session ends after the OIDC session interval (8 h by default), when roles are read again.
    const [row] = await queryRows<{ hours: number }>(
      t.database.db,
      sql`select round(extract(epoch from (s.expires_at - s.created_at)) / 3600)::int as hours from sessions s join user_identities i on i.user_id = s.user_id where i.subject = 'erik' and s.identity_provider_id is not null`,
    );
    expect(row?.hours).toBe(8);
  });

  it('refuses a user with no mapped role with a Norwegian page, creates nobody, and logs the refusal', async () => {
    const res = await signIn(a, providerA, 'bob');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Du har ingen rolle i Veikart');
    expect(res.body).toContain('Be administratoren for Veikart i X kommune, Y kommune');
    expect(res.body).toContain('Du har inga rolle i Veikart');
    expect(res.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
    expect(await queryRows(t.database.db, sql`select 1 from user_identities where subject = 'bob'`)).toEqual([]);
    const audit = await queryRows<{ organization_id: string; after: { reason: string; subject: string } }>(
      t.database.db,
      sql`select organization_id, after from audit_log where table_name = 'sign_in_refusals' and after ->> 'subject' = 'bob'`,
    );
    expect(audit.map((r) => r.organization_id).sort()).toEqual([orgX.id, orgY.id].sort());
    expect(audit[0]?.after.reason).toBe('noRole');
  });

  it('refuses a token from a tenant that is not configured, and a response from another issuer', async () => {
    const carol = await signIn(a, providerA, 'carol');
    expect(carol.statusCode).toBe(403);
    expect(carol.body).toContain('tenant');
    // The authorization request sent to tenant B instead (the same client id is registered there):
    // the response names B as its issuer, which provider A does not accept.
    const other = await signIn(b, providerA, 'erik', (url) => {
      const target = new URL(b.issuer);
      url.host = target.host;
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Innloggingen kunne ikke bekreftes');
    expect(other.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
  });

  it('refuses a wrong state, a wrong nonce, a missing or forged flow cookie', async () => {
    const wrongState = await signIn(a, providerA, 'alice', (url) => url.searchParams.set('state', 'angrepstilstand'));
    expect(wrongState.statusCode).toBe(400);
    const wrongNonce = await signIn(a, providerA, 'alice', (url) => url.searchParams.set('nonce', 'angrepsnonce'));
    expect(wrongNonce.statusCode).toBe(400);
    // Another browser's flow cookie (its own state) does not fit this response.
    const otherStart = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start/${providerA}` });
    const otherCookie = otherStart.cookies.find((c) => c.name === 'veikart_oidc')?.value;
    expect((await signIn(a, providerA, 'alice', () => undefined, otherCookie)).statusCode).toBe(400);
    expect((await signIn(a, providerA, 'alice', () => undefined, 'forfalsket.abc')).statusCode).toBe(400);
    for (const r of [wrongState, wrongNonce]) expect(r.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
    expect(log.join('\n')).toContain('OIDC sign-in failed');
    expect(log.join('\n')).toMatch(/unexpected ID Token \\"nonce\\" claim value/);
  });

  it('refuses an expired ID token', async () => {
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start/${expiring}` });
    const cookie = start.cookies.find((c) => c.name === 'veikart_oidc')?.value;
    a.autoLogin = 'dave';
    const callback = await followToCallback(start.headers.location as string, CALLBACK);
    // The ID token lives 1 s at this client and the tolerance is 1 s: the token endpoint's answer
    // arrives 3 s after the token was issued.
    a.tokenDelayMs = 3100;
    const res = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `veikart_oidc=${cookie}` } });
    a.tokenDelayMs = 0;
    bodies.push(res.body);
    expect(res.statusCode).toBe(400);
    expect(log.join('\n')).toContain('expiration time');
    expect(res.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
  });

  it('replaces the mapped roles at the next sign-in, keeps roles granted by hand, and refuses when none is left', async () => {
    const dave = await signedIn(a, providerA, 'dave');
    expect(await rolesOf(dave)).toEqual({ [orgX.id]: 'admin', [orgY.id]: 'reader' });
    const daveId = dave.user?.id ?? '';
    const other = await makeOrg(t.database, { name: 'Egen tildeling' });
    await withSystem(t.database.db, (tx) => tx.insert(memberships).values({ organizationId: other.id, userId: daveId, role: 'editor' }));
    // Promoted through an app role: editor in Y.
    a.accounts.get('dave')!.roles = ['Veikart.Editor'];
    expect(await rolesOf(await signedIn(a, providerA, 'dave'))).toEqual({ [orgX.id]: 'admin', [orgY.id]: 'editor', [other.id]: 'editor' });
    // Removed from every group in Entra: the next sign-in is refused, the mapped memberships are gone.
    a.accounts.get('dave')!.groups = [];
    a.accounts.get('dave')!.roles = [];
    const refused = await signIn(a, providerA, 'dave');
    expect(refused.statusCode).toBe(403);
    const left = await queryRows<{ organization_id: string }>(t.database.db, sql`select organization_id from memberships where user_id = ${daveId}`);
    expect(left.map((m) => m.organization_id)).toEqual([other.id]);
    // The refusal page does not tell a removed account from one that never existed.
    const stranger = await signIn(a, providerA, 'bob');
    expect(refused.body).toBe(stranger.body);
  });

  it('switches passwords off only when an administrator can sign in through a provider, then refuses passwords without telling who exists', async () => {
    const org = await makeOrg(t.database, { name: 'Passordløs kommune' });
    const admin = await makeUser(t.database, { memberships: [[org.id, 'admin']] });
    const member = await makeUser(t.database, { memberships: [[org.id, 'reader']] });
    const adminClient = await login(t.app, admin);
    const refused = await adminClient.request('PUT', `/api/v1/organizations/${org.id}/sign-in`, { passwordsOff: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'passwordsOff', message: expect.stringContaining('ingen administrator') });
    // The administrator links the local account to an identity at tenant A (dave's, who has no role now).
    const link = await adminClient.post(`/api/v1/auth/oidc/link/${providerA}`);
    expect(link.statusCode, link.body).toBe(200);
    const flow = link.cookies.find((c) => c.name === 'veikart_oidc')?.value;
    a.autoLogin = 'alice';
    const callback = await followToCallback(link.json().data.url, CALLBACK);
    const linked = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `veikart_oidc=${flow}` } });
    // alice's identity already belongs to the user created at her first sign-in: refused.
    expect(linked.statusCode).toBe(409);
    a.accounts.set('frida', account('frida', 'tenant-a', []));
    const link2 = await adminClient.post(`/api/v1/auth/oidc/link/${providerA}`);
    a.autoLogin = 'frida';
    const callback2 = await followToCallback(link2.json().data.url, CALLBACK);
    const linked2 = await t.app.inject({
      method: 'GET',
      url: `${callback2.pathname}${callback2.search}`,
      headers: { cookie: `veikart_oidc=${link2.cookies.find((c) => c.name === 'veikart_oidc')?.value}` },
    });
    expect(linked2.statusCode, linked2.body).toBe(303);
    const on = await adminClient.request('PUT', `/api/v1/organizations/${org.id}/sign-in`, { passwordsOff: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().data).toEqual({ passwordsOff: true, oidcAdmins: 1 });
    const attempt = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: { username, password } });
    const right = await attempt(member.username, PASSWORD);
    const wrong = await attempt(member.username, 'feil-passord-123');
    const nobody = await attempt('finnes-ikke', PASSWORD);
    for (const r of [right, wrong, nobody]) {
      expect(r.statusCode).toBe(401);
      expect(r.json().detail).toBe('Feil brukernavn eller passord.');
      expect(r.cookies.find((c) => c.name === 'veikart_session')).toBeUndefined();
    }
    // Other organizations' users still sign in with their password.
    expect((await login(t.app, await makeUser(t.database, { memberships: [[orgB.id, 'reader']] }))).user).not.toBeNull();
  });

  it('ends the Veikart session at logout and sends the browser to the provider to end its session too', async () => {
    const erik = await signedIn(b, providerB, 'erik');
    const res = await erik.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().data.endSessionUrl);
    expect(url.origin).toBe(b.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/logg-inn`);
    expect((await erik.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('lets an organization admin manage only providers of organizations they administer', async () => {
    const xAdmin = await login(t.app, await makeUser(t.database, { memberships: [[orgX.id, 'admin']] }));
    const statements = async (url: string) => {
      const before = queries;
      const res = await xAdmin.get(url);
      expect(res.statusCode).toBe(200);
      return { data: res.json().data as Array<{ id: string }>, statements: queries - before };
    };
    const two = await statements('/api/v1/identity-providers');
    expect(two.data.map((p) => p.id).sort()).toEqual([providerA, expiring].sort());
    const publicTwo = await statements('/api/v1/auth/providers');
    // Provider A also serves Y, where this admin is nobody: no changes.
    const current = (await xAdmin.get(`/api/v1/identity-providers/${providerA}`)).json().data;
    const put = await xAdmin.request('PUT', `/api/v1/identity-providers/${providerA}`, { ...current, organizationIds: [orgX.id], roleMappings: [] });
    expect(put.statusCode).toBe(403);
    expect((await xAdmin.del(`/api/v1/identity-providers/${providerB}`)).statusCode).toBe(404);
    // A provider of its own: created, with a message per field for bad input.
    const bad = await xAdmin.post('/api/v1/identity-providers', { displayName: '', issuer: 'ikke en url', clientId: 'x', clientSecret: 's', organizationIds: [orgY.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'issuer']);
    const foreign = await xAdmin.post('/api/v1/identity-providers', { displayName: 'Y', issuer: a.issuer, clientId: 'y', clientSecret: SECRET, organizationIds: [orgY.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('organizationIds.0');
    const common = await xAdmin.post('/api/v1/identity-providers', {
      displayName: 'Entra',
      issuer: 'https://login.microsoftonline.com/organizations/v2.0',
      clientId: 'z',
      clientSecret: SECRET,
      organizationIds: [orgX.id],
    });
    expect(common.json().errors[0].field).toBe('tenantIds');
    const own = await xAdmin.post('/api/v1/identity-providers', { displayName: 'Egen', issuer: a.issuer, clientId: 'egen', clientSecret: SECRET, organizationIds: [orgX.id] });
    bodies.push(own.body);
    expect(own.statusCode, own.body).toBe(201);
    // The lists take a constant number of statements, however many providers there are.
    const three = await statements('/api/v1/identity-providers');
    expect(three.data).toHaveLength(3);
    expect(three.statements).toBe(two.statements);
    expect((await statements('/api/v1/auth/providers')).statements).toBe(publicTwo.statements);
    const renamed = await xAdmin.request('PUT', `/api/v1/identity-providers/${own.json().data.id}`, { ...own.json().data, displayName: 'Egen 2' });
    expect(renamed.json().data).toMatchObject({ displayName: 'Egen 2', version: 2 });
    const stale = await xAdmin.request('PUT', `/api/v1/identity-providers/${own.json().data.id}`, { ...own.json().data, displayName: 'Egen 3' });
    expect(stale.statusCode).toBe(409);
    expect((await xAdmin.del(`/api/v1/identity-providers/${own.json().data.id}`)).statusCode).toBe(204);
  });

  it('configures providers from the command line with the same fields, never printing the secret', async () => {
    const saved = process.env.VEIKART_SECRET_KEY;
    process.env.VEIKART_SECRET_KEY = SECRET_KEY;
    try {
      const orgC = await makeOrg(t.database, { name: 'C kommune' });
      const slug = (await queryRows<{ slug: string }>(t.database.db, sql`select slug from organizations where id = ${orgC.id}`))[0]?.slug ?? '';
      const args = ['idp', 'add', '--name', 'B fra CLI', '--issuer', b.issuer, '--client-id', 'veikart', '--client-secret', SECRET, '--org', slug];
      const added = await runCli([...args, '--domain', 'tenant-b.kommune.no', '--map', `${slug}:groups:g-b-read:editor`], t.database);
      expect(added).toMatch(/^Opprettet identitetsleverandøren B fra CLI \(/);
      const id = /\(([0-9a-f-]{36})\)/.exec(added)?.[1] ?? '';
      const listed = await runCli(['idp', 'list'], t.database);
      bodies.push(added, listed);
      expect(listed).toContain('B fra CLI');
      expect(listed).toContain(`C kommune: groups g-b-read → editor`);
      await expect(runCli(['idp', 'add', '--name', '', '--issuer', 'ftp://x', '--client-id', 'v', '--client-secret', 's', '--org', slug], t.database)).rejects.toThrow(
        /Navn må fylles ut\nUtsteder \(issuer\) må være en URL/,
      );
      // The provider works: erik signs in through it and gets the role mapped there (his role in B,
      // from the other provider of the same tenant, stays).
      const erik = await signedIn(b, id, 'erik');
      expect(await rolesOf(erik)).toEqual({ [orgB.id]: 'reader', [orgC.id]: 'editor' });
      expect(await runCli(['idp', 'remove', id], t.database)).toBe(`Fjernet identitetsleverandøren ${id}.`);
      // Removing the provider removed the role it granted and the session opened through it.
      expect((await erik.get('/api/v1/session')).statusCode).toBe(401);
      const left = await queryRows<{ organization_id: string }>(t.database.db, sql`select organization_id from memberships where user_id = ${erik.user?.id}`);
      expect(left.map((m) => m.organization_id)).toEqual([orgB.id]);
    } finally {
      process.env.VEIKART_SECRET_KEY = saved;
    }
  });

  it('never shows the client secret in the log, a response or the audit log, and stores it encrypted', async () => {
    expect(log.length).toBeGreaterThan(10);
    expect(log.join('\n')).not.toContain(SECRET);
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) expect(body).not.toContain(SECRET);
    const audit = await queryRows<{ text: string }>(t.database.db, sql`select coalesce(before::text, '') || coalesce(after::text, '') as text from audit_log`);
    expect(audit.some((r) => r.text.includes('Tenant A (Microsoft)'))).toBe(true);
    for (const r of audit) {
      expect(r.text).not.toContain(SECRET);
      expect(r.text).not.toContain('client_secret');
    }
    const stored = await queryRows<{ s: string }>(t.database.db, sql`select client_secret as s from identity_providers`);
    for (const r of stored) {
      expect(r.s).toMatch(/^v1:/);
      expect(r.s).not.toContain(SECRET);
    }
  });
});
