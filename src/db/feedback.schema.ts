import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { FeedbackStatus } from '../domain/feedback/moderation.ts';

/** A timestamptz column: both engines return a Date; the service always writes its own clock's time. */
type Timestamp = ColumnType<Date, Date, Date>;

/** `feedback`: one 意见建议 left by the public on a published plan, and its moderation. */
export interface FeedbackTable {
  id: Generated<number>;
  plan_id: number;
  /** The plan's indicator row it is about (plan_indicators.row_no); null for the plan as a whole. */
  indicator_row: number | null;
  name: string | null;
  contact: string | null;
  /** As typed (cleaned of control characters): HTML stays text. */
  message: string;
  /** The client's address as the HTTP layer trusts it: for moderation, never shown to the public. */
  client_ip: string | null;
  status: ColumnType<FeedbackStatus, FeedbackStatus | undefined, FeedbackStatus>;
  reply: string | null;
  replied_at: Date | null;
  replied_by_user_id: number | null;
  moderated_by_user_id: number | null;
  /** The optimistic lock, one more on every moderation step. */
  lock: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A message as stored. */
export type FeedbackRow = Selectable<FeedbackTable>;
/** A message to store. */
export type NewFeedbackRow = Insertable<FeedbackTable>;

/** The feedback tables, for `Kysely<Database>`. */
export interface FeedbackTables {
  feedback: FeedbackTable;
}
