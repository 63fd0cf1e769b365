/** Commitments with their tracking and status, and their history, as the API shows them. */
import type { CommitmentUpdateView, TrackedCommitmentRow } from '../db/commitment.repository.ts';
import type { Changes, CommitmentUpdateAction } from '../db/commitment.schema.ts';
import type { EvidenceSummaryRow } from '../db/evidence.repository.ts';
import type { Comparator } from '../ingest/types.ts';
import { endOfYear } from '../domain/tasks/dates.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import { commitmentStatus } from '../domain/tasks/status.ts';
import type { Bilingual, TrackStatus } from '../domain/tasks/status.ts';
import { presentEvidence } from './evidence.presenter.ts';
import type { PresentedEvidence } from './evidence.presenter.ts';

/** Where a commitment's deadline comes from: set by a person, the year the commitment names, or the plan's end. */
export type DeadlineSource = 'set' | 'commitment' | 'plan';

/** A commitment with what has been reported of it and where it stands. */
export interface PresentedCommitment {
  planId: number;
  position: number;
  text: string;
  quantity: number;
  quantityMax: number | null;
  unit: string;
  object: string;
  approximate: boolean;
  comparator: Comparator | null;
  /** The source line the reader found it on. */
  line: number;
  /** The 专栏 it is in; null for a commitment made in the prose. */
  project: { position: number; number: number; title: string } | null;
  subproject: string | null;
  /** The section of a prose commitment. */
  section: string | null;
  /** The quantity achieved to date, in `unit`; null while nothing is reported. */
  achieved: number | null;
  /** achieved ÷ quantity, in percent (two decimals). */
  percent: number | null;
  responsibleUnit: string | null;
  deadline: IsoDate;
  deadlineSource: DeadlineSource;
  status: TrackStatus;
  label: Bilingual;
  explanation: Bilingual;
  /** The optimistic lock to send back with a change: 0 until the commitment is first tracked. */
  lock: number;
  updatedAt: string | null;
  evidence: PresentedEvidence[];
}

/** The deadline a commitment has when nobody set one: 31 December of its own year, else of the plan's last year. */
export function defaultDeadline(row: Pick<TrackedCommitmentRow, 'deadline'>, planEnd: number): IsoDate {
  return endOfYear(row.deadline ?? planEnd);
}

/** The view of a commitment on a day. */
export function presentCommitment(
  row: TrackedCommitmentRow,
  context: { planEnd: number; today: IsoDate; evidence: readonly EvidenceSummaryRow[] },
): PresentedCommitment {
  const deadline = row.tracked_deadline ?? defaultDeadline(row, context.planEnd);
  const source: DeadlineSource = row.tracked_deadline !== null ? 'set' : row.deadline !== null ? 'commitment' : 'plan';
  const terms = {
    quantity: row.quantity,
    quantityMax: row.quantity_max,
    unit: row.unit,
    approximate: row.approximate,
    comparator: row.comparator,
  };
  const verdict = commitmentStatus(terms, row.achieved, deadline, context.today);
  const project =
    row.project_position === null || row.project_number === null || row.project_title === null
      ? null
      : { position: row.project_position, number: row.project_number, title: row.project_title };
  return {
    planId: row.plan_id,
    position: row.position,
    text: row.text,
    quantity: row.quantity,
    quantityMax: row.quantity_max,
    unit: row.unit,
    object: row.object,
    approximate: row.approximate,
    comparator: row.comparator,
    line: row.line,
    project,
    subproject: row.subproject,
    section: row.section,
    achieved: row.achieved,
    percent: row.achieved === null ? null : Math.round((row.achieved / row.quantity) * 10_000) / 100,
    responsibleUnit: row.responsible_unit,
    deadline,
    deadlineSource: source,
    ...verdict,
    lock: row.lock ?? 0,
    updatedAt: row.updated_at?.toISOString() ?? null,
    evidence: context.evidence.filter((item) => item.commitment_position === row.position).map(presentEvidence),
  };
}

/** One entry of a commitment's history. */
export interface PresentedCommitmentUpdate {
  id: string;
  at: string;
  action: CommitmentUpdateAction;
  by: string | null;
  note: string | null;
  /** Each field the update changed, before and after. */
  changes: Changes;
  /** The tracked state after the update (a deadline of null: the default). */
  achieved: number | null;
  responsibleUnit: string | null;
  deadline: IsoDate | null;
  evidence: { id: number; title: string | null } | null;
}

/** The view of a history entry. */
export function presentCommitmentUpdate(row: CommitmentUpdateView): PresentedCommitmentUpdate {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    by: row.actor_name,
    note: row.note,
    changes: row.changes,
    achieved: row.achieved,
    responsibleUnit: row.responsible_unit,
    deadline: row.deadline,
    evidence: row.evidence_id === null ? null : { id: row.evidence_id, title: row.evidence_title },
  };
}
