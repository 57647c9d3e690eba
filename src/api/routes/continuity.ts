/** Continuity per system: backup, restore test, RTO/RPO, fallback site (one record per system). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findContinuity, ownSystem, saveContinuity } from '../../db/queries/continuity.ts';
import { ContinuitySchema, continuityView, SaveContinuitySchema } from '../../domain/continuity.ts';
import { uuid } from '../../domain/organization.ts';
import { inOrg } from '../context.ts';
import { notFound, staleVersion } from '../problem.ts';

const SystemParams = z.object({ orgId: uuid, systemId: uuid });

export function continuityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/v1/organizations/:orgId/systems/:systemId/continuity';
  const one = { 200: z.object({ data: ContinuitySchema }) };

  r.get(path, { schema: { tags: ['portfolio'], params: SystemParams, response: one } }, async (request) => {
    const { orgId, systemId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        if (!(await ownSystem(tx, orgId, systemId))) throw notFound('Systemet');
        return continuityView(await findContinuity(tx, systemId), app.ctx.today());
      }),
    };
  });

  r.put(path, { schema: { tags: ['portfolio'], params: SystemParams, body: SaveContinuitySchema, response: one } }, async (request) => {
    const { orgId, systemId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!(await ownSystem(tx, orgId, systemId))) throw notFound('Systemet');
        if (!(await saveContinuity(tx, orgId, systemId, request.body))) throw staleVersion('Kontinuitetsopplysningene');
        return continuityView(await findContinuity(tx, systemId), app.ctx.today());
      }),
    };
  });
}
