/**
 * Utstyr (issue 17): classes, groups, import/export, forecast, and «Legg i handlingsplanen».
 * One database per backend for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSET_CLASSES } from '../../src/domain/asset.ts';
import { readTable } from '../../src/reports/spreadsheet.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

interface Cls {
  id: string;
  name: string;
  lifetime: number | null;
  unitPrice: number | null;
  quantity: number;
  version: number;
}

const REGISTER = [
  'klasse;beskrivelse;antall;innkjøpsår;levetid;enhetspris;lokasjon;system',
  'PC;Rådhuset, saksbehandlere;25;2022;;;Rådhuset;',
  'PC;Skolen;10;2020;;;;',
  'Switch;Kjernesvitsj;2;2019;8;45 000;Rådhuset;',
  'Server;Vertsmaskiner;3;2021;5;120000;;Fagsystem A',
].join('\n');

describe.each(backends)('equipment register ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let reader: Client;
  let otherEditor: Client;
  let queries = 0;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
  const upload = (body: string, dryRun = false, filename = 'utstyr.csv', who = editor, o = org) =>
    who.raw('POST', api(o, `/assets-import?filename=${filename}&dryRun=${dryRun}`), Buffer.from(body), 'application/octet-stream');
  const classes = async (): Promise<Cls[]> => (await editor.get(api(org, '/asset-classes'))).json().data;
  const revision = async (id: string) => (await editor.get(api(org, `/revisions/${id}`))).json().data;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: '2026-03-01', onQuery: () => queries++ });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '1874', name: 'Moskenes kommune' });
    other = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '1875', name: 'Flakstad kommune' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    otherEditor = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'editor']] }));
    const site = await editor.post(api(org, '/sites'), { name: 'Rådhuset' });
    expect(site.statusCode, site.body).toBe(201);
    const system = await editor.post(api(org, '/systems'), { name: 'Fagsystem A' });
    expect(system.statusCode, system.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives a new organization the default classes (as the domain lists them)', async () => {
    const list = await classes();
    const rows = (l: ReadonlyArray<{ name: string; lifetime: number | null; unitPrice: number | null }>) => l.map((c) => [c.name, c.lifetime, c.unitPrice]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows(list)).toEqual(rows(DEFAULT_ASSET_CLASSES));
  });

  it('creates, changes and deletes a group and a class; refuses bad input with a field message', async () => {
    const pc = (await classes()).find((c) => c.name === 'PC')!;
    const created = await editor.post(api(org, '/assets'), { classId: pc.id, quantity: 4, purchaseYear: 2024, description: 'Lånemaskiner' });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json().data;
    expect(g).toMatchObject({ className: 'PC', quantity: 4, lifetime: null, unitPrice: null });

    const bad = await editor.post(api(org, '/assets'), { classId: pc.id, quantity: 0, purchaseYear: 3000, unitPrice: -1 });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['purchaseYear', 'quantity', 'unitPrice']);
    expect(bad.json().detail).toMatch(/kan ikke være etter i år \(2026\)/);

    const nettbrett = (await classes()).find((c) => c.name === 'Nettbrett')!;
    const noLifetime = await editor.post(api(org, '/assets'), { classId: nettbrett.id, quantity: 3, purchaseYear: 2024, unitPrice: 4000 });
    expect(noLifetime.statusCode).toBe(400);
    expect(noLifetime.json().errors).toEqual([{ field: 'lifetime', message: 'Levetid mangler; klassen har ingen standard levetid' }]);

    const patched = await editor.patch(api(org, `/assets/${g.id}`), { version: g.version, quantity: 5 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await editor.patch(api(org, `/assets/${g.id}`), { version: g.version, quantity: 6 })).statusCode).toBe(409);
    expect((await reader.patch(api(org, `/assets/${g.id}`), { version: 2, quantity: 6 })).statusCode).toBe(403);

    const inUse = await editor.del(api(org, `/asset-classes/${pc.id}?version=${pc.version}`));
    expect(inUse.statusCode, inUse.body).toBe(409);
    expect(inUse.json().detail).toMatch(/har 5 enheter/);
    expect((await editor.del(api(org, `/assets/${g.id}?version=2`))).statusCode).toBe(204);

    const cls = await editor.post(api(org, '/asset-classes'), { name: 'Smartboard', lifetime: 7, unitPrice: 30000 });
    expect(cls.statusCode, cls.body).toBe(201);
    expect((await editor.post(api(org, '/asset-classes'), { name: 'smartboard' })).statusCode).toBe(409);
    const changed = await editor.patch(api(org, `/asset-classes/${cls.json().data.id}`), { version: 1, unitPrice: 32000 });
    expect(changed.json().data).toMatchObject({ unitPrice: 32000, version: 2 });
    expect((await editor.del(api(org, `/asset-classes/${cls.json().data.id}?version=2`))).statusCode).toBe(204);
  });

  it('refuses a file with bad rows, naming row and column, and saves nothing', async () => {
    const bad = [
      'klasse;antall;innkjøpsår;levetid;enhetspris;lokasjon',
      'PC;0;2022;;;',
      'PC;-3;2022;;;',
      'Skriver;2;3000;5;3000;',
      'Switch;2;2020;8;-45000;',
      'Smartklokke;5;2024;;1000;',
      'PC;1;2022;;;Månebasen',
      'PC;tre;2022;;;',
    ].join('\n');
    const res = await upload(bad);
    expect(res.statusCode, res.body).toBe(400);
    const messages: string[] = res.json().errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual([
      'Rad 2, kolonne «antall»: må være minst 1 (fikk 0).',
      'Rad 3, kolonne «antall»: må være minst 1 (fikk -3).',
      'Rad 4, kolonne «innkjøpsår»: 3000 er i fremtiden (i år er 2026).',
      'Rad 5, kolonne «enhetspris»: kan ikke være negativ (fikk -45000).',
      'Rad 6, kolonne «levetid»: klassen «Smartklokke» er ny og har ingen standard levetid; oppgi levetid.',
      'Rad 7, kolonne «lokasjon»: lokasjonen «Månebasen» finnes ikke (legg den inn under Lokasjoner først).',
      'Rad 8, kolonne «antall»: «tre» er ikke et helt tall.',
    ]);
    expect((await editor.get(api(org, '/assets'))).json().data).toEqual([]);
    expect((await classes()).some((c) => c.name === 'Smartklokke')).toBe(false);
    const unreadable = await editor.raw('POST', api(org, '/assets-import?filename=x.xlsx&dryRun=false'), Buffer.from('not a zip'), 'application/octet-stream');
    expect(unreadable.statusCode).toBe(400);
  });

  it('imports a register, reports its counts, and the export reads back the same', async () => {
    const dry = await upload(REGISTER, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().data).toMatchObject({ dryRun: true, saved: false, rows: 4, classes: 3, quantity: 40, problems: [] });
    const res = await upload(REGISTER);
    expect(res.json().data).toMatchObject({ saved: true, rows: 4, classes: 3, quantity: 40 });
    const groups = (await editor.get(api(org, '/assets'))).json().data;
    expect(groups).toHaveLength(4);
    expect(groups.find((g: { className: string }) => g.className === 'Server')).toMatchObject({ quantity: 3, lifetime: 5, unitPrice: 120000, systemName: 'Fagsystem A' });

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const exported = await editor.get(api(org, `/assets-export?format=${format}`));
      expect(exported.statusCode).toBe(200);
      if (format !== 'json') {
        const rows = await readTable(exported.rawPayload, `x.${format}`);
        expect(rows[0]).toEqual(['klasse', 'beskrivelse', 'antall', 'innkjøpsår', 'levetid', 'enhetspris', 'lokasjon', 'system']);
      }
      const roundTrip = await editor.raw('POST', api(org, `/assets-import?filename=utstyr.${format}&dryRun=false`), exported.rawPayload, 'application/octet-stream');
      expect(roundTrip.statusCode, roundTrip.body).toBe(200);
      const strip = (list: Array<Record<string, unknown>>) => list.map(({ id: _i, version: _v, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(strip((await editor.get(api(org, '/assets'))).json().data)).toEqual(strip(groups));
    }

    // The site's equipment.
    const sites = (await editor.get(api(org, '/sites'))).json().data;
    const atSite = (await editor.get(api(org, `/assets?siteId=${sites[0].id}`))).json().data;
    expect(atSite.map((g: { className: string; quantity: number }) => [g.className, g.quantity])).toEqual([
      ['PC', 25],
      ['Switch', 2],
    ]);
  });

  it('reads the register in a constant number of statements', async () => {
    const count = async () => {
      const before = queries;
      expect((await editor.get(api(org, '/assets'))).statusCode).toBe(200);
      return queries - before;
    };
    const pc = (await classes()).find((c) => c.name === 'PC')!;
    // Each count follows a write, so both reads miss the response cache and run the list query.
    await editor.post(api(org, '/assets'), { classId: pc.id, quantity: 1, purchaseYear: 2025 });
    const few = await count();
    expect(few).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await editor.post(api(org, '/assets'), { classId: pc.id, quantity: 1, purchaseYear: 2025 });
    expect(await count()).toBe(few);
    await upload(REGISTER);
  });

  it('forecasts per year and class, with overdue units in the first year and an age profile', async () => {
    const res = await editor.get(api(org, '/assets-forecast?from=2026&to=2029'));
    expect(res.statusCode, res.body).toBe(200);
    const { forecast, ageProfile } = res.json().data;
    // PC 25 (2022+4 = 2026) and 10 (2020+4 = 2024, overdue → 2026, next 2030); switch 2019+8 = 2027; server 2021+5 = 2026.
    expect(forecast.years).toEqual({
      '2026': { quantity: 38, amount: 35 * 8500 + 3 * 120000 },
      '2027': { quantity: 2, amount: 90000 },
      '2028': { quantity: 0, amount: 0 },
      '2029': { quantity: 0, amount: 0 },
    });
    expect(forecast.overdue).toEqual({ quantity: 10, amount: 85000 });
    expect(ageProfile.find((c: { className: string }) => c.className === 'PC')).toMatchObject({ quantity: 35, ages: { '4': 25, '6': 10 } });
    expect((await editor.get(api(org, '/assets-forecast?from=2026&to=2045'))).statusCode).toBe(400);
    const withPrice = (await editor.get(api(org, '/assets-forecast?from=2026&to=2029&priceChange=10'))).json().data.forecast;
    expect(withPrice.years['2027']).toEqual({ quantity: 2, amount: 2 * 49500 });
  });

  it('writes the forecast into the draft, updates only changed classes, leaves hand-made measures, refuses adopted revisions', async () => {
    const plan = await editor.post(api(org, '/plans'), { name: 'Handlingsplan 2026–2029', startYear: 2026, endYear: 2029 });
    const revId = plan.json().data.id;
    const hand = await editor.post(api(org, `/revisions/${revId}/measures`), { title: 'Nytt sak-/arkivsystem', lines: [{ kind: 'invest', year: 2026, amount: 500000 }] });
    expect(hand.statusCode, hand.body).toBe(201);
    const before = await revision(revId);

    const preview = await editor.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=true'));
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().data.target).toMatchObject({ revisionId: revId, created: false });
    expect(preview.json().data.changes.map((c: { title: string; action: string; newAmount: number }) => [c.title, c.action, c.newAmount])).toEqual([
      ['Utskifting PC', 'new', 35 * 8500],
      ['Utskifting Server', 'new', 360000],
      ['Utskifting Switch', 'new', 90000],
    ]);
    expect((await revision(revId)).measures).toHaveLength(1);
    expect((await reader.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=false'))).statusCode).toBe(403);

    const applied = await editor.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=false'));
    expect(applied.statusCode, applied.body).toBe(200);
    const after = await revision(revId);
    expect(after.measures).toHaveLength(4);
    const forecast = (await editor.get(api(org, '/assets-forecast?from=2026&to=2029'))).json().data.forecast;
    for (const y of [2026, 2027, 2028, 2029]) {
      expect(after.totals.overall.byYear.invest[y] - before.totals.overall.byYear.invest[y]).toBe(forecast.years[String(y)].amount);
    }
    const pcMeasure = after.measures.find((m: { title: string }) => m.title === 'Utskifting PC');
    expect(pcMeasure.lines.map((l: { year: number; quantity: number; unitPrice: number }) => [l.year, l.quantity, l.unitPrice])).toEqual([
      [2026, 35, 8500],
    ]);

    // Change one group's quantity: only that class's measure changes.
    const switchGroup = (await editor.get(api(org, '/assets'))).json().data.find((g: { className: string }) => g.className === 'Switch');
    await editor.patch(api(org, `/assets/${switchGroup.id}`), { version: switchGroup.version, quantity: 3 });
    const again = await editor.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=false'));
    expect(again.json().data.changes.map((c: { title: string; action: string; oldAmount: number; newAmount: number }) => [c.title, c.action, c.oldAmount, c.newAmount])).toEqual([
      ['Utskifting PC', 'unchanged', 297500, 297500],
      ['Utskifting Server', 'unchanged', 360000, 360000],
      ['Utskifting Switch', 'changed', 90000, 135000],
    ]);
    const third = await revision(revId);
    expect(third.measures).toHaveLength(4);
    const version = (r: typeof third, title: string) => r.measures.find((m: { title: string }) => m.title === title).version;
    expect(version(third, 'Utskifting PC')).toBe(version(after, 'Utskifting PC'));
    expect(version(third, 'Utskifting Switch')).toBe(version(after, 'Utskifting Switch') + 1);
    expect(third.measures.find((m: { title: string }) => m.title === 'Nytt sak-/arkivsystem')).toEqual(before.measures[0]);

    // The plan document with the appendix «Utstyr og utskifting» (asked for).
    const doc = await editor.get(api(org, `/revisions/${revId}/document?format=docx&equipment=true`));
    expect(doc.statusCode).toBe(200);

    // Adopted: refused with a clear message, nothing written.
    const adopted = await editor.post(api(org, `/revisions/${revId}/adopt`), { version: third.version, adoptedDate: '2026-02-20', decisionRef: 'K-sak 4/26' });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const refused = await editor.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=false'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('Revisjon 1 av «Handlingsplan 2026–2029» er vedtatt og kan ikke endres. Lag en ny revisjon av planen, og legg utskiftingene inn i den.');

    // A new revision (copy) keeps the link: applying updates its copies instead of duplicating.
    const copy = await editor.post(api(org, `/revisions/${revId}/copy`), {});
    const copied = await editor.post(api(org, '/assets-forecast/apply?from=2026&to=2029&dryRun=true'));
    expect(copied.json().data.target.revisionId).toBe(copy.json().data.id);
    expect(copied.json().data.changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);

    // No period covers 2031–2034: one is created with a draft.
    const fresh = await editor.post(api(org, '/assets-forecast/apply?from=2031&to=2034&dryRun=false'));
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().data.target).toMatchObject({ periodName: 'Handlingsplan 2031–2034', revisionNumber: 1, created: true });
  });

  it('keeps other organizations out', async () => {
    const groups = (await editor.get(api(org, '/assets'))).json().data;
    const cls = (await classes())[0]!;
    for (const [method, path] of [
      ['GET', '/assets'],
      ['GET', `/assets/${groups[0].id}`],
      ['PATCH', `/assets/${groups[0].id}`],
      ['DELETE', `/assets/${groups[0].id}?version=1`],
      ['GET', '/asset-classes'],
      ['PATCH', `/asset-classes/${cls.id}`],
      ['GET', '/assets-export?format=json'],
      ['GET', '/assets-forecast?from=2026&to=2029'],
      ['POST', '/assets-forecast/apply?from=2026&to=2029&dryRun=true'],
    ] as const) {
      const res = await otherEditor.request(method, api(org, path), method === 'GET' || method === 'DELETE' ? undefined : { version: 1, quantity: 1 });
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await upload(REGISTER, false, 'utstyr.csv', otherEditor)).statusCode).toBe(404);
    // Their own register does not see ours.
    expect((await otherEditor.get(api(other, '/assets'))).json().data).toEqual([]);
    const pc = (await otherEditor.get(api(other, '/asset-classes'))).json().data.find((c: Cls) => c.name === 'PC');
    const site = (await editor.get(api(org, '/sites'))).json().data[0];
    const foreign = await otherEditor.post(api(other, '/assets'), { classId: cls.id, quantity: 1, purchaseYear: 2024 });
    expect(foreign.statusCode).toBe(400);
    const foreignSite = await otherEditor.post(api(other, '/assets'), { classId: pc.id, quantity: 1, purchaseYear: 2024, siteId: site.id });
    expect(foreignSite.json().errors).toEqual([{ field: 'siteId', message: 'Lokasjon finnes ikke.' }]);
  });
});
