/**
 * PNG copies of the report's charts, for Word processors that cannot show SVG: each SVG is laid on a page in
 * Chromium and photographed at twice its size. Without Chromium (or when it fails) there are no PNGs, and the Word
 * document prints the charts' data as tables instead; it never fails for want of a picture.
 */
import { isServiceError } from '../../services/errors.ts';
import { reportCharts } from './charts.ts';
import { withBrowser } from './chromium.ts';
import type { ChromiumOptions } from './chromium.ts';
import type { ChartImage } from './docx.ts';
import type { PlanReportModel } from './types.ts';

/** Each chart's SVG and PNG by chart id; null when Chromium is unavailable. */
export async function chartImages(
  model: PlanReportModel,
  options: ChromiumOptions = {},
): Promise<Map<string, ChartImage> | null> {
  const charts = reportCharts(model);
  if (charts.length === 0) return new Map();
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0;background:#fff}div{width:max-content}</style></head><body>${charts
    .map((one, index) => `<div id="chart-${String(index)}">${one.rendered.svg}</div>`)
    .join('')}</body></html>`;
  try {
    return await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const images = new Map<string, ChartImage>();
      for (const [index, { chart, rendered }] of charts.entries()) {
        const png = await page.locator(`#chart-${String(index)} > svg`).screenshot({ type: 'png' });
        images.set(chart.id, { ...rendered, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) });
      }
      return images;
    }, options);
  } catch (error) {
    if (isServiceError(error, 'PDF_UNAVAILABLE') || isServiceError(error, 'REPORT_TIMEOUT')) return null;
    throw error;
  }
}
