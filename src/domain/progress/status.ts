/**
 * Statuses and their labels. The Chinese labels are those of the national 14th Five-Year mid-term evaluation
 * (提前实现, 快于预期, 基本符合预期) and of the 12th plan's (进度滞后); the red line is the plans' own word for a
 * binding (约束性) indicator.
 */
import type { Band } from './bands.ts';
import type { Bilingual, ProgressStatus, SdgStatus } from './types.ts';

export const STATUS_LABELS: Readonly<Record<ProgressStatus, Bilingual>> = {
  achieved_early: { zh: '提前实现', en: 'achieved early' },
  achieved: { zh: '已实现', en: 'achieved' },
  ahead: { zh: '快于预期', en: 'ahead of schedule' },
  on_track: { zh: '基本符合预期', en: 'on track' },
  behind: { zh: '进度滞后', en: 'behind schedule: acceleration needed' },
  far_behind: { zh: '严重滞后', en: 'far behind: limited progress' },
  deteriorating: { zh: '出现倒退', en: 'deteriorating' },
  insufficient_data: { zh: '数据不足', en: 'insufficient data' },
};

export const RED_LINE_LABEL: Bilingual = { zh: '红线预警', en: 'red-line warning' };

/**
 * The order of the statuses, worst first, for sorting and for "never worse" checks; insufficient_data has no place
 * in it, because a missing figure is neither good nor bad.
 */
export const STATUS_RANK: Readonly<Record<Exclude<ProgressStatus, 'insufficient_data'>, number>> = {
  deteriorating: 0,
  far_behind: 1,
  behind: 2,
  on_track: 3,
  ahead: 4,
  achieved: 5,
  achieved_early: 5,
};

/** The rank of a status (higher is better); null for insufficient_data. */
export function statusRank(status: ProgressStatus): number | null {
  return status === 'insufficient_data' ? null : STATUS_RANK[status];
}

/** The statuses that keep a binding indicator off the red line. */
const SAFE: ReadonlySet<ProgressStatus> = new Set(['achieved_early', 'achieved', 'ahead', 'on_track']);

/**
 * Whether a binding indicator is raised to 红线预警. Missing data is not: a red line says the target is being missed,
 * and that is never guessed.
 */
export function isRedLine(status: ProgressStatus, binding: boolean): boolean {
  return binding && status !== 'insufficient_data' && !SAFE.has(status);
}

/** The status a band stands for: high = on track, med = behind, low = far behind, below = deteriorating. */
export function statusOfBand(band: Band): ProgressStatus {
  switch (band) {
    case 'high':
      return 'on_track';
    case 'med':
      return 'behind';
    case 'low':
      return 'far_behind';
    case 'below':
      return 'deteriorating';
  }
}

/** Achieved at or after the target year, or before it (提前实现). */
export function achievedStatus(year: number, targetYear: number): ProgressStatus {
  return year < targetYear ? 'achieved_early' : 'achieved';
}

/**
 * sdg-build's `get_progress_status_from_score`: [2.5, 5] substantial, [0, 2.5) moderate, [−2.5, 0) limited,
 * [−5, −2.5) deterioration.
 */
export function sdgStatusFromScore(score: number | null, achieved: boolean): SdgStatus {
  if (achieved) return 'target_achieved';
  if (score === null || Number.isNaN(score)) return 'not_available';
  if (score >= 2.5) return 'substantial_progress';
  if (score >= 0) return 'moderate_progress';
  if (score >= -2.5) return 'limited_progress';
  return 'deterioration';
}
