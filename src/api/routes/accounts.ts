/** Accounts per ansvar: a year's budget, accounts and deviation with the sum, and the import. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsYear, saveAccounts } from '../../db/queries/accounts.ts';
import { AccountsYearSchema, deviationOf } from '../../domain/accounts.ts';
import { yearSchema } from '../../domain/statistics.ts';
import { requiredText } from '../../domain/validation.ts';
import { parseAccountsFile } from '../../reports/iks-year-io.ts';
import { inOrg } from '../context.ts';
import { invalid } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';

const ImportResponse = z.object({
  data: z.object({
    dryRun: z.boolean(),
    year: z.int(),
    lines: z.int(),
    total: z.object({ budget: z.int().nullable(), actual: z.int().nullable(), deviation: z.int() }),
    discrepancies: z.array(z.object({ column: z.string(), printed: z.int(), computed: z.int() })),
    problems: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
    rows: z.array(z.object({ row: z.int(), ansvar: z.string(), name: z.string(), budget: z.int().nullable(), actual: z.int().nullable(), deviation: z.int() })),
  }),
});

export function accountsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/organizations/:orgId/accounts',
    {
      schema: {
        tags: ['iks-year'],
        description: 'The year\'s accounts per ansvar: budget, accounts and deviation (budget − accounts, derived) with the sum.',
        params: OrgParams,
        querystring: z.object({ year: yearSchema }),
        response: { 200: z.object({ data: AccountsYearSchema }) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => accountsYear(tx, orgId, request.query.year)) };
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/accounts-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['iks-year'],
        description: 'Body: the accounts per ansvar as CSV or XLSX: `ansvar`, `navn`, then `budsjett` and `regnskap`, or `avvik` alone. A `Totalt` row is checked. dryRun=true only reports.',
        params: OrgParams,
        querystring: z.object({ filename: requiredText(255), year: yearSchema, dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { filename, year, dryRun } = request.query;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      return inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const parsed = await tooLargeAs413(parseAccountsFile(body, filename));
        if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.row > 0 ? `Rad ${p.row}: ${p.message}` : p.message })));
        const v = parsed.value;
        if (dryRun === 'false') await saveAccounts(tx, orgId, year, v.lines);
        return {
          data: {
            dryRun: dryRun === 'true',
            year,
            lines: v.lines.length,
            total: v.total,
            discrepancies: v.discrepancies,
            problems: v.problems,
            rows: v.lines.map((l) => ({ row: l.row, ansvar: l.ansvar, name: l.name, budget: l.budget, actual: l.actual, deviation: deviationOf(l) })),
          },
        };
      });
    },
  );
}
