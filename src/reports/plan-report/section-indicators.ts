/**
 * 二、主要指标进展: one table of every indicator of the plan's target table, in the plan's order — baseline, target,
 * latest figure, status and the sentence that explains it. A red line is written out in words beside the status,
 * so it survives a black-and-white print; a lower bound says 至少, a figure summed from the regions below says so.
 */
import { paceOf } from './facts.ts';
import type { Numbering } from './sections.ts';
import { figure, targetFigure, twoPlaces } from './text.ts';
import type { Block, ReportFacts, ReportIndicator, TableCell, TableColumn } from './types.ts';

/** The attribute as the plans print it. */
export function attributeText(attribute: ReportIndicator['attribute']): string {
  return attribute === 'binding' ? '约束性' : attribute === 'expected' ? '预期性' : '—';
}

/**
 * "96%（2024年）", "至少96%（2024年）", "97.33%（2024年，由下级汇总）", or 暂无数据; `separator` goes between the figure
 * and its year (a line break in a narrow table cell).
 */
export function latestText(indicator: ReportIndicator, separator = ''): string {
  const latest = indicator.latest;
  if (latest === null) return '暂无数据';
  const computed = latest.provenance === 'computed';
  const bound = latest.qualifier === 'at_least' ? '至少' : '';
  return `${bound}${figure(latest.value, indicator.unit, computed)}${separator}（${String(latest.year)}年${computed ? '，由下级汇总' : ''}）`;
}

/** "90.8%（2020年）", or — without a baseline. */
export function baselineText(indicator: ReportIndicator, separator = ''): string {
  const baseline = indicator.baseline;
  return baseline === null
    ? '—'
    : `${figure(baseline.value, indicator.unit)}${separator}（${String(baseline.year)}年）`;
}

/** "≥96.5%（2025年）", or — without a target. */
export function targetText(indicator: ReportIndicator, separator = ''): string {
  const target = indicator.target;
  if (target === null) return '—';
  return `${targetFigure(target.value, target.comparator, indicator.unit)}${separator}（${String(target.year)}年）`;
}

/** The status in words, with 红线预警 beside it: the words carry it, the colour only repeats it. */
export function statusCell(indicator: ReportIndicator): TableCell {
  return {
    text: indicator.redLine ? `${indicator.label}（红线预警）` : indicator.label,
    status: indicator.status,
    redLine: indicator.redLine,
  };
}

/** "p=0.91 ≥ e=0.80", or — where the status is 数据不足 or there is no change to measure. */
function paceText(indicator: ReportIndicator): string {
  const pace = paceOf(indicator);
  const { progress, elapsed } = indicator.schedule;
  if (pace === null || progress === null || elapsed === null) return pace === 'ahead' ? '已实现' : '—';
  return `p=${twoPlaces(progress)}\n${pace === 'ahead' ? '≥' : '<'} e=${twoPlaces(elapsed)}`;
}

function achievementText(indicator: ReportIndicator): string {
  switch (indicator.achievement) {
    case 'achieved':
      return '已实现';
    case 'not-achieved':
      return '未实现';
    case 'awaiting-data':
      return `尚无${String(indicator.target?.year ?? '')}年数据（最新为${String(indicator.latest?.year ?? '')}年）`;
    case 'not-yet-due':
      return `目标年份（${String(indicator.target?.year ?? '')}年）未到`;
    case 'unknown':
      return indicator.target === null ? '无目标值' : '无法判断（数据不足）';
  }
}

/** The explanation, with the notes that qualify it (a lower bound, a zero baseline). */
function explanationText(indicator: ReportIndicator): string {
  const notes = indicator.notes.filter((note) => !indicator.explanation.includes(note));
  return [indicator.explanation, ...notes].join('');
}

/** 二、主要指标进展. */
export function indicatorSection(facts: ReportFacts, numbering: Numbering): Block[] {
  // Widths in centimetres of the 15.6 cm an A4 page with official margins leaves.
  const extraColumn = facts.kind !== 'annual';
  const columns: TableColumn[] = [
    { title: '指标', width: 2.4 },
    { title: '属性', width: 1.1, align: 'center' },
    { title: '基期值', width: 1.8, align: 'center' },
    { title: '目标值', width: 1.8, align: 'center' },
    { title: '最新值', width: 1.9, align: 'center' },
    { title: '进展状态', width: 1.8, align: 'center' },
  ];
  if (facts.kind === 'midterm') columns.push({ title: '任务进度p／时间进度e', width: 1.7, align: 'center' });
  if (facts.kind === 'final') columns.push({ title: '目标实现情况', width: 1.7, align: 'center' });
  columns.push({ title: '说明', width: extraColumn ? 3.1 : 4.8 });
  const rows = facts.indicators.map((indicator): TableCell[] => {
    const extra: TableCell[] =
      facts.kind === 'midterm'
        ? [{ text: paceText(indicator) }]
        : facts.kind === 'final'
          ? [{ text: achievementText(indicator) }]
          : [];
    return [
      { text: indicator.name },
      { text: attributeText(indicator.attribute) },
      { text: baselineText(indicator, '\n') },
      { text: targetText(indicator, '\n') },
      { text: latestText(indicator, '\n') },
      statusCell(indicator),
      ...extra,
      { text: explanationText(indicator) },
    ];
  });
  return [
    {
      kind: 'paragraph',
      text: `规划主要指标${String(facts.indicators.length)}项的基期值、目标值、截至${String(facts.year)}年的最新值和进展状态见下表。`,
    },
    {
      kind: 'table',
      caption: numbering.table(`规划主要指标进展情况（截至${String(facts.year)}年）`),
      columns,
      rows,
      note: '注：目标值前的“≥”“≤”等为判断是否达到目标的比较方向（规划原文未写明的，按指标方向确定）；“至少”表示公开数据只给出下限（如“以上”“超过”），按下限判断；“由下级汇总”表示本级未报送、由所辖地区数据汇总计算；“暂无数据”的指标不作推算。判断方法见“数据来源与说明”。',
    },
  ];
}
