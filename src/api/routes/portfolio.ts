/**
 * System portfolio API: systems, people, suppliers, roles, sharing, contracts, integrations, the
 * support route ("Hvem kontakter jeg?"), the IKS matrix, data quality and the overview.
 */
import type { FastifyInstance } from 'fastify';
import { annualContractCost, CONTRACT_SORTS, ContractListItemSchema, contractListItem, queryContracts } from '../../domain/contracts.ts';
import { CONTRACT_TYPES } from '../../domain/portfolio.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import {
  addSystemRole,
  checkReferences,
  dataQuality,
  deleteContract,
  deleteIntegration,
  deletePerson,
  deleteSupplier,
  deleteSystem,
  deleteSystemRole,
  findPerson,
  findSupplier,
  findSystem,
  insertContracts,
  insertIntegration,
  insertPersons,
  insertSuppliers,
  insertSystems,
  listContracts,
  listIntegrations,
  listNationalComponents,
  listPersons,
  listSuppliers,
  systemList,
  systemListQuery,
  type ListRow,
  ownsSystem,
  portfolioOverview,
  setMemberUsage,
  setShares,
  hasShare,
  shareCandidates,
  systemHistory,
  systemMatrix,
  updateContract,
  updateIntegration,
  updatePerson,
  updateSupplier,
  updateSystem,
  visibleSystemOwner,
} from '../../db/queries/portfolio.ts';
import { supportRoutes } from '../../db/queries/support.ts';
import { leaveShare, organizationNames } from '../../db/queries/shares.ts';
import { uuid, version } from '../../domain/organization.ts';
import {
  ContractSchema,
  CreateContractSchema,
  CreateIntegrationSchema,
  CreatePersonSchema,
  CreateSupplierSchema,
  CreateSystemRoleSchema,
  CreateSystemSchema,
  HistoryEntrySchema,
  IntegrationSchema,
  LIFECYCLES,
  NationalComponentSchema,
  PersonSchema,
  PortfolioOverviewSchema,
  SetSharesSchema,
  SetUsageSchema,
  SupplierSchema,
  SupportRouteSchema,
  SystemDetailSchema,
  SystemListItemSchema,
  SystemListSchema,
  SystemMatrixSchema,
  UpdateContractSchema,
  UpdateIntegrationSchema,
  UpdatePersonSchema,
  UpdateSupplierSchema,
  UpdateSystemSchema,
  type SystemDetail,
} from '../../domain/portfolio.ts';
import { NUL_MESSAGE, storableText, type FieldError } from '../../domain/validation.ts';
import { asUser, created, inOrg, readInOrg } from '../context.ts';
import { forbidden, invalid, notFound, staleVersion } from '../problem.ts';
import { OrgParams } from '../shared.ts';

const base = '/api/v1/organizations/:orgId';
const SystemParams = z.object({ orgId: uuid, systemId: uuid });
const RoleParams = z.object({ orgId: uuid, systemId: uuid, roleId: uuid });
const PersonParams = z.object({ orgId: uuid, personId: uuid });
const SupplierParams = z.object({ orgId: uuid, supplierId: uuid });
const ContractParams = z.object({ orgId: uuid, contractId: uuid });
const IntegrationParams = z.object({ orgId: uuid, integrationId: uuid });
const VersionQuery = z.object({ version: z.coerce.number().pipe(version) });
const ListQuery = z.object({
  q: z.string().trim().max(200, { error: 'kan ha høyst 200 tegn' }).refine(storableText, { error: NUL_MESSAGE }).optional(),
  lifecycle: z.enum(LIFECYCLES, { error: 'må være planned, introducing, in_operation, phasing_out eller retired' }).optional(),
  sort: z.enum(['name', 'users', 'vendor', 'lifecycle'], { error: 'må være name, users, vendor eller lifecycle' }).optional(),
  dir: z.enum(['asc', 'desc'], { error: 'må være asc eller desc' }).optional(),
  limit: z.coerce.number().pipe(z.int().min(1, { error: 'må være minst 1' }).max(1000, { error: 'kan være høyst 1000' })).optional(),
  offset: z.coerce.number().pipe(z.int().min(0, { error: 'kan ikke være negativt' })).optional(),
});
/** Without `q` (or with an empty one), every system's support route, a page at a time. */
const SupportQuery = z.object({
  q: z.string().trim().max(200, { error: 'kan ha høyst 200 tegn' }).refine(storableText, { error: NUL_MESSAGE }).optional(),
  limit: z.coerce.number().pipe(z.int({ error: 'må være et heltall' }).min(1, { error: 'må være minst 1' }).max(100, { error: 'kan være høyst 100' })).optional(),
  offset: z.coerce.number().pipe(z.int({ error: 'må være et heltall' }).min(0, { error: 'kan ikke være negativ' })).optional(),
});

function throwIf(errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(errors);
}

async function findSystemOrThrow(tx: Tx, orgId: string, systemId: string, today: string): Promise<SystemDetail> {
  const system = await findSystem(tx, orgId, systemId, today);
  if (!system) throw notFound('Systemet');
  return system;
}

/** A failed versioned write: 409 when the record exists (stale version), else 404. */
async function staleOrMissing(exists: Promise<boolean>, what: string): Promise<never> {
  if (await exists) throw staleVersion(what);
  throw notFound(what);
}

const listDate = z.iso.date({ error: 'må være en dato (ÅÅÅÅ-MM-DD)' }).optional();
const ContractListQuery = z.object({
  type: z.enum(CONTRACT_TYPES, { error: 'må være en kjent avtaletype' }).optional(),
  supplierId: z.uuid({ error: 'må være en leverandør-ID' }).optional(),
  endFrom: listDate,
  endTo: listDate,
  noticeFrom: listDate,
  noticeTo: listDate,
  sort: z.enum(CONTRACT_SORTS, { error: 'må være endDate, noticeDate, type, supplier, title eller yearlyCost' }).optional(),
  dir: z.enum(['asc', 'desc'], { error: 'må være asc eller desc' }).optional(),
});

export function portfolioRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** "Today" for date rules: the app's option (main.ts pins it with VEIKART_TODAY for demos). */
  const today = app.ctx.today;
  const systemOrThrow = (tx: Tx, orgId: string, systemId: string): Promise<SystemDetail> => findSystemOrThrow(tx, orgId, systemId, today());
  const tags = ['portfolio'];
  const systemResponse = { 200: z.object({ data: SystemDetailSchema }) };

  // ---------------------------------------------------------------- reference

  r.get('/api/v1/reference/national-components', { schema: { tags, response: { 200: z.object({ data: z.array(NationalComponentSchema) }) } } }, async (request) => {
    return { data: await asUser(request, (tx) => listNationalComponents(tx)) };
  });

  // ---------------------------------------------------------------- systems

  r.get(`${base}/systems`, { schema: { tags, params: OrgParams, querystring: ListQuery, response: { 200: SystemListSchema } } }, async (request) => {
    const { orgId } = request.params;
    const { limit, offset, ...rest } = request.query;
    const rows = await readInOrg<ListRow>(request, orgId, 'data:read', systemListQuery(orgId, { ...rest, limit: limit ?? 1000, offset: offset ?? 0 }));
    return systemList(rows, today());
  });

  r.post(`${base}/systems`, { schema: { tags, params: OrgParams, body: CreateSystemSchema, response: { 201: z.object({ data: SystemDetailSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const system = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, request.body));
      const [id] = await insertSystems(tx, orgId, [request.body]);
      return systemOrThrow(tx, orgId, id ?? '');
    });
    return created(reply, system);
  });

  r.get(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => systemOrThrow(tx, orgId, systemId)) };
  });

  r.patch(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, body: UpdateSystemSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await ownsSystem(tx, orgId, systemId))) {
        if (await visibleSystemOwner(tx, orgId, systemId)) throw forbidden('Systemet eies av en annen organisasjon; bare eieren kan endre det.');
        throw notFound('Systemet');
      }
      const errors = await checkReferences(tx, orgId, request.body);
      if (request.body.replacedById === systemId) errors.push({ field: 'replacedById', message: 'Erstattet av kan ikke være systemet selv.' });
      throwIf(errors);
      if (!(await updateSystem(tx, orgId, systemId, request.body))) await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
      return systemOrThrow(tx, orgId, systemId);
    });
    return { data };
  });

  r.delete(`${base}/systems/:systemId`, { schema: { tags, params: SystemParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSystem(tx, orgId, systemId, request.query.version))) await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
    });
    return reply.code(204).send();
  });

  r.post(
    `${base}/systems/:systemId/review`,
    { schema: { tags, params: SystemParams, body: z.object({ version }), response: systemResponse } },
    async (request) => {
      const { orgId, systemId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!(await updateSystem(tx, orgId, systemId, { version: request.body.version, lastReviewedAt: today() }))) {
          await staleOrMissing(ownsSystem(tx, orgId, systemId), 'Systemet');
        }
        return systemOrThrow(tx, orgId, systemId);
      });
      return { data };
    },
  );

  r.get(
    `${base}/systems/:systemId/history`,
    { schema: { tags, params: SystemParams, response: { 200: z.object({ data: z.array(HistoryEntrySchema) }) } } },
    async (request) => {
      const { orgId, systemId } = request.params;
      const data = await inOrg(request, orgId, 'audit:read', async ({ tx }) => {
        await systemOrThrow(tx, orgId, systemId);
        return systemHistory(tx, orgId, systemId);
      });
      return { data };
    },
  );

  r.get(
    `${base}/share-candidates`,
    { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(z.object({ id: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })) }) } } },
    async (request) => {
      const { orgId } = request.params;
      return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => shareCandidates(tx, orgId)) };
    },
  );

  r.put(`${base}/systems/:systemId/shares`, { schema: { tags, params: SystemParams, body: SetSharesSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await ownsSystem(tx, orgId, systemId))) {
        if (await visibleSystemOwner(tx, orgId, systemId)) throw forbidden('Bare eieren av systemet kan dele det.');
        throw notFound('Systemet');
      }
      const allowed = new Set((await shareCandidates(tx, orgId)).map((c) => c.id));
      const refused = request.body.shares.map((s) => s.organizationId).filter((id) => !allowed.has(id));
      const names = await organizationNames(tx, refused);
      const seen = new Set<string>();
      const errors: FieldError[] = [];
      request.body.shares.forEach((s, i) => {
        if (!allowed.has(s.organizationId)) {
          const who = names.get(s.organizationId) ?? 'organisasjonen';
          errors.push({
            field: `shares.${i}.organizationId`,
            message: `Delt med (rad ${i + 1}): ${who} er verken eierkommune i IKS-et eller godkjent medlem av et samarbeid organisasjonen er godkjent medlem av.`,
          });
        }
        if (seen.has(s.organizationId)) errors.push({ field: `shares.${i}.organizationId`, message: `Delt med (rad ${i + 1}) står flere ganger.` });
        seen.add(s.organizationId);
      });
      throwIf(errors);
      if (!(await setShares(tx, orgId, systemId, request.body))) throw staleVersion('Systemet');
      return systemOrThrow(tx, orgId, systemId);
    });
    return { data };
  });

  // A member organization ends the sharing of another organization's system with itself.
  r.delete(`${base}/systems/:systemId/share`, { schema: { tags, params: SystemParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await leaveShare(tx, orgId, systemId, request.query.version))) await staleOrMissing(hasShare(tx, orgId, systemId), 'Delingen av systemet');
    });
    return reply.code(204).send();
  });

  r.put(`${base}/systems/:systemId/usage`, { schema: { tags, params: SystemParams, body: SetUsageSchema, response: systemResponse } }, async (request) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await setMemberUsage(tx, orgId, systemId, request.body.version, request.body.users))) {
        await staleOrMissing(hasShare(tx, orgId, systemId), 'Bruken av systemet');
      }
      return systemOrThrow(tx, orgId, systemId);
    });
    return { data };
  });

  r.post(`${base}/systems/:systemId/roles`, { schema: { tags, params: SystemParams, body: CreateSystemRoleSchema, response: { 201: z.object({ data: SystemDetailSchema }) } } }, async (request, reply) => {
    const { orgId, systemId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const owner = await visibleSystemOwner(tx, orgId, systemId);
      if (!owner) throw notFound('Systemet');
      throwIf(await checkReferences(tx, orgId, { personId: request.body.personId, supplierId: request.body.supplierId }, owner));
      await addSystemRole(tx, orgId, owner, systemId, request.body);
      return systemOrThrow(tx, orgId, systemId);
    });
    return created(reply, data);
  });

  r.delete(`${base}/systems/:systemId/roles/:roleId`, { schema: { tags, params: RoleParams, response: systemResponse } }, async (request) => {
    const { orgId, systemId, roleId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSystemRole(tx, orgId, systemId, roleId))) throw notFound('Rollen');
      return systemOrThrow(tx, orgId, systemId);
    });
    return { data };
  });

  // ---------------------------------------------------------------- persons

  r.get(`${base}/persons`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(PersonSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listPersons(tx, orgId)) };
  });
  r.post(`${base}/persons`, { schema: { tags, params: OrgParams, body: CreatePersonSchema, response: { 201: z.object({ data: PersonSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const [person] = await inOrg(request, orgId, 'data:write', ({ tx }) => insertPersons(tx, orgId, [request.body]));
    if (!person) throw notFound('Personen');
    return created(reply, person);
  });
  r.patch(`${base}/persons/:personId`, { schema: { tags, params: PersonParams, body: UpdatePersonSchema, response: { 200: z.object({ data: PersonSchema }) } } }, async (request) => {
    const { orgId, personId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const person = await updatePerson(tx, orgId, personId, request.body);
      return person ?? staleOrMissing(findPerson(tx, orgId, personId).then(Boolean), 'Personen');
    });
    return { data };
  });
  r.delete(`${base}/persons/:personId`, { schema: { tags, params: PersonParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, personId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deletePerson(tx, orgId, personId, request.query.version))) await staleOrMissing(findPerson(tx, orgId, personId).then(Boolean), 'Personen');
    });
    return reply.code(204).send();
  });

  // ---------------------------------------------------------------- suppliers

  r.get(`${base}/suppliers`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(SupplierSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listSuppliers(tx, orgId)) };
  });
  r.post(`${base}/suppliers`, { schema: { tags, params: OrgParams, body: CreateSupplierSchema, response: { 201: z.object({ data: SupplierSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const [supplier] = await inOrg(request, orgId, 'data:write', ({ tx }) => insertSuppliers(tx, orgId, [request.body]));
    if (!supplier) throw notFound('Leverandøren');
    return created(reply, supplier);
  });
  r.patch(`${base}/suppliers/:supplierId`, { schema: { tags, params: SupplierParams, body: UpdateSupplierSchema, response: { 200: z.object({ data: SupplierSchema }) } } }, async (request) => {
    const { orgId, supplierId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const supplier = await updateSupplier(tx, orgId, supplierId, request.body);
      return supplier ?? staleOrMissing(findSupplier(tx, orgId, supplierId).then(Boolean), 'Leverandøren');
    });
    return { data };
  });
  r.delete(`${base}/suppliers/:supplierId`, { schema: { tags, params: SupplierParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, supplierId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteSupplier(tx, orgId, supplierId, request.query.version))) await staleOrMissing(findSupplier(tx, orgId, supplierId).then(Boolean), 'Leverandøren');
    });
    return reply.code(204).send();
  });

  // ---------------------------------------------------------------- contracts

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
      if (start && end && end < start) throwIf([{ field: 'endDate', message: 'Sluttdato kan ikke være før startdatoen.' }]);
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

  // ---------------------------------------------------------------- integrations

  const integrationExists = (tx: Tx, orgId: string, id: string) => listIntegrations(tx, orgId, id).then((l) => l.length > 0);
  const oneIntegration = async (tx: Tx, orgId: string, id: string) => {
    const [i] = await listIntegrations(tx, orgId, id);
    if (!i) throw notFound('Integrasjonen');
    return i;
  };

  r.get(`${base}/integrations`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(IntegrationSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listIntegrations(tx, orgId)) };
  });
  r.post(`${base}/integrations`, { schema: { tags, params: OrgParams, body: CreateIntegrationSchema, response: { 201: z.object({ data: IntegrationSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      throwIf(await checkReferences(tx, orgId, request.body));
      return oneIntegration(tx, orgId, await insertIntegration(tx, orgId, request.body));
    });
    return created(reply, data);
  });
  r.patch(
    `${base}/integrations/:integrationId`,
    { schema: { tags, params: IntegrationParams, body: UpdateIntegrationSchema, response: { 200: z.object({ data: IntegrationSchema }) } } },
    async (request) => {
      const { orgId, integrationId } = request.params;
      const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        throwIf(await checkReferences(tx, orgId, request.body));
        if (!(await updateIntegration(tx, orgId, integrationId, request.body))) await staleOrMissing(integrationExists(tx, orgId, integrationId), 'Integrasjonen');
        return oneIntegration(tx, orgId, integrationId);
      });
      return { data };
    },
  );
  r.delete(`${base}/integrations/:integrationId`, { schema: { tags, params: IntegrationParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, integrationId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deleteIntegration(tx, orgId, integrationId, request.query.version))) await staleOrMissing(integrationExists(tx, orgId, integrationId), 'Integrasjonen');
    });
    return reply.code(204).send();
  });

  // ---------------------------------------------------------------- views

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
