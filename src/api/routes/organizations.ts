import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { restrictTo, withSystem } from '../../db/database.ts';
import { accessibleOrganizations } from '../../db/queries/access.ts';
import {
  existingIds,
  findOrganization,
  insertOrganization,
  listDirectory,
  organizationDetail,
  setOwners,
  slugTaken,
  updateOrganization,
} from '../../db/queries/organizations.ts';
import { KOMMUNER_2024 } from '../../domain/kommuner.ts';
import {
  AccessibleOrganizationSchema,
  CreateOrganizationSchema,
  ORG_KINDS,
  OrganizationDetailSchema,
  UpdateOrganizationSchema,
  slugify,
} from '../../domain/organization.ts';
import { can } from '../../domain/roles.ts';
import { asUser, authenticate, created, inOrg, requireAuth } from '../context.ts';
import { forbidden, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import type { Tx } from '../../db/database.ts';
import type { FieldError } from '../../domain/validation.ts';
import { message } from '../../domain/messages.ts';

async function checkOwners(tx: Tx, selfId: string | null, owners: ReadonlyArray<{ organizationId: string }>): Promise<void> {
  const ids = owners.map((o) => o.organizationId);
  const found = await existingIds(tx, ids);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  owners.forEach((o, i) => {
    if (!found.has(o.organizationId)) errors.push({ field: `owners.${i}.organizationId`, message: message('org.unknownOwner', { n: i + 1 }) });
    else if (o.organizationId === selfId) errors.push({ field: `owners.${i}.organizationId`, message: message('org.ownerIsSelf', { n: i + 1 }) });
    else if (seen.has(o.organizationId)) errors.push({ field: `owners.${i}.organizationId`, message: message('org.ownerTwice', { n: i + 1 }) });
    seen.add(o.organizationId);
  });
  if (errors.length > 0) throw invalid(errors);
}

export function organizationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations',
    { schema: { tags: ['organizations'], response: { 200: z.object({ data: z.array(AccessibleOrganizationSchema) }) } } },
    async (request) => ({ data: await asUser(request, (tx, auth) => accessibleOrganizations(tx, auth.user.systemAdmin)) }),
  );

  r.get(
    '/api/v1/directory',
    {
      schema: {
        tags: ['organizations'],
        response: {
          200: z.object({
            data: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), kommunenummer: z.string().nullable() })),
          }),
        },
      },
    },
    async (request) => ({ data: await asUser(request, (tx) => listDirectory(tx)) }),
  );

  r.get(
    '/api/v1/reference/kommuner',
    {
      schema: {
        tags: ['reference'],
        response: {
          200: z.object({ data: z.array(z.object({ nummer: z.string(), navn: z.string(), fylkesnummer: z.string(), fylkesnavn: z.string() })) }),
        },
      },
    },
    async (request, reply) => {
      await authenticate(request);
      reply.header('cache-control', 'private, max-age=3600');
      return { data: [...KOMMUNER_2024] };
    },
  );

  r.post(
    '/api/v1/organizations',
    { schema: { tags: ['organizations'], body: CreateOrganizationSchema, response: { 201: z.object({ data: OrganizationDetailSchema }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (!can({ systemAdmin: auth.user.systemAdmin, role: null }, 'org:create')) throw forbidden('Bare systemadministratorer kan opprette organisasjoner.');
      const input = request.body;
      const data = await withSystem(
        app.ctx.db,
        async (tx) => {
          await restrictTo(tx, auth.user.id);
          let slug = input.slug ?? slugify(input.name);
          if (!input.slug) {
            for (let i = 2; await slugTaken(tx, slug); i++) slug = `${slugify(input.name)}-${i}`;
          }
          if (slug.length < 2) throw invalid([{ field: 'slug', message: message('org.slugRequired') }]);
          const org = await insertOrganization(tx, { ...input, slug });
          if (input.owners.length > 0) {
            await checkOwners(tx, org.id, input.owners);
            await setOwners(tx, org.id, input.owners);
          }
          const detail = await organizationDetail(tx, org.id);
          if (!detail) throw notFound('Organisasjonen');
          return detail;
        },
        auth.user.id,
      );
      return created(reply, data);
    },
  );

  r.get(
    '/api/v1/organizations/:orgId',
    { schema: { tags: ['organizations'], params: OrgParams, response: { 200: z.object({ data: OrganizationDetailSchema }) } } },
    async (request) => {
      const data = await inOrg(request, request.params.orgId, 'org:read', async ({ tx }) => {
        const detail = await organizationDetail(tx, request.params.orgId);
        if (!detail) throw notFound('Organisasjonen');
        return detail;
      });
      return { data };
    },
  );

  r.patch(
    '/api/v1/organizations/:orgId',
    { schema: { tags: ['organizations'], params: OrgParams, body: UpdateOrganizationSchema, response: { 200: z.object({ data: OrganizationDetailSchema }) } } },
    async (request) => {
      const { orgId } = request.params;
      const input = request.body;
      const data = await inOrg(request, orgId, 'org:update', async ({ tx, auth }) => {
        if (input.owners !== undefined && !can({ systemAdmin: auth.user.systemAdmin, role: null }, 'org:manageOwners')) {
          throw forbidden('Bare systemadministratorer kan endre eierkommuner og deres tilgang.');
        }
        const current = await findOrganization(tx, orgId);
        if (!current) throw notFound('Organisasjonen');
        if (input.owners !== undefined && input.owners.length > 0 && current.kind !== 'iks') {
          throw invalid([{ field: 'owners', message: message('org.ownersOnlyIks') }]);
        }
        const updated = await updateOrganization(tx, orgId, input.version, input);
        if (!updated) throw staleVersion('Organisasjonen');
        if (input.owners !== undefined) {
          await checkOwners(tx, orgId, input.owners);
          await setOwners(tx, orgId, input.owners);
        }
        const detail = await organizationDetail(tx, orgId);
        if (!detail) throw notFound('Organisasjonen');
        return detail;
      });
      return { data };
    },
  );
}
