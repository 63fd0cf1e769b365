/**
 * Two people edit the same thing at the same moment: both read one version and send their change together
 * (Promise.all, not one after the other). Exactly one wins, the other gets 409 saying what changed, the stored state
 * is the winner's, the history holds one entry for the pair, and the loser's retry with the fresh lock succeeds. Ten
 * rounds for each thing a person edits that carries a lock: a figure's review step, a task's progress, a
 * commitment's quantity achieved, and a public message's moderation.
 *
 * Edits without a lock, and why that is safe: a draft plan's review (PATCH /api/plans/:id, .../indicators/:rowNo)
 * changes rows only while the plan is a draft and publishing locks the draft row first; user changes (PATCH
 * /api/users/:id) are last-writer-wins on a display name or the active flag, each audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/http/errors.ts';
import { dataElements } from '../../src/domain/catalogue/elements.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const ROUNDS = 10;
const LEAD = '省教育厅发展规划处';

type Answer = { status: number; body: unknown };

/** Of two answers, the winner and the loser; fails unless exactly one is 2xx and the other 409. */
function split(answers: readonly Answer[], conflict: string): { winner: number; loser: Answer } {
  const statuses = answers.map((answer) => answer.status);
  const winner = statuses.findIndex((status) => status >= 200 && status < 300);
  const loser = answers[1 - winner];
  expect(winner, `statuses ${statuses.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(loser?.status, `statuses ${statuses.join(', ')} ${JSON.stringify(loser?.body)}`).toBe(409);
  expect((loser?.body as ErrorBody).error.code).toBe(conflict);
  return { winner, loser: loser as Answer };
}

describe.each(testDialects())('two editors at once on $kind', (dialect) => {
  let api: ApiFixture;
  let county: string;
  let city: string;
  let province: string;
  let deputy: string;
  let unit: string;
  let shanxi: number;
  let races = 0;

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    county = await api.signedIn('race-county', 'county_reporter', '140902');
    city = await api.signedIn('race-city', 'city_admin', '140900');
    province = await api.signedIn('race-province', 'province_admin', '140000');
    deputy = await api.signedIn('race-deputy', 'province_admin', '140000');
    unit = await api.unitAccount('race-unit', LEAD, '140000');
    const plans = await api.request<{ plans: { id: number; region: { code: string } }[] }>('GET', '/api/plans', null);
    shanxi = plans.body.plans.find((plan) => plan.region.code === '140000')?.id ?? 0;
  }, 120_000);
  afterAll(async () => {
    console.log(`concurrent edits on ${dialect.kind}: ${String(races)} races, each with one winner`);
    await api.close();
  });

  it('lets one of two reviewers approve or return a figure, never both', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      // SYNTHETIC figures: a data element of its own each round, so every race starts from a fresh submission.
      const sent = await api.request<{ items: { id: number; lock: number }[] }>('POST', '/api/observations', county, {
        items: [{ region: '140902', indicator: dataElements[round]?.id, year: 2024, value: 100 }],
        submit: true,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      const [item] = sent.body.items;
      const id = String(item?.id);
      // The city approves while the province returns it, both having read the same submitted version.
      const answers = await Promise.all([
        api.request('POST', `/api/observations/${id}/approve`, city, { lock: item?.lock }),
        api.request('POST', `/api/observations/${id}/return`, province, { lock: item?.lock, reason: '请核对数据来源' }),
      ]);
      const { winner, loser } = split(answers, 'OBSERVATION_CHANGED');
      races += 1;
      const history = await api.request<{ versions: { events: { action: string }[] }[] }>(
        'GET',
        `/api/observations/${id}/history`,
        city,
      );
      const steps = history.body.versions.flatMap((version) => version.events.map((event) => event.action));
      expect(steps.filter((step) => step === 'approve' || step === 'return')).toEqual([
        winner === 0 ? 'approve' : 'return',
      ]);
      expect(JSON.stringify(loser.body)).toMatch(/已被|changed|acted/);
    }
  });

  it('keeps one of two progress reports on a task, and the other retries on the fresh lock', async () => {
    const created = await api.request<{ id: number; lock: number }>(
      'POST',
      `/api/plans/${String(shanxi)}/tasks`,
      province,
      {
        sectionPosition: 1,
        leadUnit: LEAD,
        deadline: '2025-06-30',
      },
    );
    expect(created.status).toBe(201);
    let lock = created.body.lock;
    for (let round = 0; round < ROUNDS; round += 1) {
      const values = [10 + round, 50 + round];
      const answers = await Promise.all([
        api.request<{ progress: number; lock: number }>(
          'POST',
          `/api/tasks/${String(created.body.id)}/progress`,
          unit,
          {
            progress: values[0],
            note: '并发测试',
            lock,
          },
        ),
        api.request<{ progress: number; lock: number }>(
          'POST',
          `/api/tasks/${String(created.body.id)}/progress`,
          province,
          {
            progress: values[1],
            note: '并发测试',
            lock,
          },
        ),
      ]);
      const { winner } = split(answers, 'TASK_CHANGED');
      races += 1;
      const stored = await api.request<{ progress: number; lock: number }>(
        'GET',
        `/api/tasks/${String(created.body.id)}`,
        null,
      );
      expect(stored.body.progress).toBe(values[winner]);
      // The loser reads again and sends the same change on the fresh lock.
      const retry = await api.request<{ progress: number; lock: number }>(
        'POST',
        `/api/tasks/${String(created.body.id)}/progress`,
        winner === 0 ? province : unit,
        { progress: values[1 - winner], note: '并发测试：重读后再报', lock: stored.body.lock },
      );
      expect(retry.status).toBe(200);
      lock = retry.body.lock;
    }
    const history = await api.request<{ items: unknown[] }>(
      'GET',
      `/api/tasks/${String(created.body.id)}/history`,
      null,
    );
    // One entry for the creation and two per round (the winner's and the retry), never the lost one.
    expect(JSON.stringify(history.body).match(/"progress":/g)?.length ?? 0).toBeGreaterThanOrEqual(ROUNDS * 2);
  });

  it('keeps one of two quantities achieved on a commitment', async () => {
    const listed = await api.request<{ items: { position: number; lock: number }[] }>(
      'GET',
      `/api/plans/${String(shanxi)}/commitments`,
      null,
    );
    const position = listed.body.items[0]?.position ?? 1;
    let lock = listed.body.items[0]?.lock ?? 0;
    const url = `/api/plans/${String(shanxi)}/commitments/${String(position)}`;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Both above every earlier round's: neither is a lowering, which needs a note whoever wins.
      const values = [100 + 10 * round, 105 + 10 * round];
      const answers = await Promise.all([
        api.request<{ achieved: number; lock: number }>('PATCH', url, province, { achieved: values[0], lock }),
        api.request<{ achieved: number; lock: number }>('PATCH', url, deputy, { achieved: values[1], lock }),
      ]);
      const { winner } = split(answers, 'COMMITMENT_CHANGED');
      races += 1;
      const won = answers[winner]?.body as { achieved: number; lock: number };
      expect(won.achieved).toBe(values[winner]);
      lock = won.lock;
    }
    const after = await api.request<{ items: { position: number; achieved: number | null }[] }>(
      'GET',
      `/api/plans/${String(shanxi)}/commitments`,
      null,
    );
    expect(after.body.items.find((item) => item.position === position)?.achieved).toBeGreaterThanOrEqual(100);
  });

  it('lets one of two moderators answer or hide a public message', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const sent = await api.app.inject({
        method: 'POST',
        url: '/api/feedback',
        remoteAddress: `10.77.0.${String(round + 1)}`,
        payload: { planId: shanxi, message: `第 ${String(round)} 条：建议公开各县的年度数据。` },
      });
      expect(sent.statusCode).toBe(202);
      const inbox = await api.request<{ items: { id: number; lock: number }[] }>(
        'GET',
        `/api/feedback?planId=${String(shanxi)}&limit=1`,
        province,
      );
      const [message] = inbox.body.items;
      const url = `/api/feedback/${String(message?.id)}`;
      const answers = await Promise.all([
        api.request('PATCH', url, province, {
          status: 'answered',
          reply: '感谢建议，已纳入年度监测公开。',
          lock: message?.lock,
        }),
        api.request('PATCH', url, deputy, { status: 'hidden', lock: message?.lock }),
      ]);
      const { winner } = split(answers, 'FEEDBACK_CHANGED');
      races += 1;
      const publicView = await api.request<{ items: { id: number }[] }>(
        'GET',
        `/api/public/plans/${String(shanxi)}/feedback`,
        null,
      );
      expect(publicView.body.items.some((item) => item.id === message?.id)).toBe(winner === 0);
    }
  });
});
