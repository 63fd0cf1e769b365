/**
 * The two published Statistics Canada cases (Canadian Indicator Framework, computed with sdg-build 2.4.0), read from
 * the copy of ../shared/data/progress-test-vectors.json beside this file: CI has only the repository.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assessProgress,
  DEFAULT_BANDS,
  limitCoefficient,
  noTargetScore,
  targetScore,
} from '../../../src/domain/progress/index.ts';
import type { ProgressInput } from '../../../src/domain/progress/index.ts';

interface VectorCase {
  id: string;
  method: 'target' | 'no_target';
  direction: 'positive' | 'negative';
  base_year: number;
  base_value: number;
  latest_year: number;
  latest_value: number;
  target_year?: number;
  target?: number;
  limit?: number;
  expected: { ratio?: number; cagr?: number; limit_coefficient?: number; score: number; status: string };
}

interface Vectors {
  cases: VectorCase[];
  bands: {
    target: { high: number; med: number; low: number };
    no_target: { high: number; med: number; low: number; limit_exponent: number };
  };
}

const vectors = JSON.parse(readFileSync(new URL('./progress-test-vectors.json', import.meta.url), 'utf8')) as Vectors;

function inputOf(c: VectorCase): ProgressInput {
  return {
    direction: c.direction === 'positive' ? 'increase' : 'decrease',
    baseline: { year: c.base_year, value: c.base_value },
    target:
      c.target === undefined || c.target_year === undefined
        ? null
        : { year: c.target_year, value: c.target, comparator: null },
    latest: { year: c.latest_year, value: c.latest_value },
    binding: false,
    limit: c.limit ?? null,
  };
}

function vector(id: string): VectorCase {
  const found = vectors.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no vector ${id}`);
  return found;
}

describe('the published Statistics Canada vectors', () => {
  it('uses the bands the vectors were computed with as its defaults', () => {
    const { target, no_target } = vectors.bands;
    expect(DEFAULT_BANDS.target).toEqual(target);
    expect(DEFAULT_BANDS.noTarget).toEqual({
      high: no_target.high,
      med: no_target.med,
      low: no_target.low,
      limitExponent: no_target.limit_exponent,
    });
  });

  it('reproduces CIF 1-1-1 (target method, lower is better): ratio 0.90109, score 2.1507, moderate progress', () => {
    const c = vector('CIF 1-1-1');
    const result = assessProgress(inputOf(c));
    expect(result.method).toBe('anticipated');
    expect(result.ratio).toBeCloseTo(c.expected.ratio ?? NaN, 4);
    expect(result.score).toBeCloseTo(c.expected.score, 4);
    expect(result.sdgStatus).toBe(c.expected.status);
    expect(result.status).toBe('behind');
    expect(result.label.zh).toBe('进度滞后');
  });

  it('reproduces CIF 1-2-1 (no target, limit 100): CAGR 0.009991, C 0.8355, score 1.7398, moderate progress', () => {
    const c = vector('CIF 1-2-1');
    const result = assessProgress(inputOf(c));
    expect(result.method).toBe('no-target');
    expect(result.rates?.observed).toBeCloseTo(c.expected.cagr ?? NaN, 6);
    expect(result.growth).toBeCloseTo(c.expected.cagr ?? NaN, 6);
    expect(result.limitCoefficient).toBeCloseTo(c.expected.limit_coefficient ?? NaN, 4);
    expect(result.score).toBeCloseTo(c.expected.score, 4);
    expect(result.sdgStatus).toBe(c.expected.status);
    expect(result.status).toBe('behind');
    // The bands the growth was read against, already reduced by C: 1.5% and 0.5% a year times 0.8355.
    expect(result.bands.high).toBeCloseTo(0.015 * 0.835477, 6);
    expect(result.bands.med).toBeCloseTo(0.005 * 0.835477, 6);
  });

  it('takes the limit coefficient from the base value, as sdg-build does (1 − 0.666^4.44), not from the latest', () => {
    expect(limitCoefficient(66.6, 100)).toBeCloseTo(0.835477, 6);
    expect(limitCoefficient(71.4, 100)).not.toBeCloseTo(0.8355, 4);
    // Above the limit the distance mirrors; from twice the limit there is no reduction; on the limit no growth is due.
    expect(limitCoefficient(120, 100)).toBeCloseTo(limitCoefficient(80, 100), 12);
    expect(limitCoefficient(250, 100)).toBe(1);
    expect(limitCoefficient(100, 100)).toBe(0);
    expect(limitCoefficient(0, 0)).toBe(1);
  });

  it('scores on the formulas the vectors file states, continuous at the default bands', () => {
    const bands = DEFAULT_BANDS.target;
    expect(targetScore(0.95, bands)).toBeCloseTo(2.5, 3);
    expect(targetScore(0.6, bands)).toBeCloseTo(0, 3);
    expect(targetScore(0, bands)).toBeCloseTo(-2.5, 3);
    expect(targetScore(3, bands)).toBe(5);
    expect(targetScore(-3, bands)).toBe(-5);
    const growth = { high: 0.015, med: 0.005, low: 0 };
    expect(noTargetScore(0.015, growth, 1)).toBeCloseTo(2.5, 10);
    expect(noTargetScore(0.005, growth, 1)).toBeCloseTo(0, 10);
    expect(noTargetScore(0, growth, 1)).toBeCloseTo(-2.5, 10);
    expect(noTargetScore(-0.1, growth, 1)).toBe(-5);
    expect(noTargetScore(0.001, { high: 0, med: 0, low: 0 }, 0)).toBe(5);
  });
});
