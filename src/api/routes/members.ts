import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resetRole, restrictTo, withSystem } from '../../db/database.ts';
import { roleIn } from '../../db/queries/access.ts';
import { createLocalUser, findUserByUsername } from '../../db/queries/identity.ts';
import { countAdmins, deleteMembership, findMember, insertMembership, listMembers, updateMembershipRole } from '../../db/queries/members.ts';
import { uuid, version } from '../../domain/organization.ts';
import { can } from '../../domain/roles.ts';
import { AddMemberSchema, MemberSchema, UpdateMemberSchema } from '../../domain/user.ts';
import { hashPassword } from '../auth/passwords.ts';
import { created, inOrg, requireAuth } from '../context.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const MemberParams = z.object({ orgId: uuid, userId: uuid });

export function memberRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations/:orgId/members',
    { schema: { tags: ['members'], params: OrgParams, response: { 200: z.object({ data: z.array(MemberSchema) }) } } },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'members:read', ({ tx }) => listMembers(tx, request.params.orgId)),
    }),
  );

  r.post(
    '/api/v1/organizations/:orgId/members',
    { schema: { tags: ['members'], params: OrgParams, body: AddMemberSchema, response: { 201: z.object({ data: MemberSchema }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { orgId } = request.params;
      const input = request.body;
      // Hash outside the transaction: argon2 takes tens of milliseconds.
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const member = await withSystem(
        app.ctx.db,
        async (tx) => {
          // Authorize first, as the user (same rules as everywhere: admin in this org).
          await restrictTo(tx, auth.user.id);
          const role = await roleIn(tx, orgId);
          if (role === null && !auth.user.systemAdmin) throw notFound('Organisasjonen');
          if (!can({ systemAdmin: auth.user.systemAdmin, role }, 'members:manage')) throw forbidden();
          // Identity step: finding or creating the account is global, so it runs as the owner role.
          await resetRole(tx);
          let user = await findUserByUsername(tx, input.username);
          if (!user) {
            if (!passwordHash) throw invalid([{ field: 'password', message: message('members.passwordRequired') }]);
            if (!input.displayName) throw invalid([{ field: 'displayName', message: message('members.nameRequired') }]);
            user = await createLocalUser(tx, { username: input.username, displayName: input.displayName, email: input.email ?? null, passwordHash });
          }
          // Back to the restricted role for the membership itself.
          await restrictTo(tx, auth.user.id);
          if (await findMember(tx, orgId, user.id)) {
            throw conflict('Brukeren er allerede medlem av organisasjonen.', [{ field: 'username', message: message('members.alreadyMember') }]);
          }
          await insertMembership(tx, orgId, user.id, input.role);
          const m = await findMember(tx, orgId, user.id);
          if (!m) throw notFound('Medlemskapet');
          return m;
        },
        auth.user.id,
      );
      return created(reply, member);
    },
  );

  r.patch(
    '/api/v1/organizations/:orgId/members/:userId',
    { schema: { tags: ['members'], params: MemberParams, body: UpdateMemberSchema, response: { 200: z.object({ data: MemberSchema }) } } },
    async (request) => {
      const { orgId, userId } = request.params;
      const data = await inOrg(request, orgId, 'members:manage', async ({ tx }) => {
        const current = await findMember(tx, orgId, userId);
        if (!current) throw notFound('Medlemskapet');
        if (current.role === 'admin' && request.body.role !== 'admin' && (await countAdmins(tx, orgId)) <= 1) {
          throw invalid([{ field: 'role', message: message('members.lastAdminRole') }]);
        }
        if (!(await updateMembershipRole(tx, orgId, userId, request.body.version, request.body.role))) throw staleVersion('Medlemskapet');
        const m = await findMember(tx, orgId, userId);
        if (!m) throw notFound('Medlemskapet');
        return m;
      });
      return { data };
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/members/:userId',
    { schema: { tags: ['members'], params: MemberParams, querystring: z.object({ version: z.coerce.number().pipe(version) }) } },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      await inOrg(request, orgId, 'members:manage', async ({ tx }) => {
        const current = await findMember(tx, orgId, userId);
        if (!current) throw notFound('Medlemskapet');
        if (current.role === 'admin' && (await countAdmins(tx, orgId)) <= 1) {
          throw invalid([{ field: 'userId', message: 'Den siste administratoren kan ikke fjernes.' }]);
        }
        if (!(await deleteMembership(tx, orgId, userId, request.query.version))) throw staleVersion('Medlemskapet');
      });
      return reply.code(204).send();
    },
  );
}
