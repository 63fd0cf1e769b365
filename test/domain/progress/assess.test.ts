/**
 * Progress on the seeds' own rows: their baselines, targets and attributes as the reader gives them, observations
 * from the published statistics where they exist, and otherwise a hand-picked value, marked as such.
 */
import { describe, expect, it } from 'vitest';
import { assessProgress } from '../../../src/domain/progress/index.ts';
import type { ProgressInput } from '../../../src/domain/progress/index.ts';
import { published, rowInput, shanxi, shuozhou, xinzhou } from './seeds.ts';

describe('山西 学前教育毛入园率: 90.80 (2020) → 96.50 (2025)', () => {
  it('reads 96% in 2024 (published) as 快于预期: R ≥ 1 and more of the change done than of the time gone', () => {
    const result = assessProgress(rowInput(shanxi, '学前教育毛入园率', published('山西省', '学前教育毛入园率', 2024)));
    expect(result).toMatchObject({ status: 'ahead', method: 'anticipated', redLine: false, lowerBound: false });
    expect(result.label).toEqual({ zh: '快于预期', en: 'ahead of schedule' });
    expect(result.ratio).toBeCloseTo(1.1443, 4);
    expect(result.schedule.progress).toBeCloseTo(5.2 / 5.7, 10);
    expect(result.schedule.elapsed).toBeCloseTo(0.8, 10);
    expect(result.projection).toMatchObject({ year: 2025, meetsTarget: true });
    expect(result.projection?.value).toBeCloseTo(97.35, 2);
    expect(result.explanation.zh).toBe(
      '按2020年至2024年的年均增速（1.40%），2025年预计达到97.3%，可达到目标≥96.5%；进度比 R=1.14，属快于预期（R≥1 且 p=0.91>e=0.80）。',
    );
    expect(result.explanation.en).toBe(
      'At the average annual growth (1.40%) from 2020 to 2024, the value would reach 97.3% in 2025, meeting the target ≥96.5%; progress ratio R=1.14: ahead of schedule (R ≥ 1 and p = 0.91 > e = 0.80).',
    );
  });

  it('shows its formula with the numbers in place', () => {
    const { formula } = assessProgress(
      rowInput(shanxi, '学前教育毛入园率', published('山西省', '学前教育毛入园率', 2024)),
    );
    expect(formula?.expression).toContain('R = sign(y_0)·d·CAGR(y_t, y_0, t, t_0) / |CAGR(y_T, y_0, T, t_0)|');
    expect(formula?.substituted).toBe(
      'R = (+1)·(+1)·CAGR(96, 90.8, 2024, 2020) / |CAGR(96.5, 90.8, 2025, 2020)| = 0.014020 / 0.012251 = 1.1443',
    );
    expect(formula?.name.zh).toContain('预期进度法');
  });

  it('calls the same figure merely 进度滞后 when people raise the on-track band above R', () => {
    const input = rowInput(shanxi, '学前教育毛入园率', published('山西省', '学前教育毛入园率', 2024));
    const result = assessProgress({ ...input, bands: { target: { high: 1.2 } } });
    expect(result.status).toBe('behind');
    expect(result.bands).toEqual({ high: 1.2, med: 0.6, low: 0 });
    expect(result.explanation.zh).toContain('进度滞后（0.60≤R<1.20）');
  });

  it('has nothing to say from the 2020 figure alone, the baseline year itself: 数据不足', () => {
    const result = assessProgress(rowInput(shanxi, '学前教育毛入园率', published('山西省', '学前教育毛入园率', 2020)));
    expect(result).toMatchObject({
      status: 'insufficient_data',
      insufficientReason: 'latest-not-after-baseline',
      ratio: null,
      score: null,
    });
    expect(result.explanation.zh).toContain('尚无基期之后的监测数据');
  });
});

describe('lower bounds (至少)', () => {
  it('counts 山西 高中阶段毛入学率 "超过96%" in 2024 as 提前实现: the bound already meets the 2025 target of 96', () => {
    const latest = published('山西省', '高中阶段教育毛入学率', 2024);
    expect(latest.qualifier).toBe('at_least');
    const result = assessProgress(rowInput(shanxi, '高中阶段教育毛入学率', latest));
    expect(result).toMatchObject({
      status: 'achieved_early',
      sdgStatus: 'target_achieved',
      score: 5,
      lowerBound: false,
    });
    expect(result.explanation.zh).toBe('2024年至少为96%，已达到2025年目标≥96%，提前实现。');
  });

  it('claims no decline from 山西 高等教育在学总规模 "超过百万" below its 126万 baseline: the bound says nothing', () => {
    const result = assessProgress(
      rowInput(shanxi, '高等教育在学总规模', published('山西省', '高等教育在学总规模', 2024)),
    );
    expect(result).toMatchObject({
      status: 'insufficient_data',
      insufficientReason: 'lower-bound-uninformative',
      lowerBound: true,
    });
    expect(result.explanation.zh).toContain('仅知至少为100万人');
    expect(result.notes.map((note) => note.zh)).toContain(
      '最新值为下限（至少100万人），按下限计算；实际状态可能更好。',
    );
  });

  it('does not read "above 99.95" as meeting 山西 小学净入学率 ">99.95": at least 99.95 may equal it', () => {
    const result = assessProgress(rowInput(shanxi, '小学净入学率', published('山西省', '小学学龄儿童净入学率', 2021)));
    expect(result.inputs.comparator).toBe('>');
    expect(result.status).not.toMatch(/^achieved/u);
    expect(result.lowerBound).toBe(true);
  });

  it('cannot show achievement for a lower-is-better indicator, and says so', () => {
    const result = assessProgress({ ...MYOPIA, latest: { year: 2022, value: 51, qualifier: 'at_least' } });
    expect(result).toMatchObject({
      status: 'insufficient_data',
      insufficientReason: 'lower-bound-decrease',
      lowerBound: true,
    });
    expect(result.explanation.zh).toBe(
      '2022年至少为51%：对越低越好的指标，下限不能说明已达到目标≤51.1%，实际值可能更高，数据不足。',
    );
  });

  it('gives a lower-is-better indicator the status of its bound at best', () => {
    const result = assessProgress({ ...MYOPIA, latest: { year: 2022, value: 51.9, qualifier: 'at_least' } });
    expect(result).toMatchObject({ status: 'behind', lowerBound: true });
    expect(result.notes[0]?.zh).toContain('实际状态可能更差');
  });
});

/**
 * 儿童青少年总体近视率 (lower is better), national: 53.6% in 2018; 《综合防控儿童青少年近视实施方案》 asks for a fall of
 * at least 0.5 points a year to 2023, i.e. ≤51.1%; 51.9% was published for 2022.
 */
const MYOPIA: ProgressInput = {
  direction: 'decrease',
  baseline: { year: 2018, value: 53.6 },
  target: { year: 2023, value: 51.1, comparator: null },
  latest: { year: 2022, value: 51.9 },
  binding: false,
  limit: null,
  unit: '%',
};

describe('a lower-is-better indicator', () => {
  it('reads 近视率 53.6 → 51.9 against ≤51.1 as 进度滞后', () => {
    const result = assessProgress(MYOPIA);
    expect(result).toMatchObject({ status: 'behind', method: 'anticipated', sdgStatus: 'moderate_progress' });
    expect(result.inputs).toMatchObject({ sign: -1, comparator: '<=' });
    expect(result.ratio).toBeCloseTo(0.8441, 4);
    expect(result.schedule.progress).toBeCloseTo(1.7 / 2.5, 10);
    expect(result.explanation.zh).toBe(
      '按2018年至2022年的年均增速（-0.80%），2023年预计达到51.5%，未达到目标≤51.1%；进度比 R=0.84，属进度滞后（0.60≤R<0.95）。',
    );
  });

  it('calls a rise 出现倒退 and a fall to the target 已实现', () => {
    expect(assessProgress({ ...MYOPIA, latest: { year: 2022, value: 54 } }).status).toBe('deteriorating');
    expect(assessProgress({ ...MYOPIA, latest: { year: 2023, value: 51.1 } }).status).toBe('achieved');
    expect(assessProgress({ ...MYOPIA, latest: { year: 2021, value: 51 } }).status).toBe('achieved_early');
  });
});

describe('maintain targets (target = baseline)', () => {
  it('holds 忻州 小学净入学率 "≥99.97" from 99.97 at 99.98 (hand value): 已实现, never 提前实现', () => {
    const result = assessProgress(rowInput(xinzhou, '小学净入学率', { year: 2023, value: 99.98 }));
    expect(result).toMatchObject({ status: 'achieved', method: 'maintain', sdgStatus: 'target_achieved' });
    expect(result.ratio).toBeNull();
    expect(result.formula?.substituted).toBe('99.98 ≥ 99.97');
  });

  it('breaks it at 99.9 (hand value): 出现倒退, with no ratio to divide by', () => {
    const result = assessProgress(rowInput(xinzhou, '小学净入学率', { year: 2023, value: 99.9 }));
    expect(result).toMatchObject({ status: 'deteriorating', method: 'maintain', ratio: null, score: null });
    expect(result.formula?.substituted).toBe('99.9 < 99.97');
    expect(result.explanation.zh).toBe(
      '目标为保持≥99.97%（与2020年基期值相同），2023年为99.9%，已不满足，属出现倒退。',
    );
  });

  it('reads 忻州 普惠性幼儿园覆盖率 "保持在88%以上" from 88 by its comparator', () => {
    // 000_cb1b58f4760fbe36.txt line 29: 普惠性幼儿园覆盖率保持在88%以上; 2020: 达到88%.
    const input: ProgressInput = {
      direction: 'increase',
      baseline: { year: 2020, value: 88 },
      target: { year: 2025, value: 88, comparator: '>=' },
      latest: { year: 2023, value: 88.4 },
      binding: false,
      limit: null,
      unit: '%',
    };
    expect(assessProgress(input).status).toBe('achieved');
    expect(assessProgress({ ...input, latest: { year: 2023, value: 87 } }).status).toBe('deteriorating');
  });

  it('takes a bare 100 → 100 (朔州 义务教育入学率, 约束性) as ≥ and raises the red line when it slips', () => {
    const held = assessProgress(rowInput(shuozhou, '入学率', { year: 2023, value: 100 }));
    expect(held).toMatchObject({ status: 'achieved', redLine: false });
    expect(held.inputs.comparator).toBe('>=');
    const slipped = assessProgress(rowInput(shuozhou, '入学率', { year: 2023, value: 99.8 }));
    expect(slipped).toMatchObject({ status: 'deteriorating', redLine: true });
  });
});

describe('binding indicators (约束性) and the red line', () => {
  it('raises 山西 劳动年龄人口平均受教育年限 at 11.2 years in 2023 (hand value) to 红线预警, keeping its status', () => {
    const result = assessProgress(rowInput(shanxi, '劳动年龄人口平均受教育年限', { year: 2023, value: 11.2 }));
    expect(result.inputs.binding).toBe(true);
    expect(result).toMatchObject({ status: 'far_behind', redLine: true });
    expect(result.label.zh).toBe('严重滞后');
    expect(result.notes.at(-1)?.zh).toBe('约束性指标未达到“基本符合预期”，红线预警。');
  });

  it('does not raise an expected (预期性) indicator with the same status', () => {
    const input = rowInput(shanxi, '劳动年龄人口平均受教育年限', { year: 2023, value: 11.2 });
    expect(assessProgress({ ...input, binding: false })).toMatchObject({ status: 'far_behind', redLine: false });
  });

  it('raises 朔州 学前教育入园率 (约束性, 93.56 → 99) at 95 in 2023 (hand value)', () => {
    const result = assessProgress(rowInput(shuozhou, '入园率', { year: 2023, value: 95 }));
    expect(result).toMatchObject({ status: 'far_behind', redLine: true });
    expect(result.ratio).toBeCloseTo(0.449, 3);
  });

  it('keeps a binding indicator on track off the red line, and a binding one with no data too: nothing is guessed', () => {
    expect(assessProgress(rowInput(shuozhou, '入园率', { year: 2023, value: 97.5 })).redLine).toBe(false);
    const missing = assessProgress(rowInput(shuozhou, '入园率', null));
    expect(missing).toMatchObject({ status: 'insufficient_data', insufficientReason: 'no-latest', redLine: false });
    expect(missing.explanation.zh).toBe('基期2020年之后尚无监测数据，数据不足。');
  });
});

describe('数据不足', () => {
  it('has no baseline for 现代学徒制培养比例 ("—" in 2020)', () => {
    const result = assessProgress(rowInput(shanxi, '现代学徒制培养比例', { year: 2023, value: 6 }));
    expect(result).toMatchObject({ status: 'insufficient_data', insufficientReason: 'no-baseline', method: 'none' });
    expect(result.explanation).toEqual({
      zh: '没有基期值，无法评估进度，数据不足。',
      en: 'There is no baseline value to measure progress from: insufficient data.',
    });
  });

  it('refuses a target year that is not after the baseline, unless the target is already met', () => {
    const input: ProgressInput = { ...MYOPIA, target: { year: 2018, value: 51.1, comparator: null } };
    expect(assessProgress(input).insufficientReason).toBe('target-not-after-baseline');
    expect(assessProgress({ ...input, latest: { year: 2022, value: 50 } }).status).toBe('achieved');
  });

  it('refuses values that are not numbers', () => {
    const result = assessProgress({ ...MYOPIA, latest: { year: 2022, value: Number.NaN } });
    expect(result.insufficientReason).toBe('not-finite');
  });
});

describe('rows without a target (the no-target method)', () => {
  it('judges 朔州 上门送教量 (78 in 2020, target "--") on its growth: 90 in 2023 (hand value) is on track', () => {
    const result = assessProgress(rowInput(shuozhou, '上门送教量', { year: 2023, value: 90 }));
    expect(result).toMatchObject({ method: 'no-target', status: 'on_track', score: 5, limitCoefficient: null });
    expect(result.growth).toBeCloseTo((90 / 78) ** (1 / 3) - 1, 12);
    expect(result.schedule).toEqual({ progress: null, elapsed: null });
    expect(result.projection).toBeNull();
    expect(result.explanation.zh).toContain('无目标值');
  });

  it('flags a base already past its natural limit', () => {
    const result = assessProgress({
      direction: 'increase',
      baseline: { year: 2020, value: 101.2 },
      target: null,
      latest: { year: 2023, value: 102 },
      binding: false,
      limit: 100,
      unit: '%',
    });
    expect(result.notes.map((note) => note.zh).join('')).toContain('已越过自然上限100%');
  });
});

describe('edges of the method', () => {
  it('takes 朔州 专业教师规模 0 → 666 (约束性) from 0.001, as sdg-build does, and says the ratio may mislead', () => {
    const result = assessProgress(rowInput(shuozhou, '专业教师规模', { year: 2023, value: 300 }));
    expect(result.inputs.zeroReplaced).toEqual(['baseline']);
    expect(result.status).toBe('on_track');
    // The schedule tells the plainer story beside it: 45% of the teachers after 60% of the time.
    expect(result.schedule.progress).toBeCloseTo(300 / 666, 10);
    expect(result.schedule.elapsed).toBeCloseTo(0.6, 10);
    expect(result.notes[0]?.zh).toContain('以0.001代替');
  });

  it('reads a figure that stays at zero as no growth (严重滞后), not as a fall from 0.001', () => {
    const result = assessProgress(rowInput(shuozhou, '专业教师规模', { year: 2023, value: 0 }));
    expect(result.inputs.zeroReplaced).toEqual(['baseline', 'latest']);
    expect(result).toMatchObject({ status: 'far_behind', ratio: 0, redLine: true });
  });

  it('uses the same ratio on yearly changes where the values cross zero, since no CAGR exists', () => {
    const result = assessProgress({
      direction: 'increase',
      baseline: { year: 2020, value: -5 },
      target: { year: 2025, value: 10, comparator: null },
      latest: { year: 2023, value: 3 },
      binding: false,
      limit: null,
    });
    expect(result).toMatchObject({ method: 'linear', status: 'behind' });
    expect(result.ratio).toBeCloseTo(8 / 3 / 3, 12);
    expect(result.formula?.substituted).toContain('(3 − (-5))');
  });

  it('follows a comparator that runs against the catalogue direction, and says so', () => {
    // Hand case: 山西 普通高中在校生 65.45 → 65 万人 printed as a cap (≤65) on a higher-is-better entry.
    const input = rowInput(shanxi, '普通高中在校生', { year: 2023, value: 65.2 });
    const result = assessProgress({ ...input, target: { year: 2025, value: 65, comparator: '<=' } });
    expect(result.inputs.sign).toBe(-1);
    expect(result.status).toBe('behind');
    expect(result.notes[0]?.zh).toContain('与指标方向（越高越好）相反');
  });

  it('reports the projection only while the target year is ahead', () => {
    const result = assessProgress({ ...MYOPIA, latest: { year: 2024, value: 51.5 } });
    expect(result.projection).toBeNull();
    expect(result.status).not.toBe('insufficient_data');
    expect(result.explanation.zh).toMatch(/^2024年为51.5%，未达到2023年目标≤51.1%/u);
  });
});
