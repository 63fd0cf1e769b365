/** Figures as the API shows them: flat, named in both languages where people read them, with their provenance. */
import type { ObservationView } from '../db/observation.repository.ts';
import type {
  ObservationEvent,
  ObservationStatus,
  ObservationVersion,
  Qualifier,
  SeriesBreak,
} from '../db/observation.schema.ts';
import type { SubjectRegistry } from '../domain/observations/subjects.ts';

/** A figure in a list. */
export interface PresentedObservation {
  id: number;
  region: string;
  regionName: string | null;
  indicator: string;
  indicatorName: string;
  /** 'indicator' (a catalogue entry) or 'element' (a data element a formula is built from). */
  indicatorKind: 'indicator' | 'element';
  year: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** The value as people read it: "96.1%", or "至少 96%" for a lower bound. */
  display: { zh: string; en: string };
  status: ObservationStatus;
  /** The optimistic lock a workflow action must name. */
  lock: number;
  version: number;
  source: string | null;
  quote: string | null;
  note: string | null;
  comment: string | null;
  /** Why the shown version corrected an approved one. */
  reason: string | null;
  returnReason: string | null;
  seriesBreak: SeriesBreak | null;
  /** What to read with the figure: "年份据报道日期推定". */
  caveats: SeriesBreak[];
  /** 'statistics': a published figure EduPlan ships (real-stats.csv); otherwise how it was reported. */
  origin: ObservationVersion['origin'];
  /** The published value when the shown version is a correction not yet published. */
  publishedValue: number | null;
  updatedAt: string;
}

const trimNumber = (value: number): string => String(Number(value.toPrecision(12)));

/** "96.1%", "至少 96%", "1234 万人". */
export function displayValue(value: number, unit: string, qualifier: Qualifier): { zh: string; en: string } {
  const amount = `${trimNumber(value)}${unit === '%' ? '%' : ` ${unit}`}`;
  return qualifier === 'at_least' ? { zh: `至少 ${amount}`, en: `at least ${amount}` } : { zh: amount, en: amount };
}

export function presentObservation(row: ObservationView, subjects: SubjectRegistry): PresentedObservation {
  const subject = subjects.byId(row.subject_id);
  const shownIsPublished = row.shown_version === row.published_version;
  return {
    id: row.id,
    region: row.region_code,
    regionName: row.region_name,
    indicator: row.subject_id,
    indicatorName: subject?.name ?? row.subject_id,
    indicatorKind: row.subject_kind,
    year: row.year,
    value: row.value,
    unit: row.unit,
    qualifier: row.qualifier,
    display: displayValue(row.value, row.unit, row.qualifier),
    status: row.shown_status,
    lock: row.lock,
    version: row.shown_version,
    source: row.source,
    quote: row.quote,
    note: row.note,
    comment: row.comment,
    reason: row.reason,
    returnReason: row.shown_status === 'draft' ? row.return_reason : null,
    seriesBreak: row.series_break,
    caveats: row.caveats,
    origin: row.origin,
    publishedValue: shownIsPublished ? null : row.published_value,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One version of a figure, with the steps taken on it. */
export interface PresentedVersion {
  version: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  display: { zh: string; en: string };
  source: string | null;
  quote: string | null;
  note: string | null;
  comment: string | null;
  reason: string | null;
  seriesBreak: SeriesBreak | null;
  caveats: SeriesBreak[];
  origin: ObservationVersion['origin'];
  fileName: string | null;
  fileRow: number | null;
  /** The account that wrote it; null for the installation (the published statistics, the command line). */
  createdBy: string | null;
  createdAt: string;
  events: {
    action: ObservationEvent['action'];
    from: ObservationStatus | null;
    to: ObservationStatus;
    reason: string | null;
    by: string | null;
    at: string;
  }[];
}

export function presentVersion(
  version: ObservationVersion & { created_by_name: string | null },
  events: readonly (ObservationEvent & { actor_name: string | null })[],
): PresentedVersion {
  return {
    version: version.version,
    value: version.value,
    unit: version.unit,
    qualifier: version.qualifier,
    display: displayValue(version.value, version.unit, version.qualifier),
    source: version.source,
    quote: version.quote,
    note: version.note,
    comment: version.comment,
    reason: version.reason,
    seriesBreak: version.series_break,
    caveats: version.caveats,
    origin: version.origin,
    fileName: version.file_name,
    fileRow: version.file_row,
    createdBy: version.created_by_name,
    createdAt: version.created_at.toISOString(),
    events: events
      .filter((event) => event.version === version.version)
      .map((event) => ({
        action: event.action,
        from: event.from_status,
        to: event.to_status,
        reason: event.reason,
        by: event.actor_name,
        at: event.at.toISOString(),
      })),
  };
}
