/**
 * The plan document ("IKT-strategi og handlingsplan 2025–2028 — <kommune>") as a model, built once
 * from a revision and rendered to DOCX (src/reports/docx.ts) and PDF (src/reports/pdf.ts).
 *
 * Everything the renderers print is decided here: texts (bokmål or nynorsk), order, heading
 * levels, table cells as formatted strings, which columns are numeric. Every amount is taken from
 * `revision.totals` (src/domain/plan-totals.ts); nothing is added up here.
 */
import { formatDate, formatDateTime } from '../../domain/format.ts';
import { slugify } from '../../domain/organization.ts';
import type { PlanDocumentInput } from '../../domain/plan-document-input.ts';
import { buildContext } from './context.ts';
import type { Block, DocSection, PlanDocument, TocEntry } from './model.ts';
import { strategySection } from './strategy.ts';
import { actionPlanSection } from './action-plan.ts';
import { appendicesSection, economySection } from './appendices.ts';
import { riskPictureBlocks } from '../risk-report.ts';
import { followupSection } from './followup.ts';
import { equipmentAppendix } from './equipment.ts';

export function buildPlanDocument(input: PlanDocumentInput): PlanDocument {
  const ctx = buildContext(input);
  const { organization, revision } = input;
  const { language, s, periodText } = ctx;
  // In document order: table and figure numbers and heading ids are given as the blocks are made.
  const strategy = strategySection(ctx);
  const actionPlan = actionPlanSection(ctx);
  const { blocks: closing, chart } = economySection(ctx);
  const followup = followupSection(ctx);
  const appendices = [...appendicesSection(ctx), ...(input.riskPicture ? riskPictureBlocks(input.riskPicture.matrix, input.riskPicture.risks, language) : [])];
  appendices.push(...equipmentAppendix(ctx, appendices.length > 0));

  const sections: DocSection[] = [
    { id: 'strategi', orientation: 'portrait', blocks: strategy },
    { id: 'handlingsplan', orientation: 'landscape', blocks: actionPlan },
    { id: 'okonomi', orientation: 'portrait', blocks: [...closing, ...followup, ...appendices] },
  ].filter((section) => section.blocks.length > 0) as DocSection[];

  const tocDepth = 2;
  const entries: TocEntry[] = sections
    .flatMap((section) => section.blocks)
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level <= tocDepth)
    .map((b) => ({ level: b.level, text: b.text, id: b.id }));

  const adopted = revision.status === 'adopted';
  const status = adopted
    ? [
        s.adopted + (revision.adoptedDate ? ` ${formatDate(revision.adoptedDate)}` : ''),
        revision.decisionRef ? revision.decisionRef : null,
      ]
        .filter(Boolean)
        .join(', ') + (revision.state === 'replaced' ? ` – ${s.replaced}` : '')
    : s.draft;
  const periodName = revision.period.name.trim();
  const fullTitle = `${s.documentTitle} ${periodText}`;

  return {
    language,
    languageTag: language === 'nn' ? 'nn-NO' : 'nb-NO',
    strings: s,
    meta: {
      title: `${fullTitle} ${'\u2014'} ${organization.name}`,
      author: organization.name,
      subject: `${s.revision} ${revision.number}, ${status}`,
      keywords: ['IKT-strategi', s.actionPlan.toLowerCase(), s.economyPlan.toLowerCase(), organization.name],
    },
    runningTitle: `${fullTitle} ${'\u00b7'} ${organization.name}`,
    draftMark: adopted ? null : s.draft,
    titlePage: {
      organization: organization.name,
      organizationDetail: organization.kommunenummer ? `${s.kommunenummer} ${organization.kommunenummer}` : null,
      title: s.documentTitle,
      period: periodText,
      periodName: periodName && !periodName.includes(String(revision.period.startYear)) ? periodName : null,
      revision: `${s.revision} ${revision.number}`,
      status,
      adopted,
      generated: `${s.generated} ${formatDateTime(input.generatedAt).slice(0, 10)}`,
    },
    toc: { title: s.contents, depth: tocDepth, entries },
    sections,
    chart,
  };
}

/** `ikt-strategi-2025-2028-ringebu-kommune-rev2.pdf` */
export function documentFileName(input: Pick<PlanDocumentInput, 'organization' | 'revision'>, ext: string): string {
  const { period, number } = input.revision;
  const org = slugify(input.organization.name) || 'organisasjon';
  return `ikt-strategi-${period.startYear}-${period.endYear}-${org}-rev${number}.${ext.replace(/^\./, '')}`;
}
