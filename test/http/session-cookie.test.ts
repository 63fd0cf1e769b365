/**
 * What a browser is told to do with the session and the page: the cookie cannot be read by scripts, is not sent by
 * other sites' forms, goes only over HTTPS when the site is served over HTTPS (behind the bureau's reverse proxy),
 * and ends when the session ends; every answer carries the security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const PASSWORD = 'cookie-user-測試用的密碼-2026';

describe.each(testDialects())('the session cookie and security headers on $kind', (dialect) => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await openApi(dialect, { trustProxy: true });
    await api.signedIn('cookie-user', 'evaluator', '140000');
  });
  afterAll(async () => {
    await api.close();
  });

  async function signIn(headers: Record<string, string> = {}) {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { username: 'cookie-user', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'eduplan_session');
    if (cookie === undefined) throw new Error('no session cookie');
    return { response, cookie };
  }

  it('is HttpOnly, SameSite=Lax, for the whole site, and ends with the session (12 hours)', async () => {
    const before = Date.now();
    const { cookie } = await signIn();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const hours = ((cookie.expires?.getTime() ?? 0) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12.01);
  });

  it('is Secure when the site is served over HTTPS behind a proxy', async () => {
    const { cookie } = await signIn({ 'x-forwarded-proto': 'https' });
    expect(cookie.secure).toBe(true);
  });

  it('is cleared at sign-out, and the old token no longer signs anyone in', async () => {
    const { cookie } = await signIn();
    const out = await api.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `eduplan_session=${cookie.value}` },
    });
    const cleared = out.cookies.find((c) => c.name === 'eduplan_session');
    expect(cleared?.value).toBe('');
    expect((await api.request('GET', '/api/me', `eduplan_session=${cookie.value}`)).status).toBe(401);
  });

  it('answers the API and the documentation with the security headers', async () => {
    for (const url of ['/api/health', '/api/plans', '/api/docs/json', '/api/nowhere']) {
      const response = await api.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['strict-transport-security'], url).toContain('max-age=');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });
});
