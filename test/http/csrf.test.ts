/**
 * Cross-site request forgery: a page on another site cannot make a signed-in browser change anything. Every write
 * route is tried (generated from the OpenAPI routes) with each way a browser says where a request comes from; none
 * gets past the check, and the signed-in user's data is untouched. The same page from our own origin passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/http/errors.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const HOST = 'eduplan.jyt.shanxi.gov.cn';

/** How a forged request shows itself, as browsers send it. */
const FORGED: Readonly<Record<string, Record<string, string>>> = {
  'Origin of another site': { origin: 'https://evil.example' },
  'Origin null (a sandboxed frame or a no-referrer page)': { origin: 'null' },
  'Referer of another site, no Origin': { referer: 'https://evil.example/form.html' },
  'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site' },
  'Sec-Fetch-Site: same-site (a neighbouring subdomain)': {
    'sec-fetch-site': 'same-site',
    origin: `https://oa.${HOST}`,
  },
};

describe.each(testDialects())('cross-site writes on $kind', (dialect) => {
  let api: ApiFixture;
  let admin: string;
  let writes: { method: 'POST' | 'PATCH'; url: string }[];

  beforeAll(async () => {
    api = await openApi(dialect);
    admin = await api.signedIn('csrf-admin', 'province_admin', '140000');
    await api.app.ready();
    const document = api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => method === 'post' || method === 'patch')
        .map((method) => ({
          method: method.toUpperCase() as 'POST' | 'PATCH',
          url: path
            .replace(/\{code\}/g, '140000')
            .replace(/\{step\}/g, 'submit')
            .replace(/\{\w+\}/g, '1'),
        })),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses every write route forged in every way, with the session cookie riding along', async () => {
    expect(writes.length).toBeGreaterThan(20);
    let cases = 0;
    for (const write of writes) {
      for (const [how, headers] of Object.entries(FORGED)) {
        const response = await api.app.inject({
          ...write,
          headers: { host: HOST, cookie: admin, ...headers },
          payload: {},
        });
        expect(response.statusCode, `${write.method} ${write.url}, ${how}`).toBe(403);
        expect(response.json<ErrorBody>().error.code).toBe('CROSS_SITE_REQUEST');
        cases += 1;
      }
    }
    console.log(`csrf: ${String(cases)} forged writes refused`);
    // The forged sign-out did not sign the administrator out.
    expect((await api.request('GET', '/api/me', admin)).status).toBe(200);
  });

  it('lets our own pages write, and scripts that send no browser headers', async () => {
    const own = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' },
      payload: { username: 'csrf-admin', password: 'csrf-admin-測試用的密碼-2026' },
    });
    expect(own.statusCode).toBe(200);
    const script = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'csrf-admin', password: 'csrf-admin-測試用的密碼-2026' },
    });
    expect(script.statusCode).toBe(200);
  });
});
