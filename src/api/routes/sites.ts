import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSite, findSite, insertSites, listSites, updateSite } from '../../db/queries/sites.ts';
import { uuid, version } from '../../domain/organization.ts';
import { CreateSiteSchema, SiteSchema, UpdateSiteSchema } from '../../domain/site.ts';
import { created, inOrg } from '../context.ts';
import { notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';

const SiteParams = z.object({ orgId: uuid, siteId: uuid });
const Page = z.object({
  limit: z.coerce.number().pipe(z.int().min(1).max(1000)).optional(),
  offset: z.coerce.number().pipe(z.int().min(0)).optional(),
});

export function siteRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = { 200: z.object({ data: SiteSchema }) };

  r.get(
    '/api/v1/organizations/:orgId/sites',
    { schema: { tags: ['sites'], params: OrgParams, querystring: Page, response: { 200: z.object({ data: z.array(SiteSchema) }) } } },
    async (request) => {
      const { limit, offset } = request.query;
      const page = limit !== undefined || offset !== undefined ? { limit: limit ?? 1000, offset: offset ?? 0 } : undefined;
      return { data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listSites(tx, request.params.orgId, page)) };
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/sites',
    { schema: { tags: ['sites'], params: OrgParams, body: CreateSiteSchema, response: { 201: z.object({ data: SiteSchema }) } } },
    async (request, reply) => {
      const [site] = await inOrg(request, request.params.orgId, 'data:write', ({ tx }) => insertSites(tx, request.params.orgId, [request.body]));
      if (!site) throw notFound('Lokasjonen');
      return created(reply, site);
    },
  );

  r.get('/api/v1/organizations/:orgId/sites/:siteId', { schema: { tags: ['sites'], params: SiteParams, response: one } }, async (request) => {
    const { orgId, siteId } = request.params;
    const site = await inOrg(request, orgId, 'data:read', ({ tx }) => findSite(tx, orgId, siteId));
    if (!site) throw notFound('Lokasjonen');
    return { data: site };
  });

  r.patch(
    '/api/v1/organizations/:orgId/sites/:siteId',
    { schema: { tags: ['sites'], params: SiteParams, body: UpdateSiteSchema, response: one } },
    async (request) => {
      const { orgId, siteId } = request.params;
      const site = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const updated = await updateSite(tx, orgId, siteId, request.body);
        if (updated) return updated;
        if (await findSite(tx, orgId, siteId)) throw staleVersion('Lokasjonen');
        throw notFound('Lokasjonen');
      });
      return { data: site };
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/sites/:siteId',
    { schema: { tags: ['sites'], params: SiteParams, querystring: z.object({ version: z.coerce.number().pipe(version) }) } },
    async (request, reply) => {
      const { orgId, siteId } = request.params;
      await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (await deleteSite(tx, orgId, siteId, request.query.version)) return;
        if (await findSite(tx, orgId, siteId)) throw staleVersion('Lokasjonen');
        throw notFound('Lokasjonen');
      });
      return reply.code(204).send();
    },
  );
}
