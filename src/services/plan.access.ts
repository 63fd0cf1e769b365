/**
 * Who may see and change which plan, and how a plan change is written to the audit log. Published (and superseded)
 * plans are public documents; a draft is seen only by an account with plan.read_draft for its region.
 */
import type { JsonValue } from '../db/account.schema.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import { can } from '../domain/access.ts';
import type { PlanStatus } from '../db/plan.schema.ts';
import type { Actor, AuditEvent } from './audit.ts';
import type { PlanSummary } from './plan.presenter.ts';
import { relationOf } from './scope.ts';

/** Who reads: an actor, or null for the public (no account). */
export type Viewer = Actor | null;

/** Whether the viewer may read a plan of this status in this region. */
export async function canReadPlan(
  regions: RegionRepository,
  viewer: Viewer,
  plan: { status: PlanStatus; region_code: string },
): Promise<boolean> {
  if (plan.status !== 'draft' || viewer === 'system') return true;
  if (viewer === null) return false;
  return can(viewer, 'plan.read_draft', await relationOf(regions, viewer, plan.region_code));
}

/** A value as the audit log stores it: plain JSON, whatever interfaces it was typed with. */
export const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/** What the audit log keeps of a plan: enough to tell versions, regions and periods apart. */
function planState(plan: PlanSummary): JsonValue {
  return {
    regionCode: plan.region.code,
    period: `${plan.period.start}-${plan.period.end}`,
    status: plan.status,
    version: plan.version,
    title: plan.title,
    source: plan.source.sha256,
  };
}

/** The audit event of a change to a plan, with its state before (when it existed) and after. */
export function planEvent(action: string, after: PlanSummary, before?: PlanSummary): AuditEvent {
  return {
    action,
    entity: 'plan',
    entityId: String(after.id),
    regionCode: after.region.code,
    ...(before === undefined ? {} : { before: planState(before) }),
    after: planState(after),
  };
}
