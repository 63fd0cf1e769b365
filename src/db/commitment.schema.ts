import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { JsonValue } from './account.schema.ts';
import type { IsoDate } from './schema.ts';

/** A timestamptz column: both engines return a Date; the service always writes its own clock's time. */
type Timestamp = ColumnType<Date, Date, Date>;

/** One changed field, with its value before and after. */
// A type, not an interface: an interface has no index signature, so it would not pass as a JsonValue to the audit log.
export type FieldChange = { from: JsonValue; to: JsonValue };

/** The fields an update changed, by API name ("achieved", "responsibleUnit", "deadline"). */
export type Changes = Record<string, FieldChange>;

/** `commitment_tracking`: what is reported of one commitment of a published plan; no row until someone tracks it. */
export interface CommitmentTrackingTable {
  plan_id: number;
  position: number;
  /** The quantity achieved to date, in the commitment's unit; null while nothing is reported. */
  achieved: number | null;
  responsible_unit: string | null;
  /** Null: the default deadline (the commitment's year, else the plan's last year, on 31 December). */
  deadline: IsoDate | null;
  /** The optimistic lock, one more on every change. */
  lock: ColumnType<number, number | undefined, number>;
  updated_by_user_id: number | null;
  updated_at: Timestamp;
}

/** What happened to a commitment: its tracked fields changed, or evidence was added. */
export type CommitmentUpdateAction = 'track' | 'evidence';

/** `commitment_updates`: every update of a commitment, never changed (a trigger refuses it). */
export interface CommitmentUpdateTable {
  /** bigint, returned as text. */
  id: Generated<string>;
  plan_id: number;
  position: number;
  action: CommitmentUpdateAction;
  achieved: number | null;
  responsible_unit: string | null;
  deadline: IsoDate | null;
  /** Written as JSON text, read back parsed. */
  changes: ColumnType<Changes, string, never>;
  note: string | null;
  evidence_id: number | null;
  actor_user_id: number | null;
  actor_ip: string | null;
  at: Timestamp;
}

export type CommitmentTrackingRow = Selectable<CommitmentTrackingTable>;
export type NewCommitmentTracking = Insertable<CommitmentTrackingTable>;
export type CommitmentUpdateRow = Selectable<CommitmentUpdateTable>;
export type NewCommitmentUpdate = Insertable<CommitmentUpdateTable>;

/** The commitment-tracking tables, for `Database` to extend. */
export interface CommitmentTables {
  commitment_tracking: CommitmentTrackingTable;
  commitment_updates: CommitmentUpdateTable;
}
