import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

describe.each(backends)('publishing and the public innsyn page ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let editor: Client;
  let r1: { id: string; version: number; measures: Array<{ id: string; title: string; version: number }> };
  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    const base = `/api/v1/organizations/${org.id}`;
    let rev = (await editor.post(`${base}/plans`, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: 'IKT gir Ringebu muligheter til å lykkes' })).json().data;
    rev = (await editor.post(`${base}/revisions/${rev.id}/focus-areas`, { title: 'Sikkerhet', description: 'Sikre og stabile løsninger' })).json().data;
    rev = (await editor.post(`${base}/revisions/${rev.id}/goals`, { focusAreaId: rev.focusAreas[0].id, text: 'Være sikre og stabile' })).json().data;
    rev = (await editor.post(`${base}/revisions/${rev.id}/measures`, {
      number: '5',
      title: 'Sikring av datarommet',
      responsible: 'Kari Nordmo',
      focusAreaId: rev.focusAreas[0].id,
      lines: [{ kind: 'invest', year: 2025, amount: 20000 }, { kind: 'drift', year: 2026, amount: 1052500 }],
    })).json().data;
    r1 = rev;
  });
  afterAll(async () => {
    await t?.close();
  });

  const page = (slug = org.slug) => anonymous(t.app).get(`/innsyn/${slug}`);

  it('shows nothing before a revision is published, and only adopted revisions can be published', async () => {
    const before = await page();
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).toContain('text/html');
    expect(before.body).toContain('Ingen publisert plan');
    expect(before.body).not.toContain('Sikring av datarommet');
    const draft = await admin.post(`/api/v1/organizations/${org.id}/revisions/${r1.id}/publish`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().detail).toContain('vedtatt');
    expect((await anonymous(t.app).get('/innsyn/finnes-ikke')).statusCode).toBe(404);
  });

  it('publishes an adopted revision: the page shows the plan and its money, but no names and nothing unpublished', async () => {
    const base = `/api/v1/organizations/${org.id}`;
    const adopted = (await editor.post(`${base}/revisions/${r1.id}/adopt`, { version: r1.version, adoptedDate: '2024-12-12', decisionRef: 'K-sak 081/24' })).json().data;
    expect((await editor.post(`${base}/revisions/${r1.id}/publish`)).statusCode).toBe(403);
    const published = await admin.post(`${base}/revisions/${r1.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().data.publishedAt).toEqual(expect.any(String));

    // A newer draft with a secret measure and a status change.
    let r2 = (await editor.post(`${base}/revisions/${adopted.id}/copy`)).json().data;
    const m = r2.measures[0];
    r2 = (await editor.patch(`${base}/revisions/${r2.id}/measures/${m.id}`, { version: m.version, status: 'done' })).json().data;
    await editor.post(`${base}/revisions/${r2.id}/measures`, { title: 'Hemmelig utkast-tiltak', lines: [{ kind: 'invest', year: 2027, amount: 999 }] });

    const res = await page();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    const html = res.body;
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('IKT gir Ringebu muligheter til å lykkes');
    expect(html).toContain('Sikring av datarommet');
    expect(html).toContain('Vedtatt 12.12.2024 (K-sak 081/24)');
    expect(html).toContain('1\u00a0052\u00a0500\u00a0kr');
    expect(html).toContain('1\u00a0072\u00a0500\u00a0kr');
    // Live status from the newest revision.
    expect(html).toContain('Fullført');
    expect(html).not.toContain('Kari Nordmo');
    expect(html).not.toContain('Hemmelig utkast-tiltak');
    expect(html).not.toContain('999\u00a0kr');
    expect(html).toContain(`/innsyn/${org.slug}/plan.pdf`);
  });

  it('unpublishing takes the page down again', async () => {
    expect((await admin.del(`/api/v1/organizations/${org.id}/revisions/${r1.id}/publish`)).statusCode).toBe(200);
    const res = await page();
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Sikring av datarommet');
    expect((await anonymous(t.app).get(`/innsyn/${org.slug}/plan.pdf`)).statusCode).toBe(404);
  });
});
