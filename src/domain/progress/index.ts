/**
 * Progress towards a plan's targets (DESIGN.md, "Progress methodology"): the Open SDG / Statistics Canada anticipated
 * progress method with its no-target variant, the schedule rule 时间过半、任务过半, the Chinese labels of the national
 * mid-term evaluation, red lines for binding indicators, and the numbers and sentences that explain each status.
 */
export { assessProgress, UNNARRATED } from './assess.ts';
export type { AssessOptions } from './assess.ts';
export { DEFAULT_BANDS, resolveBands } from './bands.ts';
export { cagr, LIMIT_EXPONENT, limitCoefficient, ZERO_SUBSTITUTE } from './cagr.ts';
export { targetScore } from './anticipated.ts';
export { noTargetScore } from './no-target.ts';
export { RED_LINE_LABEL, STATUS_LABELS, STATUS_RANK, statusRank } from './status.ts';
export type * from './types.ts';
