/**
 * The progress input of one plan indicator in one region and year: the plan's baseline and target in the
 * catalogue's unit, and the latest figure after the baseline year up to the year evaluated. For the plan's own
 * region the baseline is the plan's; for a region below it the plan's targets apply and the baseline is that
 * region's own figure for the baseline year (a city is not judged from its province's starting point).
 */
import type { Comparator, IndicatorAttribute } from '../../ingest/types.ts';
import type { CatalogueEntry } from '../catalogue/types.ts';
import type { ProgressDirection, ProgressInput } from '../progress/types.ts';

/** A plan's target row, as stored after review. */
export interface PlanTargetRow {
  readonly baselineYear: number | null;
  readonly baselineValue: number | null;
  readonly targetYear: number | null;
  readonly targetValue: number | null;
  readonly comparator: Comparator | null;
  readonly attribute: IndicatorAttribute | null;
  /** Plan value × factor = value in the catalogue unit (null: the row prints the catalogue's unit). */
  readonly unitFactor: number | null;
}

/** A figure of a series, where it came from and whether it is a lower bound. */
export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
  readonly qualifier: 'exact' | 'at_least';
  /** 'reported' by the region itself, or 'computed' from the regions below it. */
  readonly provenance: 'reported' | 'computed';
  /**
   * For a computed figure, how many of the regions below it stand on: 1 of 14 counties is a very different 97% from
   * 14 of 14, and whoever reads the figure must be told (null for a reported figure or a county's own elements).
   */
  readonly coverage?: { readonly reporting: number; readonly expected: number } | null;
}

export interface IndicatorFacts {
  readonly direction: ProgressDirection;
  readonly unit: string;
  /** 100 for a share that cannot pass it (the no-target method's natural limit); null otherwise. */
  readonly limit: number | null;
}

/** Lower is better when the entry says so, or when the plan's target is a ceiling (≤ 65). */
export function directionOf(entry: CatalogueEntry, comparator: Comparator | null): 'increase' | 'decrease' {
  if (comparator === '<=' || comparator === '<') return 'decrease';
  return entry.direction === 'decrease' ? 'decrease' : 'increase';
}

/** What the method needs to know of an indicator: its direction, unit and natural limit (100 for a bounded share). */
export function indicatorFacts(
  entry: CatalogueEntry | undefined,
  comparator: Comparator | null,
  rowUnit: string | null,
): IndicatorFacts {
  return {
    direction: entry === undefined ? 'increase' : directionOf(entry, comparator),
    unit: entry?.unit ?? rowUnit ?? '',
    limit: entry?.unit === '%' && entry.mayExceed100 !== true ? 100 : null,
  };
}

// Twelve significant digits take off what multiplying by the factor adds (0.1 × 3); without a factor the figure stays as
// the plan prints it.
const convert = (value: number | null, factor: number | null): number | null =>
  value === null ? null : factor === null || factor === 1 ? value : Number((value * factor).toPrecision(12));

/** The latest figure after the baseline year, up to the year evaluated. */
export function latestPoint(
  series: readonly SeriesPoint[],
  afterYear: number | null,
  upTo: number,
): SeriesPoint | null {
  let latest: SeriesPoint | null = null;
  for (const point of series) {
    if (point.year > upTo || (afterYear !== null && point.year <= afterYear)) continue;
    if (latest === null || point.year > latest.year) latest = point;
  }
  return latest;
}

/**
 * The input of the progress method. `ownBaseline`: the plan's region (its baseline is the plan's); otherwise the
 * region's own figure for the baseline year is its baseline, and without one there is nothing to judge from.
 */
export function progressInput(
  row: PlanTargetRow,
  facts: IndicatorFacts,
  series: readonly SeriesPoint[],
  year: number,
  ownBaseline: boolean,
): { input: ProgressInput; latest: SeriesPoint | null; baseline: SeriesPoint | null } {
  const planBaseline = convert(row.baselineValue, row.unitFactor);
  const target = convert(row.targetValue, row.unitFactor);
  const fromSeries = row.baselineYear === null ? undefined : series.find((point) => point.year === row.baselineYear);
  const baseline: SeriesPoint | null = ownBaseline
    ? row.baselineYear === null || planBaseline === null
      ? null
      : { year: row.baselineYear, value: planBaseline, qualifier: 'exact', provenance: 'reported' }
    : (fromSeries ?? null);
  const latest = latestPoint(series, row.baselineYear, year);
  return {
    input: {
      direction: facts.direction,
      baseline: baseline === null ? null : { year: baseline.year, value: baseline.value },
      target:
        row.targetYear === null || target === null
          ? null
          : { year: row.targetYear, value: target, comparator: row.comparator },
      latest: latest === null ? null : { year: latest.year, value: latest.value, qualifier: latest.qualifier },
      binding: row.attribute === 'binding',
      limit: facts.limit,
      unit: facts.unit,
    },
    latest,
    baseline,
  };
}
