/** Security documents (policies and plans with review dates): exempt from public access like risks. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { knownReferences } from '../../db/queries/risks.ts';
import {
  deleteSecurityDocument,
  findSecurityDocument,
  insertSecurityDocument,
  listSecurityDocuments,
  updateSecurityDocument,
} from '../../db/queries/security-documents.ts';
import type { Tx } from '../../db/tx.ts';
import { uuid, version } from '../../domain/organization.ts';
import { CreateSecurityDocumentSchema, SecurityDocumentSchema, securityDocumentView, UpdateSecurityDocumentSchema } from '../../domain/security-documents.ts';
import { created, inOrg } from '../context.ts';
import { invalid, notFound, staleVersion } from '../problem.ts';
import { riskAccess } from '../risk-access.ts';
import { OrgParams } from '../shared.ts';

const DocParams = z.object({ orgId: uuid, documentId: uuid });

async function checkOwner(tx: Tx, orgId: string, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const known = await knownReferences(tx, orgId, { siteIds: [], systemIds: [], personIds: [ownerId] });
  if (!known.persons.has(ownerId)) throw invalid([{ field: 'ownerId', message: 'Eier finnes ikke i personregisteret.' }]);
}

export function securityDocumentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId/security-documents';
  const one = { 200: z.object({ data: SecurityDocumentSchema }) };
  const view = async (tx: Tx, orgId: string, id: string) => {
    const d = await findSecurityDocument(tx, orgId, id);
    if (!d) throw notFound('Dokumentet');
    return securityDocumentView(d, app.ctx.today());
  };

  r.get(base, { schema: { tags: ['risks'], params: OrgParams, response: { 200: z.object({ data: z.array(SecurityDocumentSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async (scope) => {
        await riskAccess(scope.tx, scope, orgId);
        return (await listSecurityDocuments(scope.tx, orgId)).map((d) => securityDocumentView(d, app.ctx.today()));
      }),
    };
  });

  r.post(base, { schema: { tags: ['risks'], params: OrgParams, body: CreateSecurityDocumentSchema, response: { 201: z.object({ data: SecurityDocumentSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await checkOwner(tx, orgId, request.body.ownerId);
      return view(tx, orgId, await insertSecurityDocument(tx, orgId, request.body));
    });
    return created(reply, data);
  });

  r.get(`${base}/:documentId`, { schema: { tags: ['risks'], params: DocParams, response: one } }, async (request) => {
    const { orgId, documentId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async (scope) => {
        await riskAccess(scope.tx, scope, orgId);
        return view(scope.tx, orgId, documentId);
      }),
    };
  });

  r.patch(`${base}/:documentId`, { schema: { tags: ['risks'], params: DocParams, body: UpdateSecurityDocumentSchema, response: one } }, async (request) => {
    const { orgId, documentId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        await checkOwner(tx, orgId, request.body.ownerId);
        if (!(await updateSecurityDocument(tx, orgId, documentId, request.body))) {
          if (await findSecurityDocument(tx, orgId, documentId)) throw staleVersion('Dokumentet');
          throw notFound('Dokumentet');
        }
        return view(tx, orgId, documentId);
      }),
    };
  });

  r.delete(`${base}/:documentId`, { schema: { tags: ['risks'], params: DocParams, querystring: z.object({ version: z.coerce.number().pipe(version) }) } }, async (request, reply) => {
    const { orgId, documentId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (await deleteSecurityDocument(tx, orgId, documentId, request.query.version)) return;
      if (await findSecurityDocument(tx, orgId, documentId)) throw staleVersion('Dokumentet');
      throw notFound('Dokumentet');
    });
    return reply.code(204).send();
  });
}
