/** Integrations between systems and to national shared components. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/tx.ts';
import { checkReferences } from '../../db/queries/references.ts';
import { deleteIntegration, insertIntegration, listIntegrations, updateIntegration } from '../../db/queries/integrations.ts';
import { uuid } from '../../domain/organization.ts';
import { CreateIntegrationSchema, IntegrationSchema, UpdateIntegrationSchema } from '../../domain/portfolio.ts';
import { created, inOrg } from '../context.ts';
import { notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, VersionQuery, throwIf, staleOrMissing } from '../route-helpers.ts';

const IntegrationParams = z.object({ orgId: uuid, integrationId: uuid });

export function integrationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portfolio'];
  const integrationExists = (tx: Tx, orgId: string, id: string) => listIntegrations(tx, orgId, id).then((l) => l.length > 0);
  const oneIntegration = async (tx: Tx, orgId: string, id: string) => {
    const [i] = await listIntegrations(tx, orgId, id);
    if (!i) throw notFound('Integrasjonen');
    return i;
  };

  r.get(`${base}/integrations`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(IntegrationSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listIntegrations(tx, orgId)) };
  });
  r.post(`${base}/integrations`, { schema: { tags, params: OrgParams, body: CreateIntegrationSchema, response: { 201: z.object({ data: IntegrationSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, request.body));
      return oneIntegration(tx, orgId, await insertIntegration(tx, orgId, request.body));
    });
    return created(reply, data);
  });
  r.patch(
    `${base}/integrations/:integrationId`,
    { schema: { tags, params: IntegrationParams, body: UpdateIntegrationSchema, response: { 200: z.object({ data: IntegrationSchema }) } } },
    async (request) => {
      const { orgId, integrationId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        throwIf(await checkReferences(tx, orgId, request.body));
        if (!(await updateIntegration(tx, orgId, integrationId, request.body))) await staleOrMissing(integrationExists(tx, orgId, integrationId), 'Integrasjonen');
        return oneIntegration(tx, orgId, integrationId);
      });
      return { data };
    },
  );
  r.delete(`${base}/integrations/:integrationId`, { schema: { tags, params: IntegrationParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, integrationId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteIntegration(tx, orgId, integrationId, request.query.version))) await staleOrMissing(integrationExists(tx, orgId, integrationId), 'Integrasjonen');
    });
    return reply.code(204).send();
  });
}
