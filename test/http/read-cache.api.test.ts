/**
 * Computed reads are kept, and a change made anywhere (here through the services, as an import job, another
 * server process or an edit in SQL would, never through this server's HTTP layer) reaches the next reader through
 * the database's change notification, on each engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seedSamplePlans } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { PlanProgress } from '../../src/services/evaluation.service.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const RATE = 'preschool-gross-enrolment-rate';

describe.each(testDialects())('cached evaluations on $kind', (dialect) => {
  let api: ApiFixture;
  let url = '';

  const latest = async (): Promise<number | undefined> => {
    const response = await api.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.json<PlanProgress>().items.find((item) => item.indicator === RATE)?.latest?.value;
  };

  /** Reads until the figure is `value`, for at most two seconds: the notification arrives after the commit. */
  const eventually = async (value: number): Promise<number | undefined> => {
    const until = Date.now() + 2_000;
    let seen = await latest();
    while (seen !== value && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await latest();
    }
    return seen;
  };

  /** Waits for the notifications of earlier commits to stop arriving (on a server they trail the commit a little). */
  const settled = async (): Promise<void> => {
    let seen = -1;
    while (api.cache.stats().invalidations !== seen) {
      seen = api.cache.stats().invalidations;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };

  const publish = async (value: number, reason: string | null) => {
    const result = await api.observations.report(
      {
        origin: 'api',
        submit: true,
        figures: [
          {
            at: { item: 0 },
            columns: {},
            region: '140000',
            subject: RATE,
            year: 2022,
            value,
            reason,
            source: '测试数据（非真实）',
          },
        ],
      },
      SYSTEM_CONTEXT,
    );
    const approved = await api.observations.act('approve', result.items, null, SYSTEM_CONTEXT);
    await api.observations.act('publish', approved.items, null, SYSTEM_CONTEXT);
  };

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    const plans = (await api.app.inject({ method: 'GET', url: '/api/plans' })).json<{ plans: PlanSummary[] }>();
    const shanxi = plans.plans.find((plan) => plan.region.code === '140000');
    url = `/api/plans/${String(shanxi?.id)}/progress?year=2022`;
    await publish(90.5, null);
  });
  afterAll(() => api.close());

  it('answers a repeated read from memory, and a corrected figure at the next read after its commit', async () => {
    expect(await eventually(90.5)).toBe(90.5);
    await settled();
    await latest();
    const before = api.cache.stats();
    expect(await latest()).toBe(90.5);
    // Both the plan and its progress come from memory: nothing was computed again.
    expect(api.cache.stats()).toMatchObject({ misses: before.misses, hits: before.hits + 2 });

    await publish(91.2, '核对后更正');
    expect(await eventually(91.2)).toBe(91.2);
    expect(api.cache.stats().invalidations).toBeGreaterThan(before.invalidations);
  });

  it('hears of an edit made in SQL, outside every service', async () => {
    // Versions are append-only (a trigger refuses updates), so the edit is a new published version, as SQL would add it.
    await sql`with head as (
        select id, current_version + 1 as version from observations
        where region_code = '140000' and subject_id = ${RATE} and year = 2022)
      insert into observation_versions (observation_id, version, value, unit, qualifier, source, origin, created_at)
        select id, version, 92.4, '%', 'exact', '测试数据（非真实）', 'api', now() from head`.execute(api.database.db);
    await sql`update observations set current_version = current_version + 1, approved_version = current_version + 1,
        published_version = current_version + 1, lock = lock + 1
      where region_code = '140000' and subject_id = ${RATE} and year = 2022`.execute(api.database.db);
    expect(await eventually(92.4)).toBe(92.4);
  });
});
