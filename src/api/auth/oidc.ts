/**
 * The OpenID Connect relying party (openid-client v6): discovery cached per provider version,
 * authorization code with PKCE, nonce and state bound to the browser by a signed, HttpOnly cookie,
 * ID-token validation with a clock tolerance; the provider's JWKS are cached by openid-client and
 * fetched again when a token names an unknown key (rotation). Entra's "common"/"organizations"
 * endpoints: openid-client resolves the `{tenantid}` issuer template from the token's `tid`, and
 * the sign-in rules then require that tenant to be configured (domain/identity-provider.ts).
 */
import * as client from 'openid-client';
import { DEFAULT_OIDC_SESSION_HOURS, type IdentityProvider } from '../../domain/identity-provider.ts';
import { secretBox, type SecretBox } from './secrets.ts';

export interface OidcOptions {
  /** VEIKART_SECRET_KEY: encrypts client secrets and signs the sign-in cookie. Without it, no providers. */
  readonly secretKey?: string | undefined;
  /** Hours an OIDC session lasts before the user must sign in again (roles re-read). Default 8. */
  readonly sessionHours?: number | undefined;
  /** Tolerated clock difference with the provider, seconds. Default 60. */
  readonly clockToleranceSeconds?: number | undefined;
  /** http:// issuers (tests and local development only). */
  readonly allowHttp?: boolean | undefined;
  /** The public base URL (https://veikart.example.no); default from the request's host and protocol. */
  readonly publicUrl?: string | undefined;
}

/** What the browser carries between the start and the callback (signed, 10 minutes). */
export interface FlowState {
  readonly providerId: string;
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** Linking: the signed-in local user the identity is added to. */
  readonly linkUserId: string | null;
  readonly expires: number;
}

export const FLOW_COOKIE = 'veikart_oidc';
export const FLOW_MINUTES = 10;
const DISCOVERY_TTL_MS = 3600_000;

export interface ProviderSecrets extends IdentityProvider {
  readonly sealedSecret: string;
}

export class OidcService {
  readonly box: SecretBox | null;
  readonly sessionHours: number;
  private readonly configs = new Map<string, { at: number; config: Promise<client.Configuration> }>();

  constructor(readonly options: OidcOptions) {
    this.box = options.secretKey ? secretBox(options.secretKey) : null;
    this.sessionHours = options.sessionHours ?? DEFAULT_OIDC_SESSION_HOURS;
  }

  get enabled(): boolean {
    return this.box !== null;
  }

  seal(secret: string): string {
    if (!this.box) throw new Error('VEIKART_SECRET_KEY is not set');
    return this.box.encrypt(secret);
  }

  /** The provider's discovered configuration, cached per provider and version. */
  async configuration(p: ProviderSecrets): Promise<client.Configuration> {
    if (!this.box) throw new Error('VEIKART_SECRET_KEY is not set');
    const key = `${p.id}:${p.version}`;
    const cached = this.configs.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const secret = this.box.decrypt(p.sealedSecret);
    const metadata: Partial<client.ClientMetadata> = { client_secret: secret, [client.clockTolerance]: this.options.clockToleranceSeconds ?? 60 };
    const config = client.discovery(new URL(p.issuer), p.clientId, metadata, client.ClientSecretPost(secret), {
      ...(this.options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    for (const k of this.configs.keys()) if (k.startsWith(`${p.id}:`)) this.configs.delete(k);
    this.configs.set(key, { at: Date.now(), config });
    config.catch(() => this.configs.delete(key));
    return config;
  }

  /** The public base URL: configured, or the request's protocol and host. */
  publicBase(requestBase: string): string {
    return (this.options.publicUrl ?? requestBase).replace(/\/+$/, '');
  }

  redirectUri(requestBase: string): string {
    return `${this.publicBase(requestBase)}/api/v1/auth/oidc/callback`;
  }

  async authorizationUrl(config: client.Configuration, redirectUri: string, flow: FlowState): Promise<URL> {
    return client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  newFlow(providerId: string, linkUserId: string | null): FlowState {
    return {
      providerId,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      linkUserId,
      expires: Date.now() + FLOW_MINUTES * 60_000,
    };
  }

  sealFlow(flow: FlowState): string {
    if (!this.box) throw new Error('VEIKART_SECRET_KEY is not set');
    return this.box.sign(JSON.stringify(flow));
  }

  /** The flow of the cookie, when its signature is right and it has not expired. */
  openFlow(cookie: string | undefined): FlowState | null {
    if (!cookie || !this.box) return null;
    const value = this.box.verify(cookie);
    if (!value) return null;
    try {
      const flow = JSON.parse(value) as FlowState;
      return typeof flow.expires === 'number' && flow.expires > Date.now() ? flow : null;
    } catch {
      return null;
    }
  }

  /** Exchanges the code; throws when state, nonce, issuer, audience, signature or lifetime is wrong. */
  async exchange(config: client.Configuration, callbackUrl: URL, flow: FlowState): Promise<client.IDToken> {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return claims;
  }

  /** RP-initiated logout at the provider, when it offers an end_session_endpoint. */
  endSessionUrl(config: client.Configuration, postLogoutRedirectUri: string): string | null {
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { client_id: config.clientMetadata().client_id, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }
}

/**
 * The OIDC settings from the environment (src/main.ts): VEIKART_SECRET_KEY (at least 32 characters),
 * VEIKART_PUBLIC_URL, VEIKART_OIDC_SESSION_HOURS (default 8), VEIKART_OIDC_CLOCK_TOLERANCE (seconds,
 * default 60) and VEIKART_OIDC_ALLOW_HTTP=true (local development against an http:// provider only).
 */
export function oidcFromEnv(env: NodeJS.ProcessEnv): OidcOptions {
  const hours = Number(env.VEIKART_OIDC_SESSION_HOURS);
  const tolerance = Number(env.VEIKART_OIDC_CLOCK_TOLERANCE);
  return {
    secretKey: env.VEIKART_SECRET_KEY || undefined,
    publicUrl: env.VEIKART_PUBLIC_URL || undefined,
    sessionHours: Number.isFinite(hours) && hours > 0 ? hours : undefined,
    clockToleranceSeconds: Number.isFinite(tolerance) && tolerance >= 0 && env.VEIKART_OIDC_CLOCK_TOLERANCE ? tolerance : undefined,
    allowHttp: env.VEIKART_OIDC_ALLOW_HTTP === 'true',
  };
}
