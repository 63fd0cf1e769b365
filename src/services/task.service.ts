/**
 * Tasks (分工方案 / 任务书 / 时间表): a plan's reviewers confirm a task from one of its headings, with a lead unit,
 * partner units, the regions it applies to, a deadline and milestones; the responsible units report progress,
 * finished milestones and evidence. Each write is one transaction behind the task's optimistic lock, kept in the
 * task's history and audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { JsonValue } from '../db/account.schema.ts';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import type { Changes } from '../db/commitment.schema.ts';
import { evidenceRepository } from '../db/evidence.repository.ts';
import type { EvidenceRepository } from '../db/evidence.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { taskRepository } from '../db/task.repository.ts';
import type { TaskPlanRow, TaskRepository } from '../db/task.repository.ts';
import type { TaskMilestoneRow, TaskRow, TaskUpdateAction } from '../db/task.schema.ts';
import { userRepository } from '../db/user.repository.ts';
import type { UserRepository } from '../db/user.repository.ts';
import type { Action } from '../domain/access.ts';
import { chinaToday, endOfYear } from '../domain/tasks/dates.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import { recordAudit } from './audit.ts';
import type { RequestContext } from './audit.ts';
import { checkEvidence } from './evidence.service.ts';
import type { EvidenceInput } from './evidence.service.ts';
import { presentEvidence } from './evidence.presenter.ts';
import type { PresentedEvidence } from './evidence.presenter.ts';
import { planNotFound } from './plan.errors.ts';
import { authorize } from './scope.ts';
import { requireNamedUnit, requireTrackable } from './task.access.ts';
import * as errors from './task.errors.ts';
import { presentTasks } from './task.queries.ts';
import type { PresentedTask } from './task.presenter.ts';
import { checkDate, checkMilestones, checkRegions, checkUnits, describeMilestones } from './task.rules.ts';
import type { MilestoneInput } from './task.rules.ts';

export type { MilestoneInput } from './task.rules.ts';

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface TaskServiceDeps {
  db: Kysely<Database>;
  tasks: (db: Kysely<Database>) => TaskRepository;
  evidence: (db: Kysely<Database>) => EvidenceRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  users: (db: Kysely<Database>) => UserRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  /** Injected so tests can move the day deadlines are judged on. */
  now: () => Date;
}

interface Repositories {
  tasks: TaskRepository;
  evidence: EvidenceRepository;
  regions: RegionRepository;
  users: UserRepository;
  audit: AuditRepository;
}

/** A task to confirm from one of the plan's headings (its title is the heading's unless given). */
export interface TaskInput {
  sectionPosition: number;
  title?: string | null;
  leadUnit: string;
  partnerUnits?: readonly string[];
  /** Region codes within the plan's region; none: the plan's whole region. */
  regions?: readonly string[];
  /** Default: 31 December of the plan's last year. */
  deadline?: IsoDate | null;
  milestones?: readonly MilestoneInput[];
  note?: string | null;
}

/** A change to a task by the plan's reviewers, with the lock read; milestones, when given, replace the list. */
export interface TaskPatch {
  title?: string;
  leadUnit?: string;
  partnerUnits?: readonly string[];
  regions?: readonly string[];
  deadline?: IsoDate;
  milestones?: readonly MilestoneInput[];
  note?: string | null;
  lock: number;
}

/** What a responsible unit reports: the progress in percent and milestones done (or, with a note, reopened). */
export interface ProgressReport {
  progress?: number;
  milestones?: readonly { position: number; doneAt: IsoDate | null }[];
  note?: string | null;
  lock: number;
}

/** The task service on a database, with the real repositories and, unless one is given, the real clock. */
export function createTaskService(db: Kysely<Database>, now: () => Date = () => new Date()): TaskService {
  return new TaskService({
    db,
    tasks: taskRepository,
    evidence: evidenceRepository,
    regions: regionRepository,
    users: userRepository,
    audit: auditRepository,
    now,
  });
}

/** Confirming tasks, changing them and reporting on them. */
export class TaskService {
  constructor(private readonly deps: TaskServiceDeps) {}

  /** Confirms a task from a heading of a published plan. */
  async create(planId: number, input: TaskInput, context: RequestContext): Promise<PresentedTask> {
    const units = checkUnits(input.leadUnit, input.partnerUnits ?? []);
    const deadlineGiven = input.deadline ?? null;
    if (deadlineGiven !== null) checkDate('deadline', deadlineGiven);
    const note = clean(input.note);
    return this.transaction(async (repos) => {
      const plan = await this.writablePlan(repos, planId, context, 'plan.review');
      const section = await repos.tasks.findSection(plan.id, input.sectionPosition);
      if (section === undefined) throw errors.sectionNotFound(plan.id, input.sectionPosition);
      const regions = await checkRegions(repos.regions, input.regions ?? [], plan.region_code);
      const deadline = deadlineGiven ?? endOfYear(plan.period_end);
      checkInPlan('deadline', deadline, plan);
      const milestones = checkMilestones(input.milestones ?? [], deadline, this.today());
      const now = this.deps.now();
      const title = clean(input.title) ?? section.title;
      const id = await repos.tasks.insert({
        plan_id: plan.id,
        section_position: section.position,
        title,
        lead_unit: units.lead,
        partner_units: JSON.stringify(units.partners),
        deadline,
        created_by_user_id: actorId(context),
        created_at: now,
        updated_at: now,
      });
      await repos.tasks.replaceRegions(id, regions);
      await repos.tasks.replaceMilestones(id, milestoneRows(id, milestones));
      const created = { title, leadUnit: units.lead, partnerUnits: units.partners, regions, deadline };
      const after = { ...created, section: section.position, milestones: describeMilestones(milestones) };
      await this.record(repos, { id, plan, action: 'create', progress: 0, changes: {}, note, context, after });
      return this.present(repos, id);
    });
  }

  /** Changes what the reviewers decide (title, units, regions, deadline, milestones) behind the lock. */
  async update(taskId: number, patch: TaskPatch, context: RequestContext): Promise<PresentedTask> {
    const { title, leadUnit, partnerUnits, regions, deadline, milestones } = patch;
    const given = [title, leadUnit, partnerUnits, regions, deadline, milestones].some((value) => value !== undefined);
    if (!given) throw errors.nothingToChange('title, leadUnit, partnerUnits, regions, deadline, milestones');
    if (deadline !== undefined) checkDate('deadline', deadline);
    return this.transaction(async (repos) => {
      const { task, plan } = await this.lockTask(repos, taskId, context, 'plan.review', patch.lock);
      const [currentRegions, currentMilestones] = await Promise.all([
        repos.tasks.regionsOf([taskId]).then((rows) => rows.map((row) => row.region_code)),
        repos.tasks.milestonesOf([taskId]),
      ]);
      const units = checkUnits(leadUnit ?? task.lead_unit, partnerUnits ?? task.partner_units);
      const nextDeadline = deadline ?? task.deadline;
      checkInPlan('deadline', nextDeadline, plan);
      const nextRegions =
        regions === undefined ? currentRegions : await checkRegions(repos.regions, regions, plan.region_code);
      const nextMilestones = checkMilestones(milestones ?? asInputs(currentMilestones), nextDeadline, this.today());
      const changes: Changes = {};
      compare(changes, 'title', task.title, clean(title) ?? task.title);
      compare(changes, 'leadUnit', task.lead_unit, units.lead);
      compare(changes, 'partnerUnits', task.partner_units, units.partners);
      compare(changes, 'regions', currentRegions, nextRegions);
      compare(changes, 'deadline', task.deadline, nextDeadline);
      const before = describeMilestones(asInputs(currentMilestones));
      compare(changes, 'milestones', before, describeMilestones(nextMilestones));
      if (Object.keys(changes).length === 0) return this.present(repos, taskId);
      const now = this.deps.now();
      const stored = await repos.tasks.update(taskId, task.lock, {
        title: clean(title) ?? task.title,
        lead_unit: units.lead,
        partner_units: JSON.stringify(units.partners),
        deadline: nextDeadline,
        updated_at: now,
      });
      if (!stored) throw errors.taskStale(taskId, task.lock, task.lock + 1);
      if ('regions' in changes) await repos.tasks.replaceRegions(taskId, nextRegions);
      if ('milestones' in changes) await repos.tasks.replaceMilestones(taskId, milestoneRows(taskId, nextMilestones));
      const note = clean(patch.note);
      await this.record(repos, { id: taskId, plan, action: 'edit', progress: task.progress, changes, note, context });
      return this.present(repos, taskId);
    });
  }

  /** A responsible unit's report: progress and milestones done, behind the lock; lowering either needs a note. */
  async reportProgress(taskId: number, report: ProgressReport, context: RequestContext): Promise<PresentedTask> {
    const items = report.milestones ?? [];
    if (report.progress === undefined && items.length === 0) throw errors.nothingToChange('progress, milestones');
    const note = clean(report.note);
    return this.transaction(async (repos) => {
      const { task, plan } = await this.lockTask(repos, taskId, context, 'task.update', report.lock);
      const current = await repos.tasks.milestonesOf([taskId]);
      const today = this.today();
      const changes: Changes = {};
      compare(changes, 'progress', task.progress, report.progress ?? task.progress);
      let lowered = report.progress !== undefined && report.progress < task.progress;
      items.forEach((item, index) => {
        const milestone = current.find((candidate) => candidate.position === item.position);
        if (milestone === undefined) throw errors.milestoneNotFound(taskId, item.position, index);
        if (item.doneAt !== null) checkDate(`milestones.${index}.doneAt`, item.doneAt);
        if (item.doneAt !== null && item.doneAt > today) throw errors.doneInFuture(index, item.doneAt, today);
        compare(changes, `milestones.${item.position}.doneAt`, milestone.done_at, item.doneAt);
        if (milestone.done_at !== null && item.doneAt === null) lowered = true;
      });
      if (Object.keys(changes).length === 0) return this.present(repos, taskId);
      if (lowered && note === null)
        throw errors.noteRequired('note', '调低进度或撤销里程碑完成', 'Lowering progress or reopening a milestone');
      const progress = report.progress ?? task.progress;
      const now = this.deps.now();
      if (!(await repos.tasks.update(taskId, task.lock, { progress, updated_at: now }))) {
        throw errors.taskStale(taskId, task.lock, task.lock + 1);
      }
      for (const item of items) await repos.tasks.setMilestoneDone(taskId, item.position, item.doneAt);
      await this.record(repos, { id: taskId, plan, action: 'progress', progress, changes, note, context });
      return this.present(repos, taskId);
    });
  }

  /** Adds a file or a link as evidence of a task, with an entry in its history; it takes no lock (nothing is overwritten). */
  async addEvidence(taskId: number, input: EvidenceInput, context: RequestContext): Promise<PresentedEvidence> {
    const checked = checkEvidence(input);
    const note = clean(input.note);
    return this.transaction(async (repos) => {
      const task = await repos.tasks.lock(taskId);
      if (task === undefined) throw errors.taskNotFound(taskId);
      const plan = await this.writablePlan(repos, task.plan_id, context, 'task.update');
      await requireNamedUnit(repos.users, context.actor, [task.lead_unit, ...task.partner_units], reportedOn(task));
      const id = await repos.evidence.insert({
        ...checked,
        plan_id: plan.id,
        commitment_position: null,
        task_id: taskId,
        created_by_user_id: actorId(context),
        created_at: this.deps.now(),
      });
      const after = {
        evidenceId: id,
        kind: checked.kind,
        title: checked.title,
        sha256: checked.sha256 ?? null,
        url: checked.url ?? null,
      };
      await this.record(repos, {
        id: taskId,
        plan,
        action: 'evidence',
        progress: task.progress,
        changes: {},
        note,
        context,
        after,
        evidenceId: id,
      });
      const stored = await repos.evidence.findSummary(id);
      if (stored === undefined) throw new Error(`evidence ${id} vanished inside its own transaction`);
      return presentEvidence(stored);
    });
  }

  /** The task locked and its plan, once the actor may act, the plan is tracked and the lock is the one read. */
  private async lockTask(
    repos: Repositories,
    taskId: number,
    context: RequestContext,
    action: Action,
    lockRead: number,
  ): Promise<{ task: TaskRow; plan: TaskPlanRow }> {
    const task = await repos.tasks.lock(taskId);
    if (task === undefined) throw errors.taskNotFound(taskId);
    const plan = await this.writablePlan(repos, task.plan_id, context, action);
    if (action === 'task.update') {
      await requireNamedUnit(repos.users, context.actor, [task.lead_unit, ...task.partner_units], reportedOn(task));
    }
    if (task.lock !== lockRead) throw errors.taskStale(taskId, lockRead, task.lock);
    return { task, plan };
  }

  private async writablePlan(
    repos: Repositories,
    planId: number,
    context: RequestContext,
    action: Action,
  ): Promise<TaskPlanRow> {
    const plan = await repos.tasks.sharePlan(planId);
    if (plan === undefined) throw planNotFound(planId);
    await authorize(repos.regions, context.actor, action, plan.region_code);
    requireTrackable(plan);
    return plan;
  }

  /** The history entry and the audit record of a write, in its transaction. */
  private async record(
    repos: Repositories,
    entry: {
      id: number;
      plan: TaskPlanRow;
      action: TaskUpdateAction;
      progress: number;
      changes: Changes;
      note: string | null;
      context: RequestContext;
      after?: Record<string, JsonValue>;
      evidenceId?: number;
    },
  ): Promise<void> {
    const now = this.deps.now();
    const { context } = entry;
    await repos.tasks.insertUpdate({
      task_id: entry.id,
      action: entry.action,
      progress: entry.progress,
      changes: JSON.stringify(entry.changes),
      note: entry.note,
      evidence_id: entry.evidenceId ?? null,
      actor_user_id: actorId(context),
      actor_ip: context.ip,
      at: now,
    });
    await recordAudit(repos.audit, now, context, {
      action: entry.action === 'evidence' ? 'evidence.add' : `task.${entry.action}`,
      entity: 'task',
      entityId: String(entry.id),
      regionCode: entry.plan.region_code,
      after: { ...(entry.after ?? {}), changes: entry.changes, note: entry.note },
    });
  }

  private async present(repos: Repositories, taskId: number): Promise<PresentedTask> {
    const row = await repos.tasks.find(taskId);
    const [task] = row === undefined ? [] : await presentTasks(repos, [row], this.today());
    if (task === undefined) throw errors.taskNotFound(taskId);
    return task;
  }

  private today(): IsoDate {
    return chinaToday(this.deps.now());
  }

  private transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute((trx) => work(this.bind(trx)));
  }

  private bind(db: Kysely<Database>): Repositories {
    const { tasks, evidence, regions, users, audit } = this.deps;
    return { tasks: tasks(db), evidence: evidence(db), regions: regions(db), users: users(db), audit: audit(db) };
  }
}

const actorId = (context: RequestContext): number | null => (context.actor === 'system' ? null : context.actor.id);

/** Trimmed text, or null for nothing but spaces. */
function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const reportedOn = (task: TaskRow) => ({ zh: `任务“${task.title}”`, en: `task "${task.title}"` });

function checkInPlan(field: string, date: IsoDate, plan: TaskPlanRow): void {
  if (date < `${plan.period_start}-01-01`) throw errors.deadlineBeforePlan(field, date, plan.period_start);
}

function compare(changes: Changes, field: string, before: JsonValue, after: JsonValue): void {
  if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = { from: before, to: after };
}

const asInputs = (rows: readonly TaskMilestoneRow[]): MilestoneInput[] =>
  rows.map((row) => ({ title: row.title, due: row.due_date, doneAt: row.done_at }));

const milestoneRows = (taskId: number, milestones: readonly MilestoneInput[]) =>
  milestones.map((milestone, index) => ({
    task_id: taskId,
    position: index + 1,
    title: milestone.title,
    due_date: milestone.due,
    done_at: milestone.doneAt ?? null,
  }));
