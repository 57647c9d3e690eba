/**
 * The annual report (årsmelding) as a document model, rendered by the plan document's renderers
 * (src/reports/docx.ts with a table of contents, src/reports/pdf.ts tagged): cover, introduction,
 * the year's goals and measures with status and result, statistics, accounts, cost sharing, and
 * the appendix of shared solutions. Bokmål or nynorsk after the organization's language.
 */
import { formatDate, formatDateTime } from '../../domain/format.ts';
import { slugify } from '../../domain/organization.ts';
import { measuresOfYear, type AnnualReportInput } from '../../domain/annual-report.ts';
import type { Measure } from '../../domain/plan.ts';
import type { Block, DocSection, PlanDocument, TocEntry } from '../plan-document/model.ts';
import { byNumber, collator, dash, textBlocks } from '../plan-document/helpers.ts';
import { annualContext, data, type AnnualContext } from './context.ts';
import { accountsSection, costSharingSection, solutionsSection, statisticsSection } from './figures.ts';

function introductionSection(ctx: AnnualContext): Block[] {
  const { a, heading, input } = ctx;
  const text = textBlocks(input.introduction);
  return [heading(1, a.introduction), ...(text.length ? text : [{ type: 'paragraph', role: 'note', runs: [{ text: a.noIntroduction }] } as const])];
}

function goalsSection(ctx: AnnualContext): Block[] {
  const { a, s, heading, table, input } = ctx;
  const blocks: Block[] = [heading(1, a.goalsAndMeasures(input.year), true)];
  const rev = input.revision;
  if (!rev) return [...blocks, { type: 'paragraph', role: 'note', runs: [{ text: a.noPlan(input.year) }] }];
  blocks.push({ type: 'paragraph', role: 'note', runs: [{ text: a.fromRevision(rev.period.name, rev.number, rev.status === 'adopted') }] });
  const measures = measuresOfYear(rev.measures, input.year).sort(byNumber);
  if (measures.length === 0) blocks.push({ type: 'paragraph', role: 'note', runs: [{ text: a.noMeasures }] });
  const areas = [...rev.focusAreas].sort((x, y) => x.position - y.position || collator.compare(x.title, y.title));
  const known = new Set(areas.map((f) => f.id));
  const rows = (list: Measure[]) => list.map((m) => data(dash(m.number), m.title, s.measureStatus[m.status], dash(m.result)));
  const measureTable = (caption: string, list: Measure[]): Block =>
    table(
      a.measuresCaption(caption),
      [
        [s.number, 'left', 0.8],
        [a.measure, 'left', 3.2],
        [a.status, 'left', 1.4],
        [a.result, 'left', 4.6],
      ],
      rows(list),
    );
  for (const area of areas) {
    const goals = rev.goals.filter((g) => g.focusAreaId === area.id).sort((x, y) => x.position - y.position);
    const list = measures.filter((m) => m.focusAreaId === area.id);
    if (goals.length === 0 && list.length === 0) continue;
    blocks.push(heading(2, area.title));
    if (goals.length) blocks.push(heading(3, a.goals), { type: 'bullets', items: goals.map((g) => [{ text: g.text }]) });
    if (list.length) blocks.push(measureTable(area.title, list));
  }
  const other = measures.filter((m) => m.focusAreaId === null || !known.has(m.focusAreaId));
  if (other.length) blocks.push(heading(2, a.otherMeasures), measureTable(a.otherMeasures, other));
  return blocks;
}

export function buildAnnualReport(input: AnnualReportInput): PlanDocument {
  const ctx = annualContext(input);
  const { a, s, language } = ctx;
  const { organization, year, revision } = input;
  // In document order: table and figure numbers and heading ids are given as the blocks are made.
  const blocks = [
    ...introductionSection(ctx),
    ...goalsSection(ctx),
    ...statisticsSection(ctx),
    ...accountsSection(ctx),
    ...costSharingSection(ctx),
    ...solutionsSection(ctx),
  ];
  const sections: DocSection[] = [{ id: 'arsmelding', orientation: 'portrait', blocks }];
  const tocDepth = 2;
  const entries: TocEntry[] = blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level <= tocDepth)
    .map((b) => ({ level: b.level, text: b.text, id: b.id }));
  const title = input.title?.trim() || a.title;
  const adopted = revision?.status === 'adopted';
  const source = revision ? `${revision.period.name}, ${s.revision.toLowerCase()} ${revision.number}` : a.noPlan(year);
  const status = revision ? (adopted ? `${s.adopted}${revision.adoptedDate ? ` ${formatDate(revision.adoptedDate)}` : ''}` : s.draft) : '';
  return {
    language,
    languageTag: language === 'nn' ? 'nn-NO' : 'nb-NO',
    strings: s,
    meta: {
      title: `${title} ${year} ${'\u2014'} ${organization.name}`,
      author: organization.name,
      subject: `${a.title} ${year}`,
      keywords: [a.title.toLowerCase(), String(year), organization.name],
    },
    runningTitle: `${title} ${year} ${'\u00b7'} ${organization.name}`,
    draftMark: null,
    titlePage: {
      organization: organization.name,
      organizationDetail: organization.kommunenummer ? `${s.kommunenummer} ${organization.kommunenummer}` : null,
      title,
      period: String(year),
      periodName: null,
      revision: source,
      status,
      // Not red on the cover: the document is the year's report, not a draft of it.
      adopted: true,
      generated: `${s.generated} ${formatDateTime(input.generatedAt).slice(0, 10)}`,
    },
    toc: { title: s.contents, depth: tocDepth, entries },
    sections,
    chart: null,
  };
}

/** `arsmelding-2017-indre-namdal-ikt-iks.pdf` */
export function annualReportFileName(input: Pick<AnnualReportInput, 'organization' | 'year'>, ext: string): string {
  return `arsmelding-${input.year}-${slugify(input.organization.name) || 'organisasjon'}.${ext.replace(/^\./, '')}`;
}
