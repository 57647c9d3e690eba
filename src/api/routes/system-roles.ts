/** Roles on a system (owner, manager, super user, support lines). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../domain/organization.ts';
import { addSystemRole, deleteSystemRole } from '../../db/queries/system-roles.ts';
import { checkReferences } from '../../db/queries/references.ts';
import { visibleSystemOwner } from '../../db/queries/systems.ts';
import { CreateSystemRoleSchema, SystemDetailSchema } from '../../domain/portfolio.ts';
import { created, inOrg } from '../context.ts';
import { notFound } from '../problem.ts';
import { base, SystemParams, throwIf, systemOrThrow } from '../route-helpers.ts';

const RoleParams = z.object({ orgId: uuid, systemId: uuid, roleId: uuid });

export function systemRoleRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const tags = ['portfolio'];
  const systemResponse = { 200: z.object({ data: SystemDetailSchema }) };

  r.post(`${base}/systems/:systemId/roles`, { schema: { tags, params: SystemParams, body: CreateSystemRoleSchema, response: { 201: z.object({ data: SystemDetailSchema }) } } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const owner = await visibleSystemOwner(tx, orgId, systemId);
      if (!owner) throw notFound('Systemet');
      throwIf(await checkReferences(tx, orgId, { personId: request.body.personId, supplierId: request.body.supplierId }, owner));
      await addSystemRole(tx, orgId, owner, systemId, request.body);
      return systemOrThrow(tx, orgId, systemId, today());
    });
    return created(reply, data);
  });

  r.delete(`${base}/systems/:systemId/roles/:roleId`, { schema: { tags, params: RoleParams, response: systemResponse } }, async (request) => {
    const { orgId, systemId, roleId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSystemRole(tx, orgId, systemId, roleId))) throw notFound('Rollen');
      return systemOrThrow(tx, orgId, systemId, today());
    });
    return { data };
  });
}
