/**
 * Where a 专栏 commitment or a task stands (未开始 / 进行中 / 已完成 / 已逾期), computed whenever it is read from what
 * was reported and the day it is: a status is never typed in, so it cannot go stale when a deadline passes.
 * Each verdict carries the sentence that explains it, in Chinese and English.
 */
import type { Comparator } from '../../ingest/types.ts';
import { daysBetween } from './dates.ts';
import type { IsoDate } from './dates.ts';

/** The four statuses, in the order a list shows them. */
export const TRACK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;

/** A status of a commitment or a task. */
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** A text people read, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The label of each status. */
export const TRACK_STATUS_LABELS: Readonly<Record<TrackStatus, Bilingual>> = {
  not_started: { zh: '未开始', en: 'not started' },
  in_progress: { zh: '进行中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
  overdue: { zh: '已逾期', en: 'overdue' },
};

/** A status with its label and the sentence that explains it. */
export interface StatusVerdict {
  status: TrackStatus;
  label: Bilingual;
  explanation: Bilingual;
}

/** What a commitment promises, as the reader found it ("新（改扩）建35所左右公办幼儿园"). */
export interface CommitmentTerms {
  quantity: number;
  /** The upper end of a range ("2—3所"); the lower end is what fulfils the promise. */
  quantityMax: number | null;
  unit: string;
  /** 左右, 近, 力争: the plan itself does not hold the exact figure. */
  approximate: boolean;
  comparator: Comparator | null;
}

/**
 * The share of an approximate quantity that counts as reaching it. "35所左右" is met by 34 as much as by 35, and a
 * ±5% band is the usual reading of 左右 in plan evaluation; 95% of 35 is 33.25, so 34 schools are done, 33 are not.
 */
export const APPROXIMATE_SHARE = 0.95;

/** The figure a reported quantity is compared with, and how. */
export interface Threshold {
  /** floor: done at (or above) the value; ceiling: done at (or below) it ("控制在…以内"). */
  kind: 'floor' | 'ceiling';
  value: number;
  /** Whether the value itself is not enough (> and <). */
  strict: boolean;
}

/** The threshold a commitment's terms set. */
export function commitmentThreshold(terms: CommitmentTerms): Threshold {
  const { quantity, comparator, approximate } = terms;
  if (comparator === '<=' || comparator === '<')
    return { kind: 'ceiling', value: quantity, strict: comparator === '<' };
  const value = approximate && comparator === null ? quantity * APPROXIMATE_SHARE : quantity;
  return { kind: 'floor', value, strict: comparator === '>' };
}

/** Whether a reported quantity fulfils the commitment. */
export function commitmentMet(terms: CommitmentTerms, achieved: number): boolean {
  const { kind, value, strict } = commitmentThreshold(terms);
  if (kind === 'ceiling') return strict ? achieved < value : achieved <= value;
  return strict ? achieved > value : achieved >= value;
}

/** A figure as people write it: at most two decimals, no trailing zeros. */
export function figure(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A commitment's status on a day: done when the quantity reported to date fulfils it (whatever the date), overdue
 * when its deadline has passed without that, not started while nothing is reported, in progress otherwise.
 * @example commitmentStatus({ quantity: 35, quantityMax: null, unit: '所', approximate: true, comparator: null }, 34, '2025-12-31', '2024-06-01').status // 'done'
 */
export function commitmentStatus(
  terms: CommitmentTerms,
  achieved: number | null,
  deadline: IsoDate,
  today: IsoDate,
): StatusVerdict {
  const { unit } = terms;
  const threshold = commitmentThreshold(terms);
  const target = `${figure(terms.quantity)}${unit}`;
  const band = bandNote(terms, threshold);
  if (achieved !== null && commitmentMet(terms, achieved)) {
    return verdict('done', {
      zh: `已完成：累计 ${figure(achieved)}${unit}，承诺 ${target}${band.zh}`,
      en: `done: ${figure(achieved)} ${unit} to date against ${target}${band.en}`,
    });
  }
  if (deadline < today) {
    const reported =
      achieved === null ? { zh: '尚未报告完成量', en: 'nothing reported' } : reportedText(achieved, unit);
    return verdict('overdue', {
      zh: `已逾期：期限 ${deadline} 已过 ${daysBetween(deadline, today)} 天，${reported.zh}，承诺 ${target}${band.zh}`,
      en: `overdue: the deadline ${deadline} passed ${daysBetween(deadline, today)} day(s) ago, ${reported.en}, against ${target}${band.en}`,
    });
  }
  const nothing = achieved === null || (threshold.kind === 'floor' && achieved === 0);
  if (nothing) {
    return verdict('not_started', {
      zh: `未开始：尚无完成量，承诺 ${target}${band.zh}，期限 ${deadline}`,
      en: `not started: nothing achieved yet, against ${target}${band.en}, due ${deadline}`,
    });
  }
  const share = threshold.kind === 'floor' ? `（${figure((achieved / terms.quantity) * 100)}%）` : '';
  const shareEn = threshold.kind === 'floor' ? ` (${figure((achieved / terms.quantity) * 100)}%)` : '';
  return verdict('in_progress', {
    zh: `进行中：累计 ${figure(achieved)}${unit}${share}，承诺 ${target}${band.zh}，期限 ${deadline}`,
    en: `in progress: ${figure(achieved)} ${unit}${shareEn} to date against ${target}${band.en}, due ${deadline}`,
  });
}

function reportedText(achieved: number, unit: string): Bilingual {
  return { zh: `累计 ${figure(achieved)}${unit}`, en: `${figure(achieved)} ${unit} to date` };
}

/** How the threshold reads the terms, when it is not the bare quantity. */
function bandNote(terms: CommitmentTerms, threshold: Threshold): Bilingual {
  const at = `${figure(threshold.value)}${terms.unit}`;
  if (threshold.kind === 'ceiling') {
    return threshold.strict
      ? { zh: `（须低于 ${at}）`, en: ` (must stay below ${at})` }
      : { zh: `（须不超过 ${at}）`, en: ` (must not exceed ${at})` };
  }
  if (threshold.strict) return { zh: `（须超过 ${at}）`, en: ` (must exceed ${at})` };
  if (terms.approximate && terms.comparator === null) {
    return { zh: `（“左右”：达到 95% 即 ${at} 视为完成）`, en: ` (approximate: 95%, ${at}, counts as done)` };
  }
  return { zh: '', en: '' };
}

/** A milestone's dates. */
export interface MilestoneDates {
  due: IsoDate;
  doneAt: IsoDate | null;
}

/** A milestone is done, overdue (due before today and not done) or pending. */
export type MilestoneStatus = 'done' | 'overdue' | 'pending';

/** Where a milestone stands on a day. */
export function milestoneStatus(milestone: MilestoneDates, today: IsoDate): MilestoneStatus {
  if (milestone.doneAt !== null) return 'done';
  return milestone.due < today ? 'overdue' : 'pending';
}

/** What a task's status is computed from: the progress its responsible unit reports, its milestones, its deadline. */
export interface TaskState {
  /** 0-100, as reported. */
  progress: number;
  deadline: IsoDate;
  milestones: readonly MilestoneDates[];
}

/**
 * A task's status on a day: done when its unit reports 100% and every milestone is done; overdue when its deadline
 * has passed without that; not started while nothing is reported or done; in progress otherwise. A late milestone
 * does not make the task overdue (the task may still finish in time), but the explanation names it.
 */
export function taskStatus(task: TaskState, today: IsoDate): StatusVerdict {
  const total = task.milestones.length;
  const done = task.milestones.filter((milestone) => milestone.doneAt !== null).length;
  const late = task.milestones.filter((milestone) => milestoneStatus(milestone, today) === 'overdue').length;
  const steps =
    total === 0 ? { zh: '', en: '' } : { zh: `，里程碑 ${done}/${total}`, en: `, milestones ${done}/${total}` };
  const lateNote =
    late === 0 ? { zh: '', en: '' } : { zh: `，${late} 个里程碑逾期`, en: `, ${late} milestone(s) late` };
  if (task.progress >= 100 && done === total) {
    return verdict('done', { zh: `已完成：进度 100%${steps.zh}`, en: `done: 100%${steps.en}` });
  }
  if (task.deadline < today) {
    const days = daysBetween(task.deadline, today);
    return verdict('overdue', {
      zh: `已逾期：期限 ${task.deadline} 已过 ${days} 天，进度 ${figure(task.progress)}%${steps.zh}${lateNote.zh}`,
      en: `overdue: the deadline ${task.deadline} passed ${days} day(s) ago at ${figure(task.progress)}%${steps.en}${lateNote.en}`,
    });
  }
  if (task.progress === 0 && done === 0) {
    return verdict('not_started', {
      zh: `未开始：进度 0%${steps.zh}${lateNote.zh}，期限 ${task.deadline}`,
      en: `not started: 0%${steps.en}${lateNote.en}, due ${task.deadline}`,
    });
  }
  const open =
    task.progress >= 100
      ? { zh: '（进度已报 100%，尚有里程碑未完成）', en: ' (100% reported, milestones still open)' }
      : { zh: '', en: '' };
  return verdict('in_progress', {
    zh: `进行中：进度 ${figure(task.progress)}%${open.zh}${steps.zh}${lateNote.zh}，期限 ${task.deadline}`,
    en: `in progress: ${figure(task.progress)}%${open.en}${steps.en}${lateNote.en}, due ${task.deadline}`,
  });
}

function verdict(status: TrackStatus, explanation: Bilingual): StatusVerdict {
  return { status, label: TRACK_STATUS_LABELS[status], explanation };
}
