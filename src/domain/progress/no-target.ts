/**
 * The no-target method of Open SDG / Statistics Canada (sdg-build 2.4.0 `methodology_1`): with no target to reach,
 * the growth itself is judged, P = sign(y0)·d·CAGR(yt, y0, t, t0), against bands of 1.5% and 0.5% a year. Near a
 * natural limit (a share near 100%) the bands are multiplied by the limit coefficient C, so less growth is needed.
 */
import type { Trend } from './anticipated.ts';
import { bandOf, scaleBands } from './bands.ts';
import { cagr, limitCoefficient, substituteZero } from './cagr.ts';
import { statusOfBand } from './status.ts';
import type { Bands, NoTargetBands, ProgressStatus, ZeroReplaced } from './types.ts';

export interface NoTargetCase {
  readonly sign: 1 | -1;
  readonly y0: number;
  readonly t0: number;
  readonly yt: number;
  readonly t: number;
  readonly limit: number | null;
}

export interface NoTargetProgress {
  /** P; NaN when it cannot be computed. */
  readonly growth: number;
  readonly observed: Trend;
  /** C; null without a limit. */
  readonly coefficient: number | null;
  /** The bands multiplied by C. */
  readonly bands: Bands;
  readonly score: number;
  readonly status: ProgressStatus;
  readonly zeroReplaced: readonly ZeroReplaced[];
}

/**
 * The progress of a row without a target.
 *
 * @example noTargetProgress({ sign: 1, y0: 66.6, t0: 2016, yt: 71.4, t: 2023, limit: 100 }, DEFAULT_BANDS.noTarget)
 * // growth 0.009991, coefficient 0.8355, score 1.7398, status 'behind' (moderate progress)
 */
export function noTargetProgress(c: NoTargetCase, bands: NoTargetBands): NoTargetProgress {
  // The coefficient takes the base as printed: sdg-build reduces the bands before it replaces a zero base.
  const coefficient = c.limit === null ? null : limitCoefficient(c.y0, c.limit, bands.limitExponent);
  const scaled = scaleBands(bands, coefficient ?? 1);
  const { growth, observed, zeroReplaced } = growthOf(c);
  const score = noTargetScore(growth, scaled, coefficient ?? 1);
  const status = coefficient === 0 && growth >= scaled.low ? 'on_track' : statusOfBand(bandOf(growth, scaled));
  return { growth, observed, coefficient, bands: scaled, score, status, zeroReplaced };
}

function growthOf(c: NoTargetCase): Pick<NoTargetProgress, 'growth' | 'observed' | 'zeroReplaced'> {
  const y0 = substituteZero(c.y0, c.yt);
  const yt = substituteZero(c.yt, y0);
  if ((y0 > 0 && yt > 0) || (y0 < 0 && yt < 0)) {
    const rate = cagr(yt, y0, c.t, c.t0);
    const zeroReplaced: ZeroReplaced[] = [];
    if (c.y0 === 0) zeroReplaced.push('baseline');
    if (c.yt === 0) zeroReplaced.push('latest');
    return { growth: Math.sign(y0) * c.sign * rate, observed: { kind: 'compound', rate }, zeroReplaced };
  }
  // The values change sign, so there is no CAGR (sdg-build gives up): the simple annual rate relative to the base
  // still says which way and how fast the indicator moved.
  const rate = (c.yt - c.y0) / (c.t - c.t0);
  return { growth: (c.sign * rate) / Math.abs(y0), observed: { kind: 'linear', rate }, zeroReplaced: [] };
}

/**
 * sdg-build's score of the no-target method: below the low band max(125·P − 2.5, −5); with C = 0 (the base sits on
 * the limit) 5; else, P normalised by C, min(500·P/C − 5, 5) from the high band, 250·P/C − 1.25 from the med band,
 * 500·P/C − 2.5 from the low band.
 */
export function noTargetScore(growth: number, scaled: Bands, coefficient: number): number {
  if (growth < scaled.low) return Math.max(125 * growth - 2.5, -5);
  if (coefficient === 0) return 5;
  if (growth >= scaled.high) return Math.min((500 * growth) / coefficient - 5, 5);
  if (growth >= scaled.med) return (250 * growth) / coefficient - 1.25;
  return (500 * growth) / coefficient - 2.5;
}
