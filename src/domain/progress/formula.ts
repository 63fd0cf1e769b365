/**
 * The formula behind each status, with symbols and with the indicator's own numbers, so the API can show the
 * arithmetic that produced it (DESIGN.md: "Every status is explainable").
 */
import type { Comparator } from '../../ingest/types.ts';
import type { TargetGrowth } from './anticipated.ts';
import { substituteZero } from './cagr.ts';
import { COMPARATOR_SYMBOLS } from './comparator.ts';
import type { TargetFigures } from './explain.ts';
import { formatNumber } from './format.ts';
import type { NoTargetCase, NoTargetProgress } from './no-target.ts';
import type { ProgressFormula } from './types.ts';

const NEGATED: Readonly<Record<Comparator, string>> = { '>=': '<', '>': '≤', '<=': '>', '<': '≥' };

const CAGR_DEFINITION = 'CAGR(v_1, v_0, t_1, t_0) = (v_1/v_0)^(1/(t_1 − t_0)) − 1';

/** The achievement test: y_t against y_T under the target's comparator, as it came out. */
export function comparisonFormula(f: TargetFigures, holds: boolean, maintain: boolean): ProgressFormula {
  const symbol = COMPARATOR_SYMBOLS[f.comparator];
  return {
    name: maintain
      ? {
          zh: '保持型目标（目标值等于基期值）：按比较符判断',
          en: 'maintain target (equal to the baseline): the comparator decides',
        }
      : { zh: '目标达成判断：最新值与目标值比较', en: 'target test: the latest value against the target' },
    expression: `y_t ${symbol} y_T`,
    substituted: `${f.yt} ${holds ? symbol : NEGATED[f.comparator]} ${f.yT}`,
  };
}

/** The progress ratio, compound (Open SDG) or linear. */
export function ratioFormula(f: TargetFigures, sign: 1 | -1, growth: TargetGrowth): ProgressFormula {
  const ratio = formatNumber(growth.ratio ?? NaN, 4);
  if (growth.method === 'linear') {
    return {
      name: {
        zh: '线性进度比（数值跨越零，年均增速无定义）：实际年均变化 ÷ 所需年均变化',
        en: 'linear progress ratio (the values cross zero, so no CAGR exists): observed ÷ required change per year',
      },
      expression: 'R = d·((y_t − y_0)/(t − t_0)) / |(y_T − y_0)/(T − t_0)|',
      substituted:
        `R = (${signed(sign)})·((${f.yt} − ${term(f.y0)})/(${f.t} − ${f.t0})) / |(${f.yT} − ${term(f.y0)})/(${f.T} − ${f.t0})|` +
        ` = ${formatNumber(growth.observed.rate, 6)} / ${formatNumber(Math.abs(growth.required), 6)} = ${ratio}`,
    };
  }
  const y0 = substituteZero(f.y0, f.yT);
  const yT = substituteZero(f.yT, y0);
  const yt = substituteZero(f.yt, y0);
  return {
    name: {
      zh: '预期进度法（Open SDG / 加拿大统计局）：实际年均增速 ÷ 所需年均增速',
      en: 'anticipated progress (Open SDG / Statistics Canada): observed ÷ required compound annual growth',
    },
    expression: `R = sign(y_0)·d·CAGR(y_t, y_0, t, t_0) / |CAGR(y_T, y_0, T, t_0)|; ${CAGR_DEFINITION}`,
    substituted:
      `R = (${signed(Math.sign(y0) < 0 ? -1 : 1)})·(${signed(sign)})·CAGR(${yt}, ${y0}, ${f.t}, ${f.t0})` +
      ` / |CAGR(${yT}, ${y0}, ${f.T}, ${f.t0})| = ${formatNumber(growth.observed.rate, 6)}` +
      ` / ${formatNumber(Math.abs(growth.required), 6)} = ${ratio}`,
  };
}

/** The no-target growth and, with a natural limit, the coefficient its bands are multiplied by. */
export function noTargetFormula(c: NoTargetCase, result: NoTargetProgress, exponent: number): ProgressFormula {
  const growth = formatNumber(result.growth, 6);
  const limit =
    result.coefficient === null || c.limit === null
      ? ''
      : `; C = ${coefficientTerms(c.y0, c.limit, exponent)} = ${formatNumber(result.coefficient, 4)}`;
  const expression =
    result.observed.kind === 'compound'
      ? `P = sign(y_0)·d·CAGR(y_t, y_0, t, t_0); ${CAGR_DEFINITION}`
      : 'P = d·((y_t − y_0)/(t − t_0))/|y_0|';
  const y0 = substituteZero(c.y0, c.yt);
  const substituted =
    result.observed.kind === 'compound'
      ? `P = (${signed(y0 < 0 ? -1 : 1)})·(${signed(c.sign)})·CAGR(${substituteZero(c.yt, y0)}, ${y0}, ${c.t}, ${c.t0}) = ${growth}`
      : `P = (${signed(c.sign)})·((${c.yt} − ${term(c.y0)})/(${c.t} − ${c.t0}))/|${y0}| = ${growth}`;
  return {
    name: {
      zh: '无目标值的进度（Open SDG / 加拿大统计局）：年均增速与阈值比较，接近自然上限时阈值乘以上限系数 C',
      en: 'progress without a target (Open SDG / Statistics Canada): the growth rate against bands, multiplied by the limit coefficient C near a natural limit',
    },
    expression: `${expression}${c.limit === null ? '' : `; C = 1 − (|y_0|/|L|)^${exponent} (|y_0| ≤ |L|)`}`,
    substituted: `${substituted}${limit}`,
  };
}

/** The branch of limitCoefficient that applies, with the numbers in place. */
function coefficientTerms(base: number, limit: number, exponent: number): string {
  const b = Math.abs(base);
  const l = Math.abs(limit);
  if (b >= 2 * l) return '1';
  if (b <= l) return `1 − (${b}/${l})^${exponent}`;
  return `1 − ((2·${l} − ${b})/${l})^${exponent}`;
}

/** A number after a minus sign, bracketed when negative: 3 − (−5). */
function term(value: number): string {
  return value < 0 ? `(${value})` : String(value);
}

function signed(sign: number): string {
  return sign < 0 ? '−1' : '+1';
}
