/** The shared product catalogue, a system's product, the opt-in network, "Hvem andre bruker" and "Mest brukte systemer". */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addProduct, getNetwork, listProducts, ownSystem, productUsage, setNetwork, setSystemProduct, systemPeers } from '../../db/queries/products.ts';
import { uuid } from '../../domain/organization.ts';
import { displayCount, NetworkInputSchema, NetworkSchema, PeersSchema, ProductInputSchema, ProductSchema, SystemProductInputSchema, UsageSchema } from '../../domain/product.ts';
import { created, inOrg } from '../context.ts';
import { invalid, notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const SystemParams = z.object({ orgId: uuid, systemId: uuid });

export function productRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId';

  r.get(`${base}/products`, { schema: { tags: ['products'], params: OrgParams, response: { 200: z.object({ data: z.array(ProductSchema) }) } } }, async (request) => ({
    data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listProducts(tx)),
  }));

  // Any editor adds to the shared catalogue; a name already there (normalized) is that product.
  r.post(`${base}/products`, { schema: { tags: ['products'], params: OrgParams, body: ProductInputSchema, response: { 201: z.object({ data: ProductSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', ({ tx }) => addProduct(tx, orgId, request.body.name, request.body.vendorName ?? null));
    return created(reply, data);
  });

  r.put(`${base}/systems/:systemId/product`, { schema: { tags: ['products'], params: SystemParams, body: SystemProductInputSchema, response: { 200: z.object({ data: PeersSchema }) } } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await ownSystem(tx, orgId, systemId))) throw notFound('Systemet');
      const productId = request.body.productId;
      if (productId && !(await listProducts(tx)).some((p) => p.id === productId)) throw invalid([{ field: 'productId', message: message('products.unknown') }]);
      await setSystemProduct(tx, orgId, systemId, productId);
      const peers = await systemPeers(tx, orgId, systemId);
      if (!peers) throw notFound('Systemet');
      return peers;
    });
    return { data };
  });

  r.get(`${base}/systems/:systemId/peers`, { schema: { tags: ['products'], params: SystemParams, response: { 200: z.object({ data: PeersSchema }) } } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
      const peers = await systemPeers(tx, orgId, systemId);
      if (!peers) throw notFound('Systemet');
      return peers;
    });
    return { data };
  });

  r.get(`${base}/product-network`, { schema: { tags: ['products'], params: OrgParams, response: { 200: z.object({ data: NetworkSchema }) } } }, async (request) => ({
    data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => getNetwork(tx, request.params.orgId)),
  }));

  r.put(`${base}/product-network`, { schema: { tags: ['products'], params: OrgParams, body: NetworkInputSchema, response: { 200: z.object({ data: NetworkSchema }) } } }, async (request) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'org:update', async ({ tx }) => {
      await setNetwork(tx, orgId, request.body);
      return getNetwork(tx, orgId);
    });
    return { data };
  });

  // "Mest brukte systemer": the national view, for any signed-in member (counts only opted-in organizations, names none).
  r.get(`${base}/product-usage`, { schema: { tags: ['products'], params: OrgParams, response: { 200: z.object({ data: z.array(UsageSchema) }) } } }, async (request) => {
    const rows = await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => productUsage(tx));
    return { data: rows.map((u) => ({ productId: u.productId, product: u.product, vendor: u.vendor, organizations: displayCount(u.organizations) })) };
  });
}
