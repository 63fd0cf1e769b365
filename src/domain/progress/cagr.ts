/**
 * Compound annual growth and the limit coefficient, as open-sdg/sdg-build 2.4.0 computes them
 * (`sdg/ProgressMeasure.py`: `growth_calculation`, `get_progress_thresholds`).
 */

/** What a zero base or target becomes, because a growth rate from or to zero is undefined (sdg-build's value). */
export const ZERO_SUBSTITUTE = 0.001;

/** The default exponent of the limit coefficient (sdg-build's `a = 4.44`). */
export const LIMIT_EXPONENT = 4.44;

/**
 * Compound annual growth rate from v0 at t0 to v1 at t1: (v1/v0)^(1/(t1−t0)) − 1. NaN when v1/v0 is negative.
 *
 * @example cagr(71.4, 66.6, 2023, 2016) // 0.009991
 */
export function cagr(v1: number, v0: number, t1: number, t0: number): number {
  return (v1 / v0) ** (1 / (t1 - t0)) - 1;
}

/**
 * The value a growth rate is computed on: zero becomes 0.001, signed like `reference` so that a series of negative
 * values keeps one sign (sdg-build only meets positive data and always uses +0.001).
 */
export function substituteZero(value: number, reference: number): number {
  if (value !== 0) return value;
  return reference < 0 ? -ZERO_SUBSTITUTE : ZERO_SUBSTITUTE;
}

/**
 * How much room is left below a natural limit, from the base value: C = 1 − (|y0|/|L|)^a while |y0| ≤ |L|, mirrored
 * above the limit, 1 from twice the limit. The no-target bands are multiplied by C, so an indicator near its ceiling
 * (a share near 100%) needs less growth for the same status. This is sdg-build's definition: it takes the base value,
 * not the latest one (CIF 1-2-1: 1 − 0.666^4.44 = 0.8355).
 *
 * @example limitCoefficient(66.6, 100) // 0.835477
 */
export function limitCoefficient(base: number, limit: number, exponent: number = LIMIT_EXPONENT): number {
  const b = Math.abs(base);
  const l = Math.abs(limit);
  // Checked first so that a zero base with a zero limit gives 1, as in the source.
  if (b >= 2 * l) return 1;
  if (b <= l) return 1 - (b / l) ** exponent;
  return 1 - ((2 * l - b) / l) ** exponent;
}
