import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A timestamptz column: both engines return a Date; the service always writes its own clock's time. */
type Timestamp = ColumnType<Date, Date, Date>;

/** A jsonb column: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string | null, string | null>;

/** The data workflow (填报 / 审核 / 发布): returned figures go back to draft with a reason. */
export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'published';

/** What is observed: an indicator of the catalogue (学前教育毛入园率) or a data element (在园幼儿数). */
export type SubjectKind = 'indicator' | 'element';

/** exact, or a lower bound where the source says 以上 / 超过 / 突破 ("至少96%"). */
export type Qualifier = 'exact' | 'at_least';

/** How a version came in: the API, an uploaded file, the web form, or the published statistics EduPlan ships. */
export type ObservationOrigin = 'api' | 'file' | 'form' | 'statistics';

/** What happened to a figure. */
export type ObservationAction = 'create' | 'revise' | 'correct' | 'submit' | 'approve' | 'return' | 'publish';

/** A flag on a figure not comparable with its series' previous year, with why (also the shape of a caveat). */
export interface SeriesBreak {
  zh: string;
  en: string;
}

/** `observations`: one figure per region, subject and year, and where its workflow stands. */
export interface ObservationTable {
  id: Generated<number>;
  region_code: string;
  subject_kind: SubjectKind;
  subject_id: string;
  year: number;
  status: ObservationStatus;
  current_version: number;
  approved_version: number | null;
  published_version: number | null;
  /** The optimistic lock, one more on every change. */
  lock: ColumnType<number, number | undefined, number>;
  return_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `observation_versions`: every value a figure had; never updated (a trigger refuses it). */
export interface ObservationVersionTable {
  observation_id: number;
  version: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  source: string | null;
  quote: string | null;
  note: string | null;
  comment: string | null;
  reason: string | null;
  series_break: Json<SeriesBreak | null>;
  /** Caveats to read with the figure, such as a year inferred from a report's date. */
  caveats: ColumnType<SeriesBreak[], string | undefined, string>;
  origin: ObservationOrigin;
  file_name: string | null;
  file_row: number | null;
  created_by_user_id: number | null;
  created_at: Timestamp;
}

/** `observation_events`: every workflow step; never updated. */
export interface ObservationEventTable {
  /** bigint, returned as text. */
  id: Generated<string>;
  observation_id: number;
  version: number;
  action: ObservationAction;
  from_status: ObservationStatus | null;
  to_status: ObservationStatus;
  reason: string | null;
  actor_user_id: number | null;
  actor_ip: string | null;
  at: Timestamp;
}

export type Observation = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type ObservationVersion = Selectable<ObservationVersionTable>;
export type NewObservationVersion = Insertable<ObservationVersionTable>;
export type ObservationEvent = Selectable<ObservationEventTable>;
export type NewObservationEvent = Insertable<ObservationEventTable>;

/** The monitoring-data tables. */
export interface ObservationTables {
  observations: ObservationTable;
  observation_versions: ObservationVersionTable;
  observation_events: ObservationEventTable;
}
