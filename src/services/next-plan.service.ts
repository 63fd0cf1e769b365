/**
 * The next plan's draft target table for a region: every indicator of its current plan with the current plan's
 * last-year figure as the new baseline, the parent region's new target where its next plan is published, and the
 * trend projection to the next plan's last year. Built from the same evaluation the progress endpoint returns.
 */
import type { Kysely } from 'kysely';
import { planContentRepository } from '../db/plan-content.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository } from '../db/plan.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { nextPlanFigures } from '../domain/evaluation/next-plan.ts';
import type { NextPlanFigures } from '../domain/evaluation/next-plan.ts';
import { createEvaluationService } from './evaluation.service.ts';
import type { EvaluationService, IndicatorProgress, PlanProgress } from './evaluation.service.ts';
import type { Viewer } from './plan.access.ts';

/** A plan lasts five years; the next one follows it. */
const PLAN_YEARS = 5;

export interface NextPlanRow extends NextPlanFigures {
  row: number;
  line: number;
  category: string | null;
  name: string;
  indicator: string | null;
  unit: string | null;
  attribute: IndicatorProgress['attribute'];
  currentBaseline: IndicatorProgress['baseline'];
  currentTarget: IndicatorProgress['target'];
  /** The status the current plan's last year ends with. */
  finalStatus: IndicatorProgress['assessment']['label'];
  /** The parent region's target in its next plan, where published (value in the catalogue's unit). */
  parentTarget: { year: number | null; value: number | null; raw: string; comparator: string | null } | null;
}

export interface NextPlanDraft {
  plan: PlanProgress['plan'];
  region: PlanProgress['region'];
  nextPeriod: { start: number; end: number };
  basis: PlanProgress['basis'];
  /** The parent region's next plan, when one is published. */
  parentPlan: { id: number; title: string | null } | null;
  rows: NextPlanRow[];
}

export function createNextPlanService(db: Kysely<Database>): NextPlanService {
  return new NextPlanService(
    createEvaluationService(db),
    planRepository(db),
    planContentRepository(db),
    regionRepository(db),
  );
}

export class NextPlanService {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly plans: PlanRepository,
    private readonly contents: PlanContentRepository,
    private readonly regions: RegionRepository,
  ) {}

  /** The draft table of the plan's region for the period after the plan's. */
  async draft(planId: number, viewer: Viewer): Promise<NextPlanDraft> {
    const summary = await this.plans.findSummary(planId);
    // planProgress applies the access rules and says "not found" for a plan the viewer may not read.
    const progress = await this.evaluation.planProgress(planId, summary?.period_end ?? 0, undefined, viewer);
    const nextPeriod = { start: progress.plan.period.end + 1, end: progress.plan.period.end + PLAN_YEARS };
    const parentPlan = await this.parentNextPlan(progress.plan.region, nextPeriod);
    const parentRows = parentPlan === null ? [] : await this.contents.listIndicators(parentPlan.id);
    const rows = progress.items.map((item): NextPlanRow => {
      const parentRow =
        item.indicator === null ? undefined : parentRows.find((one) => one.catalogue_id === item.indicator);
      return {
        row: item.row,
        line: item.line,
        category: item.category,
        name: item.name,
        indicator: item.indicator,
        unit: item.unit,
        attribute: item.attribute,
        currentBaseline: item.baseline,
        currentTarget: item.target,
        finalStatus: item.assessment.label,
        parentTarget: parentRow === undefined ? null : parentTargetOf(parentRow),
        ...nextPlanFigures({
          baseline: item.baseline === null ? null : { year: item.baseline.year, value: item.baseline.value },
          series: item.series,
          periodEnd: progress.plan.period.end,
          nextEnd: nextPeriod.end,
        }),
      };
    });
    return {
      plan: progress.plan,
      region: progress.region,
      nextPeriod,
      basis: progress.basis,
      parentPlan,
      rows,
    };
  }

  private async parentNextPlan(
    regionCode: string,
    period: { start: number; end: number },
  ): Promise<{ id: number; title: string | null } | null> {
    const region = await this.regions.findByCode(regionCode);
    if (region === undefined || region.parent_code === null) return null;
    const found = await this.plans.findPublished({ regionCode: region.parent_code, period });
    if (found === undefined) return null;
    const plan = await this.plans.findSummary(found.id);
    return plan === undefined ? null : { id: plan.id, title: plan.title };
  }
}

function parentTargetOf(row: PlanIndicatorRow): NextPlanRow['parentTarget'] {
  const value = row.target_value === null ? null : Number((row.target_value * (row.unit_factor ?? 1)).toPrecision(12));
  return { year: row.target_year, value, raw: row.target_raw, comparator: row.target_comparator };
}
