/**
 * Reader throughput: parses every sample plan several times and prints the median MB/s and the peak memory, with a
 * baseline measured in the same run (one regular-expression pass over the same text: the least any reader must do).
 * Target (issue #2): ≥ 5 MB/s for text input on the 2-core reference machine. Run: npm run bench
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../src/ingest/parse.ts';
import { readPlanDocument } from '../src/ingest/read.ts';
import { benchArguments, handOver } from './output.ts';
import { median } from './stats.ts';

const args = benchArguments();
const RUNS = args.quick ? 10 : 15;
const samplesDir = new URL('../samples/plans/', import.meta.url).pathname;
const fixturesDir = new URL('../test/fixtures/', import.meta.url).pathname;
const texts = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(samplesDir, name), 'utf8'));
const megabytes = texts.reduce((n, text) => n + Buffer.byteLength(text), 0) / 1e6;

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Warm-up: the first call loads OpenCC's dictionary and the region table and compiles the regular expressions.
for (const text of texts) parsePlanText(text);

const parseSeconds: number[] = [];
const baselineSeconds: number[] = [];
let sink = 0;
for (let run = 0; run < RUNS; run += 1) {
  baselineSeconds.push(
    time(() => {
      for (const text of texts) sink += (text.match(/约束性|预期性|专栏/g) ?? []).length;
    }),
  );
  parseSeconds.push(
    time(() => {
      for (const text of texts) sink += parsePlanText(text).indicators.length;
    }),
  );
}

async function binaryThroughput(file: string): Promise<string> {
  const bytes = readFileSync(join(fixturesDir, file));
  const seconds: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = process.hrtime.bigint();
    sink += (await readPlanDocument(bytes, file)).plan.indicators.length;
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return `| ${file} | ${(bytes.length / 1e6).toFixed(3)} MB | ${(median(seconds) * 1000).toFixed(0)} ms | ${(bytes.length / 1e6 / median(seconds)).toFixed(2)} MB/s |`;
}

// Growth: the samples repeated 1, 4 and 16 times in one document, and a worst case, 100,000 goal sentences on one
// line with no full stop (every look-up around a match must stay local). Synthetic inputs, made here for the bench.
const joined = texts.join('\n');
const growth = [1, 4, 16].map((copies) => {
  const text = Array.from({ length: copies }, () => joined).join('\n');
  const mb = Buffer.byteLength(text) / 1e6;
  const seconds = median([0, 1, 2].map(() => time(() => (sink += parsePlanText(text).indicators.length))));
  return `| samples × ${copies} | ${mb.toFixed(2)} MB | ${(seconds * 1000).toFixed(0)} ms | ${(mb / seconds).toFixed(2)} MB/s |`;
});
const oneLine = '学前教育毛入园率达到96.5%，'.repeat(100_000);
const oneLineSeconds = median([0, 1, 2].map(() => time(() => (sink += parsePlanText(oneLine).goals.length))));
growth.push(
  `| one line, no full stop (worst case) | ${(Buffer.byteLength(oneLine) / 1e6).toFixed(2)} MB | ${(oneLineSeconds * 1000).toFixed(0)} ms | ${(Buffer.byteLength(oneLine) / 1e6 / oneLineSeconds).toFixed(2)} MB/s |`,
);
const textPeakMb = process.resourceUsage().maxRSS / 1024;

const parseRate = megabytes / median(parseSeconds);
const baselineRate = megabytes / median(baselineSeconds);
const binaries = await Promise.all(
  [
    '000_cb1b58f4760fbe36.docx',
    '003_cc5f11e08b4c342e.docx',
    '000_cb1b58f4760fbe36.pdf',
    '004_bb7b55e5c43c95eb.pdf',
  ].map(binaryThroughput),
);
const peakMb = process.resourceUsage().maxRSS / 1024;

const report = [
  '## Plan reader (npm run bench)',
  '',
  `Node ${process.version}, ${RUNS} runs over the ${texts.length} sample plans (${megabytes.toFixed(3)} MB of text); medians.`,
  '',
  '| what | median | throughput | ratio to baseline |',
  '|---|---|---|---|',
  `| parse all samples (text) | ${(median(parseSeconds) * 1000).toFixed(1)} ms | **${parseRate.toFixed(2)} MB/s** (target ≥ 5) | ${(baselineRate / parseRate).toFixed(1)}× slower than the baseline |`,
  `| baseline: one regex pass | ${(median(baselineSeconds) * 1000).toFixed(2)} ms | ${baselineRate.toFixed(1)} MB/s | 1× |`,
  '',
  'How the cost grows with the size of a document (3 runs, median):',
  '',
  '| input | size | time | throughput |',
  '|---|---|---|---|',
  ...growth,
  '',
  `Peak memory after the text runs (max RSS): ${textPeakMb.toFixed(0)} MB.`,
  '',
  'Word and PDF input (extraction + parse, 5 runs, median):',
  '',
  '| file | size | time | throughput |',
  '|---|---|---|---|',
  ...binaries,
  '',
  `Peak memory after the Word and PDF runs (max RSS; pdf.js and its fonts): ${peakMb.toFixed(0)} MB.`,
  '',
].join('\n');

handOver(report, {
  parseMBps: megabytes / median(parseSeconds),
  parseVsBaselineRatio: median(parseSeconds) / median(baselineSeconds),
  peakRssMB: peakMb,
});
if (sink < 0) process.stdout.write('unreachable\n');
