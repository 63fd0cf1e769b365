/**
 * The plan reports on the real seeds: the five sample plans and the real published statistics, evaluated by the
 * evaluation service the API uses. The model states the API's own figures; HTML, Word and PDF carry them, laid out
 * for A4, with text from documents escaped and Chinese that reads back as Chinese.
 */
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../src/ingest/extract/zip.ts';
import { pdfToText } from '../../src/ingest/extract/pdf.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { findChromium } from '../../src/reports/plan-report/chromium.ts';
import { planReportHtml } from '../../src/reports/plan-report/html.ts';
import { renderPlanReport } from '../../src/reports/plan-report/render.ts';
import type { PlanReportModel, TableCell } from '../../src/reports/plan-report/types.ts';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { createEvaluationService } from '../../src/services/evaluation.service.ts';
import { createObservationService } from '../../src/services/observation.service.ts';
import type { EvaluationService } from '../../src/services/evaluation.service.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import type { PlanService } from '../../src/services/plan.service.ts';
import { createReportService } from '../../src/services/report.service.ts';
import type { ReportService } from '../../src/services/report.service.ts';
import { testDialects } from '../db/dialects.ts';
import { editedSample, SHANXI } from '../services/plan.samples.ts';

const TODAY = new Date('2026-11-23T02:00:00Z');
const SHANXI_TITLE = '山西省“十四五”教育事业发展规划';
const CHROMIUM = findChromium();

/** One file of a ZIP package (a .docx), as text. */
function zipEntry(bytes: Uint8Array, name: string): string {
  const entry = readZipDirectory(bytes)?.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return new TextDecoder().decode(entry.method === 0 ? data : inflateRawSync(data));
}

/** The indicator table (二、主要指标进展) as header titles and rows of cell text. */
function indicatorTable(model: PlanReportModel): { header: string[]; rows: string[][] } {
  const section = model.sections.find((one) => one.heading.endsWith('主要指标进展'));
  const table = section?.blocks.find((block) => block.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no indicator table');
  return {
    header: table.columns.map((column) => column.title),
    rows: table.rows.map((row) => row.map((cell: TableCell) => cell.text)),
  };
}

describe.each(testDialects())('plan reports on $kind', (dialect) => {
  let database: OpenDatabase;
  let plans: PlanService;
  let evaluation: EvaluationService;
  let reports: ReportService;
  let shanxi: number;
  let annual: PlanReportModel;

  beforeAll(async () => {
    database = await dialect.open();
    plans = createPlanService(database.db);
    evaluation = createEvaluationService(database.db);
    reports = createReportService(plans, evaluation, { now: () => TODAY });
    await seedSamplePlans(plans);
    await seedSampleStatistics(database.db);
    const found = (await plans.listPlans({}, null)).find((plan) => plan.region.code === '140000');
    if (found === undefined) throw new Error('山西 plan not seeded');
    shanxi = found.id;
    annual = await reports.planReportModel(shanxi, { kind: 'annual', year: 2024 }, null);
  });
  afterAll(() => database.close());

  it('lists every indicator of 山西’s target table in the 2024 annual report, with 96% (2024) 快于预期 and gaps as 数据不足', async () => {
    expect(annual.title).toBe(`${SHANXI_TITLE}2024年度监测报告`);
    expect(annual.sections.map((section) => section.heading)).toEqual([
      '一、总体情况',
      '二、主要指标进展',
      '三、重点指标趋势',
      '四、各市比较',
      '五、滞后和预警事项',
      '六、重点工程和任务进展',
      '七、数据来源与说明',
    ]);
    const detail = await plans.getPlan(shanxi, null);
    const { header, rows } = indicatorTable(annual);
    expect(header).toEqual(['指标', '属性', '基期值', '目标值', '最新值', '进展状态', '说明']);
    expect(rows.map((row) => row[0])).toEqual(detail.indicators.map((indicator) => indicator.name));
    const preschool = rows.find((row) => row[0] === '学前教育毛入园率');
    expect(preschool).toEqual([
      '学前教育毛入园率',
      '预期性',
      '90.8%\n（2020年）',
      '≥96.5%\n（2025年）',
      '96%\n（2024年）',
      '快于预期',
      expect.stringContaining('2025年预计达到97.3%'),
    ]);
    const vocational = rows.find((row) => row[0] === '中等职业教育在校生');
    expect(vocational?.slice(4, 6)).toEqual(['暂无数据', '数据不足']);
    // "突破100万" below the 126万 baseline: a lower bound that says 至少 and decides nothing.
    expect(rows.find((row) => row[0] === '高等教育在学总规模')?.slice(4, 6)).toEqual([
      '至少100万人\n（2024年）',
      '数据不足',
    ]);
    const overview = annual.sections[0]?.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('');
    expect(overview).toContain('规划确定主要指标15项，其中约束性指标1项、预期性指标14项');
    expect(overview).toMatch(/\d+项在基期之后没有任何监测数据/);
    expect(annual.sections[5]?.blocks).toEqual([{ kind: 'paragraph', text: '重点工程和任务的进展数据尚未录入。' }]);
  });

  it('states exactly the figures the evaluation API returns for the plan and year', async () => {
    const progress = await evaluation.planProgress(shanxi, 2024, undefined, null);
    expect(annual.indicators.map((one) => one.row)).toEqual(progress.items.map((item) => item.row));
    progress.items.forEach((item, index) => {
      const stated = annual.indicators[index];
      expect(stated?.baseline?.value).toBe(item.baseline?.value);
      expect(stated?.target?.value).toBe(item.target?.value);
      expect(stated?.latest?.value).toBe(item.latest?.value);
      expect(stated?.latest?.year).toBe(item.latest?.year);
      expect(stated?.status).toBe(item.assessment.status);
      expect(stated?.redLine).toBe(item.assessment.redLine);
      expect(stated?.schedule).toEqual(item.assessment.schedule);
      expect(stated?.explanation).toBe(item.assessment.explanation.zh);
    });
    expect(annual.summary.total).toBe(progress.summary.total);
    expect(annual.summary.redLines).toBe(progress.summary.redLines);
    for (const { status, count } of annual.summary.byStatus) expect(count).toBe(progress.summary.byStatus[status]);
  });

  it('makes the mid-term report for 2023 by default, weighing task progress p against time elapsed e', async () => {
    const midterm = await reports.planReportModel(shanxi, { kind: 'midterm' }, null);
    expect(midterm.year).toBe(2023);
    expect(midterm.title).toBe(`${SHANXI_TITLE}中期评估报告`);
    const { header, rows } = indicatorTable(midterm);
    expect(header).toContain('任务进度p／时间进度e');
    const preschool = rows.find((row) => row[0] === '学前教育毛入园率');
    const { schedule } = midterm.indicators.find((one) => one.name === '学前教育毛入园率') ?? {};
    expect(schedule?.progress).not.toBeNull();
    expect(preschool).toContainEqual(
      `p=${(schedule?.progress ?? 0).toFixed(2)}\n≥ e=${(schedule?.elapsed ?? 0).toFixed(2)}`,
    );
    expect(JSON.stringify(midterm.sections[0])).toContain('时间过半、任务过半');
    const final = await reports.planReportModel(shanxi, { kind: 'final' }, null);
    expect(final.year).toBe(2025);
    expect(indicatorTable(final).header).toContain('目标实现情况');
  });

  it('writes one self-contained HTML document with the title, the table and inline SVG charts', () => {
    const html = planReportHtml(annual);
    expect(html).toContain(`<title>${SHANXI_TITLE}2024年度监测报告</title>`);
    expect(html).toContain('<caption>表2\u3000规划主要指标进展情况（截至2024年）</caption>');
    expect(html).toContain('<td>学前教育毛入园率</td>');
    expect(html).toMatch(/<figure role="img" aria-label="图1\u3000学前教育毛入园率（%）"><svg [^>]*viewBox/u);
    expect(html).toContain('@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm;');
    expect(html).toContain('counter(page)');
    // Nothing is fetched: no script, no link, no URL but the SVG namespaces and its own clip paths (url(#…)).
    expect(html).not.toMatch(/<script|<link|@import|url\((?!#)/i);
    expect(html.replaceAll(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '')).not.toMatch(/https?:\/\//);
  });

  it('escapes a plan line holding <script>: it shows as text', async () => {
    const bytes = editedSample(SHANXI, '现代学徒制培养比例（%）', '现代学徒制培养比例<script>alert(1)</script>（%）');
    const { plan } = await plans.importDocument({ bytes, fileName: 'edited.txt' }, SYSTEM_CONTEXT);
    const model = await reports.planReportModel(plan.id, { kind: 'annual', year: 2024 }, 'system');
    expect(model.indicators.map((one) => one.name)).toContain('现代学徒制培养比例<script>alert(1)</script>');
    const html = planReportHtml(model);
    expect(html).toContain('现代学徒制培养比例&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  it('writes a Word document on A4 with the title, the indicator table and page numbers', async () => {
    const docx = await renderPlanReport(annual, 'docx');
    const xml = zipEntry(docx, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain(`<w:t xml:space="preserve">${SHANXI_TITLE}</w:t>`);
    expect(xml).toContain('<w:t xml:space="preserve">2024年度监测报告</w:t>');
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*学前教育毛入园率(?:(?!<\/w:tc>).)*<\/w:tc>/);
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*快于预期(?:(?!<\/w:tc>).)*<\/w:tc>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(zipEntry(docx, 'word/footer1.xml')).toContain('PAGE');
    // With Chromium the charts are pictures (SVG with a PNG copy); without it, tables and a sentence saying why.
    const media = (readZipDirectory(docx) ?? [])
      .map((entry) => entry.name)
      .filter((name) => name.startsWith('word/media/'));
    if (CHROMIUM === null) expect(xml).toContain('未安装 Chromium');
    else expect(media.filter((name) => name.endsWith('.png')).length).toBe(5);
  });

  it.skipIf(CHROMIUM === null)(
    'prints a PDF of several A4 pages whose Chinese reads back as text (skipped without Chromium: apt-get install chromium, or set EDUPLAN_CHROMIUM)',
    async () => {
      const pdf = await renderPlanReport(annual, 'pdf');
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      expect((raw.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
      // A4 as Chromium rounds it: 8.27 × 11.71 in.
      expect(raw).toMatch(/\/MediaBox \[0 0 59[56](\.\d+)? 84[123](\.\d+)?\]/);
      const text = await pdfToText(pdf);
      expect(text).toContain(SHANXI_TITLE);
      expect(text).toContain('2024年度监测报告');
      expect(text).toContain('学前教育毛入园率');
      // 部门 and 长治市 are drawn with glyphs the CJK fonts share with radicals (门 ⻔, 长 ⻓): they read back right.
      expect(text).toContain('教育行政部门');
      expect(text).toContain('长治市');
      expect(text).not.toMatch(/[\u2e80-\u2fdf]/u);
    },
  );

  it('writes a binding indicator behind as 红线预警 in words, in the table and among the lagging items', async () => {
    // Figures as a city would report them (not real): 忻州's 10.7 years of schooling, from 10.65 towards 11.62.
    const observations = createObservationService(database.db);
    const reported = await observations.report(
      {
        origin: 'api',
        submit: true,
        figures: [
          {
            at: { item: 0 },
            columns: {},
            region: '140900',
            subject: 'working-age-years-of-schooling',
            year: 2024,
            value: 10.7,
            source: '测试数据（非真实）',
          },
        ],
      },
      SYSTEM_CONTEXT,
    );
    const approved = await observations.act('approve', reported.items, null, SYSTEM_CONTEXT);
    await observations.act('publish', approved.items, null, SYSTEM_CONTEXT);
    const xinzhou = (await plans.listPlans({}, null)).find((plan) => plan.region.code === '140900');
    const model = await reports.planReportModel(xinzhou?.id ?? 0, { kind: 'annual', year: 2024 }, null);
    const row = indicatorTable(model).rows.find((cells) => cells[0] === '劳动年龄人口平均受教育年限');
    expect(row?.slice(1, 6)).toEqual([
      '约束性',
      '10.65年\n（2020年）',
      '≥11.62年\n（2025年）',
      '10.7年\n（2024年）',
      '严重滞后（红线预警）',
    ]);
    expect(model.summary.redLines).toBe(1);
    const warnings = JSON.stringify(model.sections[4]?.blocks);
    expect(warnings).toContain('劳动年龄人口平均受教育年限（约束性，红线预警）：严重滞后。');
    const html = planReportHtml(model);
    expect(html).toContain('<td class="center status-far_behind red-line">严重滞后（红线预警）</td>');
  });
});
