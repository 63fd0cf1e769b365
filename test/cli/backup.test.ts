/**
 * `eduplan backup` and `eduplan restore` as an operator runs them: the embedded database into a file and back into a
 * new directory (and, with DATABASE_URL, into a PostgreSQL server: the move from one to the other), never over data
 * and never half-done.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrationNames } from '../../src/db/migrate.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { createPlanService } from '../../src/services/plan.service.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A backup file's lines after its header (which carries the time it was taken). */
function rowsOf(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1);
}

describe('eduplan backup and restore', () => {
  let dir: string;

  // Asynchronous, so the test worker keeps answering vitest while a command runs for seconds on a busy machine.
  const eduplan = (target: { dataDir?: string; databaseUrl?: string }, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    if (target.dataDir !== undefined) env.EDUPLAN_DATA = target.dataDir;
    if (target.databaseUrl !== undefined) env.DATABASE_URL = target.databaseUrl;
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'bin/eduplan.js'), ...args],
        { cwd: root, encoding: 'utf8', env },
        (error, stdout, stderr) => {
          resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
        },
      );
    });
  };
  const source = () => ({ dataDir: join(dir, 'source') });
  const file = () => join(dir, 'eduplan-backup.gz');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-backup-'));
    const database = await openDatabase({ databaseUrl: undefined, dataDir: source().dataDir });
    try {
      await seedSamplePlans(createPlanService(database.db));
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up to a file, and never overwrites one', async () => {
    const done = await eduplan(source(), 'backup', file());
    expect(done.stderr).toContain('plans: 5');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/已备份 .*张表/);
    expect(existsSync(`${file()}.partial`)).toBe(false);
    const again = await eduplan(source(), 'backup', file());
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
  }, 120_000);

  it('restores into a new directory, then refuses that directory: it holds data now', async () => {
    const target = { dataDir: join(dir, 'restored') };
    const done = await eduplan(target, 'restore', file());
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('所有人需重新登录');
    expect((await eduplan(target, 'backup', join(dir, 'second.gz'))).status).toBe(0);
    const again = await eduplan(target, 'restore', file());
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已有数据.*plans \(5\)/);
    // Refused means untouched: the directory backs up to the same rows as before the attempt.
    expect((await eduplan(target, 'backup', join(dir, 'third.gz'))).status).toBe(0);
    expect(rowsOf(join(dir, 'third.gz'))).toEqual(rowsOf(join(dir, 'second.gz')));
  }, 120_000);

  it('refuses a cut file and a file that is not a backup, and leaves the target empty for the real one', async () => {
    const target = { dataDir: join(dir, 'after-refusal') };
    const bytes = readFileSync(file());
    writeFileSync(join(dir, 'cut.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const cut = await eduplan(target, 'restore', join(dir, 'cut.gz'));
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/不完整|not a complete|cut short/);
    // A gzip'd plan document is gzip, and JSON nowhere.
    writeFileSync(join(dir, 'plan.gz'), gzipSync(readFileSync(join(root, 'samples/plans/000_cb1b58f4760fbe36.txt'))));
    const notBackup = await eduplan(target, 'restore', join(dir, 'plan.gz'));
    expect(notBackup.status).toBe(1);
    expect(notBackup.stderr).toMatch(/不是 EduPlan 的备份文件|damaged/);
    expect((await eduplan(target, 'restore', file())).status).toBe(0);
  }, 120_000);

  it('restores a backup from an older EduPlan, then brings it to this one', async () => {
    const names = await migrationNames();
    const accounts = names.find((name) => name.endsWith('_accounts')) ?? '';
    expect(names.indexOf(accounts)).toBeLessThan(names.length - 1);
    const older = { dataDir: join(dir, 'older') };
    const before = await openDatabase({ databaseUrl: undefined, dataDir: older.dataDir }, { migrate: false });
    try {
      await migrateTo(before.db, accounts);
      await sql`insert into users (username, display_name, password_hash, role, region_code, created_at, password_changed_at)
        values ('older-user', '旧版本账号（合成数据）', '$argon2id$synthetic', 'province_admin', '140000', now(), now())`.execute(
        before.db,
      );
    } finally {
      await before.close();
    }
    expect((await eduplan(older, 'backup', join(dir, 'older.gz'))).status).toBe(0);
    const target = { dataDir: join(dir, 'from-older') };
    expect((await eduplan(target, 'restore', join(dir, 'older.gz'))).status).toBe(0);
    const after = await openDatabase({ databaseUrl: undefined, dataDir: target.dataDir }, { migrate: false });
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(after.db);
      expect(applied.rows.map((row) => row.name)).toEqual(names);
      const users = await sql<{ username: string }>`select username from users`.execute(after.db);
      expect(users.rows).toEqual([{ username: 'older-user' }]);
    } finally {
      await after.close();
    }
  }, 120_000);

  const url = process.env.DATABASE_URL;
  it.runIf(url !== undefined && url !== '')(
    'moves the embedded database to a PostgreSQL server with the same two commands',
    async () => {
      const schema = `backup_${randomBytes(5).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create schema ${schema}`);
        const scoped = new URL(url ?? '');
        scoped.searchParams.set('options', `-c search_path=${schema}`);
        const moved = await eduplan({ databaseUrl: scoped.href }, 'restore', file());
        expect(moved.status).toBe(0);
        expect(moved.stdout).toContain('来自 pglite');
        const { rows } = await client.query<{ count: string }>(`select count(*)::text as count from ${schema}.plans`);
        expect(rows[0]?.count).toBe('5');
      } finally {
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
    },
  );
});
