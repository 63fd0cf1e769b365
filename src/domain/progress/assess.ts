/**
 * One indicator's progress: which method applies, the status it gives, and everything that explains it. The order
 * of the checks is the method's: no data is never guessed; a target met is achieved whatever the trend; a target
 * equal to its baseline is judged by its comparator; the rest by the progress ratio, with the schedule beside it.
 */
import type { Comparator } from '../../ingest/types.ts';
import { targetGrowth, targetScore } from './anticipated.ts';
import type { TargetCase, TargetGrowth } from './anticipated.ts';
import { bandOf, DEFAULT_BANDS, resolveBands } from './bands.ts';
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
  /** Write the formula, explanation and notes; false when only the status and its numbers are wanted. */
  readonly narrate: boolean;
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

export interface AssessOptions {
  /**
   * false: the status, red line and every number, without the formula, explanation and notes (empty). Writing the
   * sentences is most of an assessment's cost (about 35 µs of it), and a national evaluation judges millions of
   * indicator, region and year combinations whose sentences nobody reads until one is opened.
   */
  readonly narrate?: boolean;
}

/** The explanation of an assessment made without narration. */
export const UNNARRATED: Bilingual = Object.freeze({ zh: '', en: '' });

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
export function assessProgress(input: ProgressInput, options: AssessOptions = {}): ProgressAssessment {
  const comparator = input.target === null ? null : effectiveComparator(input.direction, input.target.comparator);
  const sign = comparator === null ? (input.direction === 'increase' ? 1 : -1) : signOf(comparator);
  const narrate = options.narrate ?? true;
  const ctx: Context = { input, narrate, bands: resolveBands(input.bands), unit: input.unit ?? '', comparator, sign };
  const judged = judge(ctx);
  // A lower bound judged higher-is-better gives the least the status can be; when that least is the worst there is,
  // the bound says nothing (至少100万 against a baseline of 126万 is no sign of decline), so nothing is claimed.
  if (judged.lowerBound && sign === 1 && judged.status === 'deteriorating') {
    const { schedule, projection, rates, ratio, bands, zeroReplaced } = judged;
    return finish(
      ctx,
      insufficient(
        ctx,
        'lower-bound-uninformative',
        { schedule, projection, rates, ratio, bands, zeroReplaced },
        judged.notes,
      ),
    );
  }
  return finish(ctx, judged);
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
  const targetFigures: TargetFigures = {
    unit: figures.unit,
    y0: figures.y0,
    t0: figures.t0,
    yt: figures.yt,
    t: figures.t,
    lowerBound: figures.lowerBound,
    yT: target.value,
    T: target.year,
    comparator: ctx.comparator,
  };
  return withTarget(ctx, targetFigures, target);
}

/** What the target outcomes compute before they part. */
type Common = Pick<Outcome, 'schedule' | 'projection' | 'rates' | 'ratio' | 'bands' | 'zeroReplaced'>;

/** What a method sets; the rest comes from the shared numbers or is empty. */
type OutcomeFields = Pick<Outcome, 'status' | 'method' | 'sdgStatus' | 'explanation'> & Partial<Outcome>;

/**
 * An outcome from the shared numbers and a method's own fields, the latter taking precedence. Written out field by
 * field rather than spread: object spread was most of an assessment's cost once the sentences were left out.
 */
function outcome(common: Partial<Common>, fields: OutcomeFields): Outcome {
  return {
    status: fields.status,
    method: fields.method,
    insufficientReason: fields.insufficientReason ?? null,
    lowerBound: fields.lowerBound ?? false,
    sdgStatus: fields.sdgStatus,
    ratio: fields.ratio !== undefined ? fields.ratio : (common.ratio ?? null),
    growth: fields.growth ?? null,
    rates: fields.rates !== undefined ? fields.rates : (common.rates ?? null),
    limitCoefficient: fields.limitCoefficient ?? null,
    score: fields.score ?? null,
    schedule: fields.schedule ?? common.schedule ?? NO_SCHEDULE,
    projection: fields.projection !== undefined ? fields.projection : (common.projection ?? null),
    bands: fields.bands ?? common.bands ?? DEFAULT_BANDS.target,
    formula: fields.formula ?? null,
    explanation: fields.explanation,
    notes: fields.notes ?? [],
    zeroReplaced: fields.zeroReplaced ?? common.zeroReplaced ?? [],
  };
}

const NO_SCHEDULE = Object.freeze({ progress: null, elapsed: null });

/** What every target outcome shares: the schedule, the projection, the growth rates and the notes so far. */
interface TargetBasis {
  readonly f: TargetFigures;
  readonly growth: TargetGrowth;
  readonly common: Common;
  readonly notes: Bilingual[];
  readonly narrate: boolean;
}

function withTarget(ctx: Context, f: TargetFigures, target: ProgressTarget): Outcome {
  const c: TargetCase = { sign: ctx.sign, y0: f.y0, t0: f.t0, yt: f.yt, t: f.t, yT: f.yT, T: f.T };
  const growth = targetGrowth(c);
  const maintain = growth.method === 'maintain';
  const notes: Bilingual[] = [];
  if (ctx.narrate && target.comparator !== null && signOf(target.comparator) !== directionSign(ctx)) {
    notes.push(comparatorNote(target.comparator, ctx.input.direction));
  }
  if (ctx.narrate && growth.zeroReplaced.length > 0 && !maintain) notes.push(zeroNote(growth.zeroReplaced));
  const common = {
    schedule: schedule(c),
    projection: projectionOf(growth, f),
    rates: ratesOf(growth),
    ratio: growth.ratio,
    bands: ctx.bands.target,
    zeroReplaced: maintain ? [] : growth.zeroReplaced,
  };
  const basis: TargetBasis = { f, growth, common, notes, narrate: ctx.narrate };
  const met = holds(f.comparator, f.yt, f.yT);
  if (met) {
    // A lower bound that meets a lower-is-better target says nothing: the true value may be above the target.
    if (f.lowerBound && ctx.sign === -1) return insufficient(ctx, 'lower-bound-decrease', common, notes);
    return achieved(basis);
  }
  if (ctx.narrate && f.lowerBound) notes.push(lowerBoundNote(f, ctx.sign));
  if (maintain) return maintainBroken(basis);
  if (f.T <= f.t0) return insufficient(ctx, 'target-not-after-baseline', common, notes);
  return byRatio(ctx, basis);
}

function achieved({ f, growth, common, notes, narrate }: TargetBasis): Outcome {
  const maintain = growth.method === 'maintain';
  // A maintain target must still hold in the target year: holding it before then is not achieving it early.
  const status = maintain ? 'achieved' : achievedStatus(f.t, f.T);
  return outcome(common, {
    status,
    method: growth.method,
    sdgStatus: 'target_achieved',
    score: 5,
    formula: narrate ? comparisonFormula(f, true, maintain) : null,
    explanation: narrate ? explainAchieved(f, status) : UNNARRATED,
    notes,
  });
}

/** A target equal to its baseline that no longer holds: sdg-build would divide by a zero required growth. */
function maintainBroken({ f, common, notes, narrate }: TargetBasis): Outcome {
  return outcome(common, {
    status: 'deteriorating',
    method: 'maintain',
    sdgStatus: 'deterioration',
    lowerBound: f.lowerBound,
    formula: narrate ? comparisonFormula(f, false, true) : null,
    explanation: narrate ? explainMaintainBroken(f, 'deteriorating') : UNNARRATED,
    notes,
  });
}

function byRatio(ctx: Context, { f, growth, common, notes }: TargetBasis): Outcome {
  const ratio = growth.ratio ?? NaN;
  if (Number.isNaN(ratio)) return insufficient(ctx, 'not-computable', common, notes);
  const { progress, elapsed } = common.schedule;
  const status = ratioStatus(ratio, ctx, progress, elapsed);
  const score = targetScore(ratio, ctx.bands.target);
  return outcome(common, {
    status,
    method: growth.method,
    sdgStatus: sdgStatusFromScore(score, false),
    score,
    lowerBound: f.lowerBound,
    formula: ctx.narrate ? ratioFormula(f, ctx.sign, growth) : null,
    explanation: ctx.narrate
      ? explainRatio(f, growth, status, ratioBand(status, ctx.bands.target, common.schedule), common.projection)
      : UNNARRATED,
    notes,
  });
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
  if (ctx.narrate) {
    if (f.lowerBound) notes.push(lowerBoundNote(f, ctx.sign));
    if (result.zeroReplaced.length > 0) notes.push(zeroNote(result.zeroReplaced));
    if (limit !== null && ctx.sign * (f.y0 - limit) > 0) notes.push(limitNote(f, limit));
  }
  return outcome(NO_COMMON, {
    status: result.status,
    method: 'no-target',
    lowerBound: f.lowerBound,
    sdgStatus: sdgStatusFromScore(result.score, false),
    growth: result.growth,
    rates: { kind: result.observed.kind, observed: result.observed.rate, required: null },
    limitCoefficient: result.coefficient,
    score: result.score,
    bands: result.bands,
    formula: ctx.narrate ? noTargetFormula(c, result, ctx.bands.noTarget.limitExponent) : null,
    explanation: ctx.narrate ? explainNoTarget(f, result, limit) : UNNARRATED,
    notes,
    zeroReplaced: result.zeroReplaced,
  });
}

const NO_COMMON: Partial<Common> = Object.freeze({});

function insufficient(
  ctx: Context,
  reason: InsufficientReason,
  computed: Partial<Common> = NO_COMMON,
  notes: readonly Bilingual[] = [],
): Outcome {
  const { target } = ctx.input;
  return outcome(computed, {
    status: 'insufficient_data',
    method: 'none',
    insufficientReason: reason,
    lowerBound: reason === 'lower-bound-decrease' || reason === 'lower-bound-uninformative',
    sdgStatus: 'not_available',
    score: null,
    bands: target === null ? ctx.bands.noTarget : ctx.bands.target,
    formula: null,
    explanation: ctx.narrate ? explainInsufficient(reason, insufficientFigures(ctx)) : UNNARRATED,
    notes,
  });
}

function insufficientFigures(ctx: Context): Parameters<typeof explainInsufficient>[1] {
  const { baseline, latest, target } = ctx.input;
  return {
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
}

function finish(ctx: Context, result: Outcome): ProgressAssessment {
  const redLine = isRedLine(result.status, ctx.input.binding);
  const { input } = ctx;
  return {
    status: result.status,
    method: result.method,
    insufficientReason: result.insufficientReason,
    lowerBound: result.lowerBound,
    sdgStatus: result.sdgStatus,
    ratio: result.ratio,
    growth: result.growth,
    rates: result.rates,
    limitCoefficient: result.limitCoefficient,
    score: result.score,
    schedule: result.schedule,
    projection: result.projection,
    bands: result.bands,
    formula: result.formula,
    explanation: result.explanation,
    label: STATUS_LABELS[result.status],
    redLine,
    notes: redLine && ctx.narrate ? [...result.notes, RED_LINE_NOTE] : result.notes,
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
      zeroReplaced: result.zeroReplaced,
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
