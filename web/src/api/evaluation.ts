/**
 * Evaluation reads for the overview and indicator screens: each indicator's progress with the numbers that explain
 * it, the regions below ranked, the 红黑榜, a plan's targets beside its parent's, aggregates with completeness, the
 * figures behind a series (with their sources) and the overdue tasks. Types follow what the server answers
 * (src/services/evaluation.service.ts, src/domain/progress/types.ts, plan.alignment.ts, observation.queries.ts).
 */
import type { ProgressStatus } from '../components/status.tsx';
import type { Bilingual } from '../i18n/index.tsx';
import { get } from './http.ts';
import type { PlanSummary } from './plans.ts';

/** 'approved' for readers in scope (approved and published figures), 'published' for everybody else. */
export type Basis = 'approved' | 'published';

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** A figure of a series: reported by the region itself, or computed from the regions below it. */
export interface SeriesPoint {
  year: number;
  value: number;
  qualifier: 'exact' | 'at_least';
  provenance: 'reported' | 'computed';
  /** For a computed figure: how many of the regions below reported (null for a county's own elements). */
  coverage?: { reporting: number; expected: number } | null;
}

export interface YearValue {
  year: number;
  value: number;
}

export type ProgressMethod = 'anticipated' | 'maintain' | 'linear' | 'no-target' | 'none';

export type InsufficientReason =
  | 'no-baseline'
  | 'no-latest'
  | 'latest-not-after-baseline'
  | 'target-not-after-baseline'
  | 'not-finite'
  | 'lower-bound-decrease'
  | 'lower-bound-uninformative'
  | 'not-computable';

/** How a status was reached, so a reader can redo the computation. */
export interface ProgressAssessment {
  status: ProgressStatus;
  label: Bilingual;
  redLine: boolean;
  lowerBound: boolean;
  method: ProgressMethod;
  insufficientReason: InsufficientReason | null;
  ratio: number | null;
  growth: number | null;
  rates: { kind: 'compound' | 'linear'; observed: number; required: number | null } | null;
  limitCoefficient: number | null;
  /** The Open SDG score in [−5, 5]. */
  score: number | null;
  /** p: share of the planned change done; e: share of the period gone. */
  schedule: { progress: number | null; elapsed: number | null };
  /** Where the current trend leads by the target year. */
  projection: { year: number; value: number; meetsTarget: boolean } | null;
  bands: { high: number; med: number; low: number };
  inputs: {
    direction: 'increase' | 'decrease';
    sign: 1 | -1;
    baseline: YearValue | null;
    target: (YearValue & { comparator: Comparator | null }) | null;
    comparator: Comparator | null;
    latest: (YearValue & { qualifier?: 'exact' | 'at_least' }) | null;
    binding: boolean;
    limit: number | null;
    unit: string;
  };
  formula: { name: Bilingual; expression: string; substituted: string } | null;
  explanation: Bilingual;
  notes: Bilingual[];
}

/** One indicator of a plan in the region and year evaluated. */
export interface IndicatorProgress {
  row: number;
  /** The plan's source line of the row. */
  line: number;
  category: string | null;
  name: string;
  /** The catalogue entry; null when the row matched none. */
  indicator: string | null;
  indicatorName: string | null;
  unit: string | null;
  /** 约束性 / 预期性. */
  attribute: 'binding' | 'expected' | null;
  baseline: SeriesPoint | null;
  target: { year: number; value: number; comparator: Comparator | null } | null;
  latest: SeriesPoint | null;
  series: SeriesPoint[];
  region: string;
  year: number;
  status: ProgressStatus;
  label: Bilingual;
  explanation: Bilingual;
  redLine: boolean;
  assessment: ProgressAssessment;
}

export interface PlanProgress {
  plan: { id: number; title: string | null; region: string; period: { start: number; end: number } };
  region: { code: string; name: string };
  year: number;
  basis: Basis;
  summary: { total: number; byStatus: Record<ProgressStatus, number>; redLines: number };
  items: IndicatorProgress[];
}

/** Every indicator's progress; without a year, the latest year with data (the answer says which). */
export const getPlanProgress = get<PlanProgress, { id: number }, { year?: number; region?: string }>(
  '/plans/:id/progress',
);

export interface RegionRanking {
  regionCode: string;
  regionName: string;
  value: number;
  rank: number;
  previousRank: number | null;
  /** Places moved forward (位次前移), null without last year's rank. */
  change: number | null;
  provenance: 'reported' | 'computed';
  status: ProgressStatus;
  label: Bilingual;
}

export interface Rankings {
  plan: { id: number; region: string };
  row: number;
  indicator: string;
  indicatorName: string;
  unit: string;
  direction: 'increase' | 'decrease';
  year: number;
  basis: Basis;
  items: RegionRanking[];
  /** Regions below with no figure for the year. */
  missing: { region: string; regionName: string }[];
}

/** The regions directly below the plan's region, ranked on one of its indicators. */
export const getRankings = get<Rankings, { id: number; rowNo: number }, { year: number }>(
  '/plans/:id/indicators/:rowNo/rankings',
);

export interface ListedRegion {
  regionCode: string;
  regionName: string;
  judged: number;
  onTrack: number;
  share: number | null;
  redLines: number;
}

export interface PlanRegionLists {
  plan: { id: number; region: string };
  year: number;
  basis: Basis;
  ruleText: Bilingual;
  leading: ListedRegion[];
  lagging: ListedRegion[];
  middle: ListedRegion[];
  insufficient: ListedRegion[];
}

/** 红黑榜 of the regions below the plan's region, with the rule that made it. */
export const getRegionLists = get<PlanRegionLists, { id: number }, { year: number }>('/plans/:id/region-lists');

export type Verdict = 'more-ambitious' | 'aligned' | 'less-ambitious' | 'no-parent-target' | 'not-comparable';

export interface AlignmentFigures {
  baseline: number | null;
  target: number | null;
  comparator: Comparator | null;
  unit: string | null;
}

export interface AlignedIndicator {
  entryId: string | null;
  name: string;
  childLine: number;
  parentLine: number | null;
  child: AlignmentFigures;
  parent: AlignmentFigures | null;
  verdict: Verdict;
  explanation: Bilingual;
  difference: number | null;
  rowNo: number;
}

export interface PlanAlignment {
  plan: PlanSummary;
  parent: PlanSummary | null;
  /** Null when the plan has no parent plan. */
  againstParent: AlignedIndicator[] | null;
  /** Rows printing another region's columns (河南's in 三门峡's table). */
  againstReference: AlignedIndicator[];
}

/** A plan's targets beside its parent plan's, with verdicts. */
export const getAlignment = get<PlanAlignment, { id: number }>('/plans/:id/alignment');

export interface Completeness {
  reporting: number;
  expected: number;
  /** Codes of the children that did not report. */
  missing: string[];
}

export interface Aggregate {
  regionCode: string;
  reported: number | null;
  computed: number | null;
  method: 'sum' | 'ratio-of-sums' | 'own-elements' | 'none';
  numerator: number | null;
  denominator: number | null;
  completeness: Completeness | null;
  difference: number | null;
  differs: boolean;
  reason: Bilingual | null;
}

export interface AggregateItem extends Aggregate {
  indicator: string;
  indicatorName: string;
  unit: string;
  formula: string | null;
  children: (Aggregate & { regionName: string })[];
}

export interface AggregateReport {
  region: string;
  regionName: string;
  year: number;
  basis: Basis;
  items: AggregateItem[];
}

/** A region's figure beside what the regions below add up to, with completeness. */
export const getAggregates = get<AggregateReport, undefined, { region: string; year: number; indicator?: string }>(
  '/aggregates',
);

/** A stored figure as the list answers it (only the fields these screens read). */
export interface SourcedFigure {
  id: number;
  region: string;
  indicator: string;
  year: number;
  value: number;
  unit: string;
  qualifier: 'exact' | 'at_least';
  display: Bilingual;
  status: 'draft' | 'submitted' | 'approved' | 'published';
  source: string | null;
  quote: string | null;
  origin: string;
}

/** A region's figures with their sources (read-only; the data screens have their own module). */
export const listSourcedFigures = get<
  { items: SourcedFigure[] },
  undefined,
  { region: string; indicator?: string; limit?: number }
>('/observations');

export interface DueTask {
  kind: 'task' | 'milestone';
  due: string;
  /** Days late. */
  days: number;
  task: { id: number; planId: number; title: string; leadUnit: string; deadline: string; progress: number };
  milestone: { title: string; due: string } | null;
}

/** Unfinished tasks past their date, concerning a region (above, at or below it). */
export const listOverdueTasks = get<
  { status: 'overdue'; today: string; items: DueTask[] },
  undefined,
  { status: 'overdue'; region?: string; limit?: number }
>('/tasks');
