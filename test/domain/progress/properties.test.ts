/**
 * Properties a reader relies on without checking: a better figure never reads worse, lower-is-better mirrors
 * higher-is-better, a lower bound never claims more than it shows, and no input, however odd, breaks the method.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProgress, statusRank } from '../../../src/domain/progress/index.ts';
import type { ProgressAssessment, ProgressInput, ProgressStatus } from '../../../src/domain/progress/index.ts';
import type { Comparator } from '../../../src/ingest/types.ts';

/** Values as plans print them: two decimals, negatives and zero included. */
const value = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100);

/** Baseline year, latest year after it, target year after the baseline (before or after the latest). */
const years = fc
  .record({
    t0: fc.integer({ min: 2000, max: 2030 }),
    dt: fc.integer({ min: 1, max: 10 }),
    dT: fc.integer({ min: 1, max: 15 }),
  })
  .map(({ t0, dt, dT }) => ({ t0, t: t0 + dt, T: t0 + dT }));

const upward = fc.constantFrom<Comparator | null>(null, '>=', '>');

interface Case {
  readonly y0: number;
  readonly yT: number | null;
  readonly comparator: Comparator | null;
  readonly t0: number;
  readonly t: number;
  readonly T: number;
  readonly limit: number | null;
  readonly binding: boolean;
}

const cases: fc.Arbitrary<Case> = fc
  .record({
    y0: value,
    yT: fc.option(value, { freq: 5 }),
    comparator: upward,
    limit: fc.option(fc.constantFrom(100, 1000), { freq: 2 }),
    binding: fc.boolean(),
    years,
  })
  .map(({ years: y, ...rest }) => ({ ...rest, ...y }));

/**
 * A latest value for the case: anywhere, or on a fine grid along the way from the baseline to the target (where the
 * bands and the 快于预期 rule draw their lines), rounded to two decimals as plans print them.
 */
function latestFor(c: Case): fc.Arbitrary<number> {
  const span = c.yT === null ? Math.max(Math.abs(c.y0), 1) / 10 : c.yT - c.y0;
  const along = fc.integer({ min: -80, max: 120 }).map((k) => Math.round((c.y0 + (k / 80) * span) * 100) / 100);
  return fc.oneof(value, along);
}

/** A case with two latest values, for comparisons. */
const withLatest = cases.chain((c) => fc.tuple(fc.constant(c), latestFor(c), latestFor(c)));

/** A higher-is-better input (the comparator, when printed, asks for more). */
function increase(c: Case, yt: number, qualifier: 'exact' | 'at_least' = 'exact'): ProgressInput {
  return {
    direction: 'increase',
    baseline: { year: c.t0, value: c.y0 },
    target: c.yT === null ? null : { year: c.T, value: c.yT, comparator: c.comparator },
    latest: { year: c.t, value: yt, qualifier },
    binding: c.binding,
    limit: c.limit,
  };
}

const FLIPPED: Readonly<Record<Comparator, Comparator>> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };

/** The same indicator measured the other way round: every value negated, lower now better. */
function mirrored(input: ProgressInput): ProgressInput {
  const { baseline, target, latest } = input;
  return {
    ...input,
    direction: input.direction === 'increase' ? 'decrease' : 'increase',
    baseline: baseline === null ? null : { ...baseline, value: -baseline.value },
    target:
      target === null
        ? null
        : {
            ...target,
            value: -target.value,
            comparator: target.comparator === null ? null : FLIPPED[target.comparator],
          },
    latest: latest === null ? null : { ...latest, value: -latest.value },
    limit: input.limit === null ? null : -input.limit,
  };
}

function rank(result: ProgressAssessment): number {
  const found = statusRank(result.status);
  if (found === null) throw new Error(`unexpected ${result.status}: ${result.explanation.en}`);
  return found;
}

/** −0 and +0 are one number to a reader. */
const plain = (x: number | null): number | null => (x === null ? null : x + 0);

const STATUSES: readonly ProgressStatus[] = [
  'achieved_early',
  'achieved',
  'ahead',
  'on_track',
  'behind',
  'far_behind',
  'deteriorating',
  'insufficient_data',
];

describe('progress properties', () => {
  it('never reads a higher figure of a higher-is-better indicator as worse', () => {
    fc.assert(
      fc.property(withLatest, ([c, a, b]) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rank(assessProgress(increase(c, low)))).toBeLessThanOrEqual(rank(assessProgress(increase(c, high))));
      }),
      { numRuns: 2000 },
    );
  });

  it('mirrors: negating every value and the direction gives the same status, ratio and score', () => {
    fc.assert(
      fc.property(withLatest, ([c, yt]) => {
        const input = increase(c, yt);
        const original = assessProgress(input);
        const flipped = assessProgress(mirrored(input));
        expect(flipped.status).toBe(original.status);
        expect(flipped.method).toBe(original.method);
        expect(plain(flipped.ratio)).toBe(plain(original.ratio));
        expect(plain(flipped.growth)).toBe(plain(original.growth));
        expect(plain(flipped.score)).toBe(plain(original.score));
        expect(flipped.redLine).toBe(original.redLine);
      }),
      { numRuns: 2000 },
    );
  });

  it('judges a lower bound of a higher-is-better indicator as the value, flagged unless achieved, claiming no decline', () => {
    fc.assert(
      fc.property(withLatest, ([c, yt]) => {
        const exact = assessProgress(increase(c, yt));
        const bound = assessProgress(increase(c, yt, 'at_least'));
        // The least a bound can show; when that is a decline, the truth may be anything, so nothing is claimed.
        expect(bound.status).toBe(exact.status === 'deteriorating' ? 'insufficient_data' : exact.status);
        if (exact.status === 'deteriorating') expect(bound.insufficientReason).toBe('lower-bound-uninformative');
        const certain = bound.status === 'achieved' || bound.status === 'achieved_early';
        expect(bound.lowerBound).toBe(
          !certain && (bound.status !== 'insufficient_data' || exact.status === 'deteriorating'),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a lower bound of a lower-is-better indicator claim achievement', () => {
    fc.assert(
      fc.property(withLatest, ([c, yt]) => {
        const input = mirrored(increase(c, yt));
        const exact = assessProgress(input);
        const bound = assessProgress({ ...input, latest: { year: c.t, value: -yt, qualifier: 'at_least' } });
        expect(bound.status).not.toMatch(/^achieved/u);
        expect(bound.status).toBe(exact.status.startsWith('achieved') ? 'insufficient_data' : exact.status);
      }),
      { numRuns: 1000 },
    );
  });

  it('raises the red line exactly for binding indicators neither achieved, ahead, on track nor without data', () => {
    fc.assert(
      fc.property(withLatest, ([c, yt]) => {
        const result = assessProgress(increase(c, yt));
        const safe = ['achieved_early', 'achieved', 'ahead', 'on_track', 'insufficient_data'].includes(result.status);
        expect(result.redLine).toBe(c.binding && !safe);
      }),
      { numRuns: 1000 },
    );
  });

  it('calls 快于预期 only with R ≥ 1 and more of the change done than of the time gone', () => {
    fc.assert(
      fc.property(withLatest, ([c, yt]) => {
        const result = assessProgress(increase(c, yt));
        if (result.status !== 'ahead') return;
        expect(result.ratio).toBeGreaterThanOrEqual(1);
        expect(result.schedule.progress).toBeGreaterThan(result.schedule.elapsed ?? Infinity);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and always gives a status, a label and a sentence in both languages', () => {
    const number = fc.oneof(fc.double(), fc.constantFrom(0, -0, 0.001, -1, 1e308, -1e308, 5e-324));
    const year = fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.double());
    const point = fc.record({ year, value: number });
    const input: fc.Arbitrary<ProgressInput> = fc.record({
      direction: fc.constantFrom('increase' as const, 'decrease' as const),
      baseline: fc.option(point),
      target: fc.option(
        fc.record({ year, value: number, comparator: fc.constantFrom<Comparator | null>(null, '>=', '>', '<=', '<') }),
      ),
      latest: fc.option(
        fc.record({ year, value: number, qualifier: fc.constantFrom('exact' as const, 'at_least' as const) }),
      ),
      binding: fc.boolean(),
      limit: fc.option(number),
      bands: fc.record(
        {
          target: fc.record({ high: number, med: number, low: number }, { requiredKeys: [] }),
          noTarget: fc.record({ high: number, med: number, low: number, limitExponent: number }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      unit: fc.constantFrom('%', '万人', '年', null),
    });
    fc.assert(
      fc.property(input, (i) => {
        const result = assessProgress(i);
        expect(STATUSES).toContain(result.status);
        expect(result.label.zh.length).toBeGreaterThan(0);
        expect(result.explanation.zh.length).toBeGreaterThan(0);
        expect(result.explanation.en.length).toBeGreaterThan(0);
        expect(`${result.explanation.zh}${result.explanation.en}`).not.toMatch(/undefined|null/u);
        expect(result.status === 'insufficient_data').toBe(result.insufficientReason !== null);
      }),
      { numRuns: 5000 },
    );
  });

  it('judges the same without its sentences: every status and number equal, only the text left out', () => {
    const input: fc.Arbitrary<ProgressInput> = withLatest.chain(([c, yt]) =>
      fc
        .record({
          binding: fc.boolean(),
          atLeast: fc.boolean(),
          withTarget: fc.boolean(),
          direction: fc.constantFrom('increase' as const, 'decrease' as const),
          comparator: fc.constantFrom<Comparator | null>(null, '>=', '>', '<=', '<'),
          limit: fc.option(fc.constantFrom(100, 25)),
        })
        .map(({ binding, atLeast, withTarget, direction, comparator, limit }) => ({
          ...increase(c, yt),
          direction,
          binding,
          limit,
          target: withTarget && c.yT !== null ? { year: c.T, value: c.yT, comparator } : null,
          latest: { year: c.t, value: yt, qualifier: atLeast ? 'at_least' : 'exact' },
        })),
    );
    fc.assert(
      fc.property(input, (i) => {
        const full = assessProgress(i);
        const bare = assessProgress(i, { narrate: false });
        expect(bare).toEqual({ ...full, formula: null, explanation: { zh: '', en: '' }, notes: [] });
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});
