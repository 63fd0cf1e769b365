/**
 * The shapes of a plan report: what goes in (the evaluation service's own answers, so the report and the API show the
 * same figures), the facts the report states, and the document — sections of paragraphs, tables and charts — that
 * the HTML, Word and PDF writers lay out alike.
 */
import type { Comparator } from '../../ingest/types.ts';
import type { SeriesPoint } from '../../domain/evaluation/indicator-progress.ts';
import type { Bands, InsufficientReason, ProgressStatus, Projection, Schedule } from '../../domain/progress/types.ts';
import type { PlanProgress, PlanRegionLists, Rankings } from '../../services/evaluation.service.ts';

/** 年度监测 / 中期评估 / 总结评估: the three reports the plans require. */
export type ReportKind = 'annual' | 'midterm' | 'final';

/** The formats a report is written in. */
export type ReportFormat = 'html' | 'docx' | 'pdf';

/** The plan as the report's header names it. */
export interface ReportPlanHeader {
  id: number;
  title: string | null;
  region: { code: string; name: string | null; level: 'country' | 'province' | 'city' | 'county' | null };
  period: { start: number; end: number };
  issuer: string | null;
  docNumber: string | null;
}

/** One key project or task line (专栏工程、重点任务), for the section that lists their progress. */
export interface ReportProject {
  name: string;
  /** Its status as people read it (未开始, 推进中, 已完成, 已逾期). */
  status: string;
  /** What has been done, in words or figures ("已建成28所，目标35所左右"). */
  progress: string | null;
  /** The responsible unit. */
  unit: string | null;
}

/** Everything a report is built from: the plan header and the evaluation service's answers for one year. */
export interface PlanReportInput {
  kind: ReportKind;
  plan: ReportPlanHeader;
  /** `EvaluationService.planProgress` for the plan's own region and the report's year. */
  progress: PlanProgress;
  /** `EvaluationService.rankings` of each matched indicator row (rows with no ranked region are left out). */
  rankings: readonly Rankings[];
  /** `EvaluationService.regionLists` for the same year. */
  lists: PlanRegionLists;
  /** Key projects and tasks; none yet, and the report says so. */
  projects?: readonly ReportProject[];
  /** The day the report is written, printed under the title (passed in: the model reads no clock). */
  generatedAt: Date;
}

/**
 * Whether a final evaluation finds a target met: achieved; missed (the figure for the target year is in, and short);
 * awaiting the target year's figure (the latest is older); not yet due (the target year is later); not judged.
 */
export type Achievement = 'achieved' | 'not-achieved' | 'awaiting-data' | 'not-yet-due' | 'unknown';

/** One indicator of the plan, as the report states it: the API's figures, unrounded, with the cells' text. */
export interface ReportIndicator {
  row: number;
  category: string | null;
  name: string;
  unit: string;
  attribute: 'binding' | 'expected' | null;
  baseline: { year: number; value: number } | null;
  /** The target with the comparator that decides it (the printed one, else ≥ or ≤ by direction). */
  target: { year: number; value: number; comparator: Comparator | null } | null;
  latest: SeriesPoint | null;
  series: readonly SeriesPoint[];
  status: ProgressStatus;
  label: string;
  redLine: boolean;
  lowerBound: boolean;
  insufficientReason: InsufficientReason | null;
  explanation: string;
  notes: readonly string[];
  schedule: Schedule;
  projection: Projection | null;
  achievement: Achievement;
}

/** The summary in numbers (一、总体情况). */
export interface ReportSummary {
  total: number;
  binding: number;
  expected: number;
  byStatus: readonly { status: ProgressStatus; label: string; count: number }[];
  redLines: number;
  /** Binding indicators not yet judged (数据不足): no red line can be raised on them either way. */
  bindingUnjudged: number;
  /** Indicators with no figure at all after their baseline year. */
  noData: number;
  /** Why the 数据不足 indicators are so, each reason with the indicators it holds for. */
  gaps: readonly { reason: string; names: readonly string[] }[];
  /** Latest figures computed from the regions below, not reported by the region itself. */
  computed: number;
  /** Mid-term: task progress p at least the time elapsed e, below it, and not judged. */
  schedule: { ahead: number; behind: number; unknown: number };
  /** Final: how many targets are met, missed, awaiting their year's figure, not yet due, not judged. */
  achievement: Record<Achievement, number>;
}

/** A column of a table: its heading, its share of the width, and how its cells align. */
export interface TableColumn {
  title: string;
  /** Relative width; the writers scale the widths to the page. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A cell's text and, for a status, the status it shows (the writers add a colour beside the words). */
export interface TableCell {
  /** Lines separated by "\n". */
  text: string;
  status?: ProgressStatus;
  redLine?: boolean;
}

/** The year-by-year figures of one indicator, with its baseline, target and projection. */
export interface TrendChart {
  kind: 'trend';
  id: string;
  title: string;
  unit: string;
  years: readonly number[];
  baseline: { year: number; value: number } | null;
  observed: readonly { year: number; value: number; lowerBound: boolean; computed: boolean }[];
  target: { year: number; value: number; text: string } | null;
  projection: { from: { year: number; value: number }; to: { year: number; value: number } } | null;
}

/** The regions below ranked on one indicator. */
export interface RankingChart {
  kind: 'ranking';
  id: string;
  title: string;
  unit: string;
  bars: readonly { region: string; value: number; rank: number; computed: boolean }[];
  target: { value: number; text: string } | null;
}

export type ChartSpec = TrendChart | RankingChart;

/** A piece of a section; the writers know nothing of evaluation, only these. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | {
      kind: 'table';
      caption: string;
      columns: readonly TableColumn[];
      rows: readonly (readonly TableCell[])[];
      note?: string;
    }
  | { kind: 'chart'; caption: string; chart: ChartSpec; note?: string };

export interface ReportSection {
  /** With its number, "一、总体情况". */
  heading: string;
  blocks: readonly Block[];
}

/** The report: the facts it states and the document that states them. */
export interface PlanReportModel {
  kind: ReportKind;
  year: number;
  /** The plan's title and the report's name, on two lines: "山西省“十四五”教育事业发展规划" / "2024年度监测报告". */
  titleLines: readonly [string, string];
  title: string;
  /** Under the title: the year, the basis and the date. */
  subtitle: string;
  /** A file name without extension: "140000-山西省-十四五-2024年度监测报告". */
  fileStem: string;
  plan: ReportPlanHeader;
  basis: PlanProgress['basis'];
  summary: ReportSummary;
  indicators: readonly ReportIndicator[];
  rankings: readonly Rankings[];
  lists: PlanRegionLists;
  /** The progress-ratio bands the statuses were read against. */
  bands: Bands;
  sections: readonly ReportSection[];
}

/** The report's facts, before they are laid out in sections. */
export type ReportFacts = Omit<PlanReportModel, 'sections'>;
