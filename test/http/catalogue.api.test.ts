import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/audit.repository.ts';
import type { IndicatorView } from '../../src/services/catalogue.service.ts';
import type { PlanDetail, PlanSummary, PresentedIndicator } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { XINZHOU, YANGQUAN, editedSample } from '../services/plan.samples.ts';
import { importFile, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

// A row no built-in entry stands for, printed in place of 初中净入学率 (one row in each plan).
const UNKNOWN = '城乡学校结对帮扶覆盖率';
const NEW_ENTRY = {
  name: '城乡义务教育学校结对帮扶覆盖率',
  nameEn: 'Urban-rural school pairing coverage',
  unit: '%',
  direction: 'increase',
  kind: 'ratio',
} as const;

describe.each(testDialects())('catalogue entries added on review, on $kind', (dialect) => {
  let api: ApiFixture;
  let province: string;
  let cityAdmin: string;
  let countyReporter: string;
  let planId: number;
  let rowNo: number;

  const patchRow = (cookie: string, payload: object, row = rowNo) =>
    api.app.inject({ method: 'PATCH', url: `/api/plans/${planId}/indicators/${row}`, payload, headers: { cookie } });
  const importEdited = async (file: string): Promise<PresentedIndicator | undefined> => {
    const bytes = editedSample(file, '初中净入学率', UNKNOWN);
    const response = await importFile(api.app, province, file, { bytes });
    expect(response.statusCode, response.body).toBe(201);
    const { plan } = response.json<{ plan: PlanSummary }>();
    const detail = await api.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: { cookie: province } });
    return detail.json<PlanDetail>().indicators.find((row) => row.name.includes('结对帮扶'));
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    province = await api.signedIn('shanxi-admin', 'province_admin', '140000');
    cityAdmin = await api.signedIn('xinzhou-admin', 'city_admin', '140900');
    countyReporter = await api.signedIn('xinfu-reporter', 'county_reporter', '140902');
  });
  afterAll(() => api.close());

  it('shows an unknown row unmatched, with candidates for the reviewer', async () => {
    const row = await importEdited(XINZHOU);
    expect(row).toMatchObject({ name: UNKNOWN, match: { method: 'none', catalogueId: null }, reviewed: false });
    expect(row?.match.candidates.length).toBeGreaterThan(0);
    planId = Number((await api.plans.listPlans({ regionCode: '140900' }, 'system'))[0]?.id);
    rowNo = row?.rowNo ?? 0;
  });

  it('lets only those with catalogue.edit add an entry: 403 for a county reporter and a city admin', async () => {
    for (const cookie of [countyReporter, cityAdmin]) {
      const response = await patchRow(cookie, { newEntry: NEW_ENTRY });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const listed = await api.app.inject({ method: 'GET', url: '/api/indicators' });
    expect(listed.json<{ indicators: IndicatorView[] }>().indicators.every((entry) => entry.builtIn)).toBe(true);
  });

  it('refuses a name the catalogue already holds (409) and an empty unit (400)', async () => {
    const taken = await patchRow(province, { newEntry: { ...NEW_ENTRY, name: '学前教育毛入园率' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'CATALOGUE_NAME_TAKEN', at: { field: 'newEntry.name' } } });
    const unitless = await patchRow(province, { newEntry: { ...NEW_ENTRY, unit: ' ' } });
    expect(unitless.statusCode).toBe(400);
    expect(unitless.json()).toMatchObject({
      error: { code: 'CATALOGUE_ENTRY_INVALID', at: { field: 'newEntry.unit' } },
    });
  });

  it('adds the entry and matches the row to it manually, both writes in the audit log', async () => {
    const response = await patchRow(province, { newEntry: NEW_ENTRY });
    expect(response.statusCode, response.body).toBe(200);
    const row = response.json<PresentedIndicator>();
    const id = 'urban-rural-school-pairing-coverage';
    expect(row).toMatchObject({
      reviewed: true,
      match: { method: 'manual', catalogueId: id, name: NEW_ENTRY.name, unit: '%', confidence: 1 },
    });
    const audit = auditRepository(api.database.db);
    const added = await audit.list({ entity: 'catalogue_entry', entityId: id, limit: 10 });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'catalogue.add_entry', after: { name: NEW_ENTRY.name, builtIn: false } });
    const reviewed = await audit.list({ entity: 'plan_indicator', entityId: `${planId}/${rowNo}`, limit: 10 });
    expect(reviewed[0]).toMatchObject({ action: 'plan.review_indicator', after: { match: { catalogueId: id } } });
    expect(added[0]?.actor_user_id).toBe(reviewed[0]?.actor_user_id);
    // Its name and the printed name (now a synonym) are both taken.
    for (const name of [NEW_ENTRY.name, UNKNOWN]) {
      const again = await patchRow(province, { newEntry: { ...NEW_ENTRY, name } }, 1);
      expect(again.json()).toMatchObject({ error: { code: 'CATALOGUE_NAME_TAKEN' } });
    }
  });

  it('matches the printed name by synonym in a plan imported afterwards', async () => {
    const row = await importEdited(YANGQUAN);
    expect(row?.match).toMatchObject({
      method: 'synonym',
      catalogueId: 'urban-rural-school-pairing-coverage',
      confidence: 1,
    });
  });

  it('lists the new entry after the built-in ones, with builtIn false', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/indicators' });
    const { indicators } = response.json<{ indicators: IndicatorView[] }>();
    expect(indicators[0]?.builtIn).toBe(true);
    expect(indicators.at(-1)).toMatchObject({
      id: 'urban-rural-school-pairing-coverage',
      name: NEW_ENTRY.name,
      builtIn: false,
      synonyms: [{ name: UNKNOWN, category: null }],
      formula: null,
    });
  });
});
