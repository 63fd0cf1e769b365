import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/audit.repository.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('the API on $kind: health, reference data, sessions, errors', (dialect) => {
  let api: ApiFixture;
  const password = 'xinzhou-市教育局-2026-春';

  beforeAll(async () => {
    api = await openApi(dialect);
    await api.accounts.createUser(
      { username: 'xinzhou', displayName: '忻州市教育局', role: 'city_admin', regionCode: '140900', password },
      SYSTEM_CONTEXT,
    );
  });
  afterAll(() => api.close());

  it('reports health and the engine', async () => {
    const response = await api.app.inject('/api/health');
    expect(response.json()).toEqual({ status: 'ok', database: dialect.kind });
  });

  it('lists 忻州’s 14 counties, without the 五台山 scenic zone', async () => {
    const response = await api.app.inject('/api/regions?parent=140900');
    const { regions } = response.json<{ regions: { code: string; name: string }[] }>();
    expect(regions).toHaveLength(14);
    expect(regions[0]).toMatchObject({ code: '140902', name: '忻府区' });
    expect(regions.map((region) => region.code)).not.toContain('140971');
    expect((await api.app.inject('/api/regions?parent=999999')).statusCode).toBe(404);
    expect((await api.app.inject('/api/regions?parent=14')).json()).toMatchObject({
      error: { code: 'REQUEST_INVALID', at: { field: 'parent' } },
    });
  });

  it('names a region with the regions above it, for the web app’s header', async () => {
    const response = await api.app.inject('/api/regions/140902');
    expect(response.json()).toMatchObject({
      region: { code: '140902', name: '忻府区', ancestors: [{ name: '忻州市' }, { name: '山西省' }] },
    });
    expect((await api.app.inject('/api/regions/999999')).statusCode).toBe(404);
  });

  it('serves the indicator catalogue with synonyms and formulas', async () => {
    const { indicators } = (await api.app.inject('/api/indicators')).json<{
      indicators: { name: string; nameEn: string; direction: string; formula: { text: string } | null }[];
    }>();
    const rate = indicators.find((indicator) => indicator.name === '学前教育毛入园率');
    expect(rate).toMatchObject({ nameEn: expect.any(String) as string, direction: expect.any(String) as string });
    expect(rate?.formula?.text).toContain('×');
  });

  it('signs in with a cookie, shows the user, signs out and clears it', async () => {
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xinzhou', password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'eduplan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = `eduplan_session=${cookie?.value ?? ''}`;
    const me = await api.app.inject({ url: '/api/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ user: { username: 'xinzhou', role: 'city_admin', regionCode: '140900' } });
    expect(me.body).not.toContain('hash');

    const logout = await api.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session } });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'eduplan_session')?.value).toBe('');
    expect((await api.app.inject({ url: '/api/me', headers: { cookie: session } })).statusCode).toBe(401);
    const actions = (await auditRepository(api.database.db).list({ entity: 'user', limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_out']));
  });

  it('refuses a wrong password in both languages, and a write from another site', async () => {
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xinzhou', password: 'wrong-password-here' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: { zh: '用户名或密码错误' } } });
    const crossSite = await api.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    const missing = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(missing.json()).toMatchObject({ error: { code: 'REQUEST_INVALID', at: { field: 'password' } } });
  });

  it('describes itself in OpenAPI, from the same schemas, with the UI at /api/docs', async () => {
    const spec = (await api.app.inject('/api/docs/json')).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      '/api/health',
      '/api/regions',
      '/api/plans',
      '/api/plans/{id}',
      '/api/plans/import',
      '/api/auth/login',
    ])
      expect(Object.keys(spec.paths)).toContain(path);
    expect(JSON.stringify(spec.paths['/api/regions'])).toContain('parent');
    const ui = await api.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown URL in the error shape', async () => {
    const response = await api.app.inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
