/**
 * Issue 16 through the API: the risk register, "Lag tiltak", confidentiality towards readers,
 * security documents, continuity per system and the overview alerts. One database per backend.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withActor } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

describe.each(backends)('risks ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let admin: Client;
  let reader: Client;
  let queries = 0;
  const api = (path: string, o: TestOrg = org) => `/api/v1/organizations/${o.id}${path}`;

  beforeAll(async () => {
    t = await startTestApp(backend, { onQuery: () => queries++, today: '2026-06-01' });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    other = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3438', name: 'Sør-Fron kommune' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const dataRoom = (siteId: string) => ({
    title: 'Vannlekkasje i datarommet',
    siteIds: [siteId],
    hazard: 'VVS-rør med vannførende rør går gjennom datarommet.',
    consequenceText: 'Brudd eller lekkasje kan gi stor skade og driftsstans på servere og nettverksutstyr.',
    controls: ['Betongrom', 'Elektronisk adgangskontroll'],
    probability: 1,
    consequence: 5,
    reviewDate: '2027-01-01',
    options: [
      { description: 'Legge om rørene utenom rommet', lines: [{ kind: 'invest', year: 2026, amount: 130_000 }], residualProbability: 1, residualConsequence: 1 },
      { description: 'Skjerming av rør og alarm for lekkasje/fuktighet', lines: [{ kind: 'invest', year: 2026, amount: 20_000 }], residualProbability: 1, residualConsequence: 3, chosen: true },
    ],
  });

  it('refuses bad input with a Norwegian message naming the field, and saves nothing', async () => {
    const site = (await editor.post(api('/sites'), { name: 'Rådhuset' })).json().data;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...dataRoom(site.id), probability: 6 }, 'probability', /^Sannsynlighet må være fra 1 til 5/],
      [{ ...dataRoom(site.id), siteIds: ['00000000-0000-4000-8000-000000000000'] }, 'siteIds.0', /finnes ikke/],
      [
        { ...dataRoom(site.id), options: [{ description: 'Billig', lines: [{ kind: 'invest', year: 2026, amount: -5 }] }] },
        'options.0.lines.0.amount',
        /^Beløp \(rad 1\) kan ikke være negativ/,
      ],
      [
        { ...dataRoom(site.id), options: dataRoom(site.id).options.map((o) => ({ ...o, chosen: true })) },
        'options.1.chosen',
        /^Valgt \(rad 2\) kan bare velges for ett alternativ/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await editor.post(api('/risks'), body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      expect(error?.message, res.body).toMatch(message);
    }
    expect((await editor.get(api('/risks'))).json().data).toEqual([]);
  });

  it('registers the Ringebu data-room risk: medium by the default criteria, residual level from the chosen option', async () => {
    const site = (await editor.get(api('/sites'))).json().data[0];
    const res = await editor.post(api('/risks'), dataRoom(site.id));
    expect(res.statusCode, res.body).toBe(201);
    const risk = res.json().data;
    expect(risk).toMatchObject({ score: 5, level: 'medium', residualLevel: 'low', objects: [{ kind: 'site', name: 'Rådhuset' }], reviewOverdue: false });
    expect(risk.options.map((o: { invest: number; chosen: boolean }) => [o.invest, o.chosen])).toEqual([
      [130_000, false],
      [20_000, true],
    ]);
    // Changing the grid moves the level (derived, never stored).
    const settings = (await admin.get(api('/risk-settings'))).json().data;
    const matrix = settings.matrix.map((row: string[]) => [...row]);
    matrix[0][4] = 'high';
    matrix[1][4] = 'high';
    for (let p = 2; p < 5; p++) matrix[p][4] = 'high';
    const saved = await admin.request('PUT', api('/risk-settings'), { version: settings.version, matrix });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await editor.get(api(`/risks/${risk.id}`))).json().data.level).toBe('high');
    // An editor may not change the criteria; an inconsistent grid is refused.
    expect((await editor.request('PUT', api('/risk-settings'), { version: 1, readersSee: true })).statusCode).toBe(403);
    const bad = matrix.map((row: string[]) => [...row]);
    bad[4][4] = 'low';
    const refused = await admin.request('PUT', api('/risk-settings'), { version: 1, matrix: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'matrix.4.4' });
    await admin.request('PUT', api('/risk-settings'), { version: 1, matrix: settings.matrix });
  });

  it('«Lag tiltak» needs a draft revision; then makes a 20 000 kr measure linked both ways, whose lines are the truth', async () => {
    const [risk] = (await editor.get(api('/risks'))).json().data;
    const chosen = risk.options.find((o: { chosen: boolean }) => o.chosen);
    const none = await editor.post(api(`/risks/${risk.id}/options/${chosen.id}/measure`));
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/ingen revisjon under arbeid/);

    const rev = (await editor.post(api('/plans'), { name: 'IKT-strategi 2026–2029', startYear: 2026, endYear: 2029 })).json().data;
    const notChosen = risk.options.find((o: { chosen: boolean }) => !o.chosen);
    expect((await editor.post(api(`/risks/${risk.id}/options/${notChosen.id}/measure`))).statusCode).toBe(409);
    const made = await editor.post(api(`/risks/${risk.id}/options/${chosen.id}/measure`));
    expect(made.statusCode, made.body).toBe(200);
    const option = made.json().data.options.find((o: { id: string }) => o.id === chosen.id);
    expect(option.measure).toMatchObject({ revisionId: rev.id, revisionStatus: 'draft' });
    expect((await editor.post(api(`/risks/${risk.id}/options/${chosen.id}/measure`))).statusCode).toBe(409);

    const plan = (await editor.get(api(`/revisions/${rev.id}`))).json().data;
    const measure = plan.measures.find((m: { id: string }) => m.id === option.measure.id);
    expect(measure.lines).toMatchObject([{ kind: 'invest', year: 2026, amount: 20_000 }]);
    expect(measure.priority).toBe('medium');
    expect((await editor.get(api(`/measure-risks/${measure.lineageId}`))).json().data).toEqual([
      { riskId: risk.id, title: 'Vannlekkasje i datarommet', optionId: chosen.id, description: chosen.description },
    ]);

    // The measure's money is the option's money from now on.
    const changed = await editor.patch(api(`/revisions/${rev.id}/measures/${measure.id}`), { version: measure.version, lines: [{ kind: 'invest', year: 2026, quantity: 2, unitPrice: 12_500 }] });
    expect(changed.statusCode, changed.body).toBe(200);
    let after = (await editor.get(api(`/risks/${risk.id}`))).json().data.options.find((o: { id: string }) => o.id === chosen.id);
    expect(after.invest).toBe(25_000);

    // Editing the risk keeps the link; a copied revision carries it (the newest revision is shown).
    const current = (await editor.get(api(`/risks/${risk.id}`))).json().data;
    const edited = await editor.patch(api(`/risks/${risk.id}`), { version: current.version, options: current.options.map((o: Record<string, unknown>) => ({ id: o.id, description: o.description, lines: o.lines, residualProbability: o.residualProbability, residualConsequence: o.residualConsequence, chosen: o.chosen })) });
    expect(edited.statusCode, edited.body).toBe(200);
    await editor.post(api(`/revisions/${rev.id}/adopt`), { version: (await editor.get(api(`/revisions/${rev.id}`))).json().data.version, adoptedDate: '2026-03-01', decisionRef: 'K-sak 1/26' });
    const copy = (await editor.post(api(`/revisions/${rev.id}/copy`))).json().data;
    after = (await editor.get(api(`/risks/${risk.id}`))).json().data.options.find((o: { id: string }) => o.id === chosen.id);
    expect(after.measure).toMatchObject({ revisionId: copy.id, revisionStatus: 'draft' });
    expect(after.invest).toBe(25_000);
  });

  it('never shows a risk on innsyn: neither the public page nor the public PDF', async () => {
    const plans = (await editor.get(api('/plans'))).json().data as Array<{ revisions: Array<{ id: string; status: string }> }>;
    const adopted = plans.flatMap((p) => p.revisions).find((r) => r.status === 'adopted');
    expect((await admin.post(api(`/revisions/${adopted!.id}/publish`), {})).statusCode).toBe(200);
    const html = await t.app.inject({ method: 'GET', url: `/innsyn/${org.slug}` });
    expect(html.statusCode).toBe(200);
    // The measure made from the option is public; it names the option, not the risk.
    expect(html.body).toContain('Skjerming av rør og alarm for lekkasje/fuktighet');
    const pdf = await t.app.inject({ method: 'GET', url: `/innsyn/${org.slug}/plan.pdf` });
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'veikart-innsyn-'));
    try {
      writeFileSync(join(dir, 'plan.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'plan.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const secret of ['Vannlekkasje i datarommet', 'VVS-rør', 'Legge om rørene', 'Risikobilde', 'Elektronisk adgangskontroll']) {
        expect(html.body, secret).not.toContain(secret);
        expect(text, secret).not.toContain(secret);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps risks from readers unless the organization allows it, and from other organizations always', async () => {
    const denied = await reader.get(api('/risks'));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toMatch(/offentleglova/);
    expect((await reader.get(api('/security-documents'))).statusCode).toBe(403);
    expect((await reader.get(api('/risk-alerts'))).json().data).toEqual([]);
    // Row-level security says the same, even for raw SQL as the reader.
    const readerId = reader.user?.id ?? '';
    const count = (table: string) =>
      withActor(t.database.db, readerId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.raw(table)} where organization_id = ${org.id}`)).then((r) => r[0]?.n);
    expect([await count('risks'), await count('risk_options')]).toEqual([0, 0]);
    const s = (await admin.get(api('/risk-settings'))).json().data;
    expect((await admin.request('PUT', api('/risk-settings'), { version: s.version, readersSee: true })).statusCode).toBe(200);
    expect((await reader.get(api('/risks'))).json().data).toHaveLength(1);
    expect(await count('risks')).toBe(1);
    expect((await reader.post(api('/risks'), { title: 'Leser', probability: 1, consequence: 1 })).statusCode).toBe(403);

    const outsider = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }));
    const [risk] = (await editor.get(api('/risks'))).json().data;
    expect((await outsider.get(api('/risks'))).statusCode).toBe(404);
    expect((await outsider.get(api(`/risks/${risk.id}`))).statusCode).toBe(404);
    expect((await outsider.get(api(`/risks/${risk.id}`, other))).statusCode).toBe(404);
    expect((await outsider.get(api('/risks', other))).json().data).toEqual([]);
  });

  it('lists 5 and 40 risks in the same number of statements', async () => {
    const count = async () => {
      const before = queries;
      const res = await editor.get(api('/risks'));
      expect(res.statusCode).toBe(200);
      return { n: res.json().data.length, statements: queries - before };
    };
    for (let i = 0; i < 4; i++) await editor.post(api('/risks'), { title: `Risiko ${i}`, probability: 2, consequence: 3, options: [{ description: 'Tiltak', lines: [{ kind: 'drift', year: 2026, amount: 1000 }] }] });
    const few = await count();
    for (let i = 4; i < 40; i++) await editor.post(api('/risks'), { title: `Risiko ${i}`, probability: 3, consequence: 4, options: [{ description: 'Tiltak', lines: [] }, { description: 'Annet', lines: [] }] });
    const many = await count();
    expect([few.n, many.n]).toEqual([5, 41]);
    expect(many.statements).toBe(few.statements);
  });

  it('security documents and risks past their review date become overview alerts', async () => {
    const doc = await editor.post(api('/security-documents'), { title: 'Informasjonssikkerhetspolicy', kind: 'security_plan', adoptedDate: '2024-05-01', reviewMonths: 12, link: 'https://ringebu.kommune.no/policy' });
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().data).toMatchObject({ nextReview: '2025-05-01', reviewOverdue: true });
    expect((await editor.post(api('/security-documents'), { title: 'X', kind: 'policy', reviewMonths: 0 })).json().errors.map((e: { field: string }) => e.field)).toEqual(['kind', 'reviewMonths']);
    await editor.post(api('/risks'), { title: 'Utløpt gjennomgang', probability: 4, consequence: 4, reviewDate: '2026-01-15' });
    const alerts = (await editor.get(api('/risk-alerts'))).json().data;
    expect(alerts.map((a: { kind: string; title: string; date: string }) => [a.kind, a.title, a.date])).toEqual([
      ['risk_review', 'Utløpt gjennomgang', '2026-01-15'],
      ['document_review', 'Informasjonssikkerhetspolicy', '2025-05-01'],
    ]);
  });

  it('keeps continuity per system for its own systems', async () => {
    const system = (await editor.post(api('/systems'), { name: 'Fagsystem', criticality: 'round_the_clock' })).json().data;
    const gaps = async () => {
      const one = (await editor.get(api(`/systems/${system.id}`))).json().data.quality.gaps;
      const listed = (await editor.get(api('/data-quality'))).json().data.find((s: { id: string }) => s.id === system.id).quality.gaps;
      expect(listed).toEqual(one);
      return one as string[];
    };
    expect(await gaps()).toContain('critical_without_continuity');
    const empty = (await editor.get(api(`/systems/${system.id}/continuity`))).json().data;
    expect(empty).toMatchObject({ version: 0, backupLocation: null });
    const saved = await editor.request('PUT', api(`/systems/${system.id}/continuity`), { version: 0, backupLocation: 'Annen kommunal bygning (fiber)', backupFrequency: 'Daglig', restoreTested: '2024-02-01', rtoHours: 24, rpoHours: 24, fallbackSite: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data).toMatchObject({ version: 1, restoreOverdue: true, rtoHours: 24 });
    // The critical system's continuity feeds its data-quality score.
    expect(await gaps()).not.toContain('critical_without_continuity');
    const full = { backupLocation: 'Annen kommunal bygning (fiber)', rtoHours: 24, rpoHours: 24, fallbackSite: false };
    expect((await editor.request('PUT', api(`/systems/${system.id}/continuity`), { version: 1, ...full, rpoHours: null })).statusCode).toBe(200);
    expect(await gaps()).toContain('critical_without_continuity');
    expect((await editor.request('PUT', api(`/systems/${system.id}/continuity`), { version: 2, ...full })).statusCode).toBe(200);
    expect(await gaps()).not.toContain('critical_without_continuity');
    const negative = await editor.request('PUT', api(`/systems/${system.id}/continuity`), { version: 3, rtoHours: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0]).toMatchObject({ field: 'rtoHours', message: expect.stringMatching(/^RTO \(timer\) kan ikke være negativ/) });
    const stranger = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'editor']] }));
    expect((await stranger.get(api(`/systems/${system.id}/continuity`, other))).statusCode).toBe(404);
  });
  it('imports a risk file on the web with a preview of every cell it cannot use, and exports it back', async () => {
    const upload = (body: string | Buffer, dryRun: boolean, filename = 'ros.csv', who: Client = editor) =>
      who.raw('POST', api(`/risks-import?filename=${filename}&dryRun=${dryRun}`), Buffer.isBuffer(body) ? body : Buffer.from(body), 'application/octet-stream');
    const before = (await editor.get(api('/risks'))).json().data.length;
    const file = [
      'risiko;objekt;sannsynlighet;konsekvens;tiltak;investering;valgt',
      'Strømbrudd i serverrommet;Rådhuset;liten;alvorlig;UPS;45 000;ja',
      'For sannsynlig;;6;3;;;',
      'Ukjent sted;Månebasen;2;2;;;',
      'Negativ kostnad;;2;2;Billig;-5;',
      'To valgte;;2;2;A;1000;ja',
      'To valgte;;;;B;2000;ja',
    ].join('\n');
    const preview = await upload(file, true);
    expect(preview.statusCode, preview.body).toBe(200);
    const data = preview.json().data;
    expect(data).toMatchObject({ dryRun: true, risks: 1, options: 1, levels: { low: 0, medium: 1, high: 0 } });
    expect(data.rows).toEqual([{ row: 2, title: 'Strømbrudd i serverrommet', action: 'create', options: 1, level: 'medium' }]);
    expect(data.acceptedWords).toEqual(['«alvorlig» = 4', '«liten» = 2']);
    const where = data.problems.map((p: { row: number; column: string }) => [p.row, p.column]);
    expect(where).toEqual(expect.arrayContaining([[3, 'sannsynlighet'], [4, 'objekt'], [5, 'investering']]));
    expect(data.problems.find((p: { row: number }) => p.row === 3).message).toMatch(/^Rad 3, kolonne «sannsynlighet»: «6» må være fra 1 til 5/);
    expect(data.problems.some((p: { message: string }) => /To valgte.*kan bare velges for ett alternativ/.test(p.message))).toBe(true);
    expect((await editor.get(api('/risks'))).json().data).toHaveLength(before);

    const done = await upload(file, false);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().data).toMatchObject({ dryRun: false, risks: 1 });
    const list = (await editor.get(api('/risks'))).json().data as Array<{ title: string; options: Array<{ invest: number; chosen: boolean }> }>;
    expect(list).toHaveLength(before + 1);
    expect(list.find((r) => r.title === 'Strømbrudd i serverrommet')?.options).toMatchObject([{ invest: 45_000, chosen: true }]);
    expect(list.some((r) => ['For sannsynlig', 'Ukjent sted', 'Negativ kostnad', 'To valgte'].includes(r.title))).toBe(false);

    // Unreadable or empty files, and readers: 4xx, nothing written.
    for (const [body, name] of [[Buffer.from('PK\u0003\u0004 ikke et regneark'), 'ros.xlsx'], ['tittel-uten-overskrift\n1;2', 'ros.csv'], [Buffer.alloc(0), 'ros.csv']] as const) {
      const res = await upload(body, false, name);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/[Ff]il|risiko/) });
    }
    expect((await upload(file, false, 'ros.csv', reader)).statusCode).toBe(403);
    expect((await editor.get(api('/risks'))).json().data).toHaveLength(before + 1);

    // Export: CSV and XLSX downloads that read back as the same register (every risk an update).
    const csv = await editor.get(api('/risks-export?format=csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('risiko-');
    expect(csv.body.split('\n')[0]).toMatch(/^\uFEFF?risiko/);
    const xlsx = await editor.get(api('/risks-export?format=xlsx'));
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const back = (await upload(xlsx.rawPayload, true, 'ros.xlsx')).json().data;
    expect(back.problems).toEqual([]);
    expect(back.risks).toBe(before + 1);
    expect(back.rows.every((r: { action: string }) => r.action === 'update')).toBe(true);
    const outsider = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }));
    expect((await outsider.get(api('/risks-export?format=csv'))).statusCode).toBe(404);
  });

  it('edits and deletes a security document: 4xx for bad input, a stale version and an unknown id', async () => {
    const doc = (await editor.post(api('/security-documents'), { title: 'Tilgangsstyring', kind: 'access_control', reviewMonths: 12 })).json().data;
    const url = api(`/security-documents/${doc.id}`);
    const bad = await editor.patch(url, { version: doc.version, title: '', reviewMonths: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['reviewMonths', 'title']);
    const edited = await editor.patch(url, { version: doc.version, title: 'Rutine for tilgangsstyring', adoptedDate: '2026-01-10' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().data).toMatchObject({ title: 'Rutine for tilgangsstyring', nextReview: '2027-01-10', version: doc.version + 1 });
    expect((await editor.patch(url, { version: doc.version, title: 'Gammel' })).statusCode).toBe(409);
    expect((await editor.request('DELETE', `${url}?version=${doc.version}`)).statusCode).toBe(409);
    expect((await reader.request('DELETE', `${url}?version=${doc.version + 1}`)).statusCode).toBe(403);
    expect((await editor.request('DELETE', `${url}?version=${doc.version + 1}`)).statusCode).toBe(204);
    expect((await editor.get(url)).statusCode).toBe(404);
    expect((await editor.request('DELETE', `${url}?version=1`)).statusCode).toBe(404);
  });
  it('takes the consequence per dimension: the highest counts, a bad value names the dimension, clearing all is refused', async () => {
    const res = await editor.post(api('/risks'), { title: 'Dataangrep', probability: 3, dimensions: { service: 4, privacy: 3 } });
    expect(res.statusCode, res.body).toBe(201);
    const risk = res.json().data;
    expect(risk).toMatchObject({ consequence: null, dimensions: { service: 4, privacy: 3 }, effectiveConsequence: 4, score: 12 });
    const bad = await editor.patch(api(`/risks/${risk.id}`), { version: risk.version, dimensions: { life: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'dimensions.life', message: expect.stringMatching(/^Konsekvens for liv og helse må være fra 1 til 5/) });
    const cleared = await editor.patch(api(`/risks/${risk.id}`), { version: risk.version, dimensions: { service: null } });
    expect(cleared.statusCode, cleared.body).toBe(400);
    expect(cleared.json().errors[0]).toMatchObject({ field: 'consequence' });
    const single = await editor.patch(api(`/risks/${risk.id}`), { version: risk.version, consequence: 2, dimensions: { life: 5 } });
    expect(single.statusCode, single.body).toBe(200);
    expect(single.json().data).toMatchObject({ consequence: 2, dimensions: { life: 5 }, effectiveConsequence: 5 });
    expect((await editor.request('DELETE', api(`/risks/${risk.id}?version=${single.json().data.version}`))).statusCode).toBe(204);
  });
});
