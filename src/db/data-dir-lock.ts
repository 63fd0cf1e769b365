import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'eduplan.pid';

/** Whether a process with this id runs (EPERM: it runs under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in an existing lock file, or null when there is none or it cannot be read. */
function lockOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Another live process holds the data directory (typically the running server). */
export class DataDirInUseError extends Error {
  constructor(
    message: string,
    readonly dir: string,
    readonly owner: number | null,
  ) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

/** The error a person sees when another process holds the directory. */
function inUse(dir: string, path: string, owner: number | null): DataDirInUseError {
  const pid = owner === null ? '' : `（pid ${owner}）`;
  return new DataDirInUseError(
    `数据目录 ${dir} 正被另一个 EduPlan 进程${pid}使用：请停止它，或通过它的接口操作；若确无 EduPlan 在运行，删除 ${path}。` +
      ` / The data directory ${dir} is in use by another EduPlan process${owner === null ? '' : ` (pid ${owner})`}:` +
      ` stop it or go through its API; if no EduPlan is running, delete ${path}.`,
    dir,
    owner,
  );
}

/**
 * Claims a PGlite data directory for this process and returns the function that frees it.
 * PGlite does not stop two processes from opening one directory, and two writers corrupt it (DESIGN.md: the server
 * owns the database). A lock left by a process that has died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const owner = lockOwner(path);
  if (owner !== null && isRunning(owner)) throw inUse(dir, path, owner);
  rmSync(path, { force: true });
  try {
    // 'wx' fails if another process created the file since we looked: then that process wins.
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw inUse(dir, path, lockOwner(path));
    throw error;
  }
  return () => {
    if (lockOwner(path) === process.pid) rmSync(path, { force: true });
  };
}
