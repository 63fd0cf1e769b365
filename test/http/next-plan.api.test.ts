/**
 * The next plan's draft target table for 忻州: the published 2025 figures as new baselines, the trend projected to
 * 2030, gaps written as gaps, no parent target while 山西's next plan is not published; and the same table as the
 * workbook and Word file planners edit.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import type { NextPlanDraft } from '../../src/services/next-plan.service.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('the next plan’s draft targets on $kind', (dialect) => {
  let api: ApiFixture;
  let url = '';

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    await seedSampleStatistics(api.database.db);
    const response = await api.app.inject({ method: 'GET', url: '/api/plans?region=140900' });
    url = `/api/plans/${String(response.json<{ plans: PlanSummary[] }>().plans[0]?.id)}/next-plan`;
  });
  afterAll(() => api.close());

  it('takes 2025 as the new baseline, projects the trend to 2030 and leaves gaps as gaps', async () => {
    const response = await api.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    const draft = response.json<NextPlanDraft>();
    expect(draft.nextPeriod).toEqual({ start: 2026, end: 2030 });
    expect(draft.parentPlan).toBeNull();
    const preschool = draft.rows.find((row) => row.name === '学前教育毛入园率');
    // 95 (2020) → 98 (2025, published): (98/95)^(1/5) − 1 a year, five more years: 98 × 98/95 = 101.09.
    expect(preschool?.newBaseline).toMatchObject({ year: 2025, value: 98, provenance: 'reported' });
    expect(preschool?.projection?.value).toBeCloseTo((98 * 98) / 95, 2);
    expect(preschool?.projection?.method).toBe('compound');
    const highSchool = draft.rows.find((row) => row.name === '普通高中在校生');
    expect(highSchool).toMatchObject({ newBaseline: null, projection: null, parentTarget: null });
    expect(highSchool?.reason?.zh).toContain('尚无监测数据');
    expect(draft.rows).toHaveLength(10);
  });

  it('writes the workbook with only the new-target and note columns open, and the Word table', async () => {
    const xlsx = await api.app.inject({ method: 'GET', url: `${url}?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.getWorksheet('主要指标草案');
    expect(sheet?.getCell(1, 1).text).toBe('忻州市“十五五”教育事业发展主要指标（草案）');
    const headers = sheet?.getRow(2).values as unknown[];
    const target = headers.indexOf('拟定目标值');
    const baseline = headers.indexOf('新基期值');
    // exceljs types a cell's protection as always present, but a cell left at the sheet's default has none.
    const lockOf = (column: number): boolean | undefined => {
      const protection: { locked?: boolean } | undefined = sheet?.getCell(3, column).protection;
      return protection?.locked;
    };
    expect(lockOf(target)).toBe(false);
    expect(lockOf(baseline)).not.toBe(false);
    const preschoolRow = sheet?.getRows(3, 10)?.find((row) => row.getCell(3).text === '学前教育毛入园率');
    expect(preschoolRow?.getCell(baseline).text).toBe('98（2025）');

    const docx = await api.app.inject({ method: 'GET', url: `${url}?format=docx` });
    expect(docx.statusCode).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain('忻州市“十五五”教育事业发展主要指标（草案）');
    expect(text).toContain('学前教育毛入园率');
  });
});
