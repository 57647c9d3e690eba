/**
 * Issue 14: revisions must not mislead. Each rule through the API, and where the database has a
 * constraint for it, a direct write that breaks the rule is refused by the database too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withSystem } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { anonymous, login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

interface Rev {
  id: string;
  periodId: string;
  number: number;
  status: string;
  state: string;
  version: number;
  publishedAt: string | null;
  measures: Array<{ id: string; number: string | null; title: string; version: number; lines: Array<{ amount: number | null; saving: boolean }> }>;
}

/** The database's error code for a write (drizzle wraps the driver's error). */
async function dbErrorCode(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (e) {
    let err: unknown = e;
    for (let i = 0; i < 3 && err; i++) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      err = (err as { cause?: unknown }).cause;
    }
    return 'unknown';
  }
  return undefined;
}

describe.each(backends)('revision rules ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let editor: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: '2026-06-15' });
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439', name: 'Ringebu kommune' });
    admin = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
    base = `/api/v1/organizations/${org.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const newPlan = async (name: string): Promise<Rev> => {
    const res = await editor.post(`${base}/plans`, { name, startYear: 2025, endYear: 2028 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data;
  };
  const copy = async (rev: Rev): Promise<Rev> => {
    const res = await editor.post(`${base}/revisions/${rev.id}/copy`, {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data;
  };
  const adopt = (rev: Rev, adoptedDate: string, decisionRef = 'K-sak 1/25') => editor.post(`${base}/revisions/${rev.id}/adopt`, { version: rev.version, adoptedDate, decisionRef });
  const get = async (rev: Rev): Promise<Rev> => (await editor.get(`${base}/revisions/${rev.id}`)).json().data;
  const summaries = async (): Promise<Rev[]> => ((await editor.get(`${base}/plans`)).json().data as Array<{ revisions: Rev[] }>).flatMap((p) => p.revisions);

  it('1: publishing replaces the published revision, says so first, and the database allows one publication per organization', async () => {
    const r1 = await newPlan('Publisering');
    expect((await adopt(r1, '2024-12-12')).statusCode).toBe(200);
    expect((await admin.post(`${base}/revisions/${r1.id}/publish`)).statusCode).toBe(200);
    const r2 = await copy(r1);
    expect((await adopt(r2, '2025-12-10', 'K-sak 2/25')).statusCode).toBe(200);

    const unconfirmed = await admin.post(`${base}/revisions/${r2.id}/publish`, {});
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().detail).toContain('Revisjon 1 av «Publisering» er publisert');
    expect((await get(r1)).publishedAt).not.toBeNull();

    const confirmed = await admin.post(`${base}/revisions/${r2.id}/publish`, { replace: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const published = (await summaries()).filter((r) => r.publishedAt !== null);
    expect(published.map((r) => r.id)).toEqual([r2.id]);
    expect((await get(r1)).state).toBe('replaced');

    // A replaced revision cannot be published again.
    const old = await admin.post(`${base}/revisions/${r1.id}/publish`, { replace: true });
    expect(old.statusCode).toBe(409);
    expect(old.json().detail).toContain('erstattet');

    // Innsyn shows the one published revision.
    const page = await anonymous(t.app).get(`/innsyn/${org.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('revisjon 2');

    // The database: a second publication of the organization is refused.
    const code = await dbErrorCode(
      withSystem(t.database.db, (tx) => tx.execute(sql`insert into publications (organization_id, revision_id) values (${org.id}, ${r1.id})`)),
    );
    expect(code).toBe('23505');
  });

  it('2: adopting replaces earlier adopted revisions; an older draft cannot be adopted after a newer one', async () => {
    const r1 = await newPlan('Vedtak i rekkefølge');
    expect((await adopt(r1, '2024-12-12')).statusCode).toBe(200);
    const older = await copy(r1);
    const newer = await copy(r1);
    expect(newer.number).toBeGreaterThan(older.number);
    expect(older.state).toBe('draft');

    const adopted = await adopt(newer, '2025-12-10', 'K-sak 9/25');
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json().data.state).toBe('adopted');
    expect((await get(r1)).state).toBe('replaced');

    const refused = await adopt(older, '2025-12-11', 'K-sak 10/25');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`Revisjon ${newer.number} er allerede vedtatt og er nyere enn revisjon ${older.number}`);
    expect((await get(older)).status).toBe('draft');

    // Exactly one revision of the period is in force, in the overview and in each revision.
    const period = (await summaries()).filter((r) => r.periodId === r1.periodId);
    expect(period.filter((r) => r.state === 'adopted').map((r) => r.id)).toEqual([newer.id]);
    expect(period.find((r) => r.id === r1.id)?.state).toBe('replaced');

    // The handlingsplan table carries the period's revisions for the same decision.
    const table = (await editor.get(`${base}/revisions/${r1.id}/actionplan`)).json().data;
    expect(table.periodRevisions.map((r: { id: string }) => r.id).sort()).toEqual([r1.id, older.id, newer.id].sort());

    // The document says "Erstattet".
    const doc = await editor.get(`${base}/revisions/${r1.id}/document?format=docx`);
    expect(doc.statusCode).toBe(200);

    // The database refuses the same adoption written directly.
    const code = await dbErrorCode(
      withSystem(t.database.db, (tx) =>
        tx.execute(sql`update plan_revisions set status = 'adopted', adopted_date = '2025-12-11', decision_ref = 'K-sak 10/25' where id = ${older.id}`),
      ),
    );
    expect(code).toBe('VK002');
  });

  it('2: innsyn marks a published revision that a newer adoption replaced', async () => {
    const org2 = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3440', name: 'Øyer kommune' });
    const admin2 = await login(t.app, await makeUser(t.database, { memberships: [[org2.id, 'admin']] }));
    const b = `/api/v1/organizations/${org2.id}`;
    const r1: Rev = (await admin2.post(`${b}/plans`, { name: 'Øyer-planen', startYear: 2025, endYear: 2028 })).json().data;
    expect((await admin2.post(`${b}/revisions/${r1.id}/adopt`, { version: r1.version, adoptedDate: '2024-12-12', decisionRef: 'K-sak 1/24' })).statusCode).toBe(200);
    expect((await admin2.post(`${b}/revisions/${r1.id}/publish`)).statusCode).toBe(200);
    const r2: Rev = (await admin2.post(`${b}/revisions/${r1.id}/copy`, {})).json().data;
    expect((await admin2.post(`${b}/revisions/${r2.id}/adopt`, { version: r2.version, adoptedDate: '2025-12-12', decisionRef: 'K-sak 2/25' })).statusCode).toBe(200);
    const page = await anonymous(t.app).get(`/innsyn/${org2.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Erstattet');
    expect(page.body).toContain('revisjon 2');
  });

  it('3: an adoption date after today or before the period could be decided is refused, in the form users type dates', async () => {
    const r1 = await newPlan('Datoer');
    const future = await adopt(r1, '2099-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'adoptedDate', message: 'Vedtaksdato kan ikke være etter i dag (15.06.2026).' }]);
    const tomorrow = await adopt(r1, '2026-06-16');
    expect(tomorrow.statusCode).toBe(400);
    const early = await adopt(r1, '2022-12-31');
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toContain('før 01.01.2023');
    expect(early.json().detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await get(r1)).status).toBe('draft');
    expect((await adopt(r1, '2026-06-15')).statusCode).toBe(200);
    // A later revision may not be adopted before the revision in force.
    const r2 = await copy(r1);
    const before = await adopt(r2, '2026-06-01');
    expect(before.statusCode).toBe(400);
    expect(before.json().detail).toContain('vedtaket av revisjon 1 (15.06.2026)');

    // The database refuses a date before the period could be decided.
    const code = await dbErrorCode(
      withSystem(t.database.db, (tx) => tx.execute(sql`update plan_revisions set status = 'adopted', adopted_date = '2020-01-01', decision_ref = 'K-sak 1/20' where id = ${r2.id}`)),
    );
    expect(code).toBe('VK003');
  });

  it('4: measure numbers are whole numbers, unique within a revision', async () => {
    const r1 = await newPlan('Nummer');
    const url = `${base}/revisions/${r1.id}/measures`;
    expect((await editor.post(url, { number: '5', title: 'Første' })).statusCode).toBe(201);
    for (const bad of ['abc', '-3', '0', '1,5']) {
      const res = await editor.post(url, { number: bad, title: `Ugyldig ${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'number' });
      expect(res.json().errors[0].message).toContain('må være et helt tall');
    }
    const duplicate = await editor.post(url, { number: '5', title: 'Andre' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ field: 'number', message: 'Nummer 5 er allerede brukt av tiltaket «Første» i denne revisjonen.' }]);
    const second: Rev = (await editor.post(url, { number: '2.1', title: 'Andre' })).json().data;
    const andre = second.measures.find((m) => m.title === 'Andre');
    if (!andre) throw new Error('missing measure');
    const renumber = await editor.patch(`${url}/${andre.id}`, { version: andre.version, number: '5' });
    expect(renumber.statusCode).toBe(409);
    // Saving a measure with its own number is fine.
    expect((await editor.patch(`${url}/${andre.id}`, { version: andre.version, number: '2.1', title: 'Andre tiltak' })).statusCode).toBe(200);

    // The database refuses a duplicate number written directly.
    const code = await dbErrorCode(
      withSystem(t.database.db, (tx) => tx.execute(sql`insert into measures (organization_id, revision_id, number, title) values (${org.id}, ${r1.id}, '5', 'Direkte')`)),
    );
    expect(code).toBe('23505');
  });

  it('4: an import with duplicate numbers reports each offending row', async () => {
    const csv = Buffer.from('Prosjektnr;Tiltak;Type;2025\n1;Sak og arkiv;invest;100\n1;Sak og arkiv;drift;10\n2;PC-er;invest;200\n2;Nettbrett;invest;50\nabc;Skrivere;drift;5\n');
    const res = await editor.raw('POST', `${base}/actionplan-import?filename=plan.csv&dryRun=true`, csv, 'application/octet-stream');
    expect(res.statusCode).toBe(400);
    const messages = (res.json().errors as Array<{ message: string }>).map((e) => e.message);
    expect(messages).toEqual([
      'Rad 4, kolonne «prosjektnr»: nummer 2 er også brukt av «Nettbrett» på rad 5; et nummer kan bare brukes av ett tiltak.',
      'Rad 5, kolonne «prosjektnr»: nummer 2 er også brukt av «PC-er» på rad 4; et nummer kan bare brukes av ett tiltak.',
      'Rad 6, kolonne «prosjektnr»: «abc» må være et helt tall fra 1, eventuelt med underpunkt (som 3 eller 2.1).',
    ]);
  });

  it('4: a negative amount only as an explicit saving', async () => {
    const r1 = await newPlan('Innsparing');
    const url = `${base}/revisions/${r1.id}/measures`;
    const negative = await editor.post(url, { title: 'Kutt', lines: [{ kind: 'drift', year: 2026, amount: -50000 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0]).toMatchObject({ field: 'lines.0.amount' });
    expect(negative.json().errors[0].message).toContain('kan ikke være negativt');
    const positiveSaving = await editor.post(url, { title: 'Kutt', lines: [{ kind: 'drift', year: 2026, amount: 50000, saving: true }] });
    expect(positiveSaving.statusCode).toBe(400);
    const saving = await editor.post(url, { title: 'Kutt', lines: [{ kind: 'drift', year: 2026, amount: -50000, saving: true }, { kind: 'drift', year: 2027, amount: 1000 }] });
    expect(saving.statusCode, saving.body).toBe(201);
    const lines = (saving.json().data as Rev).measures[0]?.lines ?? [];
    expect(lines.map((l) => [l.amount, l.saving])).toEqual([
      [-50000, true],
      [1000, false],
    ]);

    // The database refuses a negative line that is not a saving.
    const measureId = (saving.json().data as Rev).measures[0]?.id;
    const code = await dbErrorCode(
      withSystem(t.database.db, (tx) =>
        tx.execute(sql`insert into cost_lines (organization_id, revision_id, measure_id, kind, year, amount) values (${org.id}, ${r1.id}, ${measureId}, 'drift', 2028, -1)`),
      ),
    );
    expect(code).toBe('23514');
  });

  it('15: a money line in a message is named by kind and year, not by row', async () => {
    const r1 = await newPlan('Meldinger');
    const res = await editor.post(`${base}/revisions/${r1.id}/measures`, {
      title: 'Stort',
      lines: [
        { kind: 'drift', year: 2026, amount: 1000 },
        { kind: 'invest', year: 2027, amount: 1_000_000_000_000 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as Array<{ field: string; message: string }>;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('lines.1.amount');
    expect(errors[0]?.message).toMatch(/^Beløp for investering 2027 /);
    expect(res.json().detail).not.toContain('rad');
  });

  it('15: an unknown innsyn address is an HTML page with status 404', async () => {
    for (const path of ['/innsyn/finnes-ikke', '/innsyn/finnes-ikke/plan.pdf', `/innsyn/${org.slug}/noe-annet`, '/innsyn/3439']) {
      const res = await anonymous(t.app).get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toContain('text/html');
    }
  });
});
