/** Contracts: the list (with each contract's alert, filters and sort) and the writes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { annualContractCost, CONTRACT_SORTS, ContractListItemSchema, contractListItem, queryContracts } from '../../domain/contracts.ts';
import type { Tx } from '../../db/tx.ts';
import { checkReferences } from '../../db/queries/references.ts';
import { deleteContract, insertContracts, listContracts, updateContract } from '../../db/queries/contracts.ts';
import { uuid } from '../../domain/organization.ts';
import { CONTRACT_TYPES, ContractSchema, CreateContractSchema, UpdateContractSchema } from '../../domain/portfolio.ts';
import { created, inOrg } from '../context.ts';
import { notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, VersionQuery, throwIf, staleOrMissing } from '../route-helpers.ts';
import { message } from '../../domain/messages.ts';

const ContractParams = z.object({ orgId: uuid, contractId: uuid });

const listDate = z.iso.date({ error: 'må være en dato (ÅÅÅÅ-MM-DD)' }).optional();
const ContractListQuery = z.object({
  type: z.enum(CONTRACT_TYPES, { error: message('contracts.type') }).optional(),
  supplierId: z.uuid({ error: message('contracts.supplierId') }).optional(),
  endFrom: listDate,
  endTo: listDate,
  noticeFrom: listDate,
  noticeTo: listDate,
  sort: z.enum(CONTRACT_SORTS, { error: message('contracts.sortKey') }).optional(),
  dir: z.enum(['asc', 'desc'], { error: message('sortOrder') }).optional(),
});

export function contractRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const tags = ['portfolio'];
  const contractExists = (tx: Tx, orgId: string, id: string) => listContracts(tx, orgId, id).then((l) => l.length > 0);
  const oneContract = async (tx: Tx, orgId: string, id: string) => {
    const [c] = await listContracts(tx, orgId, id);
    if (!c) throw notFound('Avtalen');
    return c;
  };

  r.get(
    `${base}/contracts`,
    {
      schema: {
        tags,
        params: OrgParams,
        querystring: ContractListQuery,
        response: { 200: z.object({ data: z.array(ContractListItemSchema), annualCost: z.int() }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const day = today();
      const all = await inOrg(request, orgId, 'data:read', ({ tx }) => listContracts(tx, orgId));
      const { sort, dir, ...filter } = request.query;
      return {
        data: queryContracts(
          all.map((c) => contractListItem(c, day)),
          { ...filter, sort, desc: dir === 'desc' },
        ),
        // The same figure as the overview's: all of the organization's contracts that run today.
        annualCost: annualContractCost(all, day),
      };
    },
  );
  r.post(`${base}/contracts`, { schema: { tags, params: OrgParams, body: CreateContractSchema, response: { 201: z.object({ data: ContractSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, { systemId: request.body.systemId, supplierId: request.body.supplierId }));
      const [id] = await insertContracts(tx, orgId, [request.body]);
      return oneContract(tx, orgId, id ?? '');
    });
    return created(reply, data);
  });
  r.patch(`${base}/contracts/:contractId`, { schema: { tags, params: ContractParams, body: UpdateContractSchema, response: { 200: z.object({ data: ContractSchema }) } } }, async (request) => {
    const { orgId, contractId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, { systemId: request.body.systemId, supplierId: request.body.supplierId }));
      const current = await listContracts(tx, orgId, contractId);
      const start = request.body.startDate !== undefined ? request.body.startDate : current[0]?.startDate;
      const end = request.body.endDate !== undefined ? request.body.endDate : current[0]?.endDate;
      if (start && end && end < start) throwIf([{ field: 'endDate', message: message('contracts.endBeforeStart') }]);
      if (!(await updateContract(tx, orgId, contractId, request.body))) await staleOrMissing(contractExists(tx, orgId, contractId), 'Avtalen');
      return oneContract(tx, orgId, contractId);
    });
    return { data };
  });
  r.delete(`${base}/contracts/:contractId`, { schema: { tags, params: ContractParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, contractId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteContract(tx, orgId, contractId, request.query.version))) await staleOrMissing(contractExists(tx, orgId, contractId), 'Avtalen');
    });
    return reply.code(204).send();
  });
}
