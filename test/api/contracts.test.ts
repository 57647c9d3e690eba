/** The contract list: alerts from the domain rule, sorting and filtering, links, and one annual cost. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import type { Database } from '../../src/db/database.ts';
import type { ContractListItem } from '../../src/domain/contracts.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, type Client, type TestOrg } from '../support/factories.ts';

const TODAY = '2026-12-06';

describe.each(backends)('contract list ($name)', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let editor: Client;
  const api = (rest: string) => `/api/v1/organizations/${org.id}${rest}`;
  const list = async (query = ''): Promise<{ data: ContractListItem[]; annualCost: number }> => {
    const res = await editor.get(api(`/contracts${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    database = await backend.open();
    app = await buildApp({ database, today: () => TODAY });
    await app.ready();
    org = await makeOrg(database, { kind: 'kommune' });
    editor = await login(app, await makeUser(database, { memberships: [[org.id, 'editor']] }));
    const running = (await editor.post(api('/systems'), { name: 'Fagsystem', lifecycle: 'in_operation' })).json().data;
    const visma = (await editor.post(api('/suppliers'), { name: 'Visma' })).json().data;
    const acos = (await editor.post(api('/suppliers'), { name: 'Acos' })).json().data;
    const add = async (body: Record<string, unknown>) => {
      const res = await editor.post(api('/contracts'), body);
      expect(res.statusCode, res.body).toBe(201);
    };
    await add({ title: 'Fristen gikk ut', type: 'ssa_v', supplierId: visma.id, startDate: '2024-01-01', endDate: '2027-02-19', noticeMonths: 3, yearlyCost: 1_000_000, documentUrl: 'https://arkiv.example.no/avtale/1', caseNumber: '2024/1234' });
    await add({ title: 'Utløpt, systemet går', type: 'ssa_d', supplierId: acos.id, systemId: running.id, startDate: '2020-01-01', endDate: '2026-10-01', yearlyCost: 400_000 });
    await add({ title: 'Databehandleravtale', type: 'dpa', supplierId: acos.id, endDate: '2029-01-01', noticeMonths: 6, yearlyCost: 52_500 });
    await add({ title: 'Ikke startet', type: 'other', startDate: '2027-06-01', yearlyCost: 9_999 });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('carries each contract alert from the domain rule, notice deadline included', async () => {
    const { data } = await list();
    const byTitle = new Map(data.map((c) => [c.title, c]));
    expect(byTitle.get('Fristen gikk ut')).toMatchObject({
      noticeDate: '2026-11-19',
      alert: { kind: 'notice_passed', date: '2026-11-19', daysLeft: -17 },
      documentUrl: 'https://arkiv.example.no/avtale/1',
      caseNumber: '2024/1234',
    });
    expect(byTitle.get('Utløpt, systemet går')?.alert).toEqual({ kind: 'expired', date: '2026-10-01', daysLeft: -66 });
    expect(byTitle.get('Databehandleravtale')?.alert).toBeNull();
  });

  it('the system page gets the same alerts and the annual cost of the system’s running contracts from the API', async () => {
    const system = (await list()).data.find((c) => c.title === 'Utløpt, systemet går')!;
    await editor.post(api('/contracts'), { title: 'Løpende drift', type: 'ssa_d', systemId: system.systemId, startDate: '2026-01-01', endDate: '2027-01-20', yearlyCost: 75_000 });
    const detail = (await editor.get(api(`/systems/${system.systemId}`))).json().data;
    const byTitle = new Map((detail.contracts as ContractListItem[]).map((c) => [c.title, c]));
    expect(byTitle.get('Utløpt, systemet går')?.alert).toEqual({ kind: 'expired', date: '2026-10-01', daysLeft: -66 });
    expect(byTitle.get('Løpende drift')?.alert).toEqual({ kind: 'ends', date: '2027-01-20', daysLeft: 45 });
    expect(detail.yearlyContractCost).toBe(75_000); // the expired one does not run today
    const removed = byTitle.get('Løpende drift')!;
    expect((await editor.request('DELETE', api(`/contracts/${removed.id}?version=${removed.version}`))).statusCode).toBe(204);
  });

  it('sorts and filters by type, supplier, end date and notice deadline', async () => {
    expect((await list('?sort=noticeDate')).data.map((c) => c.title)).toEqual(['Fristen gikk ut', 'Databehandleravtale', 'Ikke startet', 'Utløpt, systemet går']);
    expect((await list('?sort=endDate&dir=desc')).data.map((c) => c.title)).toEqual(['Databehandleravtale', 'Fristen gikk ut', 'Utløpt, systemet går', 'Ikke startet']);
    expect((await list('?type=dpa')).data.map((c) => c.title)).toEqual(['Databehandleravtale']);
    const acos = (await list('?sort=supplier')).data.filter((c) => c.supplierName === 'Acos');
    expect((await list(`?supplierId=${acos[0]?.supplierId}&sort=title`)).data.map((c) => c.title)).toEqual(['Databehandleravtale', 'Utløpt, systemet går']);
    expect((await list('?endFrom=2027-01-01&endTo=2027-12-31')).data.map((c) => c.title)).toEqual(['Fristen gikk ut']);
    expect((await list('?noticeFrom=2028-01-01')).data.map((c) => c.title)).toEqual(['Databehandleravtale']);
    const bad = await editor.get(api('/contracts?sort=price&endFrom=19.11.2026'));
    expect(bad.statusCode).toBe(400);
  });

  it('the contracts page and the overview show the same annual contract cost', async () => {
    const { annualCost } = await list('?type=dpa'); // a filter does not change the figure
    const overview = (await editor.get(api('/portfolio'))).json().data;
    expect(annualCost).toBe(1_052_500); // running today: 1 000 000 + 52 500
    expect(overview.yearlyContractCost).toBe(annualCost);
  });

  it('accepts only http and https document links, with a Norwegian message', async () => {
    for (const documentUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'arkiv/avtale']) {
      const res = await editor.post(api('/contracts'), { title: 'Lenke', type: 'other', documentUrl });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'documentUrl', message: expect.stringContaining('http') })]);
    }
  });
});
