/**
 * Reading tasks: suggestions from a plan's outline, a plan's tasks, one task and its history, and the lists of
 * what is overdue or due soon across published plans (by unit and region). Everything of a published plan is
 * public; statuses are computed for the day the injected clock gives, in Beijing time.
 */
import type { Kysely } from 'kysely';
import { evidenceRepository } from '../db/evidence.repository.ts';
import type { EvidenceRepository } from '../db/evidence.repository.ts';
import { planContentRepository } from '../db/plan-content.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository } from '../db/plan.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { taskRepository } from '../db/task.repository.ts';
import type { TaskRepository, TaskViewRow } from '../db/task.repository.ts';
import { addDays, chinaToday, daysBetween } from '../domain/tasks/dates.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import type { Bilingual } from '../domain/tasks/status.ts';
import { SUGGESTION_RULE, suggestTasks } from '../domain/tasks/suggestions.ts';
import { canReadPlan } from './plan.access.ts';
import type { Viewer } from './plan.access.ts';
import { planNotFound } from './plan.errors.ts';
import { regionChain } from './scope.ts';
import { regionFilterUnknown, taskNotFound } from './task.errors.ts';
import { presentSuggestion, presentTask, presentTaskUpdate } from './task.presenter.ts';
import type { PresentedMilestone, PresentedSuggestion, PresentedTask, PresentedTaskUpdate } from './task.presenter.ts';

/** The repositories the queries use, each as the function that binds it to a database or a transaction. */
export interface TaskQueriesDeps {
  db: Kysely<Database>;
  tasks: (db: Kysely<Database>) => TaskRepository;
  contents: (db: Kysely<Database>) => PlanContentRepository;
  plans: (db: Kysely<Database>) => PlanRepository;
  evidence: (db: Kysely<Database>) => EvidenceRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  /** Injected so tests can move the day deadlines are judged on. */
  now: () => Date;
}

/** Suggested tasks of a plan, with the rule that picked them. */
export interface SuggestionList {
  planId: number;
  rule: Bilingual;
  items: PresentedSuggestion[];
}

/** A plan's tasks. */
export interface TaskList {
  planId: number;
  today: IsoDate;
  items: PresentedTask[];
}

/** Which due items to list: past their date, or due within `within` days (default 30). */
export interface DueQuery {
  status: 'overdue' | 'due_soon';
  /** Tasks this unit leads or partners in. */
  unit?: string;
  /** Tasks applying to this region, to a region above it (the whole of it) or to one below it (a part of it). */
  region?: string;
  within?: number;
  limit?: number;
  offset?: number;
}

/** A task's deadline or one of its milestones, with the task. */
export interface DueItem {
  kind: 'task' | 'milestone';
  due: IsoDate;
  /** Days late (overdue) or days left (due soon). */
  days: number;
  task: PresentedTask;
  milestone: PresentedMilestone | null;
}

/** A due list for a day. */
export interface DueList {
  status: DueQuery['status'];
  today: IsoDate;
  items: DueItem[];
}

/** Days a due-soon list looks ahead unless told otherwise. */
export const DEFAULT_WITHIN_DAYS = 30;

/** The task queries on a database, with the real repositories and, unless one is given, the real clock. */
export function createTaskQueries(db: Kysely<Database>, now: () => Date = () => new Date()): TaskQueries {
  return new TaskQueries({
    db,
    tasks: taskRepository,
    contents: planContentRepository,
    plans: planRepository,
    evidence: evidenceRepository,
    regions: regionRepository,
    now,
  });
}

/**
 * Tasks presented for a day, each with its regions and milestones, and its evidence when asked for (lists of many
 * tasks leave it out).
 */
export async function presentTasks(
  repos: { tasks: TaskRepository; evidence: EvidenceRepository },
  rows: readonly TaskViewRow[],
  today: IsoDate,
  withEvidence = true,
): Promise<PresentedTask[]> {
  const ids = rows.map((row) => row.id);
  const [regions, milestones, evidence] = await Promise.all([
    repos.tasks.regionsOf(ids),
    repos.tasks.milestonesOf(ids),
    withEvidence ? repos.evidence.listForTasks(ids) : Promise.resolve([]),
  ]);
  return rows.map((row) => presentTask(row, { regions, milestones, evidence, today }));
}

/** Reading tasks. */
export class TaskQueries {
  private readonly read: {
    tasks: TaskRepository;
    contents: PlanContentRepository;
    plans: PlanRepository;
    evidence: EvidenceRepository;
    regions: RegionRepository;
  };

  constructor(private readonly deps: TaskQueriesDeps) {
    const { db, tasks, contents, plans, evidence, regions } = deps;
    this.read = {
      tasks: tasks(db),
      contents: contents(db),
      plans: plans(db),
      evidence: evidence(db),
      regions: regions(db),
    };
  }

  /** The headings suggested as tasks (never stored until confirmed), with the tasks already confirmed from each. */
  async suggestions(planId: number, viewer: Viewer = null): Promise<SuggestionList> {
    await this.readablePlan(planId, viewer);
    const [sections, confirmed] = await Promise.all([
      this.read.contents.listSections(planId),
      this.read.tasks.taskIdsBySection(planId),
    ]);
    const items = suggestTasks(sections).map((suggestion) =>
      presentSuggestion(
        suggestion,
        confirmed.filter((task) => task.section_position === suggestion.section.position).map((task) => task.id),
      ),
    );
    return { planId, rule: SUGGESTION_RULE, items };
  }

  /** A plan's tasks, in the order of their headings. */
  async listForPlan(planId: number, viewer: Viewer = null): Promise<TaskList> {
    await this.readablePlan(planId, viewer);
    const today = this.today();
    const items = await presentTasks(this.read, await this.read.tasks.listForPlan(planId), today);
    return { planId, today, items };
  }

  /** One task. */
  async get(taskId: number, viewer: Viewer = null): Promise<PresentedTask> {
    const row = await this.readableTask(taskId, viewer);
    const [task] = await presentTasks(this.read, [row], this.today());
    if (task === undefined) throw taskNotFound(taskId);
    return task;
  }

  /** Every update of a task, oldest first. */
  async history(taskId: number, viewer: Viewer = null): Promise<PresentedTaskUpdate[]> {
    await this.readableTask(taskId, viewer);
    return (await this.read.tasks.history(taskId)).map(presentTaskUpdate);
  }

  /** Unfinished tasks of published plans whose deadline or a milestone is past (overdue) or near (due soon). */
  async due(query: DueQuery): Promise<DueList> {
    const today = this.today();
    const within = query.within ?? DEFAULT_WITHIN_DAYS;
    const window =
      query.status === 'overdue' ? { until: addDays(today, -1) } : { from: today, until: addDays(today, within) };
    const rows = await this.read.tasks.due({
      ...window,
      ...(query.unit === undefined ? {} : { unit: query.unit.trim() }),
      ...(query.region === undefined ? {} : { regionCodes: await this.regionFilter(query.region) }),
      limit: Math.min(Math.max(Math.trunc(query.limit ?? 200), 1), 1000),
      offset: Math.max(Math.trunc(query.offset ?? 0), 0),
    });
    const tasks = await presentTasks(
      this.read,
      await this.read.tasks.findMany([...new Set(rows.map((row) => row.task_id))]),
      today,
      false,
    );
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const items = rows.flatMap((row): DueItem[] => {
      const task = byId.get(row.task_id);
      if (task === undefined) return [];
      const milestone =
        row.milestone_position === null
          ? null
          : (task.milestones.find((candidate) => candidate.position === row.milestone_position) ?? null);
      const days = query.status === 'overdue' ? daysBetween(row.due, today) : daysBetween(today, row.due);
      return [{ kind: milestone === null ? 'task' : 'milestone', due: row.due, days, task, milestone }];
    });
    return { status: query.status, today, items };
  }

  /** The region, the regions above it and every region below it: a task on any of them concerns the region. */
  private async regionFilter(code: string): Promise<string[]> {
    const chain = await regionChain(this.read.regions, code);
    if (chain.length === 0) throw regionFilterUnknown(code);
    const below = await this.read.regions.subtree(code);
    return [...new Set([...chain, ...below.map((region) => region.code)])];
  }

  private async readableTask(taskId: number, viewer: Viewer): Promise<TaskViewRow> {
    const row = await this.read.tasks.find(taskId);
    const plan = row === undefined ? undefined : { status: row.plan_status, region_code: row.plan_region_code };
    if (row === undefined || plan === undefined || !(await canReadPlan(this.read.regions, viewer, plan))) {
      throw taskNotFound(taskId);
    }
    return row;
  }

  // A draft the viewer may not read is "not found", as for the plan itself.
  private async readablePlan(planId: number, viewer: Viewer): Promise<void> {
    const plan = await this.read.plans.findSummary(planId);
    if (plan === undefined || !(await canReadPlan(this.read.regions, viewer, plan))) throw planNotFound(planId);
  }

  private today(): IsoDate {
    return chinaToday(this.deps.now());
  }
}
