import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../db/queries/audit.ts';
import { AuditEntrySchema } from '../../domain/audit.ts';
import { inOrg } from '../context.ts';
import { OrgParams } from '../shared.ts';

export function auditRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/organizations/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        params: OrgParams,
        querystring: z.object({
          limit: z.coerce.number().pipe(z.int().min(1).max(500)).default(50),
          before: z.string().regex(/^\d{1,18}$/, { error: 'må være en ID fra endringsloggen' }).optional(),
        }),
        response: { 200: z.object({ data: z.array(AuditEntrySchema) }) },
      },
    },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'audit:read', ({ tx }) =>
        listAudit(tx, request.params.orgId, request.query.limit, request.query.before),
      ),
    }),
  );
}
