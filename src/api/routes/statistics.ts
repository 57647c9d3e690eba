/**
 * Statistics: a year's metrics and values per owner (with history for the line charts), the import
 * of a wide or long table, the charts as SVG, and an owner's view of what the organizations it owns
 * record about it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMetric, deleteMetric, findMetric, metricUsage, saveStatistics, statisticsAbout, statisticsYear, statisticSubjects, updateMetric } from '../../db/queries/statistics.ts';
import { uuid } from '../../domain/organization.ts';
import { MetricInputSchema, MetricSchema, metricInUse, StatisticsYearSchema, UpdateMetricSchema, yearSchema } from '../../domain/statistics.ts';
import { requiredText } from '../../domain/validation.ts';
import { parseStatisticsFile } from '../../reports/iks-year-io.ts';
import { statisticsChartSvg } from '../../reports/statistics-chart.ts';
import { inOrg } from '../context.ts';
import { conflict, invalid, notFound, staleVersion } from '../problem.ts';
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

const MetricParams = OrgParams.extend({ metricId: uuid });

export function statisticsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/organizations/:orgId/metrics',
    {
      schema: {
        tags: ['iks-year'],
        description: 'A new metric (måltall): name, optional unit and description. An import also creates the metrics it names.',
        params: OrgParams,
        body: MetricInputSchema,
        response: { 201: z.object({ data: MetricSchema }) },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const metric = await inOrg(request, orgId, 'data:write', ({ tx }) => createMetric(tx, orgId, request.body));
      return reply.code(201).send({ data: metric });
    },
  );

  r.patch(
    '/api/v1/organizations/:orgId/metrics/:metricId',
    {
      schema: {
        tags: ['iks-year'],
        description: 'Changes a metric\'s name, unit or description (the fields given; null or empty clears unit and description). 409 when `version` is stale.',
        params: MetricParams,
        body: UpdateMetricSchema,
        response: { 200: z.object({ data: MetricSchema }) },
      },
    },
    async (request) => {
      const { orgId, metricId } = request.params;
      const metric = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const updated = await updateMetric(tx, orgId, metricId, request.body);
        if (updated) return updated;
        if (await findMetric(tx, orgId, metricId)) throw staleVersion('Måltallet');
        throw notFound('Måltallet');
      });
      return { data: metric };
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/metrics/:metricId',
    {
      schema: {
        tags: ['iks-year'],
        description: 'Deletes a metric that has no values and no cost pool; otherwise 409 saying what uses it.',
        params: MetricParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      const { orgId, metricId } = request.params;
      await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const metric = await findMetric(tx, orgId, metricId);
        if (!metric) throw notFound('Måltallet');
        const why = metricInUse(metric.name, await metricUsage(tx, orgId, metricId));
        if (why) throw conflict(why, [{ field: 'metricId', message: why }]);
        if (!(await deleteMetric(tx, orgId, metricId, request.query.version))) throw staleVersion('Måltallet');
      });
      return reply.code(204).send();
    },
  );

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
        description: 'A chart as SVG: kind=bars (per kommune for the year), kind=lines (per kommune over the years) or kind=months (per kommune and summed over the months of the year; 404 without monthly values) of one metric. The statistics response holds the same numbers for the table next to it.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema, metricId: uuid, kind: z.enum(['bars', 'lines', 'months']) }),
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { year, metricId, kind } = request.query;
      const s = await inOrg(request, orgId, 'data:read', ({ tx }) => statisticsYear(tx, orgId, year));
      const svg = statisticsChartSvg(s, metricId, kind, 'Sum'); // «Sum» in bokmål and nynorsk alike
      if (svg === null) throw notFound(s.metrics.some((m) => m.id === metricId) ? 'Månedstallene' : 'Måltallet');
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
        description: 'For an owner or a cooperation member: the statistics the organizations it owns (an IKS) and the hosts of the cooperations it has accepted record about it, every year.',
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
