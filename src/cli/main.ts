import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { NotAPlanError, readPlanDocument } from '../ingest/read.ts';
import { normaliseText } from '../ingest/normalise.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { importDataCommand, importPlanCommand, reportCommand, serveCommand, userCommand } from './platform.ts';
import { formatSummary } from './summary.ts';

const USAGE = `用法 (usage):
  eduplan serve                            启动服务 (start the server on PORT, default 3000; npm start)
  eduplan import-plan <file> [--region CODE] [--period 2021-2025]
                                           导入规划为草稿 (import a plan as a draft; the server must be stopped)
  eduplan import-data <file.xlsx|.csv> [--submit]
                                           导入监测数据，有错则全部不保存 (import figures: all or none; server stopped)
  eduplan report --plan ID --kind annual|midterm|final [--year Y] [--format docx|pdf|html] [-o FILE]
                                           生成监测评估报告 (write a plan's report; the server must be stopped)
  eduplan user add --username U --role R --region CODE [--name N] [--unit N]
                                           创建账号并显示一次密码 (create an account, print its password once)
  eduplan backup <file>                    备份全部数据到一个文件 (back up everything; PGlite: server stopped)
  eduplan restore <file>                   恢复到空数据库，PGlite 与 PostgreSQL 通用 (restore into an empty database)
  eduplan parse <file> [--json | --text]   读取规划文件并输出结构 (read a plan: .txt .md .docx .pdf)
      --json   the structured plan as JSON
      --text   the text the reader extracted, with the line numbers every item refers to
  eduplan samples [dir]                    读取示例规划并汇总 (summarise the sample plans, default samples/plans)
`;

/** Exit codes: 0 done, 1 wrong usage, unreadable file, refused request or busy database, 2 the file is not a plan. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'serve':
      return serveCommand();
    case 'import-plan':
      return importPlanCommand(rest);
    case 'import-data':
      return importDataCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'user':
      return userCommand(rest);
    case 'backup':
      return backupCommand(rest);
    case 'restore':
      return restoreCommand(rest);
    case 'samples':
      return samplesCommand(rest[0] ?? 'samples/plans');
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`未知命令 (unknown command): ${command}\n\n${USAGE}`);
      return 1;
  }
}

async function parseCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, text: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined) {
    process.stderr.write(`请指定规划文件 (name the plan file to read).\n\n${USAGE}`);
    return 1;
  }
  const bytes = await readInput(file);
  if (!bytes) return 1;
  try {
    const document = await readPlanDocument(bytes, basename(file));
    if (values.text) {
      const lines = normaliseText(document.text).lines;
      process.stdout.write(`${lines.map((line) => `${String(line.no).padStart(5)}  ${line.text}`).join('\n')}\n`);
    } else if (values.json) {
      process.stdout.write(`${JSON.stringify(document.plan, null, 2)}\n`);
    } else {
      process.stdout.write(formatSummary(file, document.plan));
    }
    return 0;
  } catch (error) {
    if (error instanceof NotAPlanError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function samplesCommand(dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((name) => /\.(txt|md|docx|pdf)$/i.test(name)).sort();
  process.stdout.write(`EduPlan 教育规划监测评估平台 — 示例规划 (sample plans in ${dir})\n\n`);
  for (const name of files) {
    const path = join(dir, name);
    const document = await readPlanDocument(await readFile(path), name);
    process.stdout.write(formatSummary(path, document.plan));
  }
  process.stdout.write('详见 (details): npx eduplan parse <file> --json\n');
  return 0;
}

async function readInput(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 (no such file)' : String(error);
    process.stderr.write(`无法读取 ${file}：${reason}\n`);
    return null;
  }
}
