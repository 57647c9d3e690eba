import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const osloToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const shift = (iso: string, days: number): string => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(backends)('audit log: grouped, named, filtered, exported ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let admin: Client;
  let other: Client;
  let adminId: string;
  let revisionId: string;
  let measure: { id: string; version: number };
  const base = () => `/api/v1/organizations/${org.id}`;
  const audit = async (query = ''): Promise<AuditEntry[]> => {
    const res = await admin.get(`${base()}/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { kind: 'kommune', kommunenummer: '3439' });
    const adminUser = await makeUser(t.database, { memberships: [[org.id, 'admin']] });
    adminId = adminUser.id;
    admin = await login(t.app, adminUser);
    other = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'admin']] }));
    const plan = await admin.post(`${base()}/plans`, { name: 'IKT-strategi 2026–2029', startYear: 2026, endYear: 2029 });
    expect(plan.statusCode, plan.body).toBe(201);
    revisionId = plan.json().data.id;
    const created = await admin.post(`${base()}/revisions/${revisionId}/measures`, {
      title: 'Utskifting av PC-er',
      lines: [
        { kind: 'invest', year: 2026, amount: 100000 },
        { kind: 'drift', year: 2027, amount: 12000 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json().data.measures[0];
    measure = { id: m.id, version: m.version };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a measure save (the measure and its money lines) as one grouped entry named after the measure', async () => {
    const saved = await admin.patch(`${base()}/revisions/${revisionId}/measures/${measure.id}`, {
      version: measure.version,
      title: 'Nye PC-er',
      lines: [
        { kind: 'invest', year: 2026, amount: 150000 },
        { kind: 'drift', year: 2027, amount: 12000 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const [entry] = await audit('?limit=1');
    expect(entry).toMatchObject({ tableName: 'measures', recordId: measure.id, name: 'Nye PC-er', action: 'update', actor: { id: adminId } });
    expect(entry?.rows).toBeGreaterThan(1);
    expect(entry?.fields).toContainEqual(expect.objectContaining({ tableName: 'measures', field: 'title', before: 'Utskifting av PC-er', after: 'Nye PC-er' }));
    expect(entry?.fields.some((f) => f.tableName === 'cost_lines' && (f.after === 150000 || f.before === 100000))).toBe(true);
    // No uuid anywhere a reader sees: ids and bookkeeping are left out of the fields.
    expect(entry?.fields.map((f) => f.field)).not.toContain('measureId');
    expect(entry?.fields.map((f) => f.field)).not.toContain('version');
    // The creation was one entry too, not one per line.
    const all = await audit('?type=measures');
    expect(all.filter((e) => e.recordId === measure.id).map((e) => e.action)).toEqual(['update', 'insert']);
  });

  it('names an entry from the root object when only its lines changed', async () => {
    const current = (await admin.get(`${base()}/revisions/${revisionId}`)).json().data.measures[0];
    const res = await admin.patch(`${base()}/revisions/${revisionId}/measures/${measure.id}`, {
      version: current.version,
      lines: [{ kind: 'invest', year: 2026, amount: 160000 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await audit('?limit=1');
    expect(entry).toMatchObject({ tableName: 'measures', recordId: measure.id, name: 'Nye PC-er' });
    expect(entry?.fields.every((f) => f.tableName === 'cost_lines')).toBe(true);
  });

  it('filters by object type, user and date', async () => {
    const site = await other.post(`${base()}/sites`, { name: 'Rådhuset', users: 40 });
    expect(site.statusCode, site.body).toBe(201);
    const sites = await audit('?type=sites');
    expect(sites.map((e) => e.name)).toEqual(['Rådhuset']);
    expect((await audit('?type=measures')).every((e) => e.tableName === 'measures')).toBe(true);
    const mine = await audit(`?user=${adminId}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor?.id === adminId)).toBe(true);
    expect(mine.some((e) => e.tableName === 'sites')).toBe(false);
    const today = osloToday();
    expect((await audit(`?from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    expect(await audit(`?from=${shift(today, 1)}`)).toEqual([]);
    expect(await audit(`?to=${shift(today, -1)}`)).toEqual([]);
    const bad = await admin.get(`${base()}/audit?from=19.11.2026&type=nope`);
    expect(bad.statusCode).toBe(400);
    const actors = (await admin.get(`${base()}/audit/actors`)).json().data as Array<{ id: string }>;
    expect(actors.map((a) => a.id)).toContain(adminId);
  });

  it('exports CSV with the same filters, years without grouping, formula cells defused', async () => {
    const site = await admin.post(`${base()}/sites`, { name: '=HYPERLINK("http://x")', users: 2026 });
    expect(site.statusCode, site.body).toBe(201);
    const res = await admin.get(`${base()}/audit/export?format=csv&type=sites&user=${adminId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Tidspunkt;Bruker;Handling;Type;Objekt;Del;Felt;Før;Etter');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).not.toContain('Rådhuset'); // made by the other user
    expect(lines.some((l) => l.endsWith(';users;;2026'))).toBe(true);
    const measures = await admin.get(`${base()}/audit/export?type=measures`);
    expect(measures.body).toContain('Nye PC-er');
    expect(measures.body).toContain(';year;;2026');
  });
});
