import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withActor, withSystem } from '../../src/db/database.ts';
import { loadAnnualFigures } from '../../src/db/queries/annual-figures.ts';
import { readTable } from '../../src/reports/spreadsheet.ts';
import { backends } from '../support/db.ts';
import { login, makeCooperation, makeOrg, makeOwners, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const csv = (text: string) => Buffer.from(text.trim().replace(/\n\s+/g, '\n') + '\n', 'utf8');

describe.each(backends)('IKS year: statistics, accounts, cost sharing ($name)', (backend) => {
  let t: TestContext;
  let iks: TestOrg;
  let owners: TestOrg[];
  let stranger: TestOrg;
  let iksEditor: Client;
  let iksReader: Client;
  let ownerEditor: Client;
  let strangerEditor: Client;
  let queries = 0;
  const api = (o: TestOrg, path: string) => `/api/v1/organizations/${o.id}${path}`;
  const upload = (who: Client, o: TestOrg, path: string, body: Buffer, query: string) =>
    who.raw('POST', api(o, `${path}?filename=fil.csv&${query}`), body, 'application/octet-stream');

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++ });
    iks = await makeOrg(t.database, { kind: 'iks', name: 'Indre Namdal IKT IKS' });
    const kommuner: [string, string][] = [
      ['5041', 'Snåase - Snåsa kommune'],
      ['5042', 'Lierne kommune'],
      ['5043', 'Raarvihke - Røyrvik kommune'],
      ['5044', 'Namsskogan kommune'],
      ['5045', 'Grong kommune'],
      ['5046', 'Høylandet kommune'],
    ];
    owners = [];
    for (const [kommunenummer, name] of kommuner) owners.push(await makeOrg(t.database, { kind: 'kommune', kommunenummer, name }));
    stranger = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    await makeOwners(t.database, iks.id, owners.map((o) => ({ id: o.id, access: 'none' as const })));
    iksEditor = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'editor']] }));
    iksReader = await login(t.app, await makeUser(t.database, { memberships: [[iks.id, 'reader']] }));
    ownerEditor = await login(t.app, await makeUser(t.database, { memberships: [[owners[1]!.id, 'editor']] }));
    strangerEditor = await login(t.app, await makeUser(t.database, { memberships: [[stranger.id, 'editor']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a wide statistics table: one wrong printed total is reported exactly, a correct table reports none', async () => {
    const wrong = csv(`kommune;Feide-pålogginger;Brev inn
      Snåsa;57.598;1 200
      Lierne;20 000;800
      Røyrvik;5000;300
      5044;4 000;250
      Grong kommune;60000;2000
      Høylandet;9000;500
      Totalt;155.598;5 049`);
    const dry = await upload(iksEditor, iks, '/statistics-import', wrong, 'year=2017');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().data).toMatchObject({
      dryRun: true,
      year: 2017,
      metrics: ['Feide-pålogginger', 'Brev inn'],
      values: 12,
      totals: { 'Feide-pålogginger': 155_598, 'Brev inn': 5_050 },
      discrepancies: [{ metric: 'Brev inn', printed: 5_049, computed: 5_050 }],
      problems: [],
    });
    const right = await upload(iksEditor, iks, '/statistics-import', Buffer.from(wrong.toString().replace('5 049', '5 050')), 'year=2017&dryRun=false');
    expect(right.json().data).toMatchObject({ dryRun: false, discrepancies: [] });
    const long = csv(`kommune;år;måltall;verdi
      Snåsa;2016;Feide-pålogginger;50 000
      Lierne;2016;Feide-pålogginger;18 000
      Oslo;2016;Feide-pålogginger;1
      Grong;2016;Feide-pålogginger;mange`);
    const history = await upload(iksEditor, iks, '/statistics-import', long, 'dryRun=false');
    expect(history.json().data).toMatchObject({ shape: 'long', year: 2016, values: 2 });
    expect(history.json().data.problems).toEqual([
      { row: 4, column: 'kommune', message: '«Oslo» er verken en av eierne eller medlem av et samarbeid organisasjonen er vert for.' },
      { row: 5, column: 'verdi', message: '«mange» er ikke et helt tall.' },
    ]);
    const year = (await iksReader.get(api(iks, '/statistics?year=2017'))).json().data;
    expect(year.years).toEqual([2016, 2017]);
    const feide = year.metrics.find((m: { name: string }) => m.name === 'Feide-pålogginger');
    expect(year.totals.find((x: { metricId: string }) => x.metricId === feide.id).total).toBe(155_598);
    const chart = await iksReader.get(api(iks, `/statistics/chart?year=2017&metricId=${feide.id}&kind=lines`));
    expect(chart.statusCode).toBe(200);
    expect(chart.headers['content-type']).toContain('image/svg+xml');
    expect(chart.body).toContain('<title>Feide-pålogginger 2016–2017</title>');
  });

  it('refuses bad input with a 4xx naming the field, and imports nothing from an unreadable file', async () => {
    const noYear = await upload(iksEditor, iks, '/statistics-import', csv('kommune;Feide\nSnåsa;1'), 'dryRun=false');
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().errors[0].message).toMatch(/året/);
    const garbage = await iksEditor.raw('POST', api(iks, '/accounts-import?filename=x.xlsx&year=2017&dryRun=false'), Buffer.from('PK\u0003\u0004tull'), 'application/octet-stream');
    expect(garbage.statusCode).toBe(400);
    const badYear = await iksEditor.get(api(iks, '/accounts?year=tjue'));
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().errors[0].field).toBe('year');
    const badPool = await iksEditor.request('POST', api(iks, '/cost-pools?year=2017'), { basis: 'budget', key: 'fixed', percentages: [5000] });
    expect(badPool.statusCode).toBe(400);
    expect(badPool.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['ansvarId', 'percentages']);
    expect((await iksReader.raw('POST', api(iks, '/accounts-import?filename=a.csv&year=2017'), csv('ansvar;navn;avvik\n1;a;1'), 'application/octet-stream')).statusCode).toBe(403);
  });

  it('imports the accounts per ansvar, derives deviations and the sum, and checks the printed total', async () => {
    const file = csv(`ansvar;navn;budsjett;regnskap
      1000;Drift og brukerstøtte;4 000 000;3 900 000
      1100;Lisenser;2 000 003;2 000 003
      1200;Felles arkiv;1 000 000;1 050 000
      Totalt;;7 000 003;6 950 003`);
    const res = await upload(iksEditor, iks, '/accounts-import', file, 'year=2017&dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ lines: 3, total: { budget: 7_000_003, actual: 6_950_003, deviation: 50_000 }, discrepancies: [] });
    const accounts = (await iksReader.get(api(iks, '/accounts?year=2017'))).json().data;
    expect(accounts.lines.map((l: { ansvar: string; deviation: number }) => [l.ansvar, l.deviation])).toEqual([['1000', 100_000], ['1100', 0], ['1200', -50_000]]);
    expect(accounts.total).toEqual({ budget: 7_000_003, actual: 6_950_003, deviation: 50_000 });
  });

  it('shares pools by every key; 100 003 kr equally among 4 of 6 owners gives 25 001 ×3 and 25 000, 0 to the others', async () => {
    const pools = csv(`ansvar;grunnlag;nøkkel;kommuner;måltall;prosenter;navn
      1100;budsjett;lik;5046, 5042, Røyrvik, 5044;;;Lisenser
      1000;regnskap;måltall;;Feide-pålogginger;;Drift
      1200;avvik;fast;Snåsa, Lierne;;60, 40;Arkiv
      9999;budsjett;lik;;;;Ukjent`);
    const res = await upload(iksEditor, iks, '/cost-pools-import', pools, 'year=2017&dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ pools: 3, problems: [{ row: 5, column: 'ansvar' }] });
    // 100 003 kr: the ansvar's budget was 2 000 003; use a typed pool for the example.
    const body = (await iksEditor.get(api(iks, '/cost-pools?year=2017'))).json().data;
    const lisenser = body.pools.find((p: { name: string }) => p.name === 'Lisenser');
    expect(lisenser.amount).toBe(2_000_003);
    expect(lisenser.shares.map((s: { kommunenummer: string; amount: number }) => [s.kommunenummer, s.amount])).toEqual([
      ['5041', 0],
      ['5042', 500_001],
      ['5043', 500_001],
      ['5044', 500_001],
      ['5045', 0],
      ['5046', 500_000],
    ]);
    const drift = body.pools.find((p: { name: string }) => p.name === 'Drift');
    expect(drift.shares.reduce((s: number, x: { amount: number }) => s + x.amount, 0)).toBe(3_900_000);
    const arkiv = body.pools.find((p: { name: string }) => p.name === 'Arkiv');
    expect(arkiv.amount).toBe(-50_000);
    expect(arkiv.shares.slice(0, 2).map((s: { amount: number }) => s.amount)).toEqual([-30_000, -20_000]);

    const ansvar = body.choices.find((c: { kind: string; name: string }) => c.kind === 'ansvar' && c.name === '1100');
    const four = [owners[5]!.id, owners[1]!.id, owners[2]!.id, owners[3]!.id];
    await upload(iksEditor, iks, '/accounts-import', csv('ansvar;navn;budsjett;regnskap\n1300;Eksempel;100 003;100 003'), 'year=2018&dryRun=false');
    const accounts2018 = (await iksEditor.get(api(iks, '/accounts?year=2018'))).json().data;
    const example = accounts2018.ansvar.find((a: { number: string }) => a.number === '1300');
    const created = await iksEditor.request('POST', api(iks, '/cost-pools?year=2018'), { basis: 'budget', key: 'equal', ansvarId: example.id, ownerIds: four });
    expect(created.statusCode, created.body).toBe(201);
    const shared = (await iksEditor.get(api(iks, '/cost-pools?year=2018'))).json().data.pools[0];
    expect(shared.shares.map((s: { amount: number }) => s.amount)).toEqual([0, 25_001, 25_001, 25_001, 0, 25_000]);

    const zero = await iksEditor.request('PUT', api(iks, `/cost-pools/${created.json().data.id}`), { version: 1, basis: 'budget', key: 'metric', ansvarId: example.id, metricId: body.choices.find((c: { kind: string; name: string }) => c.kind === 'metric' && c.name === 'Feide-pålogginger').id });
    expect(zero.statusCode, zero.body).toBe(200);
    const refused = (await iksEditor.get(api(iks, '/cost-pools?year=2018'))).json().data.pools[0];
    expect(refused.problem).toMatch(/«1300 Eksempel».*null/);
    expect((await iksEditor.request('PUT', api(iks, `/cost-pools/${created.json().data.id}`), { version: 1, basis: 'budget', key: 'equal', ansvarId: ansvar.id })).statusCode).toBe(409);

    const figures = await withSystem(t.database.db, (tx) => loadAnnualFigures(tx, iks.id, 2017));
    expect(figures.statistics.rows.map((r) => r.kommunenummer)).toEqual(['5041', '5042', '5043', '5044', '5045', '5046']);
    expect(figures.statistics.totals).toEqual([5_050, 155_598]);
    expect(figures.statistics.history.find((h) => h.metric === 'Feide-pålogginger')?.years).toEqual([2016, 2017]);
    expect(figures.accounts.total).toEqual({ budget: 7_000_003, actual: 6_950_003, deviation: 50_000 });
    expect(figures.costSharing.pools).toHaveLength(3);
    for (const p of figures.costSharing.pools) {
      expect(p.shares).toHaveLength(6);
      expect(p.shares.reduce((s, x) => s + x.amount, 0)).toBe(p.amount);
    }
    expect(figures.costSharing.totalPerOwner.reduce((s, x) => s + x.amount, 0)).toBe(2_000_003 + 3_900_000 - 50_000);
  });

  it('an owner sees what it pays, its refund and the statistics about itself, never the accounts or other owners', async () => {
    const lierne = owners[1]!;
    const pay = await ownerEditor.get(api(lierne, '/iks-payments?year=2017'));
    expect(pay.statusCode, pay.body).toBe(200);
    const [org] = pay.json().data.organizations;
    expect(org.name).toBe('Indre Namdal IKT IKS');
    expect(org.pools.map((p: { name: string; share: number }) => [p.name, p.share])).toEqual([
      ['Drift', expect.any(Number)],
      ['Lisenser', 500_001],
      ['Arkiv', -20_000],
    ]);
    expect(org.refund).toBe(-20_000);
    expect(JSON.stringify(pay.json())).not.toContain('Snåsa');
    const xlsx = await ownerEditor.get(api(lierne, '/iks-payments/export?year=2017'));
    expect(xlsx.statusCode).toBe(200);
    const rows = await readTable(xlsx.rawPayload, 'andeler.xlsx');
    expect(rows[0]).toContain('nøkkel');
    expect(rows.find((r) => r[3] === 'Lisenser')?.slice(6)).toEqual(['lik', '', '2000003', '500001']);
    const about = (await ownerEditor.get(api(lierne, '/statistics-about-us'))).json().data;
    expect(about.map((a: { metric: string; year: number; value: number }) => [a.metric, a.year, a.value])).toEqual([
      ['Brev inn', 2017, 800],
      ['Feide-pålogginger', 2016, 18_000],
      ['Feide-pålogginger', 2017, 20_000],
    ]);
    expect((await ownerEditor.get(api(iks, '/accounts?year=2017'))).statusCode).toBe(404);
    expect((await ownerEditor.get(api(iks, '/cost-pools?year=2017'))).statusCode).toBe(404);
    expect((await ownerEditor.get(api(iks, '/statistics?year=2017'))).statusCode).toBe(404);
    const none = (await strangerEditor.get(api(stranger, '/iks-payments?year=2017'))).json().data;
    expect(none.organizations).toEqual([]);
    expect((await strangerEditor.get(api(stranger, '/statistics-about-us'))).json().data).toEqual([]);
  });

  it('edits a metric\'s name, unit and description with Norwegian 4xx naming the field; deletes only an unused metric, else 409 saying why', async () => {
    const metrics = (await iksReader.get(api(iks, '/statistics?year=2017'))).json().data.metrics as { id: string; name: string; version: number }[];
    const feide = metrics.find((m) => m.name === 'Feide-pålogginger')!;
    const path = api(iks, `/metrics/${feide.id}`);
    const ok = await iksEditor.request('PATCH', path, { version: feide.version, unit: ' pålogginger ', description: 'Pålogginger i skolen gjennom Feide.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data).toMatchObject({ name: 'Feide-pålogginger', unit: 'pålogginger', description: 'Pålogginger i skolen gjennom Feide.', version: feide.version + 1 });
    const blank = await iksEditor.request('PATCH', path, { version: feide.version + 1, name: '  ', unit: 'x'.repeat(41) });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    const fields = blank.json().errors as { field: string; message: string }[];
    expect(fields.map((e) => e.field).sort()).toEqual(['name', 'unit']);
    expect(fields.find((e) => e.field === 'unit')!.message).toMatch(/^Enhet .*40 tegn/);
    expect((await iksEditor.request('PATCH', path, { version: feide.version, unit: 'gammel' })).statusCode).toBe(409);
    const taken = await iksEditor.request('PATCH', path, { version: feide.version + 1, name: 'brev inn' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({ field: 'name', message: expect.stringMatching(/måltall med dette navnet/) });
    expect((await iksReader.request('PATCH', path, { version: feide.version + 1, unit: 'x' })).statusCode).toBe(403);

    const used = await iksEditor.request('DELETE', `${path}?version=${feide.version + 1}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toBe('Måltallet «Feide-pålogginger» brukes av 8 verdier og 2 fordelinger og kan derfor ikke slettes.');
    const fresh = await iksEditor.request('POST', api(iks, '/metrics'), { name: 'Ubrukt måltall', unit: 'stk' });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect((await iksEditor.request('DELETE', api(iks, `/metrics/${fresh.json().data.id}?version=1`))).statusCode).toBe(204);
    const after = (await iksReader.get(api(iks, '/statistics?year=2017'))).json().data;
    expect(after.metrics.map((m: { name: string }) => m.name)).not.toContain('Ubrukt måltall');
    expect(after.metrics.find((m: { id: string }) => m.id === feide.id).unit).toBe('pålogginger');
    const bars = await iksReader.get(api(iks, `/statistics/chart?year=2017&metricId=${feide.id}&kind=bars`));
    expect(bars.body).toContain('<title>Feide-pålogginger (pålogginger) 2017</title>');
    const figures = await withSystem(t.database.db, (tx) => loadAnnualFigures(tx, iks.id, 2017));
    expect(figures.statistics.metrics.find((m) => m.name === 'Feide-pålogginger')?.unit).toBe('pålogginger');
  });

  it('keeps monthly series apart from the yearly figures, charts them per kommune and summed, and hands them to the annual report', async () => {
    const months = csv(`kommune;år;måltall;verdi;måned
      Snåsa;2017;Helpdesk-saker;10;1
      Snåsa;2017;Helpdesk-saker;12;2
      Lierne;2017;Helpdesk-saker;5;1
      Lierne;2017;Helpdesk-saker;7;3
      Lierne;2017;Helpdesk-saker;8;13`);
    const res = await upload(iksEditor, iks, '/statistics-import', months, 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ values: 4, problems: [{ row: 6, column: 'måned' }] });
    const year = (await iksReader.get(api(iks, '/statistics?year=2017'))).json().data;
    const helpdesk = year.metrics.find((m: { name: string }) => m.name === 'Helpdesk-saker');
    expect(year.months.filter((v: { metricId: string }) => v.metricId === helpdesk.id)).toHaveLength(4);
    expect(year.values.some((v: { metricId: string }) => v.metricId === helpdesk.id)).toBe(false);
    expect(year.totals.find((x: { metricId: string }) => x.metricId === helpdesk.id).total).toBeNull();
    expect((await iksReader.get(api(iks, '/statistics?year=2016'))).json().data.months).toEqual([]);
    const chart = await iksReader.get(api(iks, `/statistics/chart?year=2017&metricId=${helpdesk.id}&kind=months`));
    expect(chart.statusCode, chart.body).toBe(200);
    expect(chart.body).toContain('<title>Helpdesk-saker 2017</title>');
    for (const label of ['jan', 'des', 'Sum', 'Lierne kommune']) expect(chart.body).toContain(label);
    const brev = year.metrics.find((m: { name: string }) => m.name === 'Brev inn');
    expect((await iksReader.get(api(iks, `/statistics/chart?year=2017&metricId=${brev.id}&kind=months`))).statusCode).toBe(404);
    const figures = await withSystem(t.database.db, (tx) => loadAnnualFigures(tx, iks.id, 2017));
    expect(figures.statistics.months).toEqual([
      {
        metric: 'Helpdesk-saker',
        unit: null,
        rows: [
          { name: 'Snåase - Snåsa kommune', values: [10, 12, null, null, null, null, null, null, null, null, null, null], total: 22 },
          { name: 'Lierne kommune', values: [5, null, 7, null, null, null, null, null, null, null, null, null], total: 12 },
        ],
        totals: [15, 12, 7, null, null, null, null, null, null, null, null, null],
        total: 34,
      },
    ]);
  });

  it('shares a cooperation\'s pool among its accepted members and host by the cooperation\'s key; each member sees only its own share', async () => {
    const [lierne, roeyrvik, namsskogan, grong] = [owners[1]!, owners[2]!, owners[3]!, owners[4]!];
    // Ringebu (3439) hosts a 2K with Lierne (5042) and Namsskogan (5044); Røyrvik is invited but has not answered.
    const coop = await makeCooperation(t.database, stranger.id, [lierne.id, namsskogan.id], { name: 'Fjellregionen 2K' });
    const pending = await makeCooperation(t.database, stranger.id, [roeyrvik.id], { name: 'Ventende samarbeid', accept: false });
    const other = await makeCooperation(t.database, stranger.id, [grong.id], { name: 'Annet samarbeid' });
    const iksCoop = await makeCooperation(t.database, iks.id, [lierne.id], { name: 'IKS-ets samarbeid' });
    const post = (body: object) => strangerEditor.post(api(stranger, '/cost-pools?year=2017'), body);

    // The key defaults to the cooperation's own (like → equal); the host takes part.
    const made = await post({ name: 'Felles sak/arkiv', basis: 'amount', amount: 100_000, cooperationId: coop });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().data).toMatchObject({ key: 'equal', basis: 'amount', typedAmount: 100_000, cooperationId: coop });
    expect((await post({ name: 'Grong', basis: 'amount', amount: 999, cooperationId: other })).statusCode).toBe(201);

    const bad = async (body: object, field: string) => {
      const res = await post(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ basis: 'amount', amount: 1, cooperationId: iksCoop }, 'cooperationId'); // another organization's
    await bad({ basis: 'amount', amount: 1, cooperationId: '00000000-0000-4000-8000-000000000000' }, 'cooperationId'); // unknown
    await bad({ basis: 'amount', amount: 1, cooperationId: pending }, 'cooperationId'); // no accepted member
    await bad({ basis: 'amount', amount: 1, key: 'equal', cooperationId: coop, ownerIds: [grong.id] }, 'ownerIds'); // not a participant
    await bad({ basis: 'amount', cooperationId: coop }, 'amount');
    await bad({ basis: 'amount', amount: 1 }, 'key');

    const host = (await strangerEditor.get(api(stranger, '/cost-pools?year=2017'))).json().data;
    const pool = host.pools.find((p: { name: string }) => p.name === 'Felles sak/arkiv');
    expect(pool.cooperation).toBe('Fjellregionen 2K');
    expect(pool.shares.map((s: { kommunenummer: string; amount: number }) => [s.kommunenummer, s.amount])).toEqual([
      ['3439', 33_334],
      ['5042', 33_333],
      ['5044', 33_333],
    ]);
    expect(host.cooperations.find((c: { id: string }) => c.id === coop)).toMatchObject({ key: 'equal', participants: expect.arrayContaining([expect.objectContaining({ kommunenummer: '5042' })]) });

    // The member's "what we pay" lists the IKS it owns and the cooperation, with its own share only.
    const pay = (await ownerEditor.get(api(lierne, '/iks-payments?year=2017'))).json().data;
    const ringebu = pay.organizations.find((o: { name: string }) => o.name === 'Ringebu kommune');
    expect(ringebu.pools.map((p: { name: string; cooperation: string; key: string; share: number }) => [p.name, p.cooperation, p.key, p.share])).toEqual([
      ['Felles sak/arkiv', 'Fjellregionen 2K', 'equal', 33_333],
    ]);
    expect(JSON.stringify(pay)).not.toContain('Grong');
    const rows = await readTable((await ownerEditor.get(api(lierne, '/iks-payments/export?year=2017'))).rawPayload, 'andeler.xlsx');
    expect(rows.find((r) => r[3] === 'Felles sak/arkiv')?.slice(1)).toEqual(['Ringebu kommune', 'Fjellregionen 2K', 'Felles sak/arkiv', '', 'beløp', 'lik', '', '100000', '33333']);
    // The member never reads the host's pools themselves; an owner of the IKS that is no member sees nothing of Ringebu.
    expect((await ownerEditor.get(api(stranger, '/cost-pools?year=2017'))).statusCode).toBe(404);
    const iksPay = (await iksEditor.get(api(iks, '/iks-payments?year=2017'))).json().data;
    expect(JSON.stringify(iksPay)).not.toContain('Ringebu');
  });

  it('a host records statistics about its cooperation\'s accepted members; a pool by innbyggere weighs each by its population, and a member sees only its own value', async () => {
    const [snaasa, lierne, roeyrvik, namsskogan] = [owners[0]!, owners[1]!, owners[2]!, owners[3]!];
    // Ringebu (3439) hosts a 2K keyed by innbyggere with Lierne and Namsskogan; Røyrvik is only invited.
    const coop = await makeCooperation(t.database, stranger.id, [lierne.id, namsskogan.id], { name: 'Fjellregionen innbyggere', costKey: 'innbyggere' });
    await makeCooperation(t.database, stranger.id, [roeyrvik.id], { name: 'Invitert samarbeid', accept: false });
    const file = csv(`kommune;år;måltall;verdi
      Ringebu;2017;Innbyggere;4 412
      Lierne;2017;Innbyggere;1.331
      5044;2017;Innbyggere;845
      Røyrvik;2017;Innbyggere;480
      Snåsa kommune;2017;Innbyggere;2100
      Lierne;2016;Innbyggere;1 350
      Ringebu;2017;Byggesaker;120`);
    const res = await upload(strangerEditor, stranger, '/statistics-import', file, 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ shape: 'long', values: 5 });
    expect(data.problems).toEqual([
      { row: 5, column: 'kommune', message: '«Røyrvik» er verken en av eierne eller medlem av et samarbeid organisasjonen er vert for.' },
      { row: 6, column: 'kommune', message: '«Snåsa kommune» er verken en av eierne eller medlem av et samarbeid organisasjonen er vert for.' },
    ]);
    const year = (await strangerEditor.get(api(stranger, '/statistics?year=2017'))).json().data;
    expect(year.subjects.map((s: { kommunenummer: string }) => s.kommunenummer).sort()).toEqual(['3439', '5042', '5044', '5045']);
    const innbyggere = year.metrics.find((m: { name: string }) => m.name === 'Innbyggere');
    // An IKS hosting a cooperation with an owner lists that kommune once.
    const iksSubjects = (await iksReader.get(api(iks, '/statistics?year=2017'))).json().data.subjects as { kommunenummer: string }[];
    expect(iksSubjects.filter((s) => s.kommunenummer === '5042')).toHaveLength(1);

    // The key defaults to the cooperation's (innbyggere → måltall); the shares follow the population and add up exactly.
    const made = await strangerEditor.post(api(stranger, '/cost-pools?year=2017'), { name: 'Felles drift', basis: 'amount', amount: 100_000, cooperationId: coop, metricId: innbyggere.id });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().data).toMatchObject({ key: 'metric', metricId: innbyggere.id });
    const shares = async () => {
      const pools = (await strangerEditor.get(api(stranger, '/cost-pools?year=2017'))).json().data.pools;
      const pool = pools.find((p: { name: string }) => p.name === 'Felles drift');
      expect(pool.problem).toBeNull();
      expect(pool.shares.reduce((sum: number, s: { amount: number }) => sum + s.amount, 0)).toBe(100_000);
      return pool.shares.map((s: { kommunenummer: string; weight: number; amount: number }) => [s.kommunenummer, s.weight, s.amount]);
    };
    expect(await shares()).toEqual([
      ['3439', 4412, 66_970],
      ['5042', 1331, 20_204],
      ['5044', 845, 12_826],
    ]);
    const again = await upload(strangerEditor, stranger, '/statistics-import', csv('kommune;år;måltall;verdi\n5044;2017;Innbyggere;1690'), 'dryRun=false');
    expect(again.statusCode, again.body).toBe(200);
    expect(await shares()).toEqual([
      ['3439', 4412, 59_357],
      ['5042', 1331, 17_907],
      ['5044', 1690, 22_736],
    ]);

    // The member sees its own value and share, never another participant's value or the host's other metrics.
    const pay = (await ownerEditor.get(api(lierne, '/iks-payments?year=2017'))).json().data;
    const ringebu = pay.organizations.find((o: { name: string }) => o.name === 'Ringebu kommune');
    expect(ringebu.pools.find((p: { name: string }) => p.name === 'Felles drift')).toMatchObject({ key: 'metric', metric: 'Innbyggere', weight: 1331, share: 17_907 });
    expect(JSON.stringify(pay)).not.toContain('Namsskogan');
    const about = (await ownerEditor.get(api(lierne, '/statistics-about-us'))).json().data;
    expect(about.filter((a: { organization: string }) => a.organization === 'Ringebu kommune').map((a: { metric: string; year: number; value: number }) => [a.metric, a.year, a.value])).toEqual([
      ['Innbyggere', 2016, 1350],
      ['Innbyggere', 2017, 1331],
    ]);
    const seen = await withActor(t.database.db, ownerEditor.user!.id, async (tx) => ({
      values: await queryRows<{ value: string }>(tx, sql`select value::text from statistic_values where organization_id = ${stranger.id}::uuid order by value`),
      metrics: await queryRows<{ name: string }>(tx, sql`select name from metrics where organization_id = ${stranger.id}::uuid`),
    }));
    expect(seen).toEqual({ values: [{ value: '1331' }, { value: '1350' }], metrics: [{ name: 'Innbyggere' }] });
    expect((await ownerEditor.get(api(stranger, '/statistics?year=2017'))).statusCode).toBe(404);

    // An invited kommune and an organization outside the cooperation see nothing of it.
    const roeyrvikEditor = await login(t.app, await makeUser(t.database, { memberships: [[roeyrvik.id, 'editor']] }));
    expect((await roeyrvikEditor.get(api(roeyrvik, '/statistics-about-us'))).json().data.filter((a: { organization: string }) => a.organization === 'Ringebu kommune')).toEqual([]);
    expect(JSON.stringify((await roeyrvikEditor.get(api(roeyrvik, '/iks-payments?year=2017'))).json())).not.toContain('Ringebu');
    const outside = await withActor(t.database.db, iksEditor.user!.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from statistic_values where organization_id = ${stranger.id}::uuid`));
    expect(outside).toEqual([{ n: 0 }]);
    // Row-level security refuses a value about a kommune that is neither owner nor accepted member.
    await expect(
      withActor(t.database.db, strangerEditor.user!.id, (tx) =>
        queryRows(tx, sql`insert into statistic_values (organization_id, metric_id, subject_id, year, value) values (${stranger.id}::uuid, ${innbyggere.id}::uuid, ${snaasa.id}::uuid, 2017, 1)`),
      ),
    ).rejects.toThrow();
  });

  it('reads the statistics, accounts and pools pages in a constant number of statements', async () => {
    const count = async (path: string) => {
      const before = queries;
      const res = await iksReader.get(api(iks, path));
      expect(res.statusCode, res.body).toBe(200);
      return queries - before;
    };
    const small = [await count('/statistics?year=2016'), await count('/accounts?year=2016'), await count('/cost-pools?year=2016')];
    const big = [await count('/statistics?year=2017'), await count('/accounts?year=2017'), await count('/cost-pools?year=2017')];
    expect(big).toEqual(small);
    // The member's payments: 2016 has no pools, 2017 those of the IKS and of the cooperation.
    const pays = async (year: number) => {
      const before = queries;
      expect((await ownerEditor.get(api(owners[1]!, `/iks-payments?year=${year}`))).statusCode).toBe(200);
      return queries - before;
    };
    expect(await pays(2017)).toBe(await pays(2016));
  });
});
