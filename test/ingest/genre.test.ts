/**
 * Layouts the five seeds do not have but plans from other regions do. The texts below are synthetic (written for
 * these tests in the genre's style); the figures in them mean nothing.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';

const spaceAligned = [
  '某某县“十四五”教育事业发展规划',
  '',
  '一、发展目标',
  '',
  '表1  “十四五”教育发展主要指标',
  '指标                          2020年      2025年        属性',
  '学前教育毛入园率              92%         95%以上       预期性',
  '九年义务教育巩固率（%）        98.5        ≥99           约束性',
  '其中：小学/初中净入学率（%）   99.9/99.8   100/100       预期性',
  '劳动年龄人口平均受教育年限    11.1年      12.3年以上    约束性',
  '',
  '二、保障措施',
  '(一)加强组织领导',
  '建立规划实施监测评估机制,开展年度监测、中期评估和总结评估,定期发布规划实施情况.',
].join('\n');

const targetOnly = [
  '某某市“十五五”教育发展规划',
  '',
  '第一章 总体要求',
  '第一节 主要目标',
  '| 类别 | 指标 | 2030年目标 | 属性 |',
  '|---|---|---|---|',
  '| 学前教育 | 普惠性幼儿园覆盖率（%） | 保持在92%以上 | 约束性 |',
  '| | 公办园在园幼儿占比（%） | 不低于60 | 预期性 |',
  '第二章 重点任务',
  '专栏1  学前教育扩容工程',
  '新建、改扩建公办幼儿园12所，新增学位3600个左右。',
].join('\n');

const levelled = [
  '某某省“十四五”教育事业发展规划',
  '',
  '一、主要指标',
  '序号\t一级指标\t二级指标\t单位\t2020年基数\t2025年目标值\t指标属性',
  '1\t教育普及\t学前教育毛入园率\t%\t88.2\t≥90\t约束性',
  '2\t\t特殊教育学校覆盖率\t%\t—\t全覆盖\t预期性',
  '3\t教育质量\t每十万人口高等教育在校生数\t人\t2719\t3200左右\t预期性',
  '',
  '二、保障措施',
].join('\n');

// A table as PDF text gives it: cells one a line with nothing between rows, a long name wrapped onto two lines.
const stackedWrapped = [
  '某某市“十四五”教育事业发展规划',
  '一、主要目标',
  '表1 主要发展指标',
  '指标',
  '2020年',
  '2025年',
  '2035年',
  '基础教育',
  '学前教育毛入园率（%）★',
  '90',
  '95',
  '98',
  '全国义务教育优质均衡发展',
  '县（市、区）比例（%）',
  '—',
  '20',
  '60',
  '注：带★的为约束性指标。',
  '二、保障措施',
].join('\n');

// A tab table from a PDF whose name cell wrapped: the end of the name stands alone under its row.
const tabsWrapped = [
  '某某市“十四五”教育事业发展规划',
  '一、主要目标',
  '指标\t2020年\t2025年\t属性',
  '全国义务教育优质均衡发展\t—\t>20\t预期性',
  '县（市、区）比例（%）',
  '普惠性幼儿园覆盖率（%）\t85\t90\t约束性',
  '',
  '二、保障措施',
].join('\n');

describe('plans laid out as other regions lay them out', () => {
  it('rebuilds a stacked table with a wrapped name, takes the plan year over 2035, and reads ★ as binding', () => {
    const plan = parsePlanText(stackedWrapped);
    expect(
      plan.indicators.map((i) => [
        i.category,
        i.name,
        i.unit,
        i.baseline.raw,
        i.target.year,
        i.target.raw,
        i.attribute,
        i.line,
      ]),
    ).toEqual([
      ['基础教育', '学前教育毛入园率', '%', '90', 2025, '95', 'binding', 9],
      ['基础教育', '全国义务教育优质均衡发展县（市、区）比例', '%', '—', 2025, '20', 'expected', 13],
    ]);
  });

  it('joins the end of a name wrapped under its tab row', () => {
    const plan = parsePlanText(tabsWrapped);
    expect(plan.indicators.map((i) => [i.name, i.unit, i.target.raw, i.attribute])).toEqual([
      ['全国义务教育优质均衡发展县（市、区）比例', '%', '>20', 'expected'],
      ['普惠性幼儿园覆盖率', '%', '90', 'binding'],
    ]);
  });

  it('reads a table with 序号, 一级/二级指标, a 单位 column and a target in words', () => {
    const plan = parsePlanText(levelled);
    expect(
      plan.indicators.map((i) => [
        i.category,
        i.name,
        i.unit,
        i.baseline.value,
        i.target.raw,
        i.target.value,
        i.attribute,
      ]),
    ).toEqual([
      ['教育普及', '学前教育毛入园率', '%', 88.2, '≥90', 90, 'binding'],
      ['教育普及', '特殊教育学校覆盖率', '%', null, '全覆盖', null, 'expected'],
      ['教育质量', '每十万人口高等教育在校生数', '人', 2719, '3200左右', 3200, 'expected'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads a space-aligned table with units in the cells, 以上, ≥ and 其中 rows of two values', () => {
    const plan = parsePlanText(spaceAligned);
    const rows = plan.indicators.map((i) => [
      i.name,
      i.unit,
      i.baseline.value,
      i.target.value,
      i.target.comparator,
      i.attribute,
    ]);
    expect(rows).toEqual([
      ['学前教育毛入园率', '%', 92, 95, '>=', 'expected'],
      ['九年义务教育巩固率', '%', 98.5, 99, '>=', 'binding'],
      ['小学净入学率', '%', 99.9, 100, null, 'expected'],
      ['初中净入学率', '%', 99.8, 100, null, 'expected'],
      ['劳动年龄人口平均受教育年限', '年', 11.1, 12.3, '>=', 'binding'],
    ]);
    expect(plan.indicators.map((i) => i.line)).toEqual([7, 8, 9, 9, 10]);
  });

  it('reads headings with half-width brackets and mechanisms written with half-width punctuation', () => {
    const plan = parsePlanText(spaceAligned);
    expect(plan.sections.map((s) => [s.level, s.number, s.title])).toEqual([
      [1, '一、', '发展目标'],
      [1, '二、', '保障措施'],
      [2, '(一)', '加强组织领导'],
    ]);
    expect(plan.mechanisms.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['annual-monitoring', 'mid-term-evaluation', 'final-evaluation', 'publication']),
    );
  });

  it('reads a table with a target column only, for a 十五五 plan, and its 专栏 commitments', () => {
    const plan = parsePlanText(targetOnly);
    expect(plan.period).toEqual({ start: 2026, end: 2030 });
    expect(plan.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(['总体要求', '重点任务']);
    expect(
      plan.indicators.map((i) => [
        i.category,
        i.name,
        i.baseline.raw,
        i.target.year,
        i.target.value,
        i.target.comparator,
      ]),
    ).toEqual([
      ['学前教育', '普惠性幼儿园覆盖率', '', 2030, 92, '>='],
      ['学前教育', '公办园在园幼儿占比', '', 2030, 60, '>='],
    ]);
    expect(plan.projects[0]?.commitments.map((c) => [c.quantity, c.unit, c.object, c.approximate])).toEqual([
      [12, '所', '公办幼儿园', false],
      [3600, '个', '学位', true],
    ]);
  });
});
