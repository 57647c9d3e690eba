/**
 * Input that PostgreSQL or the money arithmetic cannot hold (issue 13): NUL in text, dates outside
 * 1900–2200, versions beyond int4, sums beyond the money limit. Each gets a 4xx with a Norwegian
 * message naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { queryRows } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';
import { deflatedSheet, zipOf } from '../support/zip-bomb.ts';

async function auditCount(t: TestContext): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.database.db, sql`select count(*) as n from audit_log`);
  return Number(row?.n);
}

function expectProblem(res: LightMyRequestResponse, status: number, errors?: Array<{ field: string; message: string }>): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (errors) expect(res.json().errors).toEqual(expect.arrayContaining(errors));
}

describe.each(backends)('bad input is refused, not a crash ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    base = `/api/v1/organizations/${org.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses NUL in any text field with the field named', async () => {
    const before = await auditCount(t);
    expectProblem(await admin.post(`${base}/sites`, { name: 'Rådhuset\u0000' }), 400, [{ field: 'name', message: 'Navn inneholder et ugyldig tegn (NUL)' }]);
    expectProblem(await admin.post(`${base}/sites`, { name: 'Rådhuset', note: 'a\u0000b' }), 400, [{ field: 'note', message: 'Merknad inneholder et ugyldig tegn (NUL)' }]);
    expectProblem(await admin.post(`${base}/systems`, { name: 'Acos', database: '\u0000' }), 400, [{ field: 'database', message: 'Database inneholder et ugyldig tegn (NUL)' }]);
    expectProblem(await admin.post(`${base}/persons`, { name: 'Kari', email: 'kari\u0000@ringebu.kommune.no' }), 400, [
      { field: 'email', message: 'E-post inneholder et ugyldig tegn (NUL)' },
    ]);
    expectProblem(await admin.post(`${base}/cooperations`, { name: 'Samarbeid', description: '\u0000', costKey: 'like', memberIds: [] }), 400, [
      { field: 'description', message: 'Beskrivelse inneholder et ugyldig tegn (NUL)' },
    ]);
    expect(await auditCount(t)).toBe(before);
  });

  it('refuses NUL in the login username with 400, not 500', async () => {
    const res = await anonymous(t.app).post('/api/v1/auth/login', { username: 'ringebu\u0000leder', password: 'noe-passord-123' });
    expectProblem(res, 400, [{ field: 'username', message: 'Brukernavn inneholder et ugyldig tegn (NUL)' }]);
  });

  it('refuses dates outside 01.01.1900–31.12.2200, such as year 0000', async () => {
    const before = await auditCount(t);
    expectProblem(await admin.post(`${base}/contracts`, { type: 'ssa_d', title: 'Driftsavtale', startDate: '0000-01-01' }), 400, [
      { field: 'startDate', message: 'Startdato må være mellom 01.01.1900 og 31.12.2200' },
    ]);
    expectProblem(await admin.post(`${base}/systems`, { name: 'Visma', plannedEnd: '2201-01-01' }), 400, [
      { field: 'plannedEnd', message: 'Planlagt avviklet må være mellom 01.01.1900 og 31.12.2200' },
    ]);
    expect(await auditCount(t)).toBe(before);
    // The edges are allowed.
    const ok = await admin.post(`${base}/contracts`, { type: 'ssa_d', title: 'Kantene', startDate: '1900-01-01', endDate: '2200-12-31' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a version of 2^31 or more in PATCH, DELETE ?version= and review', async () => {
    const site = (await admin.post(`${base}/sites`, { name: 'Versjonstest' })).json().data;
    const system = (await admin.post(`${base}/systems`, { name: 'Versjonssystem' })).json().data;
    const before = await auditCount(t);
    const message = { field: 'version', message: 'Versjon kan være høyst 2 147 483 647' };
    expectProblem(await admin.patch(`${base}/sites/${site.id}`, { version: 2 ** 31, name: 'Nytt' }), 400, [message]);
    expectProblem(await admin.del(`${base}/sites/${site.id}?version=2147483648`), 400, [message]);
    expectProblem(await admin.del(`${base}/systems/${system.id}?version=99999999999999999999`), 400);
    expectProblem(await admin.post(`${base}/systems/${system.id}/review`, { version: 2 ** 31 }), 400, [message]);
    expect(await auditCount(t)).toBe(before);
    // The largest int4 is a stale version, not a crash.
    expect((await admin.patch(`${base}/sites/${site.id}`, { version: 2 ** 31 - 1, name: 'Nytt' })).statusCode).toBe(409);
  });

  it('refuses a quantity × unit price and sums beyond 100 000 000 000 kr, naming the line', async () => {
    const rev = (await admin.post(`${base}/plans`, { name: 'IKT-plan', startYear: 2026, endYear: 2029 })).json().data;
    const measures = `${base}/revisions/${rev.id}/measures`;
    const before = await auditCount(t);
    // Each field within its limit (quantity ≤ 1 000 000, unit price ≤ 10^11); the product is 10^17 (beyond 2^53).
    expectProblem(
      await admin.post(measures, { number: '3', title: 'PC-er', lines: [{ kind: 'invest', year: 2027, quantity: 1_000_000, unitPrice: 100_000_000_000 }] }),
      400,
      [{ field: 'lines.0.unitPrice', message: 'Investering 2027 for tiltak 3 blir for stor (over 100 000 000 000 kr).' }],
    );
    expectProblem(
      await admin.post(measures, {
        number: '4',
        title: 'Drift',
        lines: [
          { kind: 'drift', year: 2028, amount: 60_000_000_000 },
          { kind: 'drift', year: 2028, amount: 60_000_000_000 },
        ],
      }),
      400,
      [{ field: 'lines.1.amount', message: 'Drift 2028 for tiltak 4 blir for stor (over 100 000 000 000 kr).' }],
    );
    expect(await auditCount(t)).toBe(before);
    // The revision total: a second measure that takes it past the limit is refused and rolled back.
    const first = await admin.post(measures, { number: '1', title: 'Stort', lines: [{ kind: 'invest', year: 2026, amount: 60_000_000_000 }] });
    expect(first.statusCode, first.body).toBe(201);
    const afterFirst = await auditCount(t);
    expectProblem(await admin.post(measures, { number: '2', title: 'Også stort', lines: [{ kind: 'invest', year: 2026, amount: 60_000_000_000 }] }), 400, [
      { field: 'lines', message: 'Summen av tiltakene i revisjonen blir for stor (over 100 000 000 000 kr).' },
    ]);
    expect(await auditCount(t)).toBe(afterFirst);
    const revision = (await admin.get(`${base}/revisions/${rev.id}`)).json().data;
    expect(revision.measures).toHaveLength(1);
    expect(revision.totals.overall.total).toBe(60_000_000_000);
  });

  it('reports the cell of an import that holds NUL, and does not crash', async () => {
    const csv = Buffer.from('tiltak;type;2026\nNytt\u0000system;invest;1000\n', 'utf8');
    const plan = await admin.raw('POST', `${base}/actionplan-import?filename=plan.csv&dryRun=false`, csv, 'application/octet-stream');
    expectProblem(plan, 400, [{ field: 'file', message: 'Rad 2, kolonne «tiltak»: teksten inneholder et ugyldig tegn (NUL).' }]);
    const systems = Buffer.from('system;database\nNUL-system;Oracle\u0000\nNUL\u0000navn;Oracle\n', 'utf8');
    const res = await admin.raw('POST', `${base}/systems-import?filename=systemer.csv&dryRun=false`, systems, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.problems).toEqual([
      { row: 2, column: 'database', message: 'Rad 2, kolonne «database»: teksten inneholder et ugyldig tegn (NUL); feltet er ikke importert.' },
      { row: 3, column: 'system', message: 'Rad 3, kolonne «system»: navnet inneholder et ugyldig tegn (NUL); raden er hoppet over.' },
    ]);
    expect(res.json().data.created).toBe(1);
  });

  it('refuses an import whose amounts would take the revision past the money limit', async () => {
    const csv = Buffer.from('prosjektnr;tiltak;type;enhetspris;2026;antall 2026\n1;PC-er;invest;10000000000;;100\n', 'utf8');
    const res = await admin.raw('POST', `${base}/actionplan-import?filename=plan.csv&dryRun=true`, csv, 'application/octet-stream');
    expectProblem(res, 400, [{ field: 'file', message: 'Rad 2, kolonne «antall 2026»: beløpet er for stort.' }]);
  });
});

describe.each(backends)('spreadsheet uploads beyond the limits get 413 ($name)', (backend) => {
  let t: TestContext;
  let admin: Client;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    const org = await makeOrg(t.database);
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    base = `/api/v1/organizations/${org.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers an XLSX bomb and a CSV of too many rows with 413 problem+json in Norwegian, and writes nothing', async () => {
    const before = await auditCount(t);
    const bomb = zipOf([await deflatedSheet(2_000_000)]);
    for (const route of ['actionplan-import', 'systems-import']) {
      const res = await admin.raw('POST', `${base}/${route}?filename=bombe.xlsx&dryRun=false`, bomb, 'application/octet-stream');
      expectProblem(res, 413, [{ field: 'file', message: expect.stringContaining('blir for stor når den pakkes ut') as unknown as string }]);
      expect(res.json()).toMatchObject({ status: 413, title: 'For stor fil' });
    }
    const csv = Buffer.from('system;brukere\n' + 'A;1\n'.repeat(50_001));
    const res = await admin.raw('POST', `${base}/systems-import?filename=mange.csv&dryRun=false`, csv, 'application/octet-stream');
    expectProblem(res, 413);
    expect(res.json().detail).toBe('Regnearket «mange.csv» har mer enn 50\u00a0000 rader. Del det opp, eller slett tomme rader nederst, og prøv igjen.');
    expect(await auditCount(t)).toBe(before);
  });
});
