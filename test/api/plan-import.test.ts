import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const fixture = readFileSync(new URL('../fixtures/actionplan/handlingsplan-semikolon.csv', import.meta.url));

describe.each(backends)('action-plan import and export ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '1811' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews a spreadsheet, reporting each wrong printed total exactly once, and writes nothing', async () => {
    const res = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=plan.csv&dryRun=true`, fixture, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ dryRun: true, measures: 4, years: [2020, 2021, 2022, 2023], revisionId: null });
    expect(data.discrepancies).toEqual([
      { row: '2 Utskifting av PC-er', column: '2022', type: 'invest', kind: 'unit_price', printed: 200000, computed: 212500 },
      { row: 'Office 365-lisenser', column: 'totalt', type: 'drift', kind: 'row_total', printed: 250000, computed: 240000 },
      { row: 'SUM invest', column: '2020', type: 'invest', kind: 'column_sum', printed: 1256000, computed: 1265000 },
      { row: 'SUM invest', column: 'totalt', type: 'invest', kind: 'column_sum', printed: 2061000, computed: 2070000 },
    ]);
    expect((await editor.get(`/api/v1/organizations/${org.id}/plans`)).json().data).toEqual([]);
  });

  it('refuses an unreadable file with row and column, and writes nothing', async () => {
    const bad = Buffer.from('Tiltak;Type;2020\nNoe;invest;12,5x\nAnnet;leie;100\n');
    const res = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=feil.csv&dryRun=false`, bad, 'application/octet-stream');
    expect(res.statusCode).toBe(400);
    const messages = (res.json().errors as Array<{ field: string; message: string }>).map((e) => e.message);
    expect(messages).toContain('Rad 2, kolonne «2020»: «12,5x» er ikke et beløp.');
    expect(messages.some((m) => m.startsWith('Rad 3, kolonne «type»'))).toBe(true);
    const empty = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=tom.csv&dryRun=false`, Buffer.alloc(0), 'application/octet-stream');
    expect(empty.statusCode).toBe(400);
    expect((await editor.get(`/api/v1/organizations/${org.id}/plans`)).json().data).toEqual([]);
  });

  it('imports into a new plan whose computed totals match, and exports it back losslessly in every format', async () => {
    const res = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=plan.csv&dryRun=false`, fixture, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    const imported = res.json().data;
    const rev = (await editor.get(`/api/v1/organizations/${org.id}/revisions/${imported.revisionId}`)).json().data;
    expect(rev.period).toMatchObject({ name: 'Handlingsplan 2020–2023', startYear: 2020, endYear: 2023 });
    expect(rev.measures).toHaveLength(4);
    expect(rev.focusAreas.map((a: { title: string }) => a.title).sort()).toEqual(['Digitalisering', 'Infrastruktur']);
    for (const y of [2020, 2021, 2022, 2023]) {
      expect(rev.totals.overall.byYear.invest[y]).toBe(imported.totals.invest[String(y)]);
      expect(rev.totals.overall.byYear.drift[y]).toBe(imported.totals.drift[String(y)]);
    }
    const pcs = rev.measures.find((m: { title: string }) => m.title === 'Utskifting av PC-er');
    expect(pcs.lines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'invest', year: 2020, quantity: 25, unitPrice: 8500, amount: null })]));

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const exp = await editor.get(`/api/v1/organizations/${org.id}/revisions/${rev.id}/export?format=${format}`);
      expect(exp.statusCode).toBe(200);
      expect(exp.headers['content-disposition']).toContain(`handlingsplan-2020-2023-rev1.${format}`);
      const again = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=eksport.${format}&dryRun=false`, exp.rawPayload, 'application/octet-stream');
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().data.discrepancies).toEqual([]);
      expect(again.json().data.revisionId).toBe(rev.id);
      const after = (await editor.get(`/api/v1/organizations/${org.id}/revisions/${rev.id}`)).json().data;
      expect(after.measures).toHaveLength(4);
      expect(after.totals).toEqual(rev.totals);
    }
  });

  it('an import into a plan whose latest revision is adopted makes a new draft revision', async () => {
    const plans = (await editor.get(`/api/v1/organizations/${org.id}/plans`)).json().data;
    const r1 = plans[0].revisions[0];
    expect((await editor.post(`/api/v1/organizations/${org.id}/revisions/${r1.id}/adopt`, { version: r1.version, adoptedDate: '2020-01-15', decisionRef: 'K-sak 002/20' })).statusCode).toBe(200);
    const res = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=plan.csv&dryRun=false`, fixture, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.revisionId).not.toBe(r1.id);
    const blocked = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?filename=plan.csv&dryRun=false&revisionId=${r1.id}`, fixture, 'application/octet-stream');
    expect(blocked.statusCode).toBe(409);
    const after = (await editor.get(`/api/v1/organizations/${org.id}/plans`)).json().data;
    expect(after[0].revisions.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, 'adopted'],
      [2, 'draft'],
    ]);
  });
});
