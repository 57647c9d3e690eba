/** The annual report (årsmelding): model builder and DOCX/PDF rendering through the plan document's renderers. */
import type { AnnualReportInput } from '../../domain/annual-report.ts';
import { renderDocx } from '../docx.ts';
import { renderPdf } from '../pdf.ts';
import type { DocumentFormat } from '../documents.ts';
import { buildAnnualReport } from './build.ts';

export { buildAnnualReport, annualReportFileName } from './build.ts';

export async function renderAnnualReport(input: AnnualReportInput, format: DocumentFormat): Promise<Buffer> {
  const doc = buildAnnualReport(input);
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}
