/**
 * The draft target table of the next plan ("十五五"): for each indicator of the current plan, the figure of the
 * current plan's last year as the new baseline, the parent region's new target where its next plan is known, and
 * where the current trend leads by the next plan's last year. Planners edit it; nothing here is a target EduPlan
 * sets. A missing figure stays missing, and a baseline taken from an earlier year says so.
 */
import { cagr } from '../progress/cagr.ts';
import type { SeriesPoint } from './indicator-progress.ts';

export interface NextPlanInput {
  readonly baseline: { readonly year: number; readonly value: number } | null;
  readonly series: readonly SeriesPoint[];
  /** The current plan's last year (2025 for "十四五"). */
  readonly periodEnd: number;
  /** The next plan's last year (2030). */
  readonly nextEnd: number;
}

export interface Projection {
  readonly year: number;
  readonly value: number;
  /** 'compound': the average yearly growth rate; 'linear': the average yearly change (values crossing zero). */
  readonly method: 'compound' | 'linear';
  readonly from: { readonly year: number; readonly value: number };
  readonly to: { readonly year: number; readonly value: number };
  readonly text: { readonly zh: string; readonly en: string };
}

export interface NextPlanFigures {
  /** The newest figure up to the current plan's last year: the next plan's baseline. */
  readonly newBaseline: SeriesPoint | null;
  /** The new baseline is from an earlier year than the current plan's last (the last year's figure is missing). */
  readonly baselineEarlier: boolean;
  readonly projection: Projection | null;
  /** Why there is no projection. */
  readonly reason: { readonly zh: string; readonly en: string } | null;
}

const show = (value: number): string => String(Number(value.toPrecision(4)));

/** The new baseline and the trend projection of one indicator. */
export function nextPlanFigures(input: NextPlanInput): NextPlanFigures {
  const upToEnd = input.series.filter((point) => point.year <= input.periodEnd);
  const newBaseline = upToEnd.reduce<SeriesPoint | null>(
    (latest, point) => (latest === null || point.year > latest.year ? point : latest),
    null,
  );
  const baselineEarlier = newBaseline !== null && newBaseline.year < input.periodEnd;
  if (newBaseline === null) {
    return {
      newBaseline,
      baselineEarlier,
      projection: null,
      reason: { zh: '尚无监测数据，无法确定新基期值和趋势', en: 'No figure yet: no new baseline, no trend' },
    };
  }
  const from = input.baseline;
  if (from === null || from.year >= newBaseline.year) {
    return {
      newBaseline,
      baselineEarlier,
      projection: null,
      reason: { zh: '缺少更早的基期值，无法推算趋势', en: 'No earlier baseline to take a trend from' },
    };
  }
  const span = newBaseline.year - from.year;
  const years = input.nextEnd - newBaseline.year;
  const crossesZero = from.value <= 0 || newBaseline.value <= 0;
  const value = crossesZero
    ? newBaseline.value + ((newBaseline.value - from.value) / span) * years
    : newBaseline.value * (1 + cagr(newBaseline.value, from.value, newBaseline.year, from.year)) ** years;
  const method = crossesZero ? 'linear' : 'compound';
  const rate = crossesZero
    ? `年均变化 ${show((newBaseline.value - from.value) / span)}`
    : `年均增速 ${show(cagr(newBaseline.value, from.value, newBaseline.year, from.year) * 100)}%`;
  return {
    newBaseline,
    baselineEarlier,
    projection: {
      year: input.nextEnd,
      value: Number(value.toPrecision(6)),
      method,
      from,
      to: { year: newBaseline.year, value: newBaseline.value },
      text: {
        zh: `按${String(from.year)}—${String(newBaseline.year)}年${rate}推算，${String(input.nextEnd)}年约为 ${show(value)}`,
        en: `At the ${String(from.year)}-${String(newBaseline.year)} ${crossesZero ? 'average yearly change' : 'average growth rate'}, about ${show(value)} in ${String(input.nextEnd)}`,
      },
    },
    reason: null,
  };
}
