/**
 * 三、重点指标趋势 and 四、各地区比较: the figures drawn (each chart described by its data, so every format draws the
 * same thing or prints it as a table), the regions below ranked, and the red and black lists with their rule.
 */
import type { Rankings } from '../../services/evaluation.service.ts';
import { latestText, targetText } from './section-indicators.ts';
import type { Numbering } from './sections.ts';
import { figure, joinNames, percent, targetFigure } from './text.ts';
import type { Block, RankingChart, ReportFacts, ReportIndicator, TableColumn, TrendChart } from './types.ts';

/** The trend of one indicator: baseline, every figure since, the target and where the current trend leads. */
export function trendChart(indicator: ReportIndicator): TrendChart {
  const { baseline, target, projection, latest, series } = indicator;
  const years = [
    ...(baseline === null ? [] : [baseline.year]),
    ...series.map((point) => point.year),
    ...(target === null ? [] : [target.year]),
    ...(projection === null ? [] : [projection.year]),
  ];
  const from = Math.min(...years);
  const to = Math.max(...years);
  return {
    kind: 'trend',
    id: `trend-${String(indicator.row)}`,
    title: indicator.name,
    unit: indicator.unit,
    years: Array.from({ length: to - from + 1 }, (_, i) => from + i),
    baseline,
    observed: series.map((point) => ({
      year: point.year,
      value: point.value,
      lowerBound: point.qualifier === 'at_least',
      computed: point.provenance === 'computed',
    })),
    target:
      target === null
        ? null
        : {
            year: target.year,
            value: target.value,
            text: targetFigure(target.value, target.comparator, indicator.unit),
          },
    // A trend drawn from a lower bound (数据不足) would show a decline nobody observed.
    projection:
      projection === null ||
      latest === null ||
      projection.year <= latest.year ||
      indicator.status === 'insufficient_data'
        ? null
        : { from: { year: latest.year, value: latest.value }, to: { year: projection.year, value: projection.value } },
  };
}

/** 三、重点指标趋势: a chart for each indicator with at least one figure. */
export function trendSection(facts: ReportFacts, numbering: Numbering): Block[] {
  const drawn = facts.indicators.filter((indicator) => indicator.series.length > 0);
  if (drawn.length === 0) {
    return [
      {
        kind: 'paragraph',
        text: `截至${String(facts.year)}年，规划主要指标均没有监测数据，暂无法绘制趋势图；待数据报送后补充。`,
      },
    ];
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `有监测数据（含基期年份的数据）的${String(drawn.length)}项指标，其基期以来的变化、规划目标和按当前趋势外推的预测值见下图。图中实线圆点为监测值（三角形为只知下限的数据，菱形为由下级汇总的数据），方块为规划基期值，虚线为目标值，点线为趋势预测。`,
    },
  ];
  for (const indicator of drawn) {
    blocks.push({
      kind: 'chart',
      caption: numbering.figure(`${indicator.name}${indicator.unit === '' ? '' : `（${indicator.unit}）`}`),
      chart: trendChart(indicator),
      note: `${indicator.label}${indicator.redLine ? '（红线预警）' : ''}。目标${targetText(indicator)}，最新${latestText(indicator)}。${indicator.explanation}`,
    });
  }
  return blocks;
}

/** The regions below in rank order on one indicator, with the plan's target as the line to reach. */
export function rankingChart(ranking: Rankings, indicator: ReportIndicator | undefined): RankingChart {
  const target = indicator?.target ?? null;
  return {
    kind: 'ranking',
    id: `ranking-${String(ranking.row)}`,
    title: ranking.indicatorName,
    unit: ranking.unit,
    bars: ranking.items.map((item) => ({
      region: item.regionName,
      value: item.value,
      rank: item.rank,
      computed: item.provenance === 'computed',
    })),
    target:
      target === null
        ? null
        : { value: target.value, text: targetFigure(target.value, target.comparator, ranking.unit) },
  };
}

function changeText(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return '持平';
  return change > 0 ? `前移${String(change)}位` : `后移${String(-change)}位`;
}

const RANK_COLUMNS: readonly TableColumn[] = [
  { title: '位次', width: 0.8, align: 'center' },
  { title: '地区', width: 1.6 },
  { title: '数值', width: 1.6, align: 'center' },
  { title: '上年位次', width: 1, align: 'center' },
  { title: '位次变化', width: 1.1, align: 'center' },
  { title: '进展状态', width: 1.4, align: 'center' },
];

function rankingBlocks(facts: ReportFacts, ranking: Rankings, index: number, numbering: Numbering): Block[] {
  const indicator = facts.indicators.find((one) => one.row === ranking.row);
  const unitText = ranking.unit === '' ? '' : `（${ranking.unit}）`;
  const blocks: Block[] = [
    { kind: 'subheading', text: `（${chineseOrdinal(index)}）${ranking.indicatorName}` },
    {
      kind: 'table',
      caption: numbering.table(`${ranking.indicatorName}${unitText}排名（${String(ranking.year)}年）`),
      columns: RANK_COLUMNS,
      rows: ranking.items.map((item) => {
        const computed = item.provenance === 'computed';
        return [
          { text: String(item.rank) },
          { text: item.regionName },
          { text: `${figure(item.value, ranking.unit, computed)}${computed ? '（汇总）' : ''}` },
          { text: item.previousRank === null ? '—' : String(item.previousRank) },
          { text: changeText(item.change) },
          { text: item.label.zh, status: item.status },
        ];
      }),
    },
    {
      kind: 'chart',
      caption: numbering.figure(`${ranking.indicatorName}${unitText}各地区比较（${String(ranking.year)}年）`),
      chart: rankingChart(ranking, indicator),
    },
  ];
  if (ranking.missing.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${joinNames(ranking.missing.map((region) => region.regionName))}暂无${String(ranking.year)}年数据，未参加排名。`,
    });
  }
  return blocks;
}

const chineseOrdinal = (index: number): string =>
  ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][index] ?? String(index + 1);

/** 四、各地区比较: the regions below ranked on each indicator they have figures for, and the red and black lists. */
export function regionSection(facts: ReportFacts, numbering: Numbering): Block[] {
  const { lists, year } = facts;
  const below = facts.plan.region.level === 'province' ? '各市' : '所辖各县（市、区）';
  const regions = [...lists.leading, ...lists.lagging, ...lists.middle, ...lists.insufficient];
  if (regions.length === 0) return [{ kind: 'paragraph', text: '本级没有下级地区，不作地区比较。' }];
  const blocks: Block[] = [];
  if (facts.rankings.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${String(year)}年${below}（共${String(regions.length)}个）在规划主要指标上均没有可供比较的数据，暂不排名；没有数据的地区不作推算。`,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `按${String(year)}年数据，${below}在以下${String(facts.rankings.length)}项指标上排名（数值相同的并列，下一位次顺延）；“位次变化”为与上年相比前移或后移的位数。没有数据的地区不参加排名，也不作推算。`,
    });
    facts.rankings.forEach((ranking, index) => blocks.push(...rankingBlocks(facts, ranking, index, numbering)));
  }
  blocks.push({ kind: 'subheading', text: `（${chineseOrdinal(facts.rankings.length)}）红黑榜` });
  blocks.push({ kind: 'paragraph', text: `红黑榜按以下规则列出。${lists.ruleText.zh}` });
  const listed = (region: (typeof regions)[number]) =>
    `${region.regionName}（已评价${String(region.judged)}项，达到预期${String(region.onTrack)}项${region.share === null ? '' : `，占${percent(region.share)}`}${region.redLines > 0 ? `，红线预警${String(region.redLines)}项` : ''}）`;
  blocks.push({
    kind: 'list',
    items: [
      `红榜：${joinNames(lists.leading.map(listed))}。`,
      `黑榜：${joinNames(lists.lagging.map(listed))}。`,
      `其余已评价地区：${joinNames(lists.middle.map(listed))}。`,
      `有数据的指标不足${String(lists.rule.minJudged)}项、暂不列榜：${joinNames(lists.insufficient.map((region) => region.regionName))}${lists.insufficient.length > 0 ? `（共${String(lists.insufficient.length)}个）` : ''}。`,
    ],
  });
  return blocks;
}
