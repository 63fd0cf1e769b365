/**
 * Plans: import a document as a draft, review its indicator rows, publish it; read plans and their alignment.
 * Documents are read and matched to the catalogue before any transaction opens (PGlite has one connection, and a
 * parse must never hold it); each write is then one short transaction, so a failure leaves nothing half-written.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultCatalogue } from '../domain/catalogue/index.ts';
import { planContentRepository } from '../db/plan-content.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository, PlanSlot, PlanSummaryRow } from '../db/plan.repository.ts';
import type { PlanStatus } from '../db/plan.schema.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { NotAPlanError, readPlanDocument } from '../ingest/read.ts';
import type { ReadDocument } from '../ingest/read.ts';
import type { PlanPeriod } from '../ingest/types.ts';
import { alignStoredPlan } from './plan.alignment.ts';
import type { PlanAlignment } from './plan.alignment.ts';
import * as errors from './plan.errors.ts';
import { presentIndicator, presentPlan, presentPlanSummary } from './plan.presenter.ts';
import type { PlanDetail, PlanSummary, PresentedIndicator } from './plan.presenter.ts';
import { planRecords } from './plan.records.ts';
import { reviewedColumns } from './plan.review.ts';
import type { IndicatorCorrections } from './plan.review.ts';
import { resolvePeriod, resolveRegion } from './plan.slot.ts';

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface PlanServiceDeps {
  db: Kysely<Database>;
  plans: (db: Kysely<Database>) => PlanRepository;
  contents: (db: Kysely<Database>) => PlanContentRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
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
}

/** The plan service on a database, with the real repositories. */
export function createPlanService(db: Kysely<Database>): PlanService {
  return new PlanService({ db, plans: planRepository, contents: planContentRepository, regions: regionRepository });
}

/** Plan use cases. Access checks and the audit log belong to the caller's account layer (issue 3, accounts). */
export class PlanService {
  private readonly read: Repositories;

  constructor(private readonly deps: PlanServiceDeps) {
    this.read = this.bind(deps.db);
  }

  /** Imports a document as a draft plan (or returns the plan already stored from the same bytes). */
  async importDocument(request: ImportRequest): Promise<ImportResult> {
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    const document = await readDocument(request.bytes, request.fileName);
    const period = resolvePeriod(request.period ?? document.plan.period);
    const region = await resolveRegion(this.read.regions, document.plan.region, request.regionCode, period);
    const records = planRecords(document.plan, defaultCatalogue);
    const slot: PlanSlot = { regionCode: region.code, period };
    return this.transaction(async ({ plans, contents }) => {
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
      return { created: true, plan: await this.summary(plans, id) };
    });
  }

  /** Confirms or corrects one indicator row of a draft; returns the row as corrected. */
  async reviewIndicator(planId: number, rowNo: number, corrections: IndicatorCorrections): Promise<PresentedIndicator> {
    return this.transaction(async ({ plans, contents }) => {
      await this.lockDraft(plans, planId);
      const row = await contents.findIndicator(planId, rowNo);
      if (row === undefined) throw errors.indicatorNotFound(planId, rowNo);
      return presentIndicator(await contents.updateIndicator(planId, rowNo, reviewedColumns(row, corrections)));
    });
  }

  /** Puts a draft under another region (a code from the region table). */
  async setRegion(planId: number, regionCode: string): Promise<PlanSummary> {
    return this.transaction(async (repos) => {
      const plan = await this.lockDraft(repos.plans, planId);
      const period = { start: plan.period_start, end: plan.period_end };
      const region = await resolveRegion(repos.regions, null, regionCode, period);
      return this.move(repos, plan, { regionCode: region.code, period }, 'regionCode');
    });
  }

  /** Gives a draft another period. */
  async setPeriod(planId: number, period: PlanPeriod): Promise<PlanSummary> {
    const checked = resolvePeriod(period);
    return this.transaction(async (repos) => {
      const plan = await this.lockDraft(repos.plans, planId);
      return this.move(repos, plan, { regionCode: plan.region_code, period: checked }, 'period');
    });
  }

  /** Publishes a reviewed draft; the version published before it for the region and period becomes superseded. */
  async publish(planId: number): Promise<PlanSummary> {
    return this.transaction(async ({ plans, contents }) => {
      const plan = await this.lockDraft(plans, planId);
      const pending = await contents.findPendingReview(planId);
      if (pending !== undefined) throw errors.reviewIncomplete(pending.row_no, pending.line, pending.name);
      const slot = slotOf(plan);
      await plans.lockSlot(slot);
      const published = await plans.findPublished(slot);
      if (published !== undefined && published.version > plan.version)
        throw errors.newerPublished(planId, published.id);
      // The superseded one goes first: at most one plan per slot may be published at any moment (a unique index).
      if (published !== undefined) await plans.markSuperseded(published.id, planId);
      await plans.markPublished(planId);
      await relinkChildren(plans, slot);
      return this.summary(plans, planId);
    });
  }

  /** Plans, newest version first within each region and period. */
  async listPlans(query: PlanListQuery = {}): Promise<PlanSummary[]> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 500);
    const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
    const rows = await this.read.plans.list({ ...query, limit, offset });
    return rows.map(presentPlanSummary);
  }

  /** A plan with its sections, indicators (with catalogue match), projects and commitments, each with its line. */
  async getPlan(planId: number): Promise<PlanDetail> {
    const { plans, contents } = this.read;
    const plan = await plans.findDetail(planId);
    if (plan === undefined) throw errors.planNotFound(planId);
    const [sections, indicators, projects, commitments] = await Promise.all([
      contents.listSections(planId),
      contents.listIndicators(planId),
      contents.listProjects(planId),
      contents.listCommitments(planId),
    ]);
    return presentPlan(plan, { sections, indicators, projects, commitments });
  }

  /** The text the plan was read from (its line numbers point into it), with the file's name and format. */
  async getSource(planId: number): Promise<{ name: string; format: string; text: string }> {
    const source = await this.read.plans.findSource(planId);
    if (source === undefined) throw errors.planNotFound(planId);
    return { name: source.source_name, format: source.source_format, text: source.source_text };
  }

  /** The plan's targets beside its parent plan's and beside the reference columns of its own table. */
  async alignment(planId: number): Promise<PlanAlignment> {
    const plan = await this.stored(planId);
    const parent = plan.summary.parent_plan_id === null ? null : await this.stored(plan.summary.parent_plan_id);
    return alignStoredPlan(plan, parent);
  }

  private async stored(planId: number) {
    const summary = await this.read.plans.findSummary(planId);
    if (summary === undefined) throw errors.planNotFound(planId);
    return { summary, indicators: await this.read.contents.listIndicators(planId) };
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

  private async lockDraft(plans: PlanRepository, planId: number): Promise<PlanSummaryRow> {
    const plan = await plans.lock(planId);
    if (plan === undefined) throw errors.planNotFound(planId);
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
    return { plans: this.deps.plans(db), contents: this.deps.contents(db), regions: this.deps.regions(db) };
  }
}

function slotOf(plan: PlanSummaryRow): PlanSlot {
  return { regionCode: plan.region_code, period: { start: plan.period_start, end: plan.period_end } };
}

function compareSlots(a: PlanSlot, b: PlanSlot): number {
  return a.regionCode.localeCompare(b.regionCode) || a.period.start - b.period.start || a.period.end - b.period.end;
}

/** Points the slot's child regions' plans at the slot's current plan (published, else newest). */
async function relinkChildren(plans: PlanRepository, slot: PlanSlot): Promise<void> {
  const current = await plans.findCurrent(slot);
  if (current !== undefined) await plans.linkChildren(slot, current.id);
}

async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  try {
    return await readPlanDocument(bytes, fileName);
  } catch (error) {
    if (error instanceof NotAPlanError) throw errors.notAPlan(error.message, error);
    throw error;
  }
}
