import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import { parseActionPlanTable, planTableRows, type PlanTable } from '../../src/domain/actionplan-import.ts';
import { parseActionPlanFile } from '../../src/reports/actionplan-io.ts';
import { writeTable } from '../../src/reports/spreadsheet.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

const line = (kind: 'invest' | 'drift', year: number, amount: number) => ({ kind, year, amount, quantity: null, unitPrice: null });
const first: PlanTable = {
  years: [2025, 2026],
  measures: [
    { number: '1', title: 'Nytt sak/arkiv', focusArea: 'Digitalisering', lines: [line('invest', 2025, 100_000), line('invest', 2026, 50_000), line('drift', 2026, 20_000)] },
    { number: '2', title: 'Brannmur', focusArea: 'Infrastruktur', lines: [line('invest', 2025, 80_000), line('drift', 2025, 10_000), line('drift', 2026, 10_000)] },
    { number: '3', title: 'Lisenser', focusArea: 'Infrastruktur', lines: [line('drift', 2025, 30_000), line('drift', 2026, 30_000)] },
  ],
};
const second: PlanTable = {
  years: [2025, 2026],
  measures: [
    // Changed: one amount, and a line priced as quantity × unit price; moved to another focus area.
    { number: '1', title: 'Nytt sak/arkiv', focusArea: 'Infrastruktur', lines: [line('invest', 2025, 120_000), { kind: 'invest', year: 2026, amount: 51_000, quantity: 6, unitPrice: 8_500 }, line('drift', 2026, 20_000)] },
    // One line gone, one new.
    { number: '2', title: 'Brannmur', focusArea: 'Infrastruktur', lines: [line('invest', 2025, 80_000), line('drift', 2026, 10_000), line('invest', 2026, 5_000)] },
    // Unchanged.
    { number: '3', title: 'Lisenser', focusArea: 'Infrastruktur', lines: [line('drift', 2025, 30_000), line('drift', 2026, 30_000)] },
    { number: '4', title: 'Skjermer', focusArea: null, lines: [line('invest', 2026, 40_000)] },
  ],
};

describe.each(backends)('re-import of a changed file into a draft ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database);
    editor = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'editor']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (table: PlanTable, revisionId?: string) => {
    const file = await writeTable(planTableRows(table), 'csv');
    const query = `filename=plan.csv&dryRun=false${revisionId ? `&revisionId=${revisionId}` : ''}`;
    const res = await editor.raw('POST', `/api/v1/organizations/${org.id}/actionplan-import?${query}`, file, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.revisionId as string;
  };
  const audit = async () =>
    queryRows<{ action: string; n: number }>(
      t.database.db,
      sql`select action, count(*)::int as n from audit_log where organization_id = ${org.id} and table_name = 'cost_lines' group by action order by action`,
    );

  it('leaves the plan as the file says, and audits only the budget lines that changed', async () => {
    const revisionId = await upload(first);
    const before = await audit();
    expect(await upload(second, revisionId)).toBe(revisionId);
    const after = await audit();
    const delta = Object.fromEntries(after.map((a) => [a.action, a.n - (before.find((b) => b.action === a.action)?.n ?? 0)]));
    // Changed: measure 1's invest 2025 and 2026; gone: measure 2's drift 2025; new: measure 2's
    // invest 2026 and measure 4's line. Measure 3 and the other lines are not written again.
    expect(delta).toEqual({ insert: 2, update: 2, delete: 1 });

    const exported = await editor.get(`/api/v1/organizations/${org.id}/revisions/${revisionId}/export?format=csv`);
    expect(exported.statusCode).toBe(200);
    const parsed = parseActionPlanTable(planTableRows(second));
    const reread = await parseActionPlanFile(exported.rawPayload, 'eksport.csv');
    expect(reread.ok && parsed.ok).toBe(true);
    if (reread.ok && parsed.ok) expect(reread.value).toEqual(parsed.value);
  });
});
