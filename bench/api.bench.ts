/**
 * The API at scale: requests per second and p99 of a province's overview (GET /api/plans/:id/progress) and an
 * indicator's page (GET /api/plans/:id/indicators/:row/rankings), as the public reads them, under autocannon with 50
 * connections; against a bare Fastify route returning a JSON object of the same size, measured in the same run;
 * alone and while imports of another province's figures run back to back (each commit changes the data, so the
 * next read is computed afresh); with 1, 4 and 31 provinces of the SYNTHETIC national dataset loaded.
 *
 * EduPlan runs as the server runs it (serverApp: every service, the cache, the load limits), on PGlite in memory.
 * Run: node --import tsx bench/api.bench.ts [--quick] [--out file.json]
 */
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import Fastify from 'fastify';
import type { openDatabase } from '../src/db/database.ts';
import { planRepository } from '../src/db/plan.repository.ts';
import { serverApp } from '../src/server.ts';
import { SYSTEM_CONTEXT } from '../src/services/audit.ts';
import { importDataFile } from '../src/services/observation.import.ts';
import { createObservationService } from '../src/services/observation.service.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { benchDatabase, benchEngines } from './databases.ts';
import type { BenchEngine } from './databases.ts';
import { benchArguments, handOver, peakRssMB } from './output.ts';
import { syntheticCsv } from './synthetic/monitoring-data.ts';
import { ALL_PROVINCES, loadNationalDataset, nationalFigures } from './synthetic/national.ts';

const { quick } = benchArguments();
const SECONDS = quick ? 5 : 8;
const CONNECTIONS = 50;
const SEED = 1;
/** The province read (河北, no real sample plan), and the one whose figures are imported meanwhile (内蒙古). */
const READ = '13';
const IMPORTED = '15';
const PORT = 3140;
const BARE_PORT = 3141;

interface Run {
  what: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

const run = async (what: string, url: string, bytes: number): Promise<Run> => {
  const result: Result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const measured = {
    what,
    rps: Math.round(result.requests.total / SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes,
  };
  process.stderr.write(`${what}: ${String(measured.rps)} req/s, p99 ${String(measured.p99)} ms\n`);
  return measured;
};

/** A bare Fastify route answering with `body` (the same object, so the same JSON and size). */
async function bare(bodies: Record<string, unknown>): Promise<() => Promise<void>> {
  const app = Fastify();
  for (const [path, body] of Object.entries(bodies)) app.get(path, () => body);
  await app.listen({ port: BARE_PORT, host: '127.0.0.1' });
  return () => app.close();
}

/** Imports one year of the other province's figures after another, until stopped. */
function importsBackToBack(database: Awaited<ReturnType<typeof openDatabase>>): {
  stop: () => Promise<number>;
} {
  const state = { running: true, done: 0 };
  const loop = (async () => {
    const service = createObservationService(database.db);
    for (let year = 2016; state.running && year <= 2030; year += 1) {
      const figures = [...nationalFigures({ seed: SEED, provinces: [IMPORTED] })].filter((one) => one.year === year);
      const bytes = new TextEncoder().encode(syntheticCsv(figures));
      await importDataFile(service, { bytes, fileName: `synthetic-${String(year)}.csv`, submit: true }, SYSTEM_CONTEXT);
      state.done += 1;
    }
  })();
  return {
    stop: async () => {
      state.running = false;
      await loop;
      return state.done;
    },
  };
}

interface Size {
  engine: BenchEngine;
  provinces: number;
  loadSeconds: number;
  runs: Run[];
  importsDone: number;
}

async function measureSize(
  provinces: readonly string[],
  withImports: boolean,
  engine: BenchEngine = 'pglite',
): Promise<Size> {
  const started = process.hrtime.bigint();
  const database = await benchDatabase(engine);
  const plans = createPlanService(database.db);
  await loadNationalDataset(database.db, plans, { seed: SEED, provinces, observations: 'published' });
  if (!provinces.includes(IMPORTED)) {
    await loadNationalDataset(database.db, plans, { seed: SEED, provinces: [IMPORTED], observations: 'none' });
  }
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const served = await serverApp(database, { logger: false });
  await served.app.listen({ port: PORT, host: '127.0.0.1' });
  const listed = await planRepository(database.db).list({
    status: 'published',
    regionCode: `${READ}0000`,
    limit: 10,
    offset: 0,
  });
  const plan = listed.find((one) => one.period_start === 2021);
  if (plan === undefined) throw new Error('no 十四五 plan for the province read');
  const base = `http://127.0.0.1:${String(PORT)}/api/plans/${String(plan.id)}`;
  const overview = `${base}/progress?year=2024`;
  const indicator = `${base}/indicators/1/rankings?year=2024`;
  const bodies: Record<string, unknown> = {};
  const sizes: Record<string, number> = {};
  for (const [name, url] of [
    ['/overview', overview],
    ['/indicator', indicator],
  ] as const) {
    // The first reads compute cold (and the load just before may still weigh on the event-loop limit): wait out 503s.
    let response = await fetch(url);
    for (let attempt = 0; response.status === 503 && attempt < 30; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      response = await fetch(url);
    }
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${url}: ${String(response.status)} ${text}`);
    bodies[name] = JSON.parse(text) as unknown;
    sizes[name] = Buffer.byteLength(text);
  }
  const stopBare = await bare(bodies);
  const bareBase = `http://127.0.0.1:${String(BARE_PORT)}`;
  const runs: Run[] = [];
  runs.push(await run('bare Fastify, overview-sized JSON', `${bareBase}/overview`, sizes['/overview'] ?? 0));
  runs.push(await run('overview (progress of every indicator)', overview, sizes['/overview'] ?? 0));
  runs.push(await run('bare Fastify, indicator-sized JSON', `${bareBase}/indicator`, sizes['/indicator'] ?? 0));
  runs.push(await run('indicator (regions ranked)', indicator, sizes['/indicator'] ?? 0));
  let importsDone = 0;
  if (withImports) {
    const imports = importsBackToBack(database);
    runs.push(await run('overview while imports run back to back', overview, sizes['/overview'] ?? 0));
    importsDone = await imports.stop();
  }
  await stopBare();
  await served.app.close();
  await served.unwatch();
  await database.close();
  return { engine, provinces: provinces.length, loadSeconds, runs, importsDone };
}

const GROWTH = quick ? [[READ]] : [[READ], [READ, '21', '22', '23'], ALL_PROVINCES.filter((one) => one !== IMPORTED)];
const measured: Size[] = [];
for (const [index, provinces] of GROWTH.entries()) measured.push(await measureSize(provinces, index === 0));
// On a PostgreSQL server the import's work happens in the server and reads take other connections of the pool.
if (benchEngines().includes('postgresql')) measured.push(await measureSize([READ], true, 'postgresql'));

const ratio = (size: Size, of: string, to: string): number =>
  (size.runs.find((one) => one.what.startsWith(of))?.rps ?? 0) /
  (size.runs.find((one) => one.what.startsWith(to))?.rps ?? 1);
const first = measured[0];
const section = [
  '## API under load (npm run bench)',
  '',
  `EduPlan as the server runs it (every service, the evaluation cache, the load limits), PGlite in memory, the SYNTHETIC national dataset loaded (seed ${String(SEED)}). autocannon, ${String(CONNECTIONS)} connections × ${String(SECONDS)} s per line, requests as the public sends them, for 河北's 十四五 plan, 2024; the bare route is a plain Fastify server answering with the same JSON object. req/s is every answered request over the run's seconds. "while imports" imports 内蒙古's figures one year after another (about 5,300 rows each) through the full import path; each commit changes the data, so the next reads are computed afresh.`,
  '',
  '| engine | provinces with figures | load | what | JSON | req/s | ratio to bare | p50 | p99 | errors | non-2xx |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...measured.flatMap((size) =>
    size.runs.map((one) => {
      const bareOf = one.what.startsWith('indicator') ? 'bare Fastify, indicator' : 'bare Fastify, overview';
      const relative = one.what.startsWith('bare') ? '1×' : `${(100 * ratio(size, one.what, bareOf)).toFixed(0)}%`;
      return `| ${size.engine} | ${String(size.provinces)} | ${size.loadSeconds.toFixed(0)} s | ${one.what} | ${(one.bytes / 1024).toFixed(0)} KB | ${String(one.rps)} | ${relative} | ${String(one.p50)} ms | ${String(one.p99)} ms | ${String(one.errors)} | ${String(one.non2xx)} |`;
    }),
  ),
  '',
  `Imports finished during the lines with imports: ${measured
    .filter((size) => size.runs.some((one) => one.what.includes('while imports')))
    .map((size) => `${String(size.importsDone)} on ${size.engine}`)
    .join(
      ', ',
    )} (of 15 years). Every size also holds 内蒙古's plans, whose figures are imported; 31 provinces in all at the largest.`,
  '',
  `Peak memory (max RSS): ${peakRssMB().toFixed(0)} MB.`,
  '',
].join('\n');
if (first === undefined) throw new Error('nothing measured');
const overviewRun = first.runs.find((one) => one.what.startsWith('overview ('));
handOver(section, {
  apiVsBareRatio: ratio(first, 'overview (', 'bare Fastify, overview'),
  apiP99Ms: overviewRun?.p99 ?? null,
  indicatorVsBareRatio: ratio(first, 'indicator (', 'bare Fastify, indicator'),
  apiDuringImportRps: first.runs.find((one) => one.what.includes('while imports'))?.rps ?? null,
  apiDuringImportRpsPostgres:
    measured.find((size) => size.engine === 'postgresql')?.runs.find((one) => one.what.includes('while imports'))
      ?.rps ?? null,
  sizes: measured,
  peakRssMB: peakRssMB(),
});
