/** Systems: the list, one system, its writes, review and history. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReferences } from '../../db/queries/references.ts';
import { deleteSystem, insertSystems, ownsSystem, systemHistory, updateSystem, visibleSystemOwner } from '../../db/queries/systems.ts';
import { systemList, systemListQuery, type ListRow } from '../../db/queries/system-list.ts';
import { version } from '../../domain/organization.ts';
import { CreateSystemSchema, HistoryEntrySchema, LIFECYCLES, SystemDetailSchema, SystemListSchema, UpdateSystemSchema } from '../../domain/portfolio.ts';
import { NUL_MESSAGE, storableText } from '../../domain/validation.ts';
import { created, inOrg, readInOrg } from '../context.ts';
import { forbidden, notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, SystemParams, VersionQuery, throwIf, staleOrMissing, systemOrThrow } from '../route-helpers.ts';
import { message } from '../../domain/messages.ts';

const ListQuery = z.object({
  q: z.string().trim().max(200, { error: 'kan ha høyst 200 tegn' }).refine(storableText, { error: NUL_MESSAGE }).optional(),
  lifecycle: z.enum(LIFECYCLES, { error: message('systems.lifecycleCode') }).optional(),
  sort: z.enum(['name', 'users', 'vendor', 'lifecycle'], { error: message('systems.sortKey') }).optional(),
  dir: z.enum(['asc', 'desc'], { error: message('sortOrder') }).optional(),
  limit: z.coerce.number().pipe(z.int().min(1, { error: 'må være minst 1' }).max(1000, { error: 'kan være høyst 1000' })).optional(),
  offset: z.coerce.number().pipe(z.int().min(0, { error: 'kan ikke være negativt' })).optional(),
});

export function systemRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const tags = ['portfolio'];
  const systemResponse = { 200: z.object({ data: SystemDetailSchema }) };

  r.get(`${base}/systems`, { schema: { tags, params: OrgParams, querystring: ListQuery, response: { 200: SystemListSchema } } }, async (request) => {
    const { orgId } = request.params;
    const { limit, offset, ...rest } = request.query;
    const rows = await readInOrg<ListRow>(request, orgId, 'data:read', systemListQuery(orgId, { ...rest, limit: limit ?? 1000, offset: offset ?? 0 }));
    return systemList(rows, today());
  });

  r.post(`${base}/systems`, { schema: { tags, params: OrgParams, body: CreateSystemSchema, response: { 201: z.object({ data: SystemDetailSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const system = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, request.body));
      const [id] = await insertSystems(tx, orgId, [request.body]);
      return systemOrThrow(tx, orgId, id ?? '', today());
    });
    return created(reply, system);
  });

  r.get(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => systemOrThrow(tx, orgId, systemId, today())) };
  });

  r.patch(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, body: UpdateSystemSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await ownsSystem(tx, orgId, systemId))) {
        if (await visibleSystemOwner(tx, orgId, systemId)) throw forbidden('Systemet eies av en annen organisasjon; bare eieren kan endre det.');
        throw notFound('Systemet');
      }
      const errors = await checkReferences(tx, orgId, request.body);
      if (request.body.replacedById === systemId) errors.push({ field: 'replacedById', message: message('systems.notOwnSuccessor') });
      throwIf(errors);
      if (!(await updateSystem(tx, orgId, systemId, request.body))) await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
      return systemOrThrow(tx, orgId, systemId, today());
    });
    return { data };
  });

  r.delete(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSystem(tx, orgId, systemId, request.query.version))) await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
    });
    return reply.code(204).send();
  });

  r.post(
    `${base}/systems/:systemId/review`,
    { schema: { tags, params: SystemParams, body: z.object({ version }), response: systemResponse } },
    async (request) => {
      const { orgId, systemId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!(await updateSystem(tx, orgId, systemId, { version: request.body.version, lastReviewedAt: today() }))) {
          await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
        }
        return systemOrThrow(tx, orgId, systemId, today());
      });
      return { data };
    },
  );

  r.get(
    `${base}/systems/:systemId/history`,
    { schema: { tags, params: SystemParams, response: { 200: z.object({ data: z.array(HistoryEntrySchema) }) } } },
    async (request) => {
      const { orgId, systemId } = request.params;
      const data = await inOrg(request, orgId, 'audit:read', async ({ tx }) => {
        await systemOrThrow(tx, orgId, systemId, today());
        return systemHistory(tx, orgId, systemId);
      });
      return { data };
    },
  );
}
