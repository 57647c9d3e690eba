/** System list (fagsystemer): import with preview (raw file body) and export. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText } from '../../domain/validation.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import { applySystemTable, ownSystemList, SystemImportConflict } from '../../db/queries/systems-import.ts';
import { EXPORT_FORMATS, exportSystems, parseSystemsFile } from '../../reports/systems-io.ts';
import { inOrg } from '../context.ts';
import { conflict, invalid } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';

const ImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    /** Systems in the file that were (or on a dry run would be) imported. */
    systems: z.int(),
    created: z.int(),
    updated: z.int(),
    rows: z.array(
      z.object({
        row: z.int(),
        name: z.string(),
        users: z.int().nullable(),
        vendor: z.string().nullable(),
        cooperation: z.string().nullable(),
        /** True when the named cooperation was found; false when none is named or it is unknown. */
        cooperationMatched: z.boolean(),
        serverLocation: z.string().nullable(),
        database: z.string().nullable(),
      }),
    ),
    problems: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
  }),
});

export function systemImportRoutes(app: FastifyInstance): void {
  // The application/octet-stream body parser is registered by planImportRoutes.
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = app.ctx.today;

  r.post(
    '/api/v1/organizations/:orgId/systems-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['portfolio'],
        description:
          'Body: the system list as CSV, XLSX (first sheet) or a JSON export, as application/octet-stream. dryRun=true only reports what would change. Systems are matched by name, suppliers and cooperations by name; rows and cells that cannot be read are reported in problems.',
        params: OrgParams,
        querystring: z.object({
          filename: requiredText(255),
          dryRun: z.enum(['true', 'false']).default('true'),
        }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, dryRun } = request.query;
      const body = request.body;
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
        const parsed = await tooLargeAs413(parseSystemsFile(body, filename));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.message })));
        try {
          return { data: await applySystemTable(tx, orgId, parsed.value, { dryRun: dryRun === 'true' }) };
        } catch (err) {
          if (err instanceof SystemImportConflict) {
            throw conflict('Et av systemene ble endret av noen andre under importen. Ingenting ble lagret; prøv igjen.');
          }
          throw err;
        }
      });
    },
  );

  r.get(
    '/api/v1/organizations/:orgId/systems-export',
    { schema: { tags: ['portfolio'], description: 'The organization\'s own systems as a file.', params: OrgParams, querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') }) } },
    async (request, reply) => {
      const { orgId } = request.params;
      const { format } = request.query;
      const { org, list } = await inOrg(request, orgId, 'data:read', async ({ tx }) => ({
        org: await findOrganization(tx, orgId),
        list: await ownSystemList(tx, orgId, today()),
      }));
      const { body, contentType } = await exportSystems(list, format, org?.language);
      const name = `fagsystemer-${org?.slug ?? 'organisasjon'}.${format}`;
      return reply.type(contentType).header('content-disposition', `attachment; filename="${name}"`).send(body);
    },
  );
}
