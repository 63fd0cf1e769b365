/**
 * The 意见建议 endpoints' request schemas. They guard types and absurd sizes only: the lengths a person is told
 * about (5-2000 characters, …) are checked by src/domain/feedback, whose messages say what to do in both languages.
 */
import { z } from 'zod';
import { FEEDBACK_STATUSES } from '../domain/feedback/moderation.ts';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const page = {
  limit: z.coerce.number().int().min(1).max(200).optional().describe('page size, default 50'),
  offset: z.coerce.number().int().min(0).optional(),
};

/** `POST /api/feedback`. */
export const feedbackBody = z
  .object({
    planId: id.describe('a published plan'),
    indicatorRow: z.number().int().positive().max(100_000).nullable().optional().describe('the plan’s indicator row'),
    name: z.string().max(1000).nullable().optional().describe('称呼, optional, at most 50 characters'),
    contact: z.string().max(1000).nullable().optional().describe('联系方式, optional, at most 100 characters'),
    message: z.string().max(20_000).describe('意见建议, 5-2000 characters; stored as text, HTML is never rendered'),
    website: z.string().max(1000).optional().describe('leave empty (a field people never see)'),
  })
  .strict();

/** `GET /api/feedback`. */
export const inboxQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  planId: id.optional(),
  ...page,
});

/** `/api/feedback/:id`. */
export const feedbackParams = z.object({ id: id.describe('feedback id') });

/** `PATCH /api/feedback/:id`. */
export const moderationBody = z
  .object({
    status: z.enum(['read', 'answered', 'hidden']).describe('read, answered (with reply: makes it public) or hidden'),
    reply: z.string().max(20_000).nullable().optional().describe('the answer, required for answered; made public'),
    lock: z.number().int().positive().describe('the lock as read: 409 FEEDBACK_CHANGED when someone acted first'),
  })
  .strict();

/** `GET /api/public/plans/:id/feedback`. */
export const publicFeedbackParams = z.object({ id: id.describe('plan id') });

/** The page of `GET /api/public/plans/:id/feedback`. */
export const publicFeedbackQuery = z.object(page);
