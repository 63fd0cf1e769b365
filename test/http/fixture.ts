/** The API on a fresh database of one dialect, with helpers to sign in and upload as a browser would. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { OpenDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { changesChannel, ReadCache, watchChanges } from '../../src/services/read-cache.ts';
import type { AppOptions } from '../../src/http/app.ts';
import { createAccountService } from '../../src/services/account.service.ts';
import type { AccountService } from '../../src/services/account.service.ts';
import type { AccountRole } from '../../src/domain/access.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { createCatalogueService } from '../../src/services/catalogue.service.ts';
import { createCommitmentService } from '../../src/services/commitment.service.ts';
import { createEvidenceService } from '../../src/services/evidence.service.ts';
import { createEvaluationService } from '../../src/services/evaluation.service.ts';
import { createFeedbackService } from '../../src/services/feedback.service.ts';
import { createNextPlanService } from '../../src/services/next-plan.service.ts';
import { createObservationQueries } from '../../src/services/observation.queries.ts';
import { createObservationService } from '../../src/services/observation.service.ts';
import type { ObservationService } from '../../src/services/observation.service.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import type { PlanService } from '../../src/services/plan.service.ts';
import { createAuditLogService } from '../../src/services/audit-log.service.ts';
import { planChecklist } from '../../src/services/checklist.service.ts';
import { JobRunner } from '../../src/services/jobs.ts';
import { createRegionService } from '../../src/services/region.service.ts';
import { createReportService } from '../../src/services/report.service.ts';
import { createTaskQueries } from '../../src/services/task.queries.ts';
import { createTaskService } from '../../src/services/task.service.ts';
import type { TestDialect } from '../db/dialects.ts';
import { sampleBytes } from '../services/plan.samples.ts';

/** An app, its database and services. */
export interface ApiFixture {
  app: FastifyInstance;
  database: OpenDatabase;
  plans: PlanService;
  accounts: AccountService;
  observations: ObservationService;
  /** The computed reads kept between requests, as the server keeps them. */
  cache: ReadCache;
  /** A JSON request as a browser sends it (with the session cookie, when given), and the parsed answer. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  request<T>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    cookie: string | null,
    payload?: object,
  ): Promise<{ status: number; body: T }>;
  /** A responsible unit's account in a region, signed in through the API: its session cookie. */
  unitAccount(username: string, unitName: string, regionCode: string): Promise<string>;
  /** Creates an account as the installation and returns the session cookie of a sign-in through the API. */
  signedIn(username: string, role: AccountRole, regionCode: string | null): Promise<string>;
  close(): Promise<void>;
}

/** What a test may change in the fixture: the clock the tracking services judge deadlines by. */
export interface ApiOptions {
  now?: () => Date;
  /** Where the app logs (default: nowhere). */
  logger?: AppOptions['logger'];
  /** Behind a reverse proxy: X-Forwarded-* are believed. */
  trustProxy?: boolean;
  /** The background jobs (default: a JobRunner with the server's limits). */
  jobs?: JobRunner;
  /** Load-shedding limits (default: the server's, without the event-loop limit). */
  load?: AppOptions['load'];
}

/** Opens the fixture. */
export async function openApi(dialect: TestDialect, options: ApiOptions = {}): Promise<ApiFixture> {
  const database = await dialect.open();
  const plans = createPlanService(database.db);
  const accounts = createAccountService(database.db);
  const observations = createObservationService(database.db);
  // The cache on, as the server runs: every API test then also checks that a write is never answered around.
  const cache = new ReadCache();
  const unwatch = await watchChanges(database, cache, await changesChannel(database.db));
  const evaluation = createEvaluationService(database.db, cache);
  const commitments = createCommitmentService(database.db, options.now);
  const taskQueries = createTaskQueries(database.db, options.now);
  const app = await buildApp({
    logger: options.logger,
    trustProxy: options.trustProxy,
    // The event-loop limit is off unless a test sets it: on a shared 2-core machine a parse that holds the loop for
    // a second would shed the next test's request, a refusal the test is not about. Memory limits stay as served.
    load: options.load ?? { maxEventLoopDelayMs: 0 },
    kind: database.kind,
    plans,
    accounts,
    regions: createRegionService(database.db),
    catalogue: createCatalogueService(database.db),
    observations,
    observationQueries: createObservationQueries(database.db),
    evaluation,
    jobs:
      options.jobs ??
      new JobRunner({
        onSettled: () => {
          cache.invalidate();
        },
      }),
    cache,
    auditLog: createAuditLogService(database.db),
    reports: createReportService(plans, evaluation, {
      now: options.now,
      checklist: (planId, viewer) => planChecklist(commitments, taskQueries, planId, viewer),
    }),
    nextPlan: createNextPlanService(database.db),
    commitments,
    tasks: createTaskService(database.db, options.now),
    taskQueries,
    evidence: createEvidenceService(database.db),
    feedback: createFeedbackService(database.db, options.now),
  });
  return {
    app,
    database,
    plans,
    accounts,
    observations,
    cache,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as above
    request: async <T>(
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      cookie: string | null,
      payload?: object,
    ): Promise<{ status: number; body: T }> => {
      const response = await app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload }),
        ...(cookie === null ? {} : { headers: { cookie } }),
      });
      return { status: response.statusCode, body: response.json<T>() };
    },
    unitAccount: async (username, unitName, regionCode) => {
      const password = `${username}-測試用的密碼-2026`;
      await accounts.createUser(
        { username, displayName: unitName, role: 'responsible_unit', regionCode, unitName, password },
        SYSTEM_CONTEXT,
      );
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return sessionCookie(response);
    },
    signedIn: async (username, role, regionCode) => {
      const password = `${username}-測試用的密碼-2026`;
      await accounts.createUser({ username, displayName: username, role, regionCode, password }, SYSTEM_CONTEXT);
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      return sessionCookie(response);
    },
    close: async () => {
      await app.close();
      await unwatch();
      await database.close();
    },
  };
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'eduplan_session');
  if (cookie === undefined) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `eduplan_session=${cookie.value}`;
}

const BOUNDARY = '----eduplan-test-boundary';

/** A multipart/form-data body with an optional file and text fields, as a browser's form sends it. */
export function multipart(file: { name: string; bytes: Uint8Array } | null, fields: Record<string, string> = {}) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: text/plain\r\n\r\n',
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

/** Uploads a sample plan (or other bytes) to POST /api/plans/import. */
export function importFile(
  app: FastifyInstance,
  cookie: string | null,
  file: string,
  options: { bytes?: Uint8Array; fields?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart({ name: file, bytes: options.bytes ?? sampleBytes(file) }, options.fields);
  return app.inject({
    method: 'POST',
    url: '/api/plans/import',
    payload: body.payload,
    headers: { ...body.headers, ...(cookie === null ? {} : { cookie }) },
  });
}
