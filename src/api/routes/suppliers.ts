/** Suppliers of an organization. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSupplier, findSupplier, insertSuppliers, listSuppliers, updateSupplier } from '../../db/queries/suppliers.ts';
import { uuid } from '../../domain/organization.ts';
import { CreateSupplierSchema, SupplierSchema, UpdateSupplierSchema } from '../../domain/portfolio.ts';
import { created, inOrg } from '../context.ts';
import { notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, VersionQuery, staleOrMissing } from '../route-helpers.ts';

const SupplierParams = z.object({ orgId: uuid, supplierId: uuid });

export function supplierRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portfolio'];
  r.get(`${base}/suppliers`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(SupplierSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listSuppliers(tx, orgId)) };
  });
  r.post(`${base}/suppliers`, { schema: { tags, params: OrgParams, body: CreateSupplierSchema, response: { 201: z.object({ data: SupplierSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const [supplier] = await inOrg(request, orgId, 'data:write', ({ tx }) => insertSuppliers(tx, orgId, [request.body]));
    if (!supplier) throw notFound('Leverandøren');
    return created(reply, supplier);
  });
  r.patch(`${base}/suppliers/:supplierId`, { schema: { tags, params: SupplierParams, body: UpdateSupplierSchema, response: { 200: z.object({ data: SupplierSchema }) } } }, async (request) => {
    const { orgId, supplierId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const supplier = await updateSupplier(tx, orgId, supplierId, request.body);
      return supplier ?? staleOrMissing(findSupplier(tx, orgId, supplierId).then(Boolean), 'Leverandøren');
    });
    return { data };
  });
  r.delete(`${base}/suppliers/:supplierId`, { schema: { tags, params: SupplierParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, supplierId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSupplier(tx, orgId, supplierId, request.query.version))) await staleOrMissing(findSupplier(tx, orgId, supplierId).then(Boolean), 'Leverandøren');
    });
    return reply.code(204).send();
  });
}
