/**
 * Report generation: 山西省's final evaluation (总结评估报告) as HTML, Word and PDF, through the report service on the
 * sample plans and the real published statistics, median of several runs. Baseline, measured in the same run: the
 * evaluation the report is built from (progress, rankings of every indicator, region lists), which any report must
 * read. Target (issue #5): a province's report in seconds. Appends its section to bench/results.md.
 */
import { openDatabase } from '../src/db/database.ts';
import { seedSamplePlans, seedSampleStatistics } from '../src/server.ts';
import { createEvaluationService } from '../src/services/evaluation.service.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { createReportService } from '../src/services/report.service.ts';
import { benchArguments, handOver, peakRssMB } from './output.ts';
import { median } from './stats.ts';

const args = benchArguments();
const RUNS = args.quick ? 2 : 3;

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
const plans = createPlanService(database.db);
await seedSamplePlans(plans);
await seedSampleStatistics(database.db);
const shanxi = (await plans.listPlans({ regionCode: '140000' }, null))[0]?.id ?? 0;
const evaluation = createEvaluationService(database.db);
const reports = createReportService(plans, evaluation);

const times = { baseline: [] as number[], html: [] as number[], docx: [] as number[], pdf: [] as number[] };
const sizes = { html: 0, docx: 0, pdf: 0 };
// Warm-up: the first report loads ECharts, the fonts and the region table.
await reports.planReport(shanxi, { kind: 'final', format: 'html' }, null);
for (let run = 0; run < RUNS; run += 1) {
  times.baseline.push(
    await seconds(async () => {
      const progress = await evaluation.planProgress(shanxi, 2025, undefined, null);
      for (const item of progress.items)
        if (item.indicator !== null) await evaluation.rankings(shanxi, item.row, 2025, null);
      await evaluation.regionLists(shanxi, 2025, null);
    }),
  );
  for (const format of ['html', 'docx', 'pdf'] as const) {
    times[format].push(
      await seconds(async () => {
        sizes[format] = (await reports.planReport(shanxi, { kind: 'final', format }, null)).bytes.byteLength;
      }),
    );
  }
}
await database.close();

const base = median(times.baseline);
const row = (format: 'html' | 'docx' | 'pdf', what: string): string =>
  `| ${what} | ${(median(times[format]) * 1000).toFixed(0)} ms | ${(sizes[format] / 1024).toFixed(0)} KB | ${(median(times[format]) / base).toFixed(1)}× |`;
const report = [
  '## Reports (npm run bench)',
  '',
  `山西省 总结评估报告 2025 on the sample plans and the real published statistics, PGlite in memory, ${RUNS} runs, medians.`,
  '',
  '| what | median | size | ratio to baseline |',
  '|---|---|---|---|',
  row('html', 'HTML'),
  row('docx', 'Word (charts as PNG through one chromium launch)'),
  row('pdf', 'PDF (chromium prints the HTML)'),
  `| baseline: the evaluation the report reads (progress, rankings, lists) | ${(base * 1000).toFixed(0)} ms | | 1× |`,
  '',
  `Peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
  '',
].join('\n');
handOver(report, {
  reportSeconds: Math.max(median(times.docx), median(times.pdf)),
  reportDocxSeconds: median(times.docx),
  reportPdfSeconds: median(times.pdf),
  reportHtmlSeconds: median(times.html),
  peakRssMB: peakRssMB(),
});
