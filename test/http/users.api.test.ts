/**
 * User management through the API (用户管理): a manager sees and changes the accounts of their region and below, new
 * accounts get a password answered once, and deactivation, resets and sign-out-everywhere take effect at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRole } from '../../src/domain/access.ts';
import type { ManagedUser, UserGrants, UserView } from '../../src/services/account.types.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

interface ErrorAnswer {
  error: { code: string; at: { field?: string } };
}
interface Created {
  user: UserView;
  generatedPassword: string;
}

describe.each(testDialects())('user management on $kind', (dialect) => {
  let api: ApiFixture;
  const cookies: Record<string, string> = {};

  /** An account made by the installation, signed in through the service (the API's sign-in is rate limited). */
  async function account(username: string, role: AccountRole, regionCode: string | null): Promise<UserView> {
    const password = `${username}-測試用的密碼-2026`;
    const { user } = await api.accounts.createUser(
      { username, displayName: username, role, regionCode, password },
      SYSTEM_CONTEXT,
    );
    cookies[username] = `eduplan_session=${(await api.accounts.signIn(username, password, null)).token}`;
    return user;
  }

  /** Signs in through the API as a person would: the status, and the session cookie when it worked. */
  async function signIn(username: string, password: string): Promise<{ status: number; cookie: string | null }> {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    const session = response.cookies.find((c) => c.name === 'eduplan_session' && c.value !== '');
    return { status: response.statusCode, cookie: session === undefined ? null : `eduplan_session=${session.value}` };
  }

  const as = (username: string): string => cookies[username] ?? '';
  const list = async (username: string, query = '') =>
    api.request<{ items: ManagedUser[] }>('GET', `/api/users${query}`, as(username));
  const create = (username: string, body: object) =>
    api.request<Created & ErrorAnswer>('POST', '/api/users', as(username), body);
  const me = async (cookie: string) => (await api.request('GET', '/api/me', cookie)).status;

  let xinfu: UserView;
  beforeAll(async () => {
    api = await openApi(dialect);
    await account('shanxi-admin', 'province_admin', '140000');
    await account('xinzhou-admin', 'city_admin', '140900');
    await account('yangquan-admin', 'city_admin', '140300');
    xinfu = await account('xinfu', 'county_reporter', '140902');
    await account('henan-admin', 'province_admin', '410000');
    await account('operator', 'system_admin', null);
  });
  afterAll(() => api.close());

  it('lists 山西’s accounts to its admin with region names, none of 河南’s, and never a hash or a session', async () => {
    const { status, body } = await list('shanxi-admin');
    expect(status).toBe(200);
    const names = body.items.map((user) => user.username);
    expect(names).toEqual(expect.arrayContaining(['shanxi-admin', 'xinzhou-admin', 'yangquan-admin', 'xinfu']));
    expect(names).not.toContain('henan-admin');
    expect(names).not.toContain('operator');
    expect(body.items.find((user) => user.username === 'xinfu')).toMatchObject({
      role: 'county_reporter',
      regionCode: '140902',
      regionName: '忻府区',
      active: true,
    });
    expect(JSON.stringify(body)).not.toMatch(/hash|argon|token|session/i);

    const xinzhou = await list('shanxi-admin', '?region=140900');
    expect(xinzhou.body.items.map((user) => user.username).sort()).toEqual(['xinfu', 'xinzhou-admin']);
    const counties = await list('shanxi-admin', '?role=county_reporter&active=true');
    expect(counties.body.items.map((user) => user.username)).toEqual(['xinfu']);
    expect((await list('shanxi-admin', '?region=410000')).status).toBe(403);
    // The installation's administrator, who has no region, sees every account.
    expect((await list('operator')).body.items.map((user) => user.username)).toContain('henan-admin');
  });

  it('creates a county reporter for 忻府区 whose one-time password signs in, and says what may be granted', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: as('shanxi-admin') },
      payload: {
        username: 'xinfu-2',
        displayName: '忻府区教育局（第二填报员）',
        role: 'county_reporter',
        regionCode: '140902',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json<Created>();
    expect(created.user).toMatchObject({ username: 'xinfu-2', role: 'county_reporter', regionCode: '140902' });
    expect(created.generatedPassword.length).toBeGreaterThanOrEqual(12);
    const signedIn = await signIn('xinfu-2', created.generatedPassword);
    expect(signedIn.status).toBe(200);
    const { body } = await api.request<{ user: UserView }>('GET', '/api/me', signedIn.cookie);
    expect(body.user.displayName).toBe('忻府区教育局（第二填报员）');

    const grants = await api.request<UserGrants>('GET', '/api/users/grants', as('shanxi-admin'));
    expect(grants.body.scope).toMatchObject({ code: '140000', name: '山西省', level: 'province' });
    expect(grants.body.roles.map((grant) => grant.role)).not.toContain('system_admin');
    expect(grants.body.roles).toContainEqual({ role: 'county_reporter', regionLevel: 'county' });
    const operator = await api.request<UserGrants>('GET', '/api/users/grants', as('operator'));
    expect(operator.body).toMatchObject({ scope: null });
    expect(operator.body.roles.map((grant) => grant.role)).toContain('system_admin');
  });

  it('refuses a role above the manager or a region outside (403), a taken username (409), a misfit region (400)', async () => {
    const reporter = { displayName: '某县教育局', role: 'county_reporter' };
    const root = await create('shanxi-admin', {
      username: 'root-2',
      displayName: '管理员',
      role: 'system_admin',
      regionCode: null,
    });
    expect([root.status, root.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const henan = await create('shanxi-admin', { ...reporter, username: 'hubin', regionCode: '411202' });
    expect(henan.status).toBe(403);
    const taken = await create('shanxi-admin', { ...reporter, username: 'XINFU', regionCode: '140921' });
    expect([taken.status, taken.body.error.code, taken.body.error.at.field]).toEqual([
      409,
      'USERNAME_TAKEN',
      'username',
    ]);
    const misfit = await create('shanxi-admin', { ...reporter, username: 'on-a-city', regionCode: '140900' });
    expect([misfit.status, misfit.body.error.code, misfit.body.error.at.field]).toEqual([
      400,
      'REGION_DOES_NOT_FIT_ROLE',
      'regionCode',
    ]);
    const names = (await list('operator')).body.items.map((user) => user.username);
    for (const refused of ['root-2', 'hubin', 'on-a-city']) expect(names).not.toContain(refused);
  });

  it('ends a deactivated account’s session at once, lets it back in when reactivated; nobody deactivates themselves', async () => {
    const { body } = await create('shanxi-admin', {
      username: 'dingxiang',
      displayName: '定襄县教育局',
      role: 'county_reporter',
      regionCode: '140921',
    });
    const session = await signIn('dingxiang', body.generatedPassword);
    expect(await me(session.cookie ?? '')).toBe(200);

    const off = await api.request<{ user: UserView }>(
      'PATCH',
      `/api/users/${String(body.user.id)}`,
      as('shanxi-admin'),
      {
        active: false,
        displayName: '定襄县教育局（停用）',
      },
    );
    expect(off.body.user).toMatchObject({ active: false, displayName: '定襄县教育局（停用）' });
    expect(await me(session.cookie ?? '')).toBe(401);
    expect((await signIn('dingxiang', body.generatedPassword)).status).toBe(401);
    const inactive = await list('shanxi-admin', '?active=false');
    expect(inactive.body.items.map((user) => user.username)).toEqual(['dingxiang']);

    await api.request('PATCH', `/api/users/${String(body.user.id)}`, as('shanxi-admin'), { active: true });
    expect((await signIn('dingxiang', body.generatedPassword)).status).toBe(200);

    const self = (await list('shanxi-admin', '?role=province_admin')).body.items[0];
    const selfOff = await api.request<ErrorAnswer>('PATCH', `/api/users/${String(self?.id)}`, as('shanxi-admin'), {
      active: false,
    });
    expect([selfOff.status, selfOff.body.error.code, selfOff.body.error.at.field]).toEqual([
      400,
      'CANNOT_DEACTIVATE_SELF',
      'active',
    ]);
    const unit = await api.request<ErrorAnswer>('PATCH', `/api/users/${String(xinfu.id)}`, as('shanxi-admin'), {
      unitName: '财政局',
    });
    expect([unit.status, unit.body.error.at.field]).toEqual([400, 'unitName']);
  });

  it('resets a password: the old one and its sessions are refused, the new one works', async () => {
    const { body } = await create('shanxi-admin', {
      username: 'reset-me',
      displayName: '原平市教育局',
      role: 'county_reporter',
      regionCode: '140981',
    });
    const session = await signIn('reset-me', body.generatedPassword);
    const reset = await api.app.inject({
      method: 'POST',
      url: `/api/users/${String(body.user.id)}/reset-password`,
      headers: { cookie: as('shanxi-admin') },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    const { generatedPassword } = reset.json<Created>();
    expect(generatedPassword).not.toBe(body.generatedPassword);
    expect(await me(session.cookie ?? '')).toBe(401);
    expect((await signIn('reset-me', body.generatedPassword)).status).toBe(401);
    expect((await signIn('reset-me', generatedPassword)).status).toBe(200);
  });

  it('lets a person change their own one-time password, proving the current one; every session then ends', async () => {
    const { body } = await create('shanxi-admin', {
      username: 'own-password',
      displayName: '原平市教育局',
      role: 'county_reporter',
      regionCode: '140981',
    });
    // Sessions through the service: the API's sign-in is rate limited per address, and this file signs in often.
    const session = async (password: string) =>
      ({ cookie: `eduplan_session=${(await api.accounts.signIn('own-password', password, null)).token}` }) as const;
    const first = await session(body.generatedPassword);
    const second = await session(body.generatedPassword);
    const change = (cookie: string | null, payload: object) =>
      api.request<ErrorAnswer>('POST', '/api/me/password', cookie, payload);
    const wrong = await change(first.cookie, { currentPassword: 'not-it-at-all', newPassword: '原平的新密码-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', at: { field: 'currentPassword' } });
    const short = await change(first.cookie, { currentPassword: body.generatedPassword, newPassword: 'short' });
    expect(short.body.error.at.field).toBe('newPassword');
    const same = await change(first.cookie, {
      currentPassword: body.generatedPassword,
      newPassword: body.generatedPassword,
    });
    expect(same.body.error.code).toBe('PASSWORD_UNCHANGED');
    expect(await me(first.cookie)).toBe(200); // refusals change nothing

    const done = await api.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: first.cookie },
      payload: { currentPassword: body.generatedPassword, newPassword: '原平的新密码-2026' },
    });
    expect(done.statusCode).toBe(204);
    expect(done.cookies.find((cookie) => cookie.name === 'eduplan_session')?.value).toBe('');
    expect(await me(first.cookie)).toBe(401);
    expect(await me(second.cookie)).toBe(401);
    await expect(session(body.generatedPassword)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await me((await session('原平的新密码-2026')).cookie)).toBe(200);
    expect((await change(null, { currentPassword: 'x', newPassword: 'y' })).status).toBe(401);
  });

  it('signs an account out everywhere for its manager', async () => {
    const password = 'xinfu-測試用的密碼-2026';
    const sessions = [
      await api.accounts.signIn('xinfu', password, null),
      await api.accounts.signIn('xinfu', password, null),
    ];
    const { status, body } = await api.request<{ revoked: number }>(
      'POST',
      `/api/users/${String(xinfu.id)}/sign-out-everywhere`,
      as('shanxi-admin'),
    );
    expect(status).toBe(200);
    expect(body.revoked).toBeGreaterThanOrEqual(2);
    for (const { token } of sessions) expect(await me(`eduplan_session=${token}`)).toBe(401);
  });

  it('writes every change to the audit log, without a password', async () => {
    const { body } = await api.request<{ items: { action: string; after: unknown }[] }>(
      'GET',
      '/api/audit?entity=user&limit=500',
      as('operator'),
    );
    const actions = new Set(body.items.map((entry) => entry.action));
    for (const action of ['user.create', 'user.deactivate', 'user.activate', 'user.reset_password']) {
      expect(actions, action).toContain(action);
    }
    expect(actions).toContain('auth.sign_out_everywhere');
    expect(JSON.stringify(body.items)).not.toMatch(/generatedPassword|password_hash|passwordHash/);
  });

  it('refuses a county reporter on every user endpoint (403), and the public (401)', async () => {
    const target = String((await list('shanxi-admin', '?role=city_admin')).body.items[0]?.id);
    const { token } = await api.accounts.signIn('xinfu', 'xinfu-測試用的密碼-2026', null); // signed out above
    const county = `eduplan_session=${token}`;
    const calls = [
      ['GET', '/api/users'],
      ['GET', '/api/users/grants'],
      ['POST', '/api/users', { username: 'x-y-z', displayName: 'x', role: 'county_reporter', regionCode: '140902' }],
      ['PATCH', `/api/users/${target}`, { displayName: '改名' }],
      ['POST', `/api/users/${target}/reset-password`],
      ['POST', `/api/users/${target}/sign-out-everywhere`],
    ] as const;
    for (const [method, url, payload] of calls) {
      expect((await api.request(method, url, county, payload)).status, `${method} ${url}`).toBe(403);
      expect((await api.request(method, url, null, payload)).status, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a city admin: accounts are the province’s (DESIGN.md), and the matrix gives a city no user.manage', async () => {
    expect((await list('xinzhou-admin')).status).toBe(403);
    expect((await api.request('GET', '/api/users/grants', as('xinzhou-admin'))).status).toBe(403);
  });
});
