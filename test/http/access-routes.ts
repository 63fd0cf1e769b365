/**
 * The access rule of every API route, for the permission test (access-matrix.test.ts): which action of the matrix
 * (src/domain/access.ts) governs it and how to build a request whose target sits in a given region — or why the route
 * is open to everyone or to any account. The test enumerates the app's own routes and fails on a route without a rule
 * here, so a new endpoint cannot ship unjudged. Expected answers come from can(), never from this file.
 */
import type { Action } from '../../src/domain/access.ts';
import { tinyPdf } from './evidence.files.ts';
import { multipart } from './fixture.ts';

/** A small PDF as evidence, as the screen uploads it. */
const evidence = () => multipart({ name: '佐证材料.pdf', bytes: tinyPdf('矩阵测试佐证') }, { note: '矩阵测试' });

/** A request to send. */
export interface Probe {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  payload?: object;
  /** A multipart body (file uploads), with its headers. */
  multipart?: { payload: Buffer; headers: Record<string, string> };
  /** Send this cookie instead of the role's own (a sign-out must not end the session the next cases use). */
  cookie?: string | null;
  /** The client's address, where a per-address limit would otherwise count the test's own requests. */
  remoteAddress?: string;
  /** The target does not exist on purpose (an id only its owner knows): 404 is the answer for everyone. */
  expectMissing?: boolean;
}

/** What the test world offers the builders: targets made on demand, in a region. */
export interface World {
  /** The published plan of a region (山西 140000, 忻州 140900, 阳泉 140300, 三门峡 411200), or null. */
  publishedPlan(region: string): number | null;
  /** A fresh draft plan in a region (any region: its text is a sample's, its region set at import). */
  draftPlan(region: string): Promise<number>;
  /** A fresh figure of a region, as the setup administrators leave it: draft, submitted or approved. */
  observation(region: string, status: 'draft' | 'submitted' | 'approved'): Promise<{ id: number; lock: number }>;
  /** A fresh account in a region, to be managed. */
  account(region: string): Promise<number>;
  /** A fresh task of a region's published plan, naming the test's responsible unit, or null without a plan. */
  task(region: string): Promise<{ id: number; lock: number } | null>;
  /** The first 专栏 commitment of a region's published plan, made the test's responsible unit's, or null. */
  commitment(region: string): Promise<{ plan: number; position: number; lock: number } | null>;
  /** A fresh public message on a region's published plan, or null without a plan. */
  feedback(region: string): Promise<{ id: number; lock: number } | null>;
  /** A signed-in session of a throwaway account of the same role, for requests that end sessions. */
  throwawaySession(): Promise<string>;
  /** A CSV of one figure for a region, as the data template's columns read. */
  csv(region: string): { payload: Buffer; headers: Record<string, string> };
  /** A plan document upload into a region. */
  planUpload(region: string): { payload: Buffer; headers: Record<string, string> };
}

/** How a route is governed. */
export type Rule =
  /** Open to everyone, the public included: `why` says what makes that right. */
  | { kind: 'public'; why: string; probe: (world: World) => Promise<Probe> | Probe }
  /** Any signed-in account, about itself; the public gets 401. */
  | { kind: 'account'; why: string; probe: (world: World) => Promise<Probe> | Probe }
  /** The matrix decides about the caller's own region (relation own, or none without a region): no other target. */
  | { kind: 'self'; action: Action; probe: (world: World) => Promise<Probe> | Probe }
  /**
   * The matrix decides, by the relation of the target's region to the caller's. `probe` builds a request on a target
   * in the region, or null when the world has no such target there (a county has no plan of its own).
   */
  | { kind: 'matrix'; action: Action; probe: (world: World, region: string) => Promise<Probe | null> }
  /**
   * The matrix decides what a list shows rather than whether it answers: everyone gets 200, and an unpublished item
   * of the region is in the answer exactly when the action is allowed.
   */
  | {
      kind: 'filter';
      action: Action;
      probe: (world: World, region: string) => Promise<{ probe: Probe; shows: (body: unknown) => boolean } | null>;
    };

const published = (world: World): number => world.publishedPlan('140900') ?? 0;
const shanxi = (world: World): number => world.publishedPlan('140000') ?? 0;

/** A plan-targeted probe in a region: the published plan there, or null. */
const onPublished =
  (make: (plan: number) => Probe) =>
  (world: World, region: string): Promise<Probe | null> => {
    const plan = world.publishedPlan(region);
    return Promise.resolve(plan === null ? null : make(plan));
  };

const onDraft = (make: (plan: number) => Probe) => async (world: World, region: string) =>
  make(await world.draftPlan(region));

const onTask = (make: (task: { id: number; lock: number }) => Probe) => async (world: World, region: string) => {
  const task = await world.task(region);
  return task === null ? null : make(task);
};

const onObservation =
  (status: 'draft' | 'submitted' | 'approved', make: (item: { id: number; lock: number }) => Probe) =>
  async (world: World, region: string) =>
    make(await world.observation(region, status));

/** Every route of the API, as Fastify registered it, with its rule. */
export const ROUTE_RULES: Readonly<Record<string, Rule>> = {
  'GET /api/health': {
    kind: 'public',
    why: 'a load balancer asks it',
    probe: () => ({ method: 'GET', url: '/api/health' }),
  },
  'GET /api/regions': {
    kind: 'public',
    why: 'GB/T 2260 is public',
    probe: () => ({ method: 'GET', url: '/api/regions?parent=140900' }),
  },
  'GET /api/regions/:code': {
    kind: 'public',
    why: 'GB/T 2260 is public',
    probe: () => ({ method: 'GET', url: '/api/regions/140902' }),
  },
  'GET /api/indicators': {
    kind: 'public',
    why: 'the catalogue is published with the plans',
    probe: () => ({ method: 'GET', url: '/api/indicators' }),
  },
  'GET /api/plans': {
    kind: 'filter',
    action: 'plan.read_draft',
    probe: async (world, region) => {
      const id = await world.draftPlan(region);
      return {
        probe: { method: 'GET', url: `/api/plans?status=draft&region=${region}&limit=500` },
        shows: (body) => (body as { plans: { id: number }[] }).plans.some((plan) => plan.id === id),
      };
    },
  },
  'GET /api/plans/:id': {
    kind: 'matrix',
    action: 'plan.read_draft',
    probe: onDraft((plan) => ({ method: 'GET', url: `/api/plans/${String(plan)}` })),
  },
  'PATCH /api/plans/:id': {
    kind: 'matrix',
    action: 'plan.review',
    probe: onDraft((plan) => ({
      method: 'PATCH',
      url: `/api/plans/${String(plan)}`,
      payload: { period: { start: 2026, end: 2030 } },
    })),
  },
  'GET /api/plans/:id/source': {
    kind: 'matrix',
    action: 'plan.read_draft',
    probe: onDraft((plan) => ({ method: 'GET', url: `/api/plans/${String(plan)}/source` })),
  },
  'GET /api/plans/:id/alignment': {
    kind: 'matrix',
    action: 'plan.read_draft',
    probe: onDraft((plan) => ({ method: 'GET', url: `/api/plans/${String(plan)}/alignment` })),
  },
  'POST /api/plans/import': {
    kind: 'matrix',
    action: 'plan.import',
    probe: (world, region) =>
      Promise.resolve({ method: 'POST', url: '/api/plans/import', multipart: world.planUpload(region) }),
  },
  'PATCH /api/plans/:id/indicators/:rowNo': {
    kind: 'matrix',
    action: 'plan.review',
    probe: onDraft((plan) => ({ method: 'PATCH', url: `/api/plans/${String(plan)}/indicators/1`, payload: {} })),
  },
  'POST /api/plans/:id/publish': {
    kind: 'matrix',
    action: 'plan.publish',
    probe: onDraft((plan) => ({ method: 'POST', url: `/api/plans/${String(plan)}/publish` })),
  },
  'POST /api/auth/login': {
    kind: 'public',
    why: 'signing in',
    probe: () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'matrix-login', password: 'matrix-login-測試用的密碼-2026' },
      cookie: null,
      remoteAddress: `192.0.2.${String(Math.floor(Math.random() * 250) + 1)}`,
    }),
  },
  'POST /api/auth/logout': {
    kind: 'public',
    why: 'signing out is harmless without a session',
    probe: async (world) => ({ method: 'POST', url: '/api/auth/logout', cookie: await world.throwawaySession() }),
  },
  'POST /api/me/password': {
    kind: 'account',
    why: 'one’s own password, proved by the current one',
    probe: () => ({
      method: 'POST',
      url: '/api/me/password',
      // The rules refuse it after the access check: nothing changes, and the answer shows the route was reached.
      payload: { currentPassword: 'not-the-current-one', newPassword: 'short' },
    }),
  },
  'GET /api/me': { kind: 'account', why: 'oneself', probe: () => ({ method: 'GET', url: '/api/me' }) },
  'GET /api/users': {
    kind: 'matrix',
    action: 'user.manage',
    probe: (_world, region) => Promise.resolve({ method: 'GET', url: `/api/users?region=${region}` }),
  },
  'POST /api/users': {
    kind: 'matrix',
    action: 'user.manage',
    probe: (_world, region) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: `m${Math.random().toString(36).slice(2, 12)}`,
          displayName: '矩阵测试',
          role: 'evaluator',
          regionCode: region,
        },
      }),
  },
  'GET /api/users/grants': {
    kind: 'self',
    action: 'user.manage',
    probe: () => ({ method: 'GET', url: '/api/users/grants' }),
  },
  'PATCH /api/users/:id': {
    kind: 'matrix',
    action: 'user.manage',
    probe: async (world, region) => ({
      method: 'PATCH',
      url: `/api/users/${String(await world.account(region))}`,
      payload: { displayName: '改名' },
    }),
  },
  'POST /api/users/:id/reset-password': {
    kind: 'matrix',
    action: 'user.manage',
    probe: async (world, region) => ({
      method: 'POST',
      url: `/api/users/${String(await world.account(region))}/reset-password`,
    }),
  },
  'POST /api/users/:id/sign-out-everywhere': {
    kind: 'matrix',
    action: 'user.manage',
    probe: async (world, region) => ({
      method: 'POST',
      url: `/api/users/${String(await world.account(region))}/sign-out-everywhere`,
    }),
  },
  'GET /api/observations': {
    kind: 'filter',
    action: 'data.read',
    probe: async (world, region) => {
      const item = await world.observation(region, 'draft');
      return {
        probe: { method: 'GET', url: `/api/observations?region=${region}&limit=1000` },
        shows: (body) => (body as { items: { id: number }[] }).items.some((row) => row.id === item.id),
      };
    },
  },
  'POST /api/observations': {
    kind: 'matrix',
    action: 'data.enter',
    probe: (_world, region) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/observations',
        payload: { items: [{ region, indicator: 'kindergarten-children', year: 2021, value: 100 }] },
      }),
  },
  'POST /api/observations/import': {
    kind: 'matrix',
    action: 'data.enter',
    probe: (world, region) =>
      Promise.resolve({ method: 'POST', url: '/api/observations/import', multipart: world.csv(region) }),
  },
  'POST /api/observations/import-jobs': {
    kind: 'account',
    why: 'a job is accepted from any account; the import inside it is judged by data.enter like /import (tested there)',
    probe: (world) => ({ method: 'POST', url: '/api/observations/import-jobs', multipart: world.csv('140902') }),
  },
  'POST /api/observations/workflow': {
    kind: 'matrix',
    action: 'data.approve',
    probe: onObservation('submitted', (item) => ({
      method: 'POST',
      url: '/api/observations/workflow',
      payload: { action: 'approve', items: [{ id: item.id, lock: item.lock }] },
    })),
  },
  'GET /api/observations/:id/history': {
    kind: 'matrix',
    action: 'data.read',
    probe: onObservation('draft', (item) => ({ method: 'GET', url: `/api/observations/${String(item.id)}/history` })),
  },
  'POST /api/observations/:id/:step': {
    kind: 'matrix',
    action: 'data.approve',
    probe: onObservation('submitted', (item) => ({
      method: 'POST',
      url: `/api/observations/${String(item.id)}/approve`,
      payload: { lock: item.lock },
    })),
  },
  'GET /api/aggregates': {
    kind: 'public',
    why: 'sums over published figures for the public, approved ones too in scope (evaluation tests)',
    probe: () => ({ method: 'GET', url: '/api/aggregates?region=140900&year=2024' }),
  },
  'GET /api/datasets': {
    kind: 'matrix',
    action: 'data.read',
    probe: (_world, region) => Promise.resolve({ method: 'GET', url: `/api/datasets?region=${region}&year=2024` }),
  },
  'GET /api/templates': {
    kind: 'matrix',
    action: 'data.read',
    probe: (_world, region) => Promise.resolve({ method: 'GET', url: `/api/templates?region=${region}&year=2024` }),
  },
  'GET /api/plans/:id/progress': {
    kind: 'public',
    why: 'progress of a published plan on published figures (approved ones too in scope: evaluation tests)',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/progress?year=2024` }),
  },
  'GET /api/plans/:id/indicators/:rowNo/rankings': {
    kind: 'public',
    why: 'rankings of a published plan on published figures',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(shanxi(world))}/indicators/1/rankings?year=2024` }),
  },
  'GET /api/plans/:id/region-lists': {
    kind: 'public',
    why: '红黑榜 of a published plan on published figures',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(shanxi(world))}/region-lists?year=2024` }),
  },
  'GET /api/plans/:id/reports/:kind': {
    kind: 'public',
    why: 'a published plan’s report is a public document',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/reports/final?format=html` }),
  },
  'GET /api/plans/:id/report': {
    kind: 'public',
    why: 'a published plan’s report is a public document',
    probe: (world) => ({
      method: 'GET',
      url: `/api/plans/${String(published(world))}/report?kind=annual&year=2024&format=html`,
    }),
  },
  'POST /api/plans/:id/report-jobs': {
    kind: 'public',
    why: 'the same report, followed as a job (rate limited and queued)',
    probe: (world) => ({
      method: 'POST',
      url: `/api/plans/${String(published(world))}/report-jobs`,
      payload: { kind: 'final', format: 'html' },
    }),
  },
  'GET /api/jobs/:id': {
    kind: 'public',
    why: 'a job is found by its random id only, which only its starter was told (jobs.api tests: another caller gets 404)',
    probe: () => ({ method: 'GET', url: '/api/jobs/00000000-0000-4000-8000-000000000000', expectMissing: true }),
  },
  'GET /api/jobs/:id/result': {
    kind: 'public',
    why: 'as GET /api/jobs/:id',
    probe: () => ({ method: 'GET', url: '/api/jobs/00000000-0000-4000-8000-000000000000/result', expectMissing: true }),
  },
  'GET /api/audit': {
    kind: 'matrix',
    action: 'audit.read',
    probe: (_world, region) => Promise.resolve({ method: 'GET', url: `/api/audit?region=${region}` }),
  },
  'GET /api/plans/:id/next-plan': {
    kind: 'public',
    why: 'the 十五五 draft table is derived from a published plan and published figures',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/next-plan` }),
  },
  'GET /api/plans/:id/commitments': {
    kind: 'public',
    why: 'a published plan’s 专栏 commitments and their progress are public',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/commitments` }),
  },
  'PATCH /api/plans/:id/commitments/:position': {
    kind: 'matrix',
    action: 'task.update',
    probe: async (world, region) => {
      const commitment = await world.commitment(region);
      return commitment === null
        ? null
        : {
            method: 'PATCH',
            url: `/api/plans/${String(commitment.plan)}/commitments/${String(commitment.position)}`,
            payload: { achieved: 1, lock: commitment.lock },
          };
    },
  },
  'POST /api/plans/:id/commitments/:position/evidence': {
    kind: 'matrix',
    action: 'task.update',
    probe: async (world, region) => {
      const commitment = await world.commitment(region);
      return commitment === null
        ? null
        : {
            method: 'POST',
            url: `/api/plans/${String(commitment.plan)}/commitments/${String(commitment.position)}/evidence`,
            multipart: evidence(),
          };
    },
  },
  'GET /api/plans/:id/commitments/:position/history': {
    kind: 'public',
    why: 'the history of a public commitment',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/commitments/1/history` }),
  },
  'GET /api/plans/:id/task-suggestions': {
    kind: 'public',
    why: 'suggestions are the published plan’s own chapters; creating a task is what plan.review guards',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/task-suggestions` }),
  },
  'POST /api/plans/:id/tasks': {
    kind: 'matrix',
    action: 'plan.review',
    probe: onPublished((plan) => ({
      method: 'POST',
      url: `/api/plans/${String(plan)}/tasks`,
      payload: { sectionPosition: 1, leadUnit: '矩阵测试处', deadline: '2025-06-30' },
    })),
  },
  'GET /api/plans/:id/tasks': {
    kind: 'public',
    why: 'a published plan’s tasks are public',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/tasks` }),
  },
  'GET /api/tasks': {
    kind: 'public',
    why: 'tasks of published plans, across plans',
    probe: () => ({ method: 'GET', url: '/api/tasks' }),
  },
  'GET /api/tasks/:id': {
    kind: 'public',
    why: 'a task of a published plan',
    probe: async (world) => ({ method: 'GET', url: `/api/tasks/${String((await world.task('140900'))?.id)}` }),
  },
  'PATCH /api/tasks/:id': {
    kind: 'matrix',
    action: 'plan.review',
    probe: onTask((task) => ({
      method: 'PATCH',
      url: `/api/tasks/${String(task.id)}`,
      payload: { title: '矩阵测试任务', lock: task.lock },
    })),
  },
  'POST /api/tasks/:id/progress': {
    kind: 'matrix',
    action: 'task.update',
    probe: onTask((task) => ({
      method: 'POST',
      url: `/api/tasks/${String(task.id)}/progress`,
      payload: { progress: 10, lock: task.lock },
    })),
  },
  'POST /api/tasks/:id/evidence': {
    kind: 'matrix',
    action: 'task.update',
    probe: onTask((task) => ({
      method: 'POST',
      url: `/api/tasks/${String(task.id)}/evidence`,
      multipart: evidence(),
    })),
  },
  'GET /api/tasks/:id/history': {
    kind: 'public',
    why: 'the history of a public task',
    probe: async (world) => ({ method: 'GET', url: `/api/tasks/${String((await world.task('140900'))?.id)}/history` }),
  },
  'GET /api/plans/:id/checklist': {
    kind: 'public',
    why: '规划实施清单 of a published plan',
    probe: (world) => ({ method: 'GET', url: `/api/plans/${String(published(world))}/checklist` }),
  },
  'GET /api/evidence/:id': {
    kind: 'public',
    why: 'evidence of published commitments and tasks is shown with them (tasks.api tests)',
    probe: () => ({ method: 'GET', url: '/api/evidence/999999', expectMissing: true }),
  },
  'POST /api/feedback': {
    kind: 'public',
    why: '意见建议 from the public on a published plan (rate limited)',
    probe: (world) => ({
      method: 'POST',
      url: '/api/feedback',
      payload: { planId: published(world), message: '矩阵测试：建议公开年度数据。' },
    }),
  },
  'GET /api/feedback': {
    kind: 'matrix',
    action: 'feedback.moderate',
    probe: onPublished((plan) => ({ method: 'GET', url: `/api/feedback?planId=${String(plan)}` })),
  },
  'PATCH /api/feedback/:id': {
    kind: 'matrix',
    action: 'feedback.moderate',
    probe: async (world, region) => {
      const message = await world.feedback(region);
      return message === null
        ? null
        : {
            method: 'PATCH',
            url: `/api/feedback/${String(message.id)}`,
            payload: { status: 'read', lock: message.lock },
          };
    },
  },
  'GET /api/public/plans/:id/feedback': {
    kind: 'public',
    why: 'answered messages on a published plan, without names or contacts',
    probe: (world) => ({ method: 'GET', url: `/api/public/plans/${String(published(world))}/feedback` }),
  },
};
