/**
 * The risk register (ROS): risks with mitigation options, the acceptance matrix and readers'
 * visibility, "Lag tiltak" (an option becomes a measure of the draft revision), overview alerts.
 * Risks are exempt from public access (offentleglova §24): editors and administrators see them,
 * readers only when the organization allows it; row-level security says the same (migration 0028).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { insertMeasure } from '../../db/queries/plan-items.ts';
import {
  currentDraftRevision,
  deleteRisk,
  findRisk,
  getRiskSettings,
  insertRisk,
  knownReferences,
  linkOption,
  listRisks,
  measureLineage,
  risksOfMeasure,
  saveRiskSettings,
  updateRisk,
  type StoredRiskSettings,
} from '../../db/queries/risks.ts';
import { listSecurityDocuments } from '../../db/queries/security-documents.ts';
import type { Tx } from '../../db/tx.ts';
import { uuid, version } from '../../domain/organization.ts';
import { can, type Role } from '../../domain/roles.ts';
import { matrixProblem, RiskMatrixSchema } from '../../domain/risk-matrix.ts';
import {
  CreateRiskSchema,
  dimensionValues,
  measureFromOption,
  riskReviewAlerts,
  RiskAlertSchema,
  RiskSchema,
  RiskSettingsSchema,
  riskView,
  UpdateRiskSchema,
  type Risk,
  type RiskAlert,
} from '../../domain/risk.ts';
import { securityDocumentView } from '../../domain/security-documents.ts';
import type { FieldError } from '../../domain/validation.ts';
import { created, inOrg, type OrgScope } from '../context.ts';
import { riskAccess, seesRisks } from '../risk-access.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const RiskParams = z.object({ orgId: uuid, riskId: uuid });
const OptionParams = z.object({ orgId: uuid, riskId: uuid, optionId: uuid });
const LineageParams = z.object({ orgId: uuid, lineageId: uuid });
const SaveSettingsSchema = z.object({
  version: z.union([z.literal(0), version]),
  matrix: RiskMatrixSchema.optional(),
  readersSee: z.boolean().optional(),
});

/** Sites, systems, owner and option ids must exist (in this organization, on this risk). */
async function checkReferences(
  tx: Tx,
  orgId: string,
  input: { siteIds?: string[] | undefined; systemIds?: string[] | undefined; ownerId?: string | null | undefined; options?: Array<{ id?: string | undefined }> | undefined },
  optionIds: ReadonlySet<string>,
): Promise<void> {
  const siteIds = input.siteIds ?? [];
  const systemIds = input.systemIds ?? [];
  const personIds = input.ownerId ? [input.ownerId] : [];
  const known = await knownReferences(tx, orgId, { siteIds, systemIds, personIds });
  const errors: FieldError[] = [];
  siteIds.forEach((id, i) => {
    if (!known.sites.has(id)) errors.push({ field: `siteIds.${i}`, message: message('risk.unknownSite', { n: i + 1 }) });
  });
  systemIds.forEach((id, i) => {
    if (!known.systems.has(id)) errors.push({ field: `systemIds.${i}`, message: message('risk.unknownSystem', { n: i + 1 }) });
  });
  if (input.ownerId && !known.persons.has(input.ownerId)) errors.push({ field: 'ownerId', message: message('risk.unknownOwner') });
  input.options?.forEach((o, i) => {
    if (o.id && !optionIds.has(o.id)) errors.push({ field: `options.${i}.id`, message: message('risk.unknownOption', { n: i + 1 }) });
  });
  if (errors.length > 0) throw invalid(errors);
}

async function riskOrThrow(tx: Tx, orgId: string, riskId: string, settings: StoredRiskSettings, today: string): Promise<Risk> {
  const risk = await findRisk(tx, orgId, riskId);
  if (!risk) throw notFound('Risikoen');
  return riskView(risk, settings.matrix, today);
}

export function riskRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId';
  const one = { 200: z.object({ data: RiskSchema }) };
  const today = (): string => app.ctx.today();

  r.get(`${base}/risk-settings`, { schema: { tags: ['risks'], params: OrgParams, response: { 200: z.object({ data: RiskSettingsSchema }) } } }, async (request) => {
    const { orgId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async (scope) => {
        const s = await getRiskSettings(scope.tx, orgId);
        return { ...s, canSee: seesRisks(scope, s) };
      }),
    };
  });

  r.put(
    `${base}/risk-settings`,
    { schema: { tags: ['risks'], params: OrgParams, body: SaveSettingsSchema, response: { 200: z.object({ data: RiskSettingsSchema }) } } },
    async (request) => {
      const { orgId } = request.params;
      const { matrix } = request.body;
      const bad = matrix ? matrixProblem(matrix) : null;
      if (bad) {
        throw invalid([
          {
            field: `matrix.${bad.probability - 1}.${bad.consequence - 1}`,
            message: message('risk.matrixOrder', { probability: bad.probability, consequence: bad.consequence }),
          },
        ]);
      }
      return {
        data: await inOrg(request, orgId, 'org:update', async (scope) => {
          if (!(await saveRiskSettings(scope.tx, orgId, request.body))) throw staleVersion('Innstillingene');
          const s = await getRiskSettings(scope.tx, orgId);
          return { ...s, canSee: true };
        }),
      };
    },
  );

  r.get(`${base}/risks`, { schema: { tags: ['risks'], params: OrgParams, response: { 200: z.object({ data: z.array(RiskSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async (scope) => {
        const settings = await riskAccess(scope.tx, scope, orgId);
        return (await listRisks(scope.tx, orgId)).map((k) => riskView(k, settings.matrix, today()));
      }),
    };
  });

  r.post(`${base}/risks`, { schema: { tags: ['risks'], params: OrgParams, body: CreateRiskSchema, response: { 201: z.object({ data: RiskSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async (scope) => {
      const settings = await getRiskSettings(scope.tx, orgId);
      await checkReferences(scope.tx, orgId, { ...request.body, options: [] }, new Set());
      const body = { ...request.body, options: request.body.options.map(({ id: _id, ...o }) => o) };
      const id = await insertRisk(scope.tx, orgId, body);
      return riskOrThrow(scope.tx, orgId, id, settings, today());
    });
    return created(reply, data);
  });

  r.get(`${base}/risks/:riskId`, { schema: { tags: ['risks'], params: RiskParams, response: one } }, async (request) => {
    const { orgId, riskId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:read', async (scope) => riskOrThrow(scope.tx, orgId, riskId, await riskAccess(scope.tx, scope, orgId), today())),
    };
  });

  r.patch(`${base}/risks/:riskId`, { schema: { tags: ['risks'], params: RiskParams, body: UpdateRiskSchema, response: one } }, async (request) => {
    const { orgId, riskId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:write', async (scope) => {
        const settings = await getRiskSettings(scope.tx, orgId);
        const before = await findRisk(scope.tx, orgId, riskId);
        if (!before) throw notFound('Risikoen');
        await checkReferences(scope.tx, orgId, request.body, new Set(before.options.map((o) => o.id)));
        // A change that leaves neither an overall consequence nor any dimension (e.g. only the dimensions cleared).
        const consequence = request.body.consequence !== undefined ? request.body.consequence : before.consequence;
        if (consequence === null && dimensionValues(request.body.dimensions ?? before.dimensions).length === 0) {
          throw invalid([{ field: 'consequence', message: message('risk.consequenceRequiredFull') }]);
        }
        if ((await updateRisk(scope.tx, orgId, riskId, request.body, before)) === 'stale') throw staleVersion('Risikoen');
        return riskOrThrow(scope.tx, orgId, riskId, settings, today());
      }),
    };
  });

  r.delete(`${base}/risks/:riskId`, { schema: { tags: ['risks'], params: RiskParams, querystring: z.object({ version: z.coerce.number().pipe(version) }) } }, async (request, reply) => {
    const { orgId, riskId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (await deleteRisk(tx, orgId, riskId, request.query.version)) return;
      if (await findRisk(tx, orgId, riskId)) throw staleVersion('Risikoen');
      throw notFound('Risikoen');
    });
    return reply.code(204).send();
  });

  // "Lag tiltak": the chosen option becomes a measure of the current draft revision, with the
  // option's money as its cost lines; from then on the measure's lines are the option's money.
  // Without a draft revision: 409 with what to do. Making a revision is a decision of its own
  // (it copies the whole plan), so it is not done behind the user's back.
  r.post(`${base}/risks/:riskId/options/:optionId/measure`, { schema: { tags: ['risks'], params: OptionParams, response: one } }, async (request) => {
    const { orgId, riskId, optionId } = request.params;
    return {
      data: await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const settings = await getRiskSettings(tx, orgId);
        const risk = await riskOrThrow(tx, orgId, riskId, settings, today());
        const draft = await currentDraftRevision(tx, orgId);
        if (!draft) {
          throw conflict('Handlingsplanen har ingen revisjon under arbeid (utkast). Lag en ny revisjon av planen først, og trykk «Lag tiltak» igjen.', [
            { field: 'revision', message: 'Handlingsplanen har ingen revisjon under arbeid (utkast).' },
          ]);
        }
        const made = measureFromOption(risk, optionId, draft);
        if (!made.ok) {
          if (made.field === 'optionId') throw notFound('Tiltaksalternativet');
          throw conflict(made.message, [{ field: made.field, message: made.message }]);
        }
        const measureId = await insertMeasure(tx, orgId, draft.id, {
          title: made.value.title,
          description: made.value.description,
          priority: made.value.priority,
          status: 'planned',
          goalIds: [],
          actuals: [],
          lines: made.value.lines,
        });
        const lineage = await measureLineage(tx, measureId);
        if (!lineage || !(await linkOption(tx, orgId, optionId, lineage))) throw staleVersion('Tiltaksalternativet');
        return riskOrThrow(tx, orgId, riskId, settings, today());
      }),
    };
  });

  // The measure page's link back to the risks it treats (empty for those who may not see risks).
  r.get(
    `${base}/measure-risks/:lineageId`,
    { schema: { tags: ['risks'], params: LineageParams, response: { 200: z.object({ data: z.array(z.object({ riskId: z.uuid(), title: z.string(), optionId: z.uuid(), description: z.string() })) }) } } },
    async (request) => {
      const { orgId, lineageId } = request.params;
      return {
        data: await inOrg(request, orgId, 'data:read', async (scope) => {
          const settings = await getRiskSettings(scope.tx, orgId);
          return seesRisks(scope, settings) ? risksOfMeasure(scope.tx, orgId, lineageId) : [];
        }),
      };
    },
  );

  // Overview alerts: risks past their review date and security documents overdue for review.
  r.get(`${base}/risk-alerts`, { schema: { tags: ['risks'], params: OrgParams, response: { 200: z.object({ data: z.array(RiskAlertSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', (scope) => riskAlerts(scope, orgId, today())) };
  });
}

async function riskAlerts(scope: OrgScope, orgId: string, today: string): Promise<RiskAlert[]> {
  const settings = await getRiskSettings(scope.tx, orgId);
  if (!seesRisks(scope, settings)) return [];
  const risks = (await listRisks(scope.tx, orgId)).map((k) => riskView(k, settings.matrix, today));
  const documents = (await listSecurityDocuments(scope.tx, orgId))
    .map((d) => securityDocumentView(d, today))
    .filter((d) => d.reviewOverdue && d.nextReview !== null)
    .map((d): RiskAlert => ({ kind: 'document_review', id: d.id, title: d.title, date: d.nextReview!, level: null }));
  return [...riskReviewAlerts(risks), ...documents.sort((a, b) => a.date.localeCompare(b.date))];
}

