/** Renders the internal risk report (risk-report.ts) with the plan document's DOCX and PDF renderers. */
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';
import { buildRiskReport, type RiskReportInput } from './risk-report.ts';

export async function renderRiskReport(input: RiskReportInput, format: 'docx' | 'pdf'): Promise<Buffer> {
  const doc = buildRiskReport(input);
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
