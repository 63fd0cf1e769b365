/**
 * The server under load, through the API on each engine: a full job queue refuses the next report with 429 and
 * Retry-After, and takes one again once it drains; a county's data entry is answered and stored while the province's
 * report is still being written; past a load limit every request, health too, is refused with 503 SERVER_BUSY naming
 * what is wrong. The sample plans and the real published statistics; the figure entered is SYNTHETIC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/http/errors.ts';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import { JobRunner } from '../../src/services/jobs.ts';
import type { JobView } from '../../src/services/jobs.ts';
import type { PresentedObservation } from '../../src/services/observation.presenter.ts';
import type { ReportResult } from '../../src/services/observation.service.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const SHANXI = '140000';
const XINFU = '140902';

/** Polls a job until it has finished, within a generous bound (a hang fails the test, a slow machine does not). */
async function finished(api: ApiFixture, id: string, cookie: string | null): Promise<JobView> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const { body } = await api.request<JobView>('GET', `/api/jobs/${id}`, cookie);
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} still unfinished`);
}

describe.each(testDialects())('the server under load on $kind', (dialect) => {
  // One report at a time and two waiting: small enough to fill in a test, the same rules as the server's 2 and 50.
  const jobs = new JobRunner({ concurrency: 1, maxQueued: 2 });
  let api: ApiFixture;
  let shanxi: number;
  let province: string;
  let county: string;

  beforeAll(async () => {
    api = await openApi(dialect, { jobs });
    await seedSamplePlans(api.plans);
    await seedSampleStatistics(api.database.db);
    const plan = (await api.plans.listPlans({ regionCode: SHANXI }, null))[0];
    if (plan === undefined) throw new Error('山西 plan not seeded');
    shanxi = plan.id;
    province = await api.signedIn('shanxi-admin', 'province_admin', SHANXI);
    county = await api.signedIn('xinfu-reporter', 'county_reporter', XINFU);
  });
  afterAll(async () => {
    await jobs.idle();
    await api.close();
  });

  const startReport = (format: 'html' | 'docx') =>
    api.app.inject({
      method: 'POST',
      url: `/api/plans/${String(shanxi)}/report-jobs`,
      headers: { cookie: province },
      payload: { kind: 'final', format },
    });

  it('refuses a report job with 429 and Retry-After while the queue is full, and takes one once it drains', async () => {
    // The one running place is held until the test lets go, as by a long report, so the queue fills for certain.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    jobs.start('report', 'system', async () => {
      await held;
      return { kind: 'json', value: null };
    });
    const waiting = [await startReport('html'), await startReport('html')];
    expect(waiting.map((response) => [response.statusCode, response.json<JobView>().status])).toEqual([
      [202, 'queued'],
      [202, 'queued'],
    ]);

    const refused = await startReport('html');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const { error } = refused.json<ErrorBody>();
    expect(error.code).toBe('JOBS_BUSY');
    expect(error.message.zh).toContain('排队');
    expect(error.message.en).toContain('try again');

    release();
    await jobs.idle();
    for (const response of waiting) {
      expect((await finished(api, response.json<JobView>().id, province)).status).toBe('done');
    }
    const accepted = await startReport('html');
    expect(accepted.statusCode).toBe(202);
    expect((await finished(api, accepted.json<JobView>().id, province)).status).toBe('done');
  });

  it('answers and stores a county’s figure while the province’s report is still being written', async () => {
    const started = await startReport('docx');
    expect(started.statusCode).toBe(202);
    const job = started.json<JobView>();
    expect(job.status).toBe('running');

    const order: string[] = [];
    const report = finished(api, job.id, province).then((view) => {
      order.push('report');
      return view;
    });
    const entry = api
      .request<ReportResult>('POST', '/api/observations', county, {
        items: [
          {
            region: XINFU,
            indicator: 'preschool-gross-enrolment-rate',
            year: 2024,
            value: 91.5,
            source: 'SYNTHETIC: test/http/load.api.test.ts',
          },
        ],
        submit: true,
      })
      .then((answer) => {
        order.push('data entry');
        return answer;
      });

    const sent = await entry;
    expect(sent.status).toBe(201);
    const stored = await api.request<{ items: PresentedObservation[] }>(
      'GET',
      `/api/observations?region=${XINFU}&indicator=preschool-gross-enrolment-rate`,
      county,
    );
    expect(stored.body.items.map((item) => [item.year, item.value, item.status])).toContainEqual([
      2024,
      91.5,
      'submitted',
    ]);
    expect(order).toEqual(['data entry']);

    const done = await report;
    expect(done.status).toBe('done');
    expect(order).toEqual(['data entry', 'report']);
    const file = await api.app.inject({
      method: 'GET',
      url: `/api/jobs/${job.id}/result`,
      headers: { cookie: province },
    });
    expect(file.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('answers health as before while the server is within its limits', async () => {
    const health = await api.request<Record<string, unknown>>('GET', '/api/health', null);
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: dialect.kind } });
  });
});

describe.each(testDialects())('load shedding on $kind', (dialect) => {
  let api: ApiFixture;

  beforeAll(async () => {
    // A heap limit of one byte: the first sample finds the server over it, deterministically; the event-loop check
    // is off (0), so a slow machine's lag cannot be the reason given first.
    api = await openApi(dialect, {
      load: { maxHeapUsedBytes: 1, maxEventLoopDelayMs: 0, sampleIntervalMs: 50, retryAfterSeconds: 7 },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses every request with 503 SERVER_BUSY and Retry-After, and health says which limit is passed', async () => {
    let answer = await api.app.inject({ method: 'GET', url: '/api/plans' });
    for (let attempt = 0; attempt < 500 && answer.statusCode !== 503; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      answer = await api.app.inject({ method: 'GET', url: '/api/plans' });
    }
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.json<ErrorBody>().error).toMatchObject({ code: 'SERVER_BUSY', at: { field: 'heap' } });

    const write = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b' },
    });
    expect(write.statusCode).toBe(503);

    const health = await api.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe('7');
    const { error } = health.json<ErrorBody>();
    expect(error.code).toBe('SERVER_BUSY');
    expect(error.at.field).toBe('heap');
    expect(error.message.zh).toMatch(/^服务器繁忙（堆内存 \d+ MB，上限 0 MB），请 7 秒后再试$/);
    expect(error.message.en).toMatch(/^The server is busy \(heap in use \d+ MB, limit 0 MB\): try again in 7 s$/);
  });
});
