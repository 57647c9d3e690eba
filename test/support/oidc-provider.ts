/**
 * A real OpenID provider (panva's oidc-provider) in the test process on 127.0.0.1, as two tenants:
 * two issuers on two random ports, each with accounts whose ID tokens carry `tid`, `groups` and
 * `roles` like Entra ID's. The login step is a plain form (account name, no password) at
 * /interaction/:uid; with `autoLogin` set it signs that account in without a form (API tests).
 * Consent is granted without asking (first-party client).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  tid: string;
  groups: string[];
  roles: string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** ID-token lifetime in seconds (default one hour). */
  idTokenTtl?: number;
}

export interface TestTenant {
  readonly issuer: string;
  readonly tid: string;
  readonly accounts: Map<string, TestAccount>;
  /** Signs this account in at the next interaction without a form (null: show the form). */
  autoLogin: string | null;
  /** Holds the token endpoint's answer this long (the ID token is issued at the start): an expired token. */
  tokenDelayMs: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function loginForm(uid: string, tenantName: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${tenantName}: logg inn</title></head><body><main>
<h1>${tenantName}</h1><form method="post" action="/interaction/${uid}"><label for="login">Konto</label>
<input id="login" name="login" autocomplete="username"><button type="submit">Logg inn hos ${tenantName}</button></form></main></body></html>`;
}

export async function startTenant(options: { name: string; tid: string; clients: TestClient[]; accounts: TestAccount[] }): Promise<TestTenant> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const ttlByClient = new Map(options.clients.map((c) => [c.clientId, c.idTokenTtl ?? 3600]));

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      post_logout_redirect_uris: [c.postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'tid', 'groups', 'roles'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      IdToken: (_ctx: unknown, _token: unknown, client: { clientId: string }) => ttlByClient.get(client.clientId) ?? 3600,
      AccessToken: 600,
      AuthorizationCode: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          const a = accounts.get(sub) ?? account;
          return { sub: a.sub, email: a.email, email_verified: true, name: a.name, tid: a.tid, groups: a.groups, roles: a.roles };
        },
      };
    },
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['tid', 'groups', 'roles', 'name', 'email']);
      await grant.save();
      return grant;
    },
  } as any);

  const tenant: TestTenant = {
    issuer,
    tid: options.tid,
    accounts,
    autoLogin: null,
    tokenDelayMs: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!match) {
      if (tenant.tokenDelayMs > 0 && req.url?.startsWith('/token')) {
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        const delay = tenant.tokenDelayMs;
        res.end = ((...args: unknown[]) => {
          setTimeout(() => end(...args), delay);
          return res;
        }) as typeof res.end;
      }
      callback(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET' && tenant.autoLogin === null) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(details.uid, options.name));
          return;
        }
        const login = req.method === 'POST' ? (new URLSearchParams(await readBody(req)).get('login') ?? '') : (tenant.autoLogin ?? '');
        const sub = [...accounts.values()].find((a) => a.sub === login || a.email === login)?.sub;
        const result = sub ? { login: { accountId: sub } } : { error: 'access_denied', error_description: 'unknown account' };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    })();
  });
  return tenant;
}

/** A cookie jar for following the provider's redirects with fetch. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows the provider's redirects from an authorization URL (signing `tenant.autoLogin` in) until
 * the provider redirects to `redirectPrefix`; returns that URL (with code, state and iss).
 */
export async function followToCallback(authorizationUrl: string, redirectPrefix: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(redirectPrefix)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

/**
 * Signs `sub` in at `tenant` through Veikart's provider `providerId` (app.inject) and returns the
 * Veikart session cookie (`veikart_session=…`). `callbackUrl` is the redirect URI registered at the tenant.
 */
export async function signInThrough(
  app: { inject(opts: { method: 'GET'; url: string; headers?: Record<string, string> }): Promise<{ statusCode: number; body: string; headers: Record<string, unknown>; cookies: Array<{ name: string; value: string }> }> },
  tenant: TestTenant,
  providerId: string,
  sub: string,
  callbackUrl: string,
): Promise<string> {
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start/${providerId}` });
  const flow = start.cookies.find((c) => c.name === 'veikart_oidc')?.value;
  tenant.autoLogin = sub;
  const callback = await followToCallback(String(start.headers.location), callbackUrl);
  const res = await app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `veikart_oidc=${flow}` } });
  const session = res.cookies.find((c) => c.name === 'veikart_session')?.value;
  if (res.statusCode !== 303 || !session) throw new Error(`OIDC sign-in failed: ${res.statusCode} ${res.body}`);
  return `veikart_session=${session}`;
}
