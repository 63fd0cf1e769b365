/**
 * The ambition rule: two numeric targets of one indicator, in one unit, compared along the indicator's direction.
 *
 * 1. The difference child − parent (rounded to 10 significant digits, so 99.97 − 99.95 is 0.02) decides when it is
 *    larger than the rounding tolerance: for direction 'increase' a higher target is more ambitious, a lower one less;
 *    'decrease' mirrors it.
 *      96.5 vs 95 (%)  → more ambitious;   95 vs 96.5 → less ambitious.
 * 2. A difference within the tolerance counts as aligned, and the explanation says so: plans print the same intent
 *    with different rounding (96 and 96.04, 11.6 and 11.62). The tolerance is 0.05 of the unit for percentages
 *    (0.05 percentage points) and 0.5% of the larger value for everything else (years, people, counts).
 *      ≥99.97 vs >99.95 (%) → aligned: 0.02 points apart, inside 0.05. Both say "keep primary enrolment
 *      universal"; a province baseline of 99.97 shows the gap is not a difference in intent.
 * 3. Equal numbers: the comparator decides. A strict bound (>85, 超过) excludes the number itself, so it stands
 *    slightly above it; ≥85 (以上) and a plain 85 (达到) both accept 85 and are the same promise.
 *      >85 vs 85 → more ambitious;  >85 vs ≥85 → more ambitious;  >85 vs >85 → aligned;  ≥85 vs 85 → aligned.
 *    '<' stands slightly below its number, so for 'decrease' <5 vs ≤5 is more ambitious. A comparator against the
 *    direction (≤ on an 'increase' indicator) is read the same way: its number is the promise, its strictness the
 *    side it leans to. The strictness only breaks a tie of equal printed numbers: it is smaller than any rounding,
 *    but it is a different wording of the promise, which a reader of the two plans notices.
 *
 * The rule is antisymmetric (swapping child and parent swaps more and less) and flipping the direction mirrors it.
 */
import type { Comparator } from '../../ingest/types.ts';
import { canonicalUnit, roundSignificant } from '../catalogue/units.ts';
import type { AmbitionVerdict } from './types.ts';

/** Which way is better, for comparing ambition; 'maintain' entries are handled by the caller. */
export type Direction = 'increase' | 'decrease';

/** A numeric target: its number in the entry's unit and the comparator printed with it. */
export interface Bound {
  readonly value: number;
  readonly comparator: Comparator | null;
}

/** Absolute: the largest difference in the unit itself; relative: as a share of the larger magnitude. */
export type Tolerance =
  { readonly kind: 'absolute'; readonly amount: number } | { readonly kind: 'relative'; readonly share: number };

/**
 * Why the verdict fell as it did: 'equal' numbers and comparators, a difference 'within-tolerance', a difference
 * 'beyond-tolerance', or equal numbers split by a 'strict-bound'.
 */
export type ComparisonBasis = 'equal' | 'within-tolerance' | 'beyond-tolerance' | 'strict-bound';

export interface Comparison {
  readonly verdict: AmbitionVerdict;
  readonly basis: ComparisonBasis;
  /** child − parent, rounded to 10 significant digits. */
  readonly difference: number;
}

const PERCENT_TOLERANCE: Tolerance = { kind: 'absolute', amount: 0.05 };
const RELATIVE_TOLERANCE: Tolerance = { kind: 'relative', share: 0.005 };

/** The rounding tolerance for a canonical unit: 0.05 points for %, 0.5% of the larger value otherwise. */
export function toleranceFor(unit: string | null): Tolerance {
  return unit !== null && canonicalUnit(unit) === '%' ? PERCENT_TOLERANCE : RELATIVE_TOLERANCE;
}

/**
 * The verdict of a child target against a parent target (rules above).
 *
 * @example compareBounds({ value: 85, comparator: '>' }, { value: 85, comparator: '>=' }, 'increase', toleranceFor('%'))
 *   // { verdict: 'more-ambitious', basis: 'strict-bound', difference: 0 }
 */
export function compareBounds(child: Bound, parent: Bound, direction: Direction, tolerance: Tolerance): Comparison {
  const difference = roundSignificant(child.value - parent.value);
  const better = direction === 'increase' ? 1 : -1;
  if (difference === 0) {
    const lean = better * (strictness(child.comparator) - strictness(parent.comparator));
    if (lean === 0) return { verdict: 'aligned', basis: 'equal', difference };
    return { verdict: lean > 0 ? 'more-ambitious' : 'less-ambitious', basis: 'strict-bound', difference };
  }
  if (withinTolerance(difference, child.value, parent.value, tolerance)) {
    return { verdict: 'aligned', basis: 'within-tolerance', difference };
  }
  const verdict = better * difference > 0 ? 'more-ambitious' : 'less-ambitious';
  return { verdict, basis: 'beyond-tolerance', difference };
}

/** Where a bound stands around its number: '>' just above, '<' just below, the others on it. */
function strictness(comparator: Comparator | null): number {
  switch (comparator) {
    case '>':
      return 1;
    case '<':
      return -1;
    case '>=':
    case '<=':
    case null:
      return 0;
  }
}

/** Symmetric in child and parent: the relative tolerance is a share of the larger magnitude. */
function withinTolerance(difference: number, a: number, b: number, tolerance: Tolerance): boolean {
  const limit =
    tolerance.kind === 'absolute'
      ? tolerance.amount
      : roundSignificant(tolerance.share * Math.max(Math.abs(a), Math.abs(b)));
  return Math.abs(difference) <= limit;
}
