/**
 * One indicator's progress: which method applies, the status it gives, and everything that explains it. The order
 * of the checks is the method's: no data is never guessed; a target met is achieved whatever the trend; a target
 * equal to its baseline is judged by its comparator; the rest by the progress ratio, with the schedule beside it.
 */
import type { Comparator } from '../../ingest/types.ts';
import { targetGrowth, targetScore } from './anticipated.ts';
import type { TargetCase, TargetGrowth } from './anticipated.ts';
import { bandOf, resolveBands } from './bands.ts';
import { effectiveComparator, holds, signOf } from './comparator.ts';
import {
  comparatorNote,
  explainAchieved,
  explainInsufficient,
  explainMaintainBroken,
  explainNoTarget,
  explainRatio,
  limitNote,
  lowerBoundNote,
  RED_LINE_NOTE,
  ratioBand,
  zeroNote,
} from './explain.ts';
import type { Figures, TargetFigures } from './explain.ts';
import { comparisonFormula, noTargetFormula, ratioFormula } from './formula.ts';
import { noTargetProgress } from './no-target.ts';
import { project, schedule } from './schedule.ts';
import { achievedStatus, isRedLine, sdgStatusFromScore, STATUS_LABELS, statusOfBand } from './status.ts';
import type {
  Bilingual,
  GrowthRates,
  InsufficientReason,
  ProgressAssessment,
  ProgressBands,
  ProgressInput,
  ProgressStatus,
  ProgressTarget,
  ZeroReplaced,
} from './types.ts';

interface Context {
  readonly input: ProgressInput;
  readonly bands: ProgressBands;
  readonly unit: string;
  /** The comparator that decides achievement; null without a target. */
  readonly comparator: Comparator | null;
  readonly sign: 1 | -1;
}

/** What a method computed; assess() adds the label, the red line and the inputs. */
type Outcome = Omit<ProgressAssessment, 'label' | 'redLine' | 'inputs'> & {
  readonly zeroReplaced: readonly ZeroReplaced[];
};

/**
 * The progress of one indicator from its baseline, target and latest observation, with the numbers, formula and
 * sentences that explain it. Never throws: what cannot be judged is 数据不足 with the reason.
 *
 * @example
 * assessProgress({
 *   direction: 'increase', binding: false, limit: null, unit: '%',
 *   baseline: { year: 2020, value: 90.8 }, target: { year: 2025, value: 96.5, comparator: null },
 *   latest: { year: 2024, value: 96 },
 * }).status // 'ahead': R = 1.14 ≥ 1 and p = 0.91 > e = 0.80
 */
export function assessProgress(input: ProgressInput): ProgressAssessment {
  const comparator = input.target === null ? null : effectiveComparator(input.direction, input.target.comparator);
  const sign = comparator === null ? (input.direction === 'increase' ? 1 : -1) : signOf(comparator);
  const ctx: Context = { input, bands: resolveBands(input.bands), unit: input.unit ?? '', comparator, sign };
  const outcome = judge(ctx);
  // A lower bound judged higher-is-better gives the least the status can be; when that least is the worst there is,
  // the bound says nothing (至少100万 against a baseline of 126万 is no sign of decline), so nothing is claimed.
  if (outcome.lowerBound && sign === 1 && outcome.status === 'deteriorating') {
    const { schedule, projection, rates, ratio, bands, zeroReplaced } = outcome;
    return finish(
      ctx,
      insufficient(
        ctx,
        'lower-bound-uninformative',
        { schedule, projection, rates, ratio, bands, zeroReplaced },
        outcome.notes,
      ),
    );
  }
  return finish(ctx, outcome);
}

function judge(ctx: Context): Outcome {
  const { baseline, latest, target, limit } = ctx.input;
  if (baseline === null) return insufficient(ctx, 'no-baseline');
  if (latest === null) return insufficient(ctx, 'no-latest');
  const numbers = [baseline.year, baseline.value, latest.year, latest.value];
  if (target !== null) numbers.push(target.year, target.value);
  if (limit !== null) numbers.push(limit);
  if (!numbers.every(Number.isFinite)) return insufficient(ctx, 'not-finite');
  if (latest.year <= baseline.year) return insufficient(ctx, 'latest-not-after-baseline');
  const figures: Figures = {
    unit: ctx.unit,
    y0: baseline.value,
    t0: baseline.year,
    yt: latest.value,
    t: latest.year,
    lowerBound: latest.qualifier === 'at_least',
  };
  if (target === null || ctx.comparator === null) return withoutTarget(ctx, figures);
  return withTarget(ctx, { ...figures, yT: target.value, T: target.year, comparator: ctx.comparator }, target);
}

/** What every target outcome shares: the schedule, the projection, the growth rates and the notes so far. */
interface TargetBasis {
  readonly f: TargetFigures;
  readonly growth: TargetGrowth;
  readonly common: Pick<Outcome, 'schedule' | 'projection' | 'rates' | 'ratio' | 'bands' | 'zeroReplaced'>;
  readonly notes: Bilingual[];
}

function withTarget(ctx: Context, f: TargetFigures, target: ProgressTarget): Outcome {
  const c: TargetCase = { sign: ctx.sign, y0: f.y0, t0: f.t0, yt: f.yt, t: f.t, yT: f.yT, T: f.T };
  const growth = targetGrowth(c);
  const maintain = growth.method === 'maintain';
  const notes: Bilingual[] = [];
  if (target.comparator !== null && signOf(target.comparator) !== directionSign(ctx)) {
    notes.push(comparatorNote(target.comparator, ctx.input.direction));
  }
  if (growth.zeroReplaced.length > 0 && !maintain) notes.push(zeroNote(growth.zeroReplaced));
  const common = {
    schedule: schedule(c),
    projection: projectionOf(growth, f),
    rates: ratesOf(growth),
    ratio: growth.ratio,
    bands: ctx.bands.target,
    zeroReplaced: maintain ? [] : growth.zeroReplaced,
  };
  const basis: TargetBasis = { f, growth, common, notes };
  const met = holds(f.comparator, f.yt, f.yT);
  if (met) {
    // A lower bound that meets a lower-is-better target says nothing: the true value may be above the target.
    if (f.lowerBound && ctx.sign === -1) return insufficient(ctx, 'lower-bound-decrease', common, notes);
    return achieved(basis);
  }
  if (f.lowerBound) notes.push(lowerBoundNote(f, ctx.sign));
  if (maintain) return maintainBroken(basis);
  if (f.T <= f.t0) return insufficient(ctx, 'target-not-after-baseline', common, notes);
  return byRatio(ctx, basis);
}

function achieved({ f, growth, common, notes }: TargetBasis): Outcome {
  const maintain = growth.method === 'maintain';
  // A maintain target must still hold in the target year: holding it before then is not achieving it early.
  const status = maintain ? 'achieved' : achievedStatus(f.t, f.T);
  return {
    ...EMPTY,
    ...common,
    status,
    method: growth.method,
    sdgStatus: 'target_achieved',
    score: 5,
    formula: comparisonFormula(f, true, maintain),
    explanation: explainAchieved(f, status),
    notes,
  };
}

/** A target equal to its baseline that no longer holds: sdg-build would divide by a zero required growth. */
function maintainBroken({ f, common, notes }: TargetBasis): Outcome {
  return {
    ...EMPTY,
    ...common,
    status: 'deteriorating',
    method: 'maintain',
    sdgStatus: 'deterioration',
    lowerBound: f.lowerBound,
    formula: comparisonFormula(f, false, true),
    explanation: explainMaintainBroken(f, 'deteriorating'),
    notes,
  };
}

function byRatio(ctx: Context, { f, growth, common, notes }: TargetBasis): Outcome {
  const ratio = growth.ratio ?? NaN;
  if (Number.isNaN(ratio)) return insufficient(ctx, 'not-computable', common, notes);
  const { progress, elapsed } = common.schedule;
  const status = ratioStatus(ratio, ctx, progress, elapsed);
  const score = targetScore(ratio, ctx.bands.target);
  const band = ratioBand(status, ctx.bands.target, common.schedule);
  return {
    ...EMPTY,
    ...common,
    status,
    method: growth.method,
    sdgStatus: sdgStatusFromScore(score, false),
    score,
    lowerBound: f.lowerBound,
    formula: ratioFormula(f, ctx.sign, growth),
    explanation: explainRatio(f, growth, status, band, common.projection),
    notes,
  };
}

/** The band of R; 快于预期 where R ≥ 1 and more of the planned change is done than of the period has passed. */
function ratioStatus(ratio: number, ctx: Context, progress: number | null, elapsed: number | null): ProgressStatus {
  const status = statusOfBand(bandOf(ratio, ctx.bands.target));
  const ahead = ratio >= 1 && progress !== null && elapsed !== null && progress > elapsed;
  return status === 'on_track' && ahead ? 'ahead' : status;
}

function withoutTarget(ctx: Context, f: Figures): Outcome {
  const { limit } = ctx.input;
  const c = { sign: ctx.sign, y0: f.y0, t0: f.t0, yt: f.yt, t: f.t, limit };
  const result = noTargetProgress(c, ctx.bands.noTarget);
  if (Number.isNaN(result.growth) || Number.isNaN(result.score)) return insufficient(ctx, 'not-computable');
  const notes: Bilingual[] = [];
  if (f.lowerBound) notes.push(lowerBoundNote(f, ctx.sign));
  if (result.zeroReplaced.length > 0) notes.push(zeroNote(result.zeroReplaced));
  if (limit !== null && ctx.sign * (f.y0 - limit) > 0) notes.push(limitNote(f, limit));
  return {
    ...EMPTY,
    status: result.status,
    method: 'no-target',
    lowerBound: f.lowerBound,
    sdgStatus: sdgStatusFromScore(result.score, false),
    growth: result.growth,
    rates: { kind: result.observed.kind, observed: result.observed.rate, required: null },
    limitCoefficient: result.coefficient,
    score: result.score,
    bands: result.bands,
    formula: noTargetFormula(c, result, ctx.bands.noTarget.limitExponent),
    explanation: explainNoTarget(f, result, limit),
    notes,
    zeroReplaced: result.zeroReplaced,
  };
}

const EMPTY = {
  lowerBound: false,
  insufficientReason: null,
  ratio: null,
  growth: null,
  rates: null,
  limitCoefficient: null,
  score: null,
  schedule: { progress: null, elapsed: null },
  projection: null,
  formula: null,
  notes: [],
  zeroReplaced: [],
} as const;

function insufficient(
  ctx: Context,
  reason: InsufficientReason,
  computed: Partial<Outcome> = {},
  notes: readonly Bilingual[] = [],
): Outcome {
  const { baseline, latest, target } = ctx.input;
  const figures = {
    unit: ctx.unit,
    y0: baseline?.value,
    t0: baseline?.year,
    yt: latest?.value,
    t: latest?.year,
    yT: target?.value,
    T: target?.year,
    comparator: ctx.comparator ?? undefined,
    lowerBound: latest?.qualifier === 'at_least',
  };
  return {
    ...EMPTY,
    ...computed,
    status: 'insufficient_data',
    method: 'none',
    insufficientReason: reason,
    lowerBound: reason === 'lower-bound-decrease' || reason === 'lower-bound-uninformative',
    sdgStatus: 'not_available',
    score: null,
    bands: target === null ? ctx.bands.noTarget : ctx.bands.target,
    formula: null,
    explanation: explainInsufficient(reason, figures),
    notes,
  };
}

function finish(ctx: Context, outcome: Outcome): ProgressAssessment {
  const { zeroReplaced, ...result } = outcome;
  const redLine = isRedLine(result.status, ctx.input.binding);
  const { input } = ctx;
  return {
    ...result,
    label: STATUS_LABELS[result.status],
    redLine,
    notes: redLine ? [...result.notes, RED_LINE_NOTE] : result.notes,
    inputs: {
      direction: input.direction,
      sign: ctx.sign,
      baseline: input.baseline,
      target: input.target,
      comparator: ctx.comparator,
      latest: input.latest,
      binding: input.binding,
      limit: input.limit,
      unit: ctx.unit,
      zeroReplaced,
    },
  };
}

function projectionOf(growth: TargetGrowth, f: TargetFigures): ProgressAssessment['projection'] {
  const value = project(growth.observed, f.yt, f.t, f.T);
  return value === null ? null : { year: f.T, value, meetsTarget: holds(f.comparator, value, f.yT) };
}

function ratesOf(growth: TargetGrowth): GrowthRates {
  return { kind: growth.observed.kind, observed: growth.observed.rate, required: growth.required };
}

function directionSign(ctx: Context): 1 | -1 {
  return ctx.input.direction === 'increase' ? 1 : -1;
}
