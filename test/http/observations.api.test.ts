/**
 * Monitoring data through the API, on each engine: a county fills in its XLSX template and submits it, its city
 * approves, the province publishes, and the city and province aggregates follow with their completeness; a file with
 * one bad row stores nothing; a correction keeps both versions; two reviewers racing leave one winner; the public
 * reads published figures only, and for 山西省 the real published statistics with their sources.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import type { AggregateReport, DataSet } from '../../src/services/observation.queries.ts';
import type { PresentedObservation, PresentedVersion } from '../../src/services/observation.presenter.ts';
import type { ReportResult } from '../../src/services/observation.service.ts';
import type { ErrorBody } from '../../src/http/errors.ts';
import type { JobView } from '../../src/services/jobs.ts';
import { testDialects } from '../db/dialects.ts';
import { multipart, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const XINFU = '140902';
const DINGXIANG = '140921';
const XINZHOU = '140900';
const SHANXI = '140000';
const YEAR = 2024;

describe.each(testDialects())('monitoring data through the API on $kind', (dialect) => {
  let api: ApiFixture;
  let county: string;
  let otherCounty: string;
  let city: string;
  let otherCity: string;
  let province: string;

  // The fixture's request, bound once the fixture opens.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const request = <T>(...args: Parameters<ApiFixture['request']>) => api.request<T>(...args);

  const upload = async (cookie: string, name: string, bytes: Uint8Array, submit: boolean) => {
    const body = multipart({ name, bytes }, { submit: String(submit) });
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/observations/import',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    return { status: response.statusCode, body: response.json<ReportResult & ErrorBody>() };
  };

  /** The county's template with values typed into 本年数值 by indicator code, as a person fills it in. */
  const filledTemplate = async (cookie: string, region: string, values: Record<string, number | string>) => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/templates?region=${region}&year=${YEAR}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    const sheet = workbook.getWorksheet('填报');
    if (sheet === undefined) throw new Error('no 填报 sheet');
    const header = sheet.getRow(1);
    const columnOf = (title: string): number => {
      let found = 0;
      header.eachCell((cell, column) => {
        if (cell.text.startsWith(title)) found = column;
      });
      return found;
    };
    const codeColumn = columnOf('指标代码');
    const valueColumn = columnOf('本年数值');
    const filled = new Set<string>();
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const code = row.getCell(codeColumn).text;
      const value = values[code];
      if (value !== undefined) {
        row.getCell(valueColumn).value = value;
        filled.add(code);
      }
    });
    expect([...filled].sort()).toEqual(Object.keys(values).sort());
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };

  const figure = async (cookie: string | null, region: string, indicator: string, year = YEAR) => {
    const { body } = await request<{ items: PresentedObservation[] }>(
      'GET',
      `/api/observations?region=${region}&indicator=${indicator}&year=${year}`,
      cookie,
    );
    return body.items[0];
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    await seedSampleStatistics(api.database.db);
    county = await api.signedIn('xinfu', 'county_reporter', XINFU);
    otherCounty = await api.signedIn('dingxiang', 'county_reporter', DINGXIANG);
    city = await api.signedIn('xinzhou', 'city_admin', XINZHOU);
    otherCity = await api.signedIn('yangquan', 'city_admin', '140300');
    province = await api.signedIn('shanxi', 'province_admin', SHANXI);
  }, 120_000);
  afterAll(() => api.close());

  it('returns 山西省 real published figures with their sources to the public', async () => {
    const { status, body } = await request<{ items: PresentedObservation[] }>(
      'GET',
      `/api/observations?region=${SHANXI}`,
      null,
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(15);
    for (const item of body.items) {
      expect(item).toMatchObject({ region: SHANXI, status: 'published', origin: 'statistics' });
      expect(item.source).toMatch(/^(https?:|[\w.-]+\/[\w.-]+:)/);
      expect(item.quote).not.toBe('');
    }
    // A lower bound is shown as one: 义务教育学龄儿童净入学率 "保持在99.8%以上".
    const bound = body.items.find((item) => item.qualifier === 'at_least');
    expect(bound?.display.zh).toMatch(/^至少 /);
    // 96% in 2024 was read from a report dated 2024-12: the year is an inference, and says so.
    const inferred = body.items.find(
      (item) => item.indicator === 'preschool-gross-enrolment-rate' && item.year === 2024,
    );
    expect(inferred).toMatchObject({
      value: 96,
      caveats: [{ zh: expect.stringContaining('年份据报道日期推定') as unknown }],
    });
  });

  it('flags a series break instead of smoothing it', async () => {
    const { body } = await request<{ items: PresentedObservation[] }>(
      'GET',
      '/api/observations?region=000000&indicator=dual-qualified-teacher-share',
      null,
    );
    const byYear = new Map(body.items.map((item) => [item.year, item]));
    expect(byYear.get(2020)?.seriesBreak).toBeNull();
    expect(byYear.get(2021)?.seriesBreak?.zh).toMatch(/2021年起分母为专业（技能）课程专任教师/);
    expect([byYear.get(2020)?.value, byYear.get(2021)?.value]).toEqual([30.87, 55.51]);
  });

  it('answers the national reference series under 全国 (000000)', async () => {
    const { body } = await request<{ items: PresentedObservation[] }>(
      'GET',
      '/api/observations?region=000000&indicator=preschool-gross-enrolment-rate',
      null,
    );
    expect(body.items.map((item) => [item.year, item.value])).toContainEqual([2022, 89.7]);
  });

  it('lets a county submit its XLSX template, its city approve and the province publish, with aggregates following', async () => {
    const { body: dataSet } = await request<DataSet>('GET', `/api/datasets?region=${XINFU}&year=${YEAR}`, county);
    const codes = dataSet.items.map((item) => item.indicator);
    expect(codes).toEqual(
      expect.arrayContaining(['preschool-gross-enrolment-rate', 'kindergarten-children', 'population-aged-3-5']),
    );

    const bytes = await filledTemplate(county, XINFU, { 'kindergarten-children': 9_120, 'population-aged-3-5': 9_600 });
    const stored = await upload(county, '忻府区2024.xlsx', bytes, true);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ created: 2, submitted: 2 });

    // Before approval the public sees nothing of it, and the city sees it submitted.
    expect(await figure(null, XINFU, 'kindergarten-children')).toBeUndefined();
    const submitted = await figure(city, XINFU, 'kindergarten-children');
    expect(submitted).toMatchObject({ status: 'submitted', value: 9_120, origin: 'file' });

    // The county cannot approve its own figures; another city cannot approve 忻州's.
    const target = { action: 'approve', items: stored.body.items.map(({ id, lock }) => ({ id, lock })) };
    expect((await request('POST', '/api/observations/workflow', county, target)).status).toBe(403);
    expect((await request('POST', '/api/observations/workflow', otherCity, target)).status).toBe(403);
    const approved = await request<{ items: { lock: number }[] }>('POST', '/api/observations/workflow', city, target);
    expect(approved.status).toBe(200);

    // The city's aggregate: 在园幼儿数 ÷ 3-5周岁人口 of the one county that reported, of 14.
    const { body: cityView } = await request<AggregateReport>(
      'GET',
      `/api/aggregates?region=${XINZHOU}&year=${YEAR}&indicator=preschool-gross-enrolment-rate`,
      city,
    );
    expect(cityView.basis).toBe('approved');
    expect(cityView.items[0]).toMatchObject({
      method: 'ratio-of-sums',
      computed: 95,
      numerator: 9_120,
      denominator: 9_600,
      completeness: { reporting: 1, expected: 14 },
    });

    // The city cannot publish; the province can, and then everybody sees the figure and the aggregates.
    const publish = {
      action: 'publish',
      items: stored.body.items.map(({ id }, index) => ({ id, lock: approved.body.items[index]?.lock ?? 0 })),
    };
    expect((await request('POST', '/api/observations/workflow', city, publish)).status).toBe(403);
    expect((await request('POST', '/api/observations/workflow', province, publish)).status).toBe(200);
    expect(await figure(null, XINFU, 'kindergarten-children')).toMatchObject({ status: 'published', value: 9_120 });
    const { body: provinceView } = await request<AggregateReport>(
      'GET',
      `/api/aggregates?region=${SHANXI}&year=${YEAR}&indicator=kindergarten-children`,
      null,
    );
    expect(provinceView.basis).toBe('published');
    expect(provinceView.items[0]).toMatchObject({
      method: 'sum',
      computed: 9_120,
      completeness: { reporting: 1, expected: 11 },
    });
    const xinzhou = provinceView.items[0]?.children.find((child) => child.regionCode === XINZHOU);
    expect(xinzhou).toMatchObject({ computed: 9_120, completeness: { reporting: 1, expected: 14 } });
  });

  it('stores nothing from a file with one bad row, and names the row and column', async () => {
    // More primary-age children enrolled than primary-age children: 小学净入学率 above 100%, which it cannot be.
    const bytes = await filledTemplate(otherCounty, DINGXIANG, {
      'kindergarten-children': 4_000,
      'population-aged-3-5': 4_300,
      'primary-age-enrolled': 4_100,
      'primary-age-population': 4_000,
    });
    const refused = await upload(otherCounty, '定襄县2024.xlsx', bytes, false);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('DATA_REJECTED');
    const [detail] = refused.body.error.details ?? [];
    expect(detail).toMatchObject({
      code: 'NUMERATOR_ABOVE_DENOMINATOR',
      at: { file: '定襄县2024.xlsx', sheet: '填报' },
    });
    expect(detail?.at.row).toBeGreaterThan(1);
    expect(detail?.at.column).toMatch(/本年数值/);
    expect(refused.body.error.details).toHaveLength(1);
    expect(refused.body.error.message.zh).toContain('未保存任何数据');
    expect(await figure(otherCounty, DINGXIANG, 'population-aged-3-5')).toBeUndefined();
    expect(await figure(otherCounty, DINGXIANG, 'kindergarten-children')).toBeUndefined();
  });

  it('imports a file as a job the caller follows, whose error lists every problem', async () => {
    const bytes = await filledTemplate(otherCounty, DINGXIANG, {
      'primary-age-enrolled': 4_100,
      'primary-age-population': 4_000,
    });
    const body = multipart({ name: '定襄县-job.xlsx', bytes }, { submit: 'false' });
    const started = await api.app.inject({
      method: 'POST',
      url: '/api/observations/import-jobs',
      payload: body.payload,
      headers: { ...body.headers, cookie: otherCounty },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json<JobView>();
    let job = started.json<JobView>();
    for (let tries = 0; tries < 500 && (job.status === 'queued' || job.status === 'running'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await request<JobView>('GET', `/api/jobs/${id}`, otherCounty)).body;
    }
    expect(job).toMatchObject({ status: 'failed', error: { code: 'DATA_REJECTED' } });
    expect(job.error?.details[0]).toMatchObject({ code: 'NUMERATOR_ABOVE_DENOMINATOR', at: { sheet: '填报' } });
    // Somebody else's job is not theirs to read.
    expect((await request('GET', `/api/jobs/${id}`, county)).status).toBe(404);
  });

  it('keeps both versions when an approved figure is corrected, and asks for approval again', async () => {
    const sent = await request<ReportResult>('POST', '/api/observations', county, {
      items: [
        { region: XINFU, indicator: '学前教育毛入园率', year: 2023, value: 93.5, source: '忻府区教育局统计年报' },
      ],
      submit: true,
    });
    expect(sent.status).toBe(201);
    const [item] = sent.body.items;
    if (item === undefined) throw new Error('nothing stored');
    const approved = await request<{ lock: number }>('POST', `/api/observations/${item.id}/approve`, city, {
      lock: item.lock,
    });
    expect(approved.status).toBe(200);

    const withoutReason = await request<ErrorBody>('POST', '/api/observations', county, {
      items: [{ region: XINFU, indicator: 'preschool-gross-enrolment-rate', year: 2023, value: 94.5 }],
    });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.error.details?.[0]?.code).toBe('CORRECTION_NEEDS_REASON');

    const corrected = await request<ReportResult>('POST', '/api/observations', county, {
      items: [
        {
          region: XINFU,
          indicator: 'preschool-gross-enrolment-rate',
          year: 2023,
          value: 94.5,
          reason: '漏报两所民办园',
        },
      ],
      submit: true,
    });
    expect(corrected.body).toMatchObject({ corrected: 1, items: [{ status: 'submitted', version: 2 }] });
    const { body: history } = await request<{ versions: PresentedVersion[] }>(
      'GET',
      `/api/observations/${item.id}/history`,
      city,
    );
    expect(history.versions.map((version) => [version.version, version.value])).toEqual([
      [2, 94.5],
      [1, 93.5],
    ]);
    expect(history.versions[0]?.reason).toBe('漏报两所民办园');
    expect(history.versions[1]?.events.map((event) => [event.action, event.by])).toEqual([
      ['create', 'xinfu'],
      ['submit', 'xinfu'],
      ['approve', 'xinzhou'],
    ]);
  });

  it('lets one of two reviewers approving at once win, and tells the other', async () => {
    const sent = await request<ReportResult>('POST', '/api/observations', county, {
      items: [{ region: XINFU, indicator: 'kindergarten-children', year: 2023, value: 9_050 }],
      submit: true,
    });
    const [item] = sent.body.items;
    if (item === undefined) throw new Error('nothing stored');
    const results = await Promise.all([
      request<ErrorBody>('POST', `/api/observations/${item.id}/approve`, city, { lock: item.lock }),
      request<ErrorBody>('POST', `/api/observations/${item.id}/return`, province, {
        lock: item.lock,
        reason: '请核对',
      }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409);
    expect(loser?.body.error.code).toBe('OBSERVATION_CHANGED');
    const { body: history } = await request<{ versions: PresentedVersion[] }>(
      'GET',
      `/api/observations/${item.id}/history`,
      province,
    );
    // Exactly one review step was recorded after the submission: nothing lost, nothing doubled.
    expect(
      history.versions[0]?.events.map((event) => event.action).filter((a) => a !== 'create' && a !== 'submit'),
    ).toHaveLength(1);
  });

  it('refuses every bad figure of a batch at once, each with its item and column, and stores none', async () => {
    const sent = await request<ErrorBody>('POST', '/api/observations', county, {
      items: [
        { region: XINFU, indicator: 'kindergarten-children', year: 2021, value: 8_800 },
        { region: '149999', indicator: 'kindergarten-children', year: 2021, value: 1 },
        { region: XINFU, indicator: '幼儿园快乐指数', year: 2021, value: 1 },
        { region: XINFU, indicator: 'primary-net-enrolment-rate', year: 2021, value: 100.6 },
        { region: XINFU, indicator: 'preschool-gross-enrolment-rate', year: 2021, value: 95, unit: '人' },
        { region: XINFU, indicator: 'population-aged-3-5', year: 2030, value: 9_000 },
        { region: XINFU, indicator: 'kindergarten-children', year: 2021, value: 8_900 },
      ],
    });
    expect(sent.status).toBe(400);
    expect(sent.body.error.details?.map((detail) => [detail.at.item, detail.code, detail.at.column])).toEqual([
      [1, 'UNKNOWN_REGION', 'items.1.region'],
      [2, 'UNKNOWN_INDICATOR', 'items.2.indicator'],
      [3, 'VALUE_OUT_OF_RANGE', 'items.3.value'],
      [4, 'UNIT_MISMATCH', 'items.4.unit'],
      [5, 'YEAR_OUTSIDE_PERIOD', 'items.5.year'],
      [6, 'DUPLICATE_FIGURE', 'items.6.indicator'],
    ]);
    expect(await figure(county, XINFU, 'kindergarten-children', 2021)).toBeUndefined();
  });

  it('asks for a comment on a jump from last year, and takes the figure with one', async () => {
    const first = await request<ReportResult>('POST', '/api/observations', county, {
      items: [{ region: XINFU, indicator: 'population-aged-3-5', year: 2022, value: 10_000 }],
    });
    expect(first.status).toBe(201);
    const jump = { region: XINFU, indicator: 'population-aged-3-5', year: 2023, value: 13_000 };
    const refused = await request<ErrorBody>('POST', '/api/observations', county, { items: [jump] });
    expect(refused.body.error.details?.[0]).toMatchObject({
      code: 'JUMP_NEEDS_COMMENT',
      at: { column: 'items.0.comment' },
    });
    const taken = await request<ReportResult>('POST', '/api/observations', county, {
      items: [{ ...jump, comment: '2023年人口普查口径调整，适龄人口重新核定' }],
    });
    expect(taken.status).toBe(201);
    expect(taken.body.warnings[0]?.code).toBe('JUMP_FROM_LAST_YEAR');
    // Sent again unchanged, nothing new is stored.
    const again = await request<ReportResult>('POST', '/api/observations', county, {
      items: [{ ...jump, comment: '2023年人口普查口径调整，适龄人口重新核定' }],
    });
    expect(again.body).toMatchObject({ created: 0, revised: 0, unchanged: 1 });
  });

  it('refuses to change a figure under review until it is returned, with the reason shown to the reporter', async () => {
    const sent = await request<ReportResult>('POST', '/api/observations', county, {
      items: [{ region: XINFU, indicator: 'primary-net-enrolment-rate', year: 2022, value: 99.9 }],
      submit: true,
    });
    const [item] = sent.body.items;
    if (item === undefined) throw new Error('nothing stored');
    const change = { items: [{ region: XINFU, indicator: 'primary-net-enrolment-rate', year: 2022, value: 99.95 }] };
    const refused = await request<ErrorBody>('POST', '/api/observations', county, change);
    expect(refused.body.error.details?.[0]?.code).toBe('OBSERVATION_UNDER_REVIEW');
    const noReason = await request<ErrorBody>('POST', `/api/observations/${item.id}/return`, city, { lock: item.lock });
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    expect(
      (
        await request('POST', `/api/observations/${item.id}/return`, city, {
          lock: item.lock,
          reason: '与学籍系统不符',
        })
      ).status,
    ).toBe(200);
    expect(await figure(county, XINFU, 'primary-net-enrolment-rate', 2022)).toMatchObject({
      status: 'draft',
      returnReason: '与学籍系统不符',
    });
    expect((await request<ReportResult>('POST', '/api/observations', county, change)).body.revised).toBe(1);
  });

  it('refuses figures without an account, and a county reporting for another county', async () => {
    const payload = { items: [{ region: XINFU, indicator: 'kindergarten-children', year: 2022, value: 9_000 }] };
    expect((await request('POST', '/api/observations', null, payload)).status).toBe(401);
    expect((await request('POST', '/api/observations', otherCounty, payload)).status).toBe(403);
  });
});
