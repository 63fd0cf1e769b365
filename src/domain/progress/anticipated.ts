/**
 * The target method of Open SDG / Statistics Canada (sdg-build 2.4.0 `methodology_2`): the growth observed since
 * the baseline over the growth the target requires, R = sign(y0)·d·CAGR(yt, y0, t, t0) / |CAGR(yT, y0, T, t0)|.
 * Two cases the source cannot compute get their own reading: a target equal to its baseline requires no growth
 * (a "maintain" target, judged by its comparator), and values of different signs have no CAGR (the same ratio is
 * taken on average annual changes).
 */
import { cagr, substituteZero } from './cagr.ts';
import type { Bands, ZeroReplaced } from './types.ts';

/** Baseline (y0, t0), latest (yt, t) and target (yT, T), with d = +1 when more is better and −1 when less is. */
export interface TargetCase {
  readonly sign: 1 | -1;
  readonly y0: number;
  readonly t0: number;
  readonly yt: number;
  readonly t: number;
  readonly yT: number;
  readonly T: number;
}

/** How the values moved: compound (a CAGR) or linear (a change per year, where the values change sign). */
export interface Trend {
  readonly kind: 'compound' | 'linear';
  /** The CAGR, or the average change per year in the values' unit. */
  readonly rate: number;
}

export interface TargetGrowth {
  readonly method: 'anticipated' | 'linear' | 'maintain';
  /** R; null for a maintain target, which has no required growth to divide by. */
  readonly ratio: number | null;
  readonly observed: Trend;
  /** The required CAGR (compound) or change per year (linear); 0 for a maintain target. */
  readonly required: number;
  /** Zeros the CAGR took as 0.001. */
  readonly zeroReplaced: readonly ZeroReplaced[];
}

/**
 * The progress ratio of a target not yet met.
 *
 * @example targetGrowth({ sign: -1, y0: 14.5, t0: 2015, yt: 10.4, t: 2023, yT: 7.25, T: 2030 }).ratio // 0.90109
 */
export function targetGrowth(c: TargetCase): TargetGrowth {
  if (c.yT === c.y0) return { method: 'maintain', ratio: null, ...observedTrend(c), required: 0 };
  const y0 = substituteZero(c.y0, c.yT);
  const yT = substituteZero(c.yT, y0);
  const yt = substituteZero(c.yt, y0);
  if (sameSign(y0, yT) && sameSign(y0, yt)) {
    const observed = cagr(yt, y0, c.t, c.t0);
    const required = cagr(yT, y0, c.T, c.t0);
    const zeroReplaced = zerosOf(c, true);
    const trend: Trend = { kind: 'compound', rate: observed };
    // A target so close to its baseline that its CAGR rounds to zero asks, like a maintain target, for no growth.
    if (required === 0) return { method: 'maintain', ratio: null, observed: trend, required, zeroReplaced };
    const ratio = (Math.sign(y0) * c.sign * observed) / Math.abs(required);
    if (!Number.isNaN(ratio)) return { method: 'anticipated', ratio, observed: trend, required, zeroReplaced };
  }
  return linearGrowth(c);
}

/**
 * The same ratio on average annual changes: R = d·((yt − y0)/(t − t0)) / |(yT − y0)/(T − t0)|. Used where the
 * values change sign, so a CAGR is undefined (sdg-build gives up there).
 */
function linearGrowth(c: TargetCase): TargetGrowth {
  const observed = (c.yt - c.y0) / (c.t - c.t0);
  const required = (c.yT - c.y0) / (c.T - c.t0);
  const ratio = (c.sign * observed) / Math.abs(required);
  return { method: 'linear', ratio, observed: { kind: 'linear', rate: observed }, required, zeroReplaced: [] };
}

/** The trend of a maintain target, for the projection: compound where a CAGR exists. */
function observedTrend(c: TargetCase): Pick<TargetGrowth, 'observed' | 'zeroReplaced'> {
  const y0 = substituteZero(c.y0, c.yt);
  const yt = substituteZero(c.yt, y0);
  if (sameSign(y0, yt)) {
    const rate = cagr(yt, y0, c.t, c.t0);
    if (Number.isFinite(rate)) return { observed: { kind: 'compound', rate }, zeroReplaced: zerosOf(c, false) };
  }
  return { observed: { kind: 'linear', rate: (c.yt - c.y0) / (c.t - c.t0) }, zeroReplaced: [] };
}

function zerosOf(c: TargetCase, withTarget: boolean): ZeroReplaced[] {
  const zeros: ZeroReplaced[] = [];
  if (c.y0 === 0) zeros.push('baseline');
  if (withTarget && c.yT === 0) zeros.push('target');
  if (c.yt === 0) zeros.push('latest');
  return zeros;
}

function sameSign(a: number, b: number): boolean {
  return (a > 0 && b > 0) || (a < 0 && b < 0);
}

/**
 * sdg-build's score of a target method, in [−5, 5]: 5 once achieved; 7.1429·R − 4.2857 (at most 5) from the med
 * band up; 4.1667·R − 2.5 (at least −5) below it. The slopes are fitted to the default bands (R = 0.95 scores 2.5,
 * R = 0.60 scores 0, R = 0 scores −2.5); the source splits at the configured med band, and so does this.
 */
export function targetScore(ratio: number, bands: Bands): number {
  if (ratio >= bands.med) return Math.min(7.1429 * ratio - 4.2857, 5);
  return Math.max(4.1667 * ratio - 2.5, -5);
}
