/** Plan documents in Word and PDF, built once from the document model (see plan-document.ts). */
import { buildPlanDocument, type PlanDocumentInput } from './plan-document/index.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export async function renderPlanDocument(input: PlanDocumentInput, format: DocumentFormat): Promise<Buffer> {
  const doc = buildPlanDocument(input);
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}
