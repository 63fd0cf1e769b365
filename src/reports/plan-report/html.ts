/**
 * The report as one self-contained HTML document: inline CSS, charts as inline SVG, nothing fetched (a Content
 * Security Policy forbids it), laid out for A4 print like an official document — title in 小标宋 (黑体 where that is
 * missing), body in 仿宋 三号, margins 3.7/3.5/2.8/2.6 cm, page numbers "— 1 —" from CSS page counters. Every text that
 * came from a document or the database is escaped; only ECharts' SVG, which escapes its own text, goes in as markup.
 */
import { renderChart } from './charts.ts';
import type { Block, PlanReportModel, ReportSection, TableCell, TableColumn } from './types.ts';

/** How the HTML is printed. */
export interface HtmlOptions {
  /**
   * Page numbers from CSS page counters, for printing from a browser (the default). The PDF turns them off and
   * prints its own footer, which every Chromium version supports.
   */
  pageNumbers?: boolean;
}

const TITLE_FONT = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimHei", "黑体", "Noto Sans CJK SC", sans-serif`;
const HEADING_FONT = `"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif`;
const KAI_FONT = `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif`;
const BODY_FONT = `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif`;
const TABLE_FONT = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const PAGE_NUMBERS = `@bottom-center { content: "— " counter(page) " —"; font-family: ${TABLE_FONT}; font-size: 14pt; }`;

function styles(pageNumbers: boolean): string {
  return `
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; ${pageNumbers ? PAGE_NUMBERS : ''} }
html { background: #e9e9e9; }
body { margin: 0; color: #000; font-family: ${BODY_FONT}; font-size: 16pt; line-height: 1.75; }
main { box-sizing: content-box; width: 15.6cm; margin: 1cm auto; padding: 3.7cm 2.6cm 3.5cm 2.8cm; background: #fff; }
@media print { html { background: none; } main { width: auto; margin: 0; padding: 0; } }
h1 { font-family: ${TITLE_FONT}; font-size: 22pt; font-weight: normal; line-height: 1.5; text-align: center; margin: 0 0 0.3em; }
h1 span { display: block; }
.subtitle { font-family: ${KAI_FONT}; font-size: 14pt; text-align: center; text-indent: 0; margin: 0 0 1.2em; }
h2 { font-family: ${HEADING_FONT}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0.8em 0 0.2em; break-after: avoid; }
h3 { font-family: ${KAI_FONT}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0.4em 0 0.2em; break-after: avoid; }
p { text-indent: 2em; text-align: justify; margin: 0; }
ol.items { list-style: none; counter-reset: item; padding: 0; margin: 0; }
ol.items li { counter-increment: item; text-indent: 2em; text-align: justify; }
ol.items li::before { content: counter(item) "．"; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: ${TABLE_FONT}; font-size: 10pt; line-height: 1.4; margin: 0.6em 0 0.2em; }
caption { font-family: ${HEADING_FONT}; font-size: 12pt; padding-bottom: 0.3em; }
table.keep { break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
th { font-family: ${HEADING_FONT}; font-weight: normal; background: #eeeeee; }
td.center { text-align: center; }
td.right { text-align: right; }
.table-note { font-size: 10.5pt; line-height: 1.5; text-indent: 0; margin-bottom: 0.6em; }
.status-achieved_early, .status-achieved, .status-ahead, .status-on_track { color: #1b5e20; }
.status-behind { color: #8a4b00; }
.status-far_behind, .status-deteriorating, .red-line { color: #b00020; }
.status-insufficient_data { color: #555555; }
.red-line { font-weight: bold; }
figure { margin: 0.8em 0; break-inside: avoid; text-align: center; }
figure svg { width: 100%; height: auto; }
figcaption { font-family: ${HEADING_FONT}; font-size: 12pt; }
.chart-note { font-size: 12pt; line-height: 1.6; text-align: justify; text-indent: 2em; margin-top: 0.2em; }
.colophon { font-size: 10.5pt; text-indent: 0; text-align: right; margin-top: 2em; color: #333; }
`;
}

/**
 * The report as an HTML document.
 * @example await writeFile('report.html', planReportHtml(planReportModel(input)))
 */
export function planReportHtml(model: PlanReportModel, options: HtmlOptions = {}): string {
  const [planLine, reportLine] = model.titleLines;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${styles(options.pageNumbers ?? true)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1><span>${escapeHtml(planLine)}</span><span>${escapeHtml(reportLine)}</span></h1>`,
    `<p class="subtitle">${escapeHtml(model.subtitle)}</p>`,
    ...model.sections.map(sectionHtml),
    '<p class="colophon">本报告由教育规划监测评估平台（EduPlan）依据平台数据生成。</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sectionHtml(section: ReportSection): string {
  return `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.blocks.map(blockHtml).join('\n')}\n</section>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'list':
      return `<ol class="items">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`;
    case 'table':
      return tableHtml(block.caption, block.columns, block.rows, block.note);
    case 'chart': {
      const { svg } = renderChart(block.chart);
      const note = block.note === undefined ? '' : `<p class="chart-note">${escapeHtml(block.note)}</p>`;
      return `<figure role="img" aria-label="${escapeHtml(block.caption)}">${svg}<figcaption>${escapeHtml(block.caption)}</figcaption>${note}</figure>`;
    }
  }
}

function tableHtml(
  caption: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  note: string | undefined,
): string {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const cols = columns.map((column) => `<col style="width:${((column.width / total) * 100).toFixed(2)}%">`).join('');
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column.title)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, index) => cellHtml(cell, columns[index])).join('')}</tr>`)
    .join('\n');
  const after = note === undefined ? '' : `\n<p class="table-note">${escapeHtml(note)}</p>`;
  // A short table (the status summary, a ranking) stays on one page; a long one breaks between rows.
  const keep = rows.length <= 12 ? ' class="keep"' : '';
  return `<table${keep}>\n<caption>${escapeHtml(caption)}</caption>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${after}`;
}

function cellHtml(cell: TableCell, column: TableColumn | undefined): string {
  const classes = [
    column?.align === 'center' ? 'center' : column?.align === 'right' ? 'right' : '',
    cell.status === undefined ? '' : `status-${cell.status}`,
    cell.redLine === true ? 'red-line' : '',
  ].filter((name) => name !== '');
  const attribute = classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
  return `<td${attribute}>${escapeHtml(cell.text).replaceAll('\n', '<br>')}</td>`;
}
