/** Views over the portfolio: the national components (reference data), the support route ("Hvem kontakter jeg?"), the IKS matrix, data quality and the overview. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataQuality, portfolioOverview } from '../../db/queries/overview.ts';
import { listNationalComponents } from '../../db/queries/national-components.ts';
import { systemMatrix } from '../../db/queries/matrix.ts';
import { supportRoutes } from '../../db/queries/support.ts';
import { NationalComponentSchema, PortfolioOverviewSchema, SupportRouteSchema, SystemListItemSchema, SystemMatrixSchema } from '../../domain/portfolio.ts';
import { NUL_MESSAGE, storableText } from '../../domain/validation.ts';
import { asUser, inOrg } from '../context.ts';
import { OrgParams } from '../shared.ts';
import { base } from '../route-helpers.ts';

/** Without `q` (or with an empty one), every system's support route, a page at a time. */
const SupportQuery = z.object({
  q: z.string().trim().max(200, { error: 'kan ha høyst 200 tegn' }).refine(storableText, { error: NUL_MESSAGE }).optional(),
  limit: z.coerce.number().pipe(z.int({ error: 'må være et heltall' }).min(1, { error: 'må være minst 1' }).max(100, { error: 'kan være høyst 100' })).optional(),
  offset: z.coerce.number().pipe(z.int({ error: 'må være et heltall' }).min(0, { error: 'kan ikke være negativ' })).optional(),
});

export function portfolioViewRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const tags = ['portfolio'];
  r.get('/api/v1/reference/national-components', { schema: { tags, response: { 200: z.object({ data: z.array(NationalComponentSchema) }) } } }, async (request) => {
    return { data: await asUser(request, (tx) => listNationalComponents(tx)) };
  });

  r.get(
    `${base}/support`,
    { schema: { tags, params: OrgParams, querystring: SupportQuery, response: { 200: z.object({ data: z.array(SupportRouteSchema), total: z.int() }) } } },
    async (request) => {
      const { orgId } = request.params;
      const { q, limit, offset } = request.query;
      return inOrg(request, orgId, 'data:read', ({ tx }) => supportRoutes(tx, orgId, q || undefined, limit ?? 20, offset ?? 0));
    },
  );

  r.get(`${base}/system-matrix`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: SystemMatrixSchema }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => systemMatrix(tx, orgId)) };
  });

  r.get(`${base}/data-quality`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(SystemListItemSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => dataQuality(tx, orgId, today())) };
  });

  r.get(`${base}/portfolio`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: PortfolioOverviewSchema }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => portfolioOverview(tx, orgId, today())) };
  });
}
