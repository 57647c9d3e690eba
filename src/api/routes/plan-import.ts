/** Action-plan spreadsheets: preview and import (raw file body), and export of a revision. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText } from '../../domain/validation.ts';
import { applyActionPlan, revisionAsTable } from '../../db/queries/plan-import.ts';
import { findRevision, loadRevision } from '../../db/queries/plan-periods.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import { documentInput } from '../../db/queries/plan-document.ts';
import { DOCUMENT_FORMATS } from '../../reports/documents.ts';
import { planDocumentResponse } from '../documents.ts';
import { uuid } from '../../domain/organization.ts';
import { revisionMoneyErrors } from '../../domain/plan-money.ts';
import { EXPORT_FORMATS, exportActionPlan, importSummary, parseActionPlanFile } from '../../reports/actionplan-io.ts';
import { inOrg } from '../context.ts';
import { invalid, notFound } from '../problem.ts';
import { adoptedProblem, MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const Discrepancy = z.object({
  row: z.string(),
  column: z.string(),
  type: z.enum(['invest', 'drift']),
  kind: z.enum(['row_total', 'column_sum', 'unit_price']),
  printed: z.int(),
  computed: z.int(),
});
const ImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    measures: z.int(),
    years: z.array(z.int()),
    totals: z.object({ invest: z.record(z.string(), z.int()), drift: z.record(z.string(), z.int()) }),
    discrepancies: z.array(Discrepancy),
    rows: z.array(z.object({ number: z.string().nullable(), title: z.string(), focusArea: z.string().nullable(), invest: z.int(), drift: z.int() })),
    revisionId: z.uuid().nullable(),
    periodId: z.uuid().nullable(),
  }),
});

export function planImportRoutes(app: FastifyInstance): void {
  app.addContentTypeParser(['application/octet-stream', 'text/csv'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/organizations/:orgId/actionplan-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['plans'],
        description: 'Body: the CSV or XLSX file as application/octet-stream. dryRun=true only parses and reports.',
        params: OrgParams,
        querystring: z.object({
          filename: requiredText(255),
          dryRun: z.enum(['true', 'false']).default('true'),
          revisionId: uuid.optional(),
        }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, dryRun, revisionId } = request.query;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const parsed = await tooLargeAs413(parseActionPlanFile(body, filename));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.message })));
        const summary = importSummary(parsed.value);
        if (dryRun === 'true') return { data: { dryRun: true, ...summary, revisionId: null, periodId: null } };
        if (revisionId) {
          const rev = await findRevision(tx, orgId, revisionId);
          if (!rev) throw notFound('Revisjonen');
          if (rev.status === 'adopted') throw adoptedProblem();
          const outside = parsed.value.years.filter((y) => y < rev.period.startYear || y > rev.period.endYear);
          if (outside.length > 0) {
            throw invalid([{ field: 'file', message: message('plan.yearsOutside', { years: outside.join(', '), from: rev.period.startYear, to: rev.period.endYear }) }]);
          }
        }
        const outcome = await applyActionPlan(tx, orgId, parsed.value, revisionId);
        // The file's own sums are checked when it is read; the revision's total with the measures
        // it already had is checked here (an error rolls the import back).
        const merged = await loadRevision(tx, orgId, outcome.revisionId);
        const moneyErrors = merged ? revisionMoneyErrors(merged.measures, 'file') : [];
        if (moneyErrors.length > 0) throw invalid(moneyErrors);
        return { data: { dryRun: false, ...summary, revisionId: outcome.revisionId, periodId: outcome.periodId } };
      });
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/revisions/:revisionId/document',
    { schema: { tags: ['plans'], params: z.object({ orgId: uuid, revisionId: uuid }), querystring: z.object({ format: z.enum(DOCUMENT_FORMATS).default('pdf'), equipment: z.enum(['true', 'false']).default('false') }) } },
    async (request, reply) => {
      const { orgId, revisionId } = request.params;
      const input = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        const revision = await loadRevision(tx, orgId, revisionId);
        const org = await findOrganization(tx, orgId);
        if (!revision || !org) throw notFound('Revisjonen');
        return documentInput(tx, org, revision, { equipment: request.query.equipment === 'true' });
      });
      return planDocumentResponse(reply, input, request.query.format);
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/revisions/:revisionId/export',
    { schema: { tags: ['plans'], params: z.object({ orgId: uuid, revisionId: uuid }), querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') }) } },
    async (request, reply) => {
      const { orgId, revisionId } = request.params;
      const rev = await inOrg(request, orgId, 'data:read', ({ tx }) => loadRevision(tx, orgId, revisionId));
      if (!rev) throw notFound('Revisjonen');
      const { body, contentType } = await exportActionPlan(revisionAsTable(rev), request.query.format);
      const name = `handlingsplan-${rev.period.startYear}-${rev.period.endYear}-rev${rev.number}.${request.query.format}`;
      return reply.type(contentType).header('content-disposition', `attachment; filename="${name}"`).send(body);
    },
  );
}
