/** Utstyr (issue 17): the replacement forecast, the age profile, and «Legg i handlingsplanen». */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyForecast, registerForecast } from '../../db/queries/asset-plan.ts';
import { ForecastQuerySchema } from '../../domain/asset.ts';
import { ageProfile } from '../../domain/asset-forecast.ts';
import { uuid } from '../../domain/organization.ts';
import { inOrg } from '../context.ts';
import { conflict, notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';

const QA = z.object({ quantity: z.int(), amount: z.int() });
const Years = z.record(z.string(), QA);
const ForecastSchema = z.object({
  from: z.int(),
  to: z.int(),
  priceChangePercent: z.number(),
  years: Years,
  overdue: QA,
  total: QA,
  classes: z.array(
    z.object({
      classId: z.uuid(),
      className: z.string(),
      unitPrice: z.int().nullable(),
      years: Years,
      overdue: QA,
      total: QA,
      lines: z.array(z.object({ year: z.int(), quantity: z.int(), unitPrice: z.int() })),
    }),
  ),
});
const AgeSchema = z.array(z.object({ classId: z.uuid(), className: z.string(), quantity: z.int(), ages: z.record(z.string(), z.int()) }));
const ChangeSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  title: z.string(),
  action: z.enum(['new', 'changed', 'unchanged']),
  measureId: z.uuid().nullable(),
  oldAmount: z.int(),
  newAmount: z.int(),
});
const ApplySchema = z.object({
  dryRun: z.boolean(),
  target: z.object({ periodId: z.uuid().nullable(), periodName: z.string(), revisionId: z.uuid().nullable(), revisionNumber: z.int(), created: z.boolean() }),
  changes: z.array(ChangeSchema),
});

export function assetForecastRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assets'];

  r.get(
    '/api/v1/organizations/:orgId/assets-forecast',
    {
      schema: {
        tags,
        description:
          'Replacement forecast per year of from…to (at most 12 years): units falling due and their cost per class, overdue units counted in the first year, with an optional yearly price change (percent, rounded per unit). And the age profile per class in the first year.',
        params: OrgParams,
        querystring: ForecastQuerySchema,
        response: { 200: z.object({ data: z.object({ forecast: ForecastSchema, ageProfile: AgeSchema, incomplete: z.int() }) }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { from, to, priceChange } = request.query;
      const result = await inOrg(request, orgId, 'data:read', ({ tx }) => registerForecast(tx, orgId, { from, to, priceChangePercent: priceChange }));
      return { data: { forecast: result.forecast, ageProfile: ageProfile(result.groups, result.classes, from), incomplete: result.incomplete } };
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/assets-forecast/apply',
    {
      schema: {
        tags,
        description:
          'Writes the forecast into the latest draft revision of the plan period covering from…to (or revisionId) as one measure «Utskifting <klasse>» per class with quantity × unit price investment lines. Re-applying updates those measures only; hand-made measures are untouched. Creates the period and a draft when none covers the years; an adopted revision is refused (409). dryRun=true shows new/changed/unchanged per class.',
        params: OrgParams,
        querystring: z.object({ revisionId: uuid.optional(), dryRun: z.enum(['true', 'false']).default('true') }).and(ForecastQuerySchema),
        response: { 200: z.object({ data: ApplySchema }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { from, to, priceChange, revisionId, dryRun } = request.query;
      const outcome = await inOrg(request, orgId, dryRun === 'true' ? 'data:read' : 'data:write', ({ tx }) =>
        applyForecast(tx, orgId, { from, to, priceChangePercent: priceChange }, { dryRun: dryRun === 'true', revisionId }),
      );
      if (outcome.kind === 'missing') throw notFound('Revisjonen');
      if (outcome.kind === 'adopted') throw conflict(outcome.message);
      return { data: { dryRun: outcome.dryRun, target: outcome.target, changes: outcome.changes.map(({ lines: _, ...c }) => c) } };
    },
  );
}
