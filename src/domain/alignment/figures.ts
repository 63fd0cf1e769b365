/** A row's figures in the catalogue entry's unit. */
import type { TableValue, TargetValue } from '../../ingest/types.ts';
import { roundSignificant } from '../catalogue/units.ts';
import type { AlignmentFigures } from './types.ts';

/**
 * Baseline and target times the unit factor of the row's match (阳泉's 24000 人 × 0.0001 = 2.4 万人), in `unit`.
 *
 * @example convertFigures({ baseline, target }, 0.0001, '万人')
 */
export function convertFigures(
  values: { readonly baseline: TableValue; readonly target: TargetValue },
  factor: number,
  unit: string | null,
): AlignmentFigures {
  return {
    baseline: scale(values.baseline.value, factor),
    target: scale(values.target.value, factor),
    comparator: values.target.comparator,
    unit,
  };
}

function scale(value: number | null, factor: number): number | null {
  return value === null ? null : roundSignificant(value * factor);
}
