/**
 * The annual status report (`report status --year YYYY`): for one year of a plan, each measure's
 * latest status, planned and spent money, and its benefits expected and realised. The same
 * document model and renderers as the plan document; the body is the "Gevinster og oppfølging"
 * chapter for that year.
 */
import { formatDate, formatDateTime } from '../domain/format.ts';
import type { PlanDocumentInput } from '../domain/plan-document-input.ts';
import { buildContext } from './plan-document/context.ts';
import { FOLLOWUP_STRINGS, followupSection } from './plan-document/followup.ts';
import type { Block, PlanDocument, TocEntry } from './plan-document/model.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';
import type { DocumentFormat } from './documents.ts';

export function buildStatusReport(input: PlanDocumentInput, year: number): PlanDocument {
  const ctx = buildContext(input);
  const { organization, revision } = input;
  const { language, s, periodText } = ctx;
  const f = FOLLOWUP_STRINGS[language];
  const blocks = followupSection(ctx, year).map((b, i) => (i === 0 && b.type === 'heading' ? { ...b, newPage: false } : b));
  const entries: TocEntry[] = blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level <= 2)
    .map((b) => ({ level: b.level, text: b.text, id: b.id }));
  const title = `${f.statusReport} ${year}`;
  const status = revision.status === 'adopted' ? `${s.adopted}${revision.adoptedDate ? ` ${formatDate(revision.adoptedDate)}` : ''}` : s.draft;
  return {
    language,
    languageTag: language === 'nn' ? 'nn-NO' : 'nb-NO',
    strings: s,
    meta: { title: `${title} ${'\u2014'} ${organization.name}`, author: organization.name, subject: `${s.documentTitle} ${periodText}`, keywords: ['IKT-strategi', f.chapter.toLowerCase(), organization.name] },
    runningTitle: `${title} ${'\u00b7'} ${organization.name}`,
    draftMark: null,
    titlePage: {
      organization: organization.name,
      organizationDetail: organization.kommunenummer ? `${s.kommunenummer} ${organization.kommunenummer}` : null,
      title,
      period: `${s.documentTitle} ${periodText}`,
      periodName: null,
      revision: `${s.revision} ${revision.number}`,
      status,
      adopted: revision.status === 'adopted',
      generated: `${s.generated} ${formatDateTime(input.generatedAt).slice(0, 10)}`,
    },
    toc: { title: s.contents, depth: 2, entries },
    sections: [{ id: 'status', orientation: 'landscape', blocks }],
    chart: null,
  };
}

export async function renderStatusReport(input: PlanDocumentInput, year: number, format: DocumentFormat): Promise<Buffer> {
  const doc = buildStatusReport(input, year);
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}
