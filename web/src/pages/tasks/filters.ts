/**
 * The tracking screen's filters over what the server answered: by status (its own, computed for its `today`), due
 * soon, by unit and by region. Pure functions, so the counts beside each filter are the rows it would show.
 */
import type { Commitment, Task, TrackStatus } from '../../api/tracking.ts';

/** A status filter: one of the server's statuses, due soon, or everything. */
export type StatusFilter = 'all' | TrackStatus | 'due_soon';

export const STATUS_FILTERS: readonly StatusFilter[] = [
  'all',
  'overdue',
  'due_soon',
  'in_progress',
  'not_started',
  'done',
];

/** Days ahead "due soon" looks, as the server's GET /api/tasks?status=due_soon does by default. */
export const DUE_SOON_DAYS = 30;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const soon = (due: string, today: string): boolean => {
  const days = daysBetween(today, due);
  return days >= 0 && days <= DUE_SOON_DAYS;
};

/** What the filters need of a commitment or a task. */
export interface Filterable {
  status: TrackStatus;
  /** The deadline and any unfinished milestone's date. */
  dues: string[];
  units: string[];
  /** Region codes; empty: the plan's whole region. */
  regions: string[];
}

export function commitmentFacts(item: Commitment): Filterable {
  return {
    status: item.status,
    dues: [item.deadline],
    units: item.responsibleUnit === null ? [] : [item.responsibleUnit],
    regions: [],
  };
}

export function taskFacts(task: Task): Filterable {
  return {
    status: task.status,
    dues: [task.deadline, ...task.milestones.filter((m) => m.doneAt === null).map((m) => m.due)],
    units: [task.leadUnit, ...task.partnerUnits],
    regions: task.regions.map((region) => region.code),
  };
}

/** Whether an item passes a status filter on the server's day. */
export function matchesStatus(facts: Filterable, filter: StatusFilter, today: string): boolean {
  if (filter === 'all') return true;
  if (filter === 'due_soon') {
    return facts.status !== 'done' && facts.status !== 'overdue' && facts.dues.some((due) => soon(due, today));
  }
  return facts.status === filter;
}

/** Unit and region filters; null is "all". A task naming no region applies to all of the plan's. */
export function matchesScope(facts: Filterable, unit: string | null, region: string | null): boolean {
  if (unit !== null && !facts.units.includes(unit)) return false;
  if (region !== null && facts.regions.length > 0 && !facts.regions.includes(region)) return false;
  return true;
}

/** How many items each status filter would show. */
export function countByFilter(items: readonly Filterable[], today: string): Record<StatusFilter, number> {
  const counts = Object.fromEntries(STATUS_FILTERS.map((filter) => [filter, 0])) as Record<StatusFilter, number>;
  for (const item of items) {
    for (const filter of STATUS_FILTERS) if (matchesStatus(item, filter, today)) counts[filter] += 1;
  }
  return counts;
}

/** Every unit the items name, sorted as Chinese readers expect. */
export function unitsOf(items: readonly Filterable[]): string[] {
  return [...new Set(items.flatMap((item) => item.units))].sort((a, b) => a.localeCompare(b, 'zh'));
}
