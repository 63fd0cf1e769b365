import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Comparator, IndicatorAttribute, IndicatorReference, ParsedPlan, SourceFormat } from '../ingest/types.ts';

/**
 * A plan's life: imported as a draft, reviewed, published; a newer version's publication supersedes it (it is kept
 * and stays readable).
 */
export type PlanStatus = 'draft' | 'published' | 'superseded';

/** How an indicator row was placed in the catalogue: the matcher's three steps, none, or a reviewer's choice. */
export type StoredMatchMethod = 'exact' | 'synonym' | 'fuzzy' | 'none' | 'manual';

/** A jsonb column: written as JSON text (both drivers pass text through unchanged), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/** `plans`: one imported document for one region and period, in one version. */
export interface PlanTable {
  id: Generated<number>;
  /** GB/T 2260 code; no foreign key, as a code is unique in `regions` only with its validity. */
  region_code: string;
  period_start: number;
  period_end: number;
  title: string | null;
  status: ColumnType<PlanStatus, 'draft' | undefined, PlanStatus>;
  /** 1, 2, … per region and period, in import order. */
  version: number;
  /** SHA-256 (hex) of the imported file's bytes: the idempotency key with region and period. */
  source_sha256: string;
  source_name: string;
  source_format: SourceFormat;
  /** The text the reader worked on: every stored line number points into it. */
  source_text: string;
  /** The whole ParsedPlan as read, before any review. */
  parsed: Json<ParsedPlan>;
  /** The current plan of the parent region (a city's province) for the same period. */
  parent_plan_id: number | null;
  created_at: ColumnType<Date, never, never>;
  published_at: ColumnType<Date | null, never, Date | null>;
  superseded_by: ColumnType<number | null, never, number | null>;
}

/** `plan_sections`: the outline, in document order. */
export interface PlanSectionTable {
  plan_id: number;
  position: number;
  level: number;
  number: string;
  title: string;
  line: number;
}

/** `plan_indicators`: the target table, one row per indicator (a 其中 row of two values is two rows). */
export interface PlanIndicatorTable {
  plan_id: number;
  /** 1-based position in the table as read: the row's key for review. */
  row_no: number;
  line: number;
  category: string | null;
  name: string;
  sub_item: string | null;
  unit: string | null;
  baseline_year: number | null;
  baseline_raw: string;
  baseline_value: number | null;
  target_year: number | null;
  target_raw: string;
  target_value: number | null;
  target_comparator: Comparator | null;
  attribute: IndicatorAttribute | null;
  catalogue_id: string | null;
  match_method: StoredMatchMethod;
  /** 1 for exact, synonym and manual matches, the similarity for fuzzy ones, null for none. */
  match_confidence: number | null;
  /** Row values × factor = values in the entry's unit; null when unmatched. */
  unit_factor: number | null;
  reviewed: ColumnType<boolean, boolean | undefined, boolean>;
  /** The other region's columns (河南's beside 三门峡's); SQL null when the table prints none. */
  reference: ColumnType<IndicatorReference | null, string | null, string | null>;
}

/** A named sub-project of a 专栏 box. */
export interface StoredSubproject {
  title: string;
  line: number;
}

/** `plan_projects`: the 专栏 boxes. */
export interface PlanProjectTable {
  plan_id: number;
  position: number;
  /** The box number as printed. */
  number: number;
  title: string;
  line: number;
  subprojects: Json<StoredSubproject[]>;
}

/** `plan_commitments`: quantified promises, in a box (project_position) or in the prose (section). */
export interface PlanCommitmentTable {
  plan_id: number;
  position: number;
  project_position: number | null;
  text: string;
  subproject: string | null;
  quantity: number;
  quantity_max: number | null;
  unit: string;
  object: string;
  approximate: boolean;
  comparator: Comparator | null;
  deadline: number | null;
  line: number;
  /** The innermost section holding a prose commitment; null inside a box. */
  section: string | null;
}

export type PlanRow = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanSectionRow = Selectable<PlanSectionTable>;
export type NewPlanSection = Insertable<PlanSectionTable>;
export type PlanIndicatorRow = Selectable<PlanIndicatorTable>;
export type NewPlanIndicator = Insertable<PlanIndicatorTable>;
export type PlanProjectRow = Selectable<PlanProjectTable>;
export type NewPlanProject = Insertable<PlanProjectTable>;
export type PlanCommitmentRow = Selectable<PlanCommitmentTable>;
export type NewPlanCommitment = Insertable<PlanCommitmentTable>;

/** The plan tables, for `Database` to extend. */
export interface PlanTables {
  plans: PlanTable;
  plan_sections: PlanSectionTable;
  plan_indicators: PlanIndicatorTable;
  plan_projects: PlanProjectTable;
  plan_commitments: PlanCommitmentTable;
}
