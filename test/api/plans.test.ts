import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withSystem } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

interface Rev {
  id: string;
  number: number;
  version: number;
  status: string;
  focusAreas: Array<{ id: string; title: string; version: number }>;
  goals: Array<{ id: string; nationalGoalIds: string[] }>;
  measures: Array<{ id: string; title: string; version: number; lines: unknown[]; goalIds: string[] }>;
  totals: {
    years: number[];
    perMeasure: Record<string, { total: number; byKind: { invest: number; drift: number } }>;
    perFocusArea: Record<string, { total: number; perYear: Record<string, number> }>;
    overall: { total: number; byKind: { invest: number; drift: number }; byYear: { invest: Record<string, number>; drift: Record<string, number> }; perYear: Record<string, number> };
  };
}

describe.each(backends)('strategy and action plan ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let editor: Client;
  let reader: Client;
  let queries = 0;
  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const base = () => `/api/v1/organizations/${org.id}`;

  async function newPlan(name = 'IKT-strategi 2025–2028'): Promise<Rev> {
    const res = await editor.post(`${base()}/plans`, { name, startYear: 2025, endYear: 2028, vision: 'IKT gir oss muligheter til å lykkes' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data;
  }

  it('builds a plan whose totals always equal the sum of its lines', async () => {
    let rev = await newPlan();
    expect(rev).toMatchObject({ number: 1, status: 'draft' });
    expect(rev.totals.years).toEqual([2025, 2026, 2027, 2028]);
    rev = (await editor.post(`${base()}/revisions/${rev.id}/focus-areas`, { title: 'Infrastruktur', description: 'Stabil drift' })).json().data;
    rev = (await editor.post(`${base()}/revisions/${rev.id}/focus-areas`, { title: 'Digitale tjenester' })).json().data;
    const [infra, digital] = rev.focusAreas;
    const catalogue = (await editor.get(`${base()}/national-goals`)).json().data as Array<{ id: string; code: string; framework: string }>;
    expect(catalogue.filter((c) => c.framework.startsWith('KS'))).toHaveLength(9);
    expect(catalogue.filter((c) => c.framework.startsWith('Digital agenda'))).toHaveLength(5);
    const ks5 = catalogue.find((c) => c.code === 'KS-5');
    rev = (await editor.post(`${base()}/revisions/${rev.id}/goals`, { focusAreaId: infra?.id, text: 'Sikker og stabil drift', nationalGoalIds: [ks5?.id] })).json().data;
    expect(rev.goals[0]?.nationalGoalIds).toEqual([ks5?.id]);
    const goalId = rev.goals[0]?.id;

    const pcs = await editor.post(`${base()}/revisions/${rev.id}/measures`, {
      number: '2',
      title: 'Utskifting av PC-er',
      focusAreaId: infra?.id,
      goalIds: [goalId],
      responsible: 'IKT-leder',
      status: 'in_progress',
      priority: 'high',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      lines: [
        { kind: 'invest', year: 2025, quantity: 25, unitPrice: 8500 },
        { kind: 'invest', year: 2026, amount: 100000 },
        { kind: 'drift', year: 2025, amount: 12000 },
      ],
    });
    expect(pcs.statusCode, pcs.body).toBe(201);
    rev = pcs.json().data;
    rev = (await editor.post(`${base()}/revisions/${rev.id}/measures`, {
      number: '7',
      title: 'Office 365-lisenser',
      focusAreaId: digital?.id,
      lines: [
        { kind: 'drift', year: 2025, amount: 60000 },
        { kind: 'drift', year: 2026, amount: 60000 },
      ],
    })).json().data;
    const pc = rev.measures.find((m) => m.title === 'Utskifting av PC-er');
    expect(rev.totals.perMeasure[pc?.id ?? '']).toMatchObject({ total: 212500 + 100000 + 12000, byKind: { invest: 312500, drift: 12000 } });
    expect(rev.totals.overall).toMatchObject({ total: 444500, byKind: { invest: 312500, drift: 132000 } });
    expect(rev.totals.overall.byYear.invest['2025']).toBe(212500);
    expect(rev.totals.overall.perYear['2025']).toBe(212500 + 12000 + 60000);
    expect(rev.totals.overall.perYear['2028']).toBe(0);
    expect(rev.totals.perFocusArea[digital?.id ?? '']?.total).toBe(120000);

    // Edit an amount: the totals follow, and a stale version is refused.
    const edited = await editor.patch(`${base()}/revisions/${rev.id}/measures/${pc?.id}`, {
      version: pc?.version,
      lines: [
        { kind: 'invest', year: 2025, quantity: 30, unitPrice: 8500 },
        { kind: 'drift', year: 2025, amount: 12000 },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    rev = edited.json().data;
    expect(rev.totals.overall.total).toBe(255000 + 12000 + 120000);
    expect((await editor.patch(`${base()}/revisions/${rev.id}/measures/${pc?.id}`, { version: pc?.version, title: 'Gammel' })).statusCode).toBe(409);
  });

  it('refuses bad budget lines with Norwegian field messages and writes nothing', async () => {
    const rev = await newPlan('Feilplan');
    const res = await editor.post(`${base()}/revisions/${rev.id}/measures`, {
      title: 'Feil',
      lines: [
        { kind: 'invest', year: 2031, amount: 100 },
        { kind: 'drift', year: 2025, amount: 1.5 },
        { kind: 'drift', year: 2025, quantity: 3 },
        { kind: 'leie', year: 2025, amount: 5 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as Array<{ field: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'lines.1.amount', message: 'Beløp for drift 2025 må være et heltall' },
        { field: 'lines.2.unitPrice', message: 'Enhetspris for drift 2025 må fylles ut når antall eller enhetspris er gitt' },
        { field: 'lines.3.kind', message: 'Type (rad 4) må være invest eller drift' },
      ]),
    );
    const outside = await editor.post(`${base()}/revisions/${rev.id}/measures`, { title: 'Utenfor', lines: [{ kind: 'invest', year: 2031, amount: 100 }] });
    expect(outside.json().errors).toEqual([{ field: 'lines.0.year', message: 'År (linje 1) må være innenfor planperioden 2025–2028.' }]);
    expect((await editor.get(`${base()}/revisions/${rev.id}`)).json().data.measures).toEqual([]);
    expect((await reader.post(`${base()}/revisions/${rev.id}/measures`, { title: 'Leser' })).statusCode).toBe(403);
  });

  it('makes a new revision, compares it, and adopts it read-only', async () => {
    let r1 = await newPlan('Revisjonsplan');
    r1 = (await editor.post(`${base()}/revisions/${r1.id}/focus-areas`, { title: 'Infrastruktur' })).json().data;
    const fa = r1.focusAreas[0]?.id;
    r1 = (await editor.post(`${base()}/revisions/${r1.id}/measures`, { title: 'Trådløst nett', focusAreaId: fa, lines: [{ kind: 'invest', year: 2025, amount: 150000 }] })).json().data;
    r1 = (await editor.post(`${base()}/revisions/${r1.id}/measures`, { title: 'Ny telefoni', lines: [{ kind: 'drift', year: 2026, amount: 40000 }] })).json().data;
    const adopt1 = await editor.post(`${base()}/revisions/${r1.id}/adopt`, { version: r1.version, adoptedDate: '2024-12-12', decisionRef: 'K-sak 081/24' });
    expect(adopt1.statusCode, adopt1.body).toBe(200);
    expect(adopt1.json().data).toMatchObject({ status: 'adopted', adoptedDate: '2024-12-12', decisionRef: 'K-sak 081/24' });

    // Adopted: read-only through the API, and the database refuses it too.
    const blocked = await editor.post(`${base()}/revisions/${r1.id}/measures`, { title: 'For sent' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain('vedtatt');
    const wifi = r1.measures.find((m) => m.title === 'Trådløst nett');
    await expect(withSystem(t.database.db, (tx) => tx.execute(sql`update measures set title = 'Juks' where id = ${wifi?.id}`))).rejects.toThrow();

    const copy = await editor.post(`${base()}/revisions/${r1.id}/copy`);
    expect(copy.statusCode, copy.body).toBe(201);
    let r2: Rev = copy.json().data;
    expect(r2).toMatchObject({ number: 2, status: 'draft' });
    expect(r2.totals.overall.total).toBe(r1.totals.overall.total);
    const wifi2 = r2.measures.find((m) => m.title === 'Trådløst nett');
    const phone2 = r2.measures.find((m) => m.title === 'Ny telefoni');
    r2 = (await editor.patch(`${base()}/revisions/${r2.id}/measures/${wifi2?.id}`, {
      version: wifi2?.version,
      status: 'done',
      lines: [{ kind: 'invest', year: 2025, amount: 175000 }],
    })).json().data;
    r2 = (await editor.del(`${base()}/revisions/${r2.id}/measures/${phone2?.id}?version=1`)).json().data;
    r2 = (await editor.post(`${base()}/revisions/${r2.id}/measures`, { title: 'Skylagring', lines: [{ kind: 'drift', year: 2027, amount: 30000 }] })).json().data;

    const cmp = (await reader.get(`${base()}/revisions/${r2.id}/compare?with=${r1.id}`)).json().data;
    expect(cmp.added).toEqual([expect.objectContaining({ title: 'Skylagring', total: 30000 })]);
    expect(cmp.removed).toEqual([expect.objectContaining({ title: 'Ny telefoni', total: 40000 })]);
    expect(cmp.changed).toEqual([
      expect.objectContaining({
        title: 'Trådløst nett',
        fields: [{ field: 'status', before: 'planned', after: 'done' }],
        amounts: [{ kind: 'invest', year: 2025, before: 150000, after: 175000, delta: 25000 }],
      }),
    ]);
    // The old revision is unchanged and readable.
    const again = (await reader.get(`${base()}/revisions/${r1.id}`)).json().data as Rev;
    expect(again.measures.map((m) => m.title).sort()).toEqual(['Ny telefoni', 'Trådløst nett']);
    expect(again.totals.overall.total).toBe(190000);
    const plans = (await reader.get(`${base()}/plans`)).json().data;
    expect(plans.find((p: { name: string }) => p.name === 'Revisjonsplan').revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
  });

  it('loads a revision with the same number of SQL queries whatever its size', async () => {
    const count = async (measures: number): Promise<{ full: number; table: number }> => {
      let rev = await newPlan(`Størrelse ${measures}`);
      rev = (await editor.post(`${base()}/revisions/${rev.id}/focus-areas`, { title: 'Område' })).json().data;
      for (let i = 0; i < measures; i++) {
        rev = (await editor.post(`${base()}/revisions/${rev.id}/measures`, {
          title: `Tiltak ${i}`,
          focusAreaId: rev.focusAreas[0]?.id,
          lines: [
            { kind: 'invest', year: 2025, amount: 1000 + i },
            { kind: 'drift', year: 2026, quantity: 2, unitPrice: 500 },
          ],
        })).json().data;
      }
      queries = 0;
      const res = await reader.get(`${base()}/revisions/${rev.id}`);
      expect(res.json().data.measures).toHaveLength(measures);
      const full = queries;
      // The handlingsplan table's lean endpoint too.
      queries = 0;
      const table = await reader.get(`${base()}/revisions/${rev.id}/actionplan`);
      expect(table.json().data.measures).toHaveLength(measures);
      return { full, table: queries };
    };
    const small = await count(2);
    const large = await count(25);
    expect(large).toEqual(small);
    expect(small.full).toBeLessThanOrEqual(12);
    expect(small.table).toBeLessThan(small.full);
  });
});
