/**
 * The annual report (årsmelding): model, PDF (text via pdftotext, tags via pdfinfo) and DOCX
 * (headings, table of contents). The figures are a made-up `AnnualFigures` (the loader is built
 * separately), so the renderer is proven on its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnnualFigures } from '../../src/domain/annual-figures.ts';
import { emptyAnnualFigures } from '../../src/domain/annual-figures.ts';
import type { AnnualReportInput, AnnualSolution } from '../../src/domain/annual-report.ts';
import { formatKroner } from '../../src/domain/money.ts';
import { annualReportFileName, buildAnnualReport, renderAnnualReport } from '../../src/reports/annual-report/index.ts';
import { buildFixture } from './plan-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'veikart-annual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const save = (pdf: Buffer, name: string): string => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
};
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
/** Text in layout mode (a table row stays on one line), whitespace incl. U+00A0 collapsed per line. */
const pdfLines = (file: string): string[] => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\n').map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
const n = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

const KOMMUNER = [
  { name: 'Namsskogan kommune', kommunenummer: '5044', values: [12_345, 4_210, 310] },
  { name: 'Grong kommune', kommunenummer: '5045', values: [57_598, 9_870, 1_020] },
  { name: 'Høylandet kommune', kommunenummer: '5046', values: [8_001, 2_450, 205] },
  { name: 'Raarvihke - Røyrvik', kommunenummer: '5043', values: [3_120, 1_005, null] },
];

/** Made-up figures: 4 owners × 3 metrics, 2 years of history, 3 ansvar, 1 pool. Sums as the loader derives them. */
export function figures(year = 2017): AnnualFigures {
  const rows = KOMMUNER.map((k) => ({ name: k.name, kommunenummer: k.kommunenummer, values: k.values }));
  const totals = [0, 1, 2].map((i) => rows.reduce((sum, r) => sum + (r.values[i] ?? 0), 0));
  const lines = [
    { ansvar: '1000', name: 'Administrasjon', budget: 2_150_000, actual: 2_031_415, deviation: 118_585 },
    { ansvar: '1100', name: 'Drift og brukerstøtte', budget: 5_400_000, actual: 5_612_200, deviation: -212_200 },
    { ansvar: '1200', name: 'Lisenser', budget: 3_000_000, actual: 2_900_003, deviation: 99_997 },
  ];
  const sum = (k: 'budget' | 'actual' | 'deviation') => lines.reduce((s, l) => s + l[k], 0);
  return {
    year,
    statistics: {
      metrics: [
        { name: 'Feide-pålogginger', unit: null, description: 'Pålogginger i skolen gjennom Feide.' },
        { name: 'Brukerkontoer', unit: null, description: null },
        { name: 'Helpdesk-saker', unit: null, description: null },
      ],
      rows,
      totals,
      history: [
        { metric: 'Brukerkontoer', years: [2016, 2017], rows: rows.map((r) => ({ name: r.name, values: [(r.values[1] ?? 0) - 100, r.values[1] ?? null] })) },
      ],
      months: [],
    },
    accounts: { lines, total: { budget: sum('budget'), actual: sum('actual'), deviation: sum('deviation') } },
    costSharing: {
      pools: [
        {
          name: 'Felles lisenser',
          ansvar: '1200',
          basis: 'actual',
          key: 'equal',
          metric: null,
          amount: 100_003,
          shares: KOMMUNER.map((k, i) => ({ name: k.name, kommunenummer: k.kommunenummer, amount: i === 3 ? 25_000 : 25_001 })),
        },
      ],
      totalPerOwner: KOMMUNER.map((k, i) => ({ name: k.name, kommunenummer: k.kommunenummer, amount: i === 3 ? 25_000 : 25_001 })),
    },
  };
}

const SOLUTIONS: AnnualSolution[] = [
  { name: 'Ephorte', introducedYear: 2008, lifecycle: 'retired', successor: 'Elements', sharedWith: ['Grong kommune', 'Høylandet kommune'] },
  { name: 'Elements', introducedYear: 2017, lifecycle: 'in_operation', successor: null, sharedWith: KOMMUNER.map((k) => k.name) },
  { name: 'Fronter', introducedYear: 2006, lifecycle: 'retired', successor: null, sharedWith: [] },
  { name: 'Visma Flyt Skole', introducedYear: 2015, lifecycle: 'phasing_out', successor: null, sharedWith: ['Grong kommune'] },
];

function input(over: Partial<AnnualReportInput> = {}): AnnualReportInput {
  const plan = buildFixture();
  plan.revision.measures[0]!.result = 'Ny brukerstøtteportal tatt i bruk; svartid ned fra 3 til 1 dag.';
  return {
    organization: { name: 'Indre Namdal IKT IKS', kommunenummer: null, language: 'nb' },
    year: 2025,
    title: null,
    introduction: 'Året var preget av overgangen til nytt sak/arkiv.\n\n- Elements tatt i bruk\n- Ephorte faset ut',
    revision: plan.revision,
    figures: figures(2025),
    solutions: SOLUTIONS,
    generatedAt: '2026-01-15T10:00:00Z',
    ...over,
  };
}

describe('annual report', () => {
  it('PDF: each kommune with its figures, the totals, the accounts total and one "Utfaset" per retired solution; tagged PDF/UA', async () => {
    const data = input();
    const started = performance.now();
    const pdf = await renderAnnualReport(data, 'pdf');
    console.log(`annual report PDF: ${Math.round(performance.now() - started)} ms`);
    const file = save(pdf, 'arsmelding');
    const lines = pdfLines(file);
    const text = lines.join('\n');
    for (const k of KOMMUNER) {
      const cells = k.values.map((v) => (v === null ? '–' : n(v.toLocaleString('nb-NO'))));
      expect(lines.some((l) => l.startsWith(k.name) && l.endsWith(cells.join(' '))), `${k.name}: ${cells.join(' ')}`).toBe(true);
    }
    const totals = data.figures.statistics.totals.map((v) => n((v ?? 0).toLocaleString('nb-NO')));
    expect(totals).toEqual(['81 064', '17 535', '1 535']);
    expect(lines).toContain(`Totalt ${totals.join(' ')}`);
    const t = data.figures.accounts.total;
    expect(lines).toContain(n(`Totalt ${formatKroner(t.budget!)} ${formatKroner(t.actual!)} ${formatKroner(t.deviation)}`));
    expect(text).toContain(n(`Mindreforbruk: ${formatKroner(6_382)}`));
    // N retired solutions → N times "Utfaset" ("Under utfasing" is another status).
    expect(text.match(/Utfaset/g)).toHaveLength(SOLUTIONS.filter((s) => s.lifecycle === 'retired').length);
    expect(text).toContain('Ny brukerstøtteportal tatt i bruk');
    expect(text).toContain('25 001 kr');

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Årsmelding 2025 — Indre Namdal IKT IKS$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (nb-NO)');
    expect(run('pdfinfo', ['-meta', file])).toMatch(/pdfuaid:part>1</);
    const struct = run('pdfinfo', ['-struct', file]);
    expect(struct).toMatch(/^\s*Figure\b/m);
    expect(struct).toMatch(/^\s*TH\b/m);
  });

  it('DOCX: real headings, a table of contents, the language, native charts', async () => {
    const zip = await JSZip.loadAsync(await renderAnnualReport(input(), 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(
      expect.arrayContaining(['1 Innledning', '1 Mål og tiltak i 2025', '1 Statistikk', '2 Feide-pålogginger', '1 Regnskap', '1 Fordeling av kostnader', '1 Vedlegg: Felles løsninger']),
    );
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="nb-NO"');
    expect(Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f)).length).toBe(4);
  });

  it('leaves out empty sections, says when no plan covers the year, and speaks nynorsk', () => {
    const doc = buildAnnualReport(input({ organization: { name: 'Indre Namdal IKT IKS', kommunenummer: null, language: 'nn' }, revision: null, figures: emptyAnnualFigures(2025), solutions: [], introduction: '' }));
    const headings = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toEqual(['Innleiing', 'Mål og tiltak i 2025']);
    const notes = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text) : []));
    expect(notes).toEqual(['Innleiinga er ikkje skriven enno.', 'Ingen plan dekkjer 2025.']);
    expect(doc.languageTag).toBe('nn-NO');
    expect(annualReportFileName(input(), 'pdf')).toBe('arsmelding-2025-indre-namdal-ikt-iks.pdf');
  });

  it('lists only the measures whose dates touch the year, with status and result, and names the revision', () => {
    const data = input({ year: 2027 });
    const doc = buildAnnualReport(data);
    const rows = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' && b.table.caption.includes('Tiltak og resultat') ? b.table.body : []));
    const expected = data.revision!.measures.filter((m) => (m.startDate ?? '0000') <= '2027-12-31' && (m.endDate ?? '9999') >= '2027-01-01');
    expect(rows).toHaveLength(expected.length);
    expect(doc.titlePage.revision).toBe(`${data.revision!.period.name}, revisjon ${data.revision!.number}`);
  });
});
