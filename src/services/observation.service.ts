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
import type {
  NewObservationEvent,
  NewObservationVersion,
  Observation,
  ObservationOrigin,
  ObservationStatus,
} from '../db/observation.schema.ts';
import { observationRepository } from '../db/observation.repository.ts';
import type { ObservationRepository } from '../db/observation.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { WORKFLOW } from '../domain/observations/workflow.ts';
import type { WorkflowStep } from '../domain/observations/workflow.ts';
import { recordAudit } from './audit.ts';
import type { RequestContext } from './audit.ts';
import { checkBatch, headKey, keyId, sameAsStored } from './observation.batch.ts';
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
  items: {
    id: number;
    regionCode: string;
    indicator: string;
    year: number;
    status: ObservationStatus;
    lock: number;
    version: number;
  }[];
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
   * Stores checked figures in statements over the whole batch: new figures in multi-row inserts, changed ones each
   * behind its lock. The figures were checked outside this transaction, so anything a reviewer moved since is
   * checked again here, and refuses the whole batch.
   */
  private async store(
    repos: Repositories,
    figures: readonly CheckedFigure[],
    request: ReportRequest,
    context: RequestContext,
  ): Promise<Omit<ReportResult, 'warnings'>> {
    const { observations } = repos;
    const now = this.deps.now();
    const status: ObservationStatus = request.submit === true ? 'submitted' : 'draft';
    const by = actorId(context);
    const keys = figures.map((figure) => figure.key);
    await observations.lockKeys(keys);
    const heads = new Map((await observations.findByKeys(keys)).map((head) => [keyId(headKey(head)), head]));
    const result: Omit<ReportResult, 'warnings'> = {
      created: 0,
      revised: 0,
      corrected: 0,
      unchanged: 0,
      submitted: 0,
      items: [],
    };
    const versions: NewObservationVersion[] = [];
    const events: NewObservationEvent[] = [];
    const version = (figure: CheckedFigure, id: number, number: number): NewObservationVersion => ({
      observation_id: id,
      version: number,
      value: figure.value,
      unit: figure.subject.unit,
      qualifier: figure.qualifier,
      source: figure.source,
      quote: figure.quote,
      note: figure.note,
      comment: figure.comment,
      reason: figure.reason,
      series_break: null,
      origin: request.origin,
      file_name: request.fileName ?? null,
      file_row: figure.at.row ?? null,
      created_by_user_id: by,
      created_at: now,
    });
    const event = (
      id: number,
      number: number,
      action: 'create' | 'revise' | 'correct' | 'submit',
      from: ObservationStatus | null,
      to: ObservationStatus,
      reason: string | null = null,
    ): NewObservationEvent => ({
      observation_id: id,
      version: number,
      action,
      from_status: from,
      to_status: to,
      reason,
      actor_user_id: by,
      actor_ip: context.ip,
      at: now,
    });

    const fresh = figures.filter((figure) => !heads.has(keyId(figure.key)));
    const inserted = await observations.insertMany(
      fresh.map((figure) => ({
        region_code: figure.key.regionCode,
        subject_kind: figure.key.subjectKind,
        subject_id: figure.key.subjectId,
        year: figure.key.year,
        status,
        current_version: 1,
        approved_version: null,
        published_version: null,
        return_reason: null,
        created_at: now,
        updated_at: now,
      })),
    );
    const ids = new Map(inserted.map((row) => [keyId(headKey(row)), row.id]));

    for (const figure of figures) {
      const head = heads.get(keyId(figure.key));
      if (head === undefined) {
        const id = ids.get(keyId(figure.key)) ?? Number.NaN;
        versions.push(version(figure, id, 1));
        events.push(event(id, 1, 'create', null, 'draft'));
        if (status === 'submitted') events.push(event(id, 1, 'submit', 'draft', 'submitted'));
        result.created += 1;
        if (status === 'submitted') result.submitted += 1;
        result.items.push(item(figure, id, status, 1, 1));
        continue;
      }
      if (sameAsStored(head, figure)) {
        // Nothing new; a draft sent again with submit is submitted.
        if (head.status === 'draft' && status === 'submitted') {
          await this.move(observations, head, { status });
          events.push(event(head.id, head.current_version, 'submit', 'draft', 'submitted'));
          result.submitted += 1;
          result.items.push(item(figure, head.id, status, head.lock + 1, head.current_version));
        } else {
          result.unchanged += 1;
          result.items.push(item(figure, head.id, head.status, head.lock, head.current_version));
        }
        continue;
      }
      if (head.status === 'submitted') throw errors.changedDuringImport(figure, head);
      const correcting = head.status === 'approved' || head.status === 'published';
      if (correcting && figure.reason === null) throw errors.changedDuringImport(figure, head);
      const next = head.current_version + 1;
      versions.push(version(figure, head.id, next));
      await this.move(observations, head, { status, current_version: next, return_reason: null });
      events.push(
        event(
          head.id,
          next,
          correcting ? 'correct' : 'revise',
          head.status,
          'draft',
          correcting ? figure.reason : null,
        ),
      );
      if (status === 'submitted') events.push(event(head.id, next, 'submit', 'draft', 'submitted'));
      if (correcting) result.corrected += 1;
      else result.revised += 1;
      if (status === 'submitted') result.submitted += 1;
      result.items.push(item(figure, head.id, status, head.lock + 1, next));
    }
    // Versions first: every event names the version it acted on.
    await observations.insertVersions(versions);
    await observations.insertEvents(events);
    return result;
  }

  private async move(
    observations: ObservationRepository,
    head: Observation,
    changes: Partial<Pick<Observation, 'status' | 'current_version' | 'return_reason'>>,
  ): Promise<void> {
    if (!(await observations.update(head.id, head.lock, { ...changes, updated_at: this.deps.now() }))) {
      throw errors.stale(head, head.lock);
    }
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

function item(
  figure: CheckedFigure,
  id: number,
  status: ObservationStatus,
  lock: number,
  version: number,
): ReportResult['items'][number] {
  return {
    id,
    regionCode: figure.key.regionCode,
    indicator: figure.key.subjectId,
    year: figure.key.year,
    status,
    lock,
    version,
  };
}

/** The one region a batch writes to, for the audit log's region filter; null when it spans several. */
function commonRegion(figures: readonly CheckedFigure[]): string | null {
  const codes = new Set(figures.map((figure) => figure.key.regionCode));
  const [only] = codes;
  return codes.size === 1 && only !== undefined ? only : null;
}
