import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, withSystem } from '../../src/db/database.ts';
import { acceptAllInvitations, insertCooperation } from '../../src/db/queries/cooperations.ts';
import { insertSuppliers } from '../../src/db/queries/suppliers.ts';
import { updateSystem } from '../../src/db/queries/systems.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

/** Ringebu kommune's system appendix, as transcribed (22 systems, one explanatory column). */
const ringebu = readFileSync(new URL('../fixtures/systems/ringebu-systems.csv', import.meta.url));

interface ListItem {
  id: string;
  name: string;
  users: number | null;
  vendorName: string | null;
  operatorName: string | null;
  cooperationName: string | null;
  serverLocation: string | null;
  database: string | null;
  softwareVersion: string | null;
  lifecycle: string;
  criticality: string | null;
  personalData: boolean;
}

const EXPORTED = ['name', 'users', 'vendorName', 'operatorName', 'cooperationName', 'serverLocation', 'database', 'softwareVersion', 'lifecycle', 'criticality', 'personalData'] as const;
const exportedFields = (list: ListItem[]) => list.map((s) => Object.fromEntries(EXPORTED.map((k) => [k, s[k]])));

describe.each(backends)('system list import and export ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let twin: TestOrg;
  let editor: Client;
  let reader: Client;
  let queries = 0;

  const url = (o: TestOrg, filename: string, dryRun: boolean) => `/api/v1/organizations/${o.id}/systems-import?filename=${filename}&dryRun=${dryRun}`;
  const upload = (o: TestOrg, filename: string, body: Buffer, dryRun = false) => editor.raw('POST', url(o, filename, dryRun), body, 'application/octet-stream');
  const systemsOf = async (o: TestOrg): Promise<ListItem[]> => {
    const res = await editor.get(`/api/v1/organizations/${o.id}/systems`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const stored = (o: TestOrg) =>
    withSystem(t.database.db, async (tx) => ({
      systems: await queryRows<{ name: string; version: number }>(tx, sql`select name, version from systems where organization_id = ${o.id} order by name`),
      audit: Number((await queryRows<{ n: string }>(tx, sql`select count(*) as n from audit_log where organization_id = ${o.id}`))[0]?.n),
    }));
  const suppliersOf = async (o: TestOrg): Promise<Array<{ id: string; name: string }>> => (await editor.get(`/api/v1/organizations/${o.id}/suppliers`)).json().data;

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    const sorFron = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3438', name: 'Sør-Fron kommune' });
    const lillehammer = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3405', name: 'Lillehammer kommune' });
    twin = await makeOrg(t.database, { kind: 'kommune', name: 'Tvillingkommune' });
    await withSystem(t.database.db, async (tx) => {
      // 2K hosted by Ringebu; 3K and TRUST hosted elsewhere with Ringebu as an (accepted) member. The twin is in all three.
      await acceptAllInvitations(tx, await insertCooperation(tx, org.id, { name: '2K', costKey: 'like', memberIds: [org.id, sorFron.id, twin.id] }));
      await acceptAllInvitations(tx, await insertCooperation(tx, sorFron.id, { name: '3K', costKey: 'like', memberIds: [org.id, sorFron.id, twin.id] }));
      await acceptAllInvitations(tx, await insertCooperation(tx, lillehammer.id, { name: 'TRUST', costKey: 'innbyggere', memberIds: [org.id, lillehammer.id, twin.id] }));
      // A cooperation Ringebu has nothing to do with must not be matched.
      await insertCooperation(tx, lillehammer.id, { name: '5K', costKey: 'like', memberIds: [lillehammer.id] });
      await insertSuppliers(tx, org.id, [{ name: 'visma' }]);
    });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor'], [twin.id, 'editor']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const res = await upload(org, 'systems.csv', ringebu, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ dryRun: true, systems: 22, created: 22, updated: 0 });
    expect(await systemsOf(org)).toEqual([]);
    expect((await suppliersOf(org)).map((s) => s.name)).toEqual(['visma']);
  });

  it('imports the Ringebu list: 22 systems with their cooperations, vendors and users', async () => {
    const res = await upload(org, 'systems.csv', ringebu);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ dryRun: false, systems: 22, created: 22, updated: 0 });
    expect(data.problems).toEqual([{ row: 1, column: 'server_location_explained', message: 'Kolonnen «server_location_explained» er ukjent og er ikke importert.' }]);
    expect(data.rows).toHaveLength(22);
    expect(data.rows[12]).toEqual({ row: 14, name: 'Gerica', users: 256, vendor: 'Tieto', cooperation: 'TRUST', cooperationMatched: true, serverLocation: 'Ikomm AS', database: 'Oracle' });
    expect(data.rows[0]).toMatchObject({ name: 'Acos websak (inkl. intranett)', cooperation: null, cooperationMatched: false });

    const list = await systemsOf(org);
    expect(list).toHaveLength(22);
    const byName = new Map(list.map((s) => [s.name, s]));
    expect(byName.get('Visma enterprise (øk/pers/lønn)')).toMatchObject({ cooperationName: '2K', users: 150, vendorName: 'visma', database: 'Oracle', serverLocation: 'Ringebu' });
    expect(byName.get('GISline')).toMatchObject({ cooperationName: '3K', users: 31, vendorName: 'Norkart' });
    expect(byName.get('Gerica')).toMatchObject({ cooperationName: 'TRUST', users: 256, vendorName: 'Tieto', serverLocation: 'Ikomm AS' });
    expect(byName.get('Acos websak (inkl. intranett)')).toMatchObject({ cooperationName: null, users: 324, vendorName: 'Acos', database: 'MS SQL' });
    expect(byName.get('Bibliofil')).toMatchObject({ vendorName: null, users: 2, database: null, lifecycle: 'in_operation' });
    expect(byName.get('Scanvekt')).toMatchObject({ serverLocation: 'Frya miljøst', users: 1 });
    expect(list.filter((s) => s.cooperationName === '2K').map((s) => s.name).sort()).toEqual(['Visma barnehage', 'Visma enterprise (øk/pers/lønn)', 'Visma familia']);
    expect(list.filter((s) => s.cooperationName === '3K')).toHaveLength(4);
    expect(list.filter((s) => s.cooperationName === 'TRUST')).toHaveLength(1);
    expect(list.reduce((n, s) => n + (s.users ?? 0), 0)).toBe(1139);

    // The existing supplier "visma" is used by all seven Visma systems; the six others are created once each.
    const suppliers = await suppliersOf(org);
    expect(suppliers.map((s) => s.name).sort()).toEqual(['Abb', 'Acos', 'Comp.gr.', 'Gemini', 'Norkart', 'Tieto', 'visma']);
    expect(list.filter((s) => s.vendorName === 'visma')).toHaveLength(7);
  });

  it('a re-import updates instead of duplicating, and changes nothing when the file is the same', async () => {
    // Versions and the audit log, read directly: an unchanged system must not be written at all.
    const versions = () => stored(org);
    const v0 = await versions();
    const same = await upload(org, 'systems.csv', ringebu);
    expect(same.json().data).toMatchObject({ systems: 22, created: 0, updated: 0 });
    expect(await versions()).toEqual(v0);
    expect(v0.audit).toBeGreaterThan(22);

    const changed = Buffer.from(ringebu.toString('utf8').replace('GISline,31,', 'gisline,35,'));
    const res = await upload(org, 'systems.csv', changed);
    expect(res.json().data).toMatchObject({ systems: 22, created: 0, updated: 1 });
    const after = await systemsOf(org);
    expect(after).toHaveLength(22);
    expect(after.find((s) => s.name === 'GISline')).toMatchObject({ users: 35, cooperationName: '3K' });
    expect((await suppliersOf(org)).length).toBe(7);
    await upload(org, 'systems.csv', ringebu);
  });

  it('reports a bad users cell, an unknown cooperation and a nameless row once each, with row and column', async () => {
    const file = Buffer.from('Fagsystem;Antall brukere;Leverandør;Samarbeid\nGerica;mange;Tieto;TRUST\nNytt system;5;Tieto;5K\n;3;Tieto;\nSocio;6;Tieto;\n');
    const res = await upload(org, 'feil.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data.problems).toEqual([
      { row: 2, column: 'Antall brukere', message: 'Rad 2, kolonne «Antall brukere»: «mange» er ikke et helt antall (brukere må være et helt tall, 0 eller mer); feltet er ikke importert.' },
      {
        row: 3,
        column: 'Samarbeid',
        message: 'Rad 3, kolonne «Samarbeid»: fant ikke samarbeidet «5K» blant samarbeidene organisasjonen er vertskommune for eller medlem av; systemet er importert uten samarbeid.',
      },
      { row: 4, column: 'Fagsystem', message: 'Rad 4, kolonne «Fagsystem»: navnet på systemet mangler; raden er hoppet over.' },
    ]);
    expect(data).toMatchObject({ systems: 3, created: 1, updated: 0 });
    expect(data.rows.map((r: { name: string; users: number | null; cooperationMatched: boolean }) => [r.name, r.users, r.cooperationMatched])).toEqual([
      ['Gerica', null, true],
      ['Nytt system', 5, false],
      ['Socio', 6, false],
    ]);
    const list = await systemsOf(org);
    expect(list).toHaveLength(23);
    // The unreadable users cell leaves Gerica's count as it was.
    expect(list.find((s) => s.name === 'Gerica')).toMatchObject({ users: 256, cooperationName: 'TRUST' });
    expect(list.find((s) => s.name === 'Nytt system')).toMatchObject({ users: 5, cooperationName: null, vendorName: 'Tieto' });
    await withSystem(t.database.db, (tx) => tx.execute(sql`delete from systems where organization_id = ${org.id} and name = 'Nytt system'`));
  });

  it('imports and re-imports 400 systems in a constant number of statements', async () => {
    const big = await makeOrg(t.database, { kind: 'kommune' });
    const bigEditor = await login(t.app, await makeUser(t.database, { memberships: [[big.id, 'editor']] }));
    const file = (users: number) =>
      Buffer.from(['system;brukere;leverandør;driftsleverandør', ...Array.from({ length: 400 }, (_, i) => `System ${i};${users + i};Leverandør ${i % 40};Drift ${i % 7}`)].join('\n'));
    for (const [users, created, updated] of [
      [10, 400, 0],
      [20, 0, 400],
    ] as const) {
      queries = 0;
      const res = await bigEditor.raw('POST', url(big, 'stor.csv', false), file(users), 'application/octet-stream');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data).toMatchObject({ systems: 400, created, updated, problems: [] });
      expect(queries).toBeLessThan(20);
    }
    const list = (await bigEditor.get(`/api/v1/organizations/${big.id}/systems?sort=users&dir=desc&limit=1`)).json();
    expect(list.total).toBe(400);
    expect(list.data[0]).toMatchObject({ name: 'System 399', users: 419, vendorName: 'Leverandør 39', operatorName: 'Drift 0' });
    expect((await bigEditor.get(`/api/v1/organizations/${big.id}/suppliers`)).json().data).toHaveLength(47);
  });

  it('refuses a broken XLSX, a file without a system column and an empty body with 400, writing nothing', async () => {
    const before = JSON.stringify([await systemsOf(org), await suppliersOf(org)]);
    const broken = await upload(org, 'systemer.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('ikke en zip-fil')]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors).toEqual([{ field: 'file', message: 'Kunne ikke lese Excel-filen «systemer.xlsx»: filen er skadet eller ikke en .xlsx-fil.' }]);
    const noHeader = await upload(org, 'liste.csv', Buffer.from('Program;Brukere\nGerica;300\n'));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().detail).toContain('kolonnen «system»');
    expect((await upload(org, 'tom.csv', Buffer.alloc(0))).statusCode).toBe(400);
    expect(JSON.stringify([await systemsOf(org), await suppliersOf(org)])).toBe(before);
  });

  it('lets a reader export but not import', async () => {
    expect((await reader.raw('POST', url(org, 'systems.csv', false), ringebu, 'application/octet-stream')).statusCode).toBe(403);
    const res = await reader.get(`/api/v1/organizations/${org.id}/systems-export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="fagsystemer-${org.slug}.csv"`);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('system;brukere;leverandør;driftsleverandør;samarbeid;serverplassering;database;versjon;livsløp;kritikalitet;personopplysninger;datakvalitet;innført;erstattet av;beskrivelse');
    expect(lines).toHaveLength(24);
    expect(lines.find((l) => l.startsWith('Gerica;'))).toMatch(/^Gerica;256;Tieto;;TRUST;Ikomm AS;Oracle;;I drift;;nei;\d+;;;$/);
  });

  it('exports in every format and re-imports without problems or changes, losslessly into another organization', async () => {
    // Exercise the fields the Ringebu file lacks.
    const gerica = (await systemsOf(org)).find((s) => s.name === 'Gerica');
    const operator = (await suppliersOf(org)).find((s) => s.name === 'Tieto');
    const version = (await stored(org)).systems.find((s) => s.name === 'Gerica')?.version ?? 0;
    const successor = (await systemsOf(org)).find((s) => s.name !== 'Gerica');
    // The lifecycle columns (issue 15): year introduced, retired, successor, description.
    const patch = {
      version,
      operatorId: operator?.id ?? null,
      lifecycle: 'retired',
      criticality: 'round_the_clock',
      personalData: true,
      introducedYear: 2011,
      replacedById: successor?.id ?? null,
      description: 'Pleie og omsorg; erstattet',
      // The system version (issue 12) goes through every format and back.
      softwareVersion: '10.3.1',
    } as const;
    expect(await withSystem(t.database.db, (tx) => updateSystem(tx, org.id, gerica?.id ?? '', patch))).toBe(true);
    const original = exportedFields(await systemsOf(org));
    expect(original).toContainEqual(expect.objectContaining({ name: 'Gerica', softwareVersion: '10.3.1' }));
    const lifecycleOf = (o: TestOrg) =>
      withSystem(t.database.db, (tx) =>
        queryRows(
          tx,
          sql`select s.name, s.introduced_year as "introducedYear", s.lifecycle, r.name as successor, s.description
              from systems s left join systems r on r.id = s.replaced_by_id where s.organization_id = ${o.id} order by s.name`,
        ),
      );
    const originalLifecycle = await lifecycleOf(org);
    expect(originalLifecycle).toContainEqual({ name: 'Gerica', introducedYear: 2011, lifecycle: 'retired', successor: successor?.name, description: 'Pleie og omsorg; erstattet' });

    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const exp = await editor.get(`/api/v1/organizations/${org.id}/systems-export?format=${format}`);
      expect(exp.statusCode).toBe(200);
      expect(exp.headers['content-disposition']).toContain(`.${format}"`);
      const again = await upload(org, `eksport.${format}`, exp.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().data).toMatchObject({ systems: 22, created: 0, updated: 0, problems: [] });
      expect(exportedFields(await systemsOf(org))).toEqual(original);
      expect(await lifecycleOf(org)).toEqual(originalLifecycle);

      const copy = await upload(twin, `eksport.${format}`, exp.rawPayload);
      expect(copy.statusCode, copy.body).toBe(200);
      expect(copy.json().data).toMatchObject({ systems: 22, created: format === 'csv' ? 22 : 0, updated: 0, problems: [] });
      expect(exportedFields(await systemsOf(twin))).toEqual(original);
      expect(await lifecycleOf(twin)).toEqual(originalLifecycle);
    }
    const csv = (await editor.get(`/api/v1/organizations/${org.id}/systems-export?format=csv`)).body;
    expect(csv).toMatch(/Gerica;.*;Utfaset;.*;2011;[^\r\n]*;"Pleie og omsorg; erstattet"/);
  });

  it('exports a nynorsk organization\'s systems with nynorsk headers and labels, and reads them back unchanged', async () => {
    await withSystem(t.database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nn' where id = ${org.id}`));
    try {
      const original = exportedFields(await systemsOf(org));
      const exp = await editor.get(`/api/v1/organizations/${org.id}/systems-export?format=csv`);
      const lines = exp.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe('system;brukarar;leverandør;driftsleverandør;samarbeid;serverplassering;database;versjon;livsløp;kritikalitet;personopplysningar;datakvalitet;innført;erstatta av;skildring');
      expect(lines.find((l) => l.startsWith('Gerica;'))).toContain(';Utfasa;');
      const again = await upload(org, 'eksport.csv', exp.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().data).toMatchObject({ created: 0, updated: 0, problems: [] });
      expect(exportedFields(await systemsOf(org))).toEqual(original);
    } finally {
      await withSystem(t.database.db, (tx) => queryRows(tx, sql`update organizations set language = 'nb' where id = ${org.id}`));
    }
  });

  it('reports an unknown successor with row and column and imports the rest of the row', async () => {
    const file = Buffer.from('system;innført;status;erstattet av\nGammelt arkiv;2004;(Utfaset);Finnes ikke\n');
    const res = await upload(org, 'livslop.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.problems).toEqual([
      { row: 2, column: 'erstattet av', message: 'Rad 2, kolonne «erstattet av»: fant ikke systemet «Finnes ikke» blant organisasjonens systemer eller i filen; feltet er ikke importert.' },
    ]);
    const [row] = await withSystem(t.database.db, (tx) =>
      queryRows(tx, sql`select introduced_year as "introducedYear", lifecycle, replaced_by_id as "replacedById" from systems where organization_id = ${org.id} and name = 'Gammelt arkiv'`),
    );
    expect(row).toEqual({ introducedYear: 2004, lifecycle: 'retired', replacedById: null });
    const list = await systemsOf(org);
    expect(list.find((s) => s.name === 'Gammelt arkiv')?.lifecycle).toBe('retired');
  });
});
