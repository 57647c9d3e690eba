/**
 * Sign-in through an identity provider (OpenID Connect): start, callback, linking a local account.
 * The callback either opens a Veikart session (a database session like a password login's, ending
 * after OidcOptions.sessionHours) or answers with the refusal page; a refusal by the rules (no
 * mapped role, tenant, e-mail domain, disabled user) is written to the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withSystem } from '../../db/database.ts';
import { organizationNames, providerForLogin } from '../../db/queries/identity-providers.ts';
import { createOidcSession, linkIdentity, logRefusal, signInWithIdentity } from '../../db/queries/oidc-login.ts';
import { emailAllowed, mapRoles, tenantAllowed, tokenEmail, type Refusal, type TokenClaims } from '../../domain/identity-provider.ts';
import { FLOW_COOKIE, FLOW_MINUTES, type OidcService } from '../auth/oidc.ts';
import { signInRefusedPage } from '../auth/sign-in-page.ts';
import { requireAuth } from '../context.ts';
import { Problem, conflict, notFound } from '../problem.ts';
import { message } from '../../domain/messages.ts';

const SESSION_COOKIE = 'veikart_session';
const FLOW_PATH = '/api/v1/auth/oidc';
const ProviderParams = z.object({ providerId: z.uuid({ error: message('validIdLower') }) });

function requestBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** An error's name and message and its cause's (openid-client wraps the reason), nothing else. */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return 'unknown';
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
  return `${e.name}: ${e.message}${cause}`;
}

/** Not configured on this server (no VEIKART_SECRET_KEY): a 4xx the user can act on, not a server fault. */
function disabled(): Problem {
  return new Problem(409, 'Innlogging er ikke satt opp', 'Innlogging med identitetsleverandør krever at VEIKART_SECRET_KEY er satt på serveren.');
}

async function refuse(reply: FastifyReply, status: number, reason: Refusal, organizations: readonly string[]): Promise<FastifyReply> {
  reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(signInRefusedPage(reason, organizations));
}

export function oidcRoutes(app: FastifyInstance, oidc: OidcService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function begin(request: FastifyRequest, reply: FastifyReply, providerId: string, linkUserId: string | null): Promise<string> {
    if (!oidc.enabled) throw disabled();
    const provider = await withSystem(app.ctx.db, (tx) => providerForLogin(tx, providerId));
    if (!provider) throw notFound('Innloggingen');
    const config = await oidc.configuration(provider).catch((e: unknown) => {
      request.log.warn({ provider: provider.id, error: e instanceof Error ? e.message : 'unknown' }, 'OIDC discovery failed');
      throw new Problem(502, 'Innloggingen svarer ikke', `${provider.displayName} svarer ikke nå. Prøv igjen om litt.`);
    });
    const flow = oidc.newFlow(provider.id, linkUserId);
    reply.setCookie(FLOW_COOKIE, oidc.sealFlow(flow), {
      path: FLOW_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: FLOW_MINUTES * 60,
    });
    return (await oidc.authorizationUrl(config, oidc.redirectUri(requestBase(request)), flow)).href;
  }

  r.get('/api/v1/auth/oidc/start/:providerId', { schema: { tags: ['auth'], params: ProviderParams } }, async (request, reply) => {
    const url = await begin(request, reply, request.params.providerId, null);
    return reply.redirect(url, 303);
  });

  // Linking the signed-in local account to an identity at the provider: a change, so POST with the
  // CSRF token; the browser then goes to the returned address.
  r.post(
    '/api/v1/auth/oidc/link/:providerId',
    { schema: { tags: ['auth'], params: ProviderParams, response: { 200: z.object({ data: z.object({ url: z.string() }) }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      return { data: { url: await begin(request, reply, request.params.providerId, auth.user.id) } };
    },
  );

  r.get('/api/v1/auth/oidc/callback', { schema: { tags: ['auth'], hide: true } }, async (request, reply) => {
    const flow = oidc.openFlow(request.cookies[FLOW_COOKIE]);
    if (!flow) return refuse(reply, 400, 'failed', []);
    const provider = await withSystem(app.ctx.db, (tx) => providerForLogin(tx, flow.providerId));
    if (!provider) return refuse(reply, 400, 'failed', []);
    const orgNames = async (): Promise<string[]> =>
      (await withSystem(app.ctx.db, (tx) => organizationNames(tx, provider.organizationIds))).map((o) => o.name);

    let claims: TokenClaims;
    try {
      const config = await oidc.configuration(provider);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      claims = (await oidc.exchange(config, new URL(`${oidc.redirectUri(requestBase(request))}${query}`), flow)) as unknown as TokenClaims;
    } catch (e) {
      // Wrong state or nonce, another issuer, a bad signature, an expired token, an error from the
      // provider: the reason goes to the server log (no token, code or secret), the user starts over.
      request.log.warn({ provider: provider.id, error: describeError(e) }, 'OIDC sign-in failed');
      return refuse(reply, 400, 'failed', []);
    }

    const email = tokenEmail(claims);
    const audit = (reason: Refusal) =>
      withSystem(app.ctx.db, (tx) =>
        logRefusal(tx, provider.id, provider.organizationIds, {
          provider: provider.displayName,
          issuer: claims.iss,
          subject: claims.sub,
          tenant: typeof claims.tid === 'string' ? claims.tid : null,
          email,
          reason,
        }),
      );
    const policyRefusal: Refusal | null = !tenantAllowed(provider.tenantIds, claims) ? 'tenant' : !emailAllowed(provider.emailDomains, email) ? 'emailDomain' : null;
    if (policyRefusal) {
      await audit(policyRefusal);
      return refuse(reply, 403, policyRefusal, await orgNames());
    }

    if (flow.linkUserId) {
      const linkUserId = flow.linkUserId;
      const linked = await withSystem(app.ctx.db, (tx) => linkIdentity(tx, linkUserId, claims.iss, claims.sub), linkUserId);
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      if (!linked) throw conflict('Denne påloggingen er allerede koblet til en annen bruker i Veikart.');
      return reply.redirect('/konto', 303);
    }

    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : (email ?? claims.sub);
    const roles = mapRoles(provider.roleMappings, claims);
    const outcome = await withSystem(app.ctx.db, async (tx) => {
      const result = await signInWithIdentity(
        tx,
        { providerId: provider.id, organizationIds: provider.organizationIds, issuer: claims.iss, subject: claims.sub, email, displayName: name },
        roles,
      );
      if (result.kind !== 'ok') return result;
      const sid = typeof (claims as { sid?: unknown }).sid === 'string' ? ((claims as { sid?: string }).sid ?? null) : null;
      return { ...result, session: await createOidcSession(tx, { userId: result.user.id, providerId: provider.id, sid, hours: oidc.sessionHours }) };
    });
    if (outcome.kind !== 'ok') {
      await audit(outcome.reason);
      return refuse(reply, 403, outcome.reason, await orgNames());
    }
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    reply.setCookie(SESSION_COOKIE, outcome.session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: oidc.sessionHours * 3600,
    });
    return reply.redirect('/', 303);
  });
}
