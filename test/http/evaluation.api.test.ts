/**
 * Evaluation through the API on each engine: the real 山西 plan judged on the real published statistics, a city's
 * indicator judged on what its counties reported, a binding indicator behind raising the red line, and the cities of
 * 山西 ranked with their move since the year before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { PlanProgress, PlanRegionLists, Rankings } from '../../src/services/evaluation.service.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('evaluation through the API on $kind', (dialect) => {
  let api: ApiFixture;
  const planOf = new Map<string, number>();

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const get = async <T>(url: string, cookie?: string): Promise<{ status: number; body: T }> => {
    const response = await api.app.inject({
      method: 'GET',
      url,
      ...(cookie === undefined ? {} : { headers: { cookie } }),
    });
    return { status: response.statusCode, body: response.json<T>() };
  };

  /** Figures stored, approved and published by the installation, as a province would after review. */
  const publish = async (items: { region: string; subject: string; year: number; value: number }[]) => {
    const result = await api.observations.report(
      {
        origin: 'api',
        submit: true,
        figures: items.map((item, index) => ({
          at: { item: index },
          columns: {},
          ...item,
          source: '测试数据（非真实）',
        })),
      },
      SYSTEM_CONTEXT,
    );
    const approved = await api.observations.act('approve', result.items, null, SYSTEM_CONTEXT);
    await api.observations.act('publish', approved.items, null, SYSTEM_CONTEXT);
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    await seedSampleStatistics(api.database.db);
    const { body } = await get<{ plans: PlanSummary[] }>('/api/plans');
    for (const plan of body.plans) planOf.set(plan.region.code, plan.id);
  });
  afterAll(() => api.close());

  it('judges 山西’s 学前教育毛入园率 on the published 96% of 2024 as 快于预期, and explains it', async () => {
    const { status, body } = await get<PlanProgress>(`/api/plans/${String(planOf.get('140000'))}/progress?year=2024`);
    expect(status).toBe(200);
    expect(body.basis).toBe('published');
    const preschool = body.items.find((item) => item.name === '学前教育毛入园率');
    expect(preschool?.latest).toMatchObject({ year: 2024, value: 96, provenance: 'reported' });
    expect(preschool?.assessment).toMatchObject({ status: 'ahead', label: { zh: '快于预期' }, redLine: false });
    expect(preschool?.assessment.explanation.zh).toContain('2025年预计达到');
    // "突破100万" below a 126万 baseline claims nothing; no figure at all is 数据不足, never a guess.
    const higher = body.items.find((item) => item.name === '高等教育在学总规模');
    expect(higher?.assessment).toMatchObject({ status: 'insufficient_data', lowerBound: true });
    expect(body.summary.total).toBe(body.items.length);
    expect(Object.values(body.summary.byStatus).reduce((a, b) => a + b, 0)).toBe(body.items.length);
  });

  it('answers without a year for the latest year with data, each item with its status, label and explanation', async () => {
    const { body } = await get<PlanProgress>(`/api/plans/${String(planOf.get('140000'))}/progress`);
    expect(body.year).toBe(2025);
    const preschool = body.items.find((item) => item.indicator === 'preschool-gross-enrolment-rate');
    expect(preschool).toMatchObject({ region: '140000', year: 2025, status: 'ahead', label: { zh: '快于预期' } });
    // "突破100万" against a baseline of 126万 cannot decide anything, and says so.
    const higher = body.items.find((item) => item.indicator === 'higher-education-total-enrolment');
    expect(higher?.status).toBe('insufficient_data');
    expect(higher?.explanation.zh).toContain('不能据此判断倒退');
  });

  it('judges a city on what its counties reported, and a binding indicator behind with the red line', async () => {
    await publish([
      { region: '140902', subject: 'kindergarten-children', year: 2024, value: 9_700 },
      { region: '140902', subject: 'population-aged-3-5', year: 2024, value: 10_000 },
      { region: '140921', subject: 'kindergarten-children', year: 2024, value: 4_900 },
      { region: '140921', subject: 'population-aged-3-5', year: 2024, value: 5_000 },
      { region: '140900', subject: 'working-age-years-of-schooling', year: 2024, value: 10.7 },
    ]);
    const { body } = await get<PlanProgress>(`/api/plans/${String(planOf.get('140900'))}/progress?year=2024`);
    const preschool = body.items.find((item) => item.name === '学前教育毛入园率');
    // (9,700 + 4,900) ÷ (10,000 + 5,000) = 97.33%, from two counties: above the 96.5% target. The figure says it
    // stands on 2 of 忻州's 14 counties, so nobody reads it as the whole city's.
    expect(preschool?.latest).toMatchObject({
      year: 2024,
      provenance: 'computed',
      coverage: { reporting: 2, expected: 14 },
    });
    expect(preschool?.latest?.value).toBeCloseTo(97.333333, 5);
    expect(preschool?.assessment.status).toBe('achieved_early');
    const schooling = body.items.find((item) => item.name === '劳动年龄人口平均受教育年限');
    expect(schooling?.attribute).toBe('binding');
    expect(schooling?.assessment).toMatchObject({ status: 'far_behind', redLine: true });
    expect(body.summary.redLines).toBe(1);
  });

  it('judges a county against the plan’s targets from its own baseline, and refuses a region outside the plan', async () => {
    const plan = String(planOf.get('140900'));
    const { body } = await get<PlanProgress>(`/api/plans/${plan}/progress?year=2024&region=140902`);
    const preschool = body.items.find((item) => item.name === '学前教育毛入园率');
    // A county's rate follows from its own two elements: no regions below to count.
    expect(preschool?.latest).toMatchObject({ value: 97, provenance: 'computed', coverage: null });
    // 忻府区 has no 2020 figure of its own: nothing to judge from.
    expect(preschool?.assessment).toMatchObject({ status: 'insufficient_data', insufficientReason: 'no-baseline' });
    expect((await get(`/api/plans/${plan}/progress?year=2024&region=140300`)).status).toBe(400);
  });

  it('ranks 山西’s cities on 学前教育毛入园率 with their move since last year, leaving the rest unranked', async () => {
    await publish([
      { region: '140100', subject: 'preschool-gross-enrolment-rate', year: 2024, value: 98.5 },
      { region: '140500', subject: 'preschool-gross-enrolment-rate', year: 2024, value: 97 },
    ]);
    const plan = String(planOf.get('140000'));
    const { status, body } = await get<Rankings>(`/api/plans/${plan}/indicators/1/rankings?year=2025`);
    expect(status).toBe(200);
    // 2025 as published: 晋城 99.2, 忻州 98 (real-stats.csv); 2024: 太原 98.5, 晋城 97, 忻州 97.33 computed.
    expect(body.items.map((item) => [item.regionName, item.value, item.rank, item.previousRank, item.change])).toEqual([
      ['晋城市', 99.2, 1, 3, 2],
      ['忻州市', 98, 2, 2, 0],
    ]);
    expect(body.missing.map((region) => region.regionName)).toContain('太原市');
  });

  it('puts no city on the red or black list without enough data, and publishes the rule', async () => {
    const { status, body } = await get<PlanRegionLists>(
      `/api/plans/${String(planOf.get('140000'))}/region-lists?year=2025`,
    );
    expect(status).toBe(200);
    expect(body.leading).toEqual([]);
    expect(body.lagging).toEqual([]);
    expect(body.insufficient).toHaveLength(11);
    expect(body.ruleText.zh).toContain('红榜');
  });
});
