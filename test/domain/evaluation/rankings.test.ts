/** Rankings of regions on an indicator and their move since last year (位次前移). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankChanges, rankRegions } from '../../../src/domain/evaluation/rankings.ts';

describe('rankRegions', () => {
  it('ranks the highest first for an increase indicator, with ties sharing a rank and the next skipped', () => {
    const ranks = rankRegions(
      [
        { regionCode: '140100', value: 97.7 },
        { regionCode: '140500', value: 99.2 },
        { regionCode: '140900', value: 97.7 },
        { regionCode: '140300', value: 95 },
      ],
      'increase',
    );
    expect(ranks.map((rank) => [rank.regionCode, rank.rank])).toEqual([
      ['140500', 1],
      ['140100', 2],
      ['140900', 2],
      ['140300', 4],
    ]);
  });

  it('ranks the lowest first for a decrease indicator (近视率)', () => {
    const ranks = rankRegions(
      [
        { regionCode: 'a', value: 53.6 },
        { regionCode: 'b', value: 51.9 },
      ],
      'decrease',
    );
    expect(ranks[0]?.regionCode).toBe('b');
  });

  it('always gives each region a rank between 1 and the count, and a better value never a worse rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 15 }), (values) => {
        const ranks = rankRegions(
          values.map((value, i) => ({ regionCode: String(i).padStart(6, '0'), value })),
          'increase',
        );
        for (const a of ranks) {
          expect(a.rank).toBeGreaterThanOrEqual(1);
          expect(a.rank).toBeLessThanOrEqual(values.length);
          for (const b of ranks) if (a.value > b.value) expect(a.rank).toBeLessThan(b.rank);
        }
      }),
    );
  });
});

describe('rankChanges', () => {
  it('counts places moved forward, and leaves a region new to the ranking without a change', () => {
    const before = rankRegions(
      [
        { regionCode: '140100', value: 98.5 },
        { regionCode: '140500', value: 97 },
      ],
      'increase',
    );
    const now = rankRegions(
      [
        { regionCode: '140500', value: 99.2 },
        { regionCode: '140900', value: 98 },
      ],
      'increase',
    );
    expect(
      rankChanges(now, before).map((rank) => [rank.regionCode, rank.rank, rank.previousRank, rank.change]),
    ).toEqual([
      ['140500', 1, 2, 1],
      ['140900', 2, null, null],
    ]);
  });
});
