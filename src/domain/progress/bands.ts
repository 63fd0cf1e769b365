/**
 * The band values statuses are read against. The defaults are sdg-build's; no official Chinese bands were found
 * (indicator-definitions.md), so people may change them, and what they change is stored with the settings.
 */
import { LIMIT_EXPONENT } from './cagr.ts';
import type { BandOverrides, Bands, ProgressBands } from './types.ts';

/** sdg-build 2.4.0 defaults: progress ratio 0.95 / 0.60 / 0; growth rate 1.5% / 0.5% / 0 a year. */
export const DEFAULT_BANDS: ProgressBands = Object.freeze({
  target: Object.freeze({ high: 0.95, med: 0.6, low: 0 }),
  noTarget: Object.freeze({ high: 0.015, med: 0.005, low: 0, limitExponent: LIMIT_EXPONENT }),
});

/** The defaults with the overrides in place; an override that is not a finite number is ignored. */
export function resolveBands(overrides: BandOverrides | undefined): ProgressBands {
  // Without overrides the defaults themselves (read-only), rather than a copy for every assessment.
  if (overrides === undefined) return DEFAULT_BANDS;
  const target = overrides.target;
  const noTarget = overrides.noTarget;
  const { target: t, noTarget: n } = DEFAULT_BANDS;
  return {
    target: { high: pick(target?.high, t.high), med: pick(target?.med, t.med), low: pick(target?.low, t.low) },
    noTarget: {
      high: pick(noTarget?.high, n.high),
      med: pick(noTarget?.med, n.med),
      low: pick(noTarget?.low, n.low),
      limitExponent: pick(noTarget?.limitExponent, n.limitExponent),
    },
  };
}

function pick(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

/** The no-target bands multiplied by the limit coefficient C (sdg-build reduces them in place). */
export function scaleBands(bands: Bands, coefficient: number): Bands {
  return { high: bands.high * coefficient, med: bands.med * coefficient, low: bands.low * coefficient };
}

/** The band a progress value falls in, from the top: 'high' when value ≥ high, … 'below' when value < low. */
export type Band = 'high' | 'med' | 'low' | 'below';

/** Which band a value falls in; NaN falls below every band. */
export function bandOf(value: number, bands: Bands): Band {
  if (value >= bands.high) return 'high';
  if (value >= bands.med) return 'med';
  if (value >= bands.low) return 'low';
  return 'below';
}
