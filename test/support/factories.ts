/** Builds organizations, users and signed-in clients for API tests (Fastify inject, no network). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import type { OidcOptions } from '../../src/api/auth/oidc.ts';
import { hashPassword } from '../../src/api/auth/passwords.ts';
import { DEFAULT_CACHE_MAX_BYTES } from '../../src/api/response-cache.ts';
import { withSystem, type Database } from '../../src/db/database.ts';
import { acceptAllInvitations, insertCooperation } from '../../src/db/queries/cooperations.ts';
import { createLocalUser } from '../../src/db/queries/identity.ts';
import { insertOrganization, setOwners } from '../../src/db/queries/organizations.ts';
import { memberships } from '../../src/db/schema.ts';
import type { CostKey } from '../../src/domain/cooperation.ts';
import type { OrgKind } from '../../src/domain/organization.ts';
import type { Role, StaffAccess } from '../../src/domain/roles.ts';
import type { Backend } from './db.ts';

export const PASSWORD = 'riktig-passord-123';
let passwordHash: Promise<string> | null = null;
const hashed = (): Promise<string> => (passwordHash ??= hashPassword(PASSWORD));

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

export interface TestOrg {
  id: string;
  slug: string;
  name: string;
}

export async function makeOrg(
  database: Database,
  opts: { kind?: OrgKind; kommunenummer?: string | null; name?: string } = {},
): Promise<TestOrg> {
  const slug = unique('org');
  const name = opts.name ?? `Testorganisasjon ${slug}`;
  const org = await withSystem(database.db, (tx) =>
    insertOrganization(tx, { name, slug, kind: opts.kind ?? 'annen', kommunenummer: opts.kommunenummer ?? null, language: 'nb' }),
  );
  return { id: org.id, slug, name };
}

export async function makeOwners(database: Database, iksId: string, owners: Array<{ id: string; access: StaffAccess }>): Promise<void> {
  await withSystem(database.db, (tx) => setOwners(tx, iksId, owners.map((o) => ({ organizationId: o.id, staffAccess: o.access }))));
}

/**
 * A cooperation hosted by `hostId` listing `memberIds`. Every listed organization is invited; with
 * `accept` (the default) each has accepted, as its administrator would.
 */
export async function makeCooperation(
  database: Database,
  hostId: string,
  memberIds: readonly string[],
  opts: { name?: string; accept?: boolean; costKey?: CostKey } = {},
): Promise<string> {
  return withSystem(database.db, async (tx) => {
    const id = await insertCooperation(tx, hostId, { name: opts.name ?? unique('Samarbeid'), costKey: opts.costKey ?? 'like', memberIds: [...memberIds] });
    if (opts.accept ?? true) await acceptAllInvitations(tx, id);
    return id;
  });
}

/** Accepts the open invitations of a cooperation (test fixtures run as the system). */
export async function acceptInvitations(database: Database, cooperationId: string): Promise<void> {
  await withSystem(database.db, (tx) => acceptAllInvitations(tx, cooperationId));
}

export interface TestUser {
  id: string;
  username: string;
}

export async function makeUser(
  database: Database,
  opts: { memberships?: Array<[orgId: string, role: Role]>; systemAdmin?: boolean } = {},
): Promise<TestUser> {
  const username = unique('bruker');
  const hash = await hashed();
  return withSystem(database.db, async (tx) => {
    const user = await createLocalUser(tx, { username, displayName: `Navn ${username}`, passwordHash: hash, systemAdmin: opts.systemAdmin ?? false });
    for (const [organizationId, role] of opts.memberships ?? []) {
      await tx.insert(memberships).values({ organizationId, userId: user.id, role });
    }
    return { id: user.id, username };
  });
}

export interface Client {
  readonly user: TestUser | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  /** Sends a raw body (file upload). */
  raw(method: string, url: string, body: Buffer, contentType: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, user: TestUser | null, cookie: string | null, csrf: string | null): Client {
  const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  return {
    user,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    del: (url) => request('DELETE', url),
    raw: (method, url, body, contentType) =>
      app.inject({
        method: method as 'POST',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), 'content-type': contentType },
        payload: body,
      }),
  };
}

/** A client for a session cookie obtained otherwise (an OIDC sign-in), with its CSRF token. */
export async function sessionClient(app: FastifyInstance, cookie: string): Promise<Client> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`no session: ${res.statusCode} ${res.body}`);
  const data = (res.json() as { data: { csrfToken: string; user: { id: string; username: string } } }).data;
  return client(app, { id: data.user.id, username: data.user.username }, cookie, data.csrfToken);
}

export function anonymous(app: FastifyInstance): Client {
  return client(app, null, null, null);
}

export async function login(app: FastifyInstance, user: TestUser, password = PASSWORD): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ username: user.username, password }),
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'veikart_session');
  if (!setCookie) throw new Error('no session cookie');
  const csrf = (res.json() as { data: { csrfToken: string } }).data.csrfToken;
  return client(app, user, `veikart_session=${setCookie.value}`, csrf);
}

export interface TestContext {
  database: Database;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestApp(
  backend: Backend,
  options?: { onQuery?: (query: string) => void; today?: string; oidc?: OidcOptions; logger?: AppOptions['logger']; cache?: boolean },
): Promise<TestContext> {
  const database = await backend.open(options);
  const today = options?.today;
  const app = await buildApp({
    database,
    ...(today ? { today: () => today } : {}),
    ...(options?.oidc ? { oidc: options.oidc } : {}),
    ...(options?.logger ? { logger: options.logger } : {}),
    // The response cache per backend (test/support/db.ts cacheOn: off on PGlite and on on PostgreSQL in CI).
    cache: { enabled: options?.cache ?? backend.cache, maxBytes: DEFAULT_CACHE_MAX_BYTES },
  });
  await app.ready();
  return {
    database,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
