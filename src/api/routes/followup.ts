/** Follow-up of a plan: benefits and measured values, status reports with actual spend, the overview, the actual-spend import. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { deleteBenefit, deleteBenefitResult, deleteStatusReport, findBenefit, findStatusReport, updateStatusReport, insertBenefit, insertStatusReport, listBenefits, listStatusReports, measureKeys, publicationOptions, setPublicationOptions, updateBenefit, upsertActuals, upsertBenefitResult } from '../../db/queries/followup.ts';
import { findRevision, loadRevision, type RevisionHead } from '../../db/queries/plan-periods.ts';
import { BenefitInputSchema, BenefitResultInputSchema, UpdateBenefitSchema, type Benefit } from '../../domain/benefit.ts';
import { compareBenefits, BenefitChangeSchema } from '../../domain/benefit-compare.ts';
import { followupOverview, FollowupSchema, reportVersion, StatusReportInputSchema, UpdateStatusReportSchema, type Followup } from '../../domain/followup.ts';
import { uuid, version } from '../../domain/organization.ts';
import { ActualInputSchema } from '../../domain/plan.ts';
import type { FieldError } from '../../domain/validation.ts';
import { requiredText } from '../../domain/validation.ts';
import { importActuals } from '../actuals-import.ts';
import { created, inOrg } from '../context.ts';
import { conflict, invalid, notFound, staleVersion } from '../problem.ts';
import { adoptedProblem, MAX_IMPORT_BYTES } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const RevParams = z.object({ orgId: uuid, revisionId: uuid });
const MeasureParams = RevParams.extend({ measureId: uuid });
const BenefitParams = RevParams.extend({ benefitId: uuid });
const VersionQuery = z.object({ version: z.coerce.number().pipe(version) });


const ReportParams = RevParams.extend({ reportId: uuid });
const StatusReportBody = StatusReportInputSchema.extend({ actuals: z.array(ActualInputSchema).max(40).default([]) });
const UpdateStatusReportBody = UpdateStatusReportSchema.extend({ actuals: z.array(ActualInputSchema).max(40).default([]) });
const ReportVersionQuery = z.object({ version: z.coerce.number().pipe(reportVersion) });
const year = z.coerce.number().pipe(z.int({ error: 'må være et årstall' }).min(2000, { error: 'må være 2000 eller senere' }).max(2100, { error: 'må være 2100 eller tidligere' }));
const ActualsBody = z.object({ actuals: z.array(ActualInputSchema).max(200) });

async function revisionOr404(tx: Tx, orgId: string, revisionId: string): Promise<RevisionHead> {
  const rev = await findRevision(tx, orgId, revisionId);
  if (!rev) throw notFound('Revisjonen');
  return rev;
}

async function measureOr404(tx: Tx, orgId: string, revisionId: string, measureId: string): Promise<void> {
  const keys = await measureKeys(tx, orgId, revisionId);
  if (!keys.some((m) => m.id === measureId)) throw notFound('Tiltaket');
}

function yearsInPeriod(rev: RevisionHead, years: Array<{ year: number }>, field: string): void {
  const errors: FieldError[] = [];
  years.forEach((y, i) => {
    if (y.year < rev.period.startYear || y.year > rev.period.endYear) errors.push({ field: `${field}.${i}.year`, message: message('followup.yearOutside', { year: y.year, from: rev.period.startYear, to: rev.period.endYear }) });
  });
  if (errors.length > 0) throw invalid(errors);
}

/** The revision's follow-up: 8 + 3 statements whatever its size. */
export async function loadFollowup(tx: Tx, orgId: string, revisionId: string, today: string): Promise<Followup> {
  const rev = await loadRevision(tx, orgId, revisionId);
  if (!rev) throw notFound('Revisjonen');
  const benefits = await listBenefits(tx, orgId, revisionId);
  const reports = await listStatusReports(tx, orgId, revisionId);
  const years = [...rev.totals.years];
  const byMeasure = new Map<string, Benefit[]>();
  for (const b of benefits) byMeasure.set(b.measureId, [...(byMeasure.get(b.measureId) ?? []), b]);
  const measures = rev.measures.map((m) => ({ ...m, benefits: byMeasure.get(m.id) ?? [] }));
  const overview = followupOverview(measures, years, today);
  return {
    revisionId,
    status: rev.status,
    years,
    benefits,
    reports,
    measures: measures.map((m) => ({ id: m.id, number: m.number, title: m.title, actuals: m.actuals, money: followupOverview([m], years, today).money.years })),
    overview,
  };
}

export function followupRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId/revisions/:revisionId';
  const today = () => app.ctx.today();

  r.get(`${base}/followup`, { schema: { tags: ['followup'], params: RevParams, response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => loadFollowup(tx, orgId, revisionId, today())) };
  });

  // Benefits are plan text: added and changed in a draft revision, copied into the next one.
  r.post(`${base}/measures/:measureId/benefits`, { schema: { tags: ['followup'], params: MeasureParams, body: BenefitInputSchema, response: { 201: z.object({ data: FollowupSchema }) } } }, async (request, reply) => {
    const { orgId, revisionId, measureId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      await measureOr404(tx, orgId, revisionId, measureId);
      if (rev.status === 'adopted') throw adoptedProblem();
      yearsInPeriod(rev, request.body.targets, 'targets');
      await insertBenefit(tx, orgId, revisionId, measureId, request.body);
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return created(reply, data);
  });

  r.put(`${base}/benefits/:benefitId`, { schema: { tags: ['followup'], params: BenefitParams, body: UpdateBenefitSchema, response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId, benefitId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      if (!(await findBenefit(tx, orgId, revisionId, benefitId))) throw notFound('Gevinsten');
      if (rev.status === 'adopted') throw adoptedProblem();
      yearsInPeriod(rev, request.body.targets, 'targets');
      if (!(await updateBenefit(tx, orgId, benefitId, request.body.version, request.body))) throw staleVersion('Gevinsten');
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return { data };
  });

  r.delete(`${base}/benefits/:benefitId`, { schema: { tags: ['followup'], params: BenefitParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, revisionId, benefitId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      if (!(await findBenefit(tx, orgId, revisionId, benefitId))) throw notFound('Gevinsten');
      if (rev.status === 'adopted') throw adoptedProblem();
      if (!(await deleteBenefit(tx, orgId, benefitId, request.query.version))) throw staleVersion('Gevinsten');
    });
    return reply.code(204).send();
  });

  // Measured values are follow-up: recorded on an adopted revision too.
  r.put(`${base}/benefits/:benefitId/results`, { schema: { tags: ['followup'], params: BenefitParams, body: BenefitResultInputSchema, response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId, benefitId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      if (!(await findBenefit(tx, orgId, revisionId, benefitId))) throw notFound('Gevinsten');
      yearsInPeriod(rev, [request.body], 'result');
      await upsertBenefitResult(tx, orgId, revisionId, benefitId, request.body);
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return { data };
  });

  r.delete(`${base}/benefits/:benefitId/results/:year`, { schema: { tags: ['followup'], params: BenefitParams.extend({ year }), response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId, benefitId, year: y } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await revisionOr404(tx, orgId, revisionId);
      if (!(await findBenefit(tx, orgId, revisionId, benefitId))) throw notFound('Gevinsten');
      if (!(await deleteBenefitResult(tx, orgId, benefitId, y))) throw notFound(`Målt verdi for ${y}`);
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return { data };
  });

  r.post(`${base}/measures/:measureId/status-reports`, { schema: { tags: ['followup'], params: MeasureParams, body: StatusReportBody, response: { 201: z.object({ data: FollowupSchema }) } } }, async (request, reply) => {
    const { orgId, revisionId, measureId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      await measureOr404(tx, orgId, revisionId, measureId);
      yearsInPeriod(rev, request.body.actuals, 'actuals');
      await insertStatusReport(tx, orgId, revisionId, measureId, request.body);
      await upsertActuals(tx, orgId, revisionId, request.body.actuals.map((a) => ({ ...a, measureId })));
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return created(reply, data);
  });

  // A report is follow-up too: corrected or removed on an adopted revision. Its actual spend belongs
  // to the measure (per kind and year), so an edit sets the years given and leaves the rest.
  r.put(`${base}/status-reports/:reportId`, { schema: { tags: ['followup'], params: ReportParams, body: UpdateStatusReportBody, response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId, reportId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      const report = await findStatusReport(tx, orgId, revisionId, reportId);
      if (!report) throw notFound('Statusrapporten');
      yearsInPeriod(rev, request.body.actuals, 'actuals');
      if (!(await updateStatusReport(tx, orgId, revisionId, reportId, request.body.version, request.body))) throw staleVersion('Statusrapporten');
      await upsertActuals(tx, orgId, revisionId, request.body.actuals.map((a) => ({ ...a, measureId: report.measureId })));
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return { data };
  });

  r.delete(`${base}/status-reports/:reportId`, { schema: { tags: ['followup'], params: ReportParams, querystring: ReportVersionQuery } }, async (request, reply) => {
    const { orgId, revisionId, reportId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await revisionOr404(tx, orgId, revisionId);
      if (!(await findStatusReport(tx, orgId, revisionId, reportId))) throw notFound('Statusrapporten');
      if (!(await deleteStatusReport(tx, orgId, revisionId, reportId, request.query.version))) throw staleVersion('Statusrapporten');
    });
    return reply.code(204).send();
  });

  r.put(`${base}/measures/:measureId/actuals`, { schema: { tags: ['followup'], params: MeasureParams, body: ActualsBody, response: { 200: z.object({ data: FollowupSchema }) } } }, async (request) => {
    const { orgId, revisionId, measureId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await revisionOr404(tx, orgId, revisionId);
      await measureOr404(tx, orgId, revisionId, measureId);
      yearsInPeriod(rev, request.body.actuals, 'actuals');
      await upsertActuals(tx, orgId, revisionId, request.body.actuals.map((a) => ({ ...a, measureId })));
      return loadFollowup(tx, orgId, revisionId, today());
    });
    return { data };
  });

  r.get(
    `${base}/benefit-changes`,
    { schema: { tags: ['followup'], params: RevParams, querystring: z.object({ with: uuid }), response: { 200: z.object({ data: z.array(BenefitChangeSchema) }) } } },
    async (request) => {
      const { orgId, revisionId } = request.params;
      const data = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        await revisionOr404(tx, orgId, revisionId);
        if (!(await findRevision(tx, orgId, request.query.with))) throw invalid([{ field: 'with', message: 'Revisjonen det skal sammenlignes med finnes ikke.' }]);
        const keys = await measureKeys(tx, orgId, revisionId);
        return compareBenefits(await listBenefits(tx, orgId, request.query.with), await listBenefits(tx, orgId, revisionId), keys);
      });
      return { data };
    },
  );

  // What innsyn shows beside the published plan: the organization's choice (administrators, as publishing).
  const Options = z.object({ showBenefits: z.boolean({ error: 'må være true eller false' }), showActuals: z.boolean({ error: 'må være true eller false' }) });
  r.get(`${base}/publication-options`, { schema: { tags: ['followup'], params: RevParams, response: { 200: z.object({ data: Options.nullable() }) } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
      await revisionOr404(tx, orgId, revisionId);
      return publicationOptions(tx, orgId, revisionId);
    });
    return { data };
  });
  r.put(`${base}/publication-options`, { schema: { tags: ['followup'], params: RevParams, body: Options, response: { 200: z.object({ data: Options }) } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'org:update', async ({ tx }) => {
      await revisionOr404(tx, orgId, revisionId);
      if (!(await setPublicationOptions(tx, orgId, revisionId, request.body))) throw conflict('Revisjonen er ikke publisert. Publiser den først, og velg så hva innsyn skal vise.');
      return request.body;
    });
    return { data };
  });

  r.post(
    `${base}/actuals-import`,
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['followup'],
        description: 'Body: the CSV or XLSX file as application/octet-stream. strict=true imports nothing when a row cannot be used.',
        params: RevParams,
        querystring: z.object({ filename: requiredText(255), strict: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.object({
            data: z.object({
              revisionId: z.uuid(),
              strict: z.boolean(),
              imported: z.int(),
              skipped: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
              discrepancies: z.array(z.object({ row: z.int(), printed: z.int(), computed: z.int() })),
            }),
          }),
        },
      },
    },
    async (request) => {
      const { orgId, revisionId } = request.params;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      const data = await inOrg(request, orgId, 'data:write', ({ tx }) => importActuals(tx, orgId, revisionId, body, request.query.filename, request.query.strict === 'true'));
      return { data };
    },
  );
}
