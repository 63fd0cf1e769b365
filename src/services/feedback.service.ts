/**
 * 意见建议: the public leaves a message on a published plan; it reaches the administrators of the plan's region and
 * of the regions above it (feedback.moderate), who mark it read, answer it or hide it. An answer is what publishes a
 * message, with its reply; the sender's name, contact and address are never public. Each moderation step is one
 * transaction behind the optimistic lock, audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import { feedbackRepository } from '../db/feedback.repository.ts';
import type { FeedbackRepository } from '../db/feedback.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository } from '../db/plan.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { can } from '../domain/access.ts';
import { checkFeedback } from '../domain/feedback/message.ts';
import { isPublic, moderate } from '../domain/feedback/moderation.ts';
import type { FeedbackStatus, ModerationTarget } from '../domain/feedback/moderation.ts';
import { accountErrors } from './account.errors.ts';
import { recordAudit } from './audit.ts';
import type { ActingUser, RequestContext } from './audit.ts';
import * as errors from './feedback.errors.ts';
import { presentInboxFeedback, presentPublicFeedback } from './feedback.presenter.ts';
import type { InboxFeedback, PublicFeedback } from './feedback.presenter.ts';
import { canReadPlan } from './plan.access.ts';
import { planNotFound } from './plan.errors.ts';
import { authorize } from './scope.ts';

/** What a visitor sends. `website` is the form's hidden honeypot field: people leave it empty, bots fill it. */
export interface FeedbackInput {
  planId: number;
  indicatorRow?: number | null | undefined;
  name?: string | null | undefined;
  contact?: string | null | undefined;
  message: string;
  website?: string | null | undefined;
}

/** A page of the inbox. */
export interface InboxQuery {
  status?: FeedbackStatus | undefined;
  planId?: number | undefined;
  /** 1-200, default 50. */
  limit?: number | undefined;
  offset?: number | undefined;
}

/** A moderation step, with the lock as read. */
export interface ModerationInput {
  status: ModerationTarget;
  reply?: string | null | undefined;
  lock: number;
}

/** A page of messages and how many there are in all. */
export interface FeedbackPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface FeedbackServiceDeps {
  db: Kysely<Database>;
  feedback: (db: Kysely<Database>) => FeedbackRepository;
  plans: (db: Kysely<Database>) => PlanRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  now: () => Date;
}

interface Repositories {
  feedback: FeedbackRepository;
  plans: PlanRepository;
  regions: RegionRepository;
  audit: AuditRepository;
}

const DEFAULT_LIMIT = 50;

/** The feedback service on a database, with the real repositories and, unless one is given, the real clock. */
export function createFeedbackService(db: Kysely<Database>, now: () => Date = () => new Date()): FeedbackService {
  return new FeedbackService({
    db,
    feedback: feedbackRepository,
    plans: planRepository,
    regions: regionRepository,
    audit: auditRepository,
    now,
  });
}

/** The public's messages on plans, and their moderation. */
export class FeedbackService {
  private readonly read: Repositories;

  constructor(private readonly deps: FeedbackServiceDeps) {
    this.read = this.bind(deps.db);
  }

  /**
   * Stores a visitor's message as `new`, with the client's address. A filled honeypot is answered exactly like a
   * real message and stores nothing, so a bot learns nothing from the answer.
   */
  async submit(input: FeedbackInput, ip: string | null): Promise<void> {
    if ((input.website ?? '').trim() !== '') return;
    const plan = await this.read.plans.findSummary(input.planId);
    if (plan === undefined || !(await canReadPlan(this.read.regions, null, plan))) throw planNotFound(input.planId);
    if (plan.status !== 'published') throw errors.planNotOpen(plan.id, plan.status);
    const checked = checkFeedback(input);
    if (!checked.ok) throw errors.feedbackRejected(checked.problems);
    const row = input.indicatorRow ?? null;
    if (row !== null && (await this.read.feedback.findIndicator(plan.id, row)) === undefined) {
      throw errors.indicatorRowUnknown(plan.id, row);
    }
    const now = this.deps.now();
    await this.read.feedback.insert({
      plan_id: plan.id,
      indicator_row: row,
      ...checked.value,
      client_ip: ip,
      created_at: now,
      updated_at: now,
    });
  }

  /**
   * The inbox, newest first: one plan's messages when `planId` is given (403 unless the reader moderates its
   * region), else every message on plans of the reader's region and below (all regions for the installation's
   * administrator).
   */
  async inbox(query: InboxQuery, reader: ActingUser): Promise<FeedbackPage<InboxFeedback>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    let withinRegion: string | undefined;
    if (query.planId !== undefined) {
      const plan = await this.read.plans.findSummary(query.planId);
      if (plan === undefined || !(await canReadPlan(this.read.regions, reader, plan))) {
        throw planNotFound(query.planId);
      }
      await authorize(this.read.regions, reader, 'feedback.moderate', plan.region_code);
    } else if (reader.regionCode === null) {
      if (!can(reader, 'feedback.moderate', 'none')) throw accountErrors.forbidden();
    } else {
      await authorize(this.read.regions, reader, 'feedback.moderate', reader.regionCode);
      withinRegion = reader.regionCode;
    }
    const { rows, total } = await this.read.feedback.list({
      ...(withinRegion === undefined ? {} : { withinRegion }),
      ...(query.planId === undefined ? {} : { planId: query.planId }),
      ...(query.status === undefined ? {} : { status: query.status }),
      limit,
      offset,
    });
    return { items: rows.map(presentInboxFeedback), total, limit, offset };
  }

  /** The answered messages of a plan anyone may read, newest first, with their replies. */
  async answered(
    planId: number,
    page: { limit?: number | undefined; offset?: number | undefined } = {},
  ): Promise<FeedbackPage<PublicFeedback>> {
    const plan = await this.read.plans.findSummary(planId);
    if (plan === undefined || !(await canReadPlan(this.read.regions, null, plan))) throw planNotFound(planId);
    const limit = page.limit ?? DEFAULT_LIMIT;
    const offset = page.offset ?? 0;
    const { rows, total } = await this.read.feedback.list({ planId, status: 'answered', limit, offset });
    return { items: rows.map(presentPublicFeedback), total, limit, offset };
  }

  /** One moderation step behind the lock: read, answered (with the reply) or hidden. */
  async moderate(id: number, input: ModerationInput, context: RequestContext): Promise<InboxFeedback> {
    return this.deps.db.transaction().execute(async (trx) => {
      const repos = this.bind(trx);
      const current = await repos.feedback.lock(id);
      if (current === undefined) throw errors.feedbackNotFound(id);
      await authorize(repos.regions, context.actor, 'feedback.moderate', current.plan_region_code);
      if (current.lock !== input.lock) throw errors.feedbackStale(id, input.lock, current.lock);
      const step = moderate(current.status, input.status, input.reply);
      if (!step.ok) throw errors.feedbackRejected([step.problem]);
      const now = this.deps.now();
      const by = context.actor === 'system' ? null : context.actor.id;
      const answering = input.status === 'answered';
      // Hiding or marking read keeps an earlier reply on record; only an answer writes one.
      const changes = {
        status: input.status,
        reply: answering ? step.reply : current.reply,
        replied_at: answering ? now : current.replied_at,
        replied_by_user_id: answering ? by : current.replied_by_user_id,
        moderated_by_user_id: by,
        updated_at: now,
      };
      if (!(await repos.feedback.moderate(id, current.lock, changes))) {
        throw errors.feedbackStale(id, input.lock, current.lock + 1);
      }
      await recordAudit(repos.audit, now, context, {
        action: `feedback.${input.status === 'answered' ? 'answer' : input.status === 'hidden' ? 'hide' : 'read'}`,
        entity: 'feedback',
        entityId: String(id),
        regionCode: current.plan_region_code,
        before: { status: current.status, reply: current.reply, public: isPublic(current.status) },
        after: { status: changes.status, reply: changes.reply, public: isPublic(changes.status) },
      });
      const stored = await repos.feedback.find(id);
      if (stored === undefined) throw new Error(`feedback ${id} vanished inside its own transaction`);
      return presentInboxFeedback(stored);
    });
  }

  private bind(db: Kysely<Database>): Repositories {
    const { feedback, plans, regions, audit } = this.deps;
    return { feedback: feedback(db), plans: plans(db), regions: regions(db), audit: audit(db) };
  }
}
