/**
 * The annual report (årsmelding) of an organization for a year: the introduction (GET/PUT; editors
 * write, readers read), the page's overview (text, the plan revision used and its measures of the
 * year; results are saved through the plan's measure route) and the document (DOCX or PDF).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOrganization } from '../../db/queries/organizations.ts';
import { annualReportInput, annualReportOverview, saveAnnualReportText } from '../../db/queries/annual-report.ts';
import { uuid } from '../../domain/organization.ts';
import { AnnualReportOverviewSchema, AnnualReportTextSchema, reportYear, SaveAnnualReportSchema } from '../../domain/annual-report.ts';
import { annualReportFileName, renderAnnualReport } from '../../reports/annual-report/index.ts';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_FORMATS } from '../../reports/documents.ts';
import { inOrg } from '../context.ts';
import { notFound, staleVersion } from '../problem.ts';

const YearParams = z.object({ orgId: uuid, year: reportYear });

export function annualReportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId/annual-reports/:year';

  r.get(base, { schema: { tags: ['annual-report'], params: YearParams, response: { 200: z.object({ data: AnnualReportOverviewSchema }) } } }, async (request) => {
    const { orgId, year } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => annualReportOverview(tx, orgId, year)) };
  });

  r.put(
    base,
    { schema: { tags: ['annual-report'], params: YearParams, body: SaveAnnualReportSchema, response: { 200: z.object({ data: AnnualReportTextSchema }) } } },
    async (request) => {
      const { orgId, year } = request.params;
      const saved = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const row = await saveAnnualReportText(tx, orgId, year, request.body);
        if (!row) throw staleVersion('Årsmeldingen');
        return row;
      });
      return { data: saved };
    },
  );

  r.get(
    `${base}/document`,
    { schema: { tags: ['annual-report'], params: YearParams, querystring: z.object({ format: z.enum(DOCUMENT_FORMATS).default('pdf') }) } },
    async (request, reply) => {
      const { orgId, year } = request.params;
      const input = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        const org = await findOrganization(tx, orgId);
        if (!org) throw notFound('Organisasjonen');
        return annualReportInput(tx, org, year);
      });
      const { format } = request.query;
      return reply
        .type(DOCUMENT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${annualReportFileName(input, format)}"`)
        .send(await renderAnnualReport(input, format));
    },
  );
}
