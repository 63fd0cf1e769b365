/**
 * Monitoring data (年度监测): figures reported by regions through the API, a file or a form, checked before anything
 * is stored, then carried through the workflow (填报 -> 审核 -> 发布) with every version and step kept. Each batch
 * and each workflow action is one transaction: a file with one bad row stores nothing; two reviewers acting on one
 * figure at once cannot both win (the optimistic lock), and the loser is told what happened instead.
 */
import type { Kysely } from 'kysely';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import type { ObservationOrigin, ObservationStatus } from '../db/observation.schema.ts';
import { observationRepository } from '../db/observation.repository.ts';
import type { ObservationRepository } from '../db/observation.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { WORKFLOW } from '../domain/observations/workflow.ts';
import type { WorkflowStep } from '../domain/observations/workflow.ts';
import { recordAudit } from './audit.ts';
import type { RequestContext } from './audit.ts';
import { checkBatch, headKey, keyId } from './observation.batch.ts';
import { fileRejected, streamFigures } from './observation.stream.ts';
import type { FigureChunk } from './observation.stream.ts';
import { writeFigures } from './observation.write.ts';
import type { WriteOptions, WrittenItem } from './observation.write.ts';
import type { CheckedFigure, ReportedFigure } from './observation.batch.ts';
import * as errors from './observation.errors.ts';
import { loadSubjects } from './observation.subjects.ts';
import type { ErrorDetail } from './errors.ts';
import { authorize } from './scope.ts';

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface ObservationServiceDeps {
  db: Kysely<Database>;
  observations: (db: Kysely<Database>) => ObservationRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  catalogue: (db: Kysely<Database>) => CatalogueRepository;
  now: () => Date;
}

interface Repositories {
  observations: ObservationRepository;
  regions: RegionRepository;
  audit: AuditRepository;
  catalogue: CatalogueRepository;
}

/** A batch to store. */
export interface ReportRequest {
  figures: readonly ReportedFigure[];
  /** Submit the figures for review at once (a draft otherwise). */
  submit?: boolean;
  origin: Exclude<ObservationOrigin, 'statistics'>;
  /** The uploaded file's name, kept with each version it created. */
  fileName?: string;
}

/** What a stored batch did, figure by figure. */
export interface ReportResult {
  created: number;
  revised: number;
  corrected: number;
  unchanged: number;
  submitted: number;
  /** Warnings the batch passed with (jumps explained by a comment). */
  warnings: ErrorDetail[];
  /** A big file's warnings beyond the first 1,000 listed. */
  moreWarnings?: number;
  /** A big file's figures beyond the first 10,000 listed in items. */
  moreItems?: number;
  items: WrittenItem[];
}

/** One figure a workflow action applies to, with the lock the actor read. */
export interface WorkflowTarget {
  id: number;
  lock: number;
}

export interface WorkflowResult {
  step: WorkflowStep;
  items: { id: number; status: ObservationStatus; lock: number; version: number }[];
}

/** The observation service on a database, with the real repositories and clock. */
export function createObservationService(db: Kysely<Database>, now: () => Date = () => new Date()): ObservationService {
  return new ObservationService({
    db,
    observations: observationRepository,
    regions: regionRepository,
    audit: auditRepository,
    catalogue: catalogueRepository,
    now,
  });
}

/** Reporting figures and moving them through the workflow. */
export class ObservationService {
  private readonly read: Repositories;

  constructor(private readonly deps: ObservationServiceDeps) {
    this.read = this.bind(deps.db);
  }

  /**
   * Stores a batch of figures as drafts (or submitted): all of them, or, when any has a problem, none, with every
   * problem in the error's details.
   */
  async report(request: ReportRequest, context: RequestContext): Promise<ReportResult> {
    if (request.figures.length === 0) throw errors.emptyBatch(request.fileName);
    const subjects = await loadSubjects(this.read.catalogue);
    const check = await checkBatch(request.figures, {
      regions: this.read.regions,
      observations: this.read.observations,
      subjects,
      checkPeriod: true,
    });
    for (const region of check.regions) await authorize(this.read.regions, context.actor, 'data.enter', region.code);
    const refused = check.problems.filter((problem) => problem.severity === 'error');
    if (refused.length > 0) throw errors.batchRejected(refused, request.fileName, request.figures.length);
    const warnings = check.figures.flatMap((figure) => figure.warnings);
    return this.transaction(async (repos) => {
      const result = await this.store(repos, check.figures, request, context);
      await recordAudit(repos.audit, this.deps.now(), context, {
        action: 'observation.report',
        entity: 'observation_batch',
        entityId: request.fileName ?? request.origin,
        regionCode: commonRegion(check.figures),
        after: {
          origin: request.origin,
          file: request.fileName ?? null,
          created: result.created,
          revised: result.revised,
          corrected: result.corrected,
          unchanged: result.unchanged,
          submitted: result.submitted,
          ids: result.items.map((item) => item.id),
        },
      });
      return { ...result, warnings };
    });
  }

  /**
   * Stores a file's figures as they are read, chunk by chunk, in one transaction (held while the file is read):
   * all of them or, when any has a problem, none, with the first 1,000 problems listed and the rest counted.
   */
  async reportStream(
    chunks: AsyncIterable<FigureChunk>,
    request: Omit<ReportRequest, 'figures'>,
    context: RequestContext,
    onChunk: (chunk: FigureChunk) => void = () => undefined,
  ): Promise<ReportResult> {
    const subjects = await loadSubjects(this.read.catalogue);
    return this.transaction(async (repos) => {
      const options = { ...this.writeOptions(request, context), context, onChunk };
      const outcome = await streamFigures(repos, chunks, subjects, options).catch((error: unknown) => {
        // Existing figures are locked as they are read, but a new one cannot be: two imports may both create it, and
        // the second meets the key's unique index (23505) — a conflict to retry, not a server error.
        if (isUniqueViolation(error)) throw errors.createdDuringImport(request.fileName, error);
        throw error;
      });
      if (outcome.figures === 0) throw errors.emptyBatch(request.fileName);
      if (outcome.errors.length > 0) throw fileRejected(outcome, request.fileName);
      const { created, revised, corrected, unchanged, submitted, items } = outcome;
      await recordAudit(repos.audit, this.deps.now(), context, {
        action: 'observation.report',
        entity: 'observation_batch',
        entityId: request.fileName ?? request.origin,
        regionCode: outcome.region,
        after: {
          ...{ origin: request.origin, file: request.fileName ?? null, created, revised, corrected, unchanged },
          ...{ submitted, ids: items.map((item) => item.id), moreIds: outcome.moreItems },
        },
      });
      return {
        ...{ created, revised, corrected, unchanged, submitted, items, warnings: outcome.warnings },
        ...(outcome.moreItems > 0 ? { moreItems: outcome.moreItems } : {}),
        ...(outcome.moreWarnings > 0 ? { moreWarnings: outcome.moreWarnings } : {}),
      };
    });
  }

  /** Takes one workflow step on figures, all or none; each names the lock its actor read. */
  async act(
    step: WorkflowStep,
    targets: readonly WorkflowTarget[],
    reason: string | null,
    context: RequestContext,
  ): Promise<WorkflowResult> {
    const rule = WORKFLOW[step];
    const why = reason?.trim() ?? '';
    if (rule.needsReason && why === '') throw errors.reasonRequired(step);
    if (targets.length === 0) throw errors.emptyBatch(undefined);
    return this.transaction(async (repos) => {
      const items: WorkflowResult['items'] = [];
      const regions = new Set<string>();
      for (const target of targets) {
        const head = await repos.observations.lockById(target.id);
        if (head === undefined) throw errors.notFound(target.id);
        regions.add(head.region_code);
        await authorize(repos.regions, context.actor, rule.permission, head.region_code);
        if (head.lock !== target.lock) throw errors.stale(head, target.lock);
        if (!rule.from.includes(head.status)) throw errors.wrongStatus(step, head);
        const now = this.deps.now();
        const changes = {
          status: rule.to,
          updated_at: now,
          return_reason: step === 'return' ? why : null,
          ...(step === 'approve' ? { approved_version: head.current_version } : {}),
          ...(step === 'publish' ? { published_version: head.current_version } : {}),
        };
        if (!(await repos.observations.update(head.id, head.lock, changes))) throw errors.stale(head, target.lock);
        await repos.observations.insertEvent({
          observation_id: head.id,
          version: head.current_version,
          action: step,
          from_status: head.status,
          to_status: rule.to,
          reason: why === '' ? null : why,
          actor_user_id: actorId(context),
          actor_ip: context.ip,
          at: now,
        });
        items.push({ id: head.id, status: rule.to, lock: head.lock + 1, version: head.current_version });
      }
      await recordAudit(repos.audit, this.deps.now(), context, {
        action: `observation.${step}`,
        entity: 'observation',
        entityId: items.map((item) => item.id).join(','),
        // The region the step's figures belong to, so the region's audit trail shows it; null when they span several.
        regionCode: regions.size === 1 ? ([...regions][0] ?? null) : null,
        after: { step, reason: why === '' ? null : why, items },
      });
      return { step, items };
    });
  }

  /**
   * Stores checked figures in statements over the whole batch: new figures in multi-row inserts, changed ones behind
   * their locks. The figures were checked outside this transaction, so anything a reviewer moved since is checked
   * again here, and refuses the whole batch.
   */
  private async store(
    repos: Repositories,
    figures: readonly CheckedFigure[],
    request: ReportRequest,
    context: RequestContext,
  ): Promise<Omit<ReportResult, 'warnings'>> {
    const keys = figures.map((figure) => figure.key);
    await repos.observations.lockKeys(keys);
    const heads = new Map((await repos.observations.findByKeys(keys)).map((head) => [keyId(headKey(head)), head]));
    return writeFigures(repos.observations, figures, heads, this.writeOptions(request, context));
  }

  private writeOptions(request: Omit<ReportRequest, 'figures'>, context: RequestContext): WriteOptions {
    return {
      status: request.submit === true ? 'submitted' : 'draft',
      now: this.deps.now(),
      by: actorId(context),
      ip: context.ip,
      origin: request.origin,
      fileName: request.fileName ?? null,
    };
  }

  private transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute((trx) => work(this.bind(trx)));
  }

  private bind(db: Kysely<Database>): Repositories {
    const { observations, regions, audit, catalogue } = this.deps;
    return { observations: observations(db), regions: regions(db), audit: audit(db), catalogue: catalogue(db) };
  }
}

const actorId = (context: RequestContext): number | null => (context.actor === 'system' ? null : context.actor.id);

/** The one region a batch writes to, for the audit log's region filter; null when it spans several. */
function commonRegion(figures: readonly CheckedFigure[]): string | null {
  const codes = new Set(figures.map((figure) => figure.key.regionCode));
  const [only] = codes;
  return codes.size === 1 && only !== undefined ? only : null;
}

/** PostgreSQL's unique_violation, as pg and PGlite both report it. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
