/**
 * The report's sections in order, numbered as an official document numbers them (一、二、…), with the tables and
 * figures numbered through the whole report. What each kind of report adds: the mid-term one weighs the task done
 * against the time gone (时间过半、任务过半), the final one says of each target whether it was met.
 */
import { STATUS_RANK } from '../../domain/progress/index.ts';
import { paceOf } from './facts.ts';
import { regionSection, trendSection } from './section-charts.ts';
import { indicatorSection } from './section-indicators.ts';
import { projectSection, sourceSection } from './section-notes.ts';
import { chineseNumber, joinNames } from './text.ts';
import type { Block, ReportFacts, ReportIndicator, ReportProject, ReportSection, TableColumn } from './types.ts';

/** Numbers tables and figures in the order they appear: 表1, 表2, 图1 … */
export class Numbering {
  private tables = 0;
  private figures = 0;
  table(caption: string): string {
    this.tables += 1;
    return `表${String(this.tables)}\u3000${caption}`;
  }
  figure(caption: string): string {
    this.figures += 1;
    return `图${String(this.figures)}\u3000${caption}`;
  }
}

/** Every section of the report, numbered. */
export function reportSections(facts: ReportFacts, projects: readonly ReportProject[]): ReportSection[] {
  const numbering = new Numbering();
  const parts: [string, Block[]][] = [
    ['总体情况', overviewSection(facts, numbering)],
    ['主要指标进展', indicatorSection(facts, numbering)],
    ['重点指标趋势', trendSection(facts, numbering)],
    [facts.plan.region.level === 'province' ? '各市比较' : '各地区比较', regionSection(facts, numbering)],
    ['滞后和预警事项', warningSection(facts)],
    ['重点工程和任务进展', projectSection(projects, numbering)],
    ['数据来源与说明', sourceSection(facts)],
  ];
  return parts.map(([title, blocks], index) => ({ heading: `${chineseNumber(index + 1)}、${title}`, blocks }));
}

/** The opening paragraph: what was evaluated, on which figures, and what this kind of report asks. */
function preamble(facts: ReportFacts): string {
  const { kind, year, plan } = facts;
  const name = `《${facts.titleLines[0]}》`;
  switch (kind) {
    case 'annual':
      return `按照规划实施年度监测的要求，依据截至${String(year)}年的监测数据，对${name}确定的主要指标逐项进行了监测。现将有关情况报告如下。`;
    case 'midterm':
      return `${String(year)}年是规划实施的第${String(year - plan.period.start + 1)}年，规划期已过半。按照“时间过半、任务过半”的要求，依据截至${String(year)}年的监测数据，对${name}确定的主要指标逐项进行中期评估：比较各指标的任务进度p（已完成的变化占规划变化的比例）与时间进度e（已过年份占规划年份的比例），并按预期进度法判断进展状态。现将评估情况报告如下。`;
    case 'final':
      return `${String(year)}年是规划实施的${year >= plan.period.end ? '最后一年' : `第${String(year - plan.period.start + 1)}年`}。依据截至${String(year)}年的监测数据，对照${name}确定的各项目标，逐项评估目标是否实现。现将总结评估情况报告如下。`;
  }
}

/** 一、总体情况: the summary in numbers, and the gaps said plainly. */
function overviewSection(facts: ReportFacts, numbering: Numbering): Block[] {
  const { summary, year } = facts;
  const other = summary.total - summary.binding - summary.expected;
  const counted = summary.byStatus.filter((one) => one.count > 0).map((one) => `${one.label}${String(one.count)}项`);
  const blocks: Block[] = [
    { kind: 'paragraph', text: preamble(facts) },
    {
      kind: 'paragraph',
      text: `规划确定主要指标${String(summary.total)}项，其中约束性指标${String(summary.binding)}项、预期性指标${String(summary.expected)}项${other > 0 ? `、未标明属性${String(other)}项` : ''}。截至${String(year)}年，${counted.join('、') || '尚无指标'}。`,
    },
    { kind: 'paragraph', text: redLineSentence(facts) },
    { kind: 'paragraph', text: coverageSentence(facts) },
  ];
  if (facts.kind === 'midterm') {
    const { ahead, behind, unknown } = summary.schedule;
    blocks.push({
      kind: 'paragraph',
      text: `对照“时间过半、任务过半”：${String(ahead)}项指标的任务进度达到或超过时间进度（p≥e，已实现的计入），${String(behind)}项低于时间进度，${String(unknown)}项因数据不足或没有可比的目标无法比较。`,
    });
  }
  if (facts.kind === 'final') {
    const { achievement } = summary;
    blocks.push({
      kind: 'paragraph',
      text: `对照规划目标：已实现${String(achievement.achieved)}项，未实现${String(achievement['not-achieved'])}项${achievement['awaiting-data'] > 0 ? `，尚无目标年数据、暂按最新数据判断进展的${String(achievement['awaiting-data'])}项` : ''}${achievement['not-yet-due'] > 0 ? `，目标年份未到${String(achievement['not-yet-due'])}项` : ''}，因数据不足无法判断${String(achievement.unknown)}项。`,
    });
  }
  const columns: TableColumn[] = [
    { title: '进展状态', width: 3 },
    { title: '指标数（项）', width: 2, align: 'center' },
  ];
  blocks.push({
    kind: 'table',
    caption: numbering.table(`主要指标进展状态汇总（截至${String(year)}年）`),
    columns,
    rows: [
      ...summary.byStatus.map((one) => [{ text: one.label, status: one.status }, { text: String(one.count) }]),
      [{ text: '其中：红线预警' }, { text: String(summary.redLines) }],
      [{ text: '合计' }, { text: String(summary.total) }],
    ],
  });
  return blocks;
}

function redLineSentence(facts: ReportFacts): string {
  const { summary } = facts;
  if (summary.redLines > 0) {
    const names = facts.indicators.filter((one) => one.redLine).map((one) => one.name);
    return `约束性指标出现红线预警${String(summary.redLines)}项：${joinNames(names)}，须作为重点督促事项（见第五部分）。`;
  }
  if (summary.binding === 0) return '规划未标明约束性指标，不涉及红线预警。';
  const unjudged = summary.bindingUnjudged;
  return unjudged > 0
    ? `约束性指标未出现红线预警，但其中${String(unjudged)}项因数据不足尚未作出判断，不能视为没有风险。`
    : '约束性指标均未出现红线预警。';
}

function coverageSentence(facts: ReportFacts): string {
  const { summary } = facts;
  const insufficient = summary.byStatus.find((one) => one.status === 'insufficient_data')?.count ?? 0;
  if (insufficient === 0 && summary.noData === 0) {
    return `数据覆盖：${String(summary.total)}项指标均有基期之后的监测数据。${computedSentence(summary.computed)}`;
  }
  const reasons = summary.gaps.map((gap) => `${String(gap.names.length)}项${gap.reason}`);
  const covered =
    summary.noData === summary.total
      ? `${String(summary.total)}项指标在基期之后均没有任何监测数据`
      : `${String(summary.total)}项指标中，${String(summary.total - summary.noData)}项有基期之后的监测数据，${String(summary.noData)}项在基期之后没有任何监测数据`;
  return `数据覆盖：${covered}。状态为“数据不足”的${String(insufficient)}项中，${reasons.join('，')}。这些指标本报告不作推算或估计，待数据报送后再行评估。${computedSentence(summary.computed)}`;
}

const computedSentence = (computed: number): string =>
  computed > 0 ? `另有${String(computed)}项指标的最新值由下级地区的数据汇总计算，表中注明“由下级汇总”。` : '';

const LAGGING: ReadonlySet<string> = new Set(['behind', 'far_behind', 'deteriorating']);

/** 五、滞后和预警事项: every red line and every indicator behind, far behind or deteriorating, with why. */
function warningSection(facts: ReportFacts): Block[] {
  const items = facts.indicators
    .filter((one) => one.redLine || LAGGING.has(one.status))
    .sort((a, b) => Number(b.redLine) - Number(a.redLine) || rankOf(a) - rankOf(b) || a.row - b.row);
  const lagging = facts.lists.lagging.map((region) => region.regionName);
  const listed =
    lagging.length > 0 ? `此外，${joinNames(lagging)}按红黑榜规则列入黑榜（见第四部分），须督促整改。` : '';
  if (items.length === 0) {
    const insufficient = facts.indicators.filter((one) => one.status === 'insufficient_data').length;
    const unknown =
      insufficient > 0 ? `但有${String(insufficient)}项指标数据不足，尚不能判断是否滞后，需加快数据报送。` : '';
    return [
      {
        kind: 'paragraph',
        text: `截至${String(facts.year)}年，未发现红线预警、进度滞后、严重滞后或出现倒退的指标。${unknown}${listed}`,
      },
    ];
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `截至${String(facts.year)}年，以下${String(items.length)}项指标出现红线预警或进度滞后，须加快推进：`,
    },
    { kind: 'list', items: items.map(warningLine) },
  ];
  if (listed !== '') blocks.push({ kind: 'paragraph', text: listed });
  if (facts.kind === 'midterm') {
    const behind = facts.indicators.filter((one) => paceOf(one) === 'behind' && !items.includes(one));
    if (behind.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `另有${joinNames(behind.map((one) => one.name))}的任务进度低于时间进度（p<e），虽按年均增速判断尚在预期之内，仍需关注。`,
      });
    }
  }
  return blocks;
}

const rankOf = (indicator: ReportIndicator): number =>
  indicator.status === 'insufficient_data' ? 99 : STATUS_RANK[indicator.status];

function warningLine(indicator: ReportIndicator): string {
  const attribute = indicator.attribute === 'binding' ? '约束性' : indicator.attribute === 'expected' ? '预期性' : '';
  const tags = [attribute, indicator.redLine ? '红线预警' : ''].filter((tag) => tag !== '').join('，');
  return `${indicator.name}${tags === '' ? '' : `（${tags}）`}：${indicator.label}。${indicator.explanation}`;
}
