import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditActors, listAuditRows, type AuditFilter } from '../../db/queries/audit.ts';
import { AuditEntrySchema, groupAudit } from '../../domain/audit.ts';
import { TABLE_LABELS } from '../../domain/labels.ts';
import { exportAuditCsv } from '../../reports/audit-io.ts';
import { inOrg } from '../context.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const isoDate = z.iso.date({ error: 'må være en dato (ÅÅÅÅ-MM-DD)' });
const FilterQuery = z.object({
  before: z.string().regex(/^\d{1,18}$/, { error: message('audit.id') }).optional(),
  type: z.enum(Object.keys(TABLE_LABELS) as [string, ...string[]], { error: message('audit.objectType') }).optional(),
  user: z.uuid({ error: message('audit.userId') }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
type FilterQuery = z.infer<typeof FilterQuery>;

const filterOf = (q: FilterQuery): AuditFilter => ({ before: q.before, type: q.type, actorId: q.user, from: q.from, to: q.to });

/** Most saves an export holds. */
const EXPORT_SAVES = 10_000;

export function auditRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organizations/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        params: OrgParams,
        querystring: FilterQuery.extend({ limit: z.coerce.number().pipe(z.int().min(1).max(500)).default(50) }),
        response: { 200: z.object({ data: z.array(AuditEntrySchema) }) },
      },
    },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'audit:read', async ({ tx }) =>
        groupAudit(await listAuditRows(tx, request.params.orgId, request.query.limit, filterOf(request.query))),
      ),
    }),
  );

  r.get(
    '/api/v1/organizations/:orgId/audit/actors',
    {
      schema: {
        tags: ['audit'],
        params: OrgParams,
        response: { 200: z.object({ data: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) },
      },
    },
    async (request) => ({
      data: await inOrg(request, request.params.orgId, 'audit:read', ({ tx }) => listAuditActors(tx, request.params.orgId)),
    }),
  );

  r.get(
    '/api/v1/organizations/:orgId/audit/export',
    { schema: { tags: ['audit'], params: OrgParams, querystring: FilterQuery.extend({ format: z.enum(['csv']).default('csv') }) } },
    async (request, reply) => {
      const entries = await inOrg(request, request.params.orgId, 'audit:read', async ({ tx }) =>
        groupAudit(await listAuditRows(tx, request.params.orgId, EXPORT_SAVES, filterOf(request.query))),
      );
      const body = await exportAuditCsv(entries);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="endringslogg.csv"')
        .send(body);
    },
  );
}
