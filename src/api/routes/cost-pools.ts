/**
 * Cost sharing: the organization's pools for a year with each owner's share (computed, never
 * stored), their definitions (create, change, delete, import), and the owner's view "what we pay":
 * its own share of each pool of the organizations it owns, with the key, and its XLSX export.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import {
  checkPoolReferences,
  costPoolFacts,
  deleteCostPool,
  findCostPool,
  insertCostPools,
  listCostPools,
  poolCooperations,
  poolNames,
  replaceCostPools,
  updateCostPool,
} from '../../db/queries/cost-pools.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import { ownerSubjects } from '../../db/queries/statistics.ts';
import { computePools, PoolResultSchema, type PoolResult } from '../../domain/cost-pool-shares.ts';
import {
  cooperationParticipants,
  cooperationPoolProblem,
  CostPoolInputSchema,
  CostPoolSchema,
  COST_SHARE_KEYS,
  keyIssues,
  poolKey,
  type CostPoolInput,
  type CostShareKey,
  type PoolCooperation,
  type PoolDefinition,
} from '../../domain/cost-sharing.ts';
import { COST_KEYS, type CostKey } from '../../domain/cooperation.ts';
import { fieldLabel } from '../../domain/labels.ts';
import { resolvePools } from '../../domain/cost-sharing-import.ts';
import { sum } from '../../domain/money.ts';
import { uuid, version } from '../../domain/organization.ts';
import { yearSchema } from '../../domain/statistics.ts';
import { requiredText } from '../../domain/validation.ts';
import { exportOwnerShares, parseCostPoolsFile } from '../../reports/iks-year-io.ts';
import { created, inOrg } from '../context.ts';
import { invalid, notFound, staleVersion } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';

const PoolParams = z.object({ orgId: uuid, poolId: uuid });

const PoolsResponse = z.object({
  data: z.object({
    year: z.int(),
    pools: z.array(PoolResultSchema),
    definitions: z.array(CostPoolSchema),
    owners: z.array(z.object({ organizationId: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })),
    choices: z.array(z.object({ kind: z.enum(['ansvar', 'metric', 'system']), id: z.uuid(), name: z.string(), label: z.string() })),
    /** The organization's own cooperations a pool can be shared in: the default key and the participants. */
    cooperations: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        costKey: z.enum(COST_KEYS),
        key: z.enum(COST_SHARE_KEYS),
        participants: z.array(z.object({ organizationId: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })),
      }),
    ),
  }),
});

const OwnerShare = z.object({
  id: z.uuid(),
  name: z.string(),
  ansvar: z.string().nullable(),
  basis: PoolResultSchema.shape.basis,
  key: PoolResultSchema.shape.key,
  metric: z.string().nullable(),
  /** The cooperation the pool is shared in (its host is the organization); null = shared among the owners. */
  cooperation: z.string().nullable(),
  amount: z.int().nullable(),
  problem: z.string().nullable(),
  weight: z.int().nullable(),
  share: z.int().nullable(),
});

const PaymentsResponse = z.object({
  data: z.object({
    year: z.int(),
    organizations: z.array(z.object({ organizationId: z.uuid(), name: z.string(), pools: z.array(OwnerShare), total: z.int(), refund: z.int() })),
  }),
});

function definition(input: CostPoolInput & { key: CostShareKey }, fallbackName: string): PoolDefinition {
  return {
    name: input.name ?? fallbackName,
    ansvarId: input.basis === 'system' || input.basis === 'amount' ? null : (input.ansvarId ?? null),
    systemId: input.systemId ?? null,
    basis: input.basis,
    key: input.key,
    metricId: input.key === 'metric' ? (input.metricId ?? null) : null,
    ownerIds: input.ownerIds && input.ownerIds.length > 0 ? input.ownerIds : null,
    percentages: input.key === 'fixed' ? (input.percentages ?? null) : null,
    typedAmount: input.amount ?? null,
    cooperationId: input.cooperationId ?? null,
  };
}

/**
 * Checks a pool's references and, for a cooperation's pool, the cooperation (the host's own, with
 * accepted members) and the participants; the key defaults to the cooperation's own (COOPERATION_SHARE_KEY).
 */
async function checked(tx: Tx, orgId: string, input: CostPoolInput): Promise<PoolDefinition> {
  let participants: string[] | undefined;
  let costKey: CostKey | null = null;
  let cooperation: PoolCooperation | undefined;
  if (input.cooperationId) {
    cooperation = (await poolCooperations(tx, orgId)).find((c) => c.id === input.cooperationId);
    const problem = cooperationPoolProblem(cooperation, orgId);
    if (problem) throw invalid([{ field: 'cooperationId', message: problem }]);
    participants = cooperationParticipants(cooperation!.members).map((p) => p.organizationId);
    costKey = cooperation!.costKey;
  }
  const key = poolKey(input.key, costKey);
  if (!key) throw invalid([{ field: 'key', message: `${fieldLabel(['key'])} må velges` }]);
  const errors = [
    ...keyIssues(input, key).map((i) => ({ field: i.field, message: `${fieldLabel([i.field])} ${i.message}` })),
    ...(await checkPoolReferences(tx, orgId, input, participants)),
  ];
  if (errors.length > 0) throw invalid(errors);
  const names = await poolNames(tx, orgId);
  const ansvar = names.find((n) => n.id === input.ansvarId);
  const system = names.find((n) => n.id === input.systemId);
  return definition({ ...input, key }, ansvar ? `${ansvar.name} ${ansvar.label}` : (system?.name ?? cooperation?.name ?? 'Fordeling'));
}

/** The owner's line of each pool, per organization it owns, with the total it pays and its refunds. */
export function ownerPayments(pools: readonly PoolResult[], ownerId: string): z.infer<typeof PaymentsResponse>['data']['organizations'] {
  const byOrg = new Map<string, { organizationId: string; name: string; pools: z.infer<typeof OwnerShare>[] }>();
  for (const p of pools) {
    if (p.organizationId === ownerId) continue;
    const mine = p.shares.find((s) => s.organizationId === ownerId);
    const entry = byOrg.get(p.organizationId) ?? { organizationId: p.organizationId, name: p.organizationName, pools: [] };
    entry.pools.push({ id: p.id, name: p.name, ansvar: p.ansvar, basis: p.basis, key: p.key, metric: p.metric, cooperation: p.cooperation, amount: p.amount, problem: p.problem, weight: mine?.weight ?? null, share: mine?.amount ?? null });
    byOrg.set(p.organizationId, entry);
  }
  return [...byOrg.values()].map((o) => {
    const shares = o.pools.map((p) => p.share ?? 0);
    return { ...o, total: sum(shares.filter((s) => s > 0)), refund: sum(shares.filter((s) => s < 0)) };
  });
}

export function costPoolRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations/:orgId/cost-pools',
    {
      schema: {
        tags: ['iks-year'],
        description: 'The year\'s cost pools with every owner\'s share in kroner (largest remainder, ties by kommunenummer; the shares add up to the pool), their definitions and the choices for the form.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
        response: { 200: PoolsResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { year } = request.query;
      return inOrg(request, orgId, 'data:read', async ({ tx }) => {
        const facts = (await costPoolFacts(tx, orgId, year)).filter((p) => p.organizationId === orgId);
        const definitions = await listCostPools(tx, orgId, year);
        const owners = await ownerSubjects(tx, orgId);
        const choices = await poolNames(tx, orgId);
        const cooperations = await poolCooperations(tx, orgId);
        return {
          data: {
            year,
            pools: computePools(facts, year),
            definitions,
            owners: owners.map((o) => ({ organizationId: o.organizationId, name: o.name, kommunenummer: o.kommunenummer })),
            choices,
            cooperations: cooperations.map((c) => ({
              id: c.id,
              name: c.name,
              costKey: c.costKey,
              key: poolKey(null, c.costKey)!,
              participants: cooperationParticipants(c.members).map((m) => ({ organizationId: m.organizationId, name: m.name, kommunenummer: m.kommunenummer })),
            })),
          },
        };
      });
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/cost-pools',
    {
      schema: {
        tags: ['iks-year'],
        description: 'Defines a cost pool for a year.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
        body: CostPoolInputSchema,
        response: { 201: z.object({ data: CostPoolSchema }) },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const pool = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const [id] = await insertCostPools(tx, orgId, request.query.year, [await checked(tx, orgId, request.body)]);
        return findCostPool(tx, orgId, id!);
      });
      return created(reply, pool!);
    },
  );

  r.put(
    '/api/v1/organizations/:orgId/cost-pools/:poolId',
    {
      schema: {
        tags: ['iks-year'],
        description: 'Replaces a cost pool\'s definition (with its version).',
        params: PoolParams,
        body: z.intersection(CostPoolInputSchema, z.object({ version })),
        response: { 200: z.object({ data: CostPoolSchema }) },
      },
    },
    async (request) => {
      const { orgId, poolId } = request.params;
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!(await findCostPool(tx, orgId, poolId))) throw notFound('Fordelingen');
        const ok = await updateCostPool(tx, orgId, poolId, request.body.version, await checked(tx, orgId, request.body));
        if (!ok) throw staleVersion('Fordelingen');
        return { data: (await findCostPool(tx, orgId, poolId))! };
      });
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/cost-pools/:poolId',
    { schema: { tags: ['iks-year'], description: 'Deletes a cost pool.', params: PoolParams } },
    async (request, reply) => {
      const { orgId, poolId } = request.params;
      const ok = await inOrg(request, orgId, 'data:write', ({ tx }) => deleteCostPool(tx, orgId, poolId));
      if (!ok) throw notFound('Fordelingen');
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/cost-pools-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['iks-year'],
        description:
          'Body: pool definitions as CSV or XLSX (`ansvar`, `grunnlag`, `nøkkel`, `kommuner`, optional `måltall`, `prosenter`, `system`, `navn`, `beløp`, `samarbeid` = one of the organization\'s cooperations by name, whose accepted members and host then share the pool). With dryRun=false the year\'s pools are replaced by the rows that could be read.',
        params: OrgParams,
        querystring: z.object({ filename: requiredText(255), year: yearSchema, dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: z.object({ data: z.object({ dryRun: z.boolean(), year: z.int(), pools: z.int(), problems: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })) }) }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, year, dryRun } = request.query;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const owners = await ownerSubjects(tx, orgId);
        const parsed = await tooLargeAs413(parseCostPoolsFile(body, filename, owners, { hostId: orgId, cooperations: await poolCooperations(tx, orgId) }));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.row > 0 ? `Rad ${p.row}: ${p.message}` : p.message })));
        const resolved = resolvePools(parsed.pools, await poolNames(tx, orgId));
        if (dryRun === 'false') await replaceCostPools(tx, orgId, year, resolved.definitions);
        return { data: { dryRun: dryRun === 'true', year, pools: resolved.definitions.length, problems: [...parsed.problems, ...resolved.problems].sort((a, b) => a.row - b.row) } };
      });
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/iks-payments',
    {
      schema: {
        tags: ['iks-year'],
        description:
          'For an owner: what it pays each organization it owns (an IKS) for the year, and for a member of a cooperation what it pays the cooperation\'s host: its share of each pool it takes part in, with the key (and the cooperation), the total and the refunds.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
        response: { 200: PaymentsResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { year } = request.query;
      const facts = await inOrg(request, orgId, 'data:read', ({ tx }) => costPoolFacts(tx, orgId, year));
      return { data: { year, organizations: ownerPayments(computePools(facts, year), orgId) } };
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/iks-payments/export',
    {
      schema: {
        tags: ['iks-year'],
        description: 'The owner\'s shares for the year as XLSX, one row per pool with the key.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { year } = request.query;
      const { org, facts } = await inOrg(request, orgId, 'data:read', async ({ tx }) => ({ org: await findOrganization(tx, orgId), facts: await costPoolFacts(tx, orgId, year) }));
      const pools = computePools(facts, year).filter((p) => p.organizationId !== orgId);
      const body = await exportOwnerShares(pools, orgId, year, org?.language);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="andeler-${org?.slug ?? 'organisasjon'}-${year}.xlsx"`)
        .send(body);
    },
  );
}
