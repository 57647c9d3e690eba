/**
 * Issue 18: the "Gevinster og oppfølging" chapter of the plan document and the annual status report
 * (model content in bokmål and nynorsk; both formats render), and the command line's
 * `import actuals` and `report status`, in process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../../src/cli/index.ts';
import { withSystem, type Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/db.ts';
import { insertBenefit, insertStatusReport, upsertBenefitResult } from '../../src/db/queries/followup.ts';
import { createPlan, loadRevision } from '../../src/db/queries/plan-periods.ts';
import { insertMeasure } from '../../src/db/queries/plan-items.ts';
import type { Benefit } from '../../src/domain/benefit.ts';
import { buildPlanDocument } from '../../src/reports/plan-document/index.ts';
import { buildStatusReport, renderStatusReport } from '../../src/reports/status-report.ts';
import { makeOrg, type TestOrg } from '../support/factories.ts';
import { buildFixture, id } from './plan-fixture.ts';

type Table = Extract<ReturnType<typeof buildPlanDocument>['sections'][number]['blocks'][number], { type: 'table' }>['table'];
const tables = (doc: ReturnType<typeof buildPlanDocument>): Table[] => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b.table] : []));
const headings = (doc: ReturnType<typeof buildPlanDocument>): string[] => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'heading' ? [b.text] : []));

function withFollowup(language: 'nb' | 'nn' = 'nb', extraMeasures = 0) {
  const input = buildFixture({ language, extraMeasures });
  const [first, second] = input.revision.measures;
  const revision = {
    ...input.revision,
    measures: input.revision.measures.map((m, i) => (i === 0 ? { ...m, actuals: [{ kind: 'invest' as const, year: 2026, amount: 123456 }] } : m)),
  };
  const benefit: Benefit = {
    id: id(),
    lineageId: id(),
    measureId: first!.id,
    position: 0,
    kind: 'economic',
    indicator: 'Sparte portokostnader',
    unit: 'kr',
    baseline: 0,
    owner: 'Økonomisjef',
    disposition: 'budget_cut',
    targets: [{ year: 2026, value: 500000 }],
    results: [{ year: 2026, value: 420000, comment: null }],
    version: 1,
  };
  return {
    ...input,
    revision,
    followup: {
      benefits: [benefit, { ...benefit, id: id(), lineageId: id(), measureId: second!.id, kind: 'time' as const, indicator: 'Spart tid', targets: [{ year: 2026, value: 2635 }], results: [] }],
      reports: [{ id: id(), measureId: first!.id, reportDate: '2026-08-31', status: 'at_risk' as const, summary: 'Forsinket levering.' }],
    },
  };
}

describe('follow-up in documents', () => {
  it('adds "Gevinster og oppfølging" to the plan document when there is follow-up, and not otherwise', () => {
    expect(headings(buildPlanDocument(buildFixture()))).not.toContain('Gevinster og oppfølging');
    const doc = buildPlanDocument(withFollowup());
    expect(headings(doc)).toContain('Gevinster og oppfølging');
    const benefits = tables(doc).find((t) => t.id === 'tabell-gevinster')!;
    expect(benefits.body.map((r) => r.cells.slice(1))).toEqual([
      ['Sparte portokostnader', 'Økonomisjef', '500\u00a0000\u00a0kr', '420\u00a0000\u00a0kr'],
      ['Spart tid', 'Økonomisjef', '263,5 t', '0 t'],
    ]);
    const status = tables(doc).find((t) => t.id === 'tabell-oppfolging')!;
    expect(status.body[0]?.cells[1]).toBe('Risiko for avvik (31.08.2026): Forsinket levering.');
    expect(headings(buildPlanDocument(withFollowup('nn')))).toContain('Gevinstar og oppfølging');
  });

  it('the annual status report holds that year: status, planned and spent, benefits; it renders as DOCX and PDF', async () => {
    const doc = buildStatusReport(withFollowup(), 2026);
    expect(doc.titlePage.title).toBe('Årlig statusrapport 2026');
    const status = tables(doc).find((t) => t.id === 'tabell-status-2026')!;
    expect(status.body[0]?.cells[3]).toBe('123\u00a0456\u00a0kr');
    expect(status.footer[0]?.cells[3]).toBe('123\u00a0456\u00a0kr');
    const docx = await renderStatusReport(withFollowup(), 2026, 'docx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const pdf = await renderStatusReport(withFollowup(), 2026, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('builds the model for 200 measures (the bench times it: bench/status-report.ts)', () => {
    const doc = buildStatusReport(withFollowup('nb', 200), 2026);
    expect(tables(doc).find((t) => t.id === 'tabell-status-2026')!.body.length).toBeGreaterThanOrEqual(200);
  });
});

describe('command line: import actuals and report status', { timeout: 120_000 }, () => {
  let database: Database;
  let org: TestOrg;
  const dir = mkdtempSync(join(tmpdir(), 'veikart-followup-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await makeOrg(database);
    await withSystem(database.db, async (tx) => {
      const { revisionId } = await createPlan(tx, org.id, { name: 'IKT-plan', startYear: 2025, endYear: 2028, vision: null });
      for (const [number, title] of [
        ['1', 'SvarUt'],
        ['2', 'Autorisasjonsportal'],
      ]) {
        await insertMeasure(tx, org.id, revisionId, { number, title, status: 'in_progress', priority: 'medium', goalIds: [], lines: [{ kind: 'drift', year: 2026, amount: 100000, saving: false }], actuals: [] } as never);
      }
      const rev = (await loadRevision(tx, org.id, revisionId))!;
      const m = rev.measures[0]!;
      const b = await insertBenefit(tx, org.id, revisionId, m.id, { kind: 'economic', indicator: 'Porto', targets: [{ year: 2026, value: 500000 }], owner: 'Kari' });
      await upsertBenefitResult(tx, org.id, revisionId, b, { year: 2026, value: 300000 });
      await insertStatusReport(tx, org.id, revisionId, m.id, { reportDate: '2026-04-30', status: 'on_track', summary: 'Godt i gang.' });
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the known rows and lists the unknown one; --strict imports nothing', async () => {
    const file = join(dir, 'regnskap.csv');
    writeFileSync(file, 'prosjektnr;tiltak;år;regnskap\n1;SvarUt;2026;80 000\n7;Ukjent;2026;1000\n');
    const strict = await runCli(['import', 'actuals', file, '--org', org.slug, '--strict'], database).then(
      () => null,
      (e: unknown) => e,
    );
    expect(strict).toBeInstanceOf(CliError);
    expect((strict as CliError).message).toContain('Ingenting er importert');
    expect((strict as CliError).message).toContain('Rad 3: fant ikke tiltaket «7 Ukjent» i planen.');
    const out = JSON.parse(await runCli(['import', 'actuals', file, '--org', org.slug, '--json'], database));
    expect(out).toMatchObject({ imported: 1, skipped: [{ row: 3, column: 'prosjektnr' }] });
    const text = await runCli(['import', 'actuals', file, '--org', org.slug], database);
    expect(text).toContain('1 rader er ikke importert');
  });

  it('writes the annual status report', async () => {
    const out = join(dir, 'status.docx');
    expect(await runCli(['report', 'status', '--org', org.slug, '--year', '2026', '--format', 'docx', '--out', out], database)).toContain('Skrev statusrapport 2026');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    await expect(runCli(['report', 'status', '--org', org.slug, '--year', '2040', '--format', 'pdf', '--out', out], database)).rejects.toThrow('har ingen plan som gjelder 2040');
  });
});
