/**
 * Plans: import a document as a draft, review its indicator rows, publish it; read plans and their alignment.
 * Documents are read and matched to the catalogue before any transaction opens (PGlite has one connection, and a
 * parse must never hold it); each write is then one short transaction that checks the actor's role and region
 * scope and appends to the audit log, so a change and its record stand or fall together.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import type { Action } from '../domain/access.ts';
import { planContentRepository } from '../db/plan-content.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository, PlanSlot, PlanSummaryRow } from '../db/plan.repository.ts';
import type { PlanStatus } from '../db/plan.schema.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import type { PlanPeriod } from '../ingest/types.ts';
import { recordAudit } from './audit.ts';
import type { AuditEvent, RequestContext } from './audit.ts';
import { loadCatalogue } from './catalogue.service.ts';
import { canReadPlan, planEvent } from './plan.access.ts';
import type { Viewer } from './plan.access.ts';
import { reviewRow } from './plan.catalogue-review.ts';
import type { RowReview } from './plan.catalogue-review.ts';
import { alignStoredPlan } from './plan.alignment.ts';
import type { PlanAlignment } from './plan.alignment.ts';
import * as errors from './plan.errors.ts';
import { presentPlan, presentPlanSummary } from './plan.presenter.ts';
import type { PlanDetail, PlanSummary, PresentedIndicator } from './plan.presenter.ts';
import { planRecords, readDocument } from './plan.records.ts';
import { compareSlots, relinkChildren, resolvePeriod, resolveRegion, slotOf } from './plan.slot.ts';
import { authorize } from './scope.ts';

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface PlanServiceDeps {
  db: Kysely<Database>;
  plans: (db: Kysely<Database>) => PlanRepository;
  contents: (db: Kysely<Database>) => PlanContentRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
  audit: (db: Kysely<Database>) => AuditRepository;
  catalogue: (db: Kysely<Database>) => CatalogueRepository;
  /** Injected so tests can fix the time the audit log records. */
  now: () => Date;
}

/** A document to import; regionCode and period override what the reader finds (for a title that names neither). */
export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  regionCode?: string;
  period?: PlanPeriod;
}

export interface ImportResult {
  /** False when the same file was already stored for the region and period: the existing plan is returned. */
  created: boolean;
  plan: PlanSummary;
}

export interface PlanListQuery {
  status?: PlanStatus;
  regionCode?: string;
  /** Page size, 1-500 (default 100). */
  limit?: number;
  offset?: number;
}

interface Repositories {
  plans: PlanRepository;
  contents: PlanContentRepository;
  regions: RegionRepository;
  audit: AuditRepository;
  catalogue: CatalogueRepository;
}

/** The plan service on a database, with the real repositories and, unless one is given, the real clock. */
export function createPlanService(db: Kysely<Database>, now: () => Date = () => new Date()): PlanService {
  return new PlanService({
    db,
    plans: planRepository,
    contents: planContentRepository,
    regions: regionRepository,
    audit: auditRepository,
    catalogue: catalogueRepository,
    now,
  });
}

/** Plan use cases; every write names its actor, is checked against the permission matrix and is audited. */
export class PlanService {
  private readonly read: Repositories;

  constructor(private readonly deps: PlanServiceDeps) {
    this.read = this.bind(deps.db);
  }

  /** Imports a document as a draft plan (or returns the plan already stored from the same bytes). */
  async importDocument(request: ImportRequest, context: RequestContext): Promise<ImportResult> {
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    const document = await readDocument(request.bytes, request.fileName);
    const period = resolvePeriod(request.period ?? document.plan.period);
    const region = await resolveRegion(this.read.regions, document.plan.region, request.regionCode, period);
    await authorize(this.read.regions, context.actor, 'plan.import', region.code);
    const records = planRecords(document.plan, (await loadCatalogue(this.read.catalogue)).entries);
    const slot: PlanSlot = { regionCode: region.code, period };
    return this.transaction(async ({ plans, contents, audit }) => {
      await plans.lockSlot(slot);
      const existing = await plans.findBySource(slot, sha256);
      if (existing !== undefined) return { created: false, plan: await this.summary(plans, existing.id) };
      const parent =
        region.parent_code === null ? undefined : await plans.findCurrent({ ...slot, regionCode: region.parent_code });
      const id = await plans.insert({
        region_code: region.code,
        period_start: period.start,
        period_end: period.end,
        title: document.plan.title,
        version: await plans.nextVersion(slot),
        source_sha256: sha256,
        source_name: request.fileName,
        source_format: document.format,
        source_text: document.text,
        parsed: JSON.stringify(document.plan),
        parent_plan_id: parent?.id ?? null,
      });
      await contents.insertSections(id, records.sections);
      await contents.insertIndicators(id, records.indicators);
      await contents.insertProjects(id, records.projects);
      await contents.insertCommitments(id, records.commitments);
      await relinkChildren(plans, slot);
      const plan = await this.summary(plans, id);
      await recordAudit(audit, this.deps.now(), context, planEvent('plan.import', plan));
      return { created: true, plan };
    });
  }

  /** Confirms or corrects one indicator row of a draft, or places it in a new catalogue entry; returns the row. */
  async reviewIndicator(
    planId: number,
    rowNo: number,
    review: RowReview,
    context: RequestContext,
  ): Promise<PresentedIndicator> {
    return this.transaction(async (repos) => {
      const plan = await this.lockDraft(repos, planId, context, 'plan.review');
      const row = await repos.contents.findIndicator(planId, rowNo);
      if (row === undefined) throw errors.indicatorNotFound(planId, rowNo);
      return reviewRow(repos, plan, row, review, context, this.deps.now());
    });
  }

  /** Puts a draft under another region (a code from the region table) the actor may also import into. */
  async setRegion(planId: number, regionCode: string, context: RequestContext): Promise<PlanSummary> {
    return this.transaction(async (repos) => {
      const plan = await this.lockDraft(repos, planId, context, 'plan.review');
      const period = { start: plan.period_start, end: plan.period_end };
      const region = await resolveRegion(repos.regions, null, regionCode, period);
      await authorize(repos.regions, context.actor, 'plan.import', region.code);
      const moved = await this.move(repos, plan, { regionCode: region.code, period }, 'regionCode');
      await this.audit(repos, context, planEvent('plan.set_region', moved, presentPlanSummary(plan)));
      return moved;
    });
  }

  /** Gives a draft another period. */
  async setPeriod(planId: number, period: PlanPeriod, context: RequestContext): Promise<PlanSummary> {
    const checked = resolvePeriod(period);
    return this.transaction(async (repos) => {
      const plan = await this.lockDraft(repos, planId, context, 'plan.review');
      const moved = await this.move(repos, plan, { regionCode: plan.region_code, period: checked }, 'period');
      await this.audit(repos, context, planEvent('plan.set_period', moved, presentPlanSummary(plan)));
      return moved;
    });
  }

  /** Publishes a reviewed draft; the version published before it for the region and period becomes superseded. */
  async publish(planId: number, context: RequestContext): Promise<PlanSummary> {
    return this.transaction(async (repos) => {
      const { plans, contents } = repos;
      const plan = await this.lockDraft(repos, planId, context, 'plan.publish');
      const pending = await contents.findPendingReview(planId);
      if (pending !== undefined) throw errors.reviewIncomplete(pending.row_no, pending.line, pending.name);
      const slot = slotOf(plan);
      await plans.lockSlot(slot);
      const published = await plans.findPublished(slot);
      if (published !== undefined && published.version > plan.version)
        throw errors.newerPublished(planId, published.id);
      // The superseded one goes first: at most one plan per slot may be published at any moment (a unique index).
      if (published !== undefined) {
        const before = await this.summary(plans, published.id);
        await plans.markSuperseded(published.id, planId);
        await this.audit(repos, context, planEvent('plan.supersede', await this.summary(plans, published.id), before));
      }
      await plans.markPublished(planId);
      await relinkChildren(plans, slot);
      const after = await this.summary(plans, planId);
      await this.audit(repos, context, planEvent('plan.publish', after, presentPlanSummary(plan)));
      return after;
    });
  }

  /**
   * Plans the viewer may read, newest version first within each region and period: published and superseded plans
   * for everyone, drafts only where the viewer may read drafts. The page is taken before drafts out of sight are
   * left out, so a page may hold fewer than `limit` plans.
   */
  async listPlans(query: PlanListQuery = {}, viewer: Viewer = null): Promise<PlanSummary[]> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 500);
    const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
    const rows = await this.read.plans.list({ ...query, limit, offset });
    const visible = await Promise.all(rows.map((row) => canReadPlan(this.read.regions, viewer, row)));
    return rows.filter((_, index) => visible[index] === true).map(presentPlanSummary);
  }

  /** A plan with its sections, indicators (with catalogue match), projects and commitments, each with its line. */
  async getPlan(planId: number, viewer: Viewer = null): Promise<PlanDetail> {
    const { plans, contents } = this.read;
    const plan = await plans.findDetail(planId);
    if (plan === undefined || !(await canReadPlan(this.read.regions, viewer, plan))) throw errors.planNotFound(planId);
    const [sections, indicators, projects, commitments, catalogue] = await Promise.all([
      contents.listSections(planId),
      contents.listIndicators(planId),
      contents.listProjects(planId),
      contents.listCommitments(planId),
      loadCatalogue(this.read.catalogue),
    ]);
    return presentPlan(plan, { sections, indicators, projects, commitments }, catalogue);
  }

  /** The text the plan was read from (its line numbers point into it), with the file's name and format. */
  async getSource(planId: number, viewer: Viewer = null): Promise<{ name: string; format: string; text: string }> {
    await this.visibleSummary(planId, viewer);
    const source = await this.read.plans.findSource(planId);
    if (source === undefined) throw errors.planNotFound(planId);
    return { name: source.source_name, format: source.source_format, text: source.source_text };
  }

  /** The plan's targets beside its parent plan's (when the viewer may read it) and its own reference columns. */
  async alignment(planId: number, viewer: Viewer = null): Promise<PlanAlignment> {
    const summary = await this.visibleSummary(planId, viewer);
    const parentId = summary.parent_plan_id;
    const parent = parentId === null ? undefined : await this.read.plans.findSummary(parentId);
    const shown = parent !== undefined && (await canReadPlan(this.read.regions, viewer, parent)) ? parent : null;
    const catalogue = await loadCatalogue(this.read.catalogue);
    return alignStoredPlan(await this.stored(summary), shown === null ? null : await this.stored(shown), catalogue);
  }

  // A draft the viewer may not read is "not found", not "forbidden": its existence is not public either.
  private async visibleSummary(planId: number, viewer: Viewer): Promise<PlanSummaryRow> {
    const summary = await this.read.plans.findSummary(planId);
    if (summary === undefined || !(await canReadPlan(this.read.regions, viewer, summary)))
      throw errors.planNotFound(planId);
    return summary;
  }

  private async stored(summary: PlanSummaryRow) {
    return { summary, indicators: await this.read.contents.listIndicators(summary.id) };
  }

  private audit(repos: Repositories, context: RequestContext, event: AuditEvent): Promise<void> {
    return recordAudit(repos.audit, this.deps.now(), context, event);
  }

  private async move(repos: Repositories, plan: PlanSummaryRow, to: PlanSlot, field: string): Promise<PlanSummary> {
    const { plans, regions } = repos;
    const from = slotOf(plan);
    if (compareSlots(from, to) === 0) return presentPlanSummary(plan);
    // In one order (the smaller code or year first), so two drafts moving in opposite directions cannot deadlock.
    for (const slot of [from, to].sort(compareSlots)) await plans.lockSlot(slot);
    const duplicate = await plans.findBySource(to, plan.source_sha256);
    if (duplicate !== undefined) throw errors.duplicatePlan(duplicate.id, field);
    const parentCode = (await regions.findByCode(to.regionCode))?.parent_code ?? null;
    const parent = parentCode === null ? undefined : await plans.findCurrent({ ...to, regionCode: parentCode });
    await plans.detachChildren(plan.id);
    await plans.move(plan.id, to, await plans.nextVersion(to), parent?.id ?? null);
    await relinkChildren(plans, from);
    await relinkChildren(plans, to);
    return this.summary(plans, plan.id);
  }

  /** Locks the plan, checks the actor may do the action in its region, then that it is still a draft. */
  private async lockDraft(
    { plans, regions }: Repositories,
    planId: number,
    context: RequestContext,
    action: Action,
  ): Promise<PlanSummaryRow> {
    const plan = await plans.lock(planId);
    if (plan === undefined) throw errors.planNotFound(planId);
    await authorize(regions, context.actor, action, plan.region_code);
    if (plan.status !== 'draft') throw errors.planNotDraft(planId, plan.status);
    return plan;
  }

  private async summary(plans: PlanRepository, planId: number): Promise<PlanSummary> {
    const row = await plans.findSummary(planId);
    if (row === undefined) throw errors.planNotFound(planId);
    return presentPlanSummary(row);
  }

  private transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute((trx) => work(this.bind(trx)));
  }

  private bind(db: Kysely<Database>): Repositories {
    const { plans, contents, regions, audit, catalogue } = this.deps;
    const bound = { plans: plans(db), contents: contents(db), regions: regions(db), audit: audit(db) };
    return { ...bound, catalogue: catalogue(db) };
  }
}
