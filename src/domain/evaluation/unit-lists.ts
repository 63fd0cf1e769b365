/**
 * 红黑榜 of responsible units: which departments deliver their commitments and tasks and which let them slip,
 * computed from the tracking statuses by a rule shown with the lists. A unit with nothing due yet is on neither.
 */
import type { TrackStatus } from '../tasks/status.ts';

export interface UnitItem {
  readonly unit: string;
  readonly status: TrackStatus;
}

export interface ListedUnit {
  readonly unit: string;
  readonly items: number;
  readonly done: number;
  readonly overdue: number;
  readonly inProgress: number;
  readonly notStarted: number;
}

export interface UnitLists {
  readonly ruleText: { readonly zh: string; readonly en: string };
  /** 红榜: no overdue item and at least one done; most done first. */
  readonly leading: readonly ListedUnit[];
  /** 黑榜: at least one overdue item; most overdue first. */
  readonly lagging: readonly ListedUnit[];
  /** Neither: nothing done and nothing overdue yet. */
  readonly others: readonly ListedUnit[];
}

/** Sorts units onto the lists: a lead or partner unit answers for every item naming it. */
export function unitLists(items: readonly UnitItem[]): UnitLists {
  const byUnit = new Map<string, ListedUnit>();
  for (const item of items) {
    const unit = item.unit.trim();
    if (unit === '') continue;
    const known = byUnit.get(unit) ?? { unit, items: 0, done: 0, overdue: 0, inProgress: 0, notStarted: 0 };
    byUnit.set(unit, {
      ...known,
      items: known.items + 1,
      done: known.done + (item.status === 'done' ? 1 : 0),
      overdue: known.overdue + (item.status === 'overdue' ? 1 : 0),
      inProgress: known.inProgress + (item.status === 'in_progress' ? 1 : 0),
      notStarted: known.notStarted + (item.status === 'not_started' ? 1 : 0),
    });
  }
  const units = [...byUnit.values()];
  return {
    ruleText: {
      zh: '有逾期未完成事项的责任单位列入黑榜（逾期多者在前）；无逾期且已有完成事项的列入红榜（完成多者在前）。',
      en: 'A unit with an overdue item lags (most overdue first); one with none overdue and at least one done leads (most done first).',
    },
    lagging: units
      .filter((unit) => unit.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit, 'zh')),
    leading: units
      .filter((unit) => unit.overdue === 0 && unit.done > 0)
      .sort((a, b) => b.done - a.done || a.unit.localeCompare(b.unit, 'zh')),
    others: units.filter((unit) => unit.overdue === 0 && unit.done === 0),
  };
}
