/**
 * Plans as the API shows them: camelCase, dates as ISO strings, every item with its source line, never a row as
 * stored, so a column can change without breaking the web app (STYLE.md: presenters).
 */
import { matchIndicator, roundSignificant } from '../domain/catalogue/index.ts';
import type { PlanDetailRow, PlanSummaryRow } from '../db/plan.repository.ts';
import type {
  PlanCommitmentRow,
  PlanIndicatorRow,
  PlanProjectRow,
  PlanSectionRow,
  PlanStatus,
  StoredMatchMethod,
} from '../db/plan.schema.ts';
import type { RegionLevel } from '../db/schema.ts';
import type {
  IndicatorAttribute,
  IndicatorReference,
  ParseWarning,
  PlanGoal,
  PlanMechanism,
  PlanPeriod,
  PlanSection,
  SectionCommitment,
  SourceFormat,
  TableValue,
  TargetValue,
} from '../ingest/types.ts';
import type { Catalogue } from './catalogue.service.ts';

export interface PlanSummary {
  id: number;
  title: string | null;
  /** name and level are null only if the code has left the region table. */
  region: { code: string; name: string | null; level: RegionLevel | null };
  period: PlanPeriod;
  status: PlanStatus;
  version: number;
  parentPlanId: number | null;
  supersededBy: number | null;
  source: { name: string; format: SourceFormat; sha256: string };
  createdAt: string;
  publishedAt: string | null;
}

export interface IndicatorMatch {
  catalogueId: string | null;
  /** The entry's canonical name, English name and unit; null when unmatched. */
  name: string | null;
  nameEn: string | null;
  unit: string | null;
  method: StoredMatchMethod;
  confidence: number | null;
  unitFactor: number | null;
  /** The row's figures in the entry's unit (阳泉's 6695 人 as 0.6695 万人), so plans in other units compare. */
  canonical: { unit: string; baseline: number | null; target: number | null } | null;
  /** For an unmatched row, the closest entries for a reviewer to choose from. */
  candidates: { catalogueId: string; name: string; confidence: number }[];
}

export interface PresentedIndicator {
  rowNo: number;
  line: number;
  category: string | null;
  name: string;
  subItem: string | null;
  unit: string | null;
  baseline: TableValue;
  target: TargetValue;
  attribute: IndicatorAttribute | null;
  reference: IndicatorReference | null;
  match: IndicatorMatch;
  reviewed: boolean;
}

/** A commitment as the reader found it (SectionCommitment): the API shows it unchanged. */
export type PresentedCommitment = SectionCommitment;

export interface PresentedProject {
  number: number;
  title: string;
  line: number;
  subprojects: { title: string; line: number }[];
  commitments: PresentedCommitment[];
}

export interface PlanDetail extends PlanSummary {
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  sections: PlanSection[];
  indicators: PresentedIndicator[];
  projects: PresentedProject[];
  /** Commitments made in the prose, outside the boxes. */
  commitments: PresentedCommitment[];
  goals: PlanGoal[];
  mechanisms: PlanMechanism[];
  warnings: ParseWarning[];
}

/** A plan's summary, as lists show it. */
export function presentPlanSummary(row: PlanSummaryRow): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    region: { code: row.region_code, name: row.region_name, level: row.region_level },
    period: { start: row.period_start, end: row.period_end },
    status: row.status,
    version: row.version,
    parentPlanId: row.parent_plan_id,
    supersededBy: row.superseded_by,
    source: { name: row.source_name, format: row.source_format, sha256: row.source_sha256 },
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

/** A plan with everything it holds. */
export function presentPlan(
  plan: PlanDetailRow,
  parts: {
    sections: readonly PlanSectionRow[];
    indicators: readonly PlanIndicatorRow[];
    projects: readonly PlanProjectRow[];
    commitments: readonly PlanCommitmentRow[];
  },
  catalogue: Catalogue,
): PlanDetail {
  const boxed = parts.commitments.filter((row) => row.project_position !== null);
  return {
    ...presentPlanSummary(plan),
    issuer: plan.issuer,
    docNumber: plan.doc_number,
    issuedDate: plan.issued_date,
    sections: parts.sections.map(({ level, number, title, line }) => ({ level, number, title, line })),
    indicators: parts.indicators.map((row) => presentIndicator(row, catalogue)),
    projects: parts.projects.map((project) => ({
      number: project.number,
      title: project.title,
      line: project.line,
      subprojects: project.subprojects,
      commitments: boxed.filter((row) => row.project_position === project.position).map(presentCommitment),
    })),
    commitments: parts.commitments.filter((row) => row.project_position === null).map(presentCommitment),
    goals: plan.goals,
    mechanisms: plan.mechanisms,
    warnings: plan.warnings,
  };
}

/** An indicator row with its catalogue match and source line. */
export function presentIndicator(row: PlanIndicatorRow, catalogue: Catalogue): PresentedIndicator {
  return {
    rowNo: row.row_no,
    line: row.line,
    category: row.category,
    name: row.name,
    subItem: row.sub_item,
    unit: row.unit,
    baseline: { year: row.baseline_year, raw: row.baseline_raw, value: row.baseline_value },
    target: {
      year: row.target_year,
      raw: row.target_raw,
      value: row.target_value,
      comparator: row.target_comparator,
    },
    attribute: row.attribute,
    reference: row.reference,
    match: presentMatch(row, catalogue),
    reviewed: row.reviewed,
  };
}

function presentMatch(row: PlanIndicatorRow, catalogue: Catalogue): IndicatorMatch {
  const entry = row.catalogue_id === null ? undefined : catalogue.byId.get(row.catalogue_id);
  return {
    catalogueId: row.catalogue_id,
    name: entry?.name ?? null,
    nameEn: entry?.nameEn ?? null,
    unit: entry?.unit ?? null,
    method: row.match_method,
    confidence: row.match_confidence,
    unitFactor: row.unit_factor,
    canonical:
      entry === undefined || row.unit_factor === null ? null : canonicalFigures(row, entry.unit, row.unit_factor),
    candidates: row.match_method === 'none' ? candidatesFor(row, catalogue) : [],
  };
}

function canonicalFigures(row: PlanIndicatorRow, unit: string, factor: number): IndicatorMatch['canonical'] {
  const scaled = (value: number | null) => (value === null ? null : roundSignificant(value * factor));
  return { unit, baseline: scaled(row.baseline_value), target: scaled(row.target_value) };
}

// Recomputed rather than stored: candidates only help a reviewer, and follow the catalogue as it grows.
function candidatesFor(row: PlanIndicatorRow, catalogue: Catalogue): IndicatorMatch['candidates'] {
  const match = matchIndicator(row, catalogue.entries);
  if (match.method !== 'none')
    return [{ catalogueId: match.entry.id, name: match.entry.name, confidence: match.confidence }];
  return match.candidates.map(({ entry, confidence }) => ({ catalogueId: entry.id, name: entry.name, confidence }));
}

function presentCommitment(row: PlanCommitmentRow): PresentedCommitment {
  return {
    text: row.text,
    quantity: row.quantity,
    quantityMax: row.quantity_max,
    unit: row.unit,
    object: row.object,
    approximate: row.approximate,
    comparator: row.comparator,
    deadline: row.deadline,
    subproject: row.subproject,
    section: row.section,
    line: row.line,
  };
}
