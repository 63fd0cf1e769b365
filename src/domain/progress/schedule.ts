/**
 * 时间过半、任务过半: the mid-term rule of thumb, and the projection of the current trend to the target year. Both
 * are shown beside the ratio, so a reader sees the plain arithmetic as well as the growth-rate method.
 */
import type { TargetCase, Trend } from './anticipated.ts';
import type { Schedule } from './types.ts';

/**
 * Progress p = (yt − y0)/(yT − y0) against elapsed time e = (t − t0)/(T − t0). p is null when the target equals the
 * baseline (no change was planned); e is null when the target year is not after the baseline year.
 *
 * @example schedule({ y0: 90.8, t0: 2020, yt: 96, t: 2024, yT: 96.5, T: 2025, sign: 1 }) // { progress: 0.912, elapsed: 0.8 }
 */
export function schedule(c: TargetCase): Schedule {
  const planned = c.yT - c.y0;
  const period = c.T - c.t0;
  return {
    progress: planned === 0 ? null : finiteOrNull((c.yt - c.y0) / planned),
    elapsed: period <= 0 ? null : finiteOrNull((c.t - c.t0) / period),
  };
}

/**
 * The value the trend reaches in the target year: yt·(1 + CAGR)^(T − t) for a compound trend, yt + rate·(T − t) for
 * a linear one. Null once the target year has come, or when the result is not a finite number.
 */
export function project(trend: Trend, yt: number, t: number, T: number): number | null {
  if (t >= T) return null;
  const value = trend.kind === 'compound' ? yt * (1 + trend.rate) ** (T - t) : yt + trend.rate * (T - t);
  return finiteOrNull(value);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
