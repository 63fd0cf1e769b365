/** The audit log through the API: who did what, when and from where, within the reader's region, a page at a time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/services/audit-log.service.ts';
import type { ReportResult } from '../../src/services/observation.service.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('the audit log on $kind', (dialect) => {
  let api: ApiFixture;
  let county: string;
  let city: string;
  let otherCity: string;
  let admin: string;

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    county = await api.signedIn('xinfu', 'county_reporter', '140902');
    city = await api.signedIn('xinzhou', 'city_admin', '140900');
    otherCity = await api.signedIn('yangquan', 'city_admin', '140300');
    admin = await api.signedIn('operator', 'system_admin', null);
    const sent = await api.request<ReportResult>('POST', '/api/observations', county, {
      items: [{ region: '140902', indicator: 'kindergarten-children', year: 2024, value: 9_120 }],
      submit: true,
    });
    const [item] = sent.body.items;
    await api.request('POST', `/api/observations/${String(item?.id)}/approve`, city, { lock: item?.lock });
  });
  afterAll(() => api.close());

  it('shows a city who reported and who approved in its region, newest first, with the address', async () => {
    const { status, body } = await api.request<{ items: AuditEntry[]; next: string | null }>('GET', '/api/audit', city);
    expect(status).toBe(200);
    expect(body.items.map((entry) => entry.action).slice(0, 2)).toEqual(['observation.approve', 'observation.report']);
    expect(body.items[0]).toMatchObject({ region: '140902', ip: expect.any(String) as unknown });
    expect(body.items.every((entry) => entry.region === null || entry.region.startsWith('1409'))).toBe(true);
  });

  it('pages with next, and refuses a county, another city and the public', async () => {
    const first = await api.request<{ items: AuditEntry[]; next: string | null }>('GET', '/api/audit?limit=1', city);
    expect(first.body.items).toHaveLength(1);
    const second = await api.request<{ items: AuditEntry[] }>(
      'GET',
      `/api/audit?limit=1&before=${String(first.body.next)}`,
      city,
    );
    expect(second.body.items[0]?.action).toBe('observation.report');
    expect((await api.request('GET', '/api/audit', county)).status).toBe(403);
    expect((await api.request('GET', '/api/audit?region=140900', otherCity)).status).toBe(403);
    expect((await api.request('GET', '/api/audit', null)).status).toBe(401);
    // The installation's administrator reads everything, the sample plans' publication included.
    const all = await api.request<{ items: AuditEntry[] }>('GET', '/api/audit?limit=500', admin);
    expect(all.body.items.some((entry) => entry.action === 'plan.publish')).toBe(true);
  });
});
