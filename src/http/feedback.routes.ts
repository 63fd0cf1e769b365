/**
 * 意见建议: anyone sends a message on a published plan (rate limited per client address); the administrators of the
 * plan's region and above read, answer and hide them; the public reads the answered ones. Each handler parses its
 * input, calls one FeedbackService method and returns what it presented.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { feedbackRateLimited } from '../services/feedback.errors.ts';
import type { FeedbackService } from '../services/feedback.service.ts';
import {
  feedbackBody,
  feedbackParams,
  inboxQuery,
  moderationBody,
  publicFeedbackParams,
  publicFeedbackQuery,
} from './feedback.schema.ts';
import { requireUser, writeContext } from './session.ts';

const tags = ['feedback'];

/** Messages one client address may send per window: a person with several comments, not a script. */
export const FEEDBACK_RATE = { max: 5, timeWindow: '10 minutes' } as const;

/** The feedback endpoints: /api/feedback and /api/public/plans/:id/feedback. */
export function feedbackRoutes(feedback: FeedbackService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/feedback',
      {
        schema: {
          tags,
          summary: '提交意见建议 / send a comment on a published plan',
          description: `No sign-in. ${FEEDBACK_RATE.max} per client address per ${FEEDBACK_RATE.timeWindow} (429 FEEDBACK_RATE_LIMITED says when to retry). Answered 202 once stored as new; it is public only once answered.`,
          body: feedbackBody,
        },
        config: {
          rateLimit: {
            ...FEEDBACK_RATE,
            errorResponseBuilder: (_request, context) => feedbackRateLimited(context.ttl / 1000),
          },
        },
      },
      async (request, reply) => {
        await feedback.submit(request.body, request.ip);
        return reply.status(202).send({ received: true });
      },
    );

    app.get(
      '/feedback',
      {
        schema: {
          tags,
          summary: '意见建议收件箱 / the feedback inbox',
          description:
            'Newest first, with name, contact and client address. Needs feedback.moderate: a plan’s messages for its region’s administrators and those above; without planId, every plan of the reader’s region and below.',
          querystring: inboxQuery,
        },
      },
      (request) => feedback.inbox(request.query, requireUser(request)),
    );

    app.patch(
      '/feedback/:id',
      {
        schema: {
          tags,
          summary: '处理意见建议 / moderate a comment',
          description:
            'new → read / answered (reply required: publishes the message with it) / hidden; answered → answered (corrected reply) / hidden; hidden → read. Audited. `lock` as read: 409 FEEDBACK_CHANGED when someone acted first.',
          params: feedbackParams,
          body: moderationBody,
        },
      },
      (request) => feedback.moderate(request.params.id, request.body, writeContext(request)),
    );

    app.get(
      '/public/plans/:id/feedback',
      {
        schema: {
          tags,
          summary: '已答复的意见建议 / a plan’s answered comments',
          description:
            'No sign-in: the answered messages with their replies, newest first; no name, contact or address.',
          params: publicFeedbackParams,
          querystring: publicFeedbackQuery,
        },
      },
      (request) => feedback.answered(request.params.id, request.query),
    );
    done();
  };
}
