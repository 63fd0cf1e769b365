import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Changes } from './commitment.schema.ts';
import type { IsoDate } from './schema.ts';

/** A timestamptz column: both engines return a Date; the service always writes its own clock's time. */
type Timestamp = ColumnType<Date, Date, Date>;

/** `tasks`: a task of a published plan's 分工方案, confirmed by a person from one of the plan's headings. */
export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  /** The plan_sections row it came from (number, title and line are read there). */
  section_position: number;
  title: string;
  lead_unit: string;
  /** jsonb array of unit names, written as JSON text. */
  partner_units: ColumnType<string[], string, string>;
  deadline: IsoDate;
  /** 0-100, as the responsible unit reports it. */
  progress: ColumnType<number, number | undefined, number>;
  /** The optimistic lock, one more on every change. */
  lock: ColumnType<number, number | undefined, number>;
  created_by_user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `task_regions`: the regions a task applies to (none: the plan's whole region). */
export interface TaskRegionTable {
  task_id: number;
  region_code: string;
}

/** `task_milestones`: a task's 时间表, in order. */
export interface TaskMilestoneTable {
  task_id: number;
  /** 1, 2, … in the order given. */
  position: number;
  title: string;
  due_date: IsoDate;
  done_at: IsoDate | null;
}

/** What happened to a task. */
export type TaskUpdateAction = 'create' | 'edit' | 'progress' | 'evidence';

/** `task_updates`: every update of a task, never changed (a trigger refuses it). */
export interface TaskUpdateTable {
  /** bigint, returned as text. */
  id: Generated<string>;
  task_id: number;
  action: TaskUpdateAction;
  /** The progress after the update. */
  progress: number | null;
  changes: ColumnType<Changes, string, never>;
  note: string | null;
  evidence_id: number | null;
  actor_user_id: number | null;
  actor_ip: string | null;
  at: Timestamp;
}

export type TaskRow = Selectable<TaskTable>;
export type NewTask = Insertable<TaskTable>;
export type TaskMilestoneRow = Selectable<TaskMilestoneTable>;
export type NewTaskMilestone = Insertable<TaskMilestoneTable>;
export type TaskUpdateRow = Selectable<TaskUpdateTable>;
export type NewTaskUpdate = Insertable<TaskUpdateTable>;

/** The task tables, for `Database` to extend. */
export interface TaskTables {
  tasks: TaskTable;
  task_regions: TaskRegionTable;
  task_milestones: TaskMilestoneTable;
  task_updates: TaskUpdateTable;
}
