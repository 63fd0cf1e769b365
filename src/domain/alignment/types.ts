/**
 * Alignment of a plan's targets with its parent plan's (city against province), or with the other region's columns
 * its own table prints (三门峡 against 河南). Every figure is in the catalogue entry's canonical unit.
 */
import type { Comparator, PlanIndicator, PlanRegion } from '../../ingest/types.ts';

/** How a target stands against the parent's for the same indicator. Labels people read: verdicts.ts. */
export type Verdict = 'more-ambitious' | 'aligned' | 'less-ambitious' | 'no-parent-target' | 'not-comparable';

/** The three verdicts a comparison of two numeric targets can give. */
export type AmbitionVerdict = Extract<Verdict, 'more-ambitious' | 'aligned' | 'less-ambitious'>;

/** A sentence for people, in Chinese first and English second (DESIGN.md: Chinese UI first). */
export interface Explanation {
  readonly zh: string;
  readonly en: string;
}

/** One side's figures, converted to the entry's unit (or as printed when the row matched no entry). */
export interface AlignmentFigures {
  readonly baseline: number | null;
  readonly target: number | null;
  readonly comparator: Comparator | null;
  /** The entry's canonical unit; the printed unit (or null) when the row matched no entry. */
  readonly unit: string | null;
}

export interface AlignmentRow {
  /** The catalogue entry both rows were matched to; null when the child row matched none. */
  readonly entryId: string | null;
  /** The child's printed name. */
  readonly name: string;
  readonly childLine: number;
  /** The parent's row; for reference columns, the same line as the child's (they share the row). */
  readonly parentLine: number | null;
  readonly child: AlignmentFigures;
  readonly parent: AlignmentFigures | null;
  readonly verdict: Verdict;
  readonly explanation: Explanation;
  /** Child target − parent target in the canonical unit; null when either is missing or they are not comparable. */
  readonly difference: number | null;
}

/** What alignPlans needs of a plan: a ParsedPlan fits. */
export interface AlignablePlan {
  readonly region: Pick<PlanRegion, 'name' | 'code'> | null;
  readonly indicators: readonly PlanIndicator[];
}
