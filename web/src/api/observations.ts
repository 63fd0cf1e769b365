/**
 * Monitoring data: the figures a region owes for a year (its data set), reporting them (a batch or a file), the
 * workflow (submit, approve, return, publish) and each figure's history. The types follow the server's presenters
 * (src/services/observation.presenter.ts, observation.queries.ts, observation.service.ts) field for field.
 */
import { get, link, upload, write } from './http.ts';
import type { Bilingual } from '../i18n/index.tsx';

/** The workflow: draft -> submitted -> approved -> published; a return sends a figure back to draft with a reason. */
export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'published';

/** A workflow step taken on figures as they stand. */
export type WorkflowStep = 'submit' | 'approve' | 'return' | 'publish';

/** Whether a figure is exact or a lower bound ("保持在99.8%以上"). */
export type Qualifier = 'exact' | 'at_least';

/** How a version came in: the API (and this web form), an uploaded file, the form, or the published statistics. */
export type ObservationOrigin = 'api' | 'file' | 'form' | 'statistics';

/** An indicator of the catalogue, or a data element a formula divides. */
export type SubjectKind = 'indicator' | 'element';

/** A figure as GET /api/observations lists it. */
export interface Observation {
  id: number;
  region: string;
  regionName: string | null;
  indicator: string;
  indicatorName: string;
  indicatorKind: SubjectKind;
  year: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** The value as people read it: "96.1%", "至少 96%". */
  display: Bilingual;
  status: ObservationStatus;
  /** The optimistic lock a workflow action must name. */
  lock: number;
  version: number;
  source: string | null;
  quote: string | null;
  note: string | null;
  /** 变动说明: why the figure moved more than the jump threshold. */
  comment: string | null;
  /** Why the shown version corrected an approved one. */
  reason: string | null;
  /** The reviewer's reason, on a figure returned to its reporter. */
  returnReason: string | null;
  seriesBreak: Bilingual | null;
  caveats: Bilingual[];
  origin: ObservationOrigin;
  /** The published value while a correction of it is being worked on. */
  publishedValue: number | null;
  updatedAt: string;
}

/** The filters of GET /api/observations (a type, not an interface: a query is any record of plain values). */
export type ObservationQuery = {
  region?: string;
  indicator?: string;
  year?: number;
  status?: ObservationStatus;
  /** 1-1000, 200 by default. */
  limit?: number;
  offset?: number;
};

/** One item a region owes for a year, and the plans that require it. */
export interface DataSetItem {
  indicator: string;
  indicatorName: string;
  indicatorKind: SubjectKind;
  unit: string;
  min: number | null;
  max: number | null;
  integer: boolean;
  formula: string | null;
  requiredBy: {
    planId: number;
    planTitle: string | null;
    planRegion: string;
    row: number | null;
    /** The indicator whose formula divides this data element; null for the indicator itself. */
    via: string | null;
  }[];
  previous: { year: number; value: number } | null;
  current: { id: number; value: number; status: ObservationStatus; lock: number } | null;
}

export interface DataSet {
  region: string;
  regionName: string;
  year: number;
  items: DataSetItem[];
}

/** One figure of a batch, as POST /api/observations takes it. */
export interface ReportedFigure {
  region: string;
  indicator: string;
  year: number;
  value: number;
  unit?: string | null;
  qualifier?: Qualifier | null;
  source?: string | null;
  quote?: string | null;
  note?: string | null;
  comment?: string | null;
  /** 更正原因: required to change an approved or published figure. */
  reason?: string | null;
}

/** A warning a stored batch passed with, or a refused batch's problem. */
export interface ReportWarning {
  code: string;
  severity: 'error' | 'warning';
  messages: Bilingual;
  at: { item?: number; row?: number; sheet?: string; column?: string; file?: string; field?: string };
}

/** What a stored batch did. */
export interface ReportResult {
  created: number;
  revised: number;
  corrected: number;
  unchanged: number;
  submitted: number;
  warnings: ReportWarning[];
  items: {
    id: number;
    regionCode: string;
    indicator: string;
    year: number;
    status: ObservationStatus;
    lock: number;
    version: number;
  }[];
}

export interface WorkflowResult {
  step: WorkflowStep;
  items: { id: number; status: ObservationStatus; lock: number; version: number }[];
}

/** One version of a figure with the steps taken on it. */
export interface ObservationVersion {
  version: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  display: Bilingual;
  source: string | null;
  quote: string | null;
  note: string | null;
  comment: string | null;
  reason: string | null;
  seriesBreak: Bilingual | null;
  caveats: Bilingual[];
  origin: ObservationOrigin;
  fileName: string | null;
  fileRow: number | null;
  /** The account that wrote it; null for the installation (published statistics, the command line). */
  createdBy: string | null;
  createdAt: string;
  events: {
    action: 'create' | 'revise' | 'correct' | 'submit' | 'approve' | 'return' | 'publish';
    from: ObservationStatus | null;
    to: ObservationStatus;
    reason: string | null;
    by: string | null;
    at: string;
  }[];
}

export interface ObservationHistory {
  observation: Observation;
  /** Newest first. */
  versions: ObservationVersion[];
}

/** Figures: published ones for everybody, the rest for readers in scope. */
export const listObservations = get<{ items: Observation[] }, undefined, ObservationQuery>('/observations');

/** Stores a batch whole or not at all; a refusal lists every problem with its `at.item` and `at.column`. */
export const reportObservations = write<ReportResult, undefined, { items: ReportedFigure[]; submit?: boolean }>(
  'POST',
  '/observations',
);

/** A filled template or CSV (`file`, and `submit` as "true"/"false"); a bad row stores nothing. */
export const importObservations = upload<ReportResult>('/observations/import');

/** One workflow step on many figures, all or none; each names the lock read (409 when someone acted first). */
export const actOnObservations = write<
  WorkflowResult,
  undefined,
  { action: WorkflowStep; items: { id: number; lock: number }[]; reason?: string }
>('POST', '/observations/workflow');

/** Every version of a figure, newest first, with who did what, when and why. */
export const getObservationHistory = get<ObservationHistory, { id: number }>('/observations/:id/history');

/** What a region owes for a year. */
export const getDataSet = get<DataSet, undefined, { region: string; year: number }>('/datasets');

/** The XLSX template of a region and year, for the browser to download. */
export const templateUrl = link<undefined, { region: string; year: number }>('/templates');
