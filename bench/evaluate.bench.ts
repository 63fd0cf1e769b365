/**
 * Evaluation at national scale: the progress status of every indicator × region × year of the SYNTHETIC national
 * dataset (bench/synthetic/national.ts), aggregation included, under the plan that applies to each region and year;
 * against DuckDB (@duckdb/node-api) computing the same aggregates from the same figures, as the reference of what a
 * columnar engine does. Every computed figure is checked equal. At 1, 4 and 31 provinces, to show how cost grows.
 *
 * Run: node --import tsx bench/evaluate.bench.ts [--quick] [--out file.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { defaultCatalogue } from '../src/domain/catalogue/catalogue.ts';
import { dataElements } from '../src/domain/catalogue/elements.ts';
import { evaluateAll } from '../src/domain/evaluation/evaluate-all.ts';
import type { JudgedPlan } from '../src/domain/evaluation/evaluate-all.ts';
import { indicatorFacts } from '../src/domain/evaluation/indicator-progress.ts';
import { figureGrid } from '../src/domain/observations/figure-grid.ts';
import type { FigureGrid, GridFigure } from '../src/domain/observations/figure-grid.ts';
import { subjectRegistry } from '../src/domain/observations/subjects.ts';
import { benchArguments, handOver, peakRssMB } from './output.ts';
import { median } from './stats.ts';
import {
  ALL_PROVINCES,
  INDICATORS,
  nationalFigures,
  nationalPlans,
  nationalRegions,
  reportingUnits,
  YEARS,
} from './synthetic/national.ts';

const { quick } = benchArguments();
const SEED = 1;
const registry = subjectRegistry(defaultCatalogue, dataElements);
const entries = new Map(defaultCatalogue.map((entry) => [entry.id, entry]));
const FROM = YEARS[0] ?? 2016;
const TO = YEARS[YEARS.length - 1] ?? 2030;

interface SizeFigures {
  provinces: number;
  regions: number;
  figures: number;
  judged: number;
  evalSeconds: number;
  aggregateSeconds: number;
  duckdbSeconds: number;
  duckdbThreads: number;
  duckdbOneThreadSeconds: number;
  evalVsDuckdbRatio: number;
  evalVsDuckdbOneThreadRatio: number;
  compared: number;
  mismatches: number;
  byStatus: Record<string, number>;
}

const hrSeconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

function judgedPlans(provinces: readonly string[]): JudgedPlan[] {
  return nationalPlans({ seed: SEED, provinces }).map((plan) => ({
    regionCode: plan.regionCode,
    period: plan.period,
    rows: plan.rows.map((row) => ({
      subject: row.subject.id,
      target: {
        baselineYear: row.baselineYear,
        baselineValue: row.baseline,
        targetYear: row.targetYear,
        targetValue: row.target,
        comparator: null,
        attribute: row.binding ? 'binding' : 'expected',
        unitFactor: 1,
      },
      facts: indicatorFacts(entries.get(row.subject.id), null, row.subject.unit),
    })),
  }));
}

/** The same aggregates in DuckDB: counts summed and ratios of sums, per city and per province, from the counties. */
async function duckdbAggregates(
  regions: ReturnType<typeof nationalRegions>,
  figures: readonly GridFigure[],
  runs: number,
): Promise<{
  seconds: number;
  oneThreadSeconds: number;
  threads: number;
  rows: { region: string; subject: string; year: number; value: number }[];
}> {
  const dir = mkdtempSync(join(tmpdir(), 'eduplan-duckdb-'));
  try {
    const level = new Map(regions.map((region) => [region.code, region.level]));
    const parent = new Map(regions.map((region) => [region.code, region.parent_code ?? null]));
    const units = reportingUnits(regions);
    const regionLines = ['code,city,province'];
    for (const region of regions) {
      if (!units.has(region.code)) continue;
      const up = parent.get(region.code) ?? null;
      const city = up !== null && level.get(up) === 'city' ? up : '';
      regionLines.push(`${region.code},${city},${region.code.slice(0, 2)}0000`);
    }
    writeFileSync(join(dir, 'counties.csv'), regionLines.join('\n'));
    const figureLines = ['region,subject,year,value'];
    for (const figure of figures) {
      if (units.has(figure.region)) {
        figureLines.push(`${figure.region},${figure.subject},${String(figure.year)},${String(figure.value)}`);
      }
    }
    writeFileSync(join(dir, 'figures.csv'), figureLines.join('\n'));
    const ratioLines = ['subject,numerator,denominator,factor,top_scale,bottom_scale'];
    const sumSubjects: string[] = [];
    for (const subject of INDICATORS) {
      const { aggregation } = subject;
      if (aggregation.method === 'sum') sumSubjects.push(subject.id);
      if (aggregation.method !== 'ratio') continue;
      const scale = (id: string, unit: string): number =>
        registry.byId(id)?.unit === '万人' && unit === '人' ? 10_000 : 1;
      ratioLines.push(
        [
          subject.id,
          aggregation.numerator.id,
          aggregation.denominator.id,
          aggregation.factor,
          scale(aggregation.numerator.id, aggregation.numerator.unit),
          scale(aggregation.denominator.id, aggregation.denominator.unit),
        ].join(','),
      );
    }
    writeFileSync(join(dir, 'ratios.csv'), ratioLines.join('\n'));
    writeFileSync(join(dir, 'sums.csv'), ['subject', ...sumSubjects].join('\n'));

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const load = (table: string, file: string, types: string) =>
      connection.run(
        `create table ${table} as select * from read_csv('${join(dir, file)}', header = true, columns = ${types})`,
      );
    await load('counties', 'counties.csv', "{'code': 'VARCHAR', 'city': 'VARCHAR', 'province': 'VARCHAR'}");
    await load('f', 'figures.csv', "{'region': 'VARCHAR', 'subject': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE'}");
    await load(
      'ratios',
      'ratios.csv',
      "{'subject': 'VARCHAR', 'numerator': 'VARCHAR', 'denominator': 'VARCHAR', 'factor': 'DOUBLE', 'top_scale': 'DOUBLE', 'bottom_scale': 'DOUBLE'}",
    );
    await load('sums', 'sums.csv', "{'subject': 'VARCHAR'}");
    // Counties' own ratios, then every city's and province's sums and ratios of sums in one grouping-sets pass.
    const query = `
      with pairs as (
        select c.code, c.city, c.province, r.subject, t.year,
               t.value * r.top_scale as top, b.value * r.bottom_scale as bottom, r.factor
        from ratios r
        join f t on t.subject = r.numerator
        join f b on b.subject = r.denominator and b.region = t.region and b.year = t.year
        join counties c on c.code = t.region
      ),
      counted as (
        select c.code, c.city, c.province, f.subject, f.year, f.value
        from f join sums s on s.subject = f.subject join counties c on c.code = f.region
      )
      select code as region, subject, year, top / bottom * factor as value from pairs where bottom <> 0
      union all
      select coalesce(city, province) as region, subject, year, sum(top) / sum(bottom) * any_value(factor) as value
      from pairs group by grouping sets ((city, subject, year), (province, subject, year))
      having coalesce(city, province) is not null and coalesce(city, province) <> ''
      union all
      select coalesce(city, province) as region, subject, year, sum(value) as value
      from counted group by grouping sets ((city, subject, year), (province, subject, year))
      having coalesce(city, province) is not null and coalesce(city, province) <> ''`;
    const seconds: number[] = [];
    let rows: { region: string; subject: string; year: number; value: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = process.hrtime.bigint();
      const reader = await connection.runAndReadAll(query);
      seconds.push(hrSeconds(start));
      if (run === 0) {
        rows = reader.getRows().map(([region, subject, year, value]) => ({
          region: String(region),
          subject: String(subject),
          year: Number(year),
          value: Number(value),
        }));
      }
    }
    // The same on one thread: EduPlan's evaluation runs on one, DuckDB on every core by default.
    const threads = Number((await connection.runAndReadAll("select current_setting('threads')")).getRows()[0]?.[0]);
    await connection.run('set threads to 1');
    const oneThread: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = process.hrtime.bigint();
      await connection.runAndReadAll(query);
      oneThread.push(hrSeconds(start));
    }
    connection.closeSync();
    instance.closeSync();
    return { seconds: median(seconds), oneThreadSeconds: median(oneThread), threads, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every DuckDB aggregate against the grid's computed figure of the same region, subject and year. */
function compare(grid: FigureGrid, rows: readonly { region: string; subject: string; year: number; value: number }[]) {
  let mismatches = 0;
  for (const row of rows) {
    const point = grid.point(row.region, row.subject, row.year);
    const ok =
      point !== undefined &&
      point.provenance === 'computed' &&
      Math.abs(point.value - row.value) <= 1e-9 * Math.max(1, Math.abs(row.value));
    if (!ok) {
      mismatches += 1;
      if (mismatches <= 5) process.stderr.write(`mismatch ${JSON.stringify(row)} ours ${JSON.stringify(point)}\n`);
    }
  }
  return mismatches;
}

async function measure(provinces: readonly string[], runs: number): Promise<SizeFigures> {
  const regions = nationalRegions(provinces);
  const figures: GridFigure[] = [];
  for (const figure of nationalFigures({ seed: SEED, provinces })) {
    figures.push({ region: figure.region, subject: figure.indicator, year: figure.year, value: figure.value });
  }
  const plans = judgedPlans(provinces);
  const parents = new Map(regions.map((region) => [region.code, region.parent_code ?? null]));
  const parentOf = (code: string): string | null => parents.get(code) ?? null;
  const gridInput = {
    regions: regions.map((region) => ({ code: region.code, parent_code: region.parent_code ?? null })),
    subjects: INDICATORS,
    registry,
    fromYear: FROM,
    toYear: TO,
    figures,
  };
  const evalSeconds: number[] = [];
  const aggregateSeconds: number[] = [];
  let grid: FigureGrid | undefined;
  let result: ReturnType<typeof evaluateAll> | undefined;
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    grid = figureGrid(gridInput);
    aggregateSeconds.push(hrSeconds(start));
    result = evaluateAll(grid, plans, parentOf, { from: FROM, to: TO });
    evalSeconds.push(hrSeconds(start));
  }
  if (grid === undefined || result === undefined) throw new Error('no run');
  const duck = await duckdbAggregates(regions, figures, runs);
  const mismatches = compare(grid, duck.rows);
  const evalMedian = median(evalSeconds);
  return {
    provinces: provinces.length,
    regions: regions.length,
    figures: figures.length,
    judged: result.judged,
    evalSeconds: evalMedian,
    aggregateSeconds: median(aggregateSeconds),
    duckdbSeconds: duck.seconds,
    duckdbThreads: duck.threads,
    duckdbOneThreadSeconds: duck.oneThreadSeconds,
    evalVsDuckdbRatio: evalMedian / duck.seconds,
    evalVsDuckdbOneThreadRatio: evalMedian / duck.oneThreadSeconds,
    compared: duck.rows.length,
    mismatches,
    byStatus: result.byStatus,
  };
}

const FOUR = ['14', '41', '13', '15'];
const sizes = process.env.SIZES === 'all' ? [ALL_PROVINCES] : quick ? [['14']] : [['14'], FOUR, ALL_PROVINCES];
const measured: SizeFigures[] = [];
for (const provinces of sizes) {
  measured.push(await measure(provinces, quick ? 3 : provinces.length > 4 ? 3 : 5));
}

const fmt = (seconds: number): string =>
  seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
const largest = measured[measured.length - 1];
const section = [
  '## Evaluation (npm run bench)',
  '',
  `Every indicator × region × year of the SYNTHETIC national dataset (seed ${String(SEED)}; 40 indicators, 20 data elements, ${String(FROM)}-${String(TO)}), each region under the plan that applies to it that year (its own or the nearest above), aggregation included, from the figures in memory; medians. DuckDB (@duckdb/node-api) computes the same aggregates (counts summed, ratios of sums, per city and province, and each county's own ratios) from the same figures, tables loaded beforehand; every one of its figures is compared with EduPlan's. EduPlan's evaluation runs on one thread; DuckDB uses every core by default (the number in brackets) and is timed on one thread too.`,
  '',
  '| provinces | regions | figures | statuses judged | aggregation | aggregation + every status | DuckDB aggregates (all threads) | ratio | DuckDB on 1 thread | ratio | DuckDB figures compared | differing |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...measured.map(
    (size) =>
      `| ${String(size.provinces)} | ${String(size.regions)} | ${String(size.figures)} | ${String(size.judged)} | ${fmt(size.aggregateSeconds)} | **${fmt(size.evalSeconds)}** | ${fmt(size.duckdbSeconds)} (${String(size.duckdbThreads)}) | ${size.evalVsDuckdbRatio.toFixed(1)}× | ${fmt(size.duckdbOneThreadSeconds)} | ${size.evalVsDuckdbOneThreadRatio.toFixed(1)}× | ${String(size.compared)} | ${String(size.mismatches)} |`,
  ),
  '',
  largest === undefined
    ? ''
    : `Statuses at ${String(largest.provinces)} provinces: ${Object.entries(largest.byStatus)
        .map(([status, count]) => `${status} ${String(count)}`)
        .join(', ')}.`,
  '',
  `Peak memory (max RSS): ${peakRssMB().toFixed(0)} MB.`,
  '',
].join('\n');
if (largest === undefined) throw new Error('nothing measured');
handOver(section, {
  evalSeconds: largest.evalSeconds,
  evalVsDuckdbRatio: largest.evalVsDuckdbRatio,
  evalVsDuckdbOneThreadRatio: largest.evalVsDuckdbOneThreadRatio,
  evalMismatches: largest.mismatches,
  sizes: measured,
  peakRssMB: peakRssMB(),
});
