import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool, Updateable } from 'kysely';
import type { PlanSectionRow, PlanStatus } from './plan.schema.ts';
import type { Database, IsoDate } from './schema.ts';
import type {
  NewTask,
  NewTaskMilestone,
  NewTaskUpdate,
  TaskMilestoneRow,
  TaskRow,
  TaskTable,
  TaskUpdateRow,
} from './task.schema.ts';

/** A task with the heading it came from and its plan's region and status. */
export interface TaskViewRow extends TaskRow {
  section_level: number;
  section_number: string;
  section_title: string;
  section_line: number;
  plan_region_code: string;
  plan_status: PlanStatus;
  plan_title: string | null;
}

/** The plan a task belongs to, as a write needs it. */
export interface TaskPlanRow {
  id: number;
  region_code: string;
  status: PlanStatus;
  period_start: number;
  period_end: number;
}

/** A region a task applies to, with the region's current name. */
export interface TaskRegionRow {
  task_id: number;
  region_code: string;
  name: string | null;
}

/** A history entry with the name of the account that made it and the evidence it added. */
export interface TaskUpdateView extends TaskUpdateRow {
  actor_name: string | null;
  evidence_title: string | null;
}

/** Which tasks a due list reads: unfinished ones of published plans with something due in [from, until]. */
export interface DueFilter {
  /** The first day counted; none: everything due up to `until`. */
  from?: IsoDate;
  until: IsoDate;
  /** Only tasks this unit leads or partners in. */
  unit?: string;
  /** Only tasks applying to one of these regions (a task naming no region applies to its plan's region). */
  regionCodes?: readonly string[];
  limit: number;
  offset: number;
}

/** One due item: a task's own deadline (milestone_position null) or one of its milestones. */
export interface DueRow {
  task_id: number;
  milestone_position: number | null;
  due: IsoDate;
}

/** What an edit may change in a task row. */
export type TaskChanges = Omit<Updateable<TaskTable>, 'id' | 'plan_id' | 'lock' | 'created_at' | 'created_by_user_id'>;

/** SQL over the task tables. */
export interface TaskRepository {
  /** Locks the plan's row against a change of status (a newer version published) until the transaction ends. */
  sharePlan(planId: number): Promise<TaskPlanRow | undefined>;
  /** A heading of the plan. */
  findSection(planId: number, position: number): Promise<PlanSectionRow | undefined>;
  insert(task: NewTask): Promise<number>;
  /** The task's row, locked for the rest of the transaction. */
  lock(id: number): Promise<TaskRow | undefined>;
  /** Applies changes when the lock still reads `lock`, adding one to it; false when someone changed it first. */
  update(id: number, lock: number, changes: TaskChanges): Promise<boolean>;
  replaceRegions(taskId: number, codes: readonly string[]): Promise<void>;
  replaceMilestones(taskId: number, milestones: readonly NewTaskMilestone[]): Promise<void>;
  setMilestoneDone(taskId: number, position: number, doneAt: IsoDate | null): Promise<void>;
  insertUpdate(row: NewTaskUpdate): Promise<void>;
  find(id: number): Promise<TaskViewRow | undefined>;
  /** A plan's tasks, in the order of their headings, then of creation. */
  listForPlan(planId: number): Promise<TaskViewRow[]>;
  findMany(ids: readonly number[]): Promise<TaskViewRow[]>;
  regionsOf(taskIds: readonly number[]): Promise<TaskRegionRow[]>;
  milestonesOf(taskIds: readonly number[]): Promise<TaskMilestoneRow[]>;
  /** The tasks confirmed from each heading of a plan. */
  taskIdsBySection(planId: number): Promise<{ section_position: number; id: number }[]>;
  /** Every update of a task, oldest first. */
  history(taskId: number): Promise<TaskUpdateView[]>;
  /** Deadlines and milestones due in the filter's window, earliest first. */
  due(filter: DueFilter): Promise<DueRow[]>;
}

/** The task repository on a database or a transaction. */
export function taskRepository(db: Kysely<Database>): TaskRepository {
  const views = () =>
    db
      .selectFrom('tasks as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .innerJoin('plan_sections as s', (join) =>
        join.onRef('s.plan_id', '=', 't.plan_id').onRef('s.position', '=', 't.section_position'),
      )
      .selectAll('t')
      .select([
        's.level as section_level',
        's.number as section_number',
        's.title as section_title',
        's.line as section_line',
        'p.region_code as plan_region_code',
        'p.status as plan_status',
        'p.title as plan_title',
      ]);

  return {
    sharePlan: (planId) =>
      db
        .selectFrom('plans')
        .select(['id', 'region_code', 'status', 'period_start', 'period_end'])
        .where('id', '=', planId)
        .forShare()
        .executeTakeFirst(),

    findSection: (planId, position) =>
      db
        .selectFrom('plan_sections')
        .selectAll()
        .where('plan_id', '=', planId)
        .where('position', '=', position)
        .executeTakeFirst(),

    insert: async (task) => (await db.insertInto('tasks').values(task).returning('id').executeTakeFirstOrThrow()).id,

    lock: (id) => db.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    update: async (id, lock, changes) => {
      const result = await db
        .updateTable('tasks')
        .set({ ...changes, lock: lock + 1 })
        .where('id', '=', id)
        .where('lock', '=', lock)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    replaceRegions: async (taskId, codes) => {
      await db.deleteFrom('task_regions').where('task_id', '=', taskId).execute();
      if (codes.length === 0) return;
      await db
        .insertInto('task_regions')
        .values(codes.map((code) => ({ task_id: taskId, region_code: code })))
        .execute();
    },

    replaceMilestones: async (taskId, milestones) => {
      await db.deleteFrom('task_milestones').where('task_id', '=', taskId).execute();
      if (milestones.length === 0) return;
      await db
        .insertInto('task_milestones')
        .values([...milestones])
        .execute();
    },

    setMilestoneDone: async (taskId, position, doneAt) => {
      await db
        .updateTable('task_milestones')
        .set({ done_at: doneAt })
        .where('task_id', '=', taskId)
        .where('position', '=', position)
        .execute();
    },

    insertUpdate: async (row) => {
      await db.insertInto('task_updates').values(row).execute();
    },

    find: (id) => views().where('t.id', '=', id).executeTakeFirst(),

    listForPlan: (planId) =>
      views().where('t.plan_id', '=', planId).orderBy('t.section_position').orderBy('t.id').execute(),

    findMany: (ids) =>
      ids.length === 0
        ? Promise.resolve([])
        : views()
            .where('t.id', 'in', [...ids])
            .execute(),

    regionsOf: (taskIds) =>
      taskIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('task_regions as r')
            .leftJoinLateral(
              (eb) =>
                eb
                  .selectFrom('regions')
                  .select('name')
                  .whereRef('regions.code', '=', 'r.region_code')
                  .orderBy('valid_from', 'desc')
                  .limit(1)
                  .as('region'),
              (join) => join.onTrue(),
            )
            .select(['r.task_id', 'r.region_code', 'region.name'])
            .where('r.task_id', 'in', [...taskIds])
            .orderBy('r.task_id')
            .orderBy('r.region_code')
            .execute(),

    milestonesOf: (taskIds) =>
      taskIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('task_milestones')
            .selectAll()
            .where('task_id', 'in', [...taskIds])
            .orderBy('task_id')
            .orderBy('position')
            .execute(),

    taskIdsBySection: (planId) =>
      db.selectFrom('tasks').select(['section_position', 'id']).where('plan_id', '=', planId).orderBy('id').execute(),

    history: (taskId) =>
      db
        .selectFrom('task_updates as h')
        .leftJoin('users as u', 'u.id', 'h.actor_user_id')
        .leftJoin('evidence as e', 'e.id', 'h.evidence_id')
        .selectAll('h')
        .select(['u.display_name as actor_name', 'e.title as evidence_title'])
        .where('h.task_id', '=', taskId)
        .orderBy('h.id')
        .execute(),

    due: ({ from, until, unit, regionCodes, limit, offset }) => {
      const inWindow = (column: Expression<IsoDate>) =>
        from === undefined
          ? sql<SqlBool>`${column} <= ${until}::date`
          : sql<SqlBool>`${column} between ${from}::date and ${until}::date`;
      // The same rule as taskStatus in src/domain/tasks/status.ts: a task is done at 100% with every milestone done.
      const unfinished = sql<SqlBool>`not (t.progress = 100 and not exists (
        select 1 from task_milestones open where open.task_id = t.id and open.done_at is null))`;
      const unitMatches =
        unit === undefined
          ? sql<SqlBool>`true`
          : sql<SqlBool>`(t.lead_unit = ${unit} or t.partner_units @> ${JSON.stringify([unit])}::jsonb)`;
      const codes = regionCodes === undefined ? [] : [...regionCodes];
      const regionMatches =
        regionCodes === undefined
          ? sql<SqlBool>`true`
          : codes.length === 0
            ? sql<SqlBool>`false`
            : sql<SqlBool>`(exists (select 1 from task_regions r where r.task_id = t.id and r.region_code in (${sql.join(codes)}))
                or (not exists (select 1 from task_regions r where r.task_id = t.id) and p.region_code in (${sql.join(codes)})))`;
      const live = sql<SqlBool>`p.status = 'published' and ${unfinished} and ${unitMatches} and ${regionMatches}`;
      const deadlines = db
        .selectFrom('tasks as t')
        .innerJoin('plans as p', 'p.id', 't.plan_id')
        .select(['t.id as task_id', sql<number | null>`null::integer`.as('milestone_position'), 't.deadline as due'])
        .where(live)
        .where(inWindow(sql.ref('t.deadline')));
      const milestones = db
        .selectFrom('task_milestones as m')
        .innerJoin('tasks as t', 't.id', 'm.task_id')
        .innerJoin('plans as p', 'p.id', 't.plan_id')
        .select(['t.id as task_id', sql<number | null>`m.position`.as('milestone_position'), 'm.due_date as due'])
        .where(live)
        .where('m.done_at', 'is', null)
        .where(inWindow(sql.ref('m.due_date')));
      return db
        .selectFrom(deadlines.unionAll(milestones).as('d'))
        .selectAll()
        .orderBy('d.due')
        .orderBy('d.task_id')
        .orderBy(sql`d.milestone_position nulls last`)
        .limit(limit)
        .offset(offset)
        .execute();
    },
  };
}
