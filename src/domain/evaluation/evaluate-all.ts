/**
 * Every indicator of every region in every year judged at once: each region under the plan that applies to it in
 * that year (its own, else the nearest one above it, whose targets the regions below are held to, each from its own
 * baseline), on the figures of a FigureGrid. What the evaluation service gives one plan, region and year per request,
 * for a province or the whole country in one pass, with the same inputs (progressInput) and the same method
 * (assessProgress, without writing the sentences).
 */
import type { FigureGrid } from '../observations/figure-grid.ts';
import { assessProgress } from '../progress/index.ts';
import type { ProgressStatus } from '../progress/index.ts';
import { progressInput } from './indicator-progress.ts';
import type { IndicatorFacts, PlanTargetRow, SeriesPoint } from './indicator-progress.ts';

/** One indicator row of a plan, matched to a subject of the grid. */
export interface JudgedRow {
  readonly subject: string;
  readonly target: PlanTargetRow;
  readonly facts: IndicatorFacts;
}

export interface JudgedPlan {
  readonly regionCode: string;
  readonly period: { readonly start: number; readonly end: number };
  readonly rows: readonly JudgedRow[];
}

/** The statuses in the order they are counted and stored (a status's code is its position). */
export const STATUS_CODES: readonly ProgressStatus[] = [
  'achieved',
  'achieved_early',
  'ahead',
  'on_track',
  'behind',
  'far_behind',
  'deteriorating',
  'insufficient_data',
];

export interface AllProgress {
  /** Assessments made: one per region, plan row and year a plan applies to. */
  readonly judged: number;
  readonly byStatus: Readonly<Record<ProgressStatus, number>>;
  readonly redLines: number;
  /** The status of a region, subject and year under the plan that applies; undefined where none applies. */
  status(region: string, subject: string, year: number): ProgressStatus | undefined;
}

/**
 * Judges every region of the grid in every year from `fromYear` to `toYear` under the plan that applies to it.
 * `parentOf` gives a region's parent (null at a root).
 */
export function evaluateAll(
  grid: FigureGrid,
  plans: readonly JudgedPlan[],
  parentOf: (code: string) => string | null,
  years: { readonly from: number; readonly to: number },
): AllProgress {
  const plansOf = new Map<string, JudgedPlan[]>();
  for (const plan of plans) plansOf.set(plan.regionCode, [...(plansOf.get(plan.regionCode) ?? []), plan]);
  const applying = (code: string, year: number): { plan: JudgedPlan; own: boolean } | undefined => {
    let region: string | null = code;
    while (region !== null) {
      const plan = plansOf.get(region)?.find((one) => one.period.start <= year && year <= one.period.end);
      if (plan !== undefined) return { plan, own: region === code };
      region = parentOf(region);
    }
    return undefined;
  };

  const byStatus = Object.fromEntries(STATUS_CODES.map((status) => [status, 0])) as Record<ProgressStatus, number>;
  const codeOf = new Map(STATUS_CODES.map((status, index) => [status, index]));
  // Each row's place in the grid, looked up once per plan rather than once per region and year.
  const subjectIndices = new Map(plans.map((plan) => [plan, plan.rows.map((row) => grid.subjectIndex(row.subject))]));
  const subjects = grid.subjects.length;
  const span = grid.years;
  const NONE = 255;
  const stored = new Uint8Array(grid.regions.length * subjects * span).fill(NONE);
  let judged = 0;
  let redLines = 0;
  for (let region = 0; region < grid.regions.length; region += 1) {
    const code = grid.regions[region] ?? '';
    // The series of each subject this region is judged on, built once for all years.
    const seriesCache = new Map<number, SeriesPoint[]>();
    const seriesOf = (subject: number): SeriesPoint[] => {
      let series = seriesCache.get(subject);
      if (series === undefined) {
        series = [];
        for (let offset = 0; offset < span; offset += 1) {
          const year = grid.fromYear + offset;
          // The grid's own point, already shaped as a series point: no copy per cell.
          const point = grid.pointAt(region, subject, year);
          if (point !== undefined) series.push(point);
        }
        seriesCache.set(subject, series);
      }
      return series;
    };
    for (let year = years.from; year <= years.to; year += 1) {
      const found = applying(code, year);
      if (found === undefined) continue;
      const indices = subjectIndices.get(found.plan) ?? [];
      for (const [index, row] of found.plan.rows.entries()) {
        const subject = indices[index];
        const series = subject === undefined ? [] : seriesOf(subject);
        const { input } = progressInput(row.target, row.facts, series, year, found.own);
        const assessment = assessProgress(input, { narrate: false });
        byStatus[assessment.status] += 1;
        if (assessment.redLine) redLines += 1;
        judged += 1;
        if (subject !== undefined) {
          stored[(region * subjects + subject) * span + year - grid.fromYear] = codeOf.get(assessment.status) ?? NONE;
        }
      }
    }
  }
  return {
    judged,
    byStatus,
    redLines,
    status: (region, subject, year) => {
      const r = grid.regionIndex(region);
      const s = grid.subjectIndex(subject);
      const offset = year - grid.fromYear;
      if (r === undefined || s === undefined || offset < 0 || offset >= span) return undefined;
      return STATUS_CODES[stored[(r * subjects + s) * span + offset] ?? NONE];
    },
  };
}
