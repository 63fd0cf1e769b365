/**
 * 意见建议: the public sends a message on a published plan and reads the answered ones; the administrators of the
 * plan's region and above read, answer and hide them. Types follow src/services/feedback.presenter.ts.
 */
import { get, write } from './http.ts';

export type FeedbackStatus = 'new' | 'read' | 'answered' | 'hidden';

/** The plan a message is about, and the indicator row when one was chosen. */
interface FeedbackSubject {
  plan: { id: number; title: string | null; region: { code: string; name: string | null } };
  indicator: { row: number; name: string | null } | null;
}

/** A message as the inbox shows it. */
export interface InboxFeedback extends FeedbackSubject {
  id: number;
  name: string | null;
  contact: string | null;
  message: string;
  /** The sender's address (for moderation only). */
  clientIp: string | null;
  status: FeedbackStatus;
  reply: string | null;
  repliedAt: string | null;
  lock: number;
  createdAt: string;
  updatedAt: string;
}

/** An answered message as the public reads it. */
export interface PublicFeedback extends FeedbackSubject {
  id: number;
  message: string;
  reply: string;
  createdAt: string;
  repliedAt: string | null;
}

export interface FeedbackPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** What a visitor sends; `website` is the hidden field people leave empty. */
export interface FeedbackDraft {
  planId: number;
  indicatorRow?: number | null;
  name?: string | null;
  contact?: string | null;
  message: string;
  website?: string;
}

export const sendFeedback = write<{ received: true }, undefined, FeedbackDraft>('POST', '/feedback');

export const listAnsweredFeedback = get<
  FeedbackPage<PublicFeedback>,
  { id: number },
  { limit?: number; offset?: number }
>('/public/plans/:id/feedback', { anonymous: true });

export const listInbox = get<
  FeedbackPage<InboxFeedback>,
  undefined,
  { status?: FeedbackStatus; planId?: number; limit?: number; offset?: number }
>('/feedback');

export const moderateFeedback = write<
  InboxFeedback,
  { id: number },
  { status: Exclude<FeedbackStatus, 'new'>; reply?: string; lock: number }
>('PATCH', '/feedback/:id');
