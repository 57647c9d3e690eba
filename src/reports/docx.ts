/**
 * The plan document as a Word file (.docx), for municipalities that edit it before it goes to the
 * council: Word's own heading styles (so Word's table of contents and navigation pane work), a
 * table-of-contents field, tables whose header row repeats on every page, and the budget chart as
 * a native Word chart (Word's "Edit Data" opens its numbers in Excel).
 */
import { Buffer } from 'node:buffer';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { CHART_COLORS } from './chart.ts';
import { SERIES_COLORS, type SeriesChartData } from './series-chart.ts';
import { KEEP_WITH_SUM, type Block, type DocRow, type DocTable, type PlanDocument, type TextRun as ModelRun } from './plan-document/index.ts';

// A4 in twips (1/20 pt), margins 2.5 cm (portrait) and 2 cm (landscape).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { portrait: 1417, landscape: 1134 };
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN.portrait, landscape: A4.height - 2 * MARGIN.landscape };

const FONT = 'Calibri';
const ACCENT = '1F4E79';
const GREY = '595959';
const RULE = 'A6A6A6';
const HEAD_FILL = '1F4E79';
const GROUP_FILL = 'DEEAF6';
const SUBTOTAL_FILL = 'F2F2F2';

/**
 * Excel number format for the chart's value axis: Norwegian grouping with spaces whatever the
 * reader's locale (`#,##0` would print `1,400,000` in an English Word or LibreOffice).
 */
const NORWEGIAN_NUMBER_FORMAT = '[>=1000000]# ### ##0;[>=1000]# ##0;0';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function runs(model: readonly ModelRun[], extra: { size?: number; color?: string } = {}): TextRun[] {
  return model.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, ...extra }));
}

function heading(block: Extract<Block, { type: 'heading' }>, newPage: boolean): Paragraph {
  return new Paragraph({
    heading: HEADINGS[block.level - 1],
    text: block.text,
    keepNext: true,
    keepLines: true,
    pageBreakBefore: newPage,
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function cellParagraph(text: string, align: 'left' | 'right', size: number, bold: boolean, color?: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 0, after: 0 },
    // In a table row, "keep with next" on its paragraphs keeps the row on the page of the next row.
    keepNext,
    children: [new TextRun({ text, bold, size, color })],
  });
}

function table(model: DocTable, textWidth: number): Array<Paragraph | Table> {
  const size = model.compact ? 17 : 20;
  const weights = model.columns.reduce((a, c) => a + c.width, 0);
  const widths = model.columns.map((c) => Math.floor((c.width / weights) * textWidth));
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: model.header.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: HEAD_FILL, color: 'auto' },
          verticalAlign: VerticalAlignTable.BOTTOM,
          margins,
          children: [cellParagraph(text, model.columns[i]!.align, size, true, 'FFFFFF')],
        }),
    ),
  });

  // The sum rows stay on the page of the last body rows (as in the PDF): those rows and every sum
  // row but the last keep with the next row.
  const kept = model.footer.length > 0 ? Math.min(KEEP_WITH_SUM, model.body.length) : 0;
  const rows = [...model.body, ...model.footer];
  const keepFrom = model.body.length - kept;
  const row = (r: DocRow, index: number): TableRow => {
    const keepNext = index >= keepFrom && index < rows.length - 1 && model.footer.length > 0;
    if (r.kind === 'group') {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: model.columns.length,
            width: { size: textWidth, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, fill: GROUP_FILL, color: 'auto' },
            margins,
            children: [cellParagraph(r.cells[0] ?? '', 'left', size, true, ACCENT, keepNext)],
          }),
        ],
      });
    }
    const bold = r.kind !== 'data';
    const fill = r.kind === 'subtotal' ? SUBTOTAL_FILL : r.kind === 'total' ? GROUP_FILL : undefined;
    return new TableRow({
      cantSplit: true,
      children: r.cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
            borders: r.kind === 'total' ? { top: { style: BorderStyle.DOUBLE, size: 6, color: ACCENT } } : undefined,
            margins,
            children: [cellParagraph(text, model.columns[i]!.align, size, bold, undefined, keepNext)],
          }),
      ),
    });
  };

  return [
    new Paragraph({ style: 'Caption', keepNext: true, text: model.caption }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: thin, bottom: thin, left: none, right: none, insideHorizontal: thin, insideVertical: none },
      rows: [headerRow, ...rows.map(row)],
    }),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

/** Named series as a native Word chart (bars or lines); missing values are left out of the line. */
function seriesChart(d: SeriesChartData, caption: string, alt: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ChartRun({
        type: d.kind === 'bar' ? 'column' : 'line',
        categories: [...d.categories],
        series: d.series.map((s, i) => ({ name: s.name, values: [...s.values], color: SERIES_COLORS[i % SERIES_COLORS.length]!.slice(1).toUpperCase() })),
        legend: { position: 'top' },
        font: { name: FONT },
        categoryAxis: { title: d.labels.xAxis },
        valueAxis: { title: d.labels.yAxis, numberFormat: NORWEGIAN_NUMBER_FORMAT },
        chartArea: { border: 'none' },
        transformation: { width: 600, height: 300 },
        altText: { name: caption, description: alt, title: caption },
      }),
    ],
  });
}

function blocks(list: readonly Block[], textWidth: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of list) {
    switch (b.type) {
      case 'heading':
        out.push(heading(b, b.newPage === true));
        break;
      case 'paragraph':
        if (b.role === 'vision') {
          out.push(
            new Paragraph({
              spacing: { before: 120, after: 200 },
              indent: { left: 360 },
              border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 8 } },
              children: runs(b.runs.map((r) => ({ ...r, italic: true })), { size: 28, color: ACCENT }),
            }),
          );
        } else if (b.role === 'note') {
          out.push(new Paragraph({ children: runs(b.runs.map((r) => ({ ...r, italic: true })), { color: GREY }) }));
        } else {
          out.push(new Paragraph({ children: runs(b.runs) }));
        }
        break;
      case 'bullets':
        for (const item of b.items) out.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runs(item) }));
        break;
      case 'facts':
        b.facts.forEach((f, i) =>
          out.push(
            new Paragraph({
              spacing: { before: 0, after: i === b.facts.length - 1 ? 200 : 0 },
              indent: { left: 1701, hanging: 1701 },
              tabStops: [{ type: 'left', position: 1701 }],
              keepLines: true,
              keepNext: i < b.facts.length - 1,
              children: [
                new TextRun({ text: f.label ? `${f.label}:` : '', bold: true, size: 20, color: GREY }),
                new TextRun({ text: `\t${f.value}`, size: 20 }),
              ],
            }),
          ),
        );
        break;
      case 'table':
        out.push(...table(b.table, textWidth));
        break;
      case 'chart': {
        const d = b.data;
        if ('kind' in d) {
          out.push(seriesChart(d, b.caption, b.alt), new Paragraph({ style: 'Caption', text: b.caption }));
          break;
        }
        out.push(
          new Paragraph({
            keepNext: true,
            spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
            children: [
              new ChartRun({
                type: 'column',
                categories: d.years.map(String),
                series: [
                  { name: d.labels.invest, values: [...d.invest], color: CHART_COLORS.invest.slice(1).toUpperCase() },
                  { name: d.labels.drift, values: [...d.drift], color: CHART_COLORS.drift.slice(1).toUpperCase() },
                ],
                gapWidth: 80,
                overlap: -5,
                legend: { position: 'top' },
                font: { name: FONT },
                categoryAxis: { title: d.labels.xAxis },
                valueAxis: { title: d.labels.yAxis, numberFormat: NORWEGIAN_NUMBER_FORMAT },
                chartArea: { border: 'none' },
                transformation: { width: 600, height: 300 },
                altText: { name: b.caption, description: b.alt, title: b.caption },
              }),
            ],
          }),
          new Paragraph({ style: 'Caption', text: b.caption }),
        );
        break;
      }
    }
  }
  return out;
}

function pageHeader(doc: PlanDocument, textWidth: number): Header {
  const children = [new TextRun({ text: doc.runningTitle, size: 16, color: GREY })];
  if (doc.draftMark) children.push(new TextRun({ text: `\t${doc.draftMark}`, size: 16, bold: true, color: 'C00000' }));
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: 'right', position: textWidth }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children,
      }),
    ],
  });
}

function pageFooter(doc: PlanDocument): Footer {
  const s = doc.strings;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ children: [`${s.page} `, PageNumber.CURRENT, ` ${s.of} `, PageNumber.TOTAL_PAGES], size: 18, color: GREY }),
        ],
      }),
    ],
  });
}

function titlePage(doc: PlanDocument): Paragraph[] {
  const t = doc.titlePage;
  const p = (text: string, size: number, opts: { bold?: boolean; color?: string; before?: number; after?: number } = {}): Paragraph =>
    new Paragraph({
      spacing: { before: opts.before ?? 0, after: opts.after ?? 120 },
      children: [new TextRun({ text, size, bold: opts.bold, color: opts.color })],
    });
  const out = [
    p(t.organization, 32, { bold: true, color: ACCENT, before: 1800 }),
    ...(t.organizationDetail ? [p(t.organizationDetail, 20, { color: GREY })] : []),
    new Paragraph({ spacing: { before: 2400, after: 360 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 1 } }, children: [] }),
    p(t.title, 56, { bold: true, color: ACCENT, after: 160 }),
    p(t.period, 48, { color: ACCENT, after: 240 }),
    ...(t.periodName ? [p(t.periodName, 26, { color: GREY })] : []),
    p(t.revision, 24, { before: 5600, bold: true, after: 60 }),
    p(t.status, 24, { color: t.adopted ? undefined : 'C00000', bold: !t.adopted, after: 60 }),
    p(t.generated, 20, { color: GREY }),
  ];
  return out;
}

/** Renders the plan document as a .docx file. */
export interface DocxOptions {
  /**
   * Lay the pages out (docx/layout) so the table of contents is written with its page numbers.
   * Off by default: it is slow (about 1.5 s for 50 headings with text, 4–9 s for a plan of 60–200
   * measures). Without it the TOC lists the headings, is marked dirty, and Word fills in the page
   * numbers when it opens the document (after asking to update fields).
   */
  readonly estimatePageNumbers?: boolean;
}

/** Renders the plan document as a .docx file. */
export async function renderDocx(doc: PlanDocument, options: DocxOptions = {}): Promise<Buffer> {
  const headers = { portrait: pageHeader(doc, TEXT_WIDTH.portrait), landscape: pageHeader(doc, TEXT_WIDTH.landscape) };
  const footer = pageFooter(doc);
  const page = (orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] => ({
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: MARGIN[orientation], bottom: MARGIN[orientation], left: MARGIN[orientation], right: MARGIN[orientation], header: 567, footer: 567 },
    },
  });

  const sections: ISectionOptions[] = [
    {
      properties: { ...page('portrait'), titlePage: true },
      headers: { default: headers.portrait, first: new Header({ children: [new Paragraph({ children: [] })] }) },
      footers: { default: footer, first: new Footer({ children: [new Paragraph({ children: [] })] }) },
      children: [
        ...titlePage(doc),
        new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, text: doc.toc.title }),
        new TableOfContents(doc.toc.title, { hyperlink: true, headingStyleRange: `1-${doc.toc.depth}` }),
      ],
    },
    ...doc.sections.map(
      (section): ISectionOptions => ({
        properties: page(section.orientation),
        headers: { default: headers[section.orientation] },
        footers: { default: footer },
        children: blocks(section.blocks, TEXT_WIDTH[section.orientation]),
      }),
    ),
  ];

  const language = { value: doc.languageTag };
  const document = new Document({
    creator: doc.meta.author,
    title: doc.meta.title,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords.join(', '),
    description: doc.titlePage.status,
    lastModifiedBy: 'Veikart',
    ...(options.estimatePageNumbers ? { pageNumbers: (await import('docx/layout')).estimatePageNumbers } : {}),
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: ACCENT, language },
          paragraph: { spacing: { before: 480, after: 160 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font: FONT, size: 28, bold: true, color: ACCENT, language },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font: FONT, size: 24, bold: true, color: '2E2E2E', language },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 2 },
        },
        heading4: {
          run: { font: FONT, size: 22, bold: true, color: ACCENT, language },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 3 },
        },
        caption: { run: { font: FONT, size: 18, italics: true, color: GREY }, paragraph: { spacing: { before: 120, after: 80 } } },
      },
      paragraphStyles: [
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: FONT, size: 36, bold: true, color: ACCENT },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
