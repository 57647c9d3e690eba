/**
 * Tenant isolation: walks every route in the OpenAPI document as a user of another organization
 * and with each role in the target organization, and asserts that no read or write crosses the line.
 * A new route fails this test until it is added to ROUTES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, withActor, withSystem } from '../../src/db/database.ts';
import { insertCooperation } from '../../src/db/queries/cooperations.ts';
import { insertSites } from '../../src/db/queries/sites.ts';
import { adoptRevision, createPlan, publishRevision } from '../../src/db/queries/plan-periods.ts';
import { findStatusReport, insertBenefit, insertStatusReport, upsertBenefitResult } from '../../src/db/queries/followup.ts';
import { insertAssetClasses, insertAssetGroup } from '../../src/db/queries/assets.ts';
import { insertFocusArea, insertGoal, insertMeasure } from '../../src/db/queries/plan-items.ts';
import { addSystemRole } from '../../src/db/queries/system-roles.ts';
import { insertContracts } from '../../src/db/queries/contracts.ts';
import { insertIntegration } from '../../src/db/queries/integrations.ts';
import { insertPersons } from '../../src/db/queries/persons.ts';
import { insertSuppliers } from '../../src/db/queries/suppliers.ts';
import { insertSystems } from '../../src/db/queries/systems.ts';
import { setShares } from '../../src/db/queries/shares.ts';
import { insertRisk } from '../../src/db/queries/risks.ts';
import { insertSecurityDocument } from '../../src/db/queries/security-documents.ts';
import type { Role } from '../../src/domain/roles.ts';
import { saveAccounts } from '../../src/db/queries/accounts.ts';
import { insertCostPools } from '../../src/db/queries/cost-pools.ts';
import { backends } from '../support/db.ts';
import { signInThrough, startTenant, type TestTenant } from '../support/oidc-provider.ts';
import {
  anonymous,
  login,
  makeCooperation,
  makeOrg,
  makeOwners,
  makeUser,
  sessionClient,
  startTestApp,
  type Client,
  type TestContext,
  type TestOrg,
} from '../support/factories.ts';

type Need = 'read' | 'write' | 'admin' | 'system';
interface Req {
  url: string;
  body?: unknown;
  /** A file upload, sent as application/octet-stream. */
  raw?: Buffer;
}

function send(who: Client, method: string, req: Req) {
  return req.raw ? who.raw(method, req.url, req.raw, 'application/octet-stream') : who.request(method, req.url, req.body);
}
interface RouteCase {
  need: Need;
  make(t: TestContext, org: TestOrg): Promise<Req>;
}

let seq = 0;
/** A metric of `org` with no values (so that it may be deleted). */
async function freshMetric(t: TestContext, org: TestOrg): Promise<string> {
  const name = `Ferskt måltall ${++seq}`;
  const [m] = await withSystem(t.database.db, (tx) => queryRows<{ id: string }>(tx, sql`insert into metrics (organization_id, name) values (${org.id}, ${name}) returning id`));
  return m!.id;
}
async function freshSite(t: TestContext, org: TestOrg): Promise<string> {
  const [s] = await withSystem(t.database.db, (tx) => insertSites(tx, org.id, [{ name: `Lokasjon ${++seq}` }]));
  if (!s) throw new Error('no site');
  return s.id;
}
async function freshAssetClass(t: TestContext, org: TestOrg): Promise<string> {
  const [c] = await withSystem(t.database.db, (tx) => insertAssetClasses(tx, org.id, [{ name: `Klasse ${++seq}`, lifetime: 5, unitPrice: 1000 }]));
  if (!c) throw new Error('no asset class');
  return c.id;
}
async function freshAsset(t: TestContext, org: TestOrg): Promise<string> {
  const classId = await freshAssetClass(t, org);
  return withSystem(t.database.db, (tx) => insertAssetGroup(tx, org.id, { classId, quantity: 3, purchaseYear: 2020 }));
}
async function freshCooperation(t: TestContext, org: TestOrg): Promise<string> {
  return withSystem(t.database.db, (tx) => insertCooperation(tx, org.id, { name: `Samarbeid ${++seq}`, costKey: 'like', memberIds: [org.id] }));
}
/** A cooperation of another organization that invites `org` (accepted when `accept`). */
async function invitedTo(t: TestContext, org: TestOrg, accept: boolean): Promise<string> {
  const host = await makeOrg(t.database, { name: `Inviterende ${++seq}` });
  return makeCooperation(t.database, host.id, [org.id], { accept });
}
/** An ansvar with a line for 2017 (IKS year). */
async function freshAnsvar(t: TestContext, org: TestOrg): Promise<string> {
  const number = `A${++seq}`;
  await withSystem(t.database.db, (tx) => saveAccounts(tx, org.id, 2017, [{ ansvar: number, name: 'Innplantet ansvar', row: 2, budget: 100, actual: 90, printedDeviation: null }]));
  const [row] = await queryRows<{ id: string }>(t.database.db, sql`select id from ansvar where organization_id = ${org.id} and number = ${number}`);
  return row!.id;
}
async function freshPool(t: TestContext, org: TestOrg): Promise<string> {
  const ansvarId = await freshAnsvar(t, org);
  const [id] = await withSystem(t.database.db, (tx) =>
    insertCostPools(tx, org.id, 2017, [{ name: 'Innplantet fordeling', ansvarId, systemId: null, basis: 'budget', key: 'equal', metricId: null, ownerIds: null, percentages: null, typedAmount: null }]),
  );
  return id!;
}
/** A cooperation hosted by `org` with one other organization that has accepted (a cooperation's cost pool). */
async function poolCooperation(t: TestContext, org: TestOrg): Promise<string> {
  const member = await makeOrg(t.database, { kind: 'kommune', name: `Deltaker ${++seq}` });
  return makeCooperation(t.database, org.id, [member.id]);
}
async function freshMember(t: TestContext, org: TestOrg): Promise<string> {
  return (await makeUser(t.database, { memberships: [[org.id, 'reader']] })).id;
}

async function freshSystem(t: TestContext, org: TestOrg): Promise<string> {
  const [id] = await withSystem(t.database.db, (tx) => insertSystems(tx, org.id, [{ name: `System ${++seq}`, users: 5 }]));
  if (!id) throw new Error('no system');
  return id;
}
async function freshPerson(t: TestContext, org: TestOrg): Promise<string> {
  const [p] = await withSystem(t.database.db, (tx) => insertPersons(tx, org.id, [{ name: `Person ${++seq}`, email: 'hemmelig@example.no' }]));
  if (!p) throw new Error('no person');
  return p.id;
}
async function freshSupplier(t: TestContext, org: TestOrg): Promise<string> {
  const [s] = await withSystem(t.database.db, (tx) => insertSuppliers(tx, org.id, [{ name: `Leverandør ${++seq}` }]));
  if (!s) throw new Error('no supplier');
  return s.id;
}
async function freshContract(t: TestContext, org: TestOrg): Promise<string> {
  const systemId = await freshSystem(t, org);
  const [id] = await withSystem(t.database.db, (tx) => insertContracts(tx, org.id, [{ systemId, type: 'ssa_v', title: `Avtale ${++seq}`, yearlyCost: 1000 }]));
  if (!id) throw new Error('no contract');
  return id;
}
async function freshIntegration(t: TestContext, org: TestOrg): Promise<string> {
  const [from, to] = [await freshSystem(t, org), await freshSystem(t, org)];
  return withSystem(t.database.db, (tx) => insertIntegration(tx, org.id, { fromSystemId: from, toSystemId: to, standard: 'rest' }));
}
async function freshRole(t: TestContext, org: TestOrg): Promise<{ systemId: string; roleId: string }> {
  const systemId = await freshSystem(t, org);
  const personId = await freshPerson(t, org);
  const roleId = await withSystem(t.database.db, (tx) => addSystemRole(tx, org.id, org.id, systemId, { role: 'super_user', personId }));
  return { systemId, roleId };
}
const sys = (o: TestOrg, id: string): string => `/api/v1/organizations/${o.id}/systems/${id}`;
/** A system of another organization shared with `org`. */
async function sharedWith(t: TestContext, org: TestOrg): Promise<string> {
  const host = await makeOrg(t.database, { kind: 'iks', name: `Vert ${++seq}` });
  await makeOwners(t.database, host.id, [{ id: org.id, access: 'none' }]);
  const systemId = await freshSystem(t, host);
  await withSystem(t.database.db, (tx) => setShares(tx, host.id, systemId, { version: 1, shares: [{ organizationId: org.id, users: 3 }] }));
  return systemId;
}

interface PlanIds {
  planId: string;
  revisionId: string;
  focusAreaId: string;
  goalId: string;
  measureId: string;
}
async function freshPlan(t: TestContext, org: TestOrg): Promise<PlanIds> {
  return withSystem(t.database.db, async (tx) => {
    const { periodId, revisionId } = await createPlan(tx, org.id, { name: `Plan ${++seq}`, startYear: 2025, endYear: 2028, vision: null });
    const focusAreaId = await insertFocusArea(tx, org.id, revisionId, { title: 'Område' });
    const goalId = await insertGoal(tx, org.id, revisionId, { focusAreaId, text: 'Mål', nationalGoalIds: [] });
    const measureId = await insertMeasure(tx, org.id, revisionId, {
      title: 'Tiltak',
      focusAreaId,
      status: 'planned',
      priority: 'medium',
      goalIds: [goalId],
      lines: [{ kind: 'invest', year: 2025, amount: 1000 }],
      actuals: [],
    });
    return { planId: periodId, revisionId, focusAreaId, goalId, measureId };
  });
}
async function adoptedPlan(t: TestContext, org: TestOrg): Promise<PlanIds> {
  const p = await freshPlan(t, org);
  await withSystem(t.database.db, (tx) => adoptRevision(tx, org.id, p.revisionId, 1, '2026-01-01', 'K-sak 1/26'));
  return p;
}
/** A risk with a chosen option, and a draft revision for "Lag tiltak". */
async function freshRisk(t: TestContext, org: TestOrg): Promise<{ riskId: string; optionId: string }> {
  await freshPlan(t, org);
  return withSystem(t.database.db, async (tx) => {
    const riskId = await insertRisk(tx, org.id, {
      title: `Risiko ${++seq}`,
      siteIds: [],
      systemIds: [],
      controls: [],
      probability: 2,
      consequence: 3,
      dimensions: {},
      status: 'open',
      options: [{ description: 'Tiltak', lines: [{ kind: 'invest', year: 2026, amount: 1000 }], chosen: true }],
    });
    const [row] = await queryRows<{ id: string }>(tx, sql`select id from risk_options where risk_id = ${riskId}`);
    return { riskId, optionId: row?.id ?? '' };
  });
}
async function freshDocument(t: TestContext, org: TestOrg): Promise<string> {
  return withSystem(t.database.db, (tx) => insertSecurityDocument(tx, org.id, { title: `Dokument ${++seq}`, kind: 'security_plan' }));
}
const risk = (o: TestOrg): string => `/api/v1/organizations/${o.id}/risks`;
const rev = (o: TestOrg, p: PlanIds): string => `/api/v1/organizations/${o.id}/revisions/${p.revisionId}`;

/** Org-scoped routes: `{orgId}` is replaced by the target organization. */
const ORG_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/organizations/{orgId}': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}` }) },
  'PATCH /api/v1/organizations/{orgId}': {
    need: 'admin',
    make: async (t, o) => {
      const [row] = await queryRows<{ version: number }>(t.database.db, sql`select version from organizations where id = ${o.id}`);
      return { url: `/api/v1/organizations/${o.id}`, body: { version: row?.version, name: `${o.name} (endret)` } };
    },
  },
  'GET /api/v1/organizations/{orgId}/members': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/members` }) },
  'POST /api/v1/organizations/{orgId}/members': {
    need: 'admin',
    make: async (_t, o) => ({
      url: `/api/v1/organizations/${o.id}/members`,
      body: { username: `inntrenger-${++seq}`, displayName: 'Inntrenger', password: 'langt-passord-1', role: 'admin' },
    }),
  },
  'PATCH /api/v1/organizations/{orgId}/members/{userId}': {
    need: 'admin',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/members/${await freshMember(t, o)}`, body: { version: 1, role: 'admin' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/members/{userId}': {
    need: 'admin',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/members/${await freshMember(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/sites': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/sites` }) },
  'POST /api/v1/organizations/{orgId}/sites': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/sites`, body: { name: 'Innplantet lokasjon' } }),
  },
  'GET /api/v1/organizations/{orgId}/sites/{siteId}': {
    need: 'read',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/sites/${await freshSite(t, o)}` }),
  },
  'PATCH /api/v1/organizations/{orgId}/sites/{siteId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/sites/${await freshSite(t, o)}`, body: { version: 1, users: 666 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/sites/{siteId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/sites/${await freshSite(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/cooperations': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations` }) },
  'POST /api/v1/organizations/{orgId}/cooperations': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations`, body: { name: 'Innplantet', costKey: 'like', memberIds: [o.id] } }),
  },
  'PATCH /api/v1/organizations/{orgId}/cooperations/{cooperationId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations/${await freshCooperation(t, o)}`, body: { version: 1, name: 'Kapret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/cooperations/{cooperationId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations/${await freshCooperation(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/cooperation-invitations': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperation-invitations` }) },
  'POST /api/v1/organizations/{orgId}/cooperations/{cooperationId}/accept': {
    need: 'admin',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations/${await invitedTo(t, o, false)}/accept`, body: {} }),
  },
  'POST /api/v1/organizations/{orgId}/cooperations/{cooperationId}/decline': {
    need: 'admin',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations/${await invitedTo(t, o, false)}/decline`, body: {} }),
  },
  'POST /api/v1/organizations/{orgId}/cooperations/{cooperationId}/leave': {
    need: 'admin',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cooperations/${await invitedTo(t, o, true)}/leave`, body: {} }),
  },
  'GET /api/v1/organizations/{orgId}/audit': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/audit` }) },
  'GET /api/v1/organizations/{orgId}/audit/actors': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/audit/actors` }) },
  'GET /api/v1/organizations/{orgId}/audit/export': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/audit/export?format=csv` }) },
  'GET /api/v1/organizations/{orgId}/plans': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/plans` }) },
  'POST /api/v1/organizations/{orgId}/plans': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/plans`, body: { name: 'Innplantet plan', startYear: 2025, endYear: 2028 } }),
  },
  'PATCH /api/v1/organizations/{orgId}/plans/{planId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/plans/${(await freshPlan(t, o)).planId}`, body: { version: 1, name: 'Kapret' } }),
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}': { need: 'read', make: async (t, o) => ({ url: rev(o, await freshPlan(t, o)) }) },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/actionplan': { need: 'read', make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/actionplan` }) },
  'PATCH /api/v1/organizations/{orgId}/revisions/{revisionId}': {
    need: 'write',
    make: async (t, o) => ({ url: rev(o, await freshPlan(t, o)), body: { version: 1, vision: 'Kapret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}': { need: 'write', make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}?version=1` }) },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/copy': { need: 'write', make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/copy`, body: {} }) },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/adopt': {
    need: 'write',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/adopt`, body: { version: 1, adoptedDate: '2026-01-01', decisionRef: 'K-sak 1/26' } }),
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/compare': {
    need: 'read',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/compare?with=${p.revisionId}` };
    },
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/focus-areas': {
    need: 'write',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/focus-areas`, body: { title: 'Innplantet' } }),
  },
  'PATCH /api/v1/organizations/{orgId}/revisions/{revisionId}/focus-areas/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/focus-areas/${p.focusAreaId}`, body: { version: 1, title: 'Kapret' } };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/focus-areas/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/focus-areas/${p.focusAreaId}?version=1` };
    },
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/goals': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/goals`, body: { focusAreaId: p.focusAreaId, text: 'Innplantet' } };
    },
  },
  'PATCH /api/v1/organizations/{orgId}/revisions/{revisionId}/goals/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/goals/${p.goalId}`, body: { version: 1, text: 'Kapret' } };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/goals/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/goals/${p.goalId}?version=1` };
    },
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/measures': {
    need: 'write',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/measures`, body: { title: 'Innplantet', lines: [{ kind: 'invest', year: 2025, amount: 5 }] } }),
  },
  'PATCH /api/v1/organizations/{orgId}/revisions/{revisionId}/measures/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/measures/${p.measureId}`, body: { version: 1, lines: [{ kind: 'invest', year: 2025, amount: 999999 }] } };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/measures/{itemId}': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/measures/${p.measureId}?version=1` };
    },
  },
  'POST /api/v1/organizations/{orgId}/actionplan-import': {
    need: 'write',
    make: async (_t, o) => ({
      url: `/api/v1/organizations/${o.id}/actionplan-import?filename=plan.csv&dryRun=false`,
      raw: Buffer.from('tiltak;type;2025\nInnplantet;invest;1000\n'),
    }),
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/export': {
    need: 'read',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/export?format=json` }),
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/publish': {
    need: 'admin',
    make: async (t, o) => ({ url: `${rev(o, await adoptedPlan(t, o))}/publish`, body: { replace: true } }),
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/publish': {
    need: 'admin',
    make: async (t, o) => ({ url: `${rev(o, await adoptedPlan(t, o))}/publish` }),
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/document': {
    need: 'read',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/document?format=docx` }),
  },
  'GET /api/v1/organizations/{orgId}/systems': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/systems?limit=50` }) },
  'POST /api/v1/organizations/{orgId}/systems': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/systems`, body: { name: `Innplantet system ${++seq}` } }),
  },
  'GET /api/v1/organizations/{orgId}/systems/{systemId}': { need: 'read', make: async (t, o) => ({ url: sys(o, await freshSystem(t, o)) }) },
  'PATCH /api/v1/organizations/{orgId}/systems/{systemId}': {
    need: 'write',
    make: async (t, o) => ({ url: sys(o, await freshSystem(t, o)), body: { version: 1, users: 666 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/systems/{systemId}': { need: 'write', make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}?version=1` }) },
  'POST /api/v1/organizations/{orgId}/systems/{systemId}/review': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/review`, body: { version: 1 } }),
  },
  'GET /api/v1/organizations/{orgId}/systems/{systemId}/history': { need: 'admin', make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/history` }) },
  'PUT /api/v1/organizations/{orgId}/systems/{systemId}/shares': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/shares`, body: { version: 1, shares: [] } }),
  },
  'DELETE /api/v1/organizations/{orgId}/systems/{systemId}/share': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await sharedWith(t, o))}/share?version=1` }),
  },
  'PUT /api/v1/organizations/{orgId}/systems/{systemId}/usage': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await sharedWith(t, o))}/usage`, body: { version: 1, users: 7 } }),
  },
  'POST /api/v1/organizations/{orgId}/systems/{systemId}/roles': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/roles`, body: { role: 'system_owner', personId: await freshPerson(t, o) } }),
  },
  'DELETE /api/v1/organizations/{orgId}/systems/{systemId}/roles/{roleId}': {
    need: 'write',
    make: async (t, o) => {
      const { systemId, roleId } = await freshRole(t, o);
      return { url: `${sys(o, systemId)}/roles/${roleId}` };
    },
  },
  'GET /api/v1/organizations/{orgId}/share-candidates': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/share-candidates` }) },
  'GET /api/v1/organizations/{orgId}/persons': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/persons` }) },
  'POST /api/v1/organizations/{orgId}/persons': { need: 'write', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/persons`, body: { name: 'Innplantet person' } }) },
  'PATCH /api/v1/organizations/{orgId}/persons/{personId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/persons/${await freshPerson(t, o)}`, body: { version: 1, name: 'Kapret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/persons/{personId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/persons/${await freshPerson(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/suppliers': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/suppliers` }) },
  'POST /api/v1/organizations/{orgId}/suppliers': { need: 'write', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/suppliers`, body: { name: `Innplantet leverandør ${++seq}` } }) },
  'PATCH /api/v1/organizations/{orgId}/suppliers/{supplierId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/suppliers/${await freshSupplier(t, o)}`, body: { version: 1, name: `Kapret ${++seq}` } }),
  },
  'DELETE /api/v1/organizations/{orgId}/suppliers/{supplierId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/suppliers/${await freshSupplier(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/contracts': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/contracts` }) },
  'POST /api/v1/organizations/{orgId}/contracts': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/contracts`, body: { type: 'ssa_d', title: 'Innplantet avtale', yearlyCost: 1 } }),
  },
  'PATCH /api/v1/organizations/{orgId}/contracts/{contractId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/contracts/${await freshContract(t, o)}`, body: { version: 1, yearlyCost: 666 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/contracts/{contractId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/contracts/${await freshContract(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/integrations': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/integrations` }) },
  'POST /api/v1/organizations/{orgId}/integrations': {
    need: 'write',
    make: async (t, o) => ({
      url: `/api/v1/organizations/${o.id}/integrations`,
      body: { fromSystemId: await freshSystem(t, o), toSystemId: await freshSystem(t, o), standard: 'file' },
    }),
  },
  'PATCH /api/v1/organizations/{orgId}/integrations/{integrationId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/integrations/${await freshIntegration(t, o)}`, body: { version: 1, data: 'Kapret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/integrations/{integrationId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/integrations/${await freshIntegration(t, o)}?version=1` }),
  },
  'POST /api/v1/organizations/{orgId}/systems-import': {
    need: 'write',
    make: async (_t, o) => ({
      url: `/api/v1/organizations/${o.id}/systems-import?filename=systems.csv&dryRun=false`,
      raw: Buffer.from('system;brukere;leverandør\nInnplantet system;5;Innplantet leverandør\n'),
    }),
  },
  'GET /api/v1/organizations/{orgId}/systems-export': {
    need: 'read',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/systems-export?format=json` }),
  },
  'GET /api/v1/organizations/{orgId}/registers/{register}/export': {
    need: 'read',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/registers/persons/export?format=json` }),
  },
  'POST /api/v1/organizations/{orgId}/sites-import': {
    need: 'write',
    make: async (_t, o) => ({
      url: `/api/v1/organizations/${o.id}/sites-import?filename=sites.csv&dryRun=false`,
      raw: Buffer.from('lokasjon;brukere\nInnplantet lokasjon;5\n'),
    }),
  },
  'GET /api/v1/organizations/{orgId}/persons/{personId}/systems': {
    need: 'read',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/persons/${await freshPerson(t, o)}/systems` }),
  },
  'GET /api/v1/organizations/{orgId}/suppliers/{supplierId}/relations': {
    need: 'read',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/suppliers/${await freshSupplier(t, o)}/relations` }),
  },
  'GET /api/v1/organizations/{orgId}/support': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/support?q=System` }) },
  'GET /api/v1/organizations/{orgId}/system-matrix': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/system-matrix` }) },
  'GET /api/v1/organizations/{orgId}/data-quality': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/data-quality` }) },
  'GET /api/v1/organizations/{orgId}/portfolio': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/portfolio` }) },
  'GET /api/v1/organizations/{orgId}/national-goals': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/national-goals` }) },
  'POST /api/v1/organizations/{orgId}/national-goals': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/national-goals`, body: { framework: 'Egen', code: `E-${++seq}`, title: 'Innplantet' } }),
  },  // --- equipment ---
  'GET /api/v1/organizations/{orgId}/asset-classes': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/asset-classes` }) },
  'POST /api/v1/organizations/{orgId}/asset-classes': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/asset-classes`, body: { name: `Innplantet ${++seq}`, lifetime: 3 } }),
  },
  'PATCH /api/v1/organizations/{orgId}/asset-classes/{classId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/asset-classes/${await freshAssetClass(t, o)}`, body: { version: 1, unitPrice: 666 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/asset-classes/{classId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/asset-classes/${await freshAssetClass(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/assets': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/assets` }) },
  'POST /api/v1/organizations/{orgId}/assets': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/assets`, body: { classId: await freshAssetClass(t, o), quantity: 1, purchaseYear: 2020 } }),
  },
  'GET /api/v1/organizations/{orgId}/assets/{assetId}': {
    need: 'read',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/assets/${await freshAsset(t, o)}` }),
  },
  'PATCH /api/v1/organizations/{orgId}/assets/{assetId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/assets/${await freshAsset(t, o)}`, body: { version: 1, quantity: 666 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/assets/{assetId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/assets/${await freshAsset(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/assets-export': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/assets-export?format=json` }) },
  'POST /api/v1/organizations/{orgId}/assets-import': {
    need: 'write',
    make: async (_t, o) => ({
      url: `/api/v1/organizations/${o.id}/assets-import?filename=utstyr.csv&dryRun=false`,
      raw: Buffer.from('klasse;antall;innkjøpsår\nPC;5;2020\n'),
    }),
  },
  'GET /api/v1/organizations/{orgId}/assets-forecast': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/assets-forecast?from=2026&to=2029` }) },
  'POST /api/v1/organizations/{orgId}/assets-forecast/apply': {
    need: 'write',
    make: async (t, o) => {
      await freshAsset(t, o);
      return { url: `/api/v1/organizations/${o.id}/assets-forecast/apply?from=2026&to=2029&dryRun=false`, body: {} };
    },
  },
  // --- IKS year: statistics, accounts, cost sharing ---
  'GET /api/v1/organizations/{orgId}/statistics': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/statistics?year=2017` }) },
  'GET /api/v1/organizations/{orgId}/statistics/chart': {
    need: 'read',
    make: async (t, o) => {
      await withSystem(t.database.db, (tx) => tx.execute(sql`insert into metrics (organization_id, name) values (${o.id}, 'Innplantet måltall') on conflict do nothing`));
      const [m] = await queryRows<{ id: string }>(t.database.db, sql`select id from metrics where organization_id = ${o.id} limit 1`);
      return { url: `/api/v1/organizations/${o.id}/statistics/chart?year=2017&kind=bars&metricId=${m!.id}` };
    },
  },
  'POST /api/v1/organizations/{orgId}/statistics-import': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/statistics-import?filename=s.csv&year=2017&dryRun=false`, raw: Buffer.from(`kommune;Innplantet\n${o.slug};${++seq}\n`) }),
  },
  'POST /api/v1/organizations/{orgId}/metrics': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/metrics`, body: { name: `Innplantet måltall ${++seq}`, unit: 'stk' } }),
  },
  'PATCH /api/v1/organizations/{orgId}/metrics/{metricId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/metrics/${await freshMetric(t, o)}`, body: { version: 1, unit: 'kapret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/metrics/{metricId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/metrics/${await freshMetric(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/statistics-about-us': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/statistics-about-us` }) },
  'GET /api/v1/organizations/{orgId}/accounts': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/accounts?year=2017` }) },
  'POST /api/v1/organizations/{orgId}/accounts-import': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/accounts-import?filename=a.csv&year=2017&dryRun=false`, raw: Buffer.from(`ansvar;navn;avvik\nB${++seq};Innplantet;5\n`) }),
  },
  'GET /api/v1/organizations/{orgId}/cost-pools': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/cost-pools?year=2017` }) },
  'POST /api/v1/organizations/{orgId}/cost-pools': {
    need: 'write',
    // A cooperation's pool (issue 15): shared among the host's cooperation, with a typed amount.
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cost-pools?year=2017`, body: { basis: 'amount', amount: 1000, cooperationId: await poolCooperation(t, o) } }),
  },
  'PUT /api/v1/organizations/{orgId}/cost-pools/{poolId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cost-pools/${await freshPool(t, o)}`, body: { version: 1, basis: 'actual', key: 'equal', ansvarId: await freshAnsvar(t, o), cooperationId: await poolCooperation(t, o) } }),
  },
  'DELETE /api/v1/organizations/{orgId}/cost-pools/{poolId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/cost-pools/${await freshPool(t, o)}` }),
  },
  'POST /api/v1/organizations/{orgId}/cost-pools-import': {
    need: 'write',
    make: async (t, o) => {
      const [a] = await queryRows<{ number: string }>(t.database.db, sql`select number from ansvar where id = ${await freshAnsvar(t, o)}`);
      return { url: `/api/v1/organizations/${o.id}/cost-pools-import?filename=p.csv&year=2017&dryRun=false`, raw: Buffer.from(`ansvar;grunnlag;nøkkel;kommuner\n${a!.number};budsjett;lik;\n`) };
    },
  },
  'GET /api/v1/organizations/{orgId}/iks-payments': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/iks-payments?year=2017` }) },
  'GET /api/v1/organizations/{orgId}/iks-payments/export': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/iks-payments/export?year=2017` }) },
  'GET /api/v1/organizations/{orgId}/annual-reports/{year}': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/annual-reports/2025` }) },
  'PUT /api/v1/organizations/{orgId}/annual-reports/{year}': {
    need: 'write',
    // A year of its own each time, so version 0 (create) is always right.
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/annual-reports/${1990 + ++annualYears}`, body: { introduction: 'Innplantet', version: 0 } }),
  },
  'GET /api/v1/organizations/{orgId}/annual-reports/{year}/document': {
    need: 'read',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/annual-reports/2025/document?format=docx` }),
  },
  'GET /api/v1/organizations/{orgId}/sign-in': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/sign-in` }) },
  'PUT /api/v1/organizations/{orgId}/sign-in': { need: 'admin', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/sign-in`, body: { passwordsOff: false } }) },
  // Risks and security documents: readers see them only when the organization allows it (off by
  // default), so reads need an editor here.
  'GET /api/v1/organizations/{orgId}/risk-settings': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/risk-settings` }) },
  'PUT /api/v1/organizations/{orgId}/risk-settings': {
    need: 'admin',
    make: async (t, o) => {
      const [row] = await queryRows<{ version: number }>(t.database.db, sql`select version from risk_settings where organization_id = ${o.id}`);
      return { url: `/api/v1/organizations/${o.id}/risk-settings`, body: { version: row?.version ?? 0, readersSee: false } };
    },
  },
  'GET /api/v1/organizations/{orgId}/risks': { need: 'write', make: async (_t, o) => ({ url: risk(o) }) },
  'POST /api/v1/organizations/{orgId}/risks': { need: 'write', make: async (_t, o) => ({ url: risk(o), body: { title: 'Innplantet risiko', probability: 5, consequence: 5 } }) },
  'GET /api/v1/organizations/{orgId}/risks/{riskId}': { need: 'write', make: async (t, o) => ({ url: `${risk(o)}/${(await freshRisk(t, o)).riskId}` }) },
  'PATCH /api/v1/organizations/{orgId}/risks/{riskId}': {
    need: 'write',
    make: async (t, o) => ({ url: `${risk(o)}/${(await freshRisk(t, o)).riskId}`, body: { version: 1, probability: 5 } }),
  },
  'DELETE /api/v1/organizations/{orgId}/risks/{riskId}': { need: 'write', make: async (t, o) => ({ url: `${risk(o)}/${(await freshRisk(t, o)).riskId}?version=1` }) },
  'POST /api/v1/organizations/{orgId}/risks/{riskId}/options/{optionId}/measure': {
    need: 'write',
    make: async (t, o) => {
      const r = await freshRisk(t, o);
      return { url: `${risk(o)}/${r.riskId}/options/${r.optionId}/measure`, body: {} };
    },
  },
  'GET /api/v1/organizations/{orgId}/measure-risks/{lineageId}': {
    need: 'read',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      const [row] = await queryRows<{ lineage_id: string }>(t.database.db, sql`select lineage_id from measures where id = ${p.measureId}`);
      return { url: `/api/v1/organizations/${o.id}/measure-risks/${row?.lineage_id}` };
    },
  },
  'GET /api/v1/organizations/{orgId}/risk-alerts': { need: 'read', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/risk-alerts` }) },
  'POST /api/v1/organizations/{orgId}/risks-import': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/risks-import?filename=ros.csv&dryRun=false`, raw: Buffer.from('risiko;sannsynlighet;konsekvens\nInnplantet risiko;5;5\n') }),
  },
  'GET /api/v1/organizations/{orgId}/risks-export': { need: 'write', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/risks-export?format=json` }) },
  'GET /api/v1/organizations/{orgId}/security-documents': { need: 'write', make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/security-documents` }) },
  'POST /api/v1/organizations/{orgId}/security-documents': {
    need: 'write',
    make: async (_t, o) => ({ url: `/api/v1/organizations/${o.id}/security-documents`, body: { title: 'Innplantet', kind: 'other' } }),
  },
  'GET /api/v1/organizations/{orgId}/security-documents/{documentId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/security-documents/${await freshDocument(t, o)}` }),
  },
  'PATCH /api/v1/organizations/{orgId}/security-documents/{documentId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/security-documents/${await freshDocument(t, o)}`, body: { version: 1, title: 'Endret' } }),
  },
  'DELETE /api/v1/organizations/{orgId}/security-documents/{documentId}': {
    need: 'write',
    make: async (t, o) => ({ url: `/api/v1/organizations/${o.id}/security-documents/${await freshDocument(t, o)}?version=1` }),
  },
  'GET /api/v1/organizations/{orgId}/systems/{systemId}/continuity': {
    need: 'read',
    make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/continuity` }),
  },
  'PUT /api/v1/organizations/{orgId}/systems/{systemId}/continuity': {
    need: 'write',
    make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/continuity`, body: { version: 0, rtoHours: 4 } }),
  },
};
let annualYears = 0;

// --- followup ---
async function freshBenefit(t: TestContext, org: TestOrg): Promise<{ p: PlanIds; benefitId: string }> {
  const p = await freshPlan(t, org);
  const benefitId = await withSystem(t.database.db, (tx) => insertBenefit(tx, org.id, p.revisionId, p.measureId, { kind: 'economic', indicator: 'Gevinst', targets: [] }));
  return { p, benefitId };
}
async function freshReport(t: TestContext, org: TestOrg): Promise<{ p: PlanIds; id: string; version: number }> {
  const p = await freshPlan(t, org);
  const id = await withSystem(t.database.db, (tx) => insertStatusReport(tx, org.id, p.revisionId, p.measureId, { reportDate: '2026-04-30', status: 'on_track', summary: 'Rapport' }));
  const found = await withSystem(t.database.db, (tx) => findStatusReport(tx, org.id, p.revisionId, id));
  return { p, id, version: found?.version ?? 0 };
}
async function publishedPlan(t: TestContext, org: TestOrg): Promise<PlanIds> {
  const p = await adoptedPlan(t, org);
  await withSystem(t.database.db, (tx) => publishRevision(tx, org.id, p.revisionId));
  return p;
}
const org = (o: TestOrg, rest: string): string => `/api/v1/organizations/${o.id}${rest}`;
const FOLLOWUP_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/followup': { need: 'read', make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/followup` }) },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/measures/{measureId}/benefits': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/measures/${p.measureId}/benefits`, body: { kind: 'economic', indicator: 'Innplantet' } };
    },
  },
  'PUT /api/v1/organizations/{orgId}/revisions/{revisionId}/benefits/{benefitId}': {
    need: 'write',
    make: async (t, o) => {
      const { p, benefitId } = await freshBenefit(t, o);
      return { url: `${rev(o, p)}/benefits/${benefitId}`, body: { kind: 'time', indicator: 'Kapret', version: 1 } };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/benefits/{benefitId}': {
    need: 'write',
    make: async (t, o) => {
      const { p, benefitId } = await freshBenefit(t, o);
      return { url: `${rev(o, p)}/benefits/${benefitId}?version=1` };
    },
  },
  'PUT /api/v1/organizations/{orgId}/revisions/{revisionId}/benefits/{benefitId}/results': {
    need: 'write',
    make: async (t, o) => {
      const { p, benefitId } = await freshBenefit(t, o);
      return { url: `${rev(o, p)}/benefits/${benefitId}/results`, body: { year: 2026, value: 1 } };
    },
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/measures/{measureId}/status-reports': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/measures/${p.measureId}/status-reports`, body: { reportDate: '2026-04-30', status: 'on_track', summary: 'Innplantet' } };
    },
  },
  'PUT /api/v1/organizations/{orgId}/revisions/{revisionId}/status-reports/{reportId}': {
    need: 'write',
    make: async (t, o) => {
      const { p, id, version } = await freshReport(t, o);
      return { url: `${rev(o, p)}/status-reports/${id}`, body: { reportDate: '2026-05-01', status: 'at_risk', summary: 'Kapret', version } };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/status-reports/{reportId}': {
    need: 'write',
    make: async (t, o) => {
      const { p, id, version } = await freshReport(t, o);
      return { url: `${rev(o, p)}/status-reports/${id}?version=${version}` };
    },
  },
  'DELETE /api/v1/organizations/{orgId}/revisions/{revisionId}/benefits/{benefitId}/results/{year}': {
    need: 'write',
    make: async (t, o) => {
      const { p, benefitId } = await freshBenefit(t, o);
      await withSystem(t.database.db, (tx) => upsertBenefitResult(tx, o.id, p.revisionId, benefitId, { year: 2026, value: 1 }));
      return { url: `${rev(o, p)}/benefits/${benefitId}/results/2026` };
    },
  },
  'PUT /api/v1/organizations/{orgId}/revisions/{revisionId}/measures/{measureId}/actuals': {
    need: 'write',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/measures/${p.measureId}/actuals`, body: { actuals: [{ kind: 'drift', year: 2026, amount: 1 }] } };
    },
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/benefit-changes': {
    need: 'read',
    make: async (t, o) => {
      const p = await freshPlan(t, o);
      return { url: `${rev(o, p)}/benefit-changes?with=${p.revisionId}` };
    },
  },
  'GET /api/v1/organizations/{orgId}/revisions/{revisionId}/publication-options': { need: 'read', make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/publication-options` }) },
  'PUT /api/v1/organizations/{orgId}/revisions/{revisionId}/publication-options': {
    need: 'admin',
    make: async (t, o) => ({ url: `${rev(o, await publishedPlan(t, o))}/publication-options`, body: { showBenefits: true, showActuals: true } }),
  },
  'POST /api/v1/organizations/{orgId}/revisions/{revisionId}/actuals-import': {
    need: 'write',
    make: async (t, o) => ({ url: `${rev(o, await freshPlan(t, o))}/actuals-import?filename=regnskap.csv`, raw: Buffer.from('tiltak;år;regnskap\nTiltak;2026;100\n') }),
  },
  'GET /api/v1/organizations/{orgId}/products': { need: 'read', make: async (_t, o) => ({ url: org(o, '/products') }) },
  'POST /api/v1/organizations/{orgId}/products': { need: 'write', make: async (_t, o) => ({ url: org(o, '/products'), body: { name: `Innplantet produkt ${++seq}` } }) },
  'PUT /api/v1/organizations/{orgId}/systems/{systemId}/product': { need: 'write', make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/product`, body: { productId: null } }) },
  'GET /api/v1/organizations/{orgId}/systems/{systemId}/peers': { need: 'read', make: async (t, o) => ({ url: `${sys(o, await freshSystem(t, o))}/peers` }) },
  'GET /api/v1/organizations/{orgId}/product-network': { need: 'read', make: async (_t, o) => ({ url: org(o, '/product-network') }) },
  'PUT /api/v1/organizations/{orgId}/product-network': { need: 'admin', make: async (_t, o) => ({ url: org(o, '/product-network'), body: { optedIn: false } }) },
  'GET /api/v1/organizations/{orgId}/product-usage': { need: 'read', make: async (_t, o) => ({ url: org(o, '/product-usage') }) },
};
Object.assign(ORG_ROUTES, FOLLOWUP_ROUTES);

/** Routes not scoped to one organization, with what they must (not) reveal, tested below. */
const GLOBAL_ROUTES = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/session',
  'POST /api/v1/session/password',
  'PUT /api/v1/session/language',
  'GET /api/v1/organizations',
  'POST /api/v1/organizations',
  'GET /api/v1/directory',
  'GET /api/v1/reference/kommuner',
  'GET /api/v1/reference/national-components',
  'GET /api/v1/search',
  'GET /api/v1/auth/providers',
  'GET /api/v1/auth/oidc/start/{providerId}',
  'POST /api/v1/auth/oidc/link/{providerId}',
  'GET /api/v1/identity-providers',
  'POST /api/v1/identity-providers',
  'GET /api/v1/identity-providers/{providerId}',
  'PUT /api/v1/identity-providers/{providerId}',
  'DELETE /api/v1/identity-providers/{providerId}',
];

const RANK: Record<Need, number> = { read: 1, write: 2, admin: 3, system: 4 };
const ROLE_RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

/** Everything of the target organization that a request could change. */
/**
 * Everything of `orgId` that a request could change, as one JSON text. One statement (each part a
 * json_agg subquery), so that the walk's thousands of snapshots stay cheap.
 */
async function snapshot(t: TestContext, orgId: string): Promise<string> {
  const parts = [
    sql`select id, name, version, passwords_off from organizations where id = ${orgId}`,
    sql`select id, version, display_name from identity_providers where ${orgId}::uuid = any(organization_ids) order by id`,
    sql`select id, version, name, users from sites where organization_id = ${orgId} order by id`,
    sql`select id, version, name from cooperations where organization_id = ${orgId} order by id`,
    sql`select id, member_id, state from cooperation_members where organization_id = ${orgId} or member_id = ${orgId} order by id`,
    sql`select user_id, role, version from memberships where organization_id = ${orgId} order by user_id`,
    sql`select count(*)::int as n from audit_log where organization_id = ${orgId}`,
    sql`select id, version, name from plan_periods where organization_id = ${orgId} order by id`,
    sql`select id, version, status, vision from plan_revisions where organization_id = ${orgId} order by id`,
    sql`select id, version, title from focus_areas where organization_id = ${orgId} order by id`,
    sql`select id, version, text from goals where organization_id = ${orgId} order by id`,
    sql`select id, version, title from measures where organization_id = ${orgId} order by id`,
    sql`select id, amount from cost_lines where organization_id = ${orgId} order by id`,
    sql`select id, code from national_goals where organization_id = ${orgId} order by id`,
    sql`select id, revision_id from publications where organization_id = ${orgId} order by id`,
    sql`select id, version, name, users, last_reviewed_at from systems where organization_id = ${orgId} order by id`,
    sql`select id, version, name from persons where organization_id = ${orgId} order by id`,
    sql`select id, version, name from suppliers where organization_id = ${orgId} order by id`,
    sql`select id, role, organization_id from system_roles where organization_id = ${orgId} or system_org_id = ${orgId} order by id`,
    sql`select id, member_id, users from system_shares where organization_id = ${orgId} or member_id = ${orgId} order by id`,
    sql`select id, version, title, yearly_cost from contracts where organization_id = ${orgId} order by id`,
    sql`select id, version, data from integrations where organization_id = ${orgId} order by id`,
    sql`select id, version, name from metrics where organization_id = ${orgId} order by id`,
    sql`select id, version, value from statistic_values where organization_id = ${orgId} or subject_id = ${orgId} order by id`,
    sql`select id, version, name from ansvar where organization_id = ${orgId} order by id`,
    sql`select id, version, budget, printed_deviation from account_lines where organization_id = ${orgId} order by id`,
    sql`select id, version, name, key from cost_pools where organization_id = ${orgId} order by id`,
    sql`select id, version, year, introduction from annual_reports where organization_id = ${orgId} order by id`,
    sql`select id, version, readers_see, matrix from risk_settings where organization_id = ${orgId} order by id`,
    sql`select id, version, title, probability from risks where organization_id = ${orgId} order by id`,
    sql`select id, version, chosen, measure_lineage_id from risk_options where organization_id = ${orgId} order by id`,
    sql`select id, version, title from security_documents where organization_id = ${orgId} order by id`,
    sql`select id, version, rto_hours from system_continuity where organization_id = ${orgId} order by id`,
    sql`select id, version, name, lifetime, unit_price from asset_classes where organization_id = ${orgId} order by id`,
    sql`select id, version, quantity from asset_groups where organization_id = ${orgId} order by id`,
    sql`select id, class_id, lineage_id from asset_class_measures where organization_id = ${orgId} order by id`,
  ];
  const columns = sql.join(
    parts.map((part) => sql`(select coalesce(json_agg(r), '[]'::json) from (${part}) r)`),
    sql`, `,
  );
  const rows = await queryRows<{ s: unknown }>(t.database.db, sql`select json_build_array(${columns}) as s`);
  return JSON.stringify(rows[0]?.s);
}

describe.each(backends)('tenant isolation ($name)', (backend) => {
  let t: TestContext;
  let target: TestOrg;
  let other: TestOrg;
  let outsider: Client;
  let iksStaffNoAccess: Client;
  /** A user of the other organization signed in through an identity provider (OIDC). */
  let oidcOutsider: Client;
  let tenant: TestTenant;
  let targetProvider: string;
  const byRole = {} as Record<Role, Client>;

  beforeAll(async () => {
    const callback = 'http://veikart.test/api/v1/auth/oidc/callback';
    tenant = await startTenant({
      name: 'Nabotenant',
      tid: 'nabo',
      clients: [{ clientId: 'veikart', clientSecret: 'isolasjon-hemmelighet-123', redirectUri: callback, postLogoutRedirectUri: 'http://veikart.test/logg-inn' }],
      accounts: [{ sub: 'nabo-admin', email: 'admin@nabo.kommune.no', name: 'Nabo Admin', tid: 'nabo', groups: ['nabo-admins'], roles: [] }],
    });
    t = await startTestApp(backend, { oidc: { secretKey: 'isolasjon-test-nokkel-0123456789abcdef', publicUrl: 'http://veikart.test', allowHttp: true } });
    target = await makeOrg(t.database, { name: 'Målkommunen' });
    other = await makeOrg(t.database, { name: 'Nabokommunen' });
    const iks = await makeOrg(t.database, { kind: 'iks', name: 'Nabo-IKS' });
    await makeOwners(t.database, iks.id, [{ id: target.id, access: 'none' }]);
    await freshSite(t, target);
    await freshCooperation(t, target);
    outsider = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }));
    iksStaffNoAccess = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'admin']] }));
    for (const role of ['reader', 'editor', 'admin'] as const) {
      byRole[role] = await login(t.app, await makeUser(t.database, { memberships: [[target.id, role], [other.id, 'admin']] }));
    }
    const system = await login(t.app, await makeUser(t.database, { systemAdmin: true }));
    const provider = (id: string, name: string, group: string) => ({
      displayName: name,
      issuer: tenant.issuer,
      clientId: 'veikart',
      clientSecret: 'isolasjon-hemmelighet-123',
      organizationIds: [id],
      roleMappings: [{ organizationId: id, claim: 'groups', value: group, role: 'admin' }],
    });
    const nabo = (await system.post('/api/v1/identity-providers', provider(other.id, 'Nabo (Microsoft)', 'nabo-admins'))).json().data.id as string;
    targetProvider = (await system.post('/api/v1/identity-providers', { ...provider(target.id, 'Mål (Microsoft)', 'mål-admins'), clientId: 'veikart-mål' })).json().data.id as string;
    oidcOutsider = await sessionClient(t.app, await signInThrough(t.app, tenant, nabo, 'nabo-admin', callback));
  });
  afterAll(async () => {
    await t?.close();
    await tenant?.close();
  });

  it('covers every route of the API', async () => {
    const doc = (await anonymous(t.app).get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual([...Object.keys(ORG_ROUTES), ...GLOBAL_ROUTES].sort());
  });

  it('refuses every organization route to users of other organizations and changes nothing', async () => {
    for (const [route, c] of Object.entries(ORG_ROUTES)) {
      const method = route.split(' ')[0] ?? 'GET';
      // One fresh target per route: each refused request must leave it exactly as it was, so the
      // next outsider meets the same fresh target.
      const req = await c.make(t, target);
      const before = await snapshot(t, target.id);
      for (const who of [outsider, iksStaffNoAccess, anonymous(t.app), oidcOutsider]) {
        const res = await send(who, method, req);
        expect([401, 403, 404], `${route} gave ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
        expect(res.body).not.toContain('Målkommunen');
        expect(await snapshot(t, target.id), route).toBe(before);
      }
    }
  }, 240_000);

  it('gives each role exactly what it may do', async () => {
    for (const [route, c] of Object.entries(ORG_ROUTES)) {
      const method = route.split(' ')[0] ?? 'GET';
      for (const role of ['reader', 'editor', 'admin'] as const) {
        const req = await c.make(t, target);
        const before = await snapshot(t, target.id);
        const res = await send(byRole[role], method, req);
        if (ROLE_RANK[role] >= RANK[c.need]) {
          expect(res.statusCode, `${role} ${route}: ${res.body}`).toBeLessThan(300);
        } else {
          expect(res.statusCode, `${role} ${route}: ${res.body}`).toBe(403);
          expect(await snapshot(t, target.id), `${role} ${route}`).toBe(before);
        }
      }
    }
  }, 240_000);

  it('lists only accessible organizations and refuses organization creation to non-system users', async () => {
    for (const c of [outsider, iksStaffNoAccess]) {
      const orgs = (await c.get('/api/v1/organizations')).json().data as Array<{ id: string }>;
      expect(orgs.map((o) => o.id)).not.toContain(target.id);
      const session = (await c.get('/api/v1/session')).json().data as { organizations: Array<{ id: string }> };
      expect(session.organizations.map((o) => o.id)).not.toContain(target.id);
      expect((await c.post('/api/v1/organizations', { name: 'Kuppet', kind: 'annen' })).statusCode).toBe(403);
    }
    for (const role of ['reader', 'editor', 'admin'] as const) {
      expect((await byRole[role].post('/api/v1/organizations', { name: 'Kuppet', kind: 'annen' })).statusCode).toBe(403);
    }
    // The directory shows names only (for pickers), never data such as sites or members.
    const dir = (await outsider.get('/api/v1/directory')).json().data as Array<Record<string, unknown>>;
    expect(Object.keys(dir.find((d) => d.id === target.id) ?? {}).sort()).toEqual(['id', 'kind', 'kommunenummer', 'name', 'slug']);
    expect((await anonymous(t.app).get('/api/v1/directory')).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/v1/reference/kommuner')).statusCode).toBe(401);
  });

  it("hides and protects another organization's identity providers, also from a user signed in through one", async () => {
    const before = await snapshot(t, target.id);
    for (const who of [outsider, oidcOutsider]) {
      const list = await who.get('/api/v1/identity-providers');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('Mål (Microsoft)');
      expect((await who.get(`/api/v1/identity-providers/${targetProvider}`)).statusCode).toBe(404);
      const body = { displayName: 'Kapret', issuer: tenant.issuer, clientId: 'x', organizationIds: [other.id], version: 1 };
      expect((await who.request('PUT', `/api/v1/identity-providers/${targetProvider}`, body)).statusCode).toBe(404);
      expect((await who.del(`/api/v1/identity-providers/${targetProvider}`)).statusCode).toBe(404);
      // Nor can it create one serving the target organization.
      const planted = await who.post('/api/v1/identity-providers', { ...body, clientSecret: 'hemmelig', organizationIds: [target.id] });
      expect(planted.statusCode).toBe(400);
      expect(planted.body).not.toContain('Målkommunen');
    }
    // The public list on the login page names providers, nothing else.
    const open = (await anonymous(t.app).get('/api/v1/auth/providers')).json().data as Array<Record<string, unknown>>;
    for (const p of open) expect(Object.keys(p).sort()).toEqual(['displayName', 'id']);
    expect(await snapshot(t, target.id)).toBe(before);
    // Row-level security: the restricted role sees neither the row nor, for its own rows, the secret.
    const me = oidcOutsider.user?.id ?? '';
    expect(await withActor(t.database.db, me, (tx) => queryRows(tx, sql`select id from identity_providers where id = ${targetProvider}`))).toEqual([]);
    await expect(withActor(t.database.db, me, (tx) => queryRows(tx, sql`select client_secret from identity_providers`))).rejects.toThrow();
  });

  it('ids of another organization cannot be reached through the own organization', async () => {
    const foreignSite = await freshSite(t, target);
    const foreignCoop = await freshCooperation(t, target);
    const before = await snapshot(t, target.id);
    const own = `/api/v1/organizations/${other.id}`;
    expect((await outsider.get(`${own}/sites/${foreignSite}`)).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/sites/${foreignSite}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.del(`${own}/sites/${foreignSite}?version=1`)).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/cooperations/${foreignCoop}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.del(`${own}/cooperations/${foreignCoop}?version=1`)).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/members/${byRole.admin.user?.id}`, { version: 1, role: 'reader' })).statusCode).toBe(200);
    expect(await snapshot(t, target.id)).toBe(before);
  });

  it('systems, people and suppliers of another organization cannot be reached, linked or found through the own organization', async () => {
    const foreignSystem = await freshSystem(t, target);
    const foreignPerson = await freshPerson(t, target);
    const foreignSupplier = await freshSupplier(t, target);
    const foreignContract = await freshContract(t, target);
    const foreignIntegration = await freshIntegration(t, target);
    const mine = await freshSystem(t, other);
    const before = await snapshot(t, target.id);
    const own = `/api/v1/organizations/${other.id}`;
    expect((await outsider.get(`${own}/systems/${foreignSystem}`)).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/systems/${foreignSystem}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.del(`${own}/systems/${foreignSystem}?version=1`)).statusCode).toBe(404);
    expect((await outsider.post(`${own}/systems/${foreignSystem}/review`, { version: 1 })).statusCode).toBe(404);
    expect((await outsider.request('PUT', `${own}/systems/${foreignSystem}/shares`, { version: 1, shares: [{ organizationId: other.id }] })).statusCode).toBe(404);
    expect((await outsider.post(`${own}/systems/${foreignSystem}/roles`, { role: 'super_user', personId: await freshPerson(t, other) })).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/persons/${foreignPerson}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/suppliers/${foreignSupplier}`, { version: 1, name: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.patch(`${own}/contracts/${foreignContract}`, { version: 1, title: 'Kapret' })).statusCode).toBe(404);
    expect((await outsider.del(`${own}/integrations/${foreignIntegration}?version=1`)).statusCode).toBe(404);
    // Linking another organization's records from the own one is refused by field.
    const linkRole = await outsider.post(`${own}/systems/${mine}/roles`, { role: 'system_owner', personId: foreignPerson });
    expect(linkRole.statusCode).toBe(400);
    expect(linkRole.json().errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    const linkVendor = await outsider.patch(`${own}/systems/${mine}`, { version: 1, vendorId: foreignSupplier });
    expect(linkVendor.json().errors).toEqual([expect.objectContaining({ field: 'vendorId' })]);
    const linkContract = await outsider.post(`${own}/contracts`, { type: 'ssa_d', title: 'Avtale', systemId: foreignSystem });
    expect(linkContract.json().errors).toEqual([expect.objectContaining({ field: 'systemId' })]);
    const linkIntegration = await outsider.post(`${own}/integrations`, { fromSystemId: mine, toSystemId: foreignSystem, standard: 'rest' });
    expect(linkIntegration.json().errors).toEqual([expect.objectContaining({ field: 'toSystemId' })]);
    // Sharing with an organization that is no owner or cooperation member is refused.
    const share = await outsider.request('PUT', `${own}/systems/${mine}/shares`, { version: 1, shares: [{ organizationId: target.id }] });
    expect(share.statusCode).toBe(400);
    // Searches and lists never show the other organization's systems.
    const search = await outsider.get(`${own}/support?q=System`);
    expect(search.json().data.map((r: { systemId: string }) => r.systemId)).not.toContain(foreignSystem);
    const list = await outsider.get(`${own}/systems`);
    expect(list.json().data.map((r: { id: string }) => r.id)).not.toContain(foreignSystem);
    // The global search never crosses a tenant, even with a prefix every record shares.
    for (const q of ['System', 'Person', 'Leverandør', 'Avtale', 'Tiltak', 'Lokasjon']) {
      const found = await outsider.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(found.statusCode).toBe(200);
      expect(found.body).not.toContain('Målkommunen');
      expect(found.json().data.filter((h: { organizationId: string }) => h.organizationId !== other.id)).toEqual([]);
    }
    expect((await anonymous(t.app).get('/api/v1/search?q=System')).statusCode).toBe(401);
    expect(await snapshot(t, target.id)).toBe(before);
  });

  it('an uninvited organization never sees a cooperation or a system shared outside the IKS or cooperation', async () => {
    const targetEditor = await login(t.app, await makeUser(t.database, { memberships: [[target.id, 'editor']] }));
    const own = `/api/v1/organizations/${target.id}`;
    const theirs = `/api/v1/organizations/${other.id}`;
    // An editor of the target lists the other organization as a member: that is an invitation only.
    const created = await targetEditor.post(`${own}/cooperations`, { name: 'Uinvitert samarbeid', costKey: 'like', memberIds: [other.id] });
    expect(created.statusCode, created.body).toBe(201);
    const coopId = created.json().data.id as string;
    const visible = async () => {
      const lists = await Promise.all([outsider.get(`${theirs}/cooperations`), outsider.get(`${theirs}/systems`), outsider.get(`${theirs}/share-candidates`), outsider.get(`${theirs}/portfolio`)]);
      return lists.map((r) => r.body).join('\n');
    };
    expect(await visible()).not.toContain('Uinvitert samarbeid');
    // Only the invitation shows, to the other organization's administrator, with the inviter's name.
    const invitations = (await outsider.get(`${theirs}/cooperation-invitations`)).json().data as Array<{ cooperationId: string; hostName: string }>;
    expect(invitations.find((i) => i.cooperationId === coopId)?.hostName).toMatch(/^Målkommunen/);
    // Sharing a system with the invited (not accepted) organization is refused, by field and in the database.
    const system = (await targetEditor.post(`${own}/systems`, { name: 'Påtvunget system' })).json().data;
    const refused = await targetEditor.request('PUT', `${own}/systems/${system.id}/shares`, { version: system.version, shares: [{ organizationId: other.id }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'shares.0.organizationId', message: expect.stringContaining('Nabokommunen') }]);
    const editorId = targetEditor.user?.id ?? '';
    await expect(
      withActor(t.database.db, editorId, (tx) => tx.execute(sql`insert into system_shares (organization_id, system_id, member_id) values (${target.id}, ${system.id}, ${other.id})`)),
    ).rejects.toThrow();
    // Nor can the inviting side accept for it.
    const forced = await withActor(t.database.db, editorId, (tx) =>
      queryRows(tx, sql`update cooperation_members set state = 'accepted' where cooperation_id = ${coopId} and member_id = ${other.id} returning id`),
    ).catch(() => []);
    expect(forced).toEqual([]);
    expect(await visible()).not.toContain('Påtvunget system');
    // Declined: the invitation is gone too, and nothing ever showed.
    expect((await outsider.post(`${theirs}/cooperations/${coopId}/decline`)).statusCode).toBe(204);
    expect((await outsider.get(`${theirs}/cooperation-invitations`)).json().data).toEqual([]);
    expect(await visible()).not.toContain('Uinvitert samarbeid');
    // The IKS whose staff have no access sees nothing of it either.
    const iksOrgs = (await iksStaffNoAccess.get('/api/v1/organizations')).json().data as Array<{ id: string }>;
    for (const o of iksOrgs) expect((await iksStaffNoAccess.get(`/api/v1/organizations/${o.id}/cooperations`)).body).not.toContain('Uinvitert samarbeid');
  });

  it('row-level security hides portfolio rows of other organizations even for raw SQL', async () => {
    await freshRole(t, target);
    await freshContract(t, target);
    const me = outsider.user?.id ?? '';
    const seen = await withActor(t.database.db, me, async (tx) => ({
      systems: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from systems where organization_id = ${target.id}`),
      persons: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from persons where organization_id = ${target.id}`),
      roles: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from system_roles where organization_id = ${target.id}`),
      contracts: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from contracts where organization_id = ${target.id}`),
    }));
    expect(Object.values(seen).map((r) => r[0]?.n)).toEqual([0, 0, 0, 0]);
    const all = await queryRows<{ id: string }>(t.database.db, sql`select id from systems where organization_id = ${target.id} limit 1`);
    // The quality facts ride on the system row (hidden with it); the functions that derive them are not the app's to call.
    const withFacts = sql`select count(*)::int as n from systems where organization_id = ${target.id} and cardinality(quality_roles) > 0`;
    expect((await queryRows<{ n: number }>(t.database.db, withFacts))[0]?.n).toBeGreaterThan(0);
    expect((await withActor(t.database.db, me, (tx) => queryRows<{ n: number }>(tx, withFacts)))[0]?.n).toBe(0);
    const refusal = (query: ReturnType<typeof sql>) =>
      withActor(t.database.db, me, (tx) => queryRows(tx, query)).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`select veikart_quality_contracts(${all[0]?.id}::uuid, ${target.id}::uuid)`)).toMatch(/permission denied/);
    expect(await refusal(sql`select veikart_quality_roles(${all[0]?.id}::uuid)`)).toMatch(/permission denied/);
    await expect(withActor(t.database.db, me, (tx) => insertSystems(tx, target.id, [{ name: 'Innplantet' }]))).rejects.toThrow();
    // The owner copies on roles and shares must match the system's owner, even for the owner role.
    const [own] = await queryRows<{ id: string }>(t.database.db, sql`select id from systems where organization_id = ${target.id} limit 1`);
    const person = await freshPerson(t, other);
    await expect(
      withSystem(t.database.db, (tx) => tx.execute(sql`insert into system_roles (organization_id, system_org_id, system_id, role, person_id) values (${other.id}, ${other.id}, ${own?.id}, 'system_owner', ${person})`)),
    ).rejects.toThrow();
    await expect(
      withSystem(t.database.db, (tx) => tx.execute(sql`insert into system_shares (organization_id, system_id, member_id) values (${other.id}, ${own?.id}, ${other.id})`)),
    ).rejects.toThrow();
    await expect(withActor(t.database.db, me, (tx) => tx.execute(sql`update systems set name = 'Kapret' where organization_id = ${target.id}`))).resolves.toBeDefined();
    const names = await queryRows<{ name: string }>(t.database.db, sql`select name from systems where organization_id = ${target.id} and name = 'Kapret'`);
    expect(names).toEqual([]);
  });
});
