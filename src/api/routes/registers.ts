/**
 * Registers as files (contracts, persons, suppliers, integrations, sites: export; sites: import)
 * and what a person or supplier is linked to.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOrganization } from '../../db/queries/organizations.ts';
import { applySiteTable, personSystems, REGISTER_EXPORTS, SiteImportConflict, supplierRelations } from '../../db/queries/registers.ts';
import { uuid } from '../../domain/organization.ts';
import { PersonSystemRoleSchema } from '../../domain/person.ts';
import { LINE_TYPES, OWNERSHIPS } from '../../domain/site.ts';
import { REGISTER_NAMES, REGISTERS } from '../../domain/register.ts';
import { SupplierRelationsSchema } from '../../domain/supplier.ts';
import { EXPORT_FORMATS, exportRegister, parseSitesFile } from '../../reports/register-io.ts';
import { inOrg } from '../context.ts';
import { conflict, invalid, notFound } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams } from '../shared.ts';

const SiteImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    sites: z.int(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    rows: z.array(
      z.object({
        row: z.int(),
        name: z.string(),
        users: z.int().nullable(),
        capacityMbps: z.int().nullable(),
        lineType: z.enum(LINE_TYPES).nullable(),
        ownership: z.enum(OWNERSHIPS).nullable(),
        provider: z.string().nullable(),
        action: z.enum(['create', 'update', 'unchanged']),
      }),
    ),
    problems: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
  }),
});

export function registerRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations/:orgId/registers/:register/export',
    {
      schema: {
        tags: ['portfolio'],
        description: 'One register of the organization as a file: contracts, persons, suppliers, integrations or sites.',
        params: z.object({ orgId: uuid, register: z.enum(REGISTERS) }),
        querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { orgId, register } = request.params;
      const { format } = request.query;
      const { org, table } = await inOrg(request, orgId, 'data:read', async ({ tx }) => ({
        org: await findOrganization(tx, orgId),
        table: await REGISTER_EXPORTS[register](tx, orgId),
      }));
      const { body, contentType } = await exportRegister(register, table.columns, table.items as never[], format, org?.language);
      const name = `${REGISTER_NAMES[register].file}-${org?.slug ?? 'organisasjon'}.${format}`;
      return reply.type(contentType).header('content-disposition', `attachment; filename="${name}"`).send(body);
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/sites-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['sites'],
        description:
          'Body: the site list as CSV, XLSX (first sheet) or a JSON export, as application/octet-stream. dryRun=true only reports what would change. Sites are matched by name; rows and cells that cannot be read are reported in problems.',
        params: OrgParams,
        querystring: z.object({ filename: z.string().trim().min(1).max(255), dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: SiteImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, dryRun } = request.query;
      const body = request.body;
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
        const parsed = await parseSitesFile(body, filename);
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.message })));
        try {
          return { data: await applySiteTable(tx, orgId, parsed.value, { dryRun: dryRun === 'true' }) };
        } catch (err) {
          if (err instanceof SiteImportConflict) throw conflict('En av lokasjonene ble endret av noen andre under importen. Ingenting ble lagret; prøv igjen.');
          throw err;
        }
      });
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/persons/:personId/systems',
    {
      schema: {
        tags: ['portfolio'],
        description: 'The systems the person holds roles on (its own and shared ones), with the role.',
        params: z.object({ orgId: uuid, personId: uuid }),
        response: { 200: z.object({ data: z.array(PersonSystemRoleSchema) }) },
      },
    },
    async (request) => {
      const { orgId, personId } = request.params;
      const data = await inOrg(request, orgId, 'data:read', ({ tx }) => personSystems(tx, orgId, personId));
      if (!data) throw notFound('Personen');
      return { data };
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/suppliers/:supplierId/relations',
    {
      schema: {
        tags: ['portfolio'],
        description: 'The systems the supplier delivers or operates, and the contracts with it.',
        params: z.object({ orgId: uuid, supplierId: uuid }),
        response: { 200: z.object({ data: SupplierRelationsSchema }) },
      },
    },
    async (request) => {
      const { orgId, supplierId } = request.params;
      const data = await inOrg(request, orgId, 'data:read', ({ tx }) => supplierRelations(tx, orgId, supplierId));
      if (!data) throw notFound('Leverandøren');
      return { data };
    },
  );
}
