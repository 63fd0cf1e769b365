/** The next plan's new baselines and trend projections. */
import { describe, expect, it } from 'vitest';
import { nextPlanFigures } from '../../../src/domain/evaluation/next-plan.ts';
import { fiveYearPlanName } from '../../../src/reports/next-plan.ts';

const point = (year: number, value: number) => ({
  year,
  value,
  qualifier: 'exact' as const,
  provenance: 'reported' as const,
});

describe('nextPlanFigures', () => {
  it('projects the average growth rate of the current plan to the next plan’s last year', () => {
    const figures = nextPlanFigures({
      baseline: { year: 2020, value: 90.8 },
      series: [point(2024, 96)],
      periodEnd: 2025,
      nextEnd: 2030,
    });
    expect(figures.newBaseline?.value).toBe(96);
    // The 2025 figure is missing: the baseline comes from 2024, and says so.
    expect(figures.baselineEarlier).toBe(true);
    expect(figures.projection?.value).toBeCloseTo(96 * (96 / 90.8) ** (6 / 4), 3);
  });

  it('uses the yearly change when the values reach zero, and projects nothing without a figure', () => {
    const zero = nextPlanFigures({
      baseline: { year: 2020, value: 0 },
      series: [point(2025, 666)],
      periodEnd: 2025,
      nextEnd: 2030,
    });
    expect(zero.projection).toMatchObject({ method: 'linear', value: 1332 });
    const none = nextPlanFigures({ baseline: { year: 2020, value: 5 }, series: [], periodEnd: 2025, nextEnd: 2030 });
    expect(none).toMatchObject({ newBaseline: null, projection: null });
  });

  it('names the five-year plans', () => {
    expect([fiveYearPlanName(2021), fiveYearPlanName(2026), fiveYearPlanName(2016), fiveYearPlanName(1981)]).toEqual([
      '十四五',
      '十五五',
      '十三五',
      '六五',
    ]);
  });
});
