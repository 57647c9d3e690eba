import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withSystem, restrictTo } from '../../db/database.ts';
import { accessibleOrganizations } from '../../db/queries/access.ts';
import {
  LOGIN_WINDOW_MINUTES,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  SESSION_HOURS,
  createSession,
  deleteOtherSessions,
  deleteSession,
  findLocalIdentity,
  findSession,
  passwordHashOf,
  recordLoginAttempt,
  reserveLoginAttempt,
  setPasswordHash,
  setUserLanguage,
  userLanguage,
  type SessionRecord,
} from '../../db/queries/identity.ts';
import { ChangePasswordSchema, LoginSchema, SessionSchema, SetLanguageSchema, type Session, type User } from '../../domain/user.ts';
import { asUser, requireAuth } from '../context.ts';
import { Problem, forbidden, invalid, unauthorized } from '../problem.ts';
import type { Tx } from '../../db/database.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { OidcService } from '../auth/oidc.ts';
import { passwordsOffForUser, providerForLogin } from '../../db/queries/identity-providers.ts';
import { sessionProvider } from '../../db/queries/oidc-login.ts';

export const SESSION_COOKIE = 'veikart_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Loads the session from its cookie and enforces the CSRF token on changes. For reads (GET, HEAD)
 * the lookup waits for the request's transaction, whose first statement does it together with
 * the access check (`inOrg`, `asUser`, `authenticate` in context.ts): one round trip less.
 */
export function registerSessionHooks(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.sessionToken = token ?? null;
    if (!UNSAFE_METHODS.has(request.method)) return;
    request.auth = token ? await findSession(app.ctx.db, token) : null;
    const path = request.url.split('?')[0];
    if (path !== '/api/v1/auth/login' && request.auth) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.auth.csrfToken)) {
        throw forbidden('Forespørselen mangler gyldig CSRF-nøkkel. Last inn siden på nytt og prøv igjen.');
      }
    }
  });
}

async function buildSession(tx: Tx, user: User, csrfToken: string): Promise<Session> {
  await restrictTo(tx, user.id);
  return { user, csrfToken, organizations: await accessibleOrganizations(tx, user.systemAdmin), language: await userLanguage(tx, user.id) };
}

function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}

type LoginOutcome = { kind: 'ok'; token: string; session: Session } | { kind: 'limited' } | { kind: 'failed' };

/**
 * The attempt is counted, and recorded as a failure, in a short transaction of its own under a lock
 * per account and address (reserveLoginAttempt) before the password check (argon2, tens of
 * milliseconds), so parallel attempts cannot all pass the limit. A right password then clears the
 * failures and creates the session in a second transaction.
 */
async function attemptLogin(app: FastifyInstance, username: string, password: string, ip: string): Promise<LoginOutcome> {
  const reserved = await withSystem(app.ctx.db, async (tx) => ((await reserveLoginAttempt(tx, username, ip)) ? { identity: await findLocalIdentity(tx, username) } : null));
  if (reserved === null) return { kind: 'limited' };
  const { identity } = reserved;
  const ok = (await verifyPassword(identity?.passwordHash, password)) && identity !== null && !identity.user.disabled;
  if (!ok) return { kind: 'failed' };
  return withSystem(app.ctx.db, async (tx): Promise<LoginOutcome> => {
    // Read again: the user may have been disabled or renamed while the password was checked.
    const current = await findLocalIdentity(tx, username);
    if (!current || current.user.disabled || current.user.id !== identity.user.id) return { kind: 'failed' };
    // Passwords off in one of the user's organizations: refused exactly like a wrong password, so the
    // answer tells nobody whether the account exists or the password was right.
    if (await passwordsOffForUser(tx, current.user.id)) return { kind: 'failed' };
    await recordLoginAttempt(tx, username, ip, true);
    const { disabled: _disabled, ...user } = current.user;
    const created = await createSession(tx, user.id);
    return { kind: 'ok', token: created.token, session: await buildSession(tx, user, created.csrfToken) };
  });
}

export function authRoutes(app: FastifyInstance, oidc: OidcService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sessionResponse = { 200: z.object({ data: SessionSchema }) };

  r.post('/api/v1/auth/login', { schema: { tags: ['auth'], body: LoginSchema, response: sessionResponse } }, async (request, reply) => {
    const { username, password } = request.body;
    const outcome = await attemptLogin(app, username, password, request.ip);
    if (outcome.kind === 'limited') {
      throw new Problem(
        429,
        'For mange forsøk',
        `For mange mislykkede innlogginger. Vent ${LOGIN_WINDOW_MINUTES} minutter og prøv igjen.`,
        undefined,
        { 'retry-after': String(LOGIN_WINDOW_MINUTES * 60) },
      );
    }
    if (outcome.kind === 'failed') throw unauthorized('Feil brukernavn eller passord.');
    setSessionCookie(reply, request, outcome.token);
    return { data: outcome.session };
  });

  // Ends the Veikart session. A session opened through an identity provider that offers
  // RP-initiated logout answers 200 with the provider's end-session address for the browser to visit.
  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const auth: SessionRecord = requireAuth(request);
    const provider = await withSystem(app.ctx.db, async (tx) => {
      const providerId = await sessionProvider(tx, auth.id);
      await deleteSession(tx, auth.id);
      return providerId ? providerForLogin(tx, providerId) : null;
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (provider && oidc.enabled) {
      const config = await oidc.configuration(provider).catch(() => null);
      const url = config ? oidc.endSessionUrl(config, `${oidc.publicBase(`${request.protocol}://${request.host}`)}/logg-inn`) : null;
      if (url) return reply.code(200).send({ data: { endSessionUrl: url } });
    }
    return reply.code(204).send();
  });

  r.get('/api/v1/session', { schema: { tags: ['auth'], response: sessionResponse } }, async (request) => {
    const data = await asUser(request, (tx, auth) => buildSession(tx, auth.user, auth.csrfToken));
    return { data };
  });

  r.post('/api/v1/session/password', { schema: { tags: ['auth'], body: ChangePasswordSchema } }, async (request, reply) => {
    const auth = requireAuth(request);
    const { currentPassword, newPassword } = request.body;
    const newHash = await hashPassword(newPassword);
    await withSystem(
      app.ctx.db,
      async (tx) => {
        if (!(await verifyPassword(await passwordHashOf(tx, auth.user.id), currentPassword))) {
          throw invalid([{ field: 'currentPassword', message: 'Nåværende passord er feil.' }]);
        }
        await setPasswordHash(tx, auth.user.id, newHash);
        await deleteOtherSessions(tx, auth.user.id, auth.id);
      },
      auth.user.id,
    );
    return reply.code(204).send();
  });

  // The account page's interface language: the user's own row only (a system transaction as the user).
  r.put('/api/v1/session/language', { schema: { tags: ['auth'], body: SetLanguageSchema, response: sessionResponse } }, async (request) => {
    const auth = requireAuth(request);
    await withSystem(app.ctx.db, (tx) => setUserLanguage(tx, auth.user.id, request.body.language), auth.user.id);
    const data = await asUser(request, (tx, a) => buildSession(tx, a.user, a.csrfToken));
    return { data };
  });
}
