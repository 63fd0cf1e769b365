/**
 * No secret in the logs: a server that logs every request at its most talkative level, through sign-in, a failed
 * sign-in, a password change, an account created with a generated password, a password reset and signed-in reads,
 * writes no password, no session token and no cookie to its log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../db/dialects.ts';
import { openApi, sessionCookie } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('the request log on $kind', (dialect) => {
  const lines: string[] = [];
  const secrets: string[] = [];
  let api: ApiFixture;

  beforeAll(async () => {
    api = await openApi(dialect, { logger: { level: 'trace', stream: { write: (line) => lines.push(line) } } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('logs requests but never a password, a session token or a cookie', async () => {
    const admin = await api.signedIn('province-admin', 'province_admin', '140000');
    secrets.push('province-admin-測試用的密碼-2026', admin.split('=')[1] ?? admin);

    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'province-admin', password: 'a-wrong-password-in-the-log?' },
    });
    expect(wrong.statusCode).toBe(401);
    secrets.push('a-wrong-password-in-the-log?');

    const created = await api.request<{ user: { id: number }; generatedPassword: string }>(
      'POST',
      '/api/users',
      admin,
      {
        username: 'dingxiang',
        displayName: '定襄县教育局',
        role: 'county_reporter',
        regionCode: '140921',
      },
    );
    expect(created.status).toBe(201);
    secrets.push(created.body.generatedPassword);

    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dingxiang', password: created.body.generatedPassword },
    });
    const county = sessionCookie(signIn);
    secrets.push(county.split('=')[1] ?? county);
    const changed = await api.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: county },
      payload: { currentPassword: created.body.generatedPassword, newPassword: 'a-new-password-for-定襄-2026' },
    });
    expect(changed.statusCode).toBe(204);
    secrets.push('a-new-password-for-定襄-2026');

    const reset = await api.request<{ generatedPassword: string }>(
      'POST',
      `/api/users/${String(created.body.user.id)}/reset-password`,
      admin,
    );
    expect(reset.status).toBe(200);
    secrets.push(reset.body.generatedPassword);
    expect((await api.request('GET', '/api/me', admin)).status).toBe(200);
    expect((await api.request('GET', '/api/observations?region=140000', admin)).status).toBe(200);

    const log = lines.join('');
    // The log is not empty: it records each request (method, URL, status), so its silence about secrets means something.
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/users');
    for (const secret of secrets) expect(log, `the log holds a secret (${secret.slice(0, 4)}…)`).not.toContain(secret);
    expect(log).not.toMatch(/eduplan_session=/);
  });
});
