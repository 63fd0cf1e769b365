/**
 * 重点工程和任务进展 (a place kept for the projects and tasks, which say plainly when nothing has been entered) and
 * 数据来源与说明: which figures count, where they come from, what is done with gaps, and the method that turned them
 * into statuses, with the band values actually used.
 */
import type { Numbering } from './sections.ts';
import type { Block, ReportFacts, ReportProject } from './types.ts';

/** 重点工程和任务进展: the projects and tasks given, or a plain statement that none were entered. */
export function projectSection(projects: readonly ReportProject[], numbering: Numbering): Block[] {
  if (projects.length === 0) return [{ kind: 'paragraph', text: '重点工程和任务的进展数据尚未录入。' }];
  return [
    {
      kind: 'table',
      caption: numbering.table('重点工程和任务进展情况'),
      columns: [
        { title: '序号', width: 0.6, align: 'center' },
        { title: '工程或任务', width: 3.4 },
        { title: '责任单位', width: 1.6 },
        { title: '状态', width: 1, align: 'center' },
        { title: '进展', width: 3.4 },
      ],
      rows: projects.map((project, index) => [
        { text: String(index + 1) },
        { text: project.name },
        { text: project.unit ?? '—' },
        { text: project.status },
        { text: project.progress ?? '—' },
      ]),
    },
  ];
}

/** 数据来源与说明. */
export function sourceSection(facts: ReportFacts): Block[] {
  const { bands } = facts;
  const [high, med, low] = [bands.high, bands.med, bands.low].map((band) => String(Number(band.toFixed(4))));
  const basis =
    facts.basis === 'published'
      ? '本报告只采用已发布的数据，与平台对外公开的数据一致。'
      : '本报告采用已审核的数据，其中包括尚未对外发布的数据；对外公开前，请以发布后的数据为准。';
  return [
    {
      kind: 'list',
      items: [
        `数据口径：${basis}各项数值与平台监测评估接口返回的数值一致。`,
        '数据来源：一是从公开发布的教育事业统计公报等统计资料中采集的数据，每个数值在平台中记录其出处和原文；二是各级教育行政部门按监测指标填报、经审核的数据。本级未报送而所辖地区已报送的，按指标口径由下级数据汇总计算（比率类指标分别汇总分子和分母后相除），表中注明“由下级汇总”。统计资料只给出下限的（如“以上”“超过”），按下限判断并注明“至少”。',
        '缺失数据：没有数据的指标、年份和地区如实标为“数据不足”或“暂无数据”，不作插值、推算或估计，也不参加排名。',
        `进展状态：采用加拿大统计局和联合国可持续发展目标开放平台（Open SDG）的预期进度法。以基期值y₀（基期t₀）、目标值y_T（目标年T）和最新值y_t（年份t）计算年均增速CAGR=(v₁/v₀)^(1/(t₁−t₀))−1，进度比R=实际年均增速÷实现目标所需的年均增速（指标越低越好的，方向取反）。R≥${high}为基本符合预期，其中R≥1且任务进度p大于时间进度e的为快于预期；${med}≤R<${high}为进度滞后；${low}≤R<${med}为严重滞后；R<${low}为出现倒退；最新值已达到目标的为已实现，在目标年之前达到的为提前实现。目标值与基期值相同的保持类指标，比较方向成立即为已实现，否则为出现倒退；没有目标值的指标按该方法的无目标变体判断。`,
        '时间过半、任务过半：任务进度p=(y_t−y₀)/(y_T−y₀)，时间进度e=(t−t₀)/(T−t₀)，p≥e即任务进度跟上了时间进度。',
        '红线预警：约束性指标未达到基本符合预期（即进度滞后、严重滞后或出现倒退）的，列为红线预警。',
        '趋势预测：按基期至最新年份的年均增速外推到目标年，仅用于判断按当前趋势能否实现目标，不是统计数据。',
      ],
    },
  ];
}
