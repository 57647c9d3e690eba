/**
 * Property-based fuzz of every write route (POST, PUT, PATCH, DELETE) in the OpenAPI document:
 * bodies, path and query parameters are made from each route's own schema, mixed with bad values
 * (NUL, huge and boundary numbers, year 0, wrong types, deep and long strings). For every answer:
 * never 5xx; a 4xx is problem+json in Norwegian; and a 4xx wrote nothing (the row count of every
 * table, audit_log included, is the same before and after).
 *
 * CI runs a fixed seed and a few requests per route. For a long local run:
 *   FUZZ_RUNS=200 FUZZ_SEED=7 npx vitest run test/api/fuzz.test.ts
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
/** Routes whose success would end the fuzzing session itself. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/session/password']);

// ------------------------------------------------------------------ JSON schema (OpenAPI) subset

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
}

interface Operation {
  method: (typeof WRITE_METHODS)[number];
  path: string;
  params: Array<{ in: 'path' | 'query'; name: string; schema?: JsonSchema }>;
  body: JsonSchema | null;
  json: boolean;
}

// ------------------------------------------------------------------ bad values

const deep = (depth: number): unknown => {
  let v: unknown = 'bunn';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
};

const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'Navn\u0000med NUL',
    '',
    ' ',
    '\u00a0\u200b',
    '\ud800',
    'x'.repeat(5_000),
    'ø'.repeat(100_001),
    '0000-01-01',
    '0000-00-00',
    '9999-12-31',
    '2024-02-30',
    '275760-09-13',
    '-0001-01-01',
    '1899-12-31',
    '2201-01-01',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    "'; drop table organizations; --",
    '%00',
    '__proto__',
    '1e400',
    'NaN',
  ),
  fc.string({ maxLength: 30, unit: 'binary' }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    2 ** 32,
    2 ** 51,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 63,
    1e11,
    1e11 + 1,
    -1e11 - 1,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    1_000_000,
    1_000_001,
    10_000_001,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 4, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }, deep(2_000), deep(20)) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 1_001 }, () => randomUUID())) },
);

// ------------------------------------------------------------------ values from a schema

interface Pools {
  /** Real ids by parameter or field name (orgId, systemId, …). */
  ids: Record<string, string[]>;
  anyId: string[];
}

function idFor(name: string, pools: Pools): fc.Arbitrary<string> {
  const own = pools.ids[name] ?? [];
  const known = own.length > 0 ? own : pools.anyId;
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() });
}

/** A value that the schema allows (mostly), or near its edges. */
function plausible(schema: JsonSchema | undefined, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant(null);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => plausible(s, name, pools, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return plausible(schema.allOf[0], name, pools, depth + 1);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
      const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
      const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
      const edges = [lo, hi, lo - 1, hi + 1, 1, 2026].filter((n) => Number.isFinite(n));
      if (name === 'version') edges.push(1, 2, 2 ** 31 - 1, 2 ** 31);
      if (/year/i.test(name)) edges.push(2026, 2027, 2029, 0, 1899, 2101);
      return fc.oneof(fc.constantFrom(...edges), fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31) }));
    }
    case 'string': {
      if (schema.format === 'uuid') return idFor(name, pools);
      if (schema.format === 'date') return fc.constantFrom('2026-01-01', '2027-06-30', '2029-12-31', '1900-01-01', '2200-12-31', '0000-01-01', '2201-01-01');
      if (schema.format === 'email') return fc.constantFrom('kari@ringebu.kommune.no', 'a@b.c', 'ikke-epost');
      const max = schema.maxLength ?? 50;
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(max, 40) }),
        fc.constantFrom('Fagsystem', 'https://veikart.no', '+47 61 28 30 00', 'x'.repeat(max), 'x'.repeat(max + 1), `A\u0000${'b'.repeat(3)}`),
      );
    }
    case 'array': {
      const items = plausible(schema.items, name.replace(/Ids$/, 'Id'), pools, depth + 1);
      return fc.array(items, { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object':
      return objectOf(schema, pools, depth + 1);
    default:
      return nasty;
  }
}

/**
 * An object with the schema's fields, all plausible but one bad field (most often), or several
 * bad ones; a field is sometimes left out, and sometimes an unknown key is added.
 */
function objectOf(schema: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const fields = props.map(([key, s]) => fc.tuple(fc.constant(key), plausible(s, key, pools, depth), nasty, fc.integer({ min: 0, max: 9 })));
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.integer({ min: -1, max: Math.max(0, props.length - 1) }),
      fc.boolean(),
      fc.option(fc.tuple(fc.constantFrom('ukjent', '__proto__', 'constructor', 'id', 'organizationId'), nasty), { freq: 8 }),
    )
    .map(([entries, badIndex, manyBad, extra]) => {
      const out: Record<string, unknown> = {};
      entries.forEach(([key, good, bad, dice], i) => {
        if (dice === 0 && i !== badIndex) return; // 1 in 10: left out
        const useBad = i === badIndex || (manyBad && dice < 3);
        out[key] = useBad ? bad : good;
      });
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });
}

function queryValue(name: string, schema: JsonSchema | undefined, pools: Pools): fc.Arbitrary<string | undefined> {
  const text = fc.oneof(
    plausible(schema, name, pools).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))),
    fc.constantFrom('', '2147483648', '99999999999999999999', '-1', '0', '1.5', '1e400', 'NaN', '0x10', '\u0000', '%00', 'true', ' 1'),
  );
  return fc.option(text, { nil: undefined, freq: 6 });
}

function pathValue(name: string, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof({ weight: 8, arbitrary: idFor(name, pools) }, { weight: 1, arbitrary: fc.constantFrom('ikke-en-id', '0', '\u0000', 'ffffffff-ffff-ffff-ffff-ffffffffffff') });
}

// ------------------------------------------------------------------ checks

const ENGLISH = /\b(Invalid|invalid|Expected|expected|must be|should|Unexpected|Required|Bad Request|Not Found|Too (big|small)|Unrecognized|Internal Server Error|Body|body\/|querystring|params\/)\b/;

function looksNorwegian(text: unknown): boolean {
  return typeof text === 'string' && text.trim().length > 0 && !ENGLISH.test(text);
}

async function tableCounts(t: TestContext, tables: string[]): Promise<string> {
  const union = tables.map((name) => `select '${name}' as t, count(*)::int as n from "${name}"`).join(' union all ');
  const rows = await queryRows<{ t: string; n: number }>(t.database.db, sql.raw(union));
  return rows.map((r) => `${r.t}=${r.n}`).join(',');
}

// ------------------------------------------------------------------ the test

const pglite = backends.find((b) => b.name === 'pglite')!;

describe('fuzz: every write route answers bad input with a Norwegian 4xx and writes nothing (pglite)', () => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let csrfCookie: { cookie: string; csrf: string };
  let operations: Operation[];
  let pools: Pools;
  let tables: string[];

  beforeAll(async () => {
    t = await startTestApp(pglite);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    const owner = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3438', name: 'Sør-Fron kommune' });
    const user = await makeUser(t.database, { memberships: [[org.id, 'admin'], [owner.id, 'admin']], systemAdmin: true });
    const other = await makeUser(t.database, { memberships: [[org.id, 'editor']] });
    admin = await login(t.app, user);
    // The client's cookie and CSRF token, for requests with raw bodies.
    const session = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: user.username, password: 'riktig-passord-123' }) });
    csrfCookie = { cookie: `veikart_session=${session.cookies.find((c) => c.name === 'veikart_session')?.value}`, csrf: session.json().data.csrfToken };

    // Something for every kind of id to point at.
    const base = `/api/v1/organizations/${org.id}`;
    const data = async (res: Promise<{ statusCode: number; body: string; json(): { data: Record<string, unknown> } }>) => {
      const r = await res;
      if (r.statusCode >= 300) throw new Error(`fixture failed: ${r.statusCode} ${r.body}`);
      return r.json().data;
    };
    const rev = await data(admin.post(`${base}/plans`, { name: 'IKT-strategi', startYear: 2026, endYear: 2029 }));
    const revWithArea = await data(admin.post(`${base}/revisions/${rev.id}/focus-areas`, { title: 'Digitale tjenester' }));
    const area = (revWithArea.focusAreas as Array<{ id: string }>)[0]!;
    const revWithGoal = await data(admin.post(`${base}/revisions/${rev.id}/goals`, { focusAreaId: area.id, text: 'Bedre tjenester' }));
    const goal = (revWithGoal.goals as Array<{ id: string }>)[0]!;
    const revWithMeasure = await data(
      admin.post(`${base}/revisions/${rev.id}/measures`, { number: '1', title: 'Nytt arkiv', focusAreaId: area.id, lines: [{ kind: 'invest', year: 2027, quantity: 25, unitPrice: 8500 }] }),
    );
    const measure = (revWithMeasure.measures as Array<{ id: string }>)[0]!;
    const system = await data(admin.post(`${base}/systems`, { name: 'Acos WebSak' }));
    const target = await data(admin.post(`${base}/systems`, { name: 'Visma Flyt' }));
    const person = await data(admin.post(`${base}/persons`, { name: 'Kari Nordmann' }));
    const supplier = await data(admin.post(`${base}/suppliers`, { name: 'Acos AS' }));
    const contract = await data(admin.post(`${base}/contracts`, { type: 'ssa_d', title: 'Driftsavtale', systemId: system.id }));
    const integration = await data(admin.post(`${base}/integrations`, { fromSystemId: system.id, toSystemId: target.id, standard: 'rest' }));
    const withRole = await data(admin.post(`${base}/systems/${system.id}/roles`, { role: 'super_user', personId: person.id }));
    const role = (withRole.roles as Array<{ id: string }>)[0]!;
    const site = await data(admin.post(`${base}/sites`, { name: 'Rådhuset' }));
    const cooperation = await data(admin.post(`${base}/cooperations`, { name: 'Nord-Gudbrandsdal', costKey: 'like', memberIds: [owner.id] }));
    const planId = String(rev.periodId);
    pools = {
      ids: {
        orgId: [org.id],
        organizationId: [org.id, owner.id],
        revisionId: [String(rev.id)],
        planId: [planId],
        itemId: [area.id, goal.id, measure.id],
        focusAreaId: [area.id],
        goalId: [goal.id],
        systemId: [String(system.id), String(target.id)],
        fromSystemId: [String(system.id)],
        toSystemId: [String(target.id)],
        replacedById: [String(target.id)],
        personId: [String(person.id)],
        supplierId: [String(supplier.id)],
        vendorId: [String(supplier.id)],
        operatorId: [String(supplier.id)],
        contractId: [String(contract.id)],
        integrationId: [String(integration.id)],
        roleId: [role.id],
        siteId: [String(site.id)],
        cooperationId: [String(cooperation.id)],
        memberId: [owner.id],
        userId: [other.id],
      },
      anyId: [org.id, String(system.id), String(rev.id)],
    };

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
    };
    operations = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of WRITE_METHODS) {
        const op = ops[method];
        if (!op || SKIPPED.has(`${method.toUpperCase()} ${path}`)) continue;
        const content = op.requestBody?.content ?? {};
        operations.push({
          method,
          path,
          params: (op.parameters ?? []).filter((p): p is Operation['params'][number] => p.in === 'path' || p.in === 'query'),
          body: content['application/json']?.schema ?? null,
          json: !path.endsWith('-import'),
        });
      }
    }

    const tableRows = await queryRows<{ table_name: string }>(
      t.database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    // Login attempts and sessions are written by a failed login by design (rate limit).
    tables = tableRows.map((r) => r.table_name).filter((name) => !/login|session/.test(name) && !name.startsWith('__'));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('finds the write routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(tables).toContain('audit_log');
  });

  it('never answers 5xx; every 4xx is Norwegian problem+json and writes nothing', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const [index, op] of operations.entries()) {
      const pathParams = op.params.filter((p) => p.in === 'path');
      const queryParams = op.params.filter((p) => p.in === 'query');
      const request = fc.record({
        path: fc.tuple(...pathParams.map((p) => pathValue(p.name, pools))),
        query: fc.tuple(...queryParams.map((p) => queryValue(p.name, p.schema, pools))),
        body: op.json
          ? op.body
            ? fc.oneof({ weight: 8, arbitrary: objectOf(op.body, pools, 0) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nasty })
            : fc.option(nasty, { nil: undefined })
          : fc.oneof(fc.constant('tiltak;type;2026\nA;invest;1\n'), fc.string({ maxLength: 200, unit: 'binary' })),
      });
      try {
        await fc.assert(
          fc.asyncProperty(request, async ({ path, query, body }) => {
            requests++;
            let url = op.path;
            pathParams.forEach((p, i) => {
              url = url.replace(`{${p.name}}`, encodeURIComponent(path[i] ?? ''));
            });
            const search = queryParams
              .map((p, i) => (query[i] === undefined ? null : `${encodeURIComponent(p.name)}=${encodeURIComponent(query[i] ?? '')}`))
              .filter((s): s is string => s !== null);
            if (search.length > 0) url += `?${search.join('&')}`;
            const before = await tableCounts(t, tables);
            const res = op.json
              ? await admin.request(op.method.toUpperCase(), url, body === undefined ? undefined : body)
              : await t.app.inject({
                  method: 'POST',
                  url,
                  headers: { ...csrfCookie, cookie: csrfCookie.cookie, 'x-csrf-token': csrfCookie.csrf, 'content-type': 'application/octet-stream' },
                  payload: Buffer.from(String(body)),
                });
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const where = `${op.method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers['content-type'], where).toContain('application/problem+json');
              const problem = res.json() as { title: unknown; detail: unknown; errors?: Array<{ message: unknown }> };
              expect(looksNorwegian(problem.title), where).toBe(true);
              expect(looksNorwegian(problem.detail), where).toBe(true);
              for (const e of problem.errors ?? []) expect(looksNorwegian(e.message), where).toBe(true);
              expect(await tableCounts(t, tables), `${where}: a 4xx wrote rows`).toBe(before);
            }
          }),
          { seed: SEED + index, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      } catch (err) {
        failures.push(`${op.method.toUpperCase()} ${op.path}: ${(err as Error).message.split('\n').slice(0, 12).join('\n')}`);
      }
    }
    if (process.env.FUZZ_RUNS) console.log(`fuzz: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    if (failures.length > 0) console.error(failures.join('\n\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS_PER_ROUTE);
  }, 600_000);
});
