/**
 * The checks commitments and tasks share beyond the permission matrix: only a published plan is tracked, and a
 * responsible unit (责任单位) reports only on what names it. The matrix gives a responsible_unit account task.update
 * in its own region; which commitment or task is its own is a fact of the data, so it is checked here.
 */
import type { PlanStatus } from '../db/plan.schema.ts';
import type { UserRepository } from '../db/user.repository.ts';
import type { Actor } from './audit.ts';
import { planNotTrackable, unitNotNamed } from './task.errors.ts';

/** Throws PLAN_NOT_TRACKABLE unless the plan is the published version. */
export function requireTrackable(plan: { id: number; status: PlanStatus }): void {
  if (plan.status !== 'published') throw planNotTrackable(plan.id, plan.status);
}

/** What is being reported on, in both languages, for the refusal. */
export interface ReportedOn {
  zh: string;
  en: string;
}

/**
 * Throws UNIT_NOT_RESPONSIBLE when a responsible-unit account reports on something that does not name its unit.
 * Other roles have passed authorize() already: a city's administrator may report for any of its units.
 */
export async function requireNamedUnit(
  users: UserRepository,
  actor: Actor,
  named: readonly (string | null)[],
  what: ReportedOn,
): Promise<void> {
  if (actor === 'system' || actor.role !== 'responsible_unit') return;
  const units = named.filter((unit): unit is string => unit !== null);
  const unit = (await users.findById(actor.id))?.unit_name ?? null;
  if (unit === null || !units.includes(unit)) throw unitNotNamed(unit, units, what.zh, what.en);
}
