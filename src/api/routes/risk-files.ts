/**
 * The risk register as a file on the web: import with preview (raw file body, dryRun) and export.
 * The same reading and writing as `import risks` / `export risks` (reports/risk-io.ts). Editors
 * import; exporting needs the right to see the register (offentleglova §24, see risk-access.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOrganization } from '../../db/queries/organizations.ts';
import { applyRiskTable } from '../../db/queries/risk-import.ts';
import { currentDraftRevision, listRisks } from '../../db/queries/risks.ts';
import { LEVELS } from '../../domain/risk-matrix.ts';
import { riskView } from '../../domain/risk.ts';
import { requiredText } from '../../domain/validation.ts';
import { EXPORT_FORMATS } from '../../reports/actionplan-io.ts';
import { exportRisks, parseRisksFile, RISK_CONTENT_TYPES } from '../../reports/risk-io.ts';
import { inOrg } from '../context.ts';
import { invalid } from '../problem.ts';
import { riskAccess } from '../risk-access.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';

const Problem = z.object({ row: z.int(), column: z.string(), message: z.string() });
const ImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    /** Risks in the file that were (or on a dry run would be) imported. */
    risks: z.int(),
    options: z.int(),
    levels: z.object({ low: z.int(), medium: z.int(), high: z.int() }),
    rows: z.array(z.object({ row: z.int(), title: z.string(), action: z.enum(['create', 'update']), options: z.int(), level: z.enum(LEVELS) })),
    /** Words accepted for the scales, e.g. «svært liten» = 1. */
    acceptedWords: z.array(z.string()),
    /** Every row and cell that could not be used; a risk with such a cell is not imported. */
    problems: z.array(Problem),
  }),
});

export function riskFileRoutes(app: FastifyInstance): void {
  // The application/octet-stream body parser is registered by planImportRoutes.
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/organizations/:orgId';

  r.post(
    `${base}/risks-import`,
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['risks'],
        description:
          'Body: the risk register as CSV, XLSX (first sheet) or a JSON export, as application/octet-stream; one row per mitigation option (the columns of `import risks`). Risks are matched by title. dryRun=true (default) only reports what would be imported. A risk with a cell that cannot be used is not imported; its problems name row and column. An unreadable file imports nothing (400).',
        params: OrgParams,
        querystring: z.object({ filename: requiredText(255), dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const body = request.body;
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
        const draft = await currentDraftRevision(tx, orgId);
        const parsed = await tooLargeAs413(parseRisksFile(body, request.query.filename, draft?.startYear ?? Number(app.ctx.today().slice(0, 4))));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.message })));
        const outcome = await applyRiskTable(tx, orgId, parsed.value, { dryRun: request.query.dryRun === 'true' });
        return { data: { ...outcome, problems: outcome.problems.map((p) => ({ row: p.row, column: p.column, message: p.message })) } };
      });
    },
  );

  r.get(
    `${base}/risks-export`,
    {
      schema: {
        tags: ['risks'],
        description: 'The risk register as a file with the columns of `export risks` (imports back without loss).',
        params: OrgParams,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { format } = request.query;
      const { org, risks } = await inOrg(request, orgId, 'data:read', async (scope) => {
        const settings = await riskAccess(scope.tx, scope, orgId);
        return { org: await findOrganization(scope.tx, orgId), risks: (await listRisks(scope.tx, orgId)).map((k) => riskView(k, settings.matrix, app.ctx.today())) };
      });
      const body = await exportRisks(risks, format, org?.language);
      return reply.type(RISK_CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="risiko-${org?.slug ?? 'organisasjon'}.${format}"`).send(body);
    },
  );
}
