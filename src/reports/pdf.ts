/**
 * The plan document as PDF, typeset by Typst (compiled natively in-process by
 * @myriaddreamin/typst-ts-node-compiler, with its embedded Libertinus Serif fonts).
 *
 * The Typst source is generated from the document model. User text never becomes Typst markup:
 * every text is written as a Typst string literal (`#"…";` in markup, `"…"` in code), so `#`, `*`,
 * `_`, `$`, `<`, `@` and brackets in titles are printed as they are.
 */
import { Buffer } from 'node:buffer';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { renderMoneyChartSvg } from './chart.ts';
import { renderSeriesChartSvg } from './series-chart.ts';
import { KEEP_WITH_SUM, type Block, type DocRow, type DocTable, type PlanDocument, type TextRun } from './plan-document/index.ts';

export class PdfRenderError extends Error {
  override name = 'PdfRenderError';
}

/** A virtual workspace: nothing is read from disk, the chart SVG is mapped in as a shadow file. */
const WORKSPACE = '/veikart-typst';
const FONT = 'Libertinus Serif';
/**
 * PDF/UA-1: a tagged PDF (headings, lists, tables with header cells, figures with alt text, the
 * document language and title). Typst (0.14 and later) refuses to write it when, e.g., an image has
 * no alt text, so a missing description fails loudly instead of shipping an inaccessible document.
 */
export const PDF_STANDARD = 'ua-1';

let compiler: NodeCompiler | null = null;
let renderCount = 0;

function getCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE });
  return compiler;
}

/** A Typst string literal: safe for any user text. */
export function typstString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/\t/g, '\\t')
    // Other control characters have no business in a document; Typst would reject some of them.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}

/** Plain text in markup mode. The `;` ends the embedded expression, so what follows is never parsed as part of it. */
function txt(text: string): string {
  return `#${typstString(text)};`;
}

function inline(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      let expr = typstString(r.text);
      if (r.bold) expr = `strong(${expr})`;
      if (r.italic) expr = `emph(${expr})`;
      return `#${expr};`;
    })
    .join('');
}

/** Content in code mode. */
function content(runs: readonly TextRun[]): string {
  return `[${inline(runs)}]`;
}

function tableSource(t: DocTable): string {
  const n = t.columns.length;
  const columns = t.columns.map((c) => `${c.width}fr`).join(', ');
  const aligns = t.columns.map((c) => (c.align === 'right' ? 'right' : 'left')).join(', ');
  const size = t.compact ? '8.5pt' : '10pt';
  const cell = (text: string, opts: { bold?: boolean } = {}): string => {
    const value = typstString(text);
    return opts.bold ? `strong(${value})` : value;
  };
  const row = (r: DocRow): string => {
    switch (r.kind) {
      case 'group':
        return `table.cell(colspan: ${n}, fill: groupfill, align: left, text(fill: accent, weight: "bold", ${typstString(r.cells[0] ?? '')}))`;
      case 'subtotal':
        return r.cells.map((c) => `table.cell(fill: subfill, ${cell(c, { bold: true })})`).join(', ');
      case 'total':
        return r.cells.map((c) => `table.cell(fill: groupfill, stroke: (top: 1.2pt + accent), ${cell(c, { bold: true })})`).join(', ');
      default:
        return r.cells.map((c) => cell(c)).join(', ');
    }
  };
  // The sum rows go into a non-repeating table footer together with the last body rows: Typst keeps
  // a footer's rows on one page, so a sum row never stands alone under a repeated header.
  const kept = t.footer.length > 0 ? Math.min(KEEP_WITH_SUM, t.body.length) : 0;
  const body = t.body
    .slice(0, t.body.length - kept)
    .map((r) => `    ${row(r)},`)
    .join('\n');
  const footer =
    t.footer.length > 0
      ? `    table.footer(repeat: false,\n${[...t.body.slice(t.body.length - kept), ...t.footer].map((r) => `      ${row(r)},`).join('\n')}\n    ),`
      : '';
  return `#block(sticky: true, above: 1.2em, below: 0.5em, text(size: 9pt, style: "italic", fill: grey, ${typstString(t.caption)}))
#block(width: 100%, {
  set text(size: ${size}, number-width: "tabular")
  set par(justify: false)
  table(
    columns: (${columns}),
    align: (x, y) => (${aligns},).at(x) + if y == 0 { bottom } else { top },
    inset: (x: 4pt, y: ${t.compact ? '3.5pt' : '4.5pt'}),
    stroke: (x, y) => (top: if y == 0 { none } else { 0.4pt + rule }, bottom: 0.6pt + rule),
    fill: (x, y) => if y == 0 { accent },
    table.header(repeat: true, ${t.header.map((h) => `text(fill: white, weight: "bold", ${typstString(h)})`).join(', ')}),
${body}
${footer}
  )
})
`;
}

/** The level of the last heading written: PDF/UA forbids skipping levels (H2 followed by H4). */
interface HeadingState {
  level: number;
}

function blocksSource(blocks: readonly Block[], charts: Map<string, string>, headings: HeadingState): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading': {
        if (b.newPage) out.push('#pagebreak(weak: true)');
        const level = Math.min(b.level, headings.level + 1);
        headings.level = level;
        out.push(`#heading(level: ${level}, ${typstString(b.text)})`);
        break;
      }
      case 'paragraph':
        if (b.role === 'vision') {
          out.push(`#block(inset: (left: 12pt, y: 4pt), stroke: (left: 2pt + accent), above: 1em, below: 1.2em, text(size: 14pt, fill: accent, style: "italic", ${content(b.runs)}))`);
        } else if (b.role === 'note') {
          out.push(`#text(fill: grey, style: "italic", ${content(b.runs)})`);
        } else {
          out.push(inline(b.runs));
        }
        break;
      case 'bullets':
        out.push(`#list(${b.items.map((item) => content(item)).join(', ')})`);
        break;
      case 'facts':
        out.push(
          `#block(breakable: false, above: 0.6em, below: 1.1em, text(size: 9.5pt, grid(columns: (2.6cm, 1fr), column-gutter: 0.5em, row-gutter: 0.5em, ${b.facts
            .map((f) => `text(fill: grey, weight: "bold", ${typstString(f.label ? `${f.label}:` : '')}), ${typstString(f.value)}`)
            .join(', ')})))`,
        );
        break;
      case 'table':
        out.push(tableSource(b.table));
        break;
      case 'chart': {
        const path = charts.get(b.id);
        if (!path) break;
        out.push(
          `#block(breakable: false, above: 1em, below: 1em, { image(${typstString(path)}, width: 100%, alt: ${typstString(b.alt)}); v(0.3em); text(size: 9pt, style: "italic", fill: grey, ${typstString(b.caption)}) })`,
        );
        break;
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** The complete Typst source of the document. `charts` maps chart block ids to their SVG paths in the workspace. */
export function typstSource(doc: PlanDocument, charts: Map<string, string> = new Map()): string {
  const t = doc.titlePage;
  const s = doc.strings;
  const lang = doc.language;
  const header = doc.draftMark
    ? `grid(columns: (1fr, auto), ${typstString(doc.runningTitle)}, text(fill: red-mark, weight: "bold", ${typstString(doc.draftMark)}))`
    : typstString(doc.runningTitle);
  const parts: string[] = [];
  parts.push(`// Generated by Veikart from the plan document model.
#let accent = rgb("#1f4e79")
#let grey = rgb("#595959")
#let rule = rgb("#a6a6a6")
#let groupfill = rgb("#deeaf6")
#let subfill = rgb("#f2f2f2")
#let red-mark = rgb("#c00000")

#set document(title: ${typstString(doc.meta.title)}, author: ${typstString(doc.meta.author)}, keywords: (${doc.meta.keywords.map(typstString).join(', ')},))
#set text(font: ${typstString(FONT)}, size: 11pt, lang: "${lang}", region: "NO")
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
#set page(
  paper: "a4",
  margin: (x: 2.5cm, top: 2.6cm, bottom: 2.4cm),
  header: {
    set text(size: 8.5pt, fill: grey)
    ${header}
    v(-0.5em)
    line(length: 100%, stroke: 0.4pt + rule)
  },
  footer: context {
    set text(size: 9pt, fill: grey)
    h(1fr)
    [${txt(s.page)} #counter(page).display() ${txt(s.of)} #counter(page).final().first()]
  },
)
#set list(indent: 0.4em, body-indent: 0.6em, spacing: 0.7em)
#set table(gutter: 0pt)
#show heading: set text(fill: accent)
#show heading: set par(justify: false)
#show heading.where(level: 1): set text(size: 19pt)
#show heading.where(level: 1): set block(above: 1.8em, below: 0.9em)
#show heading.where(level: 2): set text(size: 14.5pt)
#show heading.where(level: 2): set block(above: 1.5em, below: 0.7em)
#show heading.where(level: 3): set text(size: 12pt, fill: rgb("#2e2e2e"))
#show heading.where(level: 3): set block(above: 1.3em, below: 0.6em)
#show heading.where(level: 4): set text(size: 11pt)
#show heading.where(level: 4): set block(above: 1.3em, below: 0.6em)
#show outline.entry.where(level: 1): set block(above: 1.1em)
#show outline.entry.where(level: 1): set text(weight: "bold")
`);

  // Title page: no header or footer.
  parts.push(`#page(header: none, footer: none, margin: (x: 2.5cm, top: 3cm, bottom: 2.5cm))[
  #set par(justify: false)
  #v(2.5cm)
  #text(size: 16pt, weight: "bold", fill: accent, ${typstString(t.organization)})
  ${t.organizationDetail ? `\\\n  #text(size: 10pt, fill: grey, ${typstString(t.organizationDetail)})` : ''}
  #v(3.2cm)
  #line(length: 100%, stroke: 2pt + accent)
  #v(0.6cm)
  #text(size: 28pt, weight: "bold", fill: accent, ${typstString(t.title)})
  #v(0.1cm)
  #text(size: 24pt, fill: accent, ${typstString(t.period)})
  ${t.periodName ? `#v(0.3cm)\n  #text(size: 13pt, fill: grey, ${typstString(t.periodName)})` : ''}
  #v(1fr)
  #text(size: 12pt, weight: "bold", ${typstString(t.revision)}) \\
  #text(size: 12pt, ${t.adopted ? '' : 'fill: red-mark, weight: "bold", '}${typstString(t.status)}) \\
  #text(size: 10pt, fill: grey, ${typstString(t.generated)})
]
`);

  parts.push(`#outline(title: ${typstString(doc.toc.title)}, depth: ${doc.toc.depth}, indent: auto)
#pagebreak(weak: true)
`);

  // The outline's title is the first level 1 heading.
  const headings: HeadingState = { level: 1 };
  for (const section of doc.sections) {
    parts.push(`#set page(flipped: ${section.orientation === 'landscape' ? 'true' : 'false'}${section.orientation === 'landscape' ? ', margin: (x: 2cm, top: 2.3cm, bottom: 2cm)' : ', margin: (x: 2.5cm, top: 2.6cm, bottom: 2.4cm)'})
`);
    parts.push(blocksSource(section.blocks, charts, headings));
  }
  return parts.join('\n');
}

function diagnosticsText(error: unknown): string {
  const list = (error as { shortDiagnostics?: Array<{ message?: string; severity?: unknown; range?: unknown }> } | null)?.shortDiagnostics ?? [];
  return list.map((d) => `${String(d.message)}${d.range ? ` at ${JSON.stringify(d.range)}` : ''}`).join('; ');
}

/** Renders the plan document as PDF (A4, searchable text, PDF outline from the headings). */
export async function renderPdf(doc: PlanDocument): Promise<Buffer> {
  const c = getCompiler();
  const run = ++renderCount;
  const charts = new Map<string, string>();
  const mapped: string[] = [];
  try {
    for (const section of doc.sections) {
      for (const b of section.blocks) {
        if (b.type !== 'chart') continue;
        const path = `/chart-${run}-${b.id}.svg`;
        const options = { width: 640, height: 300, fontFamily: FONT };
        const svg = 'kind' in b.data ? renderSeriesChartSvg(b.data, options) : renderMoneyChartSvg(b.data, options);
        c.mapShadow(`${WORKSPACE}${path}`, Buffer.from(svg, 'utf8'));
        mapped.push(`${WORKSPACE}${path}`);
        charts.set(b.id, path);
      }
    }
    const source = typstSource(doc, charts);
    const result = c.compile({ mainFileContent: source });
    const document = result.result;
    if (result.hasError() || !document) {
      const diagnostics = result.takeDiagnostics() ?? result.takeError();
      throw new PdfRenderError(`Typst kunne ikke sette dokumentet: ${diagnosticsText(diagnostics) || 'ukjent feil'}`);
    }
    try {
      return Buffer.from(c.pdf(document, { pdfStandard: PDF_STANDARD }));
    } catch (error) {
      // Should the document ever break a PDF/UA rule, it is still delivered, tagged as always (Typst
      // tags every PDF), just without the PDF/UA claim: a plan on innsyn must not turn into an error.
      console.warn(`Plan PDF is not PDF/UA-1, written as tagged PDF: ${diagnosticsText(error) || String(error)}`);
      return Buffer.from(c.pdf(document));
    }
  } finally {
    for (const path of mapped) c.unmapShadow(path);
    c.evictCache(10);
  }
}
