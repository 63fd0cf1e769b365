/**
 * The facts a report states, from the evaluation service's answers: each indicator with the API's numbers untouched,
 * and the summary in numbers (statuses, red lines, data gaps, the mid-term pace and the final achievement).
 */
import type { IndicatorProgress } from '../../services/evaluation.service.ts';
import { DEFAULT_BANDS, STATUS_LABELS } from '../../domain/progress/index.ts';
import type { Bands, InsufficientReason, ProgressStatus } from '../../domain/progress/index.ts';
import type { Achievement, ReportIndicator, ReportSummary } from './types.ts';

const ACHIEVED: ReadonlySet<ProgressStatus> = new Set(['achieved', 'achieved_early']);

/** Why an indicator is 数据不足, in the words the summary uses. */
const GAP_REASONS: Readonly<Record<InsufficientReason, string>> = {
  'no-baseline': '缺少基期值',
  'no-latest': '基期之后尚无监测数据',
  'latest-not-after-baseline': '基期之后尚无监测数据',
  'target-not-after-baseline': '目标年份不晚于基期，无法计算进度',
  'not-finite': '数值无法计算进度',
  'lower-bound-decrease': '仅有下限数据（如“以上”“超过”），不足以判断',
  'lower-bound-uninformative': '仅有下限数据（如“以上”“超过”），不足以判断',
  'not-computable': '数值无法计算进度',
};

/** One indicator as the report states it, the API's numbers untouched. */
export function reportIndicator(item: IndicatorProgress, year: number): ReportIndicator {
  const { assessment } = item;
  return {
    row: item.row,
    category: item.category,
    name: item.name,
    unit: item.unit ?? '',
    attribute: item.attribute,
    baseline: item.baseline === null ? null : { year: item.baseline.year, value: item.baseline.value },
    target:
      item.target === null
        ? null
        : { year: item.target.year, value: item.target.value, comparator: assessment.inputs.comparator },
    latest: item.latest,
    series: item.series,
    status: assessment.status,
    label: assessment.label.zh,
    redLine: assessment.redLine,
    lowerBound: assessment.lowerBound,
    insufficientReason: assessment.insufficientReason,
    explanation: assessment.explanation.zh,
    notes: assessment.notes.map((note) => note.zh),
    schedule: assessment.schedule,
    projection: assessment.projection,
    achievement: achievementOf(item, year),
  };
}

/** Whether the target is met, as a final evaluation asks; missed only once the target year's figure is in. */
function achievementOf(item: IndicatorProgress, year: number): Achievement {
  const status = item.assessment.status;
  if (ACHIEVED.has(status)) return 'achieved';
  if (item.target === null || status === 'insufficient_data') return 'unknown';
  if (year < item.target.year) return 'not-yet-due';
  return (item.latest?.year ?? 0) >= item.target.year ? 'not-achieved' : 'awaiting-data';
}

/** The summary in numbers (一、总体情况). */
export function summarise(indicators: readonly ReportIndicator[]): ReportSummary {
  const count = (test: (indicator: ReportIndicator) => boolean) => indicators.filter(test).length;
  const gaps = new Map<string, string[]>();
  for (const indicator of indicators) {
    if (indicator.status !== 'insufficient_data') continue;
    const reason = GAP_REASONS[indicator.insufficientReason ?? 'no-latest'];
    gaps.set(reason, [...(gaps.get(reason) ?? []), indicator.name]);
  }
  const paces = indicators.map(paceOf);
  const achievement: Record<Achievement, number> = {
    achieved: 0,
    'not-achieved': 0,
    'awaiting-data': 0,
    'not-yet-due': 0,
    unknown: 0,
  };
  for (const indicator of indicators) achievement[indicator.achievement] += 1;
  return {
    total: indicators.length,
    binding: count((one) => one.attribute === 'binding'),
    expected: count((one) => one.attribute === 'expected'),
    byStatus: (Object.keys(STATUS_LABELS) as ProgressStatus[]).map((status) => ({
      status,
      label: STATUS_LABELS[status].zh,
      count: count((one) => one.status === status),
    })),
    redLines: count((one) => one.redLine),
    bindingUnjudged: count((one) => one.attribute === 'binding' && one.status === 'insufficient_data'),
    noData: count((one) => one.latest === null),
    gaps: [...gaps].map(([reason, names]) => ({ reason, names })),
    computed: count((one) => one.latest?.provenance === 'computed'),
    schedule: {
      ahead: paces.filter((pace) => pace === 'ahead').length,
      behind: paces.filter((pace) => pace === 'behind').length,
      unknown: paces.filter((pace) => pace === null).length,
    },
    achievement,
  };
}

/** The target-method bands the statuses were read against (configurable, so taken from an assessment). */
export function bandsOf(items: readonly IndicatorProgress[]): Bands {
  const judged = items.find((item) => ['anticipated', 'linear', 'maintain'].includes(item.assessment.method));
  return judged?.assessment.bands ?? DEFAULT_BANDS.target;
}

/**
 * 时间过半、任务过半: whether the share of the planned change done (p) keeps up with the share of the period gone (e);
 * null where the status is 数据不足, since a lower bound's p (30 from a 99.66 floor) would mislead.
 */
export function paceOf(indicator: ReportIndicator): 'ahead' | 'behind' | null {
  const { progress, elapsed } = indicator.schedule;
  if (ACHIEVED.has(indicator.status)) return 'ahead';
  if (indicator.status === 'insufficient_data' || progress === null || elapsed === null) return null;
  return progress >= elapsed ? 'ahead' : 'behind';
}
