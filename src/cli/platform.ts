/** The commands that use the database: serve, import-plan, user add. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { Config } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/database.ts';
import type { OpenDatabase } from '../db/database.ts';
import { ACCOUNT_ROLES } from '../domain/access.ts';
import type { AccountRole } from '../domain/access.ts';
import { closeOnSignals, startServer } from '../server.ts';
import { createAccountService } from '../services/account.service.ts';
import { SYSTEM_CONTEXT } from '../services/audit.ts';
import { isServiceError } from '../services/errors.ts';
import { importDataFile } from '../services/observation.import.ts';
import { placeZh } from '../services/observation.errors.ts';
import { createObservationService } from '../services/observation.service.ts';
import { createPlanService } from '../services/plan.service.ts';
import { planChecklist } from '../services/checklist.service.ts';
import { createCommitmentService } from '../services/commitment.service.ts';
import { createEvaluationService } from '../services/evaluation.service.ts';
import { createReportService } from '../services/report.service.ts';
import { createTaskQueries } from '../services/task.queries.ts';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const fail = (line: string): number => {
  process.stderr.write(`${line}\n`);
  return 1;
};

/** The configuration, or null after saying which variable is wrong. */
export function config(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(error.message);
      return null;
    }
    throw error;
  }
}

/** `eduplan serve`: the server until Ctrl-C or SIGTERM. */
export async function serveCommand(): Promise<number> {
  const settings = config();
  if (settings === null) return 1;
  const server = await startServer(settings, out);
  await closeOnSignals(server);
  return 0;
}

/** Runs work on the database the environment names; a PGlite directory held by the server gets one sentence. */
async function withDatabase(
  work: (database: OpenDatabase) => Promise<number>,
  endpoint = 'POST /api/plans/import',
): Promise<number> {
  const settings = config();
  if (settings === null) return 1;
  let database: OpenDatabase;
  try {
    database = await openDatabase(settings);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      return fail(
        `数据目录 ${error.dir} 正由运行中的 EduPlan 服务使用：请通过 ${endpoint} 导入，或先停止服务。` +
          ` / The data directory ${error.dir} is held by the running EduPlan server: use ${endpoint}, or stop the server first.`,
      );
    }
    throw error;
  }
  try {
    return await work(database);
  } catch (error) {
    if (isServiceError(error)) {
      // A refused file lists every problem, one per line, each with its place.
      for (const detail of error.details)
        fail(`  ${placeZh(detail.at)}：${detail.messages.zh} / ${detail.messages.en}`);
      return fail(error.message);
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** `eduplan import-plan <file> [--region CODE] [--period 2021-2025]`: stores a draft as the installation. */
export async function importPlanCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { region: { type: 'string' }, period: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined) return fail('请指定规划文件 (name the plan file): eduplan import-plan <file>');
  const period = values.period?.match(/^(\d{4})-(\d{4})$/);
  if (values.period !== undefined && !period)
    return fail('--period 须形如 2021-2025 (--period must look like 2021-2025)');
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) return fail(`无法读取 ${file} (cannot read ${file})`);
  return withDatabase(async ({ db }) => {
    const { created, plan } = await createPlanService(db).importDocument(
      {
        bytes,
        fileName: basename(file),
        ...(values.region === undefined ? {} : { regionCode: values.region }),
        ...(period ? { period: { start: Number(period[1]), end: Number(period[2]) } } : {}),
      },
      SYSTEM_CONTEXT,
    );
    const what = created ? '已导入为草稿 (imported as a draft)' : '此文件已导入 (already imported)';
    out(
      `${what}: #${plan.id} ${plan.title ?? ''} ${plan.region.name ?? plan.region.code} ${plan.period.start}-${plan.period.end} v${plan.version} ${plan.status}`,
    );
    return 0;
  });
}

/** `eduplan import-data <file> [--submit]`: stores the figures of a data file as the installation, all or none. */
export async function importDataCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { submit: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined)
    return fail('请指定数据文件 (name the data file): eduplan import-data <file.xlsx|.csv> [--submit]');
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) return fail(`无法读取 ${file} (cannot read ${file})`);
  return withDatabase(async ({ db }) => {
    const result = await importDataFile(
      createObservationService(db),
      { bytes, fileName: basename(file), submit: values.submit === true },
      SYSTEM_CONTEXT,
    );
    out(
      `已导入 (imported): 新增 ${result.created}，修改 ${result.revised}，更正 ${result.corrected}，未变 ${result.unchanged}，已提交 ${result.submitted}` +
        ` / created ${result.created}, revised ${result.revised}, corrected ${result.corrected}, unchanged ${result.unchanged}, submitted ${result.submitted}`,
    );
    for (const warning of result.warnings) out(`  提示 (warning) ${placeZh(warning.at)}：${warning.messages.zh}`);
    return 0;
  }, 'POST /api/observations/import');
}

const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
const REPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
const isKind = (kind: string): kind is (typeof REPORT_KINDS)[number] =>
  (REPORT_KINDS as readonly string[]).includes(kind);
const isFormat = (format: string): format is (typeof REPORT_FORMATS)[number] =>
  (REPORT_FORMATS as readonly string[]).includes(format);

/** `eduplan report --plan ID --kind annual|midterm|final [--year Y] [--format docx|pdf|html] [-o FILE]`. */
export async function reportCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      plan: { type: 'string' },
      kind: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      output: { type: 'string', short: 'o' },
    },
  });
  const planId = Number(values.plan);
  if (!Number.isInteger(planId) || planId <= 0) return fail('--plan 须为规划编号 (--plan must be a plan id)');
  const kind = values.kind ?? '';
  if (!isKind(kind)) return fail(`--kind 须为 (must be one of): ${REPORT_KINDS.join(', ')}`);
  const format = values.format;
  if (!isFormat(format)) return fail(`--format 须为 (must be one of): ${REPORT_FORMATS.join(', ')}`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) return fail('--year 须为年份，如 2025 (--year must be a year)');
  return withDatabase(async ({ db }) => {
    const evaluation = createEvaluationService(db);
    const reports = createReportService(createPlanService(db), evaluation, {
      checklist: (id, viewer) => planChecklist(createCommitmentService(db), createTaskQueries(db), id, viewer),
    });
    const file = await reports.planReport(
      planId,
      { kind, format, ...(year === undefined ? {} : { year }) },
      SYSTEM_CONTEXT.actor,
    );
    const target = values.output ?? file.fileName;
    await writeFile(target, file.bytes);
    out(`已生成 (written): ${target}  ${String(file.bytes.byteLength)} bytes`);
    return 0;
  }, 'GET /api/plans/:id/report');
}

const isRole = (role: string): role is AccountRole => (ACCOUNT_ROLES as readonly string[]).includes(role);

/** `eduplan user add --username U --role R --region CODE [--name N] [--unit N]`: prints the password once. */
export async function userCommand(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') return fail('用法 (usage): eduplan user add --username U --role R --region CODE');
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
    },
  });
  const { username, role } = values;
  if (username === undefined || role === undefined)
    return fail('--username 和 --role 必填 (--username and --role are required)');
  if (!isRole(role)) return fail(`--role 须为 (must be one of): ${ACCOUNT_ROLES.join(', ')}`);
  return withDatabase(async ({ db }) => {
    const created = await createAccountService(db).createUser(
      {
        username,
        displayName: values.name ?? username,
        role,
        regionCode: values.region ?? null,
        ...(values.unit === undefined ? {} : { unitName: values.unit }),
      },
      SYSTEM_CONTEXT,
    );
    out(`已创建 (created): ${created.user.username} ${created.user.role} ${created.user.regionCode ?? ''}`);
    out(`密码只显示这一次 (password, shown once): ${created.generatedPassword ?? ''}`);
    return 0;
  });
}
