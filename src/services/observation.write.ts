/**
 * Writing checked figures: new heads, versions and events each in one statement per 10,000 rows, changed heads
 * moved behind their locks in one statement. Shared by a batch (after its figures are locked and read again) and by
 * each chunk of a streamed file (read and locked by its check, in the same transaction).
 */
import type { ObservationRepository, StoredFigure } from '../db/observation.repository.ts';
import type {
  NewObservationEvent,
  NewObservationVersion,
  ObservationOrigin,
  ObservationStatus,
} from '../db/observation.schema.ts';
import { headKey, keyId, sameAsStored } from './observation.batch.ts';
import type { CheckedFigure } from './observation.batch.ts';
import * as errors from './observation.errors.ts';

/** Who writes, when, and from where: the same for every figure of a batch or file. */
export interface WriteOptions {
  readonly status: ObservationStatus;
  readonly now: Date;
  readonly by: number | null;
  readonly ip: string | null;
  readonly origin: Exclude<ObservationOrigin, 'statistics'>;
  readonly fileName: string | null;
}

/** A figure as stored: what the answer lists. */
export interface WrittenItem {
  id: number;
  regionCode: string;
  indicator: string;
  year: number;
  status: ObservationStatus;
  lock: number;
  version: number;
}

/** What the figures written did. */
export interface Written {
  created: number;
  revised: number;
  corrected: number;
  unchanged: number;
  submitted: number;
  items: WrittenItem[];
}

/**
 * Stores figures against their heads as read (`heads` by keyId): creates, revises, corrects or leaves each; a head
 * moved by someone else since it was read refuses the whole write.
 */
export async function writeFigures(
  observations: ObservationRepository,
  figures: readonly CheckedFigure[],
  heads: ReadonlyMap<string, StoredFigure>,
  options: WriteOptions,
): Promise<Written> {
  const { status, now } = options;
  const result: Written = { created: 0, revised: 0, corrected: 0, unchanged: 0, submitted: 0, items: [] };
  const versions: NewObservationVersion[] = [];
  const events: NewObservationEvent[] = [];
  const moves: { head: StoredFigure; version: number; keepReturnReason: boolean }[] = [];
  const version = (figure: CheckedFigure, id: number, number: number): NewObservationVersion => ({
    observation_id: id,
    version: number,
    value: figure.value,
    unit: figure.subject.unit,
    qualifier: figure.qualifier,
    source: figure.source,
    quote: figure.quote,
    note: figure.note,
    comment: figure.comment,
    reason: figure.reason,
    series_break: null,
    origin: options.origin,
    file_name: options.fileName,
    file_row: figure.at.row ?? null,
    created_by_user_id: options.by,
    created_at: now,
  });
  const event = (
    id: number,
    number: number,
    action: 'create' | 'revise' | 'correct' | 'submit',
    from: ObservationStatus | null,
    to: ObservationStatus,
    reason: string | null = null,
  ): NewObservationEvent => ({
    observation_id: id,
    version: number,
    action,
    from_status: from,
    to_status: to,
    reason,
    actor_user_id: options.by,
    actor_ip: options.ip,
    at: now,
  });
  const submitting = status === 'submitted';

  const fresh = figures.filter((figure) => !heads.has(keyId(figure.key)));
  const inserted = await observations.insertMany(
    fresh.map((figure) => ({
      region_code: figure.key.regionCode,
      subject_kind: figure.key.subjectKind,
      subject_id: figure.key.subjectId,
      year: figure.key.year,
      status,
      current_version: 1,
      approved_version: null,
      published_version: null,
      return_reason: null,
      created_at: now,
      updated_at: now,
    })),
  );
  const ids = new Map(inserted.map((row) => [keyId(headKey(row)), row.id]));

  for (const figure of figures) {
    const head = heads.get(keyId(figure.key));
    if (head === undefined) {
      const id = ids.get(keyId(figure.key)) ?? Number.NaN;
      versions.push(version(figure, id, 1));
      events.push(event(id, 1, 'create', null, 'draft'));
      if (submitting) events.push(event(id, 1, 'submit', 'draft', 'submitted'));
      result.created += 1;
      if (submitting) result.submitted += 1;
      result.items.push(item(figure, id, status, 1, 1));
      continue;
    }
    if (sameAsStored(head, figure)) {
      // Nothing new; a draft sent again with submit is submitted.
      if (head.status === 'draft' && submitting) {
        moves.push({ head, version: head.current_version, keepReturnReason: true });
        events.push(event(head.id, head.current_version, 'submit', 'draft', 'submitted'));
        result.submitted += 1;
        result.items.push(item(figure, head.id, status, head.lock + 1, head.current_version));
      } else {
        result.unchanged += 1;
        result.items.push(item(figure, head.id, head.status, head.lock, head.current_version));
      }
      continue;
    }
    if (head.status === 'submitted') throw errors.changedDuringImport(figure, head);
    const correcting = head.status === 'approved' || head.status === 'published';
    if (correcting && figure.reason === null) throw errors.changedDuringImport(figure, head);
    const next = head.current_version + 1;
    versions.push(version(figure, head.id, next));
    moves.push({ head, version: next, keepReturnReason: false });
    const action = correcting ? 'correct' : 'revise';
    events.push(event(head.id, next, action, head.status, 'draft', correcting ? figure.reason : null));
    if (submitting) events.push(event(head.id, next, 'submit', 'draft', 'submitted'));
    if (correcting) result.corrected += 1;
    else result.revised += 1;
    if (submitting) result.submitted += 1;
    result.items.push(item(figure, head.id, status, head.lock + 1, next));
  }
  await move(observations, moves, status, now);
  // Versions first: every event names the version it acted on.
  await observations.insertVersions(versions);
  await observations.insertEvents(events);
  return result;
}

async function move(
  observations: ObservationRepository,
  moves: readonly { head: StoredFigure; version: number; keepReturnReason: boolean }[],
  status: ObservationStatus,
  now: Date,
): Promise<void> {
  if (moves.length === 0) return;
  const moved = new Set(
    await observations.moveMany(
      moves.map(({ head, version, keepReturnReason }) => ({ id: head.id, lock: head.lock, version, keepReturnReason })),
      status,
      now,
    ),
  );
  const stale = moves.find(({ head }) => !moved.has(head.id));
  if (stale !== undefined) throw errors.stale(stale.head, stale.head.lock);
}

function item(
  figure: CheckedFigure,
  id: number,
  status: ObservationStatus,
  lock: number,
  version: number,
): WrittenItem {
  return {
    id,
    regionCode: figure.key.regionCode,
    indicator: figure.key.subjectId,
    year: figure.key.year,
    status,
    lock,
    version,
  };
}
