/** 意见建议 as the API answers: everything for the inbox, the message and its answer only for the public. */
import type { FeedbackListRow } from '../db/feedback.repository.ts';
import type { FeedbackStatus } from '../domain/feedback/moderation.ts';

/** The plan a message is about, and the indicator row when one was chosen. */
interface FeedbackSubject {
  plan: { id: number; title: string | null; region: { code: string; name: string | null } };
  indicator: { row: number; name: string | null } | null;
}

/** A message as administrators see it in the inbox, with who sent it and from which address. */
export interface InboxFeedback extends FeedbackSubject {
  id: number;
  name: string | null;
  contact: string | null;
  message: string;
  /** The client's address when it was sent (for moderation; never shown to the public). */
  clientIp: string | null;
  status: FeedbackStatus;
  reply: string | null;
  repliedAt: string | null;
  lock: number;
  createdAt: string;
  updatedAt: string;
}

/** An answered message as the public reads it: no name, contact or address. */
export interface PublicFeedback extends FeedbackSubject {
  id: number;
  message: string;
  reply: string;
  createdAt: string;
  repliedAt: string | null;
}

function subject(row: FeedbackListRow): FeedbackSubject {
  return {
    plan: { id: row.plan_id, title: row.plan_title, region: { code: row.plan_region_code, name: row.region_name } },
    indicator: row.indicator_row === null ? null : { row: row.indicator_row, name: row.indicator_name },
  };
}

export function presentInboxFeedback(row: FeedbackListRow): InboxFeedback {
  return {
    id: row.id,
    ...subject(row),
    name: row.name,
    contact: row.contact,
    message: row.message,
    clientIp: row.client_ip,
    status: row.status,
    reply: row.reply,
    repliedAt: row.replied_at?.toISOString() ?? null,
    lock: row.lock,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentPublicFeedback(row: FeedbackListRow): PublicFeedback {
  return {
    id: row.id,
    ...subject(row),
    message: row.message,
    reply: row.reply ?? '',
    createdAt: row.created_at.toISOString(),
    repliedAt: row.replied_at?.toISOString() ?? null,
  };
}
