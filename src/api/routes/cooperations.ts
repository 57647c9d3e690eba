import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import {
  deleteCooperation,
  insertCooperation,
  leaveCooperation,
  listCooperations,
  listInvitations,
  membershipState,
  respondToInvitation,
  updateCooperation,
} from '../../db/queries/cooperations.ts';
import { existingIds } from '../../db/queries/organizations.ts';
import { CooperationInvitationSchema, CooperationSchema, CreateCooperationSchema, UpdateCooperationSchema } from '../../domain/cooperation.ts';
import { uuid, version } from '../../domain/organization.ts';
import { created, inOrg } from '../context.ts';
import { conflict, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const CoopParams = z.object({ orgId: uuid, cooperationId: uuid });

async function checkMembers(tx: Tx, memberIds: readonly string[]): Promise<void> {
  const found = await existingIds(tx, memberIds);
  const errors = memberIds.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `memberIds.${i}`, message: message('coop.unknownMember', { n: i + 1 }) }],
  );
  if (new Set(memberIds).size !== memberIds.length) errors.push({ field: 'memberIds', message: message('coop.memberTwice') });
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

  // Invitations: the invited organization's administrator sees the cooperation's name and host,
  // and accepts or declines; an accepted member's administrator can leave at any time.
  r.get(
    '/api/v1/organizations/:orgId/cooperation-invitations',
    { schema: { tags: ['cooperations'], params: OrgParams, response: { 200: z.object({ data: z.array(CooperationInvitationSchema) }) } } },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'org:update', ({ tx }) => listInvitations(tx, request.params.orgId)),
    }),
  );

  r.post(
    '/api/v1/organizations/:orgId/cooperations/:cooperationId/accept',
    { schema: { tags: ['cooperations'], params: CoopParams, response: { 200: single } } },
    async (request) => {
      const { orgId, cooperationId } = request.params;
      const data = await inOrg(request, orgId, 'org:update', async ({ tx }) => {
        if (!(await respondToInvitation(tx, orgId, cooperationId, 'accepted'))) throw notFound('Invitasjonen');
        return one(tx, orgId, cooperationId);
      });
      return { data };
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/cooperations/:cooperationId/decline',
    { schema: { tags: ['cooperations'], params: CoopParams } },
    async (request, reply) => {
      const { orgId, cooperationId } = request.params;
      await inOrg(request, orgId, 'org:update', async ({ tx }) => {
        if (!(await respondToInvitation(tx, orgId, cooperationId, 'declined'))) throw notFound('Invitasjonen');
      });
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/cooperations/:cooperationId/leave',
    { schema: { tags: ['cooperations'], params: CoopParams } },
    async (request, reply) => {
      const { orgId, cooperationId } = request.params;
      await inOrg(request, orgId, 'org:update', async ({ tx }) => {
        if (await leaveCooperation(tx, orgId, cooperationId)) return;
        const member = await membershipState(tx, orgId, cooperationId);
        if (member?.host) throw conflict('Vertskommunen kan ikke forlate sitt eget samarbeid. Slett samarbeidet i stedet.');
        throw notFound('Samarbeidet');
      });
      return reply.code(204).send();
    },
  );
}
