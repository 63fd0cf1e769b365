/**
 * The data-entry form's arithmetic, kept apart from the screen: which fields become the batch sent to the server, how
 * each problem the server names (`at.item`, the index in that batch, and `at.column`, "items.3.comment") finds its way
 * back to the field it belongs to, and how far a figure moved from last year.
 */
import type { ApiError, ApiErrorDetail } from '../../api/http.ts';
import type { DataSetItem, Observation, ReportedFigure } from '../../api/observations.ts';

/** The fields of one row of the form. */
export type EntryField = 'value' | 'source' | 'comment';

/** What a person typed for one figure. */
export interface EntryRow {
  value?: number | null;
  source?: string;
  comment?: string;
}

/** The form's values: one row per indicator or data element id. */
export type EntryValues = Record<string, EntryRow | undefined>;

const blank = (text: string | undefined | null): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

/** Whether a row says something other than the stored figure (a new value, source or explanation). */
export function changed(row: EntryRow | undefined, stored: Observation | undefined): boolean {
  if (row?.value === undefined || row.value === null) return false;
  if (stored === undefined) return true;
  return row.value !== stored.value || blank(row.source) !== stored.source || blank(row.comment) !== stored.comment;
}

/**
 * The batch for a save (drafts) or a submit: every filled row that is new, a draft, or changed. A figure under
 * review is never sent (the server would refuse it); an approved or published one only when changed, as a
 * correction whose reason is its explanation (as the template's 变动说明 column is read).
 */
export function batchOf(
  items: readonly DataSetItem[],
  values: EntryValues,
  stored: ReadonlyMap<string, Observation>,
  region: string,
  year: number,
): ReportedFigure[] {
  const batch: ReportedFigure[] = [];
  for (const item of items) {
    const row = values[item.indicator];
    const value = row?.value;
    if (value === undefined || value === null) continue;
    const figure = stored.get(item.indicator);
    const status = figure?.status;
    if (status === 'submitted') continue;
    const correcting = status === 'approved' || status === 'published';
    if (correcting && !changed(row, figure)) continue;
    const comment = blank(row?.comment);
    batch.push({
      region,
      indicator: item.indicator,
      year,
      value,
      source: blank(row?.source),
      comment,
      ...(correcting ? { reason: comment } : {}),
    });
  }
  return batch;
}

/** The form field a column of the batch names: "items.3.reason" is explained in the comment field. */
export function fieldOfColumn(column: string | undefined): EntryField {
  const name = column?.split('.').pop();
  if (name === 'source') return 'source';
  if (name === 'comment' || name === 'reason') return 'comment';
  return 'value';
}

/** A refused batch's problems, placed: those on a sent figure by its indicator and field, the rest as they came. */
export interface PlacedProblems {
  fields: { indicator: string; field: EntryField; details: ApiErrorDetail[] }[];
  others: ApiErrorDetail[];
}

export function placeProblems(error: ApiError, batch: readonly ReportedFigure[]): PlacedProblems {
  // A refusal of one figure (someone acted on it meanwhile) names its item without a list of details.
  const single = error.body.at?.item === undefined ? [] : [error.body];
  const details = error.details.length > 0 ? error.details : single;
  const fields = new Map<string, PlacedProblems['fields'][number]>();
  const others: ApiErrorDetail[] = [];
  for (const detail of details) {
    const item = detail.at?.item;
    const figure = item === undefined ? undefined : batch[item];
    if (figure === undefined) {
      others.push(detail);
      continue;
    }
    const field = fieldOfColumn(detail.at?.column ?? detail.at?.field);
    const key = `${figure.indicator}:${field}`;
    const placed = fields.get(key) ?? { indicator: figure.indicator, field, details: [] };
    placed.details.push(detail);
    fields.set(key, placed);
  }
  return { fields: [...fields.values()], others };
}

/**
 * The jump thresholds of the server's checks (src/domain/observations/checks.ts JUMP_THRESHOLD): a share moving more
 * than 10 percentage points, anything else more than 25%. The web app cannot import server code; the server's check
 * is the one that decides, this only points a reviewer at the figures worth a second look.
 */
const JUMP = { percentagePoints: 10, relative: 0.25 } as const;

/** How a figure moved from last year: in percentage points for a share, relatively otherwise. */
export interface Change {
  /** 'points' for a share (unit %), 'relative' (a percentage of last year's value) otherwise. */
  kind: 'points' | 'relative';
  amount: number;
  big: boolean;
}

export function changeFrom(value: number, previous: number | null | undefined, unit: string): Change | null {
  if (previous === null || previous === undefined) return null;
  if (unit === '%') {
    const amount = value - previous;
    return { kind: 'points', amount, big: Math.abs(amount) > JUMP.percentagePoints };
  }
  if (previous === 0) return null;
  const ratio = (value - previous) / Math.abs(previous);
  return { kind: 'relative', amount: ratio * 100, big: Math.abs(ratio) > JUMP.relative };
}

/** "+1.2", "-0.35", "0": at most two decimals, with its sign. */
export function signed(amount: number): { sign: string; n: string } {
  const rounded = Math.round(amount * 100) / 100;
  return { sign: rounded > 0 ? '+' : '', n: String(rounded) };
}
