/** Sharing a system: candidates, shares, a member leaving, a member's own use. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ownsSystem, visibleSystemOwner } from '../../db/queries/systems.ts';
import { setMemberUsage, setShares, hasShare, shareCandidates, leaveShare, organizationNames } from '../../db/queries/shares.ts';
import { SetSharesSchema, SetUsageSchema, SystemDetailSchema } from '../../domain/portfolio.ts';
import { inOrg } from '../context.ts';
import { forbidden, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, SystemParams, VersionQuery, throwIf, staleOrMissing, systemOrThrow } from '../route-helpers.ts';
import { FieldError } from '../../domain/validation.ts';
import { message } from '../../domain/messages.ts';


export function shareRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const tags = ['portfolio'];
  const systemResponse = { 200: z.object({ data: SystemDetailSchema }) };

  r.get(
    `${base}/share-candidates`,
    { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(z.object({ id: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })) }) } } },
    async (request) => {
      const { orgId } = request.params;
      return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => shareCandidates(tx, orgId)) };
    },
  );

  r.put(`${base}/systems/:systemId/shares`, { schema: { tags, params: SystemParams, body: SetSharesSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await ownsSystem(tx, orgId, systemId))) {
        if (await visibleSystemOwner(tx, orgId, systemId)) throw forbidden('Bare eieren av systemet kan dele det.');
        throw notFound('Systemet');
      }
      const allowed = new Set((await shareCandidates(tx, orgId)).map((c) => c.id));
      const refused = request.body.shares.map((s) => s.organizationId).filter((id) => !allowed.has(id));
      const names = await organizationNames(tx, refused);
      const seen = new Set<string>();
      const errors: FieldError[] = [];
      request.body.shares.forEach((s, i) => {
        if (!allowed.has(s.organizationId)) {
          const who = names.get(s.organizationId) ?? 'organisasjonen';
          errors.push({
            field: `shares.${i}.organizationId`,
            message: message('shares.notPartner', { n: i + 1, who }),
          });
        }
        if (seen.has(s.organizationId)) errors.push({ field: `shares.${i}.organizationId`, message: message('shares.repeated', { n: i + 1 }) });
        seen.add(s.organizationId);
      });
      throwIf(errors);
      if (!(await setShares(tx, orgId, systemId, request.body))) throw staleVersion('Systemet');
      return systemOrThrow(tx, orgId, systemId, today());
    });
    return { data };
  });

  // A member organization ends the sharing of another organization's system with itself.
  r.delete(`${base}/systems/:systemId/share`, { schema: { tags, params: SystemParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await leaveShare(tx, orgId, systemId, request.query.version))) await staleOrMissing(hasShare(tx, orgId, systemId), 'Delingen av systemet');
    });
    return reply.code(204).send();
  });

  r.put(`${base}/systems/:systemId/usage`, { schema: { tags, params: SystemParams, body: SetUsageSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await setMemberUsage(tx, orgId, systemId, request.body.version, request.body.users))) {
        await staleOrMissing(hasShare(tx, orgId, systemId), 'Bruken av systemet');
      }
      return systemOrThrow(tx, orgId, systemId, today());
    });
    return { data };
  });
}
