/**
 * The report as PDF: the HTML document printed by Debian's Chromium (A4, the official margins, "— 1 —" page numbers
 * in the footer, headings as bookmarks), its text made to read back as written (pdf-text.ts). Chromium draws the
 * Chinese with the installed CJK fonts, so the PDF carries real text, not pictures of it.
 */
import { withBrowser } from './chromium.ts';
import type { ChromiumOptions } from './chromium.ts';
import { planReportHtml } from './html.ts';
import { fixPdfText } from './pdf-text.ts';
import type { PlanReportModel } from './types.ts';

// Chromium prints templates at a tiny default size; the page number of an official document is 四号 (14pt) 宋体.
const FOOTER = `<div style="width:100%;text-align:center;font-family:'SimSun','Noto Serif CJK SC',serif;font-size:12pt;">— <span class="pageNumber"></span> —</div>`;

/**
 * Prints the report to PDF; throws PDF_UNAVAILABLE (503) when no Chromium is installed.
 * @example await writeFile('report.pdf', await planReportPdf(planReportModel(input)))
 */
export async function planReportPdf(model: PlanReportModel, options: ChromiumOptions = {}): Promise<Uint8Array> {
  const html = planReportHtml(model, { pageNumbers: false });
  const pdf = await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '3.7cm', bottom: '3.5cm', left: '2.8cm', right: '2.6cm' },
      outline: true,
      tagged: true,
    });
  }, options);
  return fixPdfText(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}
