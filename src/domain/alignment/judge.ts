/**
 * The verdict for one indicator once both sides are found: which checks come before the ambition rule
 * (compare.ts), and the sentence that explains the result.
 */
import type { CatalogueEntry } from '../catalogue/types.ts';
import { compareBounds, toleranceFor } from './compare.ts';
import type { Bound, Direction } from './compare.ts';
import type { ExplainedSide } from './explain.ts';
import {
  explainComparison,
  explainCounts,
  explainMaintained,
  explainNoChildValue,
  explainNoParentRow,
  explainNoParentValue,
} from './explain.ts';
import type { Explanation, Verdict } from './types.ts';

export interface Pairing {
  readonly entry: CatalogueEntry;
  readonly child: ExplainedSide;
  /** null when the parent has no row for the entry. */
  readonly parent: ExplainedSide | null;
  /** How the parent is named when it has no row: its region's name, or 上级. */
  readonly parentLabel: string;
  /** Both sides are figures of one region (a plan against its own earlier version). */
  readonly sameRegion: boolean;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly explanation: Explanation;
  /** child target − parent target in the entry's unit, when the two are comparable. */
  readonly difference: number | null;
}

/**
 * The verdict for a paired indicator. In order: no parent row or no parent number → no-parent-target; no child
 * number → not-comparable; a count of two regions → not-comparable; otherwise the ambition rule.
 */
export function judgePairing({ entry, child, parent, parentLabel, sameRegion }: Pairing): Judgement {
  if (parent === null) {
    return { verdict: 'no-parent-target', explanation: explainNoParentRow(entry, parentLabel), difference: null };
  }
  const childBound = boundOf(child);
  const parentBound = boundOf(parent);
  if (parentBound === null) {
    return { verdict: 'no-parent-target', explanation: explainNoParentValue(parent), difference: null };
  }
  if (childBound === null) {
    return { verdict: 'not-comparable', explanation: explainNoChildValue(child), difference: null };
  }
  // A count (在校生 in 万人) grows with the region: 忻州's 5.12万 普通高中 pupils are a tenth of 山西's 65万 by nature,
  // so "lower" would say nothing about ambition, and a difference would read as a shortfall. Shares, averages and
  // per-capita figures (入学率, 受教育年限, 每十万人口…) are free of size and are compared. Only one region's counts
  // (a plan against its own earlier version) are; reference columns always name another region (河南 beside 三门峡).
  if (entry.kind === 'count' && !sameRegion) {
    return { verdict: 'not-comparable', explanation: explainCounts(entry, child, parent), difference: null };
  }
  const direction: Direction = entry.direction === 'decrease' ? 'decrease' : 'increase';
  const tolerance = toleranceFor(entry.unit);
  const comparison = compareBounds(childBound, parentBound, direction, tolerance);
  // A level held by nature has no better side: equal targets agree, different ones are different, not more or less.
  if (entry.direction === 'maintain' && comparison.verdict !== 'aligned') {
    const explanation = explainMaintained(entry, child, parent);
    return { verdict: 'not-comparable', explanation, difference: comparison.difference };
  }
  const explanation = explainComparison(child, parent, direction, comparison, tolerance);
  return { verdict: comparison.verdict, explanation, difference: comparison.difference };
}

function boundOf(side: ExplainedSide): Bound | null {
  const { target, comparator } = side.figures;
  return target === null ? null : { value: target, comparator };
}
