/**
 * Every indicator of every region in a subtree (a province, or the country from its roots) judged in every year of
 * the plans that apply, in a handful of queries and one pass in memory: the subtree, its published plans, their
 * indicator rows, and every figure they read; then the figure grid (aggregation for the whole tree at once) and
 * evaluateAll. The same statuses the evaluation service gives one plan, region and year at a time.
 */
import type { Basis, ObservationRepository } from '../db/observation.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import type { PlanRepository } from '../db/plan.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import { evaluateAll } from '../domain/evaluation/evaluate-all.ts';
import type { AllProgress, JudgedPlan } from '../domain/evaluation/evaluate-all.ts';
import { indicatorFacts } from '../domain/evaluation/indicator-progress.ts';
import type { PlanTargetRow } from '../domain/evaluation/indicator-progress.ts';
import { figureGrid } from '../domain/observations/figure-grid.ts';
import type { Subject } from '../domain/observations/subjects.ts';
import { loadCatalogue } from './catalogue.service.ts';
import { loadSubjects } from './observation.subjects.ts';

/** The repositories the whole-subtree evaluation reads. */
export interface SubtreeRepositories {
  readonly plans: PlanRepository;
  readonly contents: PlanContentRepository;
  readonly regions: RegionRepository;
  readonly observations: ObservationRepository;
  readonly catalogue: CatalogueRepository;
}

export interface SubtreeProgress extends AllProgress {
  readonly region: string;
  readonly basis: Basis;
  readonly regions: number;
  readonly plans: number;
  readonly figures: number;
  readonly years: { readonly from: number; readonly to: number };
}

/** A plan row's baseline and target as the progress method reads them. */
export function targetRowOf(row: PlanIndicatorRow): PlanTargetRow {
  return {
    baselineYear: row.baseline_year,
    baselineValue: row.baseline_value,
    targetYear: row.target_year,
    targetValue: row.target_value,
    comparator: row.target_comparator,
    attribute: row.attribute,
    unitFactor: row.unit_factor,
  };
}

// A plan period is at most a decade; a subtree's plans never reach further than this.
const MAX_PLANS = 100_000;

/** Judges every region of the subtree under `regionCode` in every year a published plan applies to it. */
export async function evaluateSubtree(
  repos: SubtreeRepositories,
  regionCode: string,
  basis: Basis,
): Promise<SubtreeProgress> {
  const tree = await repos.regions.subtree(regionCode);
  const codes = tree.map((region) => region.code);
  const plans = await repos.plans.list({ status: 'published', regionCodes: codes, limit: MAX_PLANS, offset: 0 });
  const rows = await repos.contents.listIndicatorsOf(plans.map((plan) => plan.id));
  const { byId: entries } = await loadCatalogue(repos.catalogue);
  const registry = await loadSubjects(repos.catalogue);

  const rowsOf = new Map<number, PlanIndicatorRow[]>();
  for (const row of rows) rowsOf.set(row.plan_id, [...(rowsOf.get(row.plan_id) ?? []), row]);
  const subjects = new Map<string, Subject>();
  for (const row of rows) {
    const subject = row.catalogue_id === null ? undefined : registry.byId(row.catalogue_id);
    if (subject !== undefined) subjects.set(subject.id, subject);
  }
  const judged: JudgedPlan[] = plans.map((plan) => ({
    regionCode: plan.region_code,
    period: { start: plan.period_start, end: plan.period_end },
    rows: (rowsOf.get(plan.id) ?? []).map((row) => ({
      // An unmatched row has nothing to be judged on: it counts, as 数据不足, under no subject.
      subject: row.catalogue_id ?? '',
      target: targetRowOf(row),
      facts: indicatorFacts(
        row.catalogue_id === null ? undefined : entries.get(row.catalogue_id),
        row.target_comparator,
        row.unit,
      ),
    })),
  }));
  const from = Math.min(...plans.map((plan) => plan.period_start));
  const to = Math.max(...plans.map((plan) => plan.period_end));
  const earliest = Math.min(from - 1, ...rows.map((row) => row.baseline_year ?? from));
  const read = new Set(subjects.keys());
  for (const subject of subjects.values()) {
    if (subject.aggregation.method !== 'ratio') continue;
    read.add(subject.aggregation.numerator.id);
    read.add(subject.aggregation.denominator.id);
  }
  const figures =
    plans.length === 0 ? [] : await repos.observations.series(codes, [...read], { from: earliest, to }, basis);
  const parents = new Map(tree.map((region) => [region.code, region.parent_code]));
  const grid = figureGrid({
    regions: tree,
    subjects: [...subjects.values()],
    registry,
    fromYear: plans.length === 0 ? 0 : earliest,
    toYear: plans.length === 0 ? 0 : to,
    figures: figures.map((figure) => ({
      region: figure.region_code,
      subject: figure.subject_id,
      year: figure.year,
      value: figure.value,
      atLeast: figure.qualifier === 'at_least',
    })),
  });
  const progress = evaluateAll(grid, judged, (code) => parents.get(code) ?? null, { from, to });
  return {
    ...progress,
    region: regionCode,
    basis,
    regions: tree.length,
    plans: plans.length,
    figures: figures.length,
    years: { from, to },
  };
}
