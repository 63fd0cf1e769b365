import { describe, expect, it } from 'vitest';
import { checkFeedback, MESSAGE_MAX } from '../../src/domain/feedback/message.ts';
import { FEEDBACK_STATUSES, isPublic, moderate, MODERATION_STEPS } from '../../src/domain/feedback/moderation.ts';

const codes = (result: ReturnType<typeof checkFeedback>) =>
  result.ok ? [] : result.problems.map((problem) => `${problem.field}:${problem.code}`);

describe('a visitor’s message', () => {
  it('is cleaned (control and invisible characters, Windows line ends, blank optional fields) and kept as typed', () => {
    const result = checkFeedback({
      message: '  建议\r\n公布\u200b各县入园率\u0000  ',
      name: '   ',
      contact: ' 138\t0000 ',
    });
    expect(result).toEqual({ ok: true, value: { message: '建议\n公布各县入园率', name: null, contact: '138 0000' } });
  });

  it('keeps HTML as text: nothing is escaped or removed, because nothing renders it', () => {
    const message = '<script>alert(1)</script>建议';
    expect(checkFeedback({ message })).toEqual({ ok: true, value: { message, name: null, contact: null } });
  });

  it('counts Chinese characters, not bytes: five characters are enough, 2000 the most', () => {
    expect(checkFeedback({ message: '增加学位数' }).ok).toBe(true);
    expect(codes(checkFeedback({ message: '增加学位' }))).toEqual(['message:FEEDBACK_TOO_SHORT']);
    const longest = '学'
      .repeat(19)
      .concat('，')
      .repeat(MESSAGE_MAX / 20);
    expect(checkFeedback({ message: longest }).ok).toBe(true);
    expect(codes(checkFeedback({ message: `${longest}多` }))).toEqual(['message:FEEDBACK_TOO_LONG']);
  });

  it('turns away link spam, a key held down and a message without words, saying why', () => {
    const spam = checkFeedback({ message: '优惠 http://a.cn www.b.cn https://c.cn' });
    expect(codes(spam)).toEqual(['message:FEEDBACK_TOO_MANY_LINKS']);
    expect(spam.ok ? '' : spam.problems[0]?.zh).toContain('链接过多（3 个，最多 2 个）');
    expect(checkFeedback({ message: '参见 http://jyt.shanxi.gov.cn 的通知' }).ok).toBe(true);
    expect(codes(checkFeedback({ message: `好${'啊'.repeat(20)}` }))).toEqual(['message:FEEDBACK_REPEATED']);
    expect(codes(checkFeedback({ message: '？？！！。。' }))).toEqual(['message:FEEDBACK_NO_WORDS']);
  });

  it('reports every problem at once, each with its field', () => {
    const result = checkFeedback({ message: '短', name: '名'.repeat(51), contact: 'x'.repeat(101) });
    expect(codes(result)).toEqual([
      'message:FEEDBACK_TOO_SHORT',
      'name:FEEDBACK_TOO_LONG',
      'contact:FEEDBACK_TOO_LONG',
    ]);
  });
});

describe('moderation', () => {
  it('lets a new message be read, answered or hidden, and nothing go back to new', () => {
    expect(MODERATION_STEPS.new).toEqual(['read', 'answered', 'hidden']);
    for (const status of FEEDBACK_STATUSES) expect(MODERATION_STEPS[status]).not.toContain('new');
    expect(moderate('new', 'read', undefined)).toEqual({ ok: true, reply: null });
  });

  it('needs a reply to answer, and publishes only answered messages', () => {
    expect(moderate('read', 'answered', ' 已采纳 ')).toEqual({ ok: true, reply: '已采纳' });
    const blank = moderate('new', 'answered', '\n ');
    expect(blank.ok ? null : blank.problem).toMatchObject({ code: 'FEEDBACK_REPLY_REQUIRED', field: 'reply' });
    expect(FEEDBACK_STATUSES.filter(isPublic)).toEqual(['answered']);
  });

  it('lets an answer be corrected or withdrawn, and a hidden message come back only as read', () => {
    expect(moderate('answered', 'answered', '更正后的答复').ok).toBe(true);
    expect(moderate('answered', 'hidden', null).ok).toBe(true);
    expect(moderate('hidden', 'read', null).ok).toBe(true);
    const skip = moderate('hidden', 'answered', '直接答复');
    expect(skip.ok ? null : skip.problem).toMatchObject({ code: 'FEEDBACK_STEP_INVALID', field: 'status' });
    expect(skip.ok ? '' : skip.problem.zh).toBe('“已屏蔽”的意见不能改为“已答复”');
    expect(moderate('read', 'read', null).ok).toBe(false);
  });
});
