/**
 * The sentences that explain a status, in Chinese and English. Each names the figures it was computed from, the
 * trend and where it leads, the ratio and the band it fell in, so a reader can check the status without a calculator.
 */
import type { Comparator } from '../../ingest/types.ts';
import type { TargetGrowth } from './anticipated.ts';
import type { NoTargetProgress } from './no-target.ts';
import { COMPARATOR_SYMBOLS } from './comparator.ts';
import { formatChange, formatComputed, formatNumber, formatRate, formatTarget, formatValue } from './format.ts';
import { STATUS_LABELS } from './status.ts';
import type {
  Bands,
  Bilingual,
  InsufficientReason,
  ProgressStatus,
  Projection,
  Schedule,
  ZeroReplaced,
} from './types.ts';

/** The figures every sentence may name. */
export interface Figures {
  readonly unit: string;
  readonly y0: number;
  readonly t0: number;
  readonly yt: number;
  readonly t: number;
  /** The latest value is a lower bound ("至少"). */
  readonly lowerBound: boolean;
}

export interface TargetFigures extends Figures {
  readonly yT: number;
  readonly T: number;
  readonly comparator: Comparator;
}

function latestZh(f: Figures): string {
  return `${f.t}年${f.lowerBound ? '至少为' : '为'}${formatValue(f.yt, f.unit)}`;
}

function latestEn(f: Figures): string {
  return `${f.lowerBound ? 'at least ' : ''}${formatValue(f.yt, f.unit)} in ${f.t}`;
}

function targetOf(f: TargetFigures): string {
  return formatTarget(f.yT, f.comparator, f.unit);
}

/** The target is met. */
export function explainAchieved(f: TargetFigures, status: ProgressStatus): Bilingual {
  const label = STATUS_LABELS[status];
  return {
    zh: `${latestZh(f)}，已达到${f.T}年目标${targetOf(f)}，${label.zh}。`,
    en: `${capitalise(latestEn(f))} meets the ${f.T} target of ${targetOf(f)}: ${label.en}.`,
  };
}

/** A target equal to its baseline, no longer held. */
export function explainMaintainBroken(f: TargetFigures, status: ProgressStatus): Bilingual {
  const label = STATUS_LABELS[status];
  return {
    zh: `目标为保持${targetOf(f)}（与${f.t0}年基期值相同），${latestZh(f)}，已不满足，属${label.zh}。`,
    en: `The target is to hold ${targetOf(f)} (the ${f.t0} baseline); with ${latestEn(f)} it no longer holds: ${label.en}.`,
  };
}

/** A target not yet met, judged by its progress ratio. */
export function explainRatio(
  f: TargetFigures,
  growth: TargetGrowth,
  status: ProgressStatus,
  band: Bilingual,
  projection: Projection | null,
): Bilingual {
  const label = STATUS_LABELS[status];
  const ratio = `R=${formatNumber(growth.ratio ?? NaN)}`;
  const trend = trendText(f, growth);
  const ratioZh = `进度比 ${ratio}，属${label.zh}（${band.zh}）`;
  const ratioEn = `progress ratio ${ratio}: ${label.en} (${band.en})`;
  if (projection === null) {
    return {
      zh: `${latestZh(f)}，未达到${f.T}年目标${targetOf(f)}；按${f.t0}年至${f.t}年的${trend.zh}，${ratioZh}。`,
      en: `${capitalise(latestEn(f))} falls short of the ${f.T} target of ${targetOf(f)}; at the ${trend.en} from ${f.t0} to ${f.t}, ${ratioEn}.`,
    };
  }
  const reach = formatComputed(projection.value, [f.y0, f.yt, f.yT], f.unit);
  const atLeast = f.lowerBound ? { zh: '至少', en: 'at least ' } : { zh: '', en: '' };
  const meets = projection.meetsTarget;
  return {
    zh: `按${f.t0}年至${f.t}年的${trend.zh}，${f.T}年预计${atLeast.zh}达到${reach}，${meets ? '可达到' : '未达到'}目标${targetOf(f)}；${ratioZh}。`,
    en: `At the ${trend.en} from ${f.t0} to ${f.t}, the value would reach ${atLeast.en}${reach} in ${f.T}, ${meets ? 'meeting' : 'short of'} the target ${targetOf(f)}; ${ratioEn}.`,
  };
}

function trendText(f: Figures & { yT?: number }, growth: Pick<TargetGrowth, 'observed'>): Bilingual {
  const atLeast = f.lowerBound ? { zh: '至少', en: 'at least ' } : { zh: '', en: '' };
  const { kind, rate } = growth.observed;
  if (kind === 'compound') {
    const text = formatRate(rate);
    return { zh: `年均增速（${atLeast.zh}${text}）`, en: `average annual growth (${atLeast.en}${text})` };
  }
  const text = formatChange(rate, [f.y0, f.yt, f.yT ?? f.yt], f.unit);
  return { zh: `年均变化（${atLeast.zh}${text}）`, en: `average annual change (${atLeast.en}${text})` };
}

/** The band a progress ratio fell in, e.g. "0.60≤R<0.95"; for 快于预期 the schedule that lifted it. */
export function ratioBand(status: ProgressStatus, bands: Bands, timing: Schedule): Bilingual {
  const { high, med, low } = { high: bandNumber(bands.high), med: bandNumber(bands.med), low: bandNumber(bands.low) };
  switch (status) {
    case 'ahead': {
      const p = formatNumber(timing.progress ?? NaN);
      const e = formatNumber(timing.elapsed ?? NaN);
      return { zh: `R≥1 且 p=${p}>e=${e}`, en: `R ≥ 1 and p = ${p} > e = ${e}` };
    }
    case 'on_track':
      return same(`R≥${high}`, `R ≥ ${high}`);
    case 'behind':
      return same(`${med}≤R<${high}`, `${med} ≤ R < ${high}`);
    case 'far_behind':
      return same(`${low}≤R<${med}`, `${low} ≤ R < ${med}`);
    case 'deteriorating':
      return same(`R<${low}`, `R < ${low}`);
    case 'achieved_early':
    case 'achieved':
    case 'insufficient_data':
      return same('', '');
  }
}

/** A row without a target, judged by its growth. */
export function explainNoTarget(f: Figures, result: NoTargetProgress, limit: number | null): Bilingual {
  const label = STATUS_LABELS[result.status];
  const trend = trendText(f, result);
  const band = growthBand(result);
  const p = `P=${formatRate(result.growth)}`;
  const score = formatNumber(result.score, 4);
  const c = result.coefficient === null ? null : formatNumber(result.coefficient, 4);
  const limitZh = limit === null || c === null ? '' : `，自然上限${formatValue(limit, f.unit)}使各档阈值乘以 C=${c}`;
  const limitEn =
    limit === null || c === null
      ? ''
      : `; the natural limit of ${formatValue(limit, f.unit)} multiplies the bands by C = ${c}`;
  return {
    zh: `无目标值，按${f.t0}年至${f.t}年的${trend.zh}评估：${p}${limitZh}，得分${score}，属${label.zh}（${band.zh}）。`,
    en: `No target: judged on the ${trend.en} from ${f.t0} to ${f.t}: ${p}${limitEn}, score ${score}: ${label.en} (${band.en}).`,
  };
}

function growthBand(result: NoTargetProgress): Bilingual {
  const b = result.bands;
  const [high, med, low] = [b.high, b.med, b.low].map((v) => (v === 0 ? '0' : formatRate(v)));
  if (result.coefficient === 0 && result.status === 'on_track') return same('C=0', 'C = 0');
  switch (result.status) {
    case 'on_track':
      return same(`P≥${high}`, `P ≥ ${high}`);
    case 'behind':
      return same(`${med}≤P<${high}`, `${med} ≤ P < ${high}`);
    case 'far_behind':
      return same(`${low}≤P<${med}`, `${low} ≤ P < ${med}`);
    case 'deteriorating':
    case 'achieved_early':
    case 'achieved':
    case 'ahead':
    case 'insufficient_data':
      return same(`P<${low}`, `P < ${low}`);
  }
}

/** Why nothing could be judged. */
export function explainInsufficient(
  reason: InsufficientReason,
  f: Partial<TargetFigures> & { readonly unit: string },
): Bilingual {
  const label = STATUS_LABELS.insufficient_data;
  switch (reason) {
    case 'no-baseline':
      return {
        zh: `没有基期值，无法评估进度，${label.zh}。`,
        en: `There is no baseline value to measure progress from: ${label.en}.`,
      };
    case 'no-latest':
      return {
        zh: `基期${yearZh(f.t0)}之后尚无监测数据，${label.zh}。`,
        en: `No observation has been reported after the baseline${yearEn(f.t0)}: ${label.en}.`,
      };
    case 'latest-not-after-baseline':
      return {
        zh: `最新数据为${f.t ?? ''}年，不晚于基期${yearZh(f.t0)}，尚无基期之后的监测数据，${label.zh}。`,
        en: `The latest observation (${f.t ?? ''}) is not after the baseline${yearEn(f.t0)}: ${label.en}.`,
      };
    case 'target-not-after-baseline':
      return {
        zh: `目标年份${f.T ?? ''}年不晚于基期${yearZh(f.t0)}，无法计算所需增速，且目标尚未达到，${label.zh}。`,
        en: `The target year (${f.T ?? ''}) is not after the baseline${yearEn(f.t0)}, so no growth can be required, and the target is not met: ${label.en}.`,
      };
    case 'not-finite':
      return {
        zh: `基期值、目标值或最新值不是有效数值，请核对填报数据，${label.zh}。`,
        en: `A baseline, target or latest value is not a valid number; check the reported data: ${label.en}.`,
      };
    case 'lower-bound-decrease': {
      const latest = f.yt === undefined ? '' : formatValue(f.yt, f.unit);
      const target = f.yT === undefined || f.comparator === undefined ? '' : formatTarget(f.yT, f.comparator, f.unit);
      return {
        zh: `${f.t ?? ''}年至少为${latest}：对越低越好的指标，下限不能说明已达到目标${target}，实际值可能更高，${label.zh}。`,
        en: `At least ${latest} in ${f.t ?? ''}: for a lower-is-better indicator a lower bound cannot show the target of ${target} is met, as the true value may be higher: ${label.en}.`,
      };
    }
    case 'lower-bound-uninformative': {
      const latest = f.yt === undefined ? '' : formatValue(f.yt, f.unit);
      return {
        zh: `${f.t ?? ''}年仅知至少为${latest}：这一下限低于按进度应达到的水平，但实际值可能更高，不能据此判断倒退，${label.zh}。`,
        en: `Only a lower bound is known for ${f.t ?? ''} (at least ${latest}): it is below where progress should be, but the true value may be higher, so no decline can be concluded: ${label.en}.`,
      };
    }
    case 'not-computable':
      return {
        zh: `数值超出可计算范围，无法计算进度比，请核对填报数据，${label.zh}。`,
        en: `The values are beyond the range the ratio can be computed in; check the reported data: ${label.en}.`,
      };
  }
}

/** What qualifies a status computed on a lower bound. */
export function lowerBoundNote(f: Figures, sign: 1 | -1): Bilingual {
  const value = formatValue(f.yt, f.unit);
  return sign === 1
    ? {
        zh: `最新值为下限（至少${value}），按下限计算；实际状态可能更好。`,
        en: `The latest value is a lower bound (at least ${value}) and was judged as such: the true status may be better.`,
      }
    : {
        zh: `最新值为下限（至少${value}）：对越低越好的指标，下限不能说明已实现；实际值可能更高，实际状态可能更差。`,
        en: `The latest value is a lower bound (at least ${value}): for a lower-is-better indicator it cannot show achievement; the true value may be higher and the true status worse.`,
      };
}

const ZERO_NAMES: Readonly<Record<ZeroReplaced, Bilingual>> = {
  baseline: { zh: '基期值', en: 'baseline' },
  target: { zh: '目标值', en: 'target' },
  latest: { zh: '最新值', en: 'latest value' },
};

/** Zeros the growth rate took as 0.001. */
export function zeroNote(zeros: readonly ZeroReplaced[]): Bilingual {
  const zh = zeros.map((zero) => ZERO_NAMES[zero].zh).join('、');
  const en = zeros.map((zero) => ZERO_NAMES[zero].en).join(', ');
  return {
    zh: `${zh}为0，年均增速按源方法（sdg-build）以0.001代替，进度比可能失真，请同时参看时间进度（p 与 e）。`,
    en: `The ${en} ${zeros.length > 1 ? 'are' : 'is'} 0: the growth rate takes 0.001 in its place, as sdg-build does, which can distort the ratio: read it beside the schedule (p and e).`,
  };
}

/** The target's comparator asks for the opposite of the catalogue's direction. */
export function comparatorNote(comparator: Comparator, direction: 'increase' | 'decrease'): Bilingual {
  const symbol = COMPARATOR_SYMBOLS[comparator];
  return direction === 'increase'
    ? {
        zh: `目标比较符“${symbol}”与指标方向（越高越好）相反，按目标的比较符判断（越低越好）。`,
        en: `The target's comparator "${symbol}" runs against the indicator's direction (higher is better): judged as the target states it (lower is better).`,
      }
    : {
        zh: `目标比较符“${symbol}”与指标方向（越低越好）相反，按目标的比较符判断（越高越好）。`,
        en: `The target's comparator "${symbol}" runs against the indicator's direction (lower is better): judged as the target states it (higher is better).`,
      };
}

/** The base of a no-target row is already past its natural limit. */
export function limitNote(f: Figures, limit: number): Bilingual {
  return {
    zh: `基期值${formatValue(f.y0, f.unit)}已越过自然上限${formatValue(limit, f.unit)}，上限系数可能失真。`,
    en: `The baseline ${formatValue(f.y0, f.unit)} is already past the natural limit of ${formatValue(limit, f.unit)}: the limit coefficient may mislead.`,
  };
}

export const RED_LINE_NOTE: Bilingual = {
  zh: '约束性指标未达到“基本符合预期”，红线预警。',
  en: 'A binding indicator that is not on track: red-line warning.',
};

function same(zh: string, en: string): Bilingual {
  return { zh, en };
}

function bandNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : formatNumber(value);
}

function yearZh(year: number | undefined): string {
  return year === undefined ? '' : `${year}年`;
}

function yearEn(year: number | undefined): string {
  return year === undefined ? '' : ` (${year})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
