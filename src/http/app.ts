/**
 * The HTTP API: a Fastify instance with security headers, the session cookie, same-origin writes, a rate limit on
 * sign-in, one error shape, and the routes. buildApp never listens: the server start and the tests (inject) do.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AccountService } from '../services/account.service.ts';
import type { AuditLogService } from '../services/audit-log.service.ts';
import type { CatalogueService } from '../services/catalogue.service.ts';
import type { EvaluationService } from '../services/evaluation.service.ts';
import type { ReadCache } from '../services/read-cache.ts';
import { forgetReadsOnWrite, sendKeptAnswersAsWritten } from './read-your-writes.ts';
import type { NextPlanService } from '../services/next-plan.service.ts';
import type { CommitmentService } from '../services/commitment.service.ts';
import type { EvidenceService } from '../services/evidence.service.ts';
import type { FeedbackService } from '../services/feedback.service.ts';
import type { ObservationQueries } from '../services/observation.queries.ts';
import type { ObservationService } from '../services/observation.service.ts';
import type { PlanService } from '../services/plan.service.ts';
import type { RegionService } from '../services/region.service.ts';
import type { JobRunner } from '../services/jobs.ts';
import type { ReportService } from '../services/report.service.ts';
import type { TaskQueries } from '../services/task.queries.ts';
import type { TaskService } from '../services/task.service.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { checklistRoutes } from './checklist.routes.ts';
import { commitmentRoutes } from './commitment.routes.ts';
import { handleError } from './errors.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { nextPlanRoutes } from './next-plan.routes.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { feedbackRoutes } from './feedback.routes.ts';
import { healthRoutes } from './health.routes.ts';
import type { DatabaseKind } from './health.routes.ts';
import { indicatorRoutes } from './indicator.routes.ts';
import { registerLoadShedding } from './load-shedding.ts';
import type { LoadLimits } from './load-shedding.ts';
import { observationRoutes } from './observation.routes.ts';
import { registerOpenApi } from './openapi.ts';
import { planRoutes } from './plan.routes.ts';
import { regionRoutes } from './region.routes.ts';
import { jobRoutes } from './job.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { registerSession } from './session.ts';
import { refuseUnknownFields } from './strict-input.ts';
import { MAX_UPLOAD_BYTES } from './limits.ts';
import { taskRoutes } from './task.routes.ts';
import { userRoutes } from './user.routes.ts';
import { registerWebApp } from './web.ts';

/**
 * What a log line must never hold, whatever a future log call passes: the session cookie (a live key to an
 * account), credentials and passwords in bodies. Fastify's own request lines carry neither headers nor bodies.
 */
const LOG_REDACTIONS = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'res.headers["set-cookie"]',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.generatedPassword',
    '*.token',
  ],
  censor: '[redacted]',
};

/** What the API serves from: the services, the engine's name, and how to log. */
export interface AppOptions {
  kind: DatabaseKind;
  plans: PlanService;
  accounts: AccountService;
  regions: RegionService;
  catalogue: CatalogueService;
  observations: ObservationService;
  observationQueries: ObservationQueries;
  evaluation: EvaluationService;
  reports: ReportService;
  auditLog: AuditLogService;
  /** Long work run in the background (reports on request). */
  jobs: JobRunner;
  nextPlan: NextPlanService;
  commitments: CommitmentService;
  tasks: TaskService;
  taskQueries: TaskQueries;
  evidence: EvidenceService;
  /** 意见建议: the public's messages on plans and their moderation. */
  feedback: FeedbackService;
  /** false (the default, for tests) or the log level (and where to write); the server logs warnings and errors. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Trust X-Forwarded-* from a reverse proxy (then request.ip and https come from it). */
  trustProxy?: boolean;
  /** The built web app's directory (web/dist), served at /; undefined serves the API alone. */
  webRoot?: string;
  /** When to refuse requests with 503 SERVER_BUSY (default DEFAULT_LOAD_LIMITS in load-shedding.ts). */
  load?: Partial<LoadLimits>;
  /** The computed reads the services keep, forgotten after every write answered here. */
  cache?: ReadCache;
}

/**
 * The API on the given services, ready for `listen` or `inject`.
 * @example const app = await buildApp({ kind, plans, accounts, regions, catalogue });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = typeof options.logger === 'object' ? { ...options.logger, redact: LOG_REDACTIONS } : options.logger;
  const app = Fastify({ logger: logger ?? false, trustProxy: options.trustProxy ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(helmet);
  await registerLoadShedding(app, options.load);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await registerOpenApi(app);
  refuseUnknownFields(app);
  registerSession(app, options.accounts);
  if (options.cache !== undefined) {
    forgetReadsOnWrite(app, options.cache);
    sendKeptAnswersAsWritten(app, options.cache);
  }

  await app.register(
    async (api) => {
      await api.register(healthRoutes(options.kind));
      await api.register(regionRoutes(options.regions));
      await api.register(indicatorRoutes(options.catalogue));
      await api.register(planRoutes(options.plans));
      await api.register(authRoutes(options.accounts));
      await api.register(userRoutes(options.accounts));
      await api.register(observationRoutes(options.observations, options.observationQueries, options.jobs));
      await api.register(evaluationRoutes(options.evaluation));
      await api.register(reportRoutes(options.reports, options.jobs));
      await api.register(jobRoutes(options.jobs));
      await api.register(auditRoutes(options.auditLog));
      await api.register(nextPlanRoutes(options.nextPlan));
      await api.register(commitmentRoutes(options.commitments));
      await api.register(taskRoutes(options.tasks, options.taskQueries));
      await api.register(checklistRoutes(options.plans, options.commitments, options.taskQueries));
      await api.register(evidenceRoutes(options.evidence));
      await api.register(feedbackRoutes(options.feedback));
    },
    { prefix: '/api' },
  );
  await registerWebApp(app, options.webRoot);
  return app;
}
