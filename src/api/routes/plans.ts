/** Strategy and action plan: periods, revisions (copy, compare, adopt), focus areas, goals, measures. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { adoptRevision, copyRevision, createPlan, deleteRevision, findRevision, listPlans, loadRevision, publishRevision, unpublishRevision, updatePlanName, updateRevisionTexts, type RevisionHead } from '../../db/queries/plan-periods.ts';
import { deleteRow, idsInRevision, insertFocusArea, insertGoal, insertMeasure, updateFocusArea, updateGoal, updateMeasure } from '../../db/queries/plan-items.ts';
import { insertNationalGoal, listNationalGoals, usableNationalGoalIds } from '../../db/queries/national-goals.ts';
import { loadActionPlanTable } from '../../db/queries/actionplan-table.ts';
import { focusAreas, goals, measures } from '../../db/schema.ts';
import { uuid, version } from '../../domain/organization.ts';
import {
  type ActionPlanTable,
  ActionPlanTableSchema,
  AdoptRevisionSchema,
  CreateMeasureSchema,
  CreatePlanSchema,
  FocusAreaInputSchema,
  GoalInputSchema,
  NationalGoalInputSchema,
  NationalGoalSchema,
  PlanPeriodSchema,
  RevisionSchema,
  UpdateFocusAreaSchema,
  UpdateGoalSchema,
  UpdateMeasureSchema,
  UpdatePlanSchema,
  UpdateRevisionSchema,
  type CostLineInput,
  type Revision,
} from '../../domain/plan.ts';
import { compareRevisions, type ComparableMeasure } from '../../domain/plan-compare.ts';
import { measureMoneyErrors, revisionMoneyErrors } from '../../domain/plan-money.ts';
import { currentPublication, measureNumbers, periodRevisions } from '../../db/queries/plan-revisions.ts';
import { adoptionRefusal, measureWithNumber, numberTakenMessage } from '../../domain/plan-revisions.ts';
import { toProblem } from '../errors.ts';
import { nameLineError } from '../../domain/plan-messages.ts';
import type { FieldError } from '../../domain/validation.ts';
import { created, inOrg } from '../context.ts';
import { conflict, invalid, notFound, staleVersion } from '../problem.ts';
import { adoptedProblem, OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const RevParams = z.object({ orgId: uuid, revisionId: uuid });
const ItemParams = z.object({ orgId: uuid, revisionId: uuid, itemId: uuid });
const VersionQuery = z.object({ version: z.coerce.number().pipe(version) });
const RevisionResponse = z.object({ data: RevisionSchema });

async function draftRevision(tx: Tx, orgId: string, revisionId: string): Promise<RevisionHead> {
  const rev = await findRevision(tx, orgId, revisionId);
  if (!rev) throw notFound('Revisjonen');
  if (rev.status === 'adopted') throw adoptedProblem();
  return rev;
}

async function revisionOrThrow(tx: Tx, orgId: string, revisionId: string): Promise<Revision> {
  const rev = await loadRevision(tx, orgId, revisionId);
  if (!rev) throw notFound('Revisjonen');
  return rev;
}

/** Checks that years are inside the plan period and that referenced goals/focus areas exist in the revision. */
async function checkMeasureInput(
  tx: Tx,
  rev: RevisionHead,
  input: {
    number?: string | null | undefined;
    focusAreaId?: string | null | undefined;
    goalIds?: string[] | undefined;
    lines?: CostLineInput[] | undefined;
    actuals?: Array<{ year: number }> | undefined;
  },
  measureId?: string,
): Promise<void> {
  if (input.number) {
    // A measure number is used once per revision (the database's unique index backs this up).
    const other = measureWithNumber(await measureNumbers(tx, rev.id), input.number, measureId);
    if (other) throw conflict(numberTakenMessage(input.number, other.title), [{ field: 'number', message: numberTakenMessage(input.number, other.title) }]);
  }
  const errors: FieldError[] = [];
  const { startYear, endYear } = rev.period;
  input.lines?.forEach((l, i) => {
    if (l.year < startYear || l.year > endYear) {
      errors.push({ field: `lines.${i}.year`, message: message('plan.lineYearOutside', { n: i + 1, from: startYear, to: endYear }) });
    }
  });
  input.actuals?.forEach((a, i) => {
    if (a.year < startYear || a.year > endYear) {
      errors.push({ field: `actuals.${i}.year`, message: message('plan.actualYearOutside', { n: i + 1, from: startYear, to: endYear }) });
    }
  });
  if (input.focusAreaId || (input.goalIds && input.goalIds.length > 0)) {
    const ids = await idsInRevision(tx, rev.id);
    if (input.focusAreaId && !ids.focusAreas.has(input.focusAreaId)) {
      errors.push({ field: 'focusAreaId', message: message('plan.unknownFocusArea') });
    }
    input.goalIds?.forEach((g, i) => {
      if (!ids.goals.has(g)) errors.push({ field: `goalIds.${i}`, message: message('plan.unknownGoal', { n: i + 1 }) });
    });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** Money limits of the measure's own lines (before the write: the sums must be computable). */
function checkMeasureMoney(input: { number?: string | null | undefined; title?: string | undefined; lines?: CostLineInput[] | undefined }): void {
  if (!input.lines) return;
  const errors = measureMoneyErrors({ number: input.number, title: input.title, lines: input.lines });
  if (errors.length > 0) throw invalid(errors);
}

/** The revision's total within the money limit (after the write; the transaction rolls back on error). */
function checkRevisionMoney(rev: Revision): Revision {
  const errors = revisionMoneyErrors(rev.measures);
  if (errors.length > 0) throw invalid(errors);
  return rev;
}

async function checkNationalGoals(tx: Tx, orgId: string, ids: readonly string[] | undefined): Promise<void> {
  if (!ids || ids.length === 0) return;
  const ok = await usableNationalGoalIds(tx, orgId, ids);
  const errors = ids.flatMap((id, i) => (ok.has(id) ? [] : [{ field: `nationalGoalIds.${i}`, message: message('plan.unknownNationalGoal', { n: i + 1 }) }]));
  if (errors.length > 0) throw invalid(errors);
}

async function checkFocusArea(tx: Tx, revisionId: string, focusAreaId: string | undefined): Promise<void> {
  if (!focusAreaId) return;
  const ids = await idsInRevision(tx, revisionId);
  if (!ids.focusAreas.has(focusAreaId)) throw invalid([{ field: 'focusAreaId', message: message('plan.unknownFocusArea') }]);
}

/** Bad measure input, with each money line named by kind and year ("Beløp for investering 2027 er for stort"). */
function measureInputProblem(error: Error, body: unknown): Error {
  const problem = toProblem(error);
  return problem.errors ? invalid(problem.errors.map((e) => nameLineError(e, body))) : problem;
}

function outcome(result: 'ok' | 'stale' | 'missing', what: string): void {
  if (result === 'stale') throw staleVersion(what);
  if (result === 'missing') throw notFound(what);
}

function comparable(rev: Revision): ComparableMeasure[] {
  const areaTitle = new Map(rev.focusAreas.map((a) => [a.id, a.title]));
  return rev.measures.map((m) => ({ ...m, focusAreaTitle: m.focusAreaId ? (areaTitle.get(m.focusAreaId) ?? null) : null }));
}

const AmountDelta = z.object({ kind: z.enum(['invest', 'drift']), year: z.int(), before: z.int(), after: z.int(), delta: z.int() });
const ComparisonSchema = z.object({
  before: z.object({ id: z.uuid(), number: z.int() }),
  after: z.object({ id: z.uuid(), number: z.int() }),
  added: z.array(z.object({ lineageId: z.uuid(), title: z.string(), total: z.int() })),
  removed: z.array(z.object({ lineageId: z.uuid(), title: z.string(), total: z.int() })),
  changed: z.array(
    z.object({
      lineageId: z.uuid(),
      title: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
      amounts: z.array(AmountDelta),
    }),
  ),
  totals: z.array(AmountDelta),
});

export function planRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId';

  r.get(`${base}/plans`, { schema: { tags: ['plans'], params: OrgParams, response: { 200: z.object({ data: z.array(PlanPeriodSchema) }) } } }, async (request) => ({
    data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listPlans(tx, request.params.orgId)),
  }));

  r.post(`${base}/plans`, { schema: { tags: ['plans'], params: OrgParams, body: CreatePlanSchema, response: { 201: RevisionResponse } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const { revisionId } = await createPlan(tx, orgId, request.body);
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return created(reply, data);
  });

  r.patch(
    `${base}/plans/:planId`,
    { schema: { tags: ['plans'], params: z.object({ orgId: uuid, planId: uuid }), body: UpdatePlanSchema, response: { 200: z.object({ data: z.array(PlanPeriodSchema) }) } } },
    async (request) => {
      const { orgId, planId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const plans = await listPlans(tx, orgId);
        if (!plans.some((p) => p.id === planId)) throw notFound('Planen');
        if (!(await updatePlanName(tx, orgId, planId, request.body.version, request.body.name))) throw staleVersion('Planen');
        return listPlans(tx, orgId);
      });
      return { data };
    },
  );

  r.get(`${base}/revisions/:revisionId`, { schema: { tags: ['plans'], params: RevParams, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => revisionOrThrow(tx, orgId, revisionId)) };
  });

  // The handlingsplan table: a lean payload (no texts or goals; budget lines as columns), sent as
  // the JSON text the database made (see loadActionPlanTable).
  r.get(
    `${base}/revisions/:revisionId/actionplan`,
    { schema: { tags: ['plans'], params: RevParams, response: { 200: z.object({ data: ActionPlanTableSchema }) } } },
    async (request, reply) => {
      const { orgId, revisionId } = request.params;
      const json = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        const table = await loadActionPlanTable(tx, orgId, revisionId);
        if (table === null) throw notFound('Revisjonen');
        return table;
      });
      // Already the JSON text of the schema's shape (the API test parses it with the schema).
      return reply.type('application/json; charset=utf-8').send(json as unknown as { data: ActionPlanTable });
    },
  );

  r.patch(`${base}/revisions/:revisionId`, { schema: { tags: ['plans'], params: RevParams, body: UpdateRevisionSchema, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      if (!(await updateRevisionTexts(tx, orgId, revisionId, request.body.version, request.body))) throw staleVersion('Revisjonen');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  r.delete(`${base}/revisions/:revisionId`, { schema: { tags: ['plans'], params: RevParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, revisionId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      if (!(await deleteRevision(tx, orgId, revisionId, request.query.version))) throw staleVersion('Revisjonen');
    });
    return reply.code(204).send();
  });

  r.post(`${base}/revisions/:revisionId/copy`, { schema: { tags: ['plans'], params: RevParams, response: { 201: RevisionResponse } } }, async (request, reply) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const source = await revisionOrThrow(tx, orgId, revisionId);
      const id = await copyRevision(tx, orgId, source);
      return revisionOrThrow(tx, orgId, id);
    });
    return created(reply, data);
  });

  r.post(`${base}/revisions/:revisionId/adopt`, { schema: { tags: ['plans'], params: RevParams, body: AdoptRevisionSchema, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await draftRevision(tx, orgId, revisionId);
      const { version: v, adoptedDate, decisionRef } = request.body;
      const refusal = adoptionRefusal({ revision: rev, revisions: await periodRevisions(tx, rev.periodId), startYear: rev.period.startYear, adoptedDate, today: app.ctx.today() });
      if (refusal?.kind === 'conflict') throw conflict(refusal.message);
      if (refusal) throw invalid([{ field: refusal.field, message: refusal.message }]);
      if (!(await adoptRevision(tx, orgId, revisionId, v, adoptedDate, decisionRef))) throw staleVersion('Revisjonen');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  r.get(
    `${base}/revisions/:revisionId/compare`,
    { schema: { tags: ['plans'], params: RevParams, querystring: z.object({ with: uuid }), response: { 200: z.object({ data: ComparisonSchema }) } } },
    async (request) => {
      const { orgId, revisionId } = request.params;
      const data = await inOrg(request, orgId, 'data:read', async ({ tx }) => {
        const after = await revisionOrThrow(tx, orgId, revisionId);
        const before = await loadRevision(tx, orgId, request.query.with);
        if (!before) throw invalid([{ field: 'with', message: message('plan.unknownCompare') }]);
        return {
          before: { id: before.id, number: before.number },
          after: { id: after.id, number: after.number },
          ...compareRevisions(comparable(before), comparable(after)),
        };
      });
      return { data };
    },
  );

  // Innsyn shows one plan: publishing replaces the organization's published revision, and says so
  // first (409 naming it, unless the request confirms with `replace: true`).
  const PublishBody = z.object({ replace: z.boolean().optional() }).optional();
  r.post(`${base}/revisions/:revisionId/publish`, { schema: { tags: ['plans'], params: RevParams, body: PublishBody, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'org:update', async ({ tx }) => {
      const rev = await findRevision(tx, orgId, revisionId);
      if (!rev) throw notFound('Revisjonen');
      if (rev.status !== 'adopted') throw conflict('Bare en vedtatt revisjon kan publiseres. Vedta revisjonen først.');
      if (rev.state === 'replaced') throw conflict(`Revisjon ${rev.number} er erstattet av en nyere vedtatt revisjon og kan ikke publiseres. Publiser revisjonen som gjelder.`);
      const current = await currentPublication(tx, orgId);
      if (current && current.revisionId !== revisionId && request.body?.replace !== true) {
        throw conflict(
          `Revisjon ${current.number} av «${current.periodName}» er publisert på innsyn nå. Innsyn viser én plan: publisering av revisjon ${rev.number} erstatter den. Bekreft for å publisere.`,
          [{ field: 'replace', message: message('plan.publishReplaces', { number: current.number, plan: current.periodName }) }],
        );
      }
      await publishRevision(tx, orgId, revisionId);
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  r.delete(`${base}/revisions/:revisionId/publish`, { schema: { tags: ['plans'], params: RevParams, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'org:update', async ({ tx }) => {
      if (!(await findRevision(tx, orgId, revisionId))) throw notFound('Revisjonen');
      await unpublishRevision(tx, orgId, revisionId);
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  // ---------------------------------------------------------------- focus areas
  r.post(`${base}/revisions/:revisionId/focus-areas`, { schema: { tags: ['plans'], params: RevParams, body: FocusAreaInputSchema, response: { 201: RevisionResponse } } }, async (request, reply) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      await insertFocusArea(tx, orgId, revisionId, request.body);
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return created(reply, data);
  });
  r.patch(`${base}/revisions/:revisionId/focus-areas/:itemId`, { schema: { tags: ['plans'], params: ItemParams, body: UpdateFocusAreaSchema, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      outcome(await updateFocusArea(tx, revisionId, itemId, request.body), 'Satsingsområdet');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });
  r.delete(`${base}/revisions/:revisionId/focus-areas/:itemId`, { schema: { tags: ['plans'], params: ItemParams, querystring: VersionQuery, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      outcome(await deleteRow(tx, focusAreas, revisionId, itemId, request.query.version), 'Satsingsområdet');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  // ---------------------------------------------------------------- goals
  r.post(`${base}/revisions/:revisionId/goals`, { schema: { tags: ['plans'], params: RevParams, body: GoalInputSchema, response: { 201: RevisionResponse } } }, async (request, reply) => {
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      await checkFocusArea(tx, revisionId, request.body.focusAreaId);
      await checkNationalGoals(tx, orgId, request.body.nationalGoalIds);
      await insertGoal(tx, orgId, revisionId, request.body);
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return created(reply, data);
  });
  r.patch(`${base}/revisions/:revisionId/goals/:itemId`, { schema: { tags: ['plans'], params: ItemParams, body: UpdateGoalSchema, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      await checkFocusArea(tx, revisionId, request.body.focusAreaId);
      await checkNationalGoals(tx, orgId, request.body.nationalGoalIds);
      outcome(await updateGoal(tx, orgId, revisionId, itemId, request.body), 'Målet');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });
  r.delete(`${base}/revisions/:revisionId/goals/:itemId`, { schema: { tags: ['plans'], params: ItemParams, querystring: VersionQuery, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      outcome(await deleteRow(tx, goals, revisionId, itemId, request.query.version), 'Målet');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  // ---------------------------------------------------------------- measures
  r.post(`${base}/revisions/:revisionId/measures`, { attachValidation: true, schema: { tags: ['plans'], params: RevParams, body: CreateMeasureSchema, response: { 201: RevisionResponse } } }, async (request, reply) => {
    if (request.validationError) throw measureInputProblem(request.validationError, request.body);
    const { orgId, revisionId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await draftRevision(tx, orgId, revisionId);
      await checkMeasureInput(tx, rev, request.body);
      checkMeasureMoney(request.body);
      await insertMeasure(tx, orgId, revisionId, request.body);
      return checkRevisionMoney(await revisionOrThrow(tx, orgId, revisionId));
    });
    return created(reply, data);
  });
  r.patch(`${base}/revisions/:revisionId/measures/:itemId`, { attachValidation: true, schema: { tags: ['plans'], params: ItemParams, body: UpdateMeasureSchema, response: { 200: RevisionResponse } } }, async (request) => {
    if (request.validationError) throw measureInputProblem(request.validationError, request.body);
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const rev = await draftRevision(tx, orgId, revisionId);
      await checkMeasureInput(tx, rev, request.body, itemId);
      checkMeasureMoney(request.body);
      outcome(await updateMeasure(tx, orgId, revisionId, itemId, request.body), 'Tiltaket');
      return checkRevisionMoney(await revisionOrThrow(tx, orgId, revisionId));
    });
    return { data };
  });
  r.delete(`${base}/revisions/:revisionId/measures/:itemId`, { schema: { tags: ['plans'], params: ItemParams, querystring: VersionQuery, response: { 200: RevisionResponse } } }, async (request) => {
    const { orgId, revisionId, itemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      await draftRevision(tx, orgId, revisionId);
      outcome(await deleteRow(tx, measures, revisionId, itemId, request.query.version), 'Tiltaket');
      return revisionOrThrow(tx, orgId, revisionId);
    });
    return { data };
  });

  // ---------------------------------------------------------------- national goals catalogue
  r.get(`${base}/national-goals`, { schema: { tags: ['plans'], params: OrgParams, response: { 200: z.object({ data: z.array(NationalGoalSchema) }) } } }, async (request) => ({
    data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listNationalGoals(tx, request.params.orgId)),
  }));
  r.post(`${base}/national-goals`, { schema: { tags: ['plans'], params: OrgParams, body: NationalGoalInputSchema, response: { 201: z.object({ data: NationalGoalSchema }) } } }, async (request, reply) => {
    const data = await inOrg(request, request.params.orgId, 'data:write', ({ tx }) => insertNationalGoal(tx, request.params.orgId, request.body));
    return created(reply, data);
  });
}

