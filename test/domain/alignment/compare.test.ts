import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBounds, toleranceFor } from '../../../src/domain/alignment/compare.ts';
import type { Bound, Comparison, Direction } from '../../../src/domain/alignment/compare.ts';
import type { Comparator } from '../../../src/ingest/types.ts';

const PERCENT = toleranceFor('%');
const YEARS = toleranceFor('年');

function bound(printed: string): Bound {
  const match = /^(>=|>|<=|<)?(.+)$/.exec(printed);
  const comparator = (match?.[1] ?? null) as Comparator | null;
  return { value: Number(match?.[2]), comparator };
}

function compare(child: string, parent: string, direction: Direction = 'increase', tolerance = PERCENT): Comparison {
  return compareBounds(bound(child), bound(parent), direction, tolerance);
}

describe('the ambition rule', () => {
  it.each([
    ['96.5', '95', 'more-ambitious', 'beyond-tolerance'],
    ['95', '96.5', 'less-ambitious', 'beyond-tolerance'],
    ['96.5', '96.5', 'aligned', 'equal'],
    ['>=99.97', '>99.95', 'aligned', 'within-tolerance'],
    ['96.55', '96.5', 'aligned', 'within-tolerance'],
    ['96.56', '96.5', 'more-ambitious', 'beyond-tolerance'],
  ] as const)('%s against %s (%%, increase) is %s (%s)', (child, parent, verdict, basis) => {
    expect(compare(child, parent)).toMatchObject({ verdict, basis });
  });

  it.each([
    ['>85', '85', 'more-ambitious'],
    ['>85', '>=85', 'more-ambitious'],
    ['85', '>85', 'less-ambitious'],
    ['>85', '>85', 'aligned'],
    ['>=85', '85', 'aligned'],
    ['<=85', '85', 'aligned'],
  ] as const)('reads a strict bound as just above its number: %s against %s is %s', (child, parent, verdict) => {
    expect(compare(child, parent).verdict).toBe(verdict);
  });

  it('lets strictness break only a tie: >85 against 85.03 is within the rounding tolerance', () => {
    expect(compare('>85', '85.03')).toMatchObject({ verdict: 'aligned', basis: 'within-tolerance' });
  });

  it('mirrors for lower-is-better indicators, where "<" stands just below its number', () => {
    expect(compare('4', '5', 'decrease')).toMatchObject({ verdict: 'more-ambitious', difference: -1 });
    expect(compare('<5', '<=5', 'decrease')).toMatchObject({ verdict: 'more-ambitious', basis: 'strict-bound' });
    expect(compare('>5', '5', 'decrease').verdict).toBe('less-ambitious');
  });

  it('takes 0.5% of the larger value as the tolerance outside percentages', () => {
    expect(YEARS).toEqual({ kind: 'relative', share: 0.005 });
    expect(toleranceFor('％')).toEqual({ kind: 'absolute', amount: 0.05 });
    expect(compare('11.62', '11.6', 'increase', YEARS)).toMatchObject({
      verdict: 'aligned',
      basis: 'within-tolerance',
    });
    expect(compare('100.5', '100', 'increase', YEARS)).toMatchObject({ verdict: 'aligned' });
    expect(compare('100', '100.6', 'increase', YEARS)).toMatchObject({ verdict: 'less-ambitious' });
  });

  it('reports the difference without floating-point noise', () => {
    expect(compare('99.97', '99.95').difference).toBe(0.02);
    expect(compare('0.1', '0.3', 'increase', YEARS).difference).toBe(-0.2);
  });
});

describe('properties of the ambition rule', () => {
  // Hundredths of a percent up to 200: equal numbers (and so comparator ties) come up often enough to matter.
  const value = fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100);
  const comparator = fc.constantFrom<Comparator | null>(null, '>=', '>', '<=', '<');
  const anyBound = fc.record({ value, comparator });
  const direction = fc.constantFrom<Direction>('increase', 'decrease');
  const tolerance = fc.constantFrom(PERCENT, YEARS);
  const MIRROR = { 'more-ambitious': 'less-ambitious', 'less-ambitious': 'more-ambitious', aligned: 'aligned' };
  const FLIPPED: Record<Direction, Direction> = { increase: 'decrease', decrease: 'increase' };

  it('mirrors more and less ambitious when the direction flips', () => {
    fc.assert(
      fc.property(anyBound, anyBound, direction, tolerance, (child, parent, d, t) => {
        const flipped = compareBounds(child, parent, FLIPPED[d], t);
        const original = compareBounds(child, parent, d, t);
        expect(flipped.verdict).toBe(MIRROR[original.verdict]);
        expect(flipped.basis).toBe(original.basis);
      }),
    );
  });

  it('swaps more and less ambitious when child and parent swap', () => {
    fc.assert(
      fc.property(anyBound, anyBound, direction, tolerance, (child, parent, d, t) => {
        const swapped = compareBounds(parent, child, d, t);
        const original = compareBounds(child, parent, d, t);
        expect(swapped.verdict).toBe(MIRROR[original.verdict]);
        expect(swapped.difference).toBe(0 - original.difference);
      }),
    );
  });

  it('is aligned with itself, whatever the comparator', () => {
    fc.assert(
      fc.property(anyBound, direction, tolerance, (target, d, t) => {
        expect(compareBounds(target, target, d, t)).toEqual({ verdict: 'aligned', basis: 'equal', difference: 0 });
      }),
    );
  });

  it('calls a higher target more ambitious for an increase once it is beyond 0.05 points', () => {
    fc.assert(
      fc.property(anyBound, fc.integer({ min: 6, max: 5000 }), comparator, (parent, hundredths, c) => {
        const child = { value: parent.value + hundredths / 100, comparator: c };
        expect(compareBounds(child, parent, 'increase', PERCENT).verdict).toBe('more-ambitious');
      }),
    );
  });
});
