/**
 * 规划实施清单 through the API: 忻州's commitments and a confirmed task on one list with their units, deadlines and
 * statuses, the units' 红黑榜 by the rule shown, and the same list as a workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans } from '../../src/server.ts';
import type { Checklist } from '../../src/services/checklist.service.ts';
import type { CommitmentList } from '../../src/services/commitment.service.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const KINDERGARTENS = '在全市新（改扩）建35所左右公办幼儿园';

describe.each(testDialects())('the implementation checklist on $kind', (dialect) => {
  let api: ApiFixture;
  let planId = 0;
  let city: string;
  // After 忻州's 2025 deadlines: whatever is not done is overdue.
  const now = { at: Date.parse('2026-02-01T09:00:00+08:00') };

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const request = async <T>(method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) => {
    const response = await api.app.inject({
      method,
      url,
      headers: { cookie: city },
      ...(payload === undefined ? {} : { payload }),
    });
    return {
      status: response.statusCode,
      body: response.json<T>(),
      raw: response.rawPayload,
      headers: response.headers,
    };
  };

  beforeAll(async () => {
    api = await openApi(dialect, { now: () => new Date(now.at) });
    await seedSamplePlans(api.plans);
    city = await api.signedIn('xinzhou', 'city_admin', '140900');
    const plans = await request<{ plans: PlanSummary[] }>('GET', '/api/plans?region=140900');
    planId = plans.body.plans[0]?.id ?? 0;
    const { body } = await request<CommitmentList>('GET', `/api/plans/${String(planId)}/commitments`);
    const kindergartens = body.items.find((item) => item.text === KINDERGARTENS);
    if (kindergartens === undefined) throw new Error('no kindergarten commitment');
    const set = await request('PATCH', `/api/plans/${String(planId)}/commitments/${String(kindergartens.position)}`, {
      responsibleUnit: '忻州市教育局学前教育科',
      achieved: 35,
      lock: kindergartens.lock,
      note: '2025年底统计',
    });
    expect(set.status).toBe(200);
  });
  afterAll(() => api.close());

  it('lists every commitment with its unit, deadline and status, and puts the units on the lists by the rule', async () => {
    const { status, body } = await request<Checklist>('GET', `/api/plans/${String(planId)}/checklist`);
    expect(status).toBe(200);
    const kindergartens = body.rows.find((row) => row.content === KINDERGARTENS);
    expect(kindergartens).toMatchObject({
      kind: 'commitment',
      leadUnit: '忻州市教育局学前教育科',
      status: 'done',
      progress: '35/35所',
    });
    expect(body.rows.filter((row) => row.status === 'overdue').length).toBeGreaterThan(0);
    expect(body.units.leading.map((unit) => unit.unit)).toEqual(['忻州市教育局学前教育科']);
    expect(body.units.ruleText.zh).toContain('黑榜');
  });

  it('gives the same list as a workbook', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/plans/${String(planId)}/checklist?format=xlsx`,
      headers: { cookie: city },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    const sheet = workbook.getWorksheet('规划实施清单');
    expect(sheet?.getCell(1, 1).text).toContain('忻州市“十四五”教育事业发展规划 实施清单');
    const { body } = await request<Checklist>('GET', `/api/plans/${String(planId)}/checklist`);
    expect(sheet?.rowCount).toBe(body.rows.length + 2);
    expect(workbook.getWorksheet('责任单位红黑榜')?.getCell(1, 1).text).toBe(body.units.ruleText.zh);
  });

  it('reports the tracked commitments in the annual report’s section on projects and tasks', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/plans/${String(planId)}/reports/annual?year=2025&format=html`,
      headers: { cookie: city },
    });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    const section = html.slice(html.indexOf('重点工程和任务进展'));
    expect(section).toContain(KINDERGARTENS);
    expect(section).toContain('35/35所');
    expect(section).not.toContain('尚未录入');
  });
});
