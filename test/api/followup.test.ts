/**
 * Issue 18, follow-up: benefits per measure (copied into a new revision, compared), status reports
 * with actual spend, the overview's deviations, the actual-spend import (lenient and strict), and
 * the statement counts of the follow-up and the innsyn dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

interface Rev {
  id: string;
  version: number;
  status: string;
  measures: Array<{ id: string; lineageId: string; number: string | null; title: string; version: number }>;
}
interface Followup {
  benefits: Array<{ id: string; lineageId: string; measureId: string; indicator: string; owner: string | null; version: number; targets: Array<{ year: number; value: number }>; results: Array<{ year: number; value: number; comment: string | null }> }>;
  reports: Array<{ id: string; measureId: string; reportDate: string; status: string; summary: string; version: number }>;
  measures: Array<{ id: string; actuals: Array<{ kind: string; year: number; amount: number }>; money: Array<{ year: number; planned: number; actual: number; deviation: number }> }>;
  overview: {
    money: { years: Array<{ year: number; planned: number; actual: number; deviation: number }>; planned: number; actual: number; deviation: number };
    benefits: { economic: { expected: Record<string, number>; realised: Record<string, number>; expectedTotal: number; realisedTotal: number }; time: { expectedTotal: number; realisedTotal: number } };
    flagged: Array<{ id: string; title: string; flags: string[] }>;
  };
}

describe.each(backends)('follow-up ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let editor: Client;
  let admin: Client;
  let reader: Client;
  let stranger: Client;
  let base: string;
  let rev: Rev;
  let queries = 0;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: '2026-09-15', onQuery: () => queries++ });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5021', name: 'Måsøy kommune' });
    other = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '5055', name: 'Karlsøy kommune' });
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    stranger = await login(t.app, await makeUser(t.database, { memberships: [[other.id, 'admin']] }));
    base = `/api/v1/organizations/${org.id}`;
    rev = (await editor.post(`${base}/plans`, { name: 'IKT-plan', startYear: 2025, endYear: 2028 })).json().data;
    for (const [number, title, endDate, lines] of [
      ['1', 'SvarUt for all utgående post', '2026-06-30', [{ kind: 'drift', year: 2025, amount: 100000 }, { kind: 'drift', year: 2026, amount: 50000 }]],
      ['2', 'Autorisasjonsportal', null, [{ kind: 'invest', year: 2026, amount: 200000 }]],
      ['3', 'Nytt sak/arkiv', null, []],
    ] as const) {
      const res = await editor.post(`${base}/revisions/${rev.id}/measures`, { number, title, endDate, status: 'in_progress', lines });
      expect(res.statusCode, res.body).toBe(201);
      rev = res.json().data;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (r: Rev, path: string) => `${base}/revisions/${r.id}${path}`;
  const measure = (r: Rev, number: string) => r.measures.find((m) => m.number === number)!;
  const followup = async (r: Rev, who: Client = editor): Promise<Followup> => {
    const res = await who.get(url(r, '/followup'));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  it('adds benefits with baseline and targets; refuses bad input naming the field; records a measured value', async () => {
    const svarut = measure(rev, '1');
    const bad = await editor.post(url(rev, `/measures/${svarut.id}/benefits`), { kind: 'economic', indicator: '', targets: [{ year: 1999, value: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicator', 'targets.0.year']);
    const outside = await editor.post(url(rev, `/measures/${svarut.id}/benefits`), { kind: 'economic', indicator: 'Porto', targets: [{ year: 2030, value: 1 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toEqual({ field: 'targets.0.year', message: '2030 er utenfor planperioden 2025–2028' });

    const res = await editor.post(url(rev, `/measures/${svarut.id}/benefits`), {
      kind: 'economic',
      indicator: 'Sparte porto- og papirkostnader',
      unit: 'kr',
      baseline: 0,
      owner: 'Økonomisjef',
      disposition: 'budget_cut',
      targets: [
        { year: 2026, value: 250000 },
        { year: 2027, value: 500000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const portal = measure(rev, '2');
    // 1 581 change orders × 10 minutes = 263,5 hours, stored as tenths.
    expect((await editor.post(url(rev, `/measures/${portal.id}/benefits`), { kind: 'time', indicator: 'Spart tid på endringsordrer', unit: 'timer', targets: [{ year: 2026, value: 2635 }] })).statusCode).toBe(201);
    const f = await followup(rev);
    expect(f.benefits.map((b) => b.indicator)).toEqual(['Sparte porto- og papirkostnader', 'Spart tid på endringsordrer']);
    const economic = f.benefits[0]!;
    const measured = await editor.request('PUT', url(rev, `/benefits/${economic.id}/results`), { year: 2026, value: 180000, comment: 'Halvt år med SvarUt' });
    expect(measured.statusCode, measured.body).toBe(200);
    const after: Followup = measured.json().data;
    expect(after.benefits[0]?.results).toEqual([{ year: 2026, value: 180000, comment: 'Halvt år med SvarUt' }]);
    expect(after.overview.benefits.economic).toMatchObject({ expectedTotal: 750000, realisedTotal: 180000, expected: { 2026: 250000, 2027: 500000 }, realised: { 2026: 180000 } });
    expect(after.overview.benefits.time.expectedTotal).toBe(2635);
    // A reader reads, does not write.
    expect((await reader.request('PUT', url(rev, `/benefits/${economic.id}/results`), { year: 2026, value: 1 })).statusCode).toBe(403);
    expect((await followup(rev, reader)).benefits).toHaveLength(2);
  });

  it('status reports carry the actual spend; deviations and late measures are flagged', async () => {
    const svarut = measure(rev, '1');
    const bad = await editor.post(url(rev, `/measures/${svarut.id}/status-reports`), { reportDate: '2026-13-01', status: 'maybe', summary: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['reportDate', 'status', 'summary']);
    const res = await editor.post(url(rev, `/measures/${svarut.id}/status-reports`), {
      reportDate: '2026-08-31',
      status: 'at_risk',
      summary: 'Forsinket innføring i helse.',
      actuals: [
        { kind: 'drift', year: 2025, amount: 90000 },
        { kind: 'drift', year: 2026, amount: 70000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const f: Followup = res.json().data;
    expect(f.reports).toMatchObject([{ measureId: svarut.id, reportDate: '2026-08-31', status: 'at_risk', summary: 'Forsinket innføring i helse.' }]);
    expect(f.measures.find((m) => m.id === svarut.id)?.money.filter((y) => y.actual > 0)).toEqual([
      { year: 2025, planned: 100000, actual: 90000, deviation: -10000 },
      { year: 2026, planned: 50000, actual: 70000, deviation: 20000 },
    ]);
    expect(f.overview.money.years.find((y) => y.year === 2026)).toEqual({ year: 2026, planned: 250000, actual: 70000, deviation: -180000 });
    // Measure 1: ended 30.06.2026 (today 15.09.2026), over budget in 2026. Measure 3 has no benefit.
    expect(f.overview.flagged.map((m) => [m.title, m.flags])).toEqual([
      ['SvarUt for all utgående post', ['late', 'overBudget']],
      ['Autorisasjonsportal', ['noBenefitOwner']],
      ['Nytt sak/arkiv', ['noBenefitOwner']],
    ]);
  });

  it('imports actual spend: the known rows in one transaction and reports the unknown one; all or nothing when strict', async () => {
    const csv = Buffer.from('prosjektnr;tiltak;år;regnskap\n2;Autorisasjonsportal;2026;150 000\n3;;2026;40000\n9;Ukjent tiltak;2026;5000\nSum;;;195 000\n');
    const strict = await editor.raw('POST', url(rev, '/actuals-import?filename=regnskap.csv&strict=true'), csv, 'text/csv');
    expect(strict.statusCode).toBe(400);
    expect(strict.json().detail).toContain('Ingenting er importert');
    expect(strict.json().errors.map((e: { message: string }) => e.message)).toEqual(['Rad 4: fant ikke tiltaket «9 Ukjent tiltak» i planen.']);
    expect((await followup(rev)).measures.find((m) => m.id === measure(rev, '2').id)?.actuals).toEqual([]);

    const lenient = await editor.raw('POST', url(rev, '/actuals-import?filename=regnskap.csv'), csv, 'text/csv');
    expect(lenient.statusCode, lenient.body).toBe(200);
    expect(lenient.json().data).toMatchObject({ strict: false, imported: 2, skipped: [{ row: 4, column: 'prosjektnr', message: 'Rad 4: fant ikke tiltaket «9 Ukjent tiltak» i planen.' }], discrepancies: [] });
    const f = await followup(rev);
    expect(f.measures.find((m) => m.id === measure(rev, '2').id)?.actuals).toEqual([{ kind: 'drift', year: 2026, amount: 150000 }]);
    expect(f.measures.find((m) => m.id === measure(rev, '3').id)?.actuals).toEqual([{ kind: 'drift', year: 2026, amount: 40000 }]);

    const wrongSum = await editor.raw('POST', url(rev, '/actuals-import?filename=regnskap.csv'), Buffer.from('tiltak;år;regnskap\nAutorisasjonsportal;2026;1000\nSum;;2000\n'), 'text/csv');
    expect(wrongSum.json().data.discrepancies).toEqual([{ row: 3, printed: 2000, computed: 1000 }]);
    const unreadable = await editor.raw('POST', url(rev, '/actuals-import?filename=regnskap.xlsx'), Buffer.from('not a spreadsheet'), 'application/octet-stream');
    expect(unreadable.statusCode).toBe(400);
  });

  it('copies benefits, measured values and reports into a new revision, compares them, and keeps adopted benefits frozen while follow-up goes on', async () => {
    const adopted = await editor.post(url(rev, '/adopt'), { version: rev.version, adoptedDate: '2026-01-15', decisionRef: 'K-sak 3/26' });
    expect(adopted.statusCode, adopted.body).toBe(200);
    rev = adopted.json().data;
    const f = await followup(rev);
    const economic = f.benefits[0]!;
    // Plan text is frozen…
    expect((await editor.request('PUT', url(rev, `/benefits/${economic.id}`), { ...economic, version: economic.version, kind: 'economic', targets: [] })).statusCode).toBe(409);
    expect((await editor.post(url(rev, `/measures/${measure(rev, '3').id}/benefits`), { kind: 'quality', indicator: 'Brukertilfredshet' })).statusCode).toBe(409);
    // …follow-up is not.
    expect((await editor.request('PUT', url(rev, `/benefits/${economic.id}/results`), { year: 2027, value: 400000 })).statusCode).toBe(200);
    expect((await editor.request('PUT', url(rev, `/measures/${measure(rev, '2').id}/actuals`), { actuals: [{ kind: 'invest', year: 2026, amount: 210000 }] })).statusCode).toBe(200);

    const copied = await editor.post(url(rev, '/copy'), {});
    expect(copied.statusCode, copied.body).toBe(201);
    const next: Rev = copied.json().data;
    const g = await followup(next);
    expect(g.benefits.map((b) => [b.lineageId, b.indicator, b.results.length])).toEqual(f.benefits.map((b, i) => [b.lineageId, b.indicator, i === 0 ? 2 : 0]));
    expect(g.reports.map((r) => r.summary)).toEqual(['Forsinket innføring i helse.']);
    expect(g.benefits.every((b) => next.measures.some((m) => m.id === b.measureId))).toBe(true);

    const changed = g.benefits[0]!;
    const put = await editor.request('PUT', url(next, `/benefits/${changed.id}`), { kind: 'economic', indicator: changed.indicator, unit: 'kr', baseline: 0, disposition: 'budget_cut', owner: 'Rådmann', targets: [{ year: 2027, value: 450000 }], version: changed.version });
    expect(put.statusCode, put.body).toBe(200);
    expect((await editor.post(url(next, `/measures/${measure(next, '3').id}/benefits`), { kind: 'quality', indicator: 'Brukertilfredshet', owner: 'Arkivleder' })).statusCode).toBe(201);
    const time = g.benefits[1]!;
    expect((await editor.del(url(next, `/benefits/${time.id}?version=${time.version}`))).statusCode).toBe(204);
    const cmp = await editor.get(url(next, `/benefit-changes?with=${rev.id}`));
    expect(cmp.statusCode, cmp.body).toBe(200);
    expect(cmp.json().data.map((c: { change: string; indicator: string; fields: Array<{ field: string; before: string | null; after: string | null }> }) => [c.change, c.indicator, c.fields])).toEqual([
      [
        'changed',
        'Sparte porto- og papirkostnader',
        [
          { field: 'owner', before: 'Økonomisjef', after: 'Rådmann' },
          { field: 'targets', before: '2026: 250000, 2027: 500000', after: '2027: 450000' },
        ],
      ],
      ['added', 'Brukertilfredshet', []],
      ['removed', 'Spart tid på endringsordrer', []],
    ]);
  });

  it('reads the follow-up in a constant number of statements', async () => {
    const count = async (r: Rev) => {
      const before = queries;
      await followup(r);
      return queries - before;
    };
    const small = await count(rev);
    const bigger = (await editor.post(`${base}/plans`, { name: 'Stor plan', startYear: 2025, endYear: 2028 })).json().data as Rev;
    let r = bigger;
    for (let i = 1; i <= 6; i++) {
      r = (await editor.post(url(r, '/measures'), { number: String(i), title: `Tiltak ${i}`, lines: [{ kind: 'drift', year: 2026, amount: 1000 * i }] })).json().data;
      const m = measure(r, String(i));
      await editor.post(url(r, `/measures/${m.id}/benefits`), { kind: 'economic', indicator: `Gevinst ${i}`, targets: [{ year: 2026, value: i }] });
      await editor.post(url(r, `/measures/${m.id}/status-reports`), { reportDate: '2026-04-30', status: 'on_track', summary: 'OK', actuals: [{ kind: 'drift', year: 2026, amount: i }] });
    }
    expect(await count(r)).toBe(small);
  });

  it('the politicians\' dashboard on innsyn: no login, no personal data, benefits and spend only when chosen, constant statements', async () => {
    const slug = org.slug;
    expect((await editor.request('PUT', url(rev, '/publication-options'), { showBenefits: true, showActuals: true })).statusCode).toBe(403);
    expect((await admin.request('PUT', url(rev, '/publication-options'), { showBenefits: true, showActuals: true })).statusCode).toBe(409);
    expect((await admin.post(url(rev, '/publish'), {})).statusCode).toBe(200);
    const publicClient = anonymous(t.app);
    const hidden = await publicClient.get(`/innsyn/${slug}/oppfolging`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.headers['content-type']).toContain('text/html');
    expect(hidden.body).toContain('Forsinket innføring i helse.');
    expect(hidden.body).toContain('Kommunen har ikke publisert gevinster.');
    expect(hidden.body).not.toContain('Sparte porto');
    expect(hidden.body).not.toContain('<script');
    const bad = await admin.request('PUT', url(rev, '/publication-options'), { showBenefits: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect((await admin.request('PUT', url(rev, '/publication-options'), { showBenefits: true, showActuals: true })).statusCode).toBe(200);
    const count = async () => {
      const before = queries;
      const res = await publicClient.get(`/innsyn/${slug}/oppfolging`);
      expect(res.statusCode).toBe(200);
      return { body: res.body, statements: queries - before };
    };
    const shown = await count();
    expect(shown.body).toContain('Sparte porto- og papirkostnader');
    expect(shown.body).toContain('<svg');
    expect(shown.body).toContain('Planlagt og brukt per år, i kroner');
    // No person: benefit owners are not shown.
    expect(shown.body).not.toContain('Økonomisjef');
    // More measures, benefits and reports: the same number of statements.
    const m = measure(rev, '2');
    await editor.post(url(rev, `/measures/${m.id}/status-reports`), { reportDate: '2026-09-01', status: 'on_track', summary: 'I rute.' });
    expect((await count()).statements).toBe(shown.statements);
    expect((await publicClient.get('/innsyn/finnes-ikke/oppfolging')).statusCode).toBe(404);
  });

  it('edits and deletes status reports and measured values on the adopted revision; benefits stay frozen there; bad input names the field; stale versions get 409', async () => {
    expect(rev.status).toBe('adopted');
    const portal = measure(rev, '2');
    const made = await editor.post(url(rev, `/measures/${portal.id}/status-reports`), { reportDate: '2026-04-30', status: 'on_track', summary: 'Første tertial.' });
    expect(made.statusCode, made.body).toBe(201);
    const report = (made.json().data as Followup).reports.find((r) => r.summary === 'Første tertial.')!;
    const path = url(rev, `/status-reports/${report.id}`);

    const bad = await editor.request('PUT', path, { reportDate: '31.04.2026', status: 'kanskje', summary: ' ', version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect([...new Set(bad.json().errors.map((e: { field: string }) => e.field))].sort()).toEqual(['reportDate', 'status', 'summary', 'version']);
    const outside = await editor.request('PUT', path, { reportDate: '2026-04-30', status: 'on_track', summary: 'x', version: report.version, actuals: [{ kind: 'drift', year: 2031, amount: 1 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('actuals.0.year');

    const put = await editor.request('PUT', path, { reportDate: '2026-05-02', status: 'at_risk', summary: 'Første tertial: leverandøren er forsinket.', version: report.version, actuals: [{ kind: 'invest', year: 2026, amount: 150000 }] });
    expect(put.statusCode, put.body).toBe(200);
    const after = put.json().data as Followup;
    const edited = after.reports.find((r) => r.id === report.id)!;
    expect(edited).toMatchObject({ reportDate: '2026-05-02', status: 'at_risk', summary: 'Første tertial: leverandøren er forsinket.' });
    expect(edited.version).not.toBe(report.version);
    expect(after.measures.find((m) => m.id === portal.id)?.actuals).toContainEqual({ kind: 'invest', year: 2026, amount: 150000 });
    // The old version is stale for both update and delete, and nothing changes.
    expect((await editor.request('PUT', path, { reportDate: '2026-05-03', status: 'done', summary: 'Gammel', version: report.version })).statusCode).toBe(409);
    expect((await editor.del(`${path}?version=${report.version}`)).statusCode).toBe(409);
    expect((await editor.del(`${path}?version=abc`)).statusCode).toBe(400);
    expect((await reader.del(`${path}?version=${edited.version}`)).statusCode).toBe(403);
    expect((await editor.del(`${path}?version=${edited.version}`)).statusCode).toBe(204);
    expect((await editor.del(`${path}?version=${edited.version}`)).statusCode).toBe(404);
    expect((await followup(rev)).reports.some((r) => r.id === report.id)).toBe(false);

    // A measured value is corrected by recording the year again, and removed by its year.
    const economic = (await followup(rev)).benefits[0]!;
    expect(economic.results.map((r) => r.year)).toEqual([2026, 2027]);
    const fixed = await editor.request('PUT', url(rev, `/benefits/${economic.id}/results`), { year: 2027, value: 420000, comment: 'Rettet etter regnskapet' });
    expect(fixed.statusCode).toBe(200);
    expect((fixed.json().data as Followup).benefits[0]?.results[1]).toEqual({ year: 2027, value: 420000, comment: 'Rettet etter regnskapet' });
    const removed = await editor.del(url(rev, `/benefits/${economic.id}/results/2027`));
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json().data as Followup).benefits[0]?.results.map((r) => r.year)).toEqual([2026]);
    expect((await editor.del(url(rev, `/benefits/${economic.id}/results/2027`))).statusCode).toBe(404);
    const badYear = await editor.del(url(rev, `/benefits/${economic.id}/results/1999`));
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().errors[0].field).toBe('year');

    // Benefits are plan text: bad input is named, and the adopted revision refuses change and delete.
    const badBenefit = await editor.request('PUT', url(rev, `/benefits/${economic.id}`), { kind: 'penger', indicator: '', version: 0 });
    expect(badBenefit.statusCode).toBe(400);
    expect(badBenefit.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicator', 'kind', 'version']);
    expect((await editor.del(url(rev, `/benefits/${economic.id}?version=${economic.version}`))).statusCode).toBe(409);
    expect((await followup(rev)).benefits[0]?.id).toBe(economic.id);
  });

  it('shows nothing to another organization or to nobody', async () => {
    const f = await followup(rev);
    const b = f.benefits[0]!;
    const m = measure(rev, '1');
    for (const res of [
      await stranger.get(url(rev, '/followup')),
      await stranger.request('PUT', url(rev, `/benefits/${b.id}/results`), { year: 2026, value: 1 }),
      await stranger.post(url(rev, `/measures/${m.id}/status-reports`), { reportDate: '2026-04-30', status: 'on_track', summary: 'x' }),
      await stranger.request('PUT', url(rev, `/status-reports/${f.reports[0]!.id}`), { reportDate: '2026-04-30', status: 'on_track', summary: 'x', version: 1 }),
      await stranger.del(url(rev, `/status-reports/${f.reports[0]!.id}?version=1`)),
      await stranger.del(url(rev, `/benefits/${b.id}/results/2026`)),
      await stranger.raw('POST', url(rev, '/actuals-import?filename=a.csv'), Buffer.from('tiltak;år;regnskap\nx;2026;1\n'), 'text/csv'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('SvarUt');
    }
    expect((await anonymous(t.app).get(url(rev, '/followup'))).statusCode).toBe(401);
    void admin;
  });
});
