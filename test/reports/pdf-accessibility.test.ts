/**
 * The plan PDF is accessible (PDF/UA-1, tagged, with its language) and lays out its tables so that
 * a sum row never stands alone on a page; the "Nr." column goes when no measure has a number.
 * Reads the PDFs with poppler's pdfinfo and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlanDocument, KEEP_WITH_SUM, type Block, type DocTable, type PlanDocument } from '../../src/reports/plan-document/index.ts';
import { renderPdf, typstSource } from '../../src/reports/pdf.ts';
import { renderDocx } from '../../src/reports/docx.ts';
import { buildFixture } from './plan-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'veikart-pdfua-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OUT = join(process.cwd(), 'test-results', 'pdf');

function save(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pdfinfo = (file: string, ...flags: string[]): string => run('pdfinfo', [...flags, file]);
const pageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);
const pageText = (file: string, page: number): string =>
  run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']).replace(/[\s\u00a0\u202f]+/g, ' ');

const tables = (doc: PlanDocument): DocTable[] =>
  doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b.table] : []));

describe('plan PDF accessibility (PDF/UA-1)', () => {
  it('is tagged, says its language and title, and tags headings, tables and the chart with alt text', async () => {
    const doc = buildPlanDocument(buildFixture());
    const started = performance.now();
    const pdf = await renderPdf(doc);
    console.log(`tagged PDF (PDF/UA-1), ${doc.sections.flatMap((s) => s.blocks).length} blocks: ${Math.round(performance.now() - started)} ms`);
    const file = save(pdf, 'plan-nb');

    const info = pdfinfo(file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+IKT-strategi og handlingsplan 2025–2028 — Ringebu kommune$/m);
    // The catalog's /Lang (what screen readers use) and the XMP dc:language; PDF/UA identification.
    expect(pdf.toString('latin1')).toContain('/Lang (nb-NO)');
    const meta = pdfinfo(file, '-meta');
    expect(meta).toMatch(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>nb-NO<\/rdf:li>/);
    expect(meta).toMatch(/pdfuaid:part>1</);

    const struct = pdfinfo(file, '-struct');
    // (pdfinfo prints only ASCII titles readably.)
    expect(struct).toMatch(/^\s*H1 "Innledning"/m);
    expect(struct).toMatch(/^\s*H2 "Investering"/m);
    expect(struct).toMatch(/^\s*Table\b/m);
    expect(struct).toMatch(/^\s*TH\b/m);
    expect(struct).toMatch(/^\s*Figure\b/m);
    // The chart's alt text names what it shows and its numbers.
    const chart = doc.sections.flatMap((s) => s.blocks).find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart')!;
    expect(chart.alt).toMatch(/^Stolpediagram over investering og drift per år\. 2025: investering [\d\u00a0]+\u00a0kr, drift [\d\u00a0]+\u00a0kr\./);
    expect(typstSource(doc, new Map([[chart.id, '/chart.svg']]))).toContain(`alt: "${chart.alt}"`);
  });

  it('skips no heading level (a PDF/UA rule), also for measures without a focus area', async () => {
    const input = buildFixture();
    input.revision.measures[0]!.focusAreaId = null;
    const doc = buildPlanDocument(input);
    const levels = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'heading' ? [b.level] : []));
    levels.forEach((level, i) => expect(level, `heading ${i}`).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1));
    const file = save(await renderPdf(doc), 'plan-orphans');
    expect(pdfinfo(file, '-meta')).toMatch(/pdfuaid:part>1</);
    // The renderer never skips a level either, whatever the model says.
    const skipping: PlanDocument = {
      ...doc,
      sections: [{ id: 'x', orientation: 'portrait', blocks: [{ type: 'heading', level: 1, text: 'A', id: 'a' }, { type: 'heading', level: 4, text: 'B', id: 'b' }] }],
    };
    expect(typstSource(skipping)).toContain('#heading(level: 2, "B")');
  });

  it('says nn-NO for a nynorsk plan', async () => {
    const file = save(await renderPdf(buildPlanDocument(buildFixture({ language: 'nn' }))), 'plan-nn');
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    expect(pdfinfo(file, '-meta')).toMatch(/<rdf:li>nn-NO<\/rdf:li>/);
  });

  it('times a plan of 200 measures', async () => {
    const doc = buildPlanDocument(buildFixture({ extraMeasures: 188 }));
    const started = performance.now();
    const pdf = await renderPdf(doc);
    const ms = Math.round(performance.now() - started);
    const file = save(pdf, 'plan-200');
    console.log(`tagged PDF (PDF/UA-1), 200 tiltak: ${ms} ms, ${pageCount(file)} pages, ${pdf.length} bytes`);
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
  });

  it('Word: heading styles, nb-NO, repeating header rows, the chart’s alt text', async () => {
    const doc = buildPlanDocument(buildFixture());
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toContain('w:lang w:val="nb-NO"');
    expect(xml).toContain('<w:tblHeader/>');
    const chart = doc.sections.flatMap((s) => s.blocks).find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart')!;
    const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1] ?? '';
    expect(descr.replace(/&#160;|\u00a0/g, ' ')).toBe(chart.alt.replace(/\u00a0/g, ' '));
  });
});

describe('a table’s sum row stays with its table', () => {
  /** A document of one landscape section: a heading, a paragraph of `lead` lines and a table of `rows` measures. */
  function oneTable(rows: number, lead: number): { doc: PlanDocument; titles: string[] } {
    const base = buildPlanDocument(buildFixture());
    const table = tables(base).find((t) => t.id === 'tabell-drift')!;
    const titles = Array.from({ length: rows }, (_, i) => `Tiltak nummer ${i + 1}`);
    const width = table.columns.length;
    const body = titles.map((title, i) => ({
      kind: 'data' as const,
      cells: [String(i + 1), title, ...Array.from({ length: width - 3 }, () => '10 000'), '40 000'],
    }));
    const blocks: Block[] = [
      { type: 'heading', level: 1, text: 'Handlingsplan', id: 'handlingsplan' },
      ...Array.from({ length: lead }, () => ({ type: 'paragraph' as const, runs: [{ text: 'Innledende tekst.' }], role: 'body' as const })),
      { type: 'table', table: { ...table, body } },
    ];
    return { doc: { ...base, sections: [{ id: 'handlingsplan', orientation: 'landscape', blocks }] }, titles };
  }

  it('puts the sum rows in a non-repeating table footer with the last body rows', () => {
    const doc = buildPlanDocument(buildFixture());
    const source = typstSource(doc);
    for (const table of tables(doc).filter((t) => t.footer.length > 0)) {
      const start = source.indexOf(table.caption.replace(/"/g, '\\"'));
      const footerAt = source.indexOf('table.footer(repeat: false,', start);
      const sumLabel = table.footer[0]!.cells.find((c) => c !== '')!;
      const sumAt = source.indexOf(`"${sumLabel}"`, start);
      expect(footerAt, table.id).toBeGreaterThan(start);
      expect(sumAt, table.id).toBeGreaterThan(footerAt);
      // The last body row is inside the footer as well.
      const last = table.body.at(-1)!.cells.find((c) => c !== '' && c !== '–')!;
      expect(source.indexOf(`"${last}"`, footerAt), table.id).toBeGreaterThan(footerAt);
      expect(source.indexOf(`"${last}"`, footerAt), table.id).toBeLessThan(sumAt);
    }
  });

  it('never leaves a page with only the repeated header and the sum row', async () => {
    // A landscape page holds a heading and about 33 rows: around there the sum row falls just past a page end.
    let crossed = 0;
    for (const [rows, lead] of [
      [31, 0], [32, 0], [33, 0], [34, 0], [35, 0], [33, 1], [66, 0], [67, 0], [68, 0],
    ] as const) {
      const { doc, titles } = oneTable(rows, lead);
      const file = save(await renderPdf(doc), `keep-${rows}-${lead}`);
      const pages = pageCount(file);
      if (pages > 1) crossed++;
      for (let p = 1; p <= pages; p++) {
        const text = pageText(file, p);
        if (!text.includes('Sum drift')) continue;
        const withSum = titles.filter((t) => new RegExp(`${t}\\b(?!\\d)`).test(text));
        expect(withSum.length, `${rows} rows after ${lead} paragraphs, page ${p}`).toBeGreaterThanOrEqual(Math.min(KEEP_WITH_SUM, rows));
        expect(withSum, `${rows} rows, page ${p}`).toContain(titles.at(-1));
      }
    }
    expect(crossed).toBeGreaterThan(0);
  });
});

describe('the "Nr." column', () => {
  it('is left out of the PDF and Word tables when no measure has a number (an import without prosjektnr)', async () => {
    const input = buildFixture();
    for (const m of input.revision.measures) m.number = null;
    const doc = buildPlanDocument(input);
    for (const table of tables(doc).filter((t) => t.id === 'tabell-invest' || t.id === 'tabell-drift')) {
      expect(table.header).not.toContain('Nr.');
      expect(table.columns).toHaveLength(table.header.length);
      for (const row of [...table.body, ...table.footer]) if (row.kind !== 'group') expect(row.cells).toHaveLength(table.header.length);
    }
    const pdf = await renderPdf(doc);
    mkdirSync(OUT, { recursive: true });
    const file = save(pdf, 'plan-unnumbered');
    writeFileSync(join(OUT, 'plan-unnumbered.pdf'), pdf);
    let text = '';
    for (let p = 1; p <= pageCount(file); p++) text += pageText(file, p);
    expect(text).not.toContain('Nr.');
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('>Nr.<');
  });

  it('is kept when some measures have numbers; a measure without one shows a dash', () => {
    const input = buildFixture();
    input.revision.measures[0]!.number = null;
    const drift = tables(buildPlanDocument(input)).find((t) => t.id === 'tabell-invest')!;
    expect(drift.header[0]).toBe('Nr.');
    expect(drift.body.filter((r) => r.kind === 'data').every((r) => r.cells[0] !== '')).toBe(true);
  });
});
