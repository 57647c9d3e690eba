/**
 * The handlingsplan table endpoint (`/revisions/:id/actionplan`): its compact money per kind and
 * year gives exactly the sums of the full revision's `totals`, it is tenant-isolated, and it takes
 * the same number of SQL statements whatever the plan's size (one of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withSystem } from '../../src/db/database.ts';
import { createPlan } from '../../src/db/queries/plan-periods.ts';
import { insertFocusArea, insertMeasure } from '../../src/db/queries/plan-items.ts';
import { ActionPlanTableSchema, type ActionPlanTable, type CostLineInput, type Revision } from '../../src/domain/plan.ts';
import { actionPlanMoney, compactPlanTotals, economyPlan, expandCompact } from '../../src/domain/plan-totals.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

describe.each(backends)('handlingsplan table endpoint ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let reader: Client;
  let outsider: Client;
  let queries: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: (q) => queries.push(q) });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439' });
    other = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3440' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    outsider = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const base = (o: TestOrg = org) => `/api/v1/organizations/${o.id}`;
  const full = async (revisionId: string): Promise<Revision> => (await reader.get(`${base()}/revisions/${revisionId}`)).json().data;
  const lean = async (revisionId: string): Promise<ActionPlanTable> => {
    const res = await reader.get(`${base()}/revisions/${revisionId}/actionplan`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    // The database's JSON text, sent as it is, has exactly the documented shape.
    return z.object({ data: ActionPlanTableSchema }).strict().parse(res.json()).data;
  };
  const moneyOf = (table: ActionPlanTable) => actionPlanMoney(table.period.startYear, table.period.endYear, table.measures);

  /** A plan with two focus areas and a measure without one; invest and drift; quantity × unit price; several lines a year. */
  async function richPlan(): Promise<string> {
    let rev: Revision = (await editor.post(`${base()}/plans`, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028 })).json().data;
    rev = (await editor.post(`${base()}/revisions/${rev.id}/focus-areas`, { title: 'Infrastruktur' })).json().data;
    rev = (await editor.post(`${base()}/revisions/${rev.id}/focus-areas`, { title: 'Digitale tjenester' })).json().data;
    const [infra, digital] = rev.focusAreas;
    const measures: Array<{ number?: string; title: string; focusAreaId?: string; status?: string; lines: CostLineInput[] }> = [
      {
        number: '2',
        title: 'Utskifting av PC-er',
        focusAreaId: infra?.id,
        status: 'in_progress',
        lines: [
          { kind: 'invest', year: 2025, quantity: 25, unitPrice: 8500 },
          { kind: 'invest', year: 2025, amount: 40000 },
          { kind: 'invest', year: 2026, amount: 100000 },
          { kind: 'drift', year: 2025, amount: 12000 },
          { kind: 'drift', year: 2025, quantity: 3, unitPrice: 1500 },
        ],
      },
      {
        number: '10',
        title: 'Trådløst nett',
        focusAreaId: infra?.id,
        lines: [
          { kind: 'invest', year: 2027, amount: 150000 },
          { kind: 'drift', year: 2028, amount: -5000, saving: true },
          { kind: 'drift', year: 2028, amount: 20000 },
        ],
      },
      {
        number: '7',
        title: 'Office 365-lisenser',
        focusAreaId: digital?.id,
        status: 'done',
        lines: [2025, 2026, 2027, 2028].map((year) => ({ kind: 'drift' as const, year, quantity: 120, unitPrice: 500 })),
      },
      { title: 'Uten område og beløp', lines: [] },
      { title: 'Uten område', lines: [{ kind: 'invest', year: 2028, amount: 33333 }] },
    ];
    for (const m of measures) {
      const res = await editor.post(`${base()}/revisions/${rev.id}/measures`, m);
      expect(res.statusCode, res.body).toBe(201);
    }
    return rev.id;
  }

  it('sends the budget lines as columns, whose money per kind and year sums to the full revision totals', async () => {
    const revisionId = await richPlan();
    const [rev, table] = [await full(revisionId), await lean(revisionId)];
    expect(table).toMatchObject({ id: rev.id, number: 1, status: 'draft', adoptedDate: null, decisionRef: null, period: rev.period });
    expect(table.focusAreas).toEqual(rev.focusAreas.map((a) => ({ id: a.id, title: a.title, position: a.position })));
    // Only what the table shows, in the full endpoint's order.
    expect(table.measures.map((m) => m.id)).toEqual(rev.measures.map((m) => m.id));
    for (const m of table.measures) {
      expect(Object.keys(m).sort()).toEqual(['amounts', 'focusAreaId', 'id', 'kinds', 'number', 'quantities', 'status', 'title', 'unitPrices', 'years']);
    }
    expect(table.measures.find((m) => m.title === 'Trådløst nett')).toMatchObject({ quantities: null, unitPrices: null });
    expect(table.measures.find((m) => m.title === 'Uten område og beløp')).toMatchObject({ kinds: null, years: null, amounts: null });
    const money = moneyOf(table);
    expect(money.years).toEqual([2025, 2026, 2027, 2028]);
    const pcs = money.measures.find((m) => m.title === 'Utskifting av PC-er');
    expect(pcs).toMatchObject({ number: '2', status: 'in_progress', invest: [212500 + 40000, 100000, 0, 0], drift: [12000 + 4500, 0, 0, 0] });
    expect(money.measures.find((m) => m.title === 'Uten område og beløp')).toMatchObject({ focusAreaId: null, number: null, invest: [0, 0, 0, 0], drift: [0, 0, 0, 0] });

    // The page's sums (actionPlanMoney, compactPlanTotals) are the API's totals, object for object.
    const sums = JSON.parse(JSON.stringify(compactPlanTotals(money.measures, money.years)));
    expect(sums.perMeasure).toEqual(rev.totals.perMeasure);
    expect(sums.perFocusArea).toEqual(rev.totals.perFocusArea);
    expect(sums.overall).toEqual(rev.totals.overall);
    expect(Object.keys(sums.perFocusArea).sort()).toEqual(['', ...rev.focusAreas.map((a) => a.id)].sort());
    expect(rev.totals.overall.total).toBe(252500 + 100000 + 16500 + 150000 + 15000 + 240000 + 33333);
    expect(economyPlan(money.measures.map((m) => expandCompact(m, money.years)), 2025)).toEqual(economyPlan(rev.measures, 2025));

    // An edit shows in the next read.
    const pc = rev.measures.find((m) => m.title === 'Utskifting av PC-er');
    const edited = await editor.patch(`${base()}/revisions/${revisionId}/measures/${pc?.id}`, {
      version: pc?.version,
      lines: [{ kind: 'invest', year: 2026, quantity: 30, unitPrice: 8500 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = moneyOf(await lean(revisionId));
    expect(after.measures.find((m) => m.id === pc?.id)).toMatchObject({ invest: [0, 255000, 0, 0], drift: [0, 0, 0, 0] });
    expect(JSON.parse(JSON.stringify(compactPlanTotals(after.measures, after.years))).overall).toEqual((await full(revisionId)).totals.overall);
  });

  it('shows the decision of an adopted revision', async () => {
    const rev: Revision = (await editor.post(`${base()}/plans`, { name: 'Vedtatt plan', startYear: 2025, endYear: 2026 })).json().data;
    const adopted = await editor.post(`${base()}/revisions/${rev.id}/adopt`, { version: rev.version, adoptedDate: '2024-12-12', decisionRef: 'K-sak 081/24' });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(await lean(rev.id)).toEqual({
      id: rev.id,
      number: 1,
      status: 'adopted',
      adoptedDate: '2024-12-12',
      decisionRef: 'K-sak 081/24',
      period: { id: rev.periodId, name: 'Vedtatt plan', startYear: 2025, endYear: 2026 },
      periodRevisions: [{ id: rev.id, number: 1, status: 'adopted' }],
      focusAreas: [],
      measures: [],
    });
  });

  it('is 404 for an unknown revision and for another organization’s revision', async () => {
    const revisionId = await richPlan();
    const unknown = await reader.get(`${base()}/revisions/00000000-0000-4000-8000-000000000000/actionplan`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().detail).toContain('Revisjonen');
    // The outsider asks through its own organization, and through the target's.
    const viaOwn = await outsider.get(`${base(other)}/revisions/${revisionId}/actionplan`);
    expect(viaOwn.statusCode).toBe(404);
    expect(viaOwn.headers['content-type']).toContain('application/problem+json');
    expect(viaOwn.body).not.toContain('Utskifting');
    const viaTarget = await outsider.get(`${base()}/revisions/${revisionId}/actionplan`);
    expect(viaTarget.statusCode).toBe(404);
    expect(viaTarget.body).not.toContain('Utskifting');
  });

  it('takes the same number of SQL statements for 5 and 50 measures', async () => {
    const count = async (n: number): Promise<{ lean: number; full: number }> => {
      const revisionId = await withSystem(t.database.db, async (tx) => {
        const { revisionId } = await createPlan(tx, org.id, { name: `Størrelse ${n}`, startYear: 2025, endYear: 2028, vision: null });
        const areas = [await insertFocusArea(tx, org.id, revisionId, { title: 'A' }), await insertFocusArea(tx, org.id, revisionId, { title: 'B' })];
        for (let i = 0; i < n; i++) {
          await insertMeasure(tx, org.id, revisionId, {
            number: String(i + 1),
            title: `Tiltak ${i}`,
            focusAreaId: i % 3 === 2 ? null : (areas[i % 3] ?? null),
            status: 'planned',
            priority: 'medium',
            goalIds: [],
            actuals: [],
            lines: [2025, 2026, 2027, 2028].flatMap((year) => [
              { kind: 'invest' as const, year, amount: 1000 + i },
              { kind: 'drift' as const, year, quantity: 2, unitPrice: 500 + i },
            ]),
          });
        }
        return revisionId;
      });
      queries = [];
      const table = await lean(revisionId);
      const leanCount = queries.length;
      expect(table.measures).toHaveLength(n);
      queries = [];
      expect((await full(revisionId)).measures).toHaveLength(n);
      return { lean: leanCount, full: queries.length };
    };
    const small = await count(5);
    const large = await count(50);
    expect(large.lean).toBe(small.lean);
    expect(large.full).toBe(small.full);
    // What every request costs (session, transaction set-up, role), from a route of known size:
    // the plan list reads periods and their revisions. The table itself is one statement.
    queries = [];
    expect((await reader.get(`${base()}/plans`)).statusCode).toBe(200);
    const framing = queries.length - 2;
    expect(small.lean - framing).toBe(1);
    expect(small.lean).toBeLessThan(small.full);
  });
});
