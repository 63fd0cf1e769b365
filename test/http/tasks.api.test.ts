/**
 * Tasks through the API, on each engine, on 山西省's real plan: the suggestions are the headings of its task chapters
 * with their lines; the province confirms one with milestones for 忻州; its lead unit reports progress (a stale lock
 * and another unit are refused); the due-soon and overdue lists follow the injected clock, filtered by unit and
 * region; the task's history keeps every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans } from '../../src/server.ts';
import type { ErrorBody } from '../../src/http/errors.ts';
import type { PresentedEvidence } from '../../src/services/evidence.presenter.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import type { PresentedTask, PresentedTaskUpdate } from '../../src/services/task.presenter.ts';
import type { DueList, SuggestionList, TaskList } from '../../src/services/task.queries.ts';
import { testDialects } from '../db/dialects.ts';
import { tinyPdf } from './evidence.files.ts';
import { multipart, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const SHANXI = '140000';
const XINZHOU = '140900';
const XINFU = '140902';
const LEAD = '省教育厅基础教育处';
const PARTNER = '省财政厅';

describe.each(testDialects())('tasks through the API on $kind', (dialect) => {
  let api: ApiFixture;
  let time = Date.parse('2024-03-01T09:00:00+08:00');
  let planId = 0;
  let province: string;
  let city: string;
  let lead: string;
  let stranger: string;
  let taskId = 0;

  // The fixture's request, bound once the fixture opens.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const request = <T>(...args: Parameters<ApiFixture['request']>) => api.request<T>(...args);

  /** A responsible unit's account, signed in through the API. */
  const unitAccount = (username: string, unitName: string): Promise<string> =>
    api.unitAccount(username, unitName, SHANXI);

  const suggestions = async () =>
    (await request<SuggestionList>('GET', `/api/plans/${planId}/task-suggestions`, null)).body;

  const sectionOf = async (title: string): Promise<number> => {
    const found = (await suggestions()).items.find((item) => item.title === title);
    if (found === undefined) throw new Error(`no suggestion "${title}"`);
    return found.sectionPosition;
  };

  const task = async () => (await request<PresentedTask>('GET', `/api/tasks/${taskId}`, null)).body;

  const due = async (query: string) => (await request<DueList & ErrorBody>('GET', `/api/tasks?${query}`, null)).body;

  const progress = (cookie: string, body: object) =>
    request<PresentedTask & ErrorBody>('POST', `/api/tasks/${taskId}/progress`, cookie, body);

  beforeAll(async () => {
    api = await openApi(dialect, { now: () => new Date(time) });
    await seedSamplePlans(api.plans);
    const { body } = await request<{ plans: PlanSummary[] }>(
      'GET',
      `/api/plans?region=${SHANXI}&status=published`,
      null,
    );
    planId = body.plans[0]?.id ?? 0;
    province = await api.signedIn('shanxi', 'province_admin', SHANXI);
    city = await api.signedIn('xinzhou', 'city_admin', XINZHOU);
    lead = await unitAccount('sx-basic', LEAD);
    stranger = await unitAccount('sx-health', '省卫生健康委');
  }, 120_000);
  afterAll(() => api.close());

  it('suggests the headings of 山西省’s task chapters, with their lines, and nothing from its goals or implementation', async () => {
    const { rule, items } = await suggestions();
    expect(rule.zh).toContain('主要目标');
    const byTitle = new Map(items.map((item) => [item.title, item]));
    expect(byTitle.get('牢牢掌握党对教育工作的领导权')).toMatchObject({
      line: 127,
      number: '（一）',
      chapter: { title: '切实加强党对教育工作的全面领导', line: 125 },
      taskIds: [],
    });
    expect(byTitle.get('推动学前教育普及普惠安全优质发展')).toMatchObject({
      line: 197,
      chapter: { number: '五、', title: '推进基础教育高质量发展' },
    });
    expect(byTitle.get('强化高等职业教育主体地位')?.line).toBe(241);
    expect(byTitle.get('健全教育领域风险防控机制')?.line).toBe(447);
    for (const outside of ['发展基础', '主要目标', '基本原则', '明确规划实施责任', '加强规划实施监测评估']) {
      expect(byTitle.has(outside), outside).toBe(false);
    }
    expect(items).toHaveLength(49);
  });

  it('lets the province confirm a task with milestones, and refuses a city, a region outside the plan and a late milestone', async () => {
    const sectionPosition = await sectionOf('推动学前教育普及普惠安全优质发展');
    const input = {
      sectionPosition,
      leadUnit: LEAD,
      partnerUnits: [PARTNER, '省发展改革委'],
      regions: [XINZHOU],
      deadline: '2025-06-30',
      milestones: [
        { title: '印发学前教育扩容实施方案', due: '2024-03-20' },
        { title: '新（改扩）建公办幼儿园开工', due: '2024-09-30' },
        { title: '全部建成并投入使用', due: '2025-06-30' },
      ],
      note: '据《山西省“十四五”教育事业发展规划》任务分工',
    };
    const url = `/api/plans/${planId}/tasks`;
    expect((await request<ErrorBody>('POST', url, city, input)).status).toBe(403);
    const outside = await request<ErrorBody>('POST', url, province, { ...input, regions: ['411200'] });
    expect(outside.body.error).toMatchObject({ code: 'TASK_REGION_OUTSIDE_PLAN', at: { field: 'regions.0' } });
    const unknown = await request<ErrorBody>('POST', url, province, { ...input, regions: ['149999'] });
    expect(unknown.body.error.code).toBe('TASK_REGION_UNKNOWN');
    const late = await request<ErrorBody>('POST', url, province, {
      ...input,
      milestones: [{ title: '验收', due: '2025-12-31' }],
    });
    expect(late.body.error).toMatchObject({ code: 'TASK_MILESTONE_AFTER_DEADLINE', at: { field: 'milestones.0.due' } });
    expect((await request<TaskList>('GET', url, null)).body.items).toHaveLength(0);

    const { status, body } = await request<PresentedTask>('POST', url, province, input);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      title: '推动学前教育普及普惠安全优质发展',
      section: { number: '（一）', title: '推动学前教育普及普惠安全优质发展', line: 197 },
      leadUnit: LEAD,
      partnerUnits: [PARTNER, '省发展改革委'],
      regions: [{ code: XINZHOU, name: '忻州市' }],
      deadline: '2025-06-30',
      progress: 0,
      status: 'not_started',
      lock: 1,
    });
    expect(body.milestones.map((milestone) => [milestone.position, milestone.due, milestone.status])).toEqual([
      [1, '2024-03-20', 'pending'],
      [2, '2024-09-30', 'pending'],
      [3, '2025-06-30', 'pending'],
    ]);
    taskId = body.id;
    const suggestion = (await suggestions()).items.find((item) => item.sectionPosition === sectionPosition);
    expect(suggestion?.taskIds).toEqual([taskId]);
  });

  it('takes the lead unit’s progress and evidence; refuses a stale lock and a unit the task does not name', async () => {
    const report = { progress: 20, note: '已完成摸底调查', lock: 1 };
    const strangers = await progress(stranger, report);
    expect(strangers.status).toBe(403);
    expect(strangers.body.error.code).toBe('UNIT_NOT_RESPONSIBLE');
    expect((await progress(city, report)).status).toBe(403);

    const { status, body } = await progress(lead, report);
    expect(status).toBe(200);
    expect(body).toMatchObject({ progress: 20, status: 'in_progress', lock: 2 });
    const stale = await progress(lead, { progress: 30, lock: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('TASK_CHANGED');
    expect(await task()).toMatchObject({ progress: 20, lock: 2 });

    const file = multipart(
      { name: '扩容方案.pdf', bytes: tinyPdf('山西省学前教育扩容实施方案') },
      { note: '方案印发稿' },
    );
    const upload = await api.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/evidence`,
      payload: file.payload,
      headers: { ...file.headers, cookie: lead },
    });
    expect(upload.statusCode).toBe(201);
    expect(upload.json<PresentedEvidence>()).toMatchObject({ kind: 'file', contentType: 'application/pdf' });
    expect((await task()).evidence).toHaveLength(1);
  });

  it('lists what is due soon, by unit and region', async () => {
    const soon = await due('status=due_soon');
    expect(soon.today).toBe('2024-03-01');
    expect(soon.items.map((item) => [item.kind, item.task.id, item.milestone?.position, item.days])).toEqual([
      ['milestone', taskId, 1, 19],
    ]);
    expect((await due(`status=due_soon&unit=${encodeURIComponent(PARTNER)}`)).items).toHaveLength(1);
    expect((await due(`status=due_soon&unit=${encodeURIComponent('省卫生健康委')}`)).items).toHaveLength(0);
    // The task applies to 忻州: it concerns 忻州, 忻府区 below it and 山西 above it, not 阳泉.
    for (const region of [XINZHOU, XINFU, SHANXI]) {
      expect((await due(`status=due_soon&region=${region}`)).items, region).toHaveLength(1);
    }
    expect((await due('status=due_soon&region=140300')).items).toHaveLength(0);
    expect((await due('status=due_soon&within=365')).items.map((item) => item.milestone?.position)).toEqual([1, 2]);
    expect((await due('status=due_soon&region=149999')).error.code).toBe('REGION_UNKNOWN');
    expect((await due('status=overdue')).items).toHaveLength(0);
  });

  it('lists a late milestone as overdue until it is reported done, then the task itself after its deadline', async () => {
    time = Date.parse('2024-04-05T09:00:00+08:00');
    const overdue = await due(`status=overdue&unit=${encodeURIComponent(LEAD)}&region=${XINZHOU}`);
    expect(overdue.items.map((item) => [item.kind, item.milestone?.title, item.days])).toEqual([
      ['milestone', '印发学前教育扩容实施方案', 16],
    ]);
    const current = await task();
    expect(current.status).toBe('in_progress');
    expect(current.explanation.zh).toContain('1 个里程碑逾期');

    const future = await progress(lead, { milestones: [{ position: 1, doneAt: '2024-04-06' }], lock: 2 });
    expect(future.body.error.code).toBe('TASK_MILESTONE_DONE_IN_FUTURE');
    const done = await progress(lead, { progress: 35, milestones: [{ position: 1, doneAt: '2024-03-28' }], lock: 2 });
    expect(done.body).toMatchObject({ progress: 35, lock: 3 });
    expect(done.body.milestones[0]).toMatchObject({ doneAt: '2024-03-28', status: 'done' });
    expect((await due('status=overdue')).items).toHaveLength(0);

    time = Date.parse('2025-07-05T09:00:00+08:00');
    const late = await due(`status=overdue&region=${XINFU}`);
    expect(late.items.map((item) => [item.kind, item.milestone?.position ?? null, item.due])).toEqual([
      ['milestone', 2, '2024-09-30'],
      ['milestone', 3, '2025-06-30'],
      ['task', null, '2025-06-30'],
    ]);
    expect(late.items[2]?.days).toBe(5);
    expect((await task()).status).toBe('overdue');
  });

  it('lets the province change the task behind its lock, and keeps every step in the history', async () => {
    const change = { deadline: '2025-12-31', note: '省政府同意延期', lock: 3 };
    expect((await request<ErrorBody>('PATCH', `/api/tasks/${taskId}`, city, change)).status).toBe(403);
    const changed = await request<PresentedTask>('PATCH', `/api/tasks/${taskId}`, province, change);
    expect(changed.body).toMatchObject({ deadline: '2025-12-31', lock: 4, status: 'in_progress' });
    const again = await request<ErrorBody>('PATCH', `/api/tasks/${taskId}`, province, change);
    expect(again.body.error.code).toBe('TASK_CHANGED');

    const finished = await progress(lead, {
      progress: 100,
      milestones: [
        { position: 2, doneAt: '2024-09-20' },
        { position: 3, doneAt: '2025-07-01' },
      ],
      note: '全部建成',
      lock: 4,
    });
    expect(finished.body).toMatchObject({ status: 'done', progress: 100 });
    expect((await due('status=overdue')).items).toHaveLength(0);

    const { body } = await request<{ items: PresentedTaskUpdate[] }>('GET', `/api/tasks/${taskId}/history`, null);
    expect(body.items.map((entry) => [entry.action, entry.by, entry.progress])).toEqual([
      ['create', 'shanxi', 0],
      ['progress', LEAD, 20],
      ['evidence', LEAD, 20],
      ['progress', LEAD, 35],
      ['edit', 'shanxi', 35],
      ['progress', LEAD, 100],
    ]);
    expect(body.items[4]).toMatchObject({
      note: '省政府同意延期',
      changes: { deadline: { from: '2025-06-30', to: '2025-12-31' } },
    });
    expect(body.items[3]?.changes).toEqual({
      progress: { from: 20, to: 35 },
      'milestones.1.doneAt': { from: null, to: '2024-03-28' },
    });
  });

  it('applies a task naming no region to the plan’s whole region', async () => {
    time = Date.parse('2024-03-01T09:00:00+08:00');
    const sectionPosition = await sectionOf('牢牢掌握党对教育工作的领导权');
    const created = await request<PresentedTask>('POST', `/api/plans/${planId}/tasks`, province, {
      sectionPosition,
      leadUnit: '省委教育工委',
      deadline: '2024-03-15',
    });
    expect(created.body).toMatchObject({ regions: [], planRegion: SHANXI, deadline: '2024-03-15' });
    const soon = await due(`status=due_soon&region=${XINFU}`);
    expect(soon.items.map((item) => item.task.leadUnit)).toEqual(['省委教育工委']);
    expect((await due('status=due_soon&region=411200')).items).toHaveLength(0);
  });
});
