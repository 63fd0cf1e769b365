/**
 * Commitment tracking: each quantified commitment of a published plan ("新（改扩）建35所左右公办幼儿园") gets a
 * responsible unit and a deadline (set by the plan's reviewers), the quantity achieved to date and evidence
 * (reported by the responsible unit), and a history of every update. Each write is one transaction behind the
 * optimistic lock, audited in the same transaction; the status is computed whenever it is read.
 */
import type { Kysely } from 'kysely';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import type { JsonValue } from '../db/account.schema.ts';
import { commitmentRepository } from '../db/commitment.repository.ts';
import type { CommitmentRepository, TrackedPlanRow, TrackingChanges } from '../db/commitment.repository.ts';
import type { Changes, CommitmentTrackingRow, CommitmentUpdateAction } from '../db/commitment.schema.ts';
import { evidenceRepository } from '../db/evidence.repository.ts';
import type { EvidenceRepository } from '../db/evidence.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository } from '../db/plan.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { userRepository } from '../db/user.repository.ts';
import type { UserRepository } from '../db/user.repository.ts';
import type { Action } from '../domain/access.ts';
import { chinaToday, isIsoDate } from '../domain/tasks/dates.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import { recordAudit } from './audit.ts';
import type { RequestContext } from './audit.ts';
import * as errors from './commitment.errors.ts';
import { presentCommitment, presentCommitmentUpdate } from './commitment.presenter.ts';
import type { PresentedCommitment, PresentedCommitmentUpdate } from './commitment.presenter.ts';
import { checkEvidence } from './evidence.service.ts';
import type { EvidenceInput } from './evidence.service.ts';
import { presentEvidence } from './evidence.presenter.ts';
import type { PresentedEvidence } from './evidence.presenter.ts';
import { canReadPlan } from './plan.access.ts';
import type { Viewer } from './plan.access.ts';
import { planNotFound } from './plan.errors.ts';
import { authorize } from './scope.ts';
import { requireNamedUnit, requireTrackable } from './task.access.ts';
import { dateInvalid, deadlineBeforePlan, noteRequired, nothingToChange } from './task.errors.ts';

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface CommitmentServiceDeps {
  db: Kysely<Database>;
  commitments: (db: Kysely<Database>) => CommitmentRepository;
  evidence: (db: Kysely<Database>) => EvidenceRepository;
  plans: (db: Kysely<Database>) => PlanRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  users: (db: Kysely<Database>) => UserRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  /** Injected so tests can move the day deadlines are judged on. */
  now: () => Date;
}

interface Repositories {
  commitments: CommitmentRepository;
  evidence: EvidenceRepository;
  plans: PlanRepository;
  regions: RegionRepository;
  users: UserRepository;
  audit: AuditRepository;
}

/**
 * A change to a commitment's tracking, with the lock read (0 for a commitment never tracked). Setting the
 * responsible unit or the deadline is the plan's reviewers' (plan.review); reporting the quantity achieved is the
 * responsible unit's (task.update). A deadline or unit of null returns to the default or to none.
 */
export interface CommitmentPatch {
  achieved?: number;
  responsibleUnit?: string | null;
  deadline?: IsoDate | null;
  note?: string | null;
  lock: number;
}

/** A plan's commitments with their tracking. */
export interface CommitmentList {
  planId: number;
  /** The day statuses were computed for (Beijing time). */
  today: IsoDate;
  items: PresentedCommitment[];
}

/** The commitment service on a database, with the real repositories and, unless one is given, the real clock. */
export function createCommitmentService(db: Kysely<Database>, now: () => Date = () => new Date()): CommitmentService {
  return new CommitmentService({
    db,
    commitments: commitmentRepository,
    evidence: evidenceRepository,
    plans: planRepository,
    regions: regionRepository,
    users: userRepository,
    audit: auditRepository,
    now,
  });
}

/** Tracking a plan's commitments. */
export class CommitmentService {
  private readonly read: Repositories;

  constructor(private readonly deps: CommitmentServiceDeps) {
    this.read = this.bind(deps.db);
  }

  /** Every commitment of a plan the viewer may read, with tracking, status and evidence. */
  async list(planId: number, viewer: Viewer = null): Promise<CommitmentList> {
    const plan = await this.readablePlan(planId, viewer);
    const [rows, evidence] = await Promise.all([
      this.read.commitments.list(planId),
      this.read.evidence.listForCommitments(planId),
    ]);
    const today = this.today();
    return {
      planId,
      today,
      items: rows.map((row) => presentCommitment(row, { planEnd: plan.period_end, today, evidence })),
    };
  }

  /** Every update of one commitment, oldest first. */
  async history(planId: number, position: number, viewer: Viewer = null): Promise<PresentedCommitmentUpdate[]> {
    await this.readablePlan(planId, viewer);
    if ((await this.read.commitments.find(planId, position)) === undefined) {
      throw errors.commitmentNotFound(planId, position);
    }
    return (await this.read.commitments.history(planId, position)).map(presentCommitmentUpdate);
  }

  /** Changes a commitment's tracking behind the lock: all of the patch, or nothing. */
  async update(
    planId: number,
    position: number,
    patch: CommitmentPatch,
    context: RequestContext,
  ): Promise<PresentedCommitment> {
    const wants = {
      achieved: patch.achieved !== undefined,
      assignment: patch.responsibleUnit !== undefined || patch.deadline !== undefined,
    };
    if (!wants.achieved && !wants.assignment) throw nothingToChange('achieved, responsibleUnit, deadline');
    const deadline = patch.deadline ?? null;
    if (deadline !== null && !isIsoDate(deadline)) throw dateInvalid('deadline', deadline);
    const note = patch.note?.trim() ?? '';
    return this.transaction(async (repos) => {
      const plan = await this.writablePlan(repos, planId, context, [
        ...(wants.assignment ? (['plan.review'] as const) : []),
        ...(wants.achieved ? (['task.update'] as const) : []),
      ]);
      const tracking = await this.lockTracking(repos, plan, position, patch.lock);
      if (wants.achieved) {
        await requireNamedUnit(repos.users, context.actor, [tracking?.responsible_unit ?? null], {
          zh: `第 ${position} 项承诺`,
          en: `commitment ${position}`,
        });
      }
      const changes = changesOf(tracking, patch);
      if (Object.keys(changes).length === 0) return this.present(repos, plan, position);
      const before = tracking?.achieved ?? null;
      const lowered = before !== null && patch.achieved !== undefined && patch.achieved < before;
      if (lowered && note === '') throw noteRequired('note', '调低累计完成量', 'Lowering the quantity achieved');
      if (deadline !== null && deadline < `${plan.period_start}-01-01`) {
        throw deadlineBeforePlan('deadline', deadline, plan.period_start);
      }
      const now = this.deps.now();
      const next = nextState(tracking, patch, actorId(context), now);
      await this.store(repos, plan.id, position, tracking, next);
      await this.record(repos, { plan, position, action: 'track', state: next, changes, note, context });
      return this.present(repos, plan, position);
    });
  }

  /** Adds a file or a link as evidence of a commitment, with an entry in its history. */
  async addEvidence(
    planId: number,
    position: number,
    input: EvidenceInput,
    context: RequestContext,
  ): Promise<PresentedEvidence> {
    const checked = checkEvidence(input);
    const note = input.note?.trim() ?? '';
    return this.transaction(async (repos) => {
      const plan = await this.writablePlan(repos, planId, context, ['task.update']);
      // Evidence is only ever added, never overwrites anything: it takes no lock and leaves the lock as it is.
      if (!(await repos.commitments.lockCommitment(plan.id, position))) {
        throw errors.commitmentNotFound(plan.id, position);
      }
      const tracking = await repos.commitments.findTracking(plan.id, position);
      await requireNamedUnit(repos.users, context.actor, [tracking?.responsible_unit ?? null], {
        zh: `第 ${position} 项承诺`,
        en: `commitment ${position}`,
      });
      const now = this.deps.now();
      const id = await repos.evidence.insert({
        ...checked,
        plan_id: plan.id,
        commitment_position: position,
        task_id: null,
        created_by_user_id: actorId(context),
        created_at: now,
      });
      const stored = await repos.evidence.findSummary(id);
      if (stored === undefined) throw new Error(`evidence ${id} vanished inside its own transaction`);
      const after = { evidenceId: id, kind: checked.kind, title: checked.title, sha256: checked.sha256 ?? null };
      const state = {
        achieved: tracking?.achieved ?? null,
        responsible_unit: tracking?.responsible_unit ?? null,
        deadline: tracking?.deadline ?? null,
        updated_at: now,
      };
      await this.record(repos, {
        plan,
        position,
        action: 'evidence',
        state,
        changes: {},
        note,
        context,
        after,
        evidenceId: id,
      });
      return presentEvidence(stored);
    });
  }

  /** The history entry and the audit record of a write, in its transaction. */
  private async record(
    repos: Repositories,
    entry: {
      plan: TrackedPlanRow;
      position: number;
      action: CommitmentUpdateAction;
      state: TrackingChanges;
      changes: Changes;
      note: string;
      context: RequestContext;
      after?: Record<string, JsonValue>;
      evidenceId?: number;
    },
  ): Promise<void> {
    const { plan, position, state, context } = entry;
    const note = entry.note === '' ? null : entry.note;
    const at = state.updated_at ?? this.deps.now();
    await repos.commitments.insertUpdate({
      plan_id: plan.id,
      position,
      action: entry.action,
      achieved: state.achieved ?? null,
      responsible_unit: state.responsible_unit ?? null,
      deadline: state.deadline ?? null,
      changes: JSON.stringify(entry.changes),
      note,
      evidence_id: entry.evidenceId ?? null,
      actor_user_id: actorId(context),
      actor_ip: context.ip,
      at,
    });
    await recordAudit(repos.audit, at, context, {
      action: entry.action === 'evidence' ? 'evidence.add' : 'commitment.update',
      entity: 'commitment',
      entityId: `${plan.id}:${position}`,
      regionCode: plan.region_code,
      after: { ...(entry.after ?? {}), changes: entry.changes, note },
    });
  }

  /** The plan, locked against a new version's publication, once the actor may do every action on it. */
  private async writablePlan(
    repos: Repositories,
    planId: number,
    context: RequestContext,
    actions: readonly Action[],
  ): Promise<TrackedPlanRow> {
    const plan = await repos.commitments.sharePlan(planId);
    if (plan === undefined) throw planNotFound(planId);
    for (const action of actions) await authorize(repos.regions, context.actor, action, plan.region_code);
    requireTrackable(plan);
    return plan;
  }

  /** The commitment locked, and its tracking row when it has one, after checking the lock the actor read. */
  private async lockTracking(
    repos: Repositories,
    plan: TrackedPlanRow,
    position: number,
    lockRead: number,
  ): Promise<CommitmentTrackingRow | undefined> {
    if (!(await repos.commitments.lockCommitment(plan.id, position)))
      throw errors.commitmentNotFound(plan.id, position);
    const tracking = await repos.commitments.findTracking(plan.id, position);
    const lock = tracking?.lock ?? 0;
    if (lock !== lockRead) throw errors.commitmentStale(plan.id, position, lockRead, lock);
    return tracking;
  }

  private async store(
    repos: Repositories,
    planId: number,
    position: number,
    tracking: CommitmentTrackingRow | undefined,
    next: TrackingChanges,
  ): Promise<void> {
    if (tracking === undefined) {
      await repos.commitments.insertTracking({
        plan_id: planId,
        position,
        achieved: next.achieved ?? null,
        responsible_unit: next.responsible_unit ?? null,
        deadline: next.deadline ?? null,
        updated_by_user_id: next.updated_by_user_id ?? null,
        updated_at: next.updated_at ?? this.deps.now(),
      });
      return;
    }
    if (!(await repos.commitments.updateTracking(planId, position, tracking.lock, next))) {
      throw errors.commitmentStale(planId, position, tracking.lock, tracking.lock + 1);
    }
  }

  private async present(repos: Repositories, plan: TrackedPlanRow, position: number): Promise<PresentedCommitment> {
    const row = await repos.commitments.find(plan.id, position);
    if (row === undefined) throw errors.commitmentNotFound(plan.id, position);
    const evidence = await repos.evidence.listForCommitments(plan.id, position);
    return presentCommitment(row, { planEnd: plan.period_end, today: this.today(), evidence });
  }

  // A draft the viewer may not read is "not found", as for the plan itself.
  private async readablePlan(planId: number, viewer: Viewer) {
    const plan = await this.read.plans.findSummary(planId);
    if (plan === undefined || !(await canReadPlan(this.read.regions, viewer, plan))) throw planNotFound(planId);
    return plan;
  }

  private today(): IsoDate {
    return chinaToday(this.deps.now());
  }

  private transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute((trx) => work(this.bind(trx)));
  }

  private bind(db: Kysely<Database>): Repositories {
    const { commitments, evidence, plans, regions, users, audit } = this.deps;
    const bound = { commitments: commitments(db), evidence: evidence(db), plans: plans(db) };
    return { ...bound, regions: regions(db), users: users(db), audit: audit(db) };
  }
}

const actorId = (context: RequestContext): number | null => (context.actor === 'system' ? null : context.actor.id);

const blankToNull = (text: string | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The tracked state after a patch: what it gives, the stored value for what it leaves out. */
function nextState(
  tracking: CommitmentTrackingRow | undefined,
  patch: CommitmentPatch,
  by: number | null,
  now: Date,
): TrackingChanges {
  return {
    achieved: patch.achieved ?? tracking?.achieved ?? null,
    responsible_unit:
      patch.responsibleUnit === undefined ? (tracking?.responsible_unit ?? null) : blankToNull(patch.responsibleUnit),
    deadline: patch.deadline === undefined ? (tracking?.deadline ?? null) : patch.deadline,
    updated_by_user_id: by,
    updated_at: now,
  };
}

/** The fields a patch really changes, each with its value before and after. */
function changesOf(tracking: CommitmentTrackingRow | undefined, patch: CommitmentPatch): Changes {
  const changes: Changes = {};
  const compare = (field: string, before: string | number | null, after: string | number | null | undefined) => {
    if (after !== undefined && after !== before) changes[field] = { from: before, to: after };
  };
  compare('achieved', tracking?.achieved ?? null, patch.achieved);
  compare(
    'responsibleUnit',
    tracking?.responsible_unit ?? null,
    patch.responsibleUnit === undefined ? undefined : blankToNull(patch.responsibleUnit),
  );
  compare('deadline', tracking?.deadline ?? null, patch.deadline);
  return changes;
}
