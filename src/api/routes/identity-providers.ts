/**
 * Identity providers (OIDC) for administrators, the public list on the login page, and an
 * organization's sign-in setting (passwords off). Providers are system data: the system
 * administrator manages all, an organization's administrator those serving only organizations they
 * administer (row-level security, migration 0031, and the checks here with a message per field).
 * The client secret is write-only: sealed before it is stored, never returned.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withSystem, type Tx } from '../../db/database.ts';
import { roleIn } from '../../db/queries/access.ts';
import {
  countOidcAdmins,
  deleteProvider,
  findProvider,
  insertProvider,
  listProviders,
  loginProviders,
  organizationNames,
  passwordsOffOf,
  setPasswordsOff,
  updateProvider,
} from '../../db/queries/identity-providers.ts';
import {
  CreateIdentityProviderSchema,
  IdentityProviderSchema,
  LoginProviderSchema,
  PasswordsOffSchema,
  UpdateIdentityProviderSchema,
} from '../../domain/identity-provider.ts';
import type { SessionRecord } from '../../db/queries/identity.ts';
import type { OidcService } from '../auth/oidc.ts';
import { asUser, created, inOrg } from '../context.ts';
import { Problem, forbidden, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const ProviderParams = z.object({ providerId: z.uuid({ error: message('validIdLower') }) });
const SignInSettingsSchema = z.object({ passwordsOff: z.boolean(), oidcAdmins: z.int() });

/** Every organization must exist and, for anyone but the system administrator, be administered by the user. */
async function checkOrganizations(tx: Tx, auth: SessionRecord, organizationIds: readonly string[]): Promise<void> {
  const known = new Set((await organizationNames(tx, organizationIds)).map((o) => o.id));
  const errors: Array<{ field: string; message: string }> = [];
  for (const [i, id] of organizationIds.entries()) {
    if (!known.has(id)) errors.push({ field: `organizationIds.${i}`, message: message('idp.unknownOrg') });
    else if (!auth.user.systemAdmin && (await roleIn(tx, id)) !== 'admin') {
      errors.push({ field: `organizationIds.${i}`, message: message('idp.notAdmin') });
    }
  }
  if (errors.length > 0) throw invalid(errors);
}

export function identityProviderRoutes(app: FastifyInstance, oidc: OidcService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = { 200: z.object({ data: IdentityProviderSchema }) };
  const requireKey = (): void => {
    if (!oidc.enabled) throw new Problem(409, 'Innlogging er ikke satt opp', 'Identitetsleverandører krever at VEIKART_SECRET_KEY er satt på serveren.');
  };

  r.get('/api/v1/auth/providers', { schema: { tags: ['auth'], response: { 200: z.object({ data: z.array(LoginProviderSchema) }) } } }, async () => ({
    data: oidc.enabled ? await withSystem(app.ctx.db, (tx) => loginProviders(tx)) : [],
  }));

  r.get('/api/v1/identity-providers', { schema: { tags: ['identity-providers'], response: { 200: z.object({ data: z.array(IdentityProviderSchema) }) } } }, async (request) => ({
    data: await asUser(request, (tx) => listProviders(tx)),
  }));

  r.get('/api/v1/identity-providers/:providerId', { schema: { tags: ['identity-providers'], params: ProviderParams, response: one } }, async (request) => {
    const provider = await asUser(request, (tx) => findProvider(tx, request.params.providerId));
    if (!provider) throw notFound('Identitetsleverandøren');
    return { data: provider };
  });

  r.post(
    '/api/v1/identity-providers',
    { schema: { tags: ['identity-providers'], body: CreateIdentityProviderSchema, response: { 201: z.object({ data: IdentityProviderSchema }) } } },
    async (request, reply) => {
      requireKey();
      const { clientSecret, ...values } = request.body;
      const sealedSecret = oidc.seal(clientSecret);
      const provider = await asUser(request, async (tx, auth) => {
        await checkOrganizations(tx, auth, values.organizationIds);
        return insertProvider(tx, { ...values, sealedSecret });
      });
      return created(reply, provider);
    },
  );

  r.put(
    '/api/v1/identity-providers/:providerId',
    { schema: { tags: ['identity-providers'], params: ProviderParams, body: UpdateIdentityProviderSchema, response: one } },
    async (request) => {
      requireKey();
      const { clientSecret, version, ...values } = request.body;
      const sealedSecret = clientSecret ? oidc.seal(clientSecret) : undefined;
      const provider = await asUser(request, async (tx, auth) => {
        const current = await findProvider(tx, request.params.providerId);
        if (!current) throw notFound('Identitetsleverandøren');
        if (!auth.user.systemAdmin) {
          for (const id of current.organizationIds) if ((await roleIn(tx, id)) !== 'admin') throw forbidden('Leverandøren betjener også organisasjoner du ikke er administrator i.');
        }
        await checkOrganizations(tx, auth, values.organizationIds);
        const updated = await updateProvider(tx, current.id, version, { ...values, sealedSecret });
        if (!updated) throw staleVersion('Identitetsleverandøren');
        return updated;
      });
      return { data: provider };
    },
  );

  r.delete('/api/v1/identity-providers/:providerId', { schema: { tags: ['identity-providers'], params: ProviderParams } }, async (request, reply) => {
    await asUser(request, async (tx, auth) => {
      const current = await findProvider(tx, request.params.providerId);
      if (!current) throw notFound('Identitetsleverandøren');
      if (!auth.user.systemAdmin) {
        for (const id of current.organizationIds) if ((await roleIn(tx, id)) !== 'admin') throw forbidden('Leverandøren betjener også organisasjoner du ikke er administrator i.');
      }
      await deleteProvider(tx, current.id);
    });
    return reply.code(204).send();
  });

  r.get(
    '/api/v1/organizations/:orgId/sign-in',
    { schema: { tags: ['identity-providers'], params: OrgParams, response: { 200: z.object({ data: SignInSettingsSchema }) } } },
    async (request) => {
      const { orgId } = request.params;
      const passwordsOff = await inOrg(request, orgId, 'org:update', ({ tx }) => passwordsOffOf(tx, orgId));
      if (passwordsOff === null) throw notFound('Organisasjonen');
      const oidcAdmins = await withSystem(app.ctx.db, (tx) => countOidcAdmins(tx, orgId));
      return { data: { passwordsOff, oidcAdmins } };
    },
  );

  r.put(
    '/api/v1/organizations/:orgId/sign-in',
    { schema: { tags: ['identity-providers'], params: OrgParams, body: PasswordsOffSchema, response: { 200: z.object({ data: SignInSettingsSchema }) } } },
    async (request) => {
      const { orgId } = request.params;
      const { passwordsOff } = request.body;
      // Authorize before anything about the organization's administrators is read.
      await inOrg(request, orgId, 'org:update', async () => undefined);
      const oidcAdmins = await withSystem(app.ctx.db, (tx) => countOidcAdmins(tx, orgId));
      if (passwordsOff && oidcAdmins === 0) {
        throw invalid([
          {
            field: 'passwordsOff',
            message:
              'Passord kan ikke slås av ennå: ingen administrator i organisasjonen kan logge inn med en identitetsleverandør. Koble først en administrator-konto til innloggingen, ellers stenges alle ute.',
          },
        ]);
      }
      await inOrg(request, orgId, 'org:update', ({ tx }) => setPasswordsOff(tx, orgId, passwordsOff));
      return { data: { passwordsOff, oidcAdmins } };
    },
  );
}
