/**
 * The annual report API: the year's introduction (GET/PUT, optimistic versions, bad input), the
 * revision the report uses (a newer draft over the adopted one; result copied with the revision),
 * the document (PDF with one "Utfaset" per retired system, DOCX) and isolation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'veikart-annual-api-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

interface Measure {
  id: string;
  title: string;
  result: string | null;
  version: number;
}

describe.each(backends)('annual report ($name)', (backend) => {
  let t: TestContext;
  let iks: TestOrg;
  let outsider: TestOrg;
  let editor: Client;
  let reader: Client;
  let stranger: Client;
  let queries = 0;
  const api = (path = '', year: number | string = 2017) => `/api/v1/organizations/${iks.id}/annual-reports/${year}${path}`;

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    iks = await makeOrg(t.database, { kind: 'iks', name: 'Indre Namdal IKT IKS' });
    outsider = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'editor']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'reader']] }));
    stranger = await login(t.app, await makeUser(t.database, { memberships: [[outsider.id, 'editor']] }));

    const systems = Buffer.from('system;innført;status;erstattet av\nEphorte;2008;(Utfaset);Elements\nElements;2017;I drift;\nFronter;2006;utfaset;\nVisma Flyt Skole;2015;Under utfasing;\n');
    const imported = await editor.raw('POST', `/api/v1/organizations/${iks.id}/systems-import?filename=s.csv&dryRun=false`, systems, 'application/octet-stream');
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().data.problems).toEqual([]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the measures of the year from the newest revision: result copied with the revision, written in the draft', async () => {
    const base = `/api/v1/organizations/${iks.id}`;
    let rev = (await editor.post(`${base}/plans`, { name: 'Handlingsplan IKT', startYear: 2016, endYear: 2019 })).json().data;
    rev = (await editor.post(`${base}/revisions/${rev.id}/measures`, { number: '1', title: 'Nytt sak/arkiv', startDate: '2017-01-01', endDate: '2017-12-31', result: 'Elements tatt i bruk' })).json().data;
    rev = (await editor.post(`${base}/revisions/${rev.id}/measures`, { number: '2', title: 'Nye nettsider', startDate: '2019-01-01', endDate: '2019-06-30' })).json().data;
    expect(rev.measures.find((m: Measure) => m.title === 'Nytt sak/arkiv').result).toBe('Elements tatt i bruk');
    const adopted = await editor.post(`${base}/revisions/${rev.id}/adopt`, { version: rev.version, adoptedDate: '2016-12-12', decisionRef: 'RS-sak 12/16' });
    expect(adopted.statusCode, adopted.body).toBe(200);

    let view = (await reader.get(api())).json().data;
    expect(view.revision).toMatchObject({ number: 1, status: 'adopted', planName: 'Handlingsplan IKT' });
    expect(view.measures.map((m: Measure) => [m.title, m.result])).toEqual([['Nytt sak/arkiv', 'Elements tatt i bruk']]);
    // Adopted revisions stay read-only, the result too.
    const blocked = await editor.patch(`${base}/revisions/${rev.id}/measures/${view.measures[0].id}`, { version: view.measures[0].version, result: 'Nei' });
    expect(blocked.statusCode).toBe(409);

    const copy = (await editor.post(`${base}/revisions/${rev.id}/copy`)).json().data;
    view = (await reader.get(api())).json().data;
    expect(view.revision).toMatchObject({ id: copy.id, number: 2, status: 'draft' });
    expect(view.measures[0].result).toBe('Elements tatt i bruk');
    const patched = await editor.patch(`${base}/revisions/${copy.id}/measures/${view.measures[0].id}`, { version: view.measures[0].version, result: 'Elements i drift fra mars; Ephorte faset ut' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await reader.get(api())).json().data.measures[0].result).toBe('Elements i drift fra mars; Ephorte faset ut');

    // The page's read takes a constant number of statements, however many measures the revision has.
    const count = async (): Promise<number> => {
      queries = 0;
      expect((await reader.get(api())).statusCode).toBe(200);
      return queries;
    };
    const before = await count();
    for (let i = 0; i < 5; i++) await editor.post(`${base}/revisions/${copy.id}/measures`, { title: `Ekstra ${i}`, startDate: '2017-02-01', lines: [{ kind: 'drift', year: 2017, amount: 1000 }] });
    expect((await reader.get(api())).json().data.measures).toHaveLength(6);
    expect(await count()).toBe(before);
    expect((await reader.get(api('', 2030))).json().data).toMatchObject({ revision: null, measures: [], version: 0 });
  });

  it('saves the introduction with versions; readers read, bad input is a 400 naming the field', async () => {
    expect((await reader.get(api())).json().data).toMatchObject({ year: 2017, introduction: '', title: null, version: 0 });
    expect((await reader.request('PUT', api(), { introduction: 'Nei', version: 0 })).statusCode).toBe(403);
    const first = await editor.request('PUT', api(), { introduction: 'Året var preget av nytt sak/arkiv.', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ year: 2017, title: null, introduction: 'Året var preget av nytt sak/arkiv.', version: 1 });
    expect((await editor.request('PUT', api(), { introduction: 'Dobbelt', version: 0 })).statusCode).toBe(409);
    const second = await editor.request('PUT', api(), { title: 'Årsmelding og regnskap', introduction: 'Året var preget av nytt sak/arkiv.\n\n- Elements tatt i bruk', version: 1 });
    expect(second.json().data).toMatchObject({ title: 'Årsmelding og regnskap', version: 2 });
    expect((await editor.request('PUT', api(), { introduction: 'Gammel', version: 1 })).statusCode).toBe(409);

    const tooLong = await editor.request('PUT', api(), { introduction: 'x'.repeat(20_001), version: 2 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: 'introduction', message: expect.stringContaining('20000') })]);
    for (const year of ['abc', '1800', '2017.5']) {
      const bad = await reader.get(api('', year));
      expect(bad.statusCode, year).toBe(400);
      expect(bad.json().errors[0].field).toBe('year');
    }
    expect((await reader.get(api())).json().data.version).toBe(2);
  });

  it('delivers the årsmelding as PDF and DOCX: the introduction, the result, one "Utfaset" per retired system', async () => {
    const pdf = await reader.get(api('/document?format=pdf'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="arsmelding-2017-indre-namdal-ikt-iks.pdf"');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Årsmelding og regnskap');
    expect(text).toContain('Året var preget av nytt sak/arkiv.');
    expect(text).toContain('Elements i drift fra mars; Ephorte faset ut');
    expect(text.match(/Utfaset/g)).toHaveLength(2);
    expect(text).toContain('Under utfasing');
    const docx = await reader.get(api('/document?format=docx'));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((await reader.get(api('/document?format=odt'))).statusCode).toBe(400);
  });

  it('shows nothing of another organization', async () => {
    expect((await stranger.get(api())).statusCode).toBe(404);
    expect((await stranger.get(api('/document?format=pdf'))).statusCode).toBe(404);
    const put = await stranger.request('PUT', api(), { introduction: 'Inntrenger', version: 2 });
    expect([403, 404]).toContain(put.statusCode);
    expect((await reader.get(api())).json().data.introduction).not.toContain('Inntrenger');
  });
});
