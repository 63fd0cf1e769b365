/**
 * `eduplan backup <file>` and `eduplan restore <file>`: the whole installation in one gzip'd file, restorable into
 * the embedded database or a PostgreSQL server (EDUPLAN_DATA or DATABASE_URL, as every command), so moving from one
 * to the other is these two commands. Nothing is ever half-written: the backup goes to `<file>.partial` and is
 * renamed when complete; the restore is one transaction into an empty database.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import type { Config } from '../config.ts';
import { BackupError, migrateTo, occupiedTables, readHeader, restoreRows, writeBackup } from '../db/backup.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/database.ts';
import type { OpenDatabase } from '../db/database.ts';
import { migrateToLatest, migrationNames } from '../db/migrate.ts';
import { config } from './platform.ts';

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const fail = (line: string): number => {
  process.stderr.write(`${line}\n`);
  return 1;
};

function target(settings: Config): string {
  if (settings.databaseUrl === undefined) return `EDUPLAN_DATA=${settings.dataDir}`;
  const { host, pathname } = new URL(settings.databaseUrl); // never the password
  return `DATABASE_URL=postgres://${host}${pathname}`;
}

/** Opens the database as it is (no migration); a PGlite directory held by the server gets one sentence. */
async function openAsIs(settings: Config): Promise<OpenDatabase | null> {
  try {
    return await openDatabase(settings, { migrate: false });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      fail(
        `数据目录 ${error.dir} 正由运行中的 EduPlan 服务使用：请先停止服务再备份或恢复（PostgreSQL 服务器可在运行时备份）。` +
          ` / The data directory ${error.dir} is held by the running EduPlan server: stop it first (a PostgreSQL server can be backed up while it runs).`,
      );
      return null;
    }
    throw error;
  }
}

function fileArgument(args: readonly string[], command: string): string | null {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true });
  const [file] = positionals;
  if (file === undefined) {
    fail(`请指定备份文件 (name the backup file): eduplan ${command} <file>`);
    return null;
  }
  return file;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** `eduplan backup <file>`: writes the backup; an existing file is never overwritten. */
export async function backupCommand(args: readonly string[]): Promise<number> {
  const file = fileArgument(args, 'backup');
  const settings = config();
  if (file === null || settings === null) return 1;
  if (await exists(file)) return fail(`${file} 已存在，请换一个文件名 / ${file} exists: choose another name`);
  const database = await openAsIs(settings);
  if (database === null) return 1;
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial);
  gzip.pipe(output);
  const started = Date.now();
  try {
    const counts = await writeBackup(
      database.db,
      async (line) => {
        if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
      },
      {
        engine: database.kind,
        now: new Date(),
        onTable: (table, rows) => {
          say(`  ${table}: ${String(rows)}`);
        },
      },
    );
    gzip.end();
    await once(output, 'close');
    await rename(partial, file);
    const rows = counts.reduce((sum, table) => sum + table.rows, 0);
    const { size } = await stat(file);
    process.stdout.write(
      `已备份 ${target(settings)}：${String(counts.length)} 张表，${String(rows)} 行，${(size / 1024 / 1024).toFixed(2)} MB，` +
        `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 -> ${file}\n` +
        `backed up ${String(counts.length)} tables, ${String(rows)} rows to ${file}\n`,
    );
    return 0;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    if (error instanceof BackupError) return fail(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/** The file's lines, gunzipped as they are read. */
function linesOf(file: string): AsyncIterator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/** `eduplan restore <file>`: into an empty database only; then migrated to this EduPlan's level. */
export async function restoreCommand(args: readonly string[]): Promise<number> {
  const file = fileArgument(args, 'restore');
  const settings = config();
  if (file === null || settings === null) return 1;
  if (!(await exists(file))) return fail(`${file} 不存在 / no such file: ${file}`);
  const database = await openAsIs(settings);
  if (database === null) return 1;
  const started = Date.now();
  const lines = linesOf(file);
  try {
    const header = await readHeader(lines, await migrationNames());
    const occupied = await occupiedTables(database.db);
    if (occupied.length > 0) {
      const list = occupied.map((table) => `${table.table} (${String(table.rows)})`).join(', ');
      return fail(
        `目标数据库 ${target(settings)} 已有数据（${list}），恢复不会覆盖或合并：请换一个新的 EDUPLAN_DATA 目录或新建一个空的 PostgreSQL 数据库，并在首次启动前恢复。` +
          ` / The target ${target(settings)} holds data (${list}); a restore never overwrites or merges: use a new EDUPLAN_DATA directory or an empty PostgreSQL database, and restore before the first start.`,
      );
    }
    const level = header.migrations.at(-1);
    if (level !== undefined) await migrateTo(database.db, level);
    const counts = await restoreRows(database.db, lines, (table, rows) => {
      say(`  ${table}: ${String(rows)}`);
    });
    await migrateToLatest(database.db);
    const rows = counts.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `已恢复到 ${target(settings)}：${String(counts.length)} 张表，${String(rows)} 行（备份于 ${header.createdAt}，` +
        `来自 ${header.engine}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒；所有人需重新登录。\n` +
        `restored ${String(counts.length)} tables, ${String(rows)} rows (backed up ${header.createdAt} from ${header.engine}); everyone signs in again\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) return fail(error.message);
    if (error instanceof Error && /incorrect header check|unexpected end of file/.test(error.message)) {
      return fail(`${file} 不是完整的 gzip 备份文件 / ${file} is not a complete gzip'd backup`);
    }
    throw error;
  } finally {
    await database.close();
  }
}
