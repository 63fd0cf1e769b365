/**
 * 意见建议 through the API as a visitor and the administrators see it: sending (rate limited per address, drafts
 * refused, HTML kept as text), the inbox by region, and moderation, where an answer is what makes a message public.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { FeedbackPage } from '../../src/services/feedback.service.ts';
import type { InboxFeedback, PublicFeedback } from '../../src/services/feedback.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { editedSample, sampleBytes, SHANXI, XINZHOU, YANGQUAN } from '../services/plan.samples.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('意见建议 on $kind', (dialect) => {
  let api: ApiFixture;
  let xinzhouPlan: number;
  let yangquanPlan: number;
  let draftPlan: number;
  let province: string;
  let xinzhouAdmin: string;
  let yangquanAdmin: string;
  let countyReporter: string;
  let sysadmin: string;
  // Each test sends from its own address, so the per-address limit of one never counts another's messages.
  let nextAddress = 1;
  const address = () => `10.0.0.${nextAddress++}`;

  const send = (payload: object, remoteAddress: string): Promise<LightMyRequestResponse> =>
    api.app.inject({ method: 'POST', url: '/api/feedback', payload, remoteAddress });
  const inbox = (query: string, cookie: string | null) =>
    api.request<FeedbackPage<InboxFeedback>>('GET', `/api/feedback${query}`, cookie);
  const answered = (planId: number) =>
    api.request<FeedbackPage<PublicFeedback>>('GET', `/api/public/plans/${planId}/feedback`, null);
  const moderate = (id: number, cookie: string | null, body: object) =>
    api.request<InboxFeedback & { error?: { code: string; message: { zh: string } } }>(
      'PATCH',
      `/api/feedback/${id}`,
      cookie,
      body,
    );
  /** The inbox entry of a message, found by its text as its administrator sees it. */
  const entryOf = async (message: string, cookie = xinzhouAdmin): Promise<InboxFeedback> => {
    const found = (await inbox(`?planId=${xinzhouPlan}&limit=200`, cookie)).body.items.find(
      (item) => item.message === message,
    );
    if (found === undefined) throw new Error(`no feedback "${message}" in the inbox`);
    return found;
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    const publish = async (file: string) => {
      const { plan } = await api.plans.importDocument({ bytes: sampleBytes(file), fileName: file }, SYSTEM_CONTEXT);
      await api.plans.publish(plan.id, SYSTEM_CONTEXT);
      return plan.id;
    };
    await publish(SHANXI);
    xinzhouPlan = await publish(XINZHOU);
    yangquanPlan = await publish(YANGQUAN);
    const revised = editedSample(XINZHOU, '\t96.50\n', '\t97.00\n');
    draftPlan = (await api.plans.importDocument({ bytes: revised, fileName: 'xinzhou-v2.txt' }, SYSTEM_CONTEXT)).plan
      .id;
    province = await api.signedIn('shanxi-admin', 'province_admin', '140000');
    xinzhouAdmin = await api.signedIn('xinzhou-admin', 'city_admin', '140900');
    yangquanAdmin = await api.signedIn('yangquan-admin', 'city_admin', '140300');
    countyReporter = await api.signedIn('xinfu-reporter', 'county_reporter', '140902');
    sysadmin = await api.signedIn('operator', 'system_admin', null);
  });
  afterAll(() => api.close());

  it('takes a visitor’s message on a published plan and indicator, and gives it to 忻州’s administrators only', async () => {
    const from = address();
    const sent = await send(
      {
        planId: xinzhouPlan,
        indicatorRow: 1,
        name: '张老师',
        contact: '138 0000 0000',
        message: '建议公布各县的入园率。',
      },
      from,
    );
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ received: true });

    const entry = await entryOf('建议公布各县的入园率。');
    expect(entry).toMatchObject({
      status: 'new',
      name: '张老师',
      contact: '138 0000 0000',
      clientIp: from,
      plan: { id: xinzhouPlan, region: { code: '140900', name: '忻州市' } },
      indicator: { row: 1, name: '学前教育毛入园率' },
      reply: null,
    });
    // The province sees its cities' messages; the whole inbox of 忻州 has it too.
    expect((await entryOf('建议公布各县的入园率。', province)).id).toBe(entry.id);
    expect((await inbox('', xinzhouAdmin)).body.items.map((item) => item.id)).toContain(entry.id);
    expect((await inbox('', sysadmin)).body.items.map((item) => item.id)).toContain(entry.id);

    // 阳泉's administrator may not open 忻州's plan's messages, and its own inbox does not have them.
    const refused = await inbox(`?planId=${xinzhouPlan}`, yangquanAdmin);
    expect(refused.status).toBe(403);
    const own = await inbox('', yangquanAdmin);
    expect(own.status).toBe(200);
    expect(own.body.items.map((item) => item.plan.id)).not.toContain(xinzhouPlan);
    expect((await inbox('', countyReporter)).status).toBe(403);
    expect((await inbox('', null)).status).toBe(401);
    // Not public until answered.
    expect((await answered(xinzhouPlan)).body.items.map((item) => item.id)).not.toContain(entry.id);
  });

  it('answers the 6th message from one address within ten minutes with 429 and when to retry, in Chinese', async () => {
    const from = address();
    for (let n = 1; n <= 5; n += 1) {
      expect((await send({ planId: yangquanPlan, message: `第 ${n} 条建议：增加学位` }, from)).statusCode).toBe(202);
    }
    const sixth = await send({ planId: yangquanPlan, message: '第 6 条建议：增加学位' }, from);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({
      error: { code: 'FEEDBACK_RATE_LIMITED', message: { zh: '提交过于频繁，请 10 分钟后再试' } },
    });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(500);
    // Another address is not held up by it.
    expect((await send({ planId: yangquanPlan, message: '另一位访客的建议' }, address())).statusCode).toBe(202);
    const stored = (await inbox(`?planId=${yangquanPlan}&limit=200`, yangquanAdmin)).body.items;
    expect(stored.filter((item) => item.clientIp === from)).toHaveLength(5);
  });

  it('publishes a message with its reply when answered, and keeps a hidden one private', async () => {
    await send(
      { planId: xinzhouPlan, name: '李四', contact: 'li@example.cn', message: '希望公开学位缺口数据' },
      address(),
    );
    await send({ planId: xinzhouPlan, message: '免费领取优惠券 请加微信' }, address());
    const question = await entryOf('希望公开学位缺口数据');
    const spam = await entryOf('免费领取优惠券 请加微信');

    const read = await moderate(question.id, xinzhouAdmin, { status: 'read', lock: question.lock });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'read', lock: question.lock + 1 });
    const noReply = await moderate(question.id, xinzhouAdmin, {
      status: 'answered',
      reply: '  ',
      lock: read.body.lock,
    });
    expect(noReply.status).toBe(400);
    expect(noReply.body.error?.code).toBe('FEEDBACK_REPLY_REQUIRED');
    const reply = '已纳入2025年监测报告，届时在本平台公开。';
    const answer = await moderate(question.id, xinzhouAdmin, { status: 'answered', reply, lock: read.body.lock });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'answered', reply });
    expect(answer.body.repliedAt).not.toBeNull();
    expect((await moderate(spam.id, xinzhouAdmin, { status: 'hidden', lock: spam.lock })).status).toBe(200);

    const published = await answered(xinzhouPlan);
    expect(published.status).toBe(200);
    const shown = published.body.items.find((item) => item.id === question.id);
    expect(shown).toMatchObject({ message: '希望公开学位缺口数据', reply, plan: { id: xinzhouPlan } });
    // The public never sees who sent it, how to reach them, or from where.
    for (const key of ['name', 'contact', 'clientIp']) expect(shown).not.toHaveProperty(key);
    expect(JSON.stringify(published.body)).not.toMatch(/李四|li@example\.cn|clientIp|10\.0\.0\./);
    expect(published.body.items.map((item) => item.id)).not.toContain(spam.id);

    // Each step is in the audit log of 忻州, with the reply it published.
    const audit = await api.request<{ items: { action: string; entityId: string; after: { reply: string } }[] }>(
      'GET',
      '/api/audit?entity=feedback',
      xinzhouAdmin,
    );
    const steps = audit.body.items.filter((item) => item.entityId === String(question.id)).map((item) => item.action);
    expect(steps.sort()).toEqual(['feedback.answer', 'feedback.read']);
  });

  it('refuses a step on a stale lock with 409, and a step from someone outside the plan’s region with 403', async () => {
    await send({ planId: xinzhouPlan, message: '两位管理员同时处理的意见' }, address());
    const entry = await entryOf('两位管理员同时处理的意见');
    expect((await moderate(entry.id, province, { status: 'read', lock: entry.lock })).status).toBe(200);
    const late = await moderate(entry.id, xinzhouAdmin, { status: 'hidden', lock: entry.lock });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('FEEDBACK_CHANGED');
    expect(late.body.error?.message.zh).toContain('已被他人处理');
    expect((await entryOf('两位管理员同时处理的意见')).status).toBe('read');
    expect((await moderate(entry.id, yangquanAdmin, { status: 'hidden', lock: entry.lock + 1 })).status).toBe(403);
    expect((await moderate(entry.id, null, { status: 'hidden', lock: entry.lock + 1 })).status).toBe(401);
  });

  it('refuses feedback on a draft plan as if it did not exist, and stores nothing', async () => {
    const response = await send({ planId: draftPlan, message: '草稿规划上的意见' }, address());
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'PLAN_NOT_FOUND' } });
    expect((await answered(draftPlan)).status).toBe(404);
    const all = (await inbox('?limit=200', province)).body.items;
    expect(all.map((item) => item.message)).not.toContain('草稿规划上的意见');
  });

  it('keeps <script> in a message as text, in the inbox and in the published answer', async () => {
    const message = '<script>alert("x")</script> 建议增加<b>寄宿制</b>学校';
    expect((await send({ planId: xinzhouPlan, message }, address())).statusCode).toBe(202);
    const entry = await entryOf(message);
    expect(entry.message).toBe(message);
    const answer = await moderate(entry.id, xinzhouAdmin, { status: 'answered', reply: '<i>感谢</i>', lock: 1 });
    expect(answer.status).toBe(200);
    const response = await api.app.inject({ method: 'GET', url: `/api/public/plans/${xinzhouPlan}/feedback` });
    expect(response.headers['content-type']).toContain('application/json');
    const shown = response.json<FeedbackPage<PublicFeedback>>().items.find((item) => item.id === entry.id);
    expect(shown).toMatchObject({ message, reply: '<i>感谢</i>' });
  });

  it('says what is wrong with a message, in place, and takes a filled honeypot silently without storing it', async () => {
    const short = await send({ planId: xinzhouPlan, message: '好' }, address());
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      error: {
        code: 'FEEDBACK_TOO_SHORT',
        at: { field: 'message' },
        message: { zh: '意见至少需要 5 个字，现有 1 个字' },
      },
    });
    const links = await send(
      { planId: xinzhouPlan, message: 'http://a.cn http://b.cn http://c.cn 优惠', contact: 'x'.repeat(101) },
      address(),
    );
    expect(links.statusCode).toBe(400);
    const details = links.json<{ error: { details: { code: string; at: { field: string } }[] } }>().error.details;
    expect(details.map((d) => [d.code, d.at.field])).toEqual([
      ['FEEDBACK_TOO_MANY_LINKS', 'message'],
      ['FEEDBACK_TOO_LONG', 'contact'],
    ]);
    const row = await send({ planId: xinzhouPlan, indicatorRow: 99, message: '第99行指标的意见' }, address());
    expect(row.statusCode).toBe(400);
    expect(row.json()).toMatchObject({ error: { code: 'FEEDBACK_INDICATOR_UNKNOWN', at: { field: 'indicatorRow' } } });

    const bot = await send(
      { planId: xinzhouPlan, message: '机器人填写的广告内容', website: 'http://spam.example' },
      address(),
    );
    expect(bot.statusCode).toBe(202);
    expect(bot.json()).toEqual({ received: true });
    const all = (await inbox(`?planId=${xinzhouPlan}&limit=200`, xinzhouAdmin)).body.items;
    expect(all.map((item) => item.message)).not.toContain('机器人填写的广告内容');
  });

  it('filters the inbox by status and pages it, newest first', async () => {
    const fresh = await inbox(`?planId=${yangquanPlan}&status=new&limit=2`, yangquanAdmin);
    expect(fresh.status).toBe(200);
    expect(fresh.body.items).toHaveLength(2);
    expect(fresh.body.total).toBe(6);
    expect(fresh.body.items.every((item) => item.status === 'new')).toBe(true);
    const [first, second] = fresh.body.items;
    expect(first?.message).toBe('另一位访客的建议');
    expect((first?.id ?? 0) > (second?.id ?? 0)).toBe(true);
    const next = await inbox(`?planId=${yangquanPlan}&status=new&limit=2&offset=2`, yangquanAdmin);
    expect(next.body.items.map((item) => item.id)).not.toContain(first?.id);
  });
});
