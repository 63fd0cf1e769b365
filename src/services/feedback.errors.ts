/** The errors of 意见建议: what was wrong, where, and what to do. */
import type { FeedbackProblem } from '../domain/feedback/message.ts';
import { ServiceError } from './errors.ts';

/** One problem the feedback rules found, or several at once (each with its field). */
export function feedbackRejected(problems: readonly FeedbackProblem[]): ServiceError {
  const [first] = problems;
  if (first === undefined) throw new Error('feedbackRejected needs a problem');
  const details = problems.map((problem) => ({
    code: problem.code,
    severity: 'error' as const,
    messages: { zh: problem.zh, en: problem.en },
    at: { field: problem.field },
  }));
  return new ServiceError(
    first.code,
    'invalid',
    { zh: first.zh, en: first.en },
    { field: first.field },
    // One problem is its own message; the list is for several, so a form can mark every field.
    problems.length > 1 ? { details } : {},
  );
}

/** Feedback is for published plans: a draft is not public, and a superseded plan has a newer version. */
export function planNotOpen(planId: number, status: string): ServiceError {
  return new ServiceError(
    'FEEDBACK_PLAN_NOT_PUBLISHED',
    'conflict',
    status === 'superseded'
      ? {
          zh: `规划 #${planId} 已有新版本：请在新版本的页面提出意见建议`,
          en: `Plan #${planId} has a newer version: leave your comment on the newer version's page`,
        }
      : {
          zh: `规划 #${planId} 尚未发布，不接受意见建议`,
          en: `Plan #${planId} is not published, so it takes no comments`,
        },
    { field: 'planId' },
  );
}

/** The indicator row named is not a row of the plan. */
export function indicatorRowUnknown(planId: number, row: number): ServiceError {
  return new ServiceError(
    'FEEDBACK_INDICATOR_UNKNOWN',
    'invalid',
    {
      zh: `规划 #${planId} 没有第 ${row} 行指标：请从指标列表中选择，或不选指标`,
      en: `Plan #${planId} has no indicator row ${row}: choose one from the list, or none`,
    },
    { field: 'indicatorRow' },
  );
}

export function feedbackNotFound(id: number): ServiceError {
  return new ServiceError(
    'FEEDBACK_NOT_FOUND',
    'not-found',
    { zh: `没有编号为 ${id} 的意见建议`, en: `No comment has id ${id}` },
    { field: 'id' },
  );
}

/** Someone moderated the message after the actor read it: nothing was changed. */
export function feedbackStale(id: number, lockRead: number, lockNow: number): ServiceError {
  return new ServiceError(
    'FEEDBACK_CHANGED',
    'conflict',
    {
      zh: `意见 #${id} 已被他人处理（您看到的是第 ${lockRead} 版，现在是第 ${lockNow} 版）：本次操作未保存，请刷新后再处理`,
      en: `Comment #${id} was handled by someone else (you saw version ${lockRead}, it is now ${lockNow}): nothing was saved; reload and try again`,
    },
    { field: 'lock' },
  );
}

/** Too many messages from one address: says when to try again. */
export function feedbackRateLimited(retryAfterSeconds: number): ServiceError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new ServiceError('FEEDBACK_RATE_LIMITED', 'rate-limited', {
    zh: `提交过于频繁，请 ${minutes} 分钟后再试`,
    en: `Too many messages: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  });
}
