/**
 * Stored plans aligned by the domain's rules (src/domain/alignment): a plan's rows beside its parent plan's, and
 * beside the other region's columns its own table prints. Pure: the service reads the rows, this assembles them.
 */
import { alignPlans, alignWithReference } from '../domain/alignment/index.ts';
import type { AlignablePlan, AlignmentRow } from '../domain/alignment/index.ts';
import type { PlanSummaryRow } from '../db/plan.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import type { PlanIndicator } from '../ingest/types.ts';
import type { Catalogue } from './catalogue.service.ts';
import { presentPlanSummary } from './plan.presenter.ts';
import type { PlanSummary } from './plan.presenter.ts';

/** An alignment row with the plan's indicator row number, so the web app can open the row for review. */
export type AlignedIndicator = AlignmentRow & { rowNo: number };

export interface PlanAlignment {
  plan: PlanSummary;
  parent: PlanSummary | null;
  /** Every indicator row beside the parent plan's; null when the plan has no parent plan. */
  againstParent: AlignedIndicator[] | null;
  /** The rows that print another region's columns (河南's in 三门峡's table), against those columns. */
  againstReference: AlignedIndicator[];
}

/** A stored plan with its indicator rows. */
export interface StoredPlan {
  summary: PlanSummaryRow;
  indicators: readonly PlanIndicatorRow[];
}

/** A plan aligned against its parent plan (when it has one) and its own reference columns. */
export function alignStoredPlan(plan: StoredPlan, parent: StoredPlan | null, catalogue: Catalogue): PlanAlignment {
  const child = alignable(plan, catalogue);
  const againstParent =
    parent === null
      ? null
      : withRows(alignPlans(child, alignable(parent, catalogue), catalogue.entries), plan.indicators);
  const referenced = plan.indicators.filter((row) => row.reference !== null);
  const againstReference = referenced.flatMap((row) => {
    const aligned = alignWithReference(asIndicator(row, catalogue), catalogue.entries, child.region?.name ?? null);
    return aligned === null ? [] : [{ ...aligned, name: row.name, rowNo: row.row_no }];
  });
  return {
    plan: presentPlanSummary(plan.summary),
    parent: parent === null ? null : presentPlanSummary(parent.summary),
    againstParent,
    againstReference,
  };
}

function alignable({ summary, indicators }: StoredPlan, catalogue: Catalogue): AlignablePlan {
  return {
    region: { name: summary.region_name ?? summary.region_code, code: summary.region_code },
    indicators: indicators.map((row) => asIndicator(row, catalogue)),
  };
}

// alignPlans returns one row per child row, in order: the stored row gives back its printed name and number.
function withRows(aligned: readonly AlignmentRow[], rows: readonly PlanIndicatorRow[]): AlignedIndicator[] {
  return aligned.map((row, index) => {
    const stored = rows[index];
    return stored === undefined ? { ...row, rowNo: index + 1 } : { ...row, name: stored.name, rowNo: stored.row_no };
  });
}

/**
 * A stored row as the domain reads it. The alignment functions match by name, so a row placed in the catalogue
 * (by the matcher or a reviewer) is given its entry's canonical name: the stored match decides, not a new guess.
 */
function asIndicator(row: PlanIndicatorRow, catalogue: Catalogue): PlanIndicator {
  const entry = row.catalogue_id === null ? undefined : catalogue.byId.get(row.catalogue_id);
  return {
    category: row.category,
    name: entry?.name ?? row.name,
    unit: row.unit,
    baseline: { year: row.baseline_year, raw: row.baseline_raw, value: row.baseline_value },
    target: { year: row.target_year, raw: row.target_raw, value: row.target_value, comparator: row.target_comparator },
    attribute: row.attribute,
    line: row.line,
    reference: row.reference,
    ...(row.sub_item === null ? {} : { subItem: row.sub_item }),
  };
}
