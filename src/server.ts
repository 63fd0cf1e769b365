/**
 * `npm start`: opens the database, makes sure the installation has its administrator (and, on the embedded sample
 * database, the demo accounts), imports and publishes the sample plans on first start, and serves the API.
 * Ctrl-C or SIGTERM closes the server, then the database.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import type { OpenDatabase } from './db/database.ts';
import type { Database } from './db/schema.ts';
import { buildApp } from './http/app.ts';
import type { AppOptions } from './http/app.ts';
import { createAccountService } from './services/account.service.ts';
import type { PrintedAccount } from './services/account.types.ts';
import { SYSTEM_CONTEXT } from './services/audit.ts';
import { createCatalogueService } from './services/catalogue.service.ts';
import { createCommitmentService } from './services/commitment.service.ts';
import { createEvidenceService } from './services/evidence.service.ts';
import { createEvaluationService } from './services/evaluation.service.ts';
import { createFeedbackService } from './services/feedback.service.ts';
import { createNextPlanService } from './services/next-plan.service.ts';
import { createObservationQueries } from './services/observation.queries.ts';
import { createObservationService } from './services/observation.service.ts';
import { createPlanService } from './services/plan.service.ts';
import type { PlanService } from './services/plan.service.ts';
import { createAuditLogService } from './services/audit-log.service.ts';
import { planChecklist } from './services/checklist.service.ts';
import { JobRunner } from './services/jobs.ts';
import { createRegionService } from './services/region.service.ts';
import { createReportService } from './services/report.service.ts';
import { loadPublishedStatistics } from './services/statistics.service.ts';
import { createTaskQueries } from './services/task.queries.ts';
import { createTaskService } from './services/task.service.ts';
import { changesChannel, ReadCache, watchChanges } from './services/read-cache.ts';

/** Where the sample plans are, relative to the package. */
export const SAMPLES_DIR = new URL('../samples/plans/', import.meta.url);

/** The real published statistics the demo shows (copied from the shared data, not edited). */
export const SAMPLE_STATISTICS = new URL('../samples/data/real-stats.csv', import.meta.url);

/** Loads the published statistics once (figures already stored are left alone); returns how many were loaded. */
export async function seedSampleStatistics(db: Kysely<Database>, file: URL = SAMPLE_STATISTICS): Promise<number> {
  const { loaded } = await loadPublishedStatistics(db, await readFile(file, 'utf8'), 'real-stats.csv');
  return loaded;
}

/** The built web app (npm start builds it first: scripts/build-web.mjs). */
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** A running server: its address and how to stop it. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: OpenDatabase;
  close(): Promise<void>;
}

type Print = (line: string) => void;

/**
 * Imports each sample plan as the installation and publishes it, unless that file is already stored; returns how
 * many were imported. Files go in name order, but links to parent plans do not depend on it.
 */
export async function seedSamplePlans(plans: PlanService, dir: URL = SAMPLES_DIR): Promise<number> {
  const files = (await readdir(dir)).filter((name) => /\.(txt|md|docx|pdf)$/i.test(name)).sort();
  let imported = 0;
  for (const name of files) {
    const bytes = await readFile(new URL(name, dir));
    const { created, plan } = await plans.importDocument({ bytes, fileName: name }, SYSTEM_CONTEXT);
    if (created) imported += 1;
    if (plan.status === 'draft') await plans.publish(plan.id, SYSTEM_CONTEXT);
  }
  return imported;
}

function accountLine(account: PrintedAccount): string {
  const scope = account.regionCode ?? '全部 all';
  return `  ${account.username.padEnd(16)} ${account.password}  ${account.role} ${scope} ${account.displayName}`;
}

/** The API (and web app) on an open database, every service wired as the server runs them. */
export interface ServerApp {
  app: FastifyInstance;
  cache: ReadCache;
  /** Stops listening for the database's change notifications. */
  unwatch: () => Promise<void>;
}

/** Builds the app the server runs on a database (the benchmarks build the same one on theirs). */
export async function serverApp(
  database: OpenDatabase,
  options: Partial<Pick<AppOptions, 'logger' | 'webRoot' | 'load'>> = {},
): Promise<ServerApp> {
  const cache = new ReadCache();
  const unwatch = await watchChanges(database, cache, await changesChannel(database.db));
  const plans = createPlanService(database.db);
  const evaluation = createEvaluationService(database.db, cache);
  const commitments = createCommitmentService(database.db);
  const taskQueries = createTaskQueries(database.db);
  const app = await buildApp({
    ...options,
    kind: database.kind,
    plans,
    accounts: createAccountService(database.db),
    regions: createRegionService(database.db),
    catalogue: createCatalogueService(database.db),
    observations: createObservationService(database.db),
    observationQueries: createObservationQueries(database.db),
    evaluation,
    jobs: new JobRunner({
      onSettled: () => {
        cache.invalidate();
      },
    }),
    cache,
    auditLog: createAuditLogService(database.db),
    reports: createReportService(plans, evaluation, {
      checklist: (planId, viewer) => planChecklist(commitments, taskQueries, planId, viewer),
    }),
    nextPlan: createNextPlanService(database.db),
    commitments,
    tasks: createTaskService(database.db),
    taskQueries,
    evidence: createEvidenceService(database.db),
    feedback: createFeedbackService(database.db),
  });
  return { app, cache, unwatch };
}

/** Starts EduPlan on the configuration; prints what a person needs (passwords once, the URL) through `print`. */
export async function startServer(
  config: Config,
  print: Print = (line) => process.stdout.write(`${line}\n`),
  options: { webRoot?: string } = {},
): Promise<RunningServer> {
  const database = await openDatabase(config);
  let unwatch = (): Promise<void> => Promise.resolve();
  try {
    const accounts = createAccountService(database.db);
    const plans = createPlanService(database.db);
    const admin = await accounts.ensureInitialAdmin();
    if (admin !== null) {
      print('首次启动：已创建系统管理员，密码只显示这一次 / first start: the administrator, password shown once:');
      print(accountLine(admin));
    }
    // Demo accounts only on the embedded sample database, never on a PostgreSQL server someone runs for real.
    if (database.kind === 'pglite') {
      print('演示账号（每次启动重设密码）/ demo accounts (new passwords at every start):');
      for (const account of await accounts.ensureDemoAccounts()) print(accountLine(account));
    }
    const imported = await seedSamplePlans(plans);
    if (imported > 0) print(`已导入并发布 ${imported} 份示例规划 / imported and published ${imported} sample plans`);
    const figures = await seedSampleStatistics(database.db);
    if (figures > 0) print(`已载入 ${figures} 条公开统计数据 / loaded ${figures} published statistics`);
    const served = await serverApp(database, {
      logger: { level: config.nodeEnv === 'production' ? 'info' : 'warn' },
      webRoot: options.webRoot ?? WEB_DIST,
    });
    const { app } = served;
    unwatch = served.unwatch;
    await app.listen({ port: config.port, host: '0.0.0.0' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://localhost:${port}`;
    print(`EduPlan 已启动 / listening on ${url}  (网页 web app: ${url}/ · API: ${url}/api/docs)`);
    return {
      url,
      app,
      database,
      close: async () => {
        await app.close();
        await unwatch();
        await database.close();
      },
    };
  } catch (error) {
    await unwatch();
    await database.close();
    throw error;
  }
}

/** Closes the server and the database on Ctrl-C or SIGTERM, once. */
export function closeOnSignals(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const stop = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      process.stdout.write(`\n${signal}: 正在关闭 / shutting down\n`);
      server.close().then(resolve, (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
