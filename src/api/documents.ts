/** Sends the plan document (DOCX or PDF) built from the same data the pages show. */
import type { FastifyReply } from 'fastify';
import { documentFileName, type PlanDocumentInput } from '../reports/plan-document/index.ts';
import { DOCUMENT_CONTENT_TYPES, renderPlanDocument, type DocumentFormat } from '../reports/documents.ts';

export async function planDocumentResponse(
  reply: FastifyReply,
  input: PlanDocumentInput,
  format: DocumentFormat,
  disposition: 'inline' | 'attachment' = 'attachment',
): Promise<FastifyReply> {
  const body = await renderPlanDocument(input, format);
  return reply
    .type(DOCUMENT_CONTENT_TYPES[format])
    .header('content-disposition', `${disposition}; filename="${documentFileName(input, format)}"`)
    .send(body);
}
