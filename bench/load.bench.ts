/**
 * The server under load (issue #7): EduPlan started as `npm start` starts it (the sample plans, the real published
 * statistics, PGlite in memory, the default load limits), on port 3130, with 50 connections for 10 s each asking
 * GET /api/plans/:id/progress for 山西省 — alone, while 山西's final Word report is written back to back as jobs, and
 * while big imports of SYNTHETIC figures (bench/synthetic) run back to back as jobs. Then the latency of data entry
 * (POST /api/observations, one figure) alone and during a report, and the event loop's stall while the report is
 * written on the request thread (as before) and on the report worker (now). Printed figures, no assertions; prints
 * its section. Run: node --import tsx bench/load.bench.ts (not in npm run bench: api.bench.ts measures the
 * API during imports at national scale; this one keeps issue #7's figures on the report worker reproducible).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { regionRepository } from '../src/db/region.repository.ts';
import { planReportModel } from '../src/reports/plan-report/model.ts';
import { renderPlanReport } from '../src/reports/plan-report/render.ts';
import { startServer } from '../src/server.ts';
import { createAccountService } from '../src/services/account.service.ts';
import { SYSTEM_CONTEXT } from '../src/services/audit.ts';
import { createEvaluationService } from '../src/services/evaluation.service.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { createReportService } from '../src/services/report.service.ts';
import { handOver, peakRssMB } from './output.ts';
import { median } from './stats.ts';
import { syntheticCsv, syntheticFigures } from './synthetic/monitoring-data.ts';

const PORT = 3130;
const SECONDS = 10;
const CONNECTIONS = 50;
const ENTRIES = 15;
const STALL_RUNS = 3;
const PASSWORD = 'load-bench-密码-2026';

const server = await startServer(loadConfig({ PORT: String(PORT), EDUPLAN_DATA: 'memory://' }), () => undefined);
const base = `http://127.0.0.1:${String(PORT)}`;
const plans = createPlanService(server.database.db);
const shanxi = (await plans.listPlans({ regionCode: '140000' }, null))[0]?.id ?? 0;
const accounts = createAccountService(server.database.db);
await accounts.createUser(
  {
    username: 'bench-province',
    displayName: 'bench',
    role: 'province_admin',
    regionCode: '140000',
    password: PASSWORD,
  },
  SYSTEM_CONTEXT,
);
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench-province', password: PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const regions = regionRepository(server.database.db);
const counties = (
  await Promise.all((await regions.listChildren('140000')).map((city) => regions.listChildren(city.code)))
).flat();

const write = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify(body),
  });

async function untilDone(id: string): Promise<string> {
  for (;;) {
    const job = (await (await fetch(`${base}/api/jobs/${id}`, { headers: { cookie } })).json()) as { status: string };
    if (job.status === 'done' || job.status === 'failed') return job.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `job` again and again until stopped; counts the finished runs by their status. */
function backToBack(job: (round: number) => Promise<string>): { stop: () => Promise<Record<string, number>> } {
  const state = { running: true };
  const counts: Record<string, number> = {};
  const loop = (async () => {
    for (let round = 0; state.running; round += 1) {
      const status = await job(round);
      counts[status] = (counts[status] ?? 0) + 1;
    }
  })();
  return {
    stop: async () => {
      state.running = false;
      await loop;
      return counts;
    },
  };
}

const reportJob = async (): Promise<string> => {
  const started = (await (
    await write(`/api/plans/${String(shanxi)}/report-jobs`, { kind: 'final', format: 'docx' })
  ).json()) as { id: string };
  return untilDone(started.id);
};

// Each import a third of 山西's counties × 2020-2025 × 10 elements; once all three are stored, the same files again
// (read and checked in full, found unchanged).
const IMPORT_GROUPS = 3;
const importJob = async (round: number): Promise<string> => {
  const group = round % IMPORT_GROUPS;
  const regions = counties.filter((_, index) => index % IMPORT_GROUPS === group).map((county) => county.code);
  const figures = syntheticFigures({ seed: group + 1, regions, years: [2020, 2021, 2022, 2023, 2024, 2025] });
  const form = new FormData();
  form.append('file', new Blob([syntheticCsv(figures)], { type: 'text/csv' }), 'synthetic.csv');
  const started = (await (
    await fetch(`${base}/api/observations/import-jobs`, {
      method: 'POST',
      headers: { cookie, origin: base },
      body: form,
    })
  ).json()) as { id: string };
  return untilDone(started.id);
};

/** The load limits' own readings (under-pressure), sampled while a run lasts: the worst of each. */
function watchLoad(): () => { delayMs: number; heapMb: number; rssMb: number } {
  const worst = { delayMs: 0, heapMb: 0, rssMb: 0 };
  const timer = setInterval(() => {
    const usage = server.app.memoryUsage();
    worst.delayMs = Math.max(worst.delayMs, usage.eventLoopDelay);
    worst.heapMb = Math.max(worst.heapMb, usage.heapUsed / 2 ** 20);
    worst.rssMb = Math.max(worst.rssMb, usage.rssBytes / 2 ** 20);
  }, 250);
  return () => {
    clearInterval(timer);
    return worst;
  };
}

interface Row {
  what: string;
  result: Result;
  load: { delayMs: number; heapMb: number; rssMb: number };
  background: string;
}

async function cannon(what: string, background?: (round: number) => Promise<string>): Promise<Row> {
  const job = background === undefined ? undefined : backToBack(background);
  const stopWatching = watchLoad();
  const result = await autocannon({
    url: `${base}/api/plans/${String(shanxi)}/progress`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const load = stopWatching();
  const counts = (await job?.stop()) ?? {};
  const finished = Object.entries(counts).map(([status, count]) => `${String(count)} ${status}`);
  process.stdout.write(`${what}: ${result.requests.average.toFixed(0)} req/s\n`);
  return { what, result, load, background: finished.join(', ') || '—' };
}

async function dataEntryMs(round: number, index: number): Promise<number> {
  const county = counties[(round * ENTRIES + index) % counties.length]?.code ?? '140902';
  const start = performance.now();
  const answer = await write('/api/observations', {
    items: [{ region: county, indicator: 'public-kindergarten-children', year: 2020, value: 1000 + index }],
  });
  if (answer.status !== 201) throw new Error(`data entry answered ${String(answer.status)}: ${await answer.text()}`);
  return performance.now() - start;
}

/** N figures entered one after another; with a report, each while a report job is running. */
async function dataEntry(round: number, duringReport: boolean): Promise<number> {
  const times: number[] = [];
  let report: Promise<string> | null = null;
  let reports = 0;
  for (let index = 0; index < ENTRIES; index += 1) {
    if (duringReport && report === null) {
      reports += 1;
      report = reportJob().finally(() => {
        report = null;
      });
      // Past the start, into the reads and the writing.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    times.push(await dataEntryMs(round, index));
  }
  await report;
  if (duringReport) process.stdout.write(`data entry during ${String(reports)} report(s)\n`);
  return median(times);
}

/** The event loop's delay (p99 and max, ms) while 山西's final Word report is written by `run`. */
async function stall(run: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  histogram.reset();
  await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

// Warm-up: the report worker starts, ECharts, docx and the fonts load, the first browser launches.
await reportJob();

const rows = [
  await cannon('progress alone'),
  await cannon('progress while report jobs run back to back', reportJob),
  await cannon('progress while imports run back to back', importJob),
];
const entryAlone = await dataEntry(0, false);
const entryDuringReport = await dataEntry(1, true);

const evaluation = createEvaluationService(server.database.db);
const reports = createReportService(plans, evaluation);
const onThread: { p99: number; max: number }[] = [];
const onWorker: { p99: number; max: number }[] = [];
for (let run = 0; run < STALL_RUNS; run += 1) {
  onThread.push(
    await stall(async () =>
      renderPlanReport(planReportModel(await reports.planReportInput(shanxi, { kind: 'final' }, null)), 'docx'),
    ),
  );
  onWorker.push(await stall(() => reports.planReport(shanxi, { kind: 'final', format: 'docx' }, null)));
}
await server.close();

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const line = ({ what, result, load, background }: Row): string =>
  `| ${what} | ${result.requests.average.toFixed(0)} | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${String(result.errors)} (${String(result.timeouts)} timeouts) | ${String(result.non2xx)} | ${background} | ${ms(load.delayMs)} | ${load.heapMb.toFixed(0)} / ${load.rssMb.toFixed(0)} MB |`;
const stallLine = (what: string, runs: { p99: number; max: number }[]): string =>
  `| ${what} | ${ms(median(runs.map((run) => run.p99)))} | ${ms(median(runs.map((run) => run.max)))} |`;
const report = [
  '## Under load (npm run bench)',
  '',
  `EduPlan as npm start runs it (sample plans, real published statistics, PGlite in memory, default load limits). autocannon, ${String(CONNECTIONS)} connections × ${String(SECONDS)} s on GET /api/plans/:id/progress for 山西省. Background jobs back to back: 山西's 总结评估报告 as Word (report-jobs), or imports of SYNTHETIC figures (a third of 山西's ${String(counties.length)} counties × 2020-2025 × 10 elements, ${String(Math.round((counties.length / IMPORT_GROUPS) * 60))} rows each; import-jobs). "worst delay" is the load limit's own reading (mean event-loop delay per second, 503 above 1000 ms).`,
  '',
  '| while | req/s | p50 | p99 | errors | non-2xx | jobs finished | worst delay | worst heap / RSS |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map(line),
  '',
  `Data entry (POST /api/observations, one figure, as 山西's administrator), median of ${String(ENTRIES)}: alone ${ms(entryAlone)}, while a report job runs ${ms(entryDuringReport)}.`,
  '',
  `Event-loop delay while 山西's final Word report is written (monitorEventLoopDelay at 5 ms, medians of ${String(STALL_RUNS)}):`,
  '',
  '| written | p99 | max |',
  '|---|---|---|',
  stallLine('on the request thread (before: model, charts and Word package in-process)', onThread),
  stallLine('on the report worker (now; the reads stay on the request thread)', onWorker),
  '',
].join('\n');
handOver(report, { peakRssMB: peakRssMB() });
