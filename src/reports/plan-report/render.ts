/**
 * A report model written in one of the three formats, with the content type it is served as. HTML needs nothing
 * but ECharts; Word needs Chromium only for its charts' PNG copies (and does without); PDF needs Chromium.
 */
import type { ChromiumOptions } from './chromium.ts';
import { planReportDocx } from './docx.ts';
import { planReportHtml } from './html.ts';
import { planReportPdf } from './pdf.ts';
import { chartImages } from './png.ts';
import type { PlanReportModel, ReportFormat } from './types.ts';

/** The media type of each format. */
export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * The report's bytes in a format.
 * @example await renderPlanReport(planReportModel(input), 'docx')
 */
export async function renderPlanReport(
  model: PlanReportModel,
  format: ReportFormat,
  chromium: ChromiumOptions = {},
): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(planReportHtml(model));
    case 'docx':
      return planReportDocx(model, await chartImages(model, chromium));
    case 'pdf':
      return planReportPdf(model, chromium);
  }
}
