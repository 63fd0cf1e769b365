/**
 * Reviewing one indicator row against the catalogue as it stands, built-in and stored entries together. When no entry
 * fits, the reviewer describes a new one, which is added with the row's printed name as a synonym, so the next plan
 * that prints the name matches it. Runs inside the review's transaction: the entry, the row's match and both audit
 * records stand or fall together.
 */
import type { AuditRepository } from '../db/audit.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import type { StoredSynonym } from '../db/catalogue.schema.ts';
import type { PlanSummaryRow } from '../db/plan.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import { normaliseName } from '../domain/catalogue/index.ts';
import type { IndicatorDirection, IndicatorKind } from '../domain/catalogue/index.ts';
import { recordAudit } from './audit.ts';
import type { RequestContext } from './audit.ts';
import { loadCatalogue, presentIndicatorEntry } from './catalogue.service.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { ErrorLocation } from './errors.ts';
import { asJson } from './plan.access.ts';
import { catalogueEntryInvalid, catalogueNameTaken } from './plan.errors.ts';
import { presentIndicator } from './plan.presenter.ts';
import type { PresentedIndicator } from './plan.presenter.ts';
import { reviewedColumns } from './plan.review.ts';
import type { IndicatorCorrections } from './plan.review.ts';
import { authorize } from './scope.ts';

/** The entry a reviewer adds for a row. */
export interface NewEntryRequest {
  name: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
  kind: IndicatorKind;
}

/** A row's review: the corrections, and optionally a new entry the row then stands for. */
export type RowReview = IndicatorCorrections & { newEntry?: NewEntryRequest };

/**
 * Names this short (入园率, 普惠率) mean something only under their table group, as the built-in synonyms do: stored
 * without the group, 入园率 under 高中阶段教育 would match a preschool entry.
 */
const SHORT_NAME = 5;

const SLUG_LENGTH = 60;

/** The repositories the review works with, bound to its transaction. */
export interface CatalogueReviewRepos {
  contents: PlanContentRepository;
  catalogue: CatalogueRepository;
  regions: RegionRepository;
  audit: AuditRepository;
}

/** Applies a review to a row of a draft the caller has locked and checked, and records it; returns the row. */
export async function reviewRow(
  repos: CatalogueReviewRepos,
  plan: PlanSummaryRow,
  row: PlanIndicatorRow,
  review: RowReview,
  context: RequestContext,
  at: Date,
): Promise<PresentedIndicator> {
  const { catalogue, corrections } = await catalogueForReview(repos, plan, row, review, context, at);
  const update = reviewedColumns(row, corrections, catalogue);
  const after = presentIndicator(await repos.contents.updateIndicator(plan.id, row.row_no, update), catalogue);
  await recordAudit(repos.audit, at, context, {
    action: 'plan.review_indicator',
    entity: 'plan_indicator',
    entityId: `${plan.id}/${row.row_no}`,
    regionCode: plan.region_code,
    before: asJson(presentIndicator(row, catalogue)),
    after: asJson(after),
  });
  return after;
}

/**
 * The catalogue to review the row against and the corrections to apply: as given, or, with a new entry, the entry
 * added (after checking catalogue.edit) and chosen for the row.
 */
async function catalogueForReview(
  repos: CatalogueReviewRepos,
  plan: PlanSummaryRow,
  row: PlanIndicatorRow,
  review: RowReview,
  context: RequestContext,
  at: Date,
): Promise<{ catalogue: Catalogue; corrections: IndicatorCorrections }> {
  const { newEntry, ...corrections } = review;
  if (newEntry === undefined) return { catalogue: await loadCatalogue(repos.catalogue), corrections };
  const where: ErrorLocation = { row: row.row_no, line: row.line };
  if (corrections.catalogueId !== undefined) {
    throw catalogueEntryInvalid(
      { ...where, field: 'newEntry' },
      '不能同时选择已有指标和新建指标',
      'choose an existing entry or describe a new one, not both',
    );
  }
  // Checked against the plan's region: a province admin adds entries while reviewing its province's plans.
  await authorize(repos.regions, context.actor, 'catalogue.edit', plan.region_code);
  const entry = checkedEntry(newEntry, where);
  await repos.catalogue.lockForAdding();
  const before = await loadCatalogue(repos.catalogue);
  const taken = findNamed(before, entry.name);
  if (taken !== undefined) throw catalogueNameTaken(entry.name, taken, where);
  const stored = await repos.catalogue.insert({
    id: freeId(before, entry.nameEn),
    name: entry.name,
    name_en: entry.nameEn,
    unit: entry.unit,
    kind: entry.kind,
    direction: entry.direction,
    synonyms: JSON.stringify(printedSynonym(before, row, entry.name)),
    created_by_user_id: context.actor === 'system' ? null : context.actor.id,
    source_plan_id: plan.id,
    created_at: at,
  });
  const catalogue = await loadCatalogue(repos.catalogue);
  const added = catalogue.byId.get(stored.id);
  await recordAudit(repos.audit, at, context, {
    action: 'catalogue.add_entry',
    entity: 'catalogue_entry',
    entityId: stored.id,
    // The catalogue is shared by every region; the plan that prompted the entry is in the record.
    regionCode: null,
    after: asJson({ ...(added === undefined ? {} : presentIndicatorEntry(added)), sourcePlanId: plan.id }),
  });
  return { catalogue, corrections: { ...corrections, catalogueId: stored.id } };
}

function checkedEntry(request: NewEntryRequest, at: ErrorLocation): NewEntryRequest {
  const trimmed = { ...request, name: request.name.trim(), nameEn: request.nameEn.trim(), unit: request.unit.trim() };
  if (trimmed.name === '')
    throw catalogueEntryInvalid({ ...at, field: 'newEntry.name' }, '指标名称不能为空', 'the name cannot be empty');
  if (trimmed.unit === '') {
    throw catalogueEntryInvalid(
      { ...at, field: 'newEntry.unit' },
      '计量单位不能为空：写明 %、人、万人、所等',
      'the unit cannot be empty: give %, 人, 万人, 所 or the like',
    );
  }
  return trimmed;
}

/** The id of the entry already holding the name, as its name or as a synonym under any group. */
function findNamed(catalogue: Catalogue, name: string): string | undefined {
  const key = normaliseName(name);
  const same = (text: string): boolean => normaliseName(text) === key;
  return catalogue.entries.find((entry) => same(entry.name) || entry.synonyms.some((synonym) => same(synonym.name)))
    ?.id;
}

/**
 * The row's printed name as the entry's synonym, unless it is the entry's own name, or another entry already holds
 * it: the matcher would find that entry first, so a second claim could only mislead a reader of the catalogue.
 */
function printedSynonym(catalogue: Catalogue, row: PlanIndicatorRow, name: string): StoredSynonym[] {
  const printed = row.name.trim();
  if (normaliseName(printed) === normaliseName(name) || findNamed(catalogue, printed) !== undefined) return [];
  const short = normaliseName(printed).length <= SHORT_NAME && row.category !== null;
  return [{ name: printed, ...(short && row.category !== null ? { category: row.category } : {}) }];
}

/** A slug from the English name (custom-<n> when it gives none), made unique across built-in and stored entries. */
function freeId(catalogue: Catalogue, nameEn: string): string {
  const slug = nameEn
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .slice(0, SLUG_LENGTH)
    .replace(/^-+|-+$/gu, '');
  const base = slug === '' ? 'custom' : slug;
  if (slug !== '' && !catalogue.byId.has(base)) return base;
  for (let n = slug === '' ? 1 : 2; ; n += 1) if (!catalogue.byId.has(`${base}-${n}`)) return `${base}-${n}`;
}
