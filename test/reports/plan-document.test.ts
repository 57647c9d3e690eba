/**
 * The plan document: model, DOCX and PDF. The DOCX is unzipped (jszip) and its text read from
 * word/document.xml; the PDF's text is read with pdftotext and its pages are rendered with
 * pdftoppm into test-results/pdf/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatKroner } from '../../src/domain/money.ts';
import { buildPlanDocument, documentFileName, type Block, type PlanDocument } from '../../src/reports/plan-document/index.ts';
import { renderDocx } from '../../src/reports/docx.ts';
import { renderPdf, typstString } from '../../src/reports/pdf.ts';
import { renderMoneyChartSvg } from '../../src/reports/chart.ts';
import { planTotals, yearsOf } from '../../src/domain/plan-totals.ts';
import { buildFixture, TRICKY_TITLE } from './plan-fixture.ts';

const OUT = join(process.cwd(), 'test-results', 'pdf');

/** Collapses all whitespace (incl. U+00A0, U+202F) to single spaces, as pdftotext may break or replace it. */
const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

interface DocxParagraph {
  style: string | null;
  text: string;
}

async function readDocx(buffer: Buffer): Promise<{ xml: string; paragraphs: DocxParagraph[]; text: string; files: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs: DocxParagraph[] = [];
  for (const m of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1] ?? m[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('');
    paragraphs.push({ style, text });
  }
  return { xml, paragraphs, text: paragraphs.map((p) => p.text).join('\n'), files: Object.keys(zip.files) };
}

function pdfText(pdf: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'veikart-pdf-'));
  try {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders every page at 60 dpi into test-results/pdf/<name>-N.png (gitignored) for a look. */
function renderPages(pdf: Buffer, name: string): string[] {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}-`)) rmSync(join(OUT, f));
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, name)]);
  return readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

const headings = (doc: PlanDocument): Array<Extract<Block, { type: 'heading' }>> =>
  doc.sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');

describe('plan document model', () => {
  it('orders the contents and takes every amount from revision.totals', () => {
    const input = buildFixture();
    const doc = buildPlanDocument(input);
    const h = headings(doc);
    const level1 = h.filter((x) => x.level === 1).map((x) => x.text);
    expect(level1).toEqual(['Innledning', 'Visjon', 'Satsingsområder', 'Handlingsplan 2025–2028', 'Økonomiplan 2025–2028', 'Vedlegg']);
    expect(h.filter((x) => x.level === 2).map((x) => x.text)).toEqual([
      'Brukeropplevelse, tilgjengelighet og effektivitet',
      'Sikkerhet',
      'Kompetanse og utvikling',
      'Investering',
      'Drift',
      'Budsjett per år',
      'Lokasjoner',
      'Fagsystemer',
    ]);
    // Measures in natural number order within the focus area: 1.4 before 1.10.
    const measureHeadings = h.filter((x) => x.level === 4).map((x) => x.text);
    expect(measureHeadings.indexOf(`1.4 ${TRICKY_TITLE}`)).toBeLessThan(measureHeadings.indexOf('1.10 Chatbot på nettsiden'));
    expect(measureHeadings).toHaveLength(input.revision.measures.length);
    expect(doc.toc.entries.map((e) => e.text)).toContain('Budsjett per år');
    // The systems appendix prints the declared text fields (system-fields.ts), the system version too.
    const systemsTable = doc.sections.flatMap((sec) => sec.blocks).find((b) => b.type === 'table' && b.table.id === 'tabell-fagsystemer');
    expect(systemsTable?.type === 'table' && systemsTable.table.header).toEqual(['System', 'Brukere', 'Leverandør', 'Samarbeid', 'Serverplassering', 'Database', 'Versjon']);
    expect(JSON.stringify(systemsTable)).toContain('"Gerica","120","Tieto","–","Ringebu","–","4.2.1"');
    expect(new Set(h.map((x) => x.id)).size).toBe(h.length);
    expect(doc.titlePage.status).toBe('Vedtatt 12.12.2024, K-sak 081/24');
    expect(doc.titlePage.generated).toBe('Generert 22.11.2026');
    expect(doc.meta.title).toBe('IKT-strategi og handlingsplan 2025–2028 — Ringebu kommune');
    const goalsText = JSON.stringify(doc.sections[0]!.blocks.filter((b) => b.type === 'bullets'));
    expect(goalsText).toContain('(KS-5 Personvern, taushetsplikt og informasjonssikkerhet; EDOS-5 Informasjonssikkerhet og personvern)');
    expect(JSON.stringify(doc)).toContain(`Investering 2025: 25 × ${formatKroner(8500)} = ${formatKroner(212500)} (PC-er til Ringebu skole)`);

    // A sentinel in the totals shows up as is: the document adds nothing up itself.
    const tampered = structuredClone(input);
    (tampered.revision.totals.overall as { total: number }).total = 123_456_789;
    (tampered.revision.totals.overall.byYear.drift as Record<number, number>)[2026] = 7_777_777;
    const json = JSON.stringify(buildPlanDocument(tampered));
    expect(json).toContain(formatKroner(123_456_789));
    expect(json).toContain(formatKroner(7_777_777));
    expect(doc.chart?.invest).toEqual([2025, 2026, 2027, 2028].map((y) => input.revision.totals.overall.byYear.invest[y]));
  });

  it('says draft when the revision is not adopted, and names files', () => {
    const input = buildFixture({ adopted: false });
    const doc = buildPlanDocument(input);
    expect(doc.titlePage.status).toBe('Utkast – ikke vedtatt');
    expect(doc.draftMark).toBe('Utkast – ikke vedtatt');
    expect(documentFileName(input, 'pdf')).toBe('ikt-strategi-2025-2028-ringebu-kommune-rev2.pdf');
    expect(documentFileName({ ...input, organization: { ...input.organization, name: 'Sør-Fron kommune' } }, '.docx')).toBe(
      'ikt-strategi-2025-2028-sor-fron-kommune-rev2.docx',
    );
  });

  it('fits a long period: a column per year, amounts without unit, lines outside the period still add up', () => {
    const input = buildFixture();
    input.revision.period.endYear = 2036;
    input.revision.measures[0]!.lines.push({ id: 'ekstra', kind: 'drift', year: 2038, amount: 5_000, quantity: null, unitPrice: null, note: null, saving: false });
    input.revision.totals = planTotals(input.revision.measures, yearsOf(2025, 2036)) as unknown as typeof input.revision.totals;
    const doc = buildPlanDocument(input);
    const tables = doc.sections.flatMap((x) => x.blocks).filter((b) => b.type === 'table').map((b) => b.table);
    const drift = tables.find((t) => t.id === 'tabell-drift')!;
    // Nr., Tiltak, 2025…2036 and 2038 (a line outside the period), Totalt.
    expect(drift.header).toEqual(['Nr.', 'Tiltak', ...yearsOf(2025, 2036).map(String), '2038', 'Totalt']);
    expect(drift.caption).toContain('(kroner)');
    expect(drift.footer[0]!.cells.at(-1)).toBe(formatKroner(input.revision.totals.overall.byKind.drift, { unit: false }));
    expect(drift.body.every((r) => r.cells.every((c) => !c.endsWith('kr')))).toBe(true);
  });

  it('escapes any text as a Typst string literal', () => {
    expect(typstString('a "b" \\ #c\n$d')).toBe('"a \\"b\\" \\\\ #c\\n$d"');
  });

  it('draws the chart as SVG with Norwegian labels', () => {
    const doc = buildPlanDocument(buildFixture());
    const svg = renderMoneyChartSvg(doc.chart!);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Investering');
    expect(svg).toContain('År');
    expect(svg).toMatch(/1\u00a0000\u00a0000|1 000 000|200\u00a0000/);
  });
});

describe('plan document in bokmål (DOCX and PDF)', () => {
  const input = buildFixture();
  const doc = buildPlanDocument(input);
  const t = input.revision.totals;
  const years = [2025, 2026, 2027, 2028];
  const expectedAmounts = [
    ...years.flatMap((y) => [t.overall.byYear.invest[y]!, t.overall.byYear.drift[y]!, t.overall.perYear[y]!]),
    t.overall.byKind.invest,
    t.overall.byKind.drift,
    t.overall.total,
  ].map((n) => formatKroner(n));

  it('DOCX: Word headings, TOC field, repeating table headers, every measure and the totals', async () => {
    const started = performance.now();
    const buffer = await renderDocx(doc);
    console.log(`DOCX ${input.revision.measures.length} tiltak: ${Math.round(performance.now() - started)} ms, ${buffer.length} bytes`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'plan-nb.docx'), buffer);
    const { xml, paragraphs, text, files } = await readDocx(buffer);
    const byStyle = (style: string): string[] => paragraphs.filter((p) => p.style === style).map((p) => p.text);

    expect(byStyle('Heading1')).toEqual(['Innledning', 'Visjon', 'Satsingsområder', 'Handlingsplan 2025–2028', 'Økonomiplan 2025–2028', 'Vedlegg']);
    expect(byStyle('Heading2')).toContain('Sikkerhet');
    expect(byStyle('Heading3')).toContain('Våre mål');
    expect(byStyle('Heading4')).toContain(`1.4 ${TRICKY_TITLE}`);
    for (const title of input.measureTitles) expect(text).toContain(title);
    for (const amount of expectedAmounts) expect(text).toContain(amount);
    expect(text).toContain('IKT-strategi og handlingsplan');
    expect(text).toContain('Vedtatt 12.12.2024, K-sak 081/24');
    expect(text).toContain('Ringebu kommune');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:jc w:val="(right|end)"\/>/);
    expect(files.some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    const styles = await (await JSZip.loadAsync(buffer)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:lang w:val="nb-NO"');
  });

  it('PDF: searchable text with æøå, every measure, each year’s sums and the total; pages rendered for a look', async () => {
    const started = performance.now();
    const pdf = await renderPdf(doc);
    console.log(`PDF ${input.revision.measures.length} tiltak: ${Math.round(performance.now() - started)} ms, ${pdf.length} bytes`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = norm(pdfText(pdf, 'plan-nb'));
    expect(text).toContain('IKT-strategi og handlingsplan');
    expect(text).toContain('Ringebu kommune');
    expect(text).toContain('Vedtatt 12.12.2024, K-sak 081/24');
    for (const title of input.measureTitles) expect(text).toContain(norm(title));
    for (const amount of expectedAmounts) expect(text).toContain(norm(amount));
    for (const word of ['Økonomiplan', 'Våre mål', 'Satsingsområder', 'Fåvang skole', 'Brukeropplevelse, tilgjengelighet og effektivitet', 'Lokasjoner']) {
      expect(text).toContain(word);
    }
    expect(text).toContain('Side 3 av');
    const pages = renderPages(pdf, 'plan-nb');
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });
});

describe('plan document in nynorsk', () => {
  it('uses the nynorsk texts in the model, DOCX and PDF', async () => {
    const input = buildFixture({ language: 'nn' });
    const doc = buildPlanDocument(input);
    expect(doc.languageTag).toBe('nn-NO');
    expect(doc.toc.title).toBe('Innhald');
    expect(doc.titlePage.status).toBe('Vedteken 12.12.2024, K-sak 081/24');
    expect(headings(doc).map((h) => h.text)).toEqual(expect.arrayContaining(['Innleiing', 'Måla våre', 'Lokasjonar', 'Fagsystem']));
    expect(JSON.stringify(doc)).toContain('Ikkje starta');

    const { paragraphs, xml } = await readDocx(await renderDocx(doc));
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)[0]).toBe('Innleiing');
    expect(xml + (await (await JSZip.loadAsync(await renderDocx(doc))).file('word/styles.xml')!.async('string'))).toContain('w:lang w:val="nn-NO"');

    const pdf = await renderPdf(doc);
    const text = norm(pdfText(pdf, 'plan-nn'));
    for (const word of ['Innhald', 'Innleiing', 'Måla våre', 'Brukaroppleving, tilgjenge og effektivitet', 'Vedteken 12.12.2024', 'Lokasjonar']) {
      expect(text).toContain(word);
    }
    renderPages(pdf, 'plan-nn');
  });
});

describe('plan document without sites and systems', () => {
  it('has no appendix headings', async () => {
    const input = buildFixture({ withAppendices: false, adopted: false });
    input.organization.name = 'Test #kommune *[x]* $y$ <z> @w';
    const doc = buildPlanDocument(input);
    const texts = headings(doc).map((h) => h.text);
    for (const word of ['Vedlegg', 'Lokasjoner', 'Fagsystemer']) expect(texts).not.toContain(word);

    const { paragraphs } = await readDocx(await renderDocx(doc));
    const docxHeadings = paragraphs.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => p.text);
    expect(docxHeadings).toContain('Økonomiplan 2025–2028');
    for (const word of ['Vedlegg', 'Lokasjoner', 'Fagsystemer']) expect(docxHeadings).not.toContain(word);

    const pdf = await renderPdf(doc);
    const text = norm(pdfText(pdf, 'plan-empty'));
    expect(text).toContain('Utkast – ikke vedtatt');
    expect(text).toContain('Test #kommune *[x]* $y$ <z> @w');
    for (const word of ['Vedlegg', 'Lokasjoner', 'Fagsystemer']) expect(text).not.toContain(word);
    renderPages(pdf, 'plan-draft');
  });
});

describe('DOCX table of contents with page numbers', () => {
  it('writes the page numbers when asked to lay out the pages', async () => {
    const doc = buildPlanDocument(buildFixture({ withAppendices: false }));
    const { xml } = await readDocx(await renderDocx(doc, { estimatePageNumbers: true }));
    const pageRefs = [...xml.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => Number(m[1]));
    expect(pageRefs.length).toBe(doc.toc.entries.length);
    expect(pageRefs[0]).toBeGreaterThanOrEqual(3);
  });
});
