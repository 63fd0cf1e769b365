/**
 * The set-based reads a chunk of figures is checked against, one statement each whatever the chunk's size: its
 * regions (by code), the years the plans of its regions cover, and the stored values of its region-years.
 */
import type { ObservationKey, ObservationRepository } from '../db/observation.repository.ts';
import type { Region } from '../db/schema.ts';
import type { DataProblem, YearRange } from '../domain/observations/checks.ts';
import type { BatchContext, ReportedFigure, Resolved, SeenFigure } from './observation.batch.ts';
import { problem } from './observation.problems.ts';

const REGION_CODE = /^\d{6}$/;

/** The current values by "region:year", then subject. */
export type StoredValues = Map<string, Map<string, number>>;

const unknownRegion = (key: string): DataProblem =>
  problem(
    'UNKNOWN_REGION',
    'regionCode',
    `行政区划代码 ${key} 不存在或已停用：请核对`,
    `Region code ${key} is not in use: check it`,
  );

/** Resolves the chunk's regions into the cache: codes in one statement; names (rare, maybe ambiguous) one by one. */
export async function resolveRegions(
  batch: readonly ReportedFigure[],
  context: BatchContext,
  cache: Map<string, Region | DataProblem>,
): Promise<void> {
  const missing = [...new Set(batch.map((figure) => figure.region.trim()))].filter((text) => !cache.has(text));
  const codes = missing.filter((text) => REGION_CODE.test(text));
  const found = new Map((await context.observations.findRegions(codes)).map((region) => [region.code, region]));
  for (const code of codes) cache.set(code, found.get(code) ?? unknownRegion(code));
  for (const name of missing.filter((text) => !REGION_CODE.test(text))) {
    const named = name === '' ? [] : await context.regions.findByName(name);
    const [only] = named;
    cache.set(
      name,
      named.length === 1 && only !== undefined
        ? only
        : problem(
            named.length > 1 ? 'AMBIGUOUS_REGION' : 'UNKNOWN_REGION',
            'regionCode',
            named.length > 1
              ? `地区名称“${name}”对应多个区划（${named.map((region) => region.code).join('、')}）：请填写区划代码`
              : `找不到地区“${name}”：请填写六位行政区划代码`,
            named.length > 1
              ? `The region name "${name}" fits several codes (${named.map((region) => region.code).join(', ')}): give the code`
              : `No region is called "${name}": give the six-digit region code`,
          ),
    );
  }
}

/** The years covered by the plans of each new region of the chunk (and the regions above it), in one statement. */
export async function loadYears(
  resolved: readonly Resolved[],
  observations: ObservationRepository,
  years: Map<string, YearRange | null>,
): Promise<void> {
  const codes = [...new Set(resolved.map((one) => one.key.regionCode))].filter((code) => !years.has(code));
  if (codes.length === 0) return;
  const covered = new Map((await observations.coveredYearsOf(codes)).map((row) => [row.region_code, row]));
  for (const code of codes) {
    const row = covered.get(code);
    years.set(code, row === undefined ? null : { from: row.from, to: row.to });
  }
}

/** The key of a region-year in StoredValues. */
export const regionYear = (regionCode: string, year: number): string => `${regionCode}:${year}`;

/**
 * The current values of the chunk's region-years, in one statement: last year's for the jump, this year's for the
 * share check, next year's where a later year came first.
 */
export async function storedValues(
  observations: ObservationRepository,
  resolved: readonly Resolved[],
  later: ReadonlyMap<Resolved, SeenFigure>,
): Promise<StoredValues> {
  const pairs = new Map<string, { regionCode: string; year: number }>();
  const want = (regionCode: string, year: number): void => {
    pairs.set(regionYear(regionCode, year), { regionCode, year });
  };
  for (const one of resolved) {
    want(one.key.regionCode, one.key.year - 1);
    want(one.key.regionCode, one.key.year);
    if (later.has(one)) want(one.key.regionCode, one.key.year + 1);
  }
  const values: StoredValues = new Map([...pairs.keys()].map((id) => [id, new Map<string, number>()]));
  for (const row of await observations.currentValuesOf([...pairs.values()])) {
    values.get(regionYear(row.region_code, row.year))?.set(row.subject_id, row.value);
  }
  return values;
}

/** A stored value of the key's region and subject in a year. */
export const valueOf = (stored: StoredValues, key: ObservationKey, year: number): number | undefined =>
  stored.get(regionYear(key.regionCode, year))?.get(key.subjectId);
