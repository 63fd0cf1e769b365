/** Alignment of a plan's targets with its parent plan's, or with the reference region its table prints. */
export { alignPlans } from './align.ts';
export { compareBounds, toleranceFor } from './compare.ts';
export type { Bound, Comparison, ComparisonBasis, Direction, Tolerance } from './compare.ts';
export { alignWithReference, alignWithReferences } from './reference.ts';
export { VERDICT_LABELS } from './verdicts.ts';
export type * from './types.ts';
