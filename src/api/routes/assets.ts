/** Utstyr (issue 17): equipment classes, groups, import and export. Forecast: asset-forecast.ts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/tx.ts';
import {
  deleteAssetClass,
  deleteAssetGroup,
  findAssetClass,
  findAssetClassByName,
  findAssetGroup,
  importAssetRows,
  insertAssetClasses,
  insertAssetGroup,
  listAssetClasses,
  listAssetGroups,
  ownReferences,
  updateAssetClass,
  updateAssetGroup,
} from '../../db/queries/assets.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import {
  AssetClassSchema,
  AssetGroupSchema,
  CreateAssetClassSchema,
  CreateAssetGroupSchema,
  createAssetGroupSchema,
  groupDefaultsProblems,
  UpdateAssetClassSchema,
  UpdateAssetGroupSchema,
  updateAssetGroupSchema,
} from '../../domain/asset.ts';
import { uuid, version } from '../../domain/organization.ts';
import { fieldErrors, type FieldError } from '../../domain/validation.ts';
import { EXPORT_FORMATS, exportAssets, readAssetsFile } from '../../reports/assets-io.ts';
import { created, inOrg } from '../context.ts';
import { conflict, invalid, notFound, staleVersion } from '../problem.ts';
import { MAX_IMPORT_BYTES, OrgParams, tooLargeAs413 } from '../shared.ts';
import { message } from '../../domain/messages.ts';

const ClassParams = z.object({ orgId: uuid, classId: uuid });
const GroupParams = z.object({ orgId: uuid, assetId: uuid });
const VersionQuery = z.object({ version: z.coerce.number().pipe(version) });
const Problems = z.array(z.object({ row: z.int(), column: z.string(), message: z.string() }));
const ImportResponse = z.object({
  data: z.object({ dryRun: z.boolean(), saved: z.boolean(), rows: z.int(), classes: z.int(), quantity: z.int(), newClasses: z.array(z.string()), problems: Problems }),
});

function currentYear(app: FastifyInstance): number {
  return Number(app.ctx.today().slice(0, 4));
}

/** Checks a group's references (class, site, system are the organization's) and that lifetime and price come from somewhere. */
async function checkGroup(
  tx: Tx,
  orgId: string,
  input: { classId?: string | undefined; siteId?: string | null | undefined; systemId?: string | null | undefined; lifetime?: number | null | undefined; unitPrice?: number | null | undefined },
  current?: { classId: string; lifetime: number | null; unitPrice: number | null },
): Promise<void> {
  const classId = input.classId ?? current?.classId;
  const cls = classId ? await findAssetClass(tx, orgId, classId) : null;
  if (!cls) throw invalid([{ field: 'classId', message: message('assets.unknownClass') }]);
  const errors: FieldError[] = groupDefaultsProblems(
    { lifetime: input.lifetime !== undefined ? input.lifetime : current?.lifetime, unitPrice: input.unitPrice !== undefined ? input.unitPrice : current?.unitPrice },
    cls,
  );
  const refs = await ownReferences(tx, orgId, input);
  if (!refs.site) errors.push({ field: 'siteId', message: message('assets.unknownSite') });
  if (!refs.system) errors.push({ field: 'systemId', message: message('assets.unknownSystem') });
  if (errors.length > 0) throw invalid(errors);
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw invalid(fieldErrors(result.error.issues));
  return result.data;
}

export function assetRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assets'];

  // ------------------------------------------------------------------ classes

  r.get(
    '/api/v1/organizations/:orgId/asset-classes',
    { schema: { tags, description: 'Equipment classes with default lifetime (years) and unit price (kroner), and units in the register.', params: OrgParams, response: { 200: z.object({ data: z.array(AssetClassSchema) }) } } },
    async (request) => ({ data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listAssetClasses(tx, request.params.orgId)) }),
  );

  r.post(
    '/api/v1/organizations/:orgId/asset-classes',
    { schema: { tags, params: OrgParams, body: CreateAssetClassSchema, response: { 201: z.object({ data: AssetClassSchema }) } } },
    async (request, reply) => {
      const { orgId } = request.params;
      const cls = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (await findAssetClassByName(tx, orgId, request.body.name)) throw conflict(`Klassen «${request.body.name}» finnes allerede.`, [{ field: 'name', message: message('assets.classTaken', { name: request.body.name }) }]);
        const [row] = await insertAssetClasses(tx, orgId, [request.body]);
        return row ? findAssetClass(tx, orgId, row.id) : null;
      });
      if (!cls) throw notFound('Klassen');
      return created(reply, cls);
    },
  );

  r.patch(
    '/api/v1/organizations/:orgId/asset-classes/:classId',
    { schema: { tags, params: ClassParams, body: UpdateAssetClassSchema, response: { 200: z.object({ data: AssetClassSchema }) } } },
    async (request) => {
      const { orgId, classId } = request.params;
      const cls = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        if (request.body.name && (await findAssetClassByName(tx, orgId, request.body.name, classId))) {
          throw conflict(`Klassen «${request.body.name}» finnes allerede.`, [{ field: 'name', message: message('assets.classTaken', { name: request.body.name }) }]);
        }
        if (!(await updateAssetClass(tx, orgId, classId, request.body))) {
          if (await findAssetClass(tx, orgId, classId)) throw staleVersion('Klassen');
          throw notFound('Klassen');
        }
        return findAssetClass(tx, orgId, classId);
      });
      if (!cls) throw notFound('Klassen');
      return { data: cls };
    },
  );

  r.delete(
    '/api/v1/organizations/:orgId/asset-classes/:classId',
    { schema: { tags, params: ClassParams, querystring: VersionQuery } },
    async (request, reply) => {
      const { orgId, classId } = request.params;
      await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const cls = await findAssetClass(tx, orgId, classId);
        if (!cls) throw notFound('Klassen');
        if (cls.quantity > 0) throw conflict(`Klassen «${cls.name}» har ${cls.quantity} enheter i registeret og kan ikke slettes. Flytt eller slett utstyret først.`);
        if (!(await deleteAssetClass(tx, orgId, classId, request.query.version))) throw staleVersion('Klassen');
      });
      return reply.code(204).send();
    },
  );

  // ------------------------------------------------------------------ groups

  r.get(
    '/api/v1/organizations/:orgId/assets',
    {
      schema: {
        tags,
        description: 'The equipment register: groups of equipment with class, quantity, purchase year, own lifetime and unit price (null: the class default), site and system. siteId filters by site.',
        params: OrgParams,
        querystring: z.object({ siteId: uuid.optional() }),
        response: { 200: z.object({ data: z.array(AssetGroupSchema) }) },
      },
    },
    async (request) => ({ data: await inOrg(request, request.params.orgId, 'data:read', ({ tx }) => listAssetGroups(tx, request.params.orgId, { siteId: request.query.siteId })) }),
  );

  r.post(
    '/api/v1/organizations/:orgId/assets',
    { attachValidation: true, schema: { tags, params: OrgParams, body: CreateAssetGroupSchema, response: { 201: z.object({ data: AssetGroupSchema }) } } },
    async (request, reply) => {
      const { orgId } = request.params;
      const input = parseWith(createAssetGroupSchema(currentYear(app)), request.body);
      const group = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        await checkGroup(tx, orgId, input);
        return findAssetGroup(tx, orgId, await insertAssetGroup(tx, orgId, input));
      });
      if (!group) throw notFound('Utstyret');
      return created(reply, group);
    },
  );

  r.get('/api/v1/organizations/:orgId/assets/:assetId', { schema: { tags, params: GroupParams, response: { 200: z.object({ data: AssetGroupSchema }) } } }, async (request) => {
    const { orgId, assetId } = request.params;
    const group = await inOrg(request, orgId, 'data:read', ({ tx }) => findAssetGroup(tx, orgId, assetId));
    if (!group) throw notFound('Utstyret');
    return { data: group };
  });

  r.patch(
    '/api/v1/organizations/:orgId/assets/:assetId',
    { attachValidation: true, schema: { tags, params: GroupParams, body: UpdateAssetGroupSchema, response: { 200: z.object({ data: AssetGroupSchema }) } } },
    async (request) => {
      const { orgId, assetId } = request.params;
      const input = parseWith(updateAssetGroupSchema(currentYear(app)), request.body);
      const group = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
        const current = await findAssetGroup(tx, orgId, assetId);
        if (!current) throw notFound('Utstyret');
        await checkGroup(tx, orgId, input, current);
        if (!(await updateAssetGroup(tx, orgId, assetId, input))) throw staleVersion('Utstyret');
        return findAssetGroup(tx, orgId, assetId);
      });
      if (!group) throw notFound('Utstyret');
      return { data: group };
    },
  );

  r.delete('/api/v1/organizations/:orgId/assets/:assetId', { schema: { tags, params: GroupParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, assetId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (await deleteAssetGroup(tx, orgId, assetId, request.query.version)) return;
      if (await findAssetGroup(tx, orgId, assetId)) throw staleVersion('Utstyret');
      throw notFound('Utstyret');
    });
    return reply.code(204).send();
  });

  // ------------------------------------------------------------------ files

  r.get(
    '/api/v1/organizations/:orgId/assets-export',
    { schema: { tags, description: 'The register as a file with the columns klasse, beskrivelse, antall, innkjøpsår, levetid, enhetspris, lokasjon, system.', params: OrgParams, querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') }) } },
    async (request, reply) => {
      const { orgId } = request.params;
      const { org, groups } = await inOrg(request, orgId, 'data:read', async ({ tx }) => ({ org: await findOrganization(tx, orgId), groups: await listAssetGroups(tx, orgId) }));
      const { body, contentType } = await exportAssets(groups, request.query.format, org?.language);
      return reply.type(contentType).header('content-disposition', `attachment; filename="utstyr-${org?.slug ?? 'organisasjon'}.${request.query.format}"`).send(body);
    },
  );

  r.post(
    '/api/v1/organizations/:orgId/assets-import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        description:
          'Body: the equipment list as CSV, XLSX (first sheet) or a JSON export (application/octet-stream). Replaces the register. A file with any problem (each with row and column) saves nothing (400). dryRun=true only checks and lists the problems (200).',
        params: OrgParams,
        querystring: z.object({ filename: z.string().trim().min(1).max(255), dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid([{ field: 'file', message: 'Fil mangler: velg et regneark (CSV eller XLSX).' }]);
      const table = await tooLargeAs413(readAssetsFile(body, request.query.filename));
      if (!table.ok) throw invalid(table.problems.map((p) => ({ field: 'file', message: p.message })));
      const outcome = await inOrg(request, orgId, 'data:write', ({ tx }) => importAssetRows(tx, orgId, table.rows, { currentYear: currentYear(app), dryRun: request.query.dryRun === 'true' }));
      if (outcome.problems.length > 0 && !outcome.dryRun) {
        throw invalid(outcome.problems.map((p) => ({ field: p.column ? `file.row${p.row}.${p.column}` : 'file', message: p.message })));
      }
      return { data: outcome };
    },
  );
}
