/**
 * A report is the costliest answer and a published plan's report needs no sign-in: one address cannot ask for more
 * than REPORT_RATE reports (and as many report jobs) a minute, a signed-in reader has a budget of their own, and the
 * refusal says when to retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/http/errors.ts';
import { REPORT_RATE } from '../../src/http/report.routes.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

describe.each(testDialects())('the report rate limit on $kind', (dialect) => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await openApi(dialect);
  });
  afterAll(async () => {
    await api.close();
  });

  it(`answers ${String(REPORT_RATE.max)} report requests from one address a minute, then 429 with Retry-After`, async () => {
    // A plan that does not exist costs nothing to refuse, and still counts: the limit is met before the work.
    const ask = (remoteAddress: string, cookie?: string) =>
      api.app.inject({
        method: 'GET',
        url: '/api/plans/999999/reports/final?format=pdf',
        remoteAddress,
        ...(cookie === undefined ? {} : { headers: { cookie } }),
      });
    for (let i = 0; i < REPORT_RATE.max; i += 1) expect((await ask('203.0.113.7')).statusCode).toBe(404);
    const refused = await ask('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json<ErrorBody>().error).toMatchObject({ code: 'REPORTS_RATE_LIMITED' });
    expect(refused.json<ErrorBody>().error.message.zh).toContain('秒后再试');
    // Report jobs have a budget of their own, counted the same way.
    const job = () =>
      api.app.inject({
        method: 'POST',
        url: '/api/plans/999999/report-jobs',
        remoteAddress: '203.0.113.7',
        payload: { kind: 'final', format: 'docx' },
      });
    for (let i = 0; i < REPORT_RATE.max; i += 1) expect((await job()).statusCode).toBe(202);
    expect((await job()).statusCode).toBe(429);

    // Another address, and a signed-in reader behind the same address, still get their answers.
    expect((await ask('198.51.100.20')).statusCode).toBe(404);
    const reader = await api.signedIn('report-reader', 'evaluator', '140000');
    expect((await ask('203.0.113.7', reader)).statusCode).toBe(404);
  });
});
