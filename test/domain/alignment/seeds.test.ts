import { describe, expect, it } from 'vitest';
import { alignPlans } from '../../../src/domain/alignment/align.ts';
import { alignWithReference, alignWithReferences } from '../../../src/domain/alignment/reference.ts';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { indicatorNamed, rowNamed, sanmenxia, shanxi, shuozhou, xinzhou, yangquan } from './seeds.ts';

describe('忻州 (000) against 山西 (004)', () => {
  const rows = alignPlans(xinzhou, shanxi, defaultCatalogue);

  it('gives every row of 忻州 a verdict, in its own order', () => {
    expect(rows.map((row) => [row.name, row.verdict])).toEqual([
      ['学前教育毛入园率', 'aligned'],
      ['小学净入学率', 'aligned'],
      ['初中净入学率', 'aligned'],
      ['高中阶段教育毛入学率', 'aligned'],
      ['普通高中在校生', 'not-comparable'],
      ['中等职业教育在校生', 'not-comparable'],
      ['职业教育专科（含高专）在校生', 'not-comparable'],
      ['现代学徒制培养比例', 'aligned'],
      ['“双师型”教师占专业课教师比例', 'aligned'],
      ['劳动年龄人口平均受教育年限', 'aligned'],
    ]);
  });

  it('puts 学前教育毛入园率 96.5 beside 山西 96.5, with both lines and baselines', () => {
    expect(rowNamed(rows, '学前教育毛入园率')).toMatchObject({
      entryId: 'preschool-gross-enrolment-rate',
      childLine: 44,
      parentLine: 93,
      child: { baseline: 95, target: 96.5, comparator: null, unit: '%' },
      parent: { baseline: 90.8, target: 96.5, comparator: null, unit: '%' },
      verdict: 'aligned',
      difference: 0,
    });
  });

  it('counts 小学净入学率 ≥99.97 against >99.95 as aligned: 0.02 points apart, inside the rounding tolerance', () => {
    // The rule (compare.ts): numbers 0.02 apart are within the 0.05-point tolerance for percentages, so the
    // comparators do not come into it; both plans promise to keep primary enrolment universal.
    const row = rowNamed(rows, '小学净入学率');
    expect(row).toMatchObject({
      child: { target: 99.97, comparator: '>=' },
      parent: { target: 99.95, comparator: '>' },
      verdict: 'aligned',
      difference: 0.02,
    });
    expect(row.explanation.zh).toBe(
      '忻州市目标≥99.97%比山西省目标>99.95%高0.02个百分点，在0.05个百分点的舍入容差内，视为与上级目标一致。',
    );
    expect(row.explanation.en).toContain('within the rounding tolerance of 0.05 percentage points');
  });

  it('aligns 高中阶段教育毛入学率 96 with 96 and 受教育年限 11.62 with 11.62 (in 年)', () => {
    expect(rowNamed(rows, '高中阶段教育毛入学率')).toMatchObject({ verdict: 'aligned', difference: 0 });
    expect(rowNamed(rows, '劳动年龄人口平均受教育年限')).toMatchObject({
      child: { target: 11.62, unit: '年' },
      parent: { target: 11.62, unit: '年' },
      verdict: 'aligned',
      difference: 0,
    });
  });

  it('does not compare 普通高中在校生 5.12万 with the province’s 65万: a count, not an ambition', () => {
    const row = rowNamed(rows, '普通高中在校生');
    expect(row).toMatchObject({
      child: { target: 5.12, unit: '万人' },
      parent: { target: 65, unit: '万人' },
      verdict: 'not-comparable',
      difference: null,
    });
    expect(row.explanation.zh).toContain('总量指标');
    expect(row.explanation.en).toContain('counts are not compared for ambition — shares are');
  });
});

describe('阳泉 (001) against 山西 (004)', () => {
  const rows = alignPlans(yangquan, shanxi, defaultCatalogue);

  it('finds 学前教育毛入园率 95 less ambitious than 96.5, by 1.5 points', () => {
    const row = rowNamed(rows, '学前教育毛入园率');
    expect(row).toMatchObject({ verdict: 'less-ambitious', difference: -1.5 });
    expect(row.explanation.zh).toBe(
      '阳泉市目标95%低于山西省目标96.5%，相差1.5个百分点；该指标越高越好，故低于上级目标。',
    );
  });

  it('aligns >99.95 with >99.95, and converts 普通高中在校人数 24000 人 to 2.4 万人 before setting it aside', () => {
    expect(rowNamed(rows, '小学净入学率')).toMatchObject({ verdict: 'aligned', difference: 0 });
    expect(rowNamed(rows, '普通高中在校人数')).toMatchObject({
      entryId: 'general-high-school-enrolment',
      child: { baseline: 2.4003, target: 2.4, unit: '万人' },
      parentLine: 106,
      verdict: 'not-comparable',
    });
  });
});

describe('朔州 (003) against 山西 (004)', () => {
  const rows = alignPlans(shuozhou, shanxi, defaultCatalogue);

  it('finds 入园率 99 more ambitious than 学前教育毛入园率 96.5', () => {
    expect(rowNamed(rows, '入园率')).toMatchObject({
      entryId: 'preschool-gross-enrolment-rate',
      childLine: 226,
      parentLine: 93,
      verdict: 'more-ambitious',
      difference: 2.5,
    });
  });

  it('says 上级无对应目标 for 普惠率, which 山西’s table does not have', () => {
    const row = rowNamed(rows, '普惠率');
    expect(row).toMatchObject({
      entryId: 'inclusive-kindergarten-coverage',
      parentLine: null,
      parent: null,
      verdict: 'no-parent-target',
      difference: null,
    });
    expect(row.explanation.zh).toBe('山西省没有对应的指标（普惠性幼儿园覆盖率），上级无对应目标。');
  });

  it('compares only what 山西 also sets: the rest of 朔州’s 37 rows have no parent target or are counts', () => {
    const compared = rows.filter((row) => row.verdict !== 'no-parent-target' && row.verdict !== 'not-comparable');
    expect(compared.map((row) => [row.childLine, row.verdict])).toEqual([
      [226, 'more-ambitious'],
      [236, 'more-ambitious'],
      [253, 'more-ambitious'],
    ]);
    expect(rows).toHaveLength(shuozhou.indicators.length);
  });
});

describe('三门峡 (002) against the 河南 columns of its own table', () => {
  const rows = alignWithReferences(sanmenxia, defaultCatalogue);

  it('finds 学前教育毛入园率 97 more ambitious than 河南 >93', () => {
    const row = rowNamed(rows, '学前教育毛入园率');
    expect(row).toMatchObject({
      child: { baseline: 96, target: 97, comparator: null },
      parent: { baseline: 90.3, target: 93, comparator: '>' },
      verdict: 'more-ambitious',
      difference: 4,
    });
    expect(row.explanation.zh).toContain('三门峡市目标97%高于河南目标>93%');
  });

  it('aligns 普惠性幼儿园覆盖率 >85 with >85 and 高等教育毛入学率 60 with 60.0', () => {
    expect(rowNamed(rows, '普惠性幼儿园覆盖率')).toMatchObject({
      child: { target: 85, comparator: '>' },
      parent: { target: 85, comparator: '>' },
      verdict: 'aligned',
    });
    expect(rowNamed(rows, '高等教育毛入学率')).toMatchObject({ verdict: 'aligned', difference: 0 });
  });

  it('keeps the reference on the row’s own line, and never compares counts of a city with its province', () => {
    for (const row of rows) expect(row.parentLine).toBe(row.childLine);
    expect(rowNamed(rows, '普通高中在校生')).toMatchObject({
      child: { target: 4.1 },
      parent: { target: 270 },
      verdict: 'not-comparable',
      difference: null,
    });
  });

  it('gives the whole table its verdicts', () => {
    expect(rows.map((row) => row.verdict)).toEqual([
      'more-ambitious', // 学前教育毛入园率 97 vs >93
      'more-ambitious', // 义务教育巩固率 99.4 vs 96.4
      'more-ambitious', // 高中阶段教育毛入学率 96 vs 93.0
      'aligned', // 高等教育毛入学率 60 vs 60.0
      'aligned', // 普惠性幼儿园覆盖率 >85 vs >85
      'less-ambitious', // 优质均衡发展县比例 >2 vs >20 (the catalogue flags the 2 as likely 2 counties)
      'not-comparable', // 中等职业教育在校生 (count)
      'not-comparable', // 高等职业院校在校生 (count)
      'aligned', // 现代学徒制培养比例 >10 vs >10
      'aligned', // 双师型教师比例 60 vs 60
      'not-comparable', // 普通高中在校生 (count)
      'not-comparable', // 本科教育在校生 (count)
      'aligned', // 每十万人口高等教育平均在校生数 3200 vs 3200: a per-capita figure, so compared
      'aligned', // 受教育年限 11.3 vs 11.3
      'aligned', // 普通话普及率 90 vs 90.0
    ]);
  });

  it('is null for a row that carries no reference columns', () => {
    expect(alignWithReference(indicatorNamed(xinzhou, '学前教育毛入园率'))).toBeNull();
  });
});

describe('a plan against itself', () => {
  it('is aligned on every row, counts included: one region’s counts are comparable', () => {
    const rows = alignPlans(shanxi, shanxi, defaultCatalogue);
    expect(new Set(rows.map((row) => row.verdict))).toEqual(new Set(['aligned']));
    expect(rowNamed(rows, '普通高中在校生')).toMatchObject({ verdict: 'aligned', difference: 0 });
  });
});
