import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, withSystem } from '../../src/db/database.ts';
import { CONTRACT_COLUMNS } from '../../src/domain/contract.ts';
import { INTEGRATION_COLUMNS } from '../../src/domain/integration.ts';
import { PERSON_COLUMNS } from '../../src/domain/person.ts';
import { readRegisterRows, registerRows, type RegisterColumn } from '../../src/domain/register.ts';
import { SITE_COLUMNS } from '../../src/domain/site.ts';
import { SUPPLIER_COLUMNS } from '../../src/domain/supplier.ts';
import { readTable } from '../../src/reports/spreadsheet.ts';
import { dpaHeldBy } from '../../src/domain/portfolio-quality.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeOwners, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

/** Ringebu kommune's appendix «Datakommunikasjonslinjer kommunale lokasjoner», as transcribed (28 sites). */
const ringebu = readFileSync(new URL('../fixtures/sites/ringebu-sites.csv', import.meta.url));

describe.each(backends)('registers: export, site import, person and supplier relations ($name)', (backend) => {
  let t: TestContext;
  let iks: TestOrg;
  let member: TestOrg;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let iksEditor: Client;
  let memberEditor: Client;
  let otherEditor: Client;
  let queries = 0;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
  const upload = (o: TestOrg, filename: string, body: Buffer, dryRun = false) =>
    editor.raw('POST', api(o, `/sites-import?filename=${filename}&dryRun=${dryRun}`), body, 'application/octet-stream');
  const exported = async (o: TestOrg, register: string, format: string, who = editor) => {
    const res = await who.get(api(o, `/registers/${register}/export?format=${format}`));
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    other = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3438', name: 'Sør-Fron kommune' });
    iks = await makeOrg(t.database, { kind: 'iks', name: 'Test-IKS' });
    member = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5041', name: 'Snåsa kommune' });
    await makeOwners(t.database, iks.id, [{ id: member.id, access: 'reader' }]);
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    otherEditor = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'editor']] }));
    iksEditor = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'editor']] }));
    memberEditor = await login(t.app, await makeUser(t.database, { memberships: [[member.id, 'editor']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports Ringebu\'s site list and reports the columns and cells it could not use', async () => {
    const dry = await upload(org, 'sites.csv', ringebu, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().data).toMatchObject({ dryRun: true, sites: 28, created: 28 });
    expect((await editor.get(api(org, '/sites'))).json().data).toEqual([]);

    const res = await upload(org, 'sites.csv', ringebu);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ dryRun: false, sites: 28, created: 28, updated: 0 });
    expect(data.problems).toEqual([
      { row: 1, column: 'users_printed', message: 'Kolonnen «users_printed» brukes ikke og er ikke importert.' },
      { row: 1, column: 'footnote', message: 'Kolonnen «footnote» brukes ikke og er ikke importert.' },
    ]);
    const sites = (await editor.get(api(org, '/sites'))).json().data as Array<Record<string, unknown>>;
    const byName = new Map(sites.map((s) => [s.name, s]));
    expect(byName.get('Frya miljøstasjon')).toMatchObject({ users: 1, capacityMbps: 2, lineType: 'fiber', ownership: 'leid', provider: 'Eidsiva' });
    expect(byName.get('Ringebu ungdomshus')).toMatchObject({ lineType: 'adsl', capacityMbps: 3 });
    expect(byName.get('Fåvang brannstasjon')).toMatchObject({ lineType: 'radio', ownership: 'eid', provider: null, note: expect.stringMatching(/^teoretisk maksimalhastighet/) });
    expect(byName.get('Ringebuhallen')).toMatchObject({ users: null });
    expect(sites.reduce((n, s) => n + ((s.users as number | null) ?? 0), 0)).toBe(316);
  });

  it('reports a cell it cannot read and imports the rest of the row; «Leid Eidsiva» gives the provider', async () => {
    const file = Buffer.from('Lokasjon;Ant. brukere;Linjekapasitet;Linjetype;Egen / leid\nNy hall;mange;100 Mbps;Satellitt;Leid Eidsiva\n;3;;;\n', 'utf8');
    const res = await upload(org, 'vedlegg.csv', file, true);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.rows).toEqual([{ row: 2, name: 'Ny hall', users: null, capacityMbps: 100, lineType: null, ownership: 'leid', provider: 'Eidsiva', action: 'create' }]);
    expect(data.problems.map((p: { message: string }) => p.message)).toEqual([
      'Rad 2, kolonne «Ant. brukere»: «mange» er ikke et helt tall (0 eller mer); feltet er ikke importert.',
      'Rad 2, kolonne «Linjetype»: «Satellitt» er ikke en kjent linjetype (bruk Fiber, ADSL, Radio, Kobber, Annet); feltet er ikke importert.',
      'Rad 3, kolonne «Lokasjon»: navnet mangler; raden er hoppet over.',
    ]);
  });

  it('round trip: the site export in every format imports back with no changes, formula cells protected in CSV', async () => {
    for (const [name, note] of [['-Lager', '=HYPERLINK("x")'], ['+47 bygget', '@SUM(A1)'], ['=1+1', '-5']] as const) {
      const res = await editor.post(api(org, '/sites'), { name, note, users: 2 });
      expect(res.statusCode, res.body).toBe(201);
    }
    const csv = (await exported(org, 'sites', 'csv')).rawPayload.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFlokasjon;brukere;linjekapasitet (Mbps);linjetype;eierskap;linjeleverandør;merknad');
    expect(csv).toContain("\r\n'-Lager;2;;;;;\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    expect(csv).toContain("\r\n'+47 bygget;2;;;;;'@SUM(A1)\r\n");
    expect(csv).toContain("\r\n'=1+1;2;;;;;'-5\r\n");
    const before = (await editor.get(api(org, '/sites'))).json().data;
    for (const format of ['csv', 'xlsx', 'json']) {
      const file = (await exported(org, 'sites', format)).rawPayload;
      const res = await upload(org, `lokasjoner.${format}`, file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data, format).toMatchObject({ sites: 31, created: 0, updated: 0, unchanged: 31, problems: [] });
    }
    expect((await editor.get(api(org, '/sites'))).json().data).toEqual(before);
  });

  it('a nynorsk organization exports its sites with nynorsk headers, and the export imports back unchanged', async () => {
    await withSystem(t.database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nn' where id = ${org.id}`));
    try {
      const before = (await editor.get(api(org, '/sites'))).json().data;
      const file = (await exported(org, 'sites', 'csv')).rawPayload;
      expect(file.toString('utf8').split('\r\n')[0]).toBe('\uFEFFlokasjon;brukarar;linjekapasitet (Mbps);linjetype;eigarskap;linjeleverandør;merknad');
      const res = await upload(org, 'lokasjonar.csv', file);
      expect(res.json().data).toMatchObject({ created: 0, updated: 0, problems: [] });
      expect((await editor.get(api(org, '/sites'))).json().data).toEqual(before);
    } finally {
      await withSystem(t.database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nb' where id = ${org.id}`));
    }
  });

  it('person → systems and supplier → systems and contracts, in a constant number of statements', async () => {
    const supplier = (await iksEditor.post(api(iks, '/suppliers'), { name: 'Acos AS', organizationNumber: '912345678' })).json().data;
    const person = (await iksEditor.post(api(iks, '/persons'), { name: 'Siri Systemeier' })).json().data;
    const systems = [];
    for (const name of ['Websak', 'Arkiv', 'Portal']) {
      const s = (await iksEditor.post(api(iks, '/systems'), { name, vendorId: supplier.id, ...(name === 'Portal' ? { operatorId: supplier.id } : {}) })).json().data;
      systems.push(s);
    }
    await iksEditor.post(api(iks, `/systems/${systems[0].id}/roles`), { role: 'system_owner', personId: person.id });
    await iksEditor.post(api(iks, '/contracts'), { systemId: systems[0].id, supplierId: supplier.id, type: 'dpa', title: 'Databehandleravtale Acos', startDate: '2024-01-01' });

    const count = async (url: string, who: Client) => {
      const before = queries;
      const res = await who.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return { data: res.json().data, statements: queries - before };
    };
    const one = await count(api(iks, `/persons/${person.id}/systems`), iksEditor);
    expect(one.data).toEqual([{ roleId: expect.any(String), role: 'system_owner', system: { id: systems[0].id, name: 'Websak' }, host: null }]);
    await iksEditor.post(api(iks, `/systems/${systems[1].id}/roles`), { role: 'system_manager', personId: person.id });
    await iksEditor.post(api(iks, `/systems/${systems[2].id}/roles`), { role: 'super_user', personId: person.id });
    const three = await count(api(iks, `/persons/${person.id}/systems`), iksEditor);
    expect(three.data.map((r: { system: { name: string }; role: string }) => `${r.system.name}:${r.role}`)).toEqual(['Arkiv:system_manager', 'Portal:super_user', 'Websak:system_owner']);
    expect(three.statements).toBe(one.statements);

    const relations = await count(api(iks, `/suppliers/${supplier.id}/relations`), iksEditor);
    expect(relations.data.systems.map((s: { name: string; vendor: boolean; operator: boolean }) => [s.name, s.vendor, s.operator])).toEqual([
      ['Arkiv', true, false],
      ['Portal', true, true],
      ['Websak', true, false],
    ]);
    expect(relations.data.contracts).toEqual([{ id: expect.any(String), title: 'Databehandleravtale Acos', type: 'dpa', endDate: null, system: { id: systems[0].id, name: 'Websak' } }]);
    const empty = (await iksEditor.post(api(iks, '/suppliers'), { name: 'Ingen AS' })).json().data;
    const none = await count(api(iks, `/suppliers/${empty.id}/relations`), iksEditor);
    expect(none.data).toEqual({ systems: [], contracts: [] });
    expect(none.statements).toBe(relations.statements);

    // A member of the shared system lists its own person's role on it, with the owner named.
    await iksEditor.request('PUT', api(iks, `/systems/${systems[0].id}/shares`), { version: (await iksEditor.get(api(iks, `/systems/${systems[0].id}`))).json().data.version, shares: [{ organizationId: member.id }] });
    const anna = (await memberEditor.post(api(member, '/persons'), { name: 'Anna Superbruker' })).json().data;
    expect((await memberEditor.post(api(member, `/systems/${systems[0].id}/roles`), { role: 'super_user', personId: anna.id })).statusCode).toBe(201);
    const annas = (await memberEditor.get(api(member, `/persons/${anna.id}/systems`))).json().data;
    expect(annas).toEqual([{ roleId: expect.any(String), role: 'super_user', system: { id: systems[0].id, name: 'Websak' }, host: { id: iks.id, name: 'Test-IKS' } }]);

    // The member sees the owner's agreement as «Gyldig», is told where it lives, and does not see the contract.
    const detail = (await memberEditor.get(api(member, `/systems/${systems[0].id}`))).json().data;
    expect(detail).toMatchObject({ owned: false, dpaStatus: 'active', contracts: [] });
    expect(dpaHeldBy(detail)).toBe('Test-IKS');
    expect(dpaHeldBy((await iksEditor.get(api(iks, `/systems/${systems[0].id}`))).json().data)).toBeNull();

    // Another organization's person or supplier is not revealed, not even through the member's own organization.
    expect((await memberEditor.get(api(member, `/persons/${person.id}/systems`))).statusCode).toBe(404);
    expect((await memberEditor.get(api(member, `/suppliers/${supplier.id}/relations`))).statusCode).toBe(404);
    expect((await otherEditor.get(api(other, `/persons/${anna.id}/systems`))).statusCode).toBe(404);
    expect((await otherEditor.get(api(iks, `/persons/${person.id}/systems`))).statusCode).toBe(404);
    // The member's persons export has its own person only.
    const persons = JSON.parse((await exported(member, 'persons', 'json', memberEditor)).rawPayload.toString('utf8'));
    expect(persons).toEqual({ persons: [{ name: 'Anna Superbruker', title: null, unit: null, email: null, phone: null, publicContact: false }] });
  });

  it('contracts, persons, suppliers and integrations export as CSV and XLSX that read back to the same rows', async () => {
    await iksEditor.post(api(iks, '/persons'), { name: '-Minus Person', title: '=Leder', unit: '+Enhet', email: 'minus@iks.no', phone: '-12 34' });
    const s = (await iksEditor.get(api(iks, '/systems'))).json().data as Array<{ id: string; name: string }>;
    const websak = s.find((x) => x.name === 'Websak');
    const arkiv = s.find((x) => x.name === 'Arkiv');
    await iksEditor.post(api(iks, '/contracts'), { systemId: websak?.id, type: 'ssa_l', title: '@Abonnement', startDate: '2024-01-01', endDate: '2027-12-31', noticeMonths: 3, yearlyCost: 1052500, licenceCount: 120, note: '-rabatt' });
    await iksEditor.post(api(iks, '/integrations'), { fromSystemId: websak?.id, toSystemId: arkiv?.id, standard: 'noark5', data: '-journalposter' });
    const cases: Array<[string, string, readonly RegisterColumn<never>[], number]> = [
      ['contracts', '/contracts', CONTRACT_COLUMNS as readonly RegisterColumn<never>[], 2],
      ['persons', '/persons', PERSON_COLUMNS as readonly RegisterColumn<never>[], 2],
      ['suppliers', '/suppliers', SUPPLIER_COLUMNS as readonly RegisterColumn<never>[], 2],
      ['integrations', '/integrations', INTEGRATION_COLUMNS as readonly RegisterColumn<never>[], 1],
    ];
    for (const [register, path, columns, n] of cases) {
      const list = (await iksEditor.get(api(iks, path))).json().data as never[];
      expect(list.length, register).toBe(n);
      const expected = registerRows(columns, list);
      for (const format of ['csv', 'xlsx']) {
        const rows = await readTable((await exported(iks, register, format, iksEditor)).rawPayload, `x.${format}`);
        expect(rows, `${register} ${format}`).toEqual(format === 'xlsx' ? expected.map(trimEnd) : expected);
        expect(readRegisterRows(columns, rows)).toEqual(readRegisterRows(columns, expected));
      }
    }
    const csv = (await exported(iks, 'contracts', 'csv', iksEditor)).rawPayload.toString('utf8');
    expect(csv).toContain("'@Abonnement;SSA-L løpende tjenestekjøp;Websak;;01.01.2024;31.12.2027;3;1052500;120;'-rabatt");
    const persons = (await exported(iks, 'persons', 'csv', iksEditor)).rawPayload.toString('utf8');
    expect(persons).toContain("'-Minus Person;'=Leder;'+Enhet;minus@iks.no;'-12 34;nei");
    // XLSX: numbers in number columns, text in text columns (also a negative-looking phone number).
    const xlsxRows = await readTable((await exported(iks, 'persons', 'xlsx', iksEditor)).rawPayload, 'p.xlsx');
    expect(xlsxRows).toContainEqual(['-Minus Person', '=Leder', '+Enhet', 'minus@iks.no', '-12 34', 'nei']);
  });
});

/** XLSX rows drop trailing empty cells. */
function trimEnd(row: string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
