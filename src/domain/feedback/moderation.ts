/**
 * Moderation of 意见建议: every message arrives `new` and private; an administrator marks it read, answers it (the
 * answer is what publishes it, with the reply beside it) or hides it as spam. Pure: which step is allowed from
 * where, and what an answer needs.
 */
import { cleanText, lengthOf } from './message.ts';
import type { FeedbackProblem } from './message.ts';

/** A message's moderation state. */
export const FEEDBACK_STATUSES = ['new', 'read', 'answered', 'hidden'] as const;

/** One of FEEDBACK_STATUSES. */
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** The states an administrator may set (nobody sets a message back to new). */
export type ModerationTarget = Exclude<FeedbackStatus, 'new'>;

/** The longest reply: as long as the longest message. */
export const REPLY_MAX = 2000;

/**
 * From each state, the states an administrator may move a message to. An answer may be corrected (answered ->
 * answered) or withdrawn by hiding; a message hidden by mistake comes back as read, to be answered afresh.
 */
export const MODERATION_STEPS: Readonly<Record<FeedbackStatus, readonly ModerationTarget[]>> = {
  new: ['read', 'answered', 'hidden'],
  read: ['answered', 'hidden'],
  answered: ['answered', 'hidden'],
  hidden: ['read'],
};

const STATUS_NAMES: Readonly<Record<FeedbackStatus, { zh: string; en: string }>> = {
  new: { zh: '未读', en: 'new' },
  read: { zh: '已读', en: 'read' },
  answered: { zh: '已答复', en: 'answered' },
  hidden: { zh: '已屏蔽', en: 'hidden' },
};

/** Whether the public sees a message in this state (with its reply). */
export const isPublic = (status: FeedbackStatus): boolean => status === 'answered';

/**
 * The reply to store for a step (null unless answering), or the problem with the step: not allowed from the
 * current state, or an answer without a reply.
 * @example moderate('new', 'answered', ' 已采纳 ') // { ok: true, reply: '已采纳' }
 */
export function moderate(
  from: FeedbackStatus,
  to: ModerationTarget,
  reply: string | null | undefined,
): { ok: true; reply: string | null } | { ok: false; problem: FeedbackProblem } {
  if (!MODERATION_STEPS[from].includes(to)) {
    return {
      ok: false,
      problem: {
        code: 'FEEDBACK_STEP_INVALID',
        field: 'status',
        zh: `“${STATUS_NAMES[from].zh}”的意见不能改为“${STATUS_NAMES[to].zh}”`,
        en: `A message that is ${STATUS_NAMES[from].en} cannot become ${STATUS_NAMES[to].en}`,
      },
    };
  }
  if (to !== 'answered') return { ok: true, reply: null };
  const text = cleanText(reply ?? '');
  if (text === '') {
    return {
      ok: false,
      problem: {
        code: 'FEEDBACK_REPLY_REQUIRED',
        field: 'reply',
        zh: '答复需要填写答复内容：答复会与意见一起公开',
        en: 'An answer needs the reply text: it is published with the message',
      },
    };
  }
  const length = lengthOf(text);
  if (length > REPLY_MAX) {
    return {
      ok: false,
      problem: {
        code: 'FEEDBACK_TOO_LONG',
        field: 'reply',
        zh: `答复最多 ${REPLY_MAX} 个字，现有 ${length} 个字`,
        en: `The reply may have at most ${REPLY_MAX} characters; it has ${length}`,
      },
    };
  }
  return { ok: true, reply: text };
}
