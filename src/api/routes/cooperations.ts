import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { deleteCooperation, insertCooperation, listCooperations, updateCooperation } from '../../db/queries/cooperations.ts';
import { existingIds } from '../../db/queries/organizations.ts';
import { CooperationSchema, CreateCooperationSchema, UpdateCooperationSchema } from '../../domain/cooperation.ts';
import { uuid, version } from '../../domain/organization.ts';
import { created, inOrg } from '../context.ts';
import { invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';

const CoopParams = z.object({ orgId: uuid, cooperationId: uuid });

async function checkMembers(tx: Tx, memberIds: readonly string[]): Promise<void> {
  const found = await existingIds(tx, memberIds);
  const errors = memberIds.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `memberIds.${i}`, message: `Medlemmer (rad ${i + 1}) finnes ikke.` }],
  );
  if (new Set(memberIds).size !== memberIds.length) errors.push({ field: 'memberIds', message: 'Medlemmer kan bare stå én gang.' });
  if (errors.length > 0) throw invalid(errors);
}

async function one(tx: Tx, orgId: string, id: string) {
  const [c] = await listCooperations(tx, orgId, id);
  if (!c) throw notFound('Samarbeidet');
  return c;
}

export function cooperationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const single = z.object({ data: CooperationSchema });

  r.get(
    '/api/v1/organizations/:orgId/cooperations',
    { schema: { tags: ['cooperations'], params: OrgParams, response: { 200: z.object({ data: z.array(CooperationSchema) }) } } },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listCooperations(tx, request.params.orgId)),
    }),
  );

  r.post(
    '/api/v1/organizations/:orgId/cooperations',
    { schema: { tags: ['cooperations'], params: OrgParams, body: CreateCooperationSchema, response: { 201: single } } },
    async (request, reply) => {
      const { orgId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        await checkMembers(tx, request.body.memberIds);
        const id = await insertCooperation(tx, orgId, request.body);
        return one(tx, orgId, id);
      });
      return created(reply, data);
    },
  );

  r.patch(
    '/api/v1/organizations/:orgId/cooperations/:cooperationId',
    { schema: { tags: ['cooperations'], params: CoopParams, body: UpdateCooperationSchema, response: { 200: single } } },
    async (request) => {
      const { orgId, cooperationId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const current = await one(tx, orgId, cooperationId);
        if (current.organizationId !== orgId) throw notFound('Samarbeidet');
        if (request.body.memberIds) await checkMembers(tx, request.body.memberIds);
        if (!(await updateCooperation(tx, orgId, cooperationId, request.body))) throw staleVersion('Samarbeidet');
        return one(tx, orgId, cooperationId);
      });
      return { data };
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/cooperations/:cooperationId',
    { schema: { tags: ['cooperations'], params: CoopParams, querystring: z.object({ version: z.coerce.number().pipe(version) }) } },
    async (request, reply) => {
      const { orgId, cooperationId } = request.params;
      await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const current = await one(tx, orgId, cooperationId);
        if (current.organizationId !== orgId) throw notFound('Samarbeidet');
        if (!(await deleteCooperation(tx, orgId, cooperationId, request.query.version))) throw staleVersion('Samarbeidet');
      });
      return reply.code(204).send();
    },
  );
}
