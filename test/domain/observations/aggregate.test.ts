/**
 * Aggregation up the region tree: ratios from summed numerators and denominators (never averaged percentages),
 * counts summed, completeness beside every aggregate, a region's own figure kept and its difference flagged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { dataElements } from '../../../src/domain/catalogue/elements.ts';
import { aggregate } from '../../../src/domain/observations/aggregate.ts';
import type { RegionNode } from '../../../src/domain/observations/aggregate.ts';
import { subjectRegistry } from '../../../src/domain/observations/subjects.ts';
import type { Subject } from '../../../src/domain/observations/subjects.ts';

const registry = subjectRegistry(defaultCatalogue, dataElements);
const subject = (id: string): Subject => {
  const found = registry.byId(id);
  if (found === undefined) throw new Error(id);
  return found;
};
const rate = subject('preschool-gross-enrolment-rate');
const children = subject('kindergarten-children');

const leaf = (code: string): RegionNode => ({ code, children: [] });
const city: RegionNode = { code: '140900', children: [leaf('140902'), leaf('140921'), leaf('140922')] };

const lookupOf =
  (values: Record<string, Record<string, number>>) =>
  (region: string, id: string): number | undefined =>
    values[region]?.[id];

describe('aggregating a ratio', () => {
  it('divides the summed numerators by the summed denominators, not the mean of the rates', () => {
    // 90% of 1,000 and 100% of 9,000: the city's rate is 99%, while the mean of the rates would be 95%.
    const result = aggregate(
      city,
      rate,
      registry,
      lookupOf({
        '140902': { 'kindergarten-children': 900, 'population-aged-3-5': 1_000 },
        '140921': { 'kindergarten-children': 9_000, 'population-aged-3-5': 9_000 },
      }),
    );
    expect(result).toMatchObject({
      method: 'ratio-of-sums',
      computed: 99,
      numerator: 9_900,
      denominator: 10_000,
      completeness: { reporting: 2, expected: 3, missing: ['140922'] },
    });
  });

  it('keeps what the region reported beside the computed figure and flags a real difference', () => {
    const values = {
      '140900': { 'preschool-gross-enrolment-rate': 96.1 },
      '140902': { 'kindergarten-children': 900, 'population-aged-3-5': 1_000 },
    };
    const result = aggregate(city, rate, registry, lookupOf(values));
    expect(result).toMatchObject({ reported: 96.1, computed: 90, difference: 6.1, differs: true });
    const close = aggregate(
      city,
      rate,
      registry,
      lookupOf({ ...values, '140900': { 'preschool-gross-enrolment-rate': 90.05 } }),
    );
    expect(close.differs).toBe(false);
  });

  it('computes a county from its own two elements, and says why when one is missing', () => {
    const own = aggregate(
      leaf('140902'),
      rate,
      registry,
      lookupOf({ '140902': { 'kindergarten-children': 960, 'population-aged-3-5': 1_000 } }),
    );
    expect(own).toMatchObject({ method: 'own-elements', computed: 96, completeness: null });
    const half = aggregate(leaf('140902'), rate, registry, lookupOf({ '140902': { 'kindergarten-children': 960 } }));
    expect(half.computed).toBeNull();
    expect(half.reason?.zh).toContain('分子和分母');
  });

  it('lies between the lowest and highest child rate (the mediant), whatever the figures', () => {
    const county = fc.record({
      top: fc.integer({ min: 0, max: 100_000 }),
      bottom: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(county, { minLength: 1, maxLength: 12 }), (counties) => {
        const tree: RegionNode = { code: '140900', children: counties.map((_, i) => leaf(String(140_901 + i))) };
        const values = Object.fromEntries(
          counties.map((one, i) => [
            String(140_901 + i),
            { 'kindergarten-children': one.top, 'population-aged-3-5': one.bottom },
          ]),
        );
        const result = aggregate(tree, rate, registry, lookupOf(values));
        const rates = counties.map((one) => (one.top / one.bottom) * 100);
        expect(result.computed).not.toBeNull();
        // Figures are rounded to 10 significant digits, so the bounds allow that much.
        const slack = Math.max(...rates) * 1e-9 + 1e-9;
        expect(result.computed ?? Number.NaN).toBeGreaterThanOrEqual(Math.min(...rates) - slack);
        expect(result.computed ?? Number.NaN).toBeLessThanOrEqual(Math.max(...rates) + slack);
        expect(result.completeness).toMatchObject({ reporting: counties.length, expected: counties.length });
      }),
    );
  });
});

describe('aggregating a count', () => {
  it('sums the children, through a city that did not report, down to its counties', () => {
    const province: RegionNode = { code: '140000', children: [city, leaf('140100')] };
    const result = aggregate(
      province,
      children,
      registry,
      lookupOf({
        '140902': { 'kindergarten-children': 900 },
        '140921': { 'kindergarten-children': 400 },
        '140100': { 'kindergarten-children': 5_000 },
      }),
    );
    expect(result).toMatchObject({ method: 'sum', computed: 6_300, completeness: { reporting: 2, expected: 2 } });
  });

  it('does not depend on the order of the children', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 10 }), (counts) => {
        const codes = counts.map((_, i) => String(140_901 + i));
        const values = Object.fromEntries(codes.map((code, i) => [code, { 'kindergarten-children': counts[i] ?? 0 }]));
        const forward = aggregate({ code: 'x', children: codes.map(leaf) }, children, registry, lookupOf(values));
        const backward = aggregate(
          { code: 'x', children: [...codes].reverse().map(leaf) },
          children,
          registry,
          lookupOf(values),
        );
        expect(forward.computed).toBe(backward.computed);
        expect(forward.computed).toBe(counts.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('an indicator without a formula', () => {
  it('is not aggregated, and says why', () => {
    const quality = subject('preschool-quality-rate');
    const result = aggregate(city, quality, registry, lookupOf({ '140902': { 'preschool-quality-rate': 80 } }));
    expect(result).toMatchObject({ method: 'none', computed: null });
    expect(result.reason?.zh).toContain('不能由下级数据汇总');
  });
});
