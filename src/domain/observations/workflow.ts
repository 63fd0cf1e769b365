/**
 * The data workflow (填报 / 审核 / 发布): draft -> submitted -> approved -> published; returned with a reason goes
 * back to draft. Approved and published figures are locked: changing one is a correction, a new version with a
 * reason that must be approved again. Pure: the service checks who may act (the permission matrix) and the lock.
 */
import type { Action } from '../access.ts';

export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'published';

/** A workflow step a reviewer or reporter takes on a figure as it stands. */
export type WorkflowStep = 'submit' | 'approve' | 'return' | 'publish';

interface StepRule {
  readonly from: readonly ObservationStatus[];
  readonly to: ObservationStatus;
  /** The permission the actor needs on the figure's region. */
  readonly permission: Action;
  readonly needsReason: boolean;
}

/**
 * Each step, the statuses it starts from, where it leads and who may take it. A return reaches approved figures
 * too (a reviewer above may send back what the level below approved), but never published ones: a published
 * figure changes only by correction, so the public never sees it disappear.
 */
export const WORKFLOW: Readonly<Record<WorkflowStep, StepRule>> = {
  submit: { from: ['draft'], to: 'submitted', permission: 'data.enter', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', permission: 'data.approve', needsReason: false },
  return: { from: ['submitted', 'approved'], to: 'draft', permission: 'data.approve', needsReason: true },
  publish: { from: ['approved'], to: 'published', permission: 'data.publish', needsReason: false },
};

/** The Chinese and English names of the statuses, as people read them. */
export const STATUS_LABELS: Readonly<Record<ObservationStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交待审核', en: 'submitted' },
  approved: { zh: '已审核', en: 'approved' },
  published: { zh: '已发布', en: 'published' },
};

export const STEP_LABELS: Readonly<Record<WorkflowStep, { zh: string; en: string }>> = {
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审核通过', en: 'approve' },
  return: { zh: '退回', en: 'return' },
  publish: { zh: '发布', en: 'publish' },
};

/** What a new value does to a figure in each status. */
export type Revision =
  /** A draft (or a returned figure) is revised in place: a new version, still a draft. */
  | { readonly kind: 'revise' }
  /** A submitted figure waits for its reviewer: return it first. */
  | { readonly kind: 'refused'; readonly code: 'OBSERVATION_UNDER_REVIEW' }
  /** An approved or published figure is corrected: a new version with a reason, approved again. */
  | { readonly kind: 'correct' };

/** How a new value is taken, given the figure's status. */
export function revisionOf(status: ObservationStatus): Revision {
  if (status === 'draft') return { kind: 'revise' };
  if (status === 'submitted') return { kind: 'refused', code: 'OBSERVATION_UNDER_REVIEW' };
  return { kind: 'correct' };
}
