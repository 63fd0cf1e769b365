/**
 * The report model: the evaluation service's answers for one plan and year (the same objects the API returns, so a
 * figure in the report is the figure in the API), restated as the facts a report gives and laid out in sections.
 * Pure: no database, no clock (the date is passed in), no rendering.
 */
import { bandsOf, reportIndicator, summarise } from './facts.ts';
import { reportSections } from './sections.ts';
import { chineseDate, fileStem, kindTitle, planTitle } from './text.ts';
import type { PlanReportInput, PlanReportModel } from './types.ts';

/**
 * The report for a plan and year, from the evaluation service's answers.
 * @example planReportModel({ kind: 'annual', plan, progress, rankings, lists, generatedAt: new Date() }).title
 * // '山西省“十四五”教育事业发展规划2024年度监测报告'
 */
export function planReportModel(input: PlanReportInput): PlanReportModel {
  const { kind, plan, progress } = input;
  const year = progress.year;
  const indicators = progress.items.map((item) => reportIndicator(item, year));
  const titleLines = [planTitle(plan), kindTitle(kind, year)] as const;
  const basisText = progress.basis === 'published' ? '已发布数据' : '已审核数据（含尚未发布的）';
  const facts = {
    kind,
    year,
    titleLines,
    title: titleLines.join(''),
    subtitle: `（${kind === 'annual' ? '监测' : '评估'}年度：${String(year)}年\u3000数据口径：${basisText}\u3000编制日期：${chineseDate(input.generatedAt)}）`,
    fileStem: fileStem(kind, year, plan),
    plan,
    basis: progress.basis,
    summary: summarise(indicators),
    indicators,
    // A row whose regions below have no figure for the year has nothing to rank or draw.
    rankings: input.rankings.filter((ranking) => ranking.items.length > 0),
    lists: input.lists,
    bands: bandsOf(progress.items),
  };
  return { ...facts, sections: reportSections(facts, input.projects ?? []) };
}
