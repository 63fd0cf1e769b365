/**
 * A read document turned into the rows the plan tables hold, with every indicator placed in the catalogue. Pure: the
 * service calls it before opening its transaction, so no parse or match ever runs while the database waits.
 */
import { matchIndicator } from '../domain/catalogue/index.ts';
import type { CatalogueEntry, Match } from '../domain/catalogue/index.ts';
import type { ChildRow } from '../db/plan-content.repository.ts';
import type {
  NewPlanCommitment,
  NewPlanIndicator,
  NewPlanProject,
  NewPlanSection,
  PlanIndicatorTable,
} from '../db/plan.schema.ts';
import { NotAPlanError, readPlanDocument } from '../ingest/read.ts';
import type { ReadDocument } from '../ingest/read.ts';
import type { Commitment, ParsedPlan, PlanIndicator } from '../ingest/types.ts';
import { notAPlan } from './plan.errors.ts';

/** Everything a plan holds, as rows without their plan id. */
export interface PlanRecords {
  sections: ChildRow<NewPlanSection>[];
  indicators: ChildRow<NewPlanIndicator>[];
  projects: ChildRow<NewPlanProject>[];
  commitments: ChildRow<NewPlanCommitment>[];
}

type MatchColumns = Pick<PlanIndicatorTable, 'catalogue_id' | 'match_method' | 'match_confidence' | 'unit_factor'>;

/** The match columns of an indicator row for a matcher's result. */
export function matchColumns(match: Match): MatchColumns {
  if (match.method === 'none') {
    return { catalogue_id: null, match_method: 'none', match_confidence: null, unit_factor: null };
  }
  return {
    catalogue_id: match.entry.id,
    match_method: match.method,
    match_confidence: match.confidence,
    unit_factor: match.unitFactor,
  };
}

/** The rows of a parsed plan, indicators matched against the catalogue. */
export function planRecords(plan: ParsedPlan, catalogue: readonly CatalogueEntry[]): PlanRecords {
  const projects = plan.projects.map((project, index) => ({ project, position: index + 1 }));
  const boxed = projects.flatMap(({ project, position }) =>
    project.commitments.map((commitment) => commitmentRow(commitment, position, null)),
  );
  const prose = plan.commitments.map((commitment) => commitmentRow(commitment, null, commitment.section));
  return {
    sections: plan.sections.map((section, index) => ({ position: index + 1, ...section })),
    indicators: plan.indicators.map((indicator, index) => indicatorRow(indicator, index + 1, catalogue)),
    projects: projects.map(({ project, position }) => ({
      position,
      number: project.number,
      title: project.title,
      line: project.line,
      subprojects: JSON.stringify(project.subprojects),
    })),
    commitments: [...boxed, ...prose].map((row, index) => ({ ...row, position: index + 1 })),
  };
}

function indicatorRow(
  indicator: PlanIndicator,
  rowNo: number,
  catalogue: readonly CatalogueEntry[],
): ChildRow<NewPlanIndicator> {
  const { baseline, target } = indicator;
  return {
    row_no: rowNo,
    line: indicator.line,
    category: indicator.category,
    name: indicator.name,
    sub_item: indicator.subItem ?? null,
    unit: indicator.unit,
    baseline_year: baseline.year,
    baseline_raw: baseline.raw,
    baseline_value: baseline.value,
    target_year: target.year,
    target_raw: target.raw,
    target_value: target.value,
    target_comparator: target.comparator,
    attribute: indicator.attribute,
    ...matchColumns(matchIndicator(indicator, catalogue)),
    reference: indicator.reference === null ? null : JSON.stringify(indicator.reference),
  };
}

function commitmentRow(
  commitment: Commitment,
  projectPosition: number | null,
  section: string | null,
): Omit<ChildRow<NewPlanCommitment>, 'position'> {
  return {
    project_position: projectPosition,
    text: commitment.text,
    subproject: commitment.subproject,
    quantity: commitment.quantity,
    quantity_max: commitment.quantityMax,
    unit: commitment.unit,
    object: commitment.object,
    approximate: commitment.approximate,
    comparator: commitment.comparator,
    deadline: commitment.deadline,
    line: commitment.line,
    section,
  };
}

/** Reads a document; a file that is not a plan becomes PLAN_NOT_A_PLAN. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  try {
    return await readPlanDocument(bytes, fileName);
  } catch (error) {
    if (error instanceof NotAPlanError) throw notAPlan(error, error);
    throw error;
  }
}
