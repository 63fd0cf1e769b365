/**
 * The shapes of a progress assessment: what goes in (an indicator's baseline, target and latest observation) and
 * what comes out (a status people read, the numbers that produced it, the formula and the sentences that explain it).
 */
import type { Comparator } from '../../ingest/types.ts';
import type { IndicatorDirection } from '../catalogue/types.ts';
import type { Bilingual } from '../observations/published-statistics.ts';

export type { Bilingual } from '../observations/published-statistics.ts';

/**
 * Which way is better. A catalogue 'maintain' entry has no way to be better; a plan that holds a level states it
 * with a target equal to its baseline and a comparator (≥99.97 from 99.97), which the method reads as such.
 */
export type ProgressDirection = Exclude<IndicatorDirection, 'maintain'>;

/** 'at_least': the source says 以上 / 超过 / 突破, so the value is a lower bound ("至少96%"). */
export type ObservationQualifier = 'exact' | 'at_least';

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

export interface ProgressTarget extends YearValue {
  /** As the plan prints it (≥, 以上, 保持在…以上); null when the cell is a bare number. */
  readonly comparator: Comparator | null;
}

export interface ProgressObservation extends YearValue {
  /** 'exact' when absent. */
  readonly qualifier?: ObservationQualifier;
}

/** Progress-ratio bands of the target method: R ≥ high on track, med ≤ R < high behind, low ≤ R < med far behind. */
export interface Bands {
  readonly high: number;
  readonly med: number;
  readonly low: number;
}

/** Growth-rate bands of the no-target method, before they are scaled by the limit coefficient. */
export interface NoTargetBands extends Bands {
  /** The exponent of the limit coefficient C = 1 − (|y0|/|L|)^a. */
  readonly limitExponent: number;
}

export interface ProgressBands {
  readonly target: Bands;
  readonly noTarget: NoTargetBands;
}

/** Band values people configure (they live in the database); what is left out keeps its default. */
export interface BandOverrides {
  readonly target?: Partial<Bands>;
  readonly noTarget?: Partial<NoTargetBands>;
}

export interface ProgressInput {
  readonly direction: ProgressDirection;
  readonly baseline: YearValue | null;
  /** Null for a row with no target value: the no-target method applies. */
  readonly target: ProgressTarget | null;
  /** The most recent observation; null when none has been reported. */
  readonly latest: ProgressObservation | null;
  /** 约束性: a binding indicator that is not on track raises a red-line warning. */
  readonly binding: boolean;
  /** For the no-target method: the natural limit (100 for a share), or null. */
  readonly limit: number | null;
  readonly bands?: BandOverrides;
  /** The values' unit, for the sentences ('%', '万人', '年'); none when absent. */
  readonly unit?: string | null;
}

/**
 * What people read, best first: achieved (已实现/提前实现) … deteriorating (出现倒退); insufficient_data (数据不足)
 * stands outside the order.
 */
export type ProgressStatus =
  | 'achieved_early'
  | 'achieved'
  | 'ahead'
  | 'on_track'
  | 'behind'
  | 'far_behind'
  | 'deteriorating'
  | 'insufficient_data';

/** The Open SDG / Statistics Canada status, from the score as sdg-build gives it. */
export type SdgStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

/**
 * 'anticipated': the Open SDG target method (growth ratio of CAGRs). 'maintain': a target equal to its baseline,
 * judged by its comparator. 'linear': the same ratio on average annual changes, where the CAGR is undefined (the
 * values change sign). 'no-target': the Open SDG method for a row without a target. 'none': nothing computed.
 */
export type ProgressMethod = 'anticipated' | 'maintain' | 'linear' | 'no-target' | 'none';

/** Why a status is 数据不足. */
export type InsufficientReason =
  | 'no-baseline'
  | 'no-latest'
  | 'latest-not-after-baseline'
  | 'target-not-after-baseline'
  | 'not-finite'
  | 'lower-bound-decrease'
  | 'lower-bound-uninformative'
  | 'not-computable';

/** 时间过半、任务过半: the share of the planned change done, against the share of the period gone. */
export interface Schedule {
  /** p = (yt − y0)/(yT − y0); null without a target or when the target equals the baseline. */
  readonly progress: number | null;
  /** e = (t − t0)/(T − t0); null without a target. */
  readonly elapsed: number | null;
}

export interface GrowthRates {
  readonly kind: 'compound' | 'linear';
  readonly observed: number;
  readonly required: number | null;
}

/** Where the current trend leads by the target year. */
export interface Projection {
  readonly year: number;
  readonly value: number;
  readonly meetsTarget: boolean;
}

export interface ProgressFormula {
  /** The method in words. */
  readonly name: Bilingual;
  /** The formula with symbols, e.g. "R = d·CAGR(y_t, y_0, t, t_0) / |CAGR(y_T, y_0, T, t_0)|". */
  readonly expression: string;
  /** The same with this indicator's numbers in place, and its result. */
  readonly substituted: string;
}

/** A value a growth rate took as 0.001 because it was zero. */
export type ZeroReplaced = 'baseline' | 'target' | 'latest';

/** The inputs as judged, so a reader can redo the computation. */
export interface AssessedInputs {
  readonly direction: ProgressDirection;
  /** +1 higher is better, −1 lower is better: from the target's comparator when it states one. */
  readonly sign: 1 | -1;
  readonly baseline: YearValue | null;
  readonly target: ProgressTarget | null;
  /** The comparator that decides achievement (the printed one, else ≥ for +1 and ≤ for −1); null without target. */
  readonly comparator: Comparator | null;
  readonly latest: ProgressObservation | null;
  readonly binding: boolean;
  readonly limit: number | null;
  readonly unit: string;
  /** Values the CAGR took as 0.001 because they were zero (the source's rule). */
  readonly zeroReplaced: readonly ZeroReplaced[];
}

export interface ProgressAssessment {
  readonly status: ProgressStatus;
  /** The status as people read it, e.g. { zh: '进度滞后', en: 'behind schedule' }. */
  readonly label: Bilingual;
  /** 红线预警: a binding indicator that is neither achieved, ahead nor on track. The status stays as it is. */
  readonly redLine: boolean;
  /** The latest value is a lower bound ("至少96%"): the status was computed on the bound. */
  readonly lowerBound: boolean;
  readonly method: ProgressMethod;
  /** Set when the status is insufficient_data. */
  readonly insufficientReason: InsufficientReason | null;
  readonly sdgStatus: SdgStatus;
  /** The progress ratio R of a target method. */
  readonly ratio: number | null;
  /** The no-target method's progress value P = sign(y0)·d·CAGR(yt, y0, t, t0). */
  readonly growth: number | null;
  /**
   * The growth the ratio compares: compound annual growth rates (CAGR), or, where the values cross zero and no CAGR
   * exists, changes per year in the values' unit. `required` is null without a target.
   */
  readonly rates: GrowthRates | null;
  /** The no-target method's limit coefficient C; null without a limit. */
  readonly limitCoefficient: number | null;
  /** The Open SDG score in [−5, 5]. */
  readonly score: number | null;
  readonly schedule: Schedule;
  /** Null when there is no target, the target year has come, or the trend is undefined. */
  readonly projection: Projection | null;
  /** The bands the status was read against (for the no-target method: already multiplied by C). */
  readonly bands: Bands;
  readonly inputs: AssessedInputs;
  readonly formula: ProgressFormula | null;
  /** One sentence: the trend, where it leads, the ratio and the band. */
  readonly explanation: Bilingual;
  /** What qualifies the status: a lower bound, a zero baseline, a red line, a comparator against the direction. */
  readonly notes: readonly Bilingual[];
}
