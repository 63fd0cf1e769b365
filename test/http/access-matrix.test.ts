/**
 * The permission matrix, proved on the API: every route the app serves × every role (the public included) × every
 * relation of the target's region to the caller's (own, child, parent, other; 'none' for the roles without a region)
 * is sent as a request, and the answer must be what src/domain/access.ts says — allowed (the route did its work or
 * refused for the target's state) or denied (401, 403, or 404 where a service hides that an item exists). The
 * routes come from the app itself: one without a rule in access-routes.ts fails here.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, can } from '../../src/domain/access.ts';
import type { AccountRole, RegionRelation } from '../../src/domain/access.ts';
import { dataElements } from '../../src/domain/catalogue/elements.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { testDialects } from '../db/dialects.ts';
import { ROUTE_RULES } from './access-routes.ts';
import type { Probe, World } from './access-routes.ts';
import { multipart, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';
import { sampleBytes } from '../services/plan.samples.ts';

const UNIT = '矩阵测试处';

/** The caller of each role: where it sits. */
const CALLERS: Readonly<Record<AccountRole, string | null>> = {
  province_admin: '140000',
  city_admin: '140900',
  county_reporter: '140902',
  responsible_unit: '140900',
  evaluator: '140900',
  system_admin: null,
};

/** For a caller's region, a target region in each relation (a province has no parent, a county no child). */
const TARGETS: Readonly<Record<string, Partial<Record<RegionRelation, string>>>> = {
  '140000': { own: '140000', child: '140900', other: '411200' },
  '140900': { own: '140900', child: '140902', parent: '140000', other: '140300' },
  '140902': { own: '140902', parent: '140900', other: '140921' },
};

/** The routes Fastify serves under /api, as 'METHOD /api/path' (HEAD is GET's shadow), read from its radix tree. */
function servedRoutes(app: FastifyInstance): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const indent = line.search(/[^\s│├└─]/);
    if (indent < 0) continue;
    const match = /^(\S+)(?: \(([^)]+)\))?/.exec(line.slice(indent));
    if (match === null) continue;
    const [, segment = '', methods] = match;
    const depth = Math.floor(indent / 4);
    stack.length = depth;
    stack.push(segment);
    const path = stack.join('');
    if (methods === undefined || !path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const method of methods.split(', ')) if (method !== 'HEAD') routes.add(`${method} ${path}`);
  }
  return [...routes].sort();
}

describe.each(testDialects())('the permission matrix on every route, on $kind', (dialect) => {
  let api: ApiFixture;
  let world: World;
  const cookies = new Map<AccountRole | 'public', string | null>();
  let counter = 0;

  beforeAll(async () => {
    api = await openApi(dialect);
    await seedSamplePlans(api.plans);
    const shanxiSetup = await api.signedIn('setup-sx', 'province_admin', '140000');
    const henanSetup = await api.signedIn('setup-hn', 'province_admin', '410000');
    const setupFor = (region: string): string => (region.startsWith('41') ? henanSetup : shanxiSetup);
    for (const role of ACCOUNT_ROLES) {
      const region = CALLERS[role];
      cookies.set(
        role,
        role === 'responsible_unit'
          ? await api.unitAccount('m-unit', UNIT, region ?? '')
          : await api.signedIn(`m-${role}`, role, region),
      );
    }
    cookies.set('public', null);
    await api.accounts.createUser(
      {
        username: 'matrix-login',
        displayName: 'login',
        role: 'evaluator',
        regionCode: '140000',
        password: 'matrix-login-測試用的密碼-2026',
      },
      SYSTEM_CONTEXT,
    );

    const listed = await api.request<{ plans: { id: number; region: { code: string } }[] }>(
      'GET',
      '/api/plans?limit=500',
      null,
    );
    const publishedPlans = new Map(listed.body.plans.map((plan) => [plan.region.code, plan.id]));
    const sample = sampleBytes('001_491b52ef50c39cde.txt');
    // Every figure a test makes has a key of its own (element × year), all of value 100: no ratio exceeds 1, no
    // year jumps from the last.
    const keys = dataElements.flatMap((element) =>
      [2021, 2022, 2023, 2024, 2025].map((year) => ({ indicator: element.id, year })),
    );
    const used = new Map<string, number>();
    const nextKey = (region: string) => {
      const index = used.get(region) ?? 0;
      used.set(region, index + 1);
      const key = keys[index];
      if (key === undefined) throw new Error(`out of figure keys for ${region}`);
      return key;
    };

    world = {
      publishedPlan: (region) => publishedPlans.get(region) ?? null,
      draftPlan: async (region) => {
        counter += 1;
        const bytes = Buffer.concat([Buffer.from(sample), Buffer.from(`\n（矩阵测试 ${String(counter)}）\n`)]);
        const upload = multipart({ name: '规划.txt', bytes }, { regionCode: region, period: '2026-2030' });
        const response = await api.app.inject({
          method: 'POST',
          url: '/api/plans/import',
          payload: upload.payload,
          headers: { ...upload.headers, cookie: setupFor(region) },
        });
        if (response.statusCode >= 300) throw new Error(`draft in ${region}: ${response.body}`);
        return response.json<{ plan: { id: number } }>().plan.id;
      },
      observation: async (region, status) => {
        const cookie = setupFor(region);
        const sent = await api.request<{ items: { id: number; lock: number }[] }>('POST', '/api/observations', cookie, {
          items: [{ region, ...nextKey(region), value: 100 }],
          submit: status !== 'draft',
        });
        const [item] = sent.body.items;
        if (sent.status !== 201 || item === undefined)
          throw new Error(`figure in ${region}: ${JSON.stringify(sent.body)}`);
        if (status !== 'approved') return item;
        const approved = await api.request<{ id: number; lock: number }>(
          'POST',
          `/api/observations/${String(item.id)}/approve`,
          cookie,
          { lock: item.lock },
        );
        if (approved.status !== 200) throw new Error(`approve in ${region}: ${JSON.stringify(approved.body)}`);
        return approved.body;
      },
      account: async (region) => {
        counter += 1;
        const { user } = await api.accounts.createUser(
          { username: `target-${String(counter)}`, displayName: '被管理账号', role: 'evaluator', regionCode: region },
          SYSTEM_CONTEXT,
        );
        return user.id;
      },
      task: async (region) => {
        const plan = publishedPlans.get(region);
        if (plan === undefined) return null;
        const created = await api.request<{ id: number; lock: number }>(
          'POST',
          `/api/plans/${String(plan)}/tasks`,
          setupFor(region),
          { sectionPosition: 1, leadUnit: UNIT, deadline: '2025-06-30' },
        );
        if (created.status !== 201) throw new Error(`task in ${region}: ${JSON.stringify(created.body)}`);
        return created.body;
      },
      commitment: async (region) => {
        const plan = publishedPlans.get(region);
        if (plan === undefined) return null;
        const listed = await api.request<{ items: { position: number; lock: number }[] }>(
          'GET',
          `/api/plans/${String(plan)}/commitments`,
          null,
        );
        const [first] = listed.body.items;
        if (first === undefined) return null;
        const assigned = await api.request<{ lock: number }>(
          'PATCH',
          `/api/plans/${String(plan)}/commitments/${String(first.position)}`,
          setupFor(region),
          { responsibleUnit: UNIT, lock: first.lock },
        );
        if (assigned.status !== 200) throw new Error(`commitment in ${region}: ${JSON.stringify(assigned.body)}`);
        return { plan, position: first.position, lock: assigned.body.lock };
      },
      feedback: async (region) => {
        const plan = publishedPlans.get(region);
        if (plan === undefined) return null;
        counter += 1;
        const sent = await api.app.inject({
          method: 'POST',
          url: '/api/feedback',
          remoteAddress: `10.9.${String(Math.floor(counter / 200))}.${String(counter % 200)}`,
          payload: { planId: plan, message: `矩阵测试留言 ${String(counter)}：建议公开数据。` },
        });
        if (sent.statusCode !== 202) throw new Error(`feedback in ${region}: ${sent.body}`);
        const inbox = await api.request<{ items: { id: number; lock: number }[] }>(
          'GET',
          `/api/feedback?planId=${String(plan)}&limit=1`,
          setupFor(region),
        );
        const [newest] = inbox.body.items;
        if (newest === undefined) throw new Error(`feedback in ${region}: not in the inbox`);
        return newest;
      },
      throwawaySession: async () => {
        // Through the service: the sign-in route's own rate limit is not what this test is about.
        counter += 1;
        const username = `throwaway-${String(counter)}`;
        const password = `${username}-測試用的密碼-2026`;
        await api.accounts.createUser(
          { username, displayName: username, role: 'evaluator', regionCode: '140000', password },
          SYSTEM_CONTEXT,
        );
        const { token } = await api.accounts.signIn(username, password, null);
        return `eduplan_session=${token}`;
      },
      csv: (region) =>
        multipart({
          name: '数据.csv',
          bytes: Buffer.from(`区划代码,指标或数据项,年份,本年数值,单位\n${region},在园幼儿数,2022,100,人\n`),
        }),
      planUpload: (region) => {
        counter += 1;
        const bytes = Buffer.concat([Buffer.from(sample), Buffer.from(`\n（矩阵导入 ${String(counter)}）\n`)]);
        return multipart({ name: '规划.txt', bytes }, { regionCode: region, period: '2026-2030' });
      },
    };
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  async function auditCount(): Promise<number> {
    const row = await api.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function send(probe: Probe, cookie: string | null): Promise<{ status: number; body: unknown }> {
    const sent = probe.cookie === undefined ? cookie : probe.cookie;
    const headers: Record<string, string> = { ...(probe.multipart?.headers ?? {}) };
    if (sent !== null) headers.cookie = sent;
    const response = await api.app.inject({
      method: probe.method,
      url: probe.url,
      headers,
      ...(probe.remoteAddress === undefined ? {} : { remoteAddress: probe.remoteAddress }),
      ...(probe.multipart !== undefined
        ? { payload: probe.multipart.payload }
        : probe.payload !== undefined
          ? { payload: probe.payload }
          : {}),
    });
    let body: unknown = null;
    try {
      body = response.json();
    } catch {
      body = response.body;
    }
    return { status: response.statusCode, body };
  }

  it('has a rule for every route the app serves, and none for a route it does not', () => {
    const served = servedRoutes(api.app);
    expect(served.length).toBeGreaterThan(55);
    const ruled = Object.keys(ROUTE_RULES).sort();
    expect(
      served.filter((route) => !ruled.includes(route)),
      'routes without a rule',
    ).toEqual([]);
    expect(
      ruled.filter((route) => !served.includes(route)),
      'rules of routes that do not exist',
    ).toEqual([]);
  });

  it('answers every route × role × relation as the matrix says', async () => {
    const failures: string[] = [];
    let cases = 0;
    let skipped = 0;
    const roles = [...ACCOUNT_ROLES, 'public'] as const;
    for (const [route, rule] of Object.entries(ROUTE_RULES)) {
      for (const role of roles) {
        const cookie = cookies.get(role) ?? null;
        const user = role === 'public' ? null : { role, regionCode: CALLERS[role] };
        if (rule.kind === 'public' || rule.kind === 'account') {
          const probe = await rule.probe(world);
          const { status, body } = await send(probe, cookie);
          cases += 1;
          const denied = status === 401 || status === 403 || (status === 404 && probe.expectMissing !== true);
          const expectDenied = rule.kind === 'account' && role === 'public';
          if (expectDenied ? status !== 401 : denied) {
            failures.push(`${route} as ${role}: ${String(status)} ${JSON.stringify(body).slice(0, 160)}`);
          }
          continue;
        }
        if (rule.kind === 'self') {
          const relation: RegionRelation = user === null || user.regionCode === null ? 'none' : 'own';
          const allowed = can(user, rule.action, relation);
          const { status, body } = await send(await rule.probe(world), cookie);
          cases += 1;
          const denied = status === 401 || status === 403 || status === 404;
          if (denied === allowed) {
            failures.push(
              `${route} as ${role} on ${relation}, ${rule.action}: ${String(status)} ${JSON.stringify(body).slice(0, 160)}`,
            );
          }
          continue;
        }
        const region = user?.regionCode ?? null;
        const relations: [RegionRelation, string | undefined][] =
          region === null
            ? [['none', '140900']]
            : Object.entries(TARGETS[region] ?? {}).map(([rel, target]) => [rel as RegionRelation, target]);
        for (const [relation, target] of relations) {
          if (target === undefined) continue;
          const allowed = can(user, rule.action, relation);
          const label = `${route} as ${role} on ${relation} (${target}), ${rule.action} ${allowed ? 'allowed' : 'denied'}`;
          if (rule.kind === 'filter') {
            const built = await rule.probe(world, target);
            if (built === null) {
              skipped += 1;
              continue;
            }
            const { status, body } = await send(built.probe, cookie);
            cases += 1;
            if (status !== 200 || built.shows(body) !== allowed) {
              failures.push(`${label}: ${String(status)}, shown ${String(status === 200 && built.shows(body))}`);
            }
            continue;
          }
          const probe = await rule.probe(world, target);
          if (probe === null) {
            skipped += 1;
            continue;
          }
          const before = probe.method === 'GET' ? 0 : await auditCount();
          const { status, body } = await send(probe, cookie);
          cases += 1;
          const denied = status === 401 || status === 403 || status === 404;
          if (denied === allowed) failures.push(`${label}: ${String(status)} ${JSON.stringify(body).slice(0, 200)}`);
          // A refused write leaves no trace but its refusal: nothing it would have audited happened.
          if (!allowed && probe.method !== 'GET' && (await auditCount()) !== before) {
            failures.push(`${label}: refused, yet the audit log grew`);
          }
        }
      }
    }
    console.log(
      `permission matrix on ${dialect.kind}: ${String(cases)} route × role × relation cases sent, ${String(skipped)} without a target of that kind`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
