import type { Kysely, Updateable } from 'kysely';
import type {
  CommitmentTrackingRow,
  CommitmentTrackingTable,
  CommitmentUpdateRow,
  NewCommitmentTracking,
  NewCommitmentUpdate,
} from './commitment.schema.ts';
import type { PlanCommitmentRow, PlanStatus } from './plan.schema.ts';
import type { Database, IsoDate } from './schema.ts';

/** A commitment as the reader found it, with its 专栏 and what has been tracked of it (nulls when nothing). */
export interface TrackedCommitmentRow extends PlanCommitmentRow {
  project_number: number | null;
  project_title: string | null;
  achieved: number | null;
  responsible_unit: string | null;
  /** The deadline someone set; null for the default. */
  tracked_deadline: IsoDate | null;
  /** Null while the commitment has no tracking row (a first write names lock 0). */
  lock: number | null;
  updated_at: Date | null;
}

/** The plan a commitment belongs to, as a write needs it. */
export interface TrackedPlanRow {
  id: number;
  region_code: string;
  status: PlanStatus;
  period_start: number;
  period_end: number;
}

/** A history entry with the name of the account that made it and the evidence it added. */
export interface CommitmentUpdateView extends CommitmentUpdateRow {
  actor_name: string | null;
  evidence_title: string | null;
}

/** What an update may change in a tracking row. */
export type TrackingChanges = Omit<Updateable<CommitmentTrackingTable>, 'plan_id' | 'position' | 'lock'>;

/** SQL over the commitment-tracking tables. */
export interface CommitmentRepository {
  /** The plan's commitments in document order, each with its tracking. */
  list(planId: number): Promise<TrackedCommitmentRow[]>;
  find(planId: number, position: number): Promise<TrackedCommitmentRow | undefined>;
  /**
   * Locks the plan's row against a change of status (a newer version published) until the transaction ends; other
   * writers to the same plan's commitments are not held up.
   */
  sharePlan(planId: number): Promise<TrackedPlanRow | undefined>;
  /** Locks one commitment's row, so its first tracking row is created once even by two writers at the same time. */
  lockCommitment(planId: number, position: number): Promise<boolean>;
  findTracking(planId: number, position: number): Promise<CommitmentTrackingRow | undefined>;
  insertTracking(row: NewCommitmentTracking): Promise<void>;
  /** Applies changes when the lock still reads `lock`, adding one to it; false when someone changed it first. */
  updateTracking(planId: number, position: number, lock: number, changes: TrackingChanges): Promise<boolean>;
  insertUpdate(row: NewCommitmentUpdate): Promise<void>;
  /** Every update of a commitment, oldest first. */
  history(planId: number, position: number): Promise<CommitmentUpdateView[]>;
}

/** The commitment repository on a database or a transaction. */
export function commitmentRepository(db: Kysely<Database>): CommitmentRepository {
  const tracked = () =>
    db
      .selectFrom('plan_commitments as c')
      .leftJoin('plan_projects as p', (join) =>
        join.onRef('p.plan_id', '=', 'c.plan_id').onRef('p.position', '=', 'c.project_position'),
      )
      .leftJoin('commitment_tracking as t', (join) =>
        join.onRef('t.plan_id', '=', 'c.plan_id').onRef('t.position', '=', 'c.position'),
      )
      .selectAll('c')
      .select([
        'p.number as project_number',
        'p.title as project_title',
        't.achieved',
        't.responsible_unit',
        't.deadline as tracked_deadline',
        't.lock',
        't.updated_at',
      ]);

  return {
    list: (planId) => tracked().where('c.plan_id', '=', planId).orderBy('c.position').execute(),

    find: (planId, position) =>
      tracked().where('c.plan_id', '=', planId).where('c.position', '=', position).executeTakeFirst(),

    sharePlan: (planId) =>
      db
        .selectFrom('plans')
        .select(['id', 'region_code', 'status', 'period_start', 'period_end'])
        .where('id', '=', planId)
        .forShare()
        .executeTakeFirst(),

    lockCommitment: async (planId, position) => {
      const row = await db
        .selectFrom('plan_commitments')
        .select('position')
        .where('plan_id', '=', planId)
        .where('position', '=', position)
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },

    findTracking: (planId, position) =>
      db
        .selectFrom('commitment_tracking')
        .selectAll()
        .where('plan_id', '=', planId)
        .where('position', '=', position)
        .executeTakeFirst(),

    insertTracking: async (row) => {
      await db.insertInto('commitment_tracking').values(row).execute();
    },

    updateTracking: async (planId, position, lock, changes) => {
      const result = await db
        .updateTable('commitment_tracking')
        .set({ ...changes, lock: lock + 1 })
        .where('plan_id', '=', planId)
        .where('position', '=', position)
        .where('lock', '=', lock)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    insertUpdate: async (row) => {
      await db.insertInto('commitment_updates').values(row).execute();
    },

    history: (planId, position) =>
      db
        .selectFrom('commitment_updates as h')
        .leftJoin('users as u', 'u.id', 'h.actor_user_id')
        .leftJoin('evidence as e', 'e.id', 'h.evidence_id')
        .selectAll('h')
        .select(['u.display_name as actor_name', 'e.title as evidence_title'])
        .where('h.plan_id', '=', planId)
        .where('h.position', '=', position)
        .orderBy('h.id')
        .execute(),
  };
}
