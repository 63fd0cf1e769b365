/**
 * `npm run bench`: every benchmark in its own process (so each one's peak memory is its own), one after another,
 * then bench/results.md with the machine they ran on and every section, and the headline figures as JSON.
 * `npm run bench -- --quick`: one province and fewer runs (a few minutes); writes only the JSON.
 * The JSON goes to BENCH_OUT (default bench/results.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArguments } from './output.ts';

interface Handed {
  section: string;
  figures: Record<string, unknown>;
}

const { quick } = benchArguments();
const here = fileURLToPath(new URL('.', import.meta.url));
const BENCHES = ['parse', 'import', 'evaluate', 'api', 'report'] as const;
const scratch = mkdtempSync(join(tmpdir(), 'eduplan-bench-'));
const results = new Map<string, Handed>();
const seconds = new Map<string, number>();
const started = Date.now();
let failed = false;

try {
  for (const name of BENCHES) {
    const out = join(scratch, `${name}.json`);
    const begin = Date.now();
    process.stderr.write(`\n== ${name} ${quick ? '(quick) ' : ''}==\n`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, `${name}.bench.ts`), ...(quick ? ['--quick'] : []), '--out', out],
      { stdio: ['ignore', 'inherit', 'inherit'], env: process.env },
    );
    seconds.set(name, (Date.now() - begin) / 1000);
    if (child.status !== 0) {
      process.stderr.write(`bench ${name} failed (exit ${String(child.status)})\n`);
      failed = true;
      continue;
    }
    if (!existsSync(out)) {
      process.stderr.write(`bench ${name} wrote no figures\n`);
      failed = true;
      continue;
    }
    results.set(name, JSON.parse(readFileSync(out, 'utf8')) as Handed);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const figure = (bench: string, key: string): number | null => {
  const value = results.get(bench)?.figures[key];
  return typeof value === 'number' ? value : null;
};
const headline = {
  parseMBps: figure('parse', 'parseMBps'),
  importVsCopyRatio: figure('import', 'importVsCopyRatio'),
  evalSeconds: figure('evaluate', 'evalSeconds'),
  evalVsDuckdbRatio: figure('evaluate', 'evalVsDuckdbRatio'),
  apiVsBareRatio: figure('api', 'apiVsBareRatio'),
  apiP99Ms: figure('api', 'apiP99Ms'),
  reportSeconds: figure('report', 'reportSeconds'),
  peakRssMB: Math.max(...BENCHES.map((name) => figure(name, 'peakRssMB') ?? 0)),
};
const cpu = cpus();
const machine = `${String(cpu.length)} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const totalSeconds = (Date.now() - started) / 1000;
const json = {
  quick,
  machine,
  measuredAt: new Date().toISOString(),
  totalSeconds,
  ...headline,
  details: Object.fromEntries([...results].map(([name, handed]) => [name, handed.figures])),
};
const jsonPath = process.env.BENCH_OUT ?? join(here, 'results.json');
writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);

const summary = [
  '| figure | measured | target |',
  '|---|---|---|',
  `| reading plans | ${headline.parseMBps?.toFixed(1) ?? '—'} MB/s | ≥ 5 MB/s |`,
  `| import through validation ÷ PostgreSQL COPY | ${headline.importVsCopyRatio?.toFixed(1) ?? '—'}× | ≤ 3× |`,
  `| every status of the country, aggregation included | ${headline.evalSeconds?.toFixed(2) ?? '—'} s | < 2 s |`,
  `| that ÷ DuckDB's aggregates | ${headline.evalVsDuckdbRatio?.toFixed(1) ?? '—'}× (one thread: ${figure('evaluate', 'evalVsDuckdbOneThreadRatio')?.toFixed(1) ?? '—'}×) | ≤ 3× |`,
  `| overview req/s ÷ bare Fastify | ${headline.apiVsBareRatio === null ? '—' : `${(headline.apiVsBareRatio * 100).toFixed(0)}%`} | ≥ 30% |`,
  `| overview p99 under 50 connections | ${headline.apiP99Ms?.toFixed(0) ?? '—'} ms | |`,
  `| a province's final report (slower of Word and PDF) | ${headline.reportSeconds?.toFixed(1) ?? '—'} s | a few seconds |`,
  `| peak memory of any benchmark | ${headline.peakRssMB.toFixed(0)} MB | |`,
].join('\n');
process.stdout.write(`\n${summary}\n\nFigures written to ${jsonPath} (${totalSeconds.toFixed(0)} s in all).\n`);

if (!quick) {
  const page = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${totalSeconds.toFixed(0)} s in all) on ${machine}. Every figure is a median of several runs (the million-row import: one run) with its ratio to a baseline measured in the same run; synthetic data are marked SYNTHETIC and come from bench/synthetic/.`,
    '',
    summary,
    '',
    ...BENCHES.flatMap((name) => {
      const handed = results.get(name);
      return handed === undefined
        ? [`## ${name}: failed`, '']
        : [handed.section.trim(), '', `(${seconds.get(name)?.toFixed(0) ?? '?'} s)`, ''];
    }),
  ].join('\n');
  writeFileSync(join(here, 'results.md'), page);
}
if (failed) process.exitCode = 1;
