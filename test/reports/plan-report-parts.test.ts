/**
 * The small parts of a plan report, without a database: how names, years and figures are written, which year each
 * kind of report covers, and charts that are SVG with their words on them.
 */
import { describe, expect, it } from 'vitest';
import { chartTable, niceRange, renderChart } from '../../src/reports/plan-report/charts.ts';
import { chineseNumber, figure, fileStem, termName } from '../../src/reports/plan-report/text.ts';
import type { ReportPlanHeader, TrendChart } from '../../src/reports/plan-report/types.ts';
import { isServiceError } from '../../src/services/errors.ts';
import { reportYear } from '../../src/services/report.service.ts';

const XINZHOU: ReportPlanHeader = {
  id: 1,
  title: '忻州市“十四五”教育事业发展规划',
  region: { code: '140900', name: '忻州市', level: 'city' },
  period: { start: 2021, end: 2025 },
  issuer: null,
  docNumber: null,
};

const PRESCHOOL: TrendChart = {
  kind: 'trend',
  id: 'trend-1',
  title: '学前教育毛入园率',
  unit: '%',
  years: [2020, 2021, 2022, 2023, 2024, 2025],
  baseline: { year: 2020, value: 90.8 },
  observed: [
    { year: 2021, value: 95.78, lowerBound: false, computed: false },
    { year: 2024, value: 97.333333, lowerBound: false, computed: true },
  ],
  target: { year: 2025, value: 96.5, text: '≥96.5%' },
  projection: { from: { year: 2024, value: 97.333333 }, to: { year: 2025, value: 97.9 } },
};

describe('how a report writes names, years and figures', () => {
  it('names five-year plans and numbers headings in Chinese', () => {
    expect(termName({ start: 2021, end: 2025 })).toBe('十四五');
    expect(termName({ start: 2026, end: 2030 })).toBe('十五五');
    expect(termName({ start: 2016, end: 2020 })).toBe('十三五');
    expect(termName({ start: 2022, end: 2026 })).toBeNull();
    expect([1, 7, 10, 14, 20, 21].map(chineseNumber)).toEqual(['一', '七', '十', '十四', '二十', '二十一']);
  });

  it('names the file by region, term, year and kind, with nothing that could be a path', () => {
    expect(fileStem('annual', 2024, XINZHOU)).toBe('140900-忻州市-十四五-2024年度监测报告');
    expect(fileStem('midterm', 2023, XINZHOU)).toBe('140900-忻州市-十四五-2023年中期评估报告');
    expect(fileStem('final', 2025, { ...XINZHOU, region: { ...XINZHOU.region, name: '../忻州' } })).toBe(
      '140900-.._忻州-十四五-2025年总结评估报告',
    );
  });

  it('prints reported figures as given and computed ones to four significant digits', () => {
    expect(figure(99.97, '%')).toBe('99.97%');
    expect(figure(0.6695, '万人')).toBe('0.6695万人');
    expect(figure(97.33333333333, '%', true)).toBe('97.33%');
  });
});

describe('the year a report covers', () => {
  const period = { start: 2021, end: 2025 };

  it('is the third year for a mid-term evaluation and the last for a final one; an annual report names its own', () => {
    expect(reportYear('midterm', undefined, period)).toBe(2023);
    expect(reportYear('final', undefined, period)).toBe(2025);
    expect(reportYear('annual', 2024, period)).toBe(2024);
    expect(reportYear('midterm', 2024, period)).toBe(2024);
  });

  it('must be given for an annual report, and lie within the plan’s period', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isServiceError(error) ? `${error.code} ${error.kind} ${error.at.field ?? ''}` : String(error);
      }
      return 'no error';
    };
    expect(code(() => reportYear('annual', undefined, period))).toBe('REPORT_YEAR_REQUIRED invalid year');
    expect(code(() => reportYear('final', 2026, period))).toBe('REPORT_YEAR_OUTSIDE_PLAN invalid year');
  });
});

describe('the report’s charts', () => {
  it('are SVG of a fixed size with their meaning in words: target, summed figure, projection', () => {
    const { svg, width, height } = renderChart(PRESCHOOL);
    expect([width, height]).toEqual([580, 300]);
    expect(svg).toMatch(/^<svg [^>]*width="580" height="300"/);
    expect(svg).toContain('目标≥96.5%');
    expect(svg).toContain('97.33(汇总)');
    expect(svg).toContain('预测97.9');
    expect(svg).toContain('基期90.8');
    expect(svg).not.toContain('<animate');
  });

  it('print as a table of the same figures where no picture can be made', () => {
    expect(chartTable(PRESCHOOL).rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['2020年', '规划基期值', '90.8%'],
      ['2021年', '监测值', '95.78%'],
      ['2024年', '监测值（由下级汇总）', '97.33%'],
      ['2025年', '趋势预测', '97.9%'],
      ['2025年', '目标值', '≥96.5%'],
    ]);
  });

  it('keep a share’s axis at or under 100 and start counts from zero', () => {
    expect(niceRange([90.8, 95.78, 96.5, 97.35], 100)).toEqual([88, 100]);
    expect(niceRange([99.95, 99.97], 100)[1]).toBeLessThanOrEqual(100);
    expect(niceRange([0, 3, 1], null)[0]).toBe(0);
  });
});
