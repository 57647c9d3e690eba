/**
 * Statistics: a year's metrics and values per owner (with history for the line charts), the import
 * of a wide or long table, the charts as SVG, and an owner's view of what the organizations it owns
 * record about it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveStatistics, statisticsAbout, statisticsYear, statisticSubjects } from '../../db/queries/statistics.ts';
import { uuid } from '../../domain/organization.ts';
import { StatisticsYearSchema, yearSchema } from '../../domain/statistics.ts';
import { requiredText } from '../../domain/validation.ts';
import { parseStatisticsFile } from '../../reports/iks-year-io.ts';
import { renderBarsSvg, renderLinesSvg } from '../../reports/statistics-chart.ts';
import { inOrg } from '../context.ts';
import { invalid, notFound } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';

const Problem = z.object({ row: z.int(), column: z.string(), message: z.string() });

const ImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    shape: z.enum(['wide', 'long']),
    year: z.int(),
    metrics: z.array(z.string()),
    values: z.int(),
    totals: z.record(z.string(), z.number()),
    discrepancies: z.array(z.object({ metric: z.string(), printed: z.number(), computed: z.number() })),
    problems: z.array(Problem),
    rows: z.array(z.object({ row: z.int(), kommune: z.string(), metric: z.string(), year: z.int(), month: z.int().nullable(), value: z.number() })),
  }),
});

export function statisticsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations/:orgId/statistics',
    {
      schema: {
        tags: ['iks-year'],
        description: 'The year\'s metrics and values per owner (and the organization itself), the totals per metric (derived), and every year\'s values for the history.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
        response: { 200: z.object({ data: StatisticsYearSchema }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => statisticsYear(tx, orgId, request.query.year)) };
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/statistics/chart',
    {
      schema: {
        tags: ['iks-year'],
        description: 'A chart as SVG: kind=bars (per kommune for the year) or kind=lines (per kommune over the years) of one metric. The statistics response holds the same numbers for the table next to it.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema, metricId: uuid, kind: z.enum(['bars', 'lines']) }),
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { year, metricId, kind } = request.query;
      const s = await inOrg(request, orgId, 'data:read', ({ tx }) => statisticsYear(tx, orgId, year));
      const metric = s.metrics.find((m) => m.id === metricId);
      if (!metric) throw notFound('Måltallet');
      const subjects = s.subjects.filter((sub) => s.history.some((h) => h.subjectId === sub.organizationId && h.metricId === metricId));
      const svg =
        kind === 'bars'
          ? renderBarsSvg({
              title: `${metric.name} ${year}`,
              names: subjects.map((sub) => sub.name),
              values: subjects.map((sub) => s.values.find((v) => v.metricId === metricId && v.subjectId === sub.organizationId)?.value ?? null),
            })
          : (() => {
              const years = [...new Set(s.history.filter((h) => h.metricId === metricId && h.year <= year).map((h) => h.year))].sort((a, b) => a - b);
              return renderLinesSvg({
                title: `${metric.name} ${years[0] ?? year}–${year}`,
                years,
                series: subjects.map((sub) => ({
                  name: sub.name,
                  values: years.map((y) => s.history.find((h) => h.metricId === metricId && h.subjectId === sub.organizationId && h.year === y)?.value ?? null),
                })),
              });
            })();
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/statistics-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['iks-year'],
        description:
          'Body: a statistics table as CSV or XLSX (application/octet-stream). Wide: `kommune` then one column per metric (year required); long: `kommune;år;måltall;verdi` (optional `måned`). A `Totalt`/`Sum` row is checked. dryRun=true only reports.',
        params: OrgParams,
        querystring: z.object({ filename: requiredText(255), year: yearSchema.optional(), dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, year, dryRun } = request.query;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const subjects = await statisticSubjects(tx, orgId);
        const parsed = await tooLargeAs413(parseStatisticsFile(body, filename, subjects, year));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.row > 0 ? `Rad ${p.row}: ${p.message}` : p.message })));
        const v = parsed.value;
        if (dryRun === 'false') await saveStatistics(tx, orgId, v);
        return {
          data: {
            dryRun: dryRun === 'true',
            shape: v.shape,
            year: v.year,
            metrics: v.metrics,
            values: v.values.length,
            totals: v.totals,
            discrepancies: v.discrepancies,
            problems: v.problems,
            rows: v.values.slice(0, 500).map((x) => ({ row: x.row, kommune: x.subject.name, metric: x.metric, year: x.year, month: x.month, value: x.value })),
          },
        };
      });
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/statistics-about-us',
    {
      schema: {
        tags: ['iks-year'],
        description: 'For an owner: the statistics the organizations it owns (an IKS) record about it, every year.',
        params: OrgParams,
        response: { 200: z.object({ data: z.array(z.object({ organization: z.string(), metric: z.string(), unit: z.string().nullable(), year: z.int(), value: z.number() })) }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => statisticsAbout(tx, orgId)) };
    },
  );
}
