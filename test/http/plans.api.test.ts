import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/audit.repository.ts';
import type { AlignedIndicator, PlanAlignment } from '../../src/services/plan.alignment.ts';
import type { PlanDetail, PlanSummary } from '../../src/services/plan.presenter.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { testDialects } from '../db/dialects.ts';
import { SANMENXIA, SHANXI, SHUOZHOU, XINZHOU, YANGQUAN, editedSample, sampleBytes } from '../services/plan.samples.ts';
import { importFile, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const SHANXI_FILES = [XINZHOU, YANGQUAN, SHUOZHOU, SHANXI];

describe.each(testDialects())('the plan API on $kind', (dialect) => {
  let api: ApiFixture;
  let province: string;
  let yangquanAdmin: string;
  let countyReporter: string;
  const ids = new Map<string, number>();
  const idOf = (code: string): number => ids.get(code) ?? Number.NaN;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const get = async <T = unknown>(url: string, cookie?: string): Promise<{ status: number; body: T }> => {
    const response = await api.app.inject({
      method: 'GET',
      url,
      ...(cookie === undefined ? {} : { headers: { cookie } }),
    });
    return { status: response.statusCode, body: response.json<T>() };
  };
  const post = (url: string, cookie: string | null) =>
    api.app.inject({ method: 'POST', url, ...(cookie === null ? {} : { headers: { cookie } }) });
  const patch = (url: string, cookie: string | null, payload: object) =>
    api.app.inject({ method: 'PATCH', url, payload, ...(cookie === null ? {} : { headers: { cookie } }) });

  beforeAll(async () => {
    api = await openApi(dialect);
    province = await api.signedIn('shanxi-admin', 'province_admin', '140000');
    yangquanAdmin = await api.signedIn('yangquan-admin', 'city_admin', '140300');
    countyReporter = await api.signedIn('xinfu-reporter', 'county_reporter', '140902');
    // 山西's province admin imports and publishes 山西's plans; 河南's 三门峡 is outside its province: the system's.
    for (const file of SHANXI_FILES) {
      const response = await importFile(api.app, province, file);
      expect(response.statusCode, file).toBe(201);
      const { plan } = response.json<{ plan: PlanSummary }>();
      ids.set(plan.region.code, plan.id);
      expect((await post(`/api/plans/${plan.id}/publish`, province)).statusCode).toBe(200);
    }
    const { plan } = await api.plans.importDocument(
      { bytes: sampleBytes(SANMENXIA), fileName: SANMENXIA },
      SYSTEM_CONTEXT,
    );
    await api.plans.publish(plan.id, SYSTEM_CONTEXT);
    ids.set('411200', plan.id);
  });
  afterAll(() => api.close());

  it('lists the five published plans to anyone', async () => {
    const { status, body } = await get<{ plans: PlanSummary[] }>('/api/plans');
    expect(status).toBe(200);
    expect(body.plans.map((plan) => plan.region.code).sort()).toEqual([
      '140000',
      '140300',
      '140600',
      '140900',
      '411200',
    ]);
    expect(body.plans.every((plan) => plan.status === 'published')).toBe(true);
  });

  it('gives 忻州’s plan with its 10 indicators, projects and sections, each with its source line', async () => {
    const { status, body } = await get<PlanDetail>(`/api/plans/${idOf('140900')}`);
    expect(status).toBe(200);
    expect(body.indicators).toHaveLength(10);
    expect(body.indicators[0]).toMatchObject({ name: '学前教育毛入园率', line: 44, target: { value: 96.5 } });
    expect(body.projects.length).toBeGreaterThan(0);
    for (const item of [...body.indicators, ...body.projects, ...body.sections]) expect(item.line).toBeGreaterThan(0);
    const source = await get<{ text: string }>(`/api/plans/${idOf('140900')}/source`);
    expect(source.body.text.split('\n')[43]).toContain('学前教育毛入园率');
  });

  it('aligns 忻州 and 阳泉 against 山西 with the alignment module’s verdicts', async () => {
    const verdictOf = (rows: AlignedIndicator[] | null, name: string) =>
      rows?.find((row) => row.name === name)?.verdict;
    const xinzhou = await get<PlanAlignment>(`/api/plans/${idOf('140900')}/alignment`);
    expect(xinzhou.body.parent?.id).toBe(idOf('140000'));
    expect(verdictOf(xinzhou.body.againstParent, '学前教育毛入园率')).toBe('aligned');
    expect(verdictOf(xinzhou.body.againstParent, '普通高中在校生')).toBe('not-comparable');
    const yangquan = await get<PlanAlignment>(`/api/plans/${idOf('140300')}/alignment`);
    expect(verdictOf(yangquan.body.againstParent, '学前教育毛入园率')).toBe('less-ambitious');
    const sanmenxia = await get<PlanAlignment>(`/api/plans/${idOf('411200')}/alignment`);
    expect(sanmenxia.body.againstReference).toHaveLength(15);
  });

  it('shows 阳泉’s 6695 人 in the catalogue’s unit: 0.6695 万人', async () => {
    const { body } = await get<PlanDetail>(`/api/plans/${idOf('140300')}`);
    const row = body.indicators.find((indicator) => indicator.name.startsWith('中等职业教育在校生'));
    expect(row).toMatchObject({ unit: '人', baseline: { value: 6695 } });
    expect(row?.match.canonical).toMatchObject({ unit: '万人', baseline: 0.6695 });
  });

  it('returns the stored plan for the same file: 200 the second time, no new version', async () => {
    const again = await importFile(api.app, province, XINZHOU);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, plan: { id: idOf('140900'), version: 1 } });
  });

  it('refuses writes without a session with 401 and the error shape', async () => {
    const response = await importFile(api.app, null, XINZHOU);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: { zh: '请先登录', en: 'Sign in first' }, at: {} },
    });
    expect((await post(`/api/plans/${idOf('140900')}/publish`, null)).statusCode).toBe(401);
    expect((await patch(`/api/plans/${idOf('140900')}/indicators/1`, null, {})).statusCode).toBe(401);
  });

  it('keeps a draft to those who may read it, and its review to those the matrix allows', async () => {
    const revised = editedSample(XINZHOU, '\t96.50\n', '\t97.00\n');
    const created = await importFile(api.app, province, 'xinzhou-v2.txt', { bytes: revised });
    expect(created.statusCode).toBe(201);
    const draft = created.json<{ plan: PlanSummary }>().plan;
    expect(draft).toMatchObject({ status: 'draft', version: 2 });

    expect((await get(`/api/plans/${draft.id}`)).status).toBe(404);
    expect((await get(`/api/plans/${draft.id}`, province)).status).toBe(200);
    expect((await get<{ plans: PlanSummary[] }>('/api/plans')).body.plans.map((p) => p.id)).not.toContain(draft.id);
    expect((await get<{ plans: PlanSummary[] }>('/api/plans', province)).body.plans.map((p) => p.id)).toContain(
      draft.id,
    );

    const forbidden = await patch(`/api/plans/${draft.id}/indicators/1`, yangquanAdmin, {});
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await patch(`/api/plans/${draft.id}/indicators/1`, countyReporter, {})).statusCode).toBe(403);
    expect((await patch(`/api/plans/${draft.id}`, countyReporter, { regionCode: '140902' })).statusCode).toBe(403);
    expect(
      (await importFile(api.app, countyReporter, 'other.txt', { bytes: editedSample(XINZHOU, '\t95\n', '\t94\n') }))
        .statusCode,
    ).toBe(403);
    expect((await post(`/api/plans/${draft.id}/publish`, yangquanAdmin)).statusCode).toBe(403);

    const reviewed = await patch(`/api/plans/${draft.id}/indicators/1`, province, { target: { value: 97.5 } });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ reviewed: true, target: { value: 97.5 } });
    const moved = await patch(`/api/plans/${draft.id}`, province, { period: { start: 2026, end: 2030 } });
    expect(moved.json()).toMatchObject({ period: { start: 2026, end: 2030 } });
    const published = await post(`/api/plans/${draft.id}/publish`, province);
    expect(published.json()).toMatchObject({ status: 'published' });
  });

  it('writes every change to the audit log: who, what, before and after', async () => {
    const entries = await auditRepository(api.database.db).list({ entity: 'plan', limit: 100 });
    const actions = entries.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'plan.import')).toHaveLength(6);
    expect(actions.filter((action) => action === 'plan.publish')).toHaveLength(6);
    expect(actions).toContain('plan.set_period');
    const review = await auditRepository(api.database.db).list({ entity: 'plan_indicator', limit: 10 });
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ action: 'plan.review_indicator', region_code: '140900' });
    expect(review[0]?.actor_user_id).not.toBeNull();
    expect(review[0]?.before).toMatchObject({ target: { value: 97 } });
    expect(review[0]?.after).toMatchObject({ target: { value: 97.5 } });
    // The refused attempts changed nothing, so they left no entry.
    expect(entries.every((entry) => entry.actor_user_id === null || entry.region_code?.startsWith('14'))).toBe(true);
  });

  it('answers a bad request with 400 and the field at fault', async () => {
    const badId = await get<{ error: { code: string; at: { field?: string } } }>('/api/plans/abc');
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatchObject({ code: 'REQUEST_INVALID', at: { field: 'id' } });
    const noFile = await api.app.inject({
      method: 'POST',
      url: '/api/plans/import',
      headers: { cookie: province, 'content-type': 'application/json' },
      payload: {},
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ error: { code: 'REQUEST_INVALID', at: { field: 'file' } } });
    const badRow = await patch(`/api/plans/${idOf('140900')}/indicators/1`, province, { target: { value: 'high' } });
    expect(badRow.json()).toMatchObject({ error: { code: 'REQUEST_INVALID', at: { field: 'target.value' } } });
    expect((await get('/api/plans/999999')).status).toBe(404);
  });
});
