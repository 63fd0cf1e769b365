/**
 * `eduplan backup` and `eduplan restore` as an operator runs them: the embedded database into a file and back into a
 * new directory (and, with DATABASE_URL, into a PostgreSQL server: the move from one to the other), never over data
 * and never half-done.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { createPlanService } from '../../src/services/plan.service.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('eduplan backup and restore', () => {
  let dir: string;

  const eduplan = (target: { dataDir?: string; databaseUrl?: string }, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    if (target.dataDir !== undefined) env.EDUPLAN_DATA = target.dataDir;
    if (target.databaseUrl !== undefined) env.DATABASE_URL = target.databaseUrl;
    const run = spawnSync(process.execPath, [join(root, 'bin/eduplan.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
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

  it('backs up to a file, and never overwrites one', () => {
    const done = eduplan(source(), 'backup', file());
    expect(done.stderr).toContain('plans: 5');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/已备份 .*张表/);
    expect(existsSync(`${file()}.partial`)).toBe(false);
    const again = eduplan(source(), 'backup', file());
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
  });

  it('restores into a new directory, then refuses that directory: it holds data now', () => {
    const target = { dataDir: join(dir, 'restored') };
    const done = eduplan(target, 'restore', file());
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('所有人需重新登录');
    expect(eduplan(target, 'backup', join(dir, 'second.gz')).status).toBe(0);
    const again = eduplan(target, 'restore', file());
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已有数据.*plans \(5\)/);
  });

  it('refuses a cut file and a file that is not a backup, and leaves the target empty for the real one', () => {
    const target = { dataDir: join(dir, 'after-refusal') };
    const bytes = readFileSync(file());
    writeFileSync(join(dir, 'cut.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const cut = eduplan(target, 'restore', join(dir, 'cut.gz'));
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/不完整|not a complete|cut short/);
    // A gzip'd plan document is gzip, and JSON nowhere.
    writeFileSync(join(dir, 'plan.gz'), gzipSync(readFileSync(join(root, 'samples/plans/000_cb1b58f4760fbe36.txt'))));
    const notBackup = eduplan(target, 'restore', join(dir, 'plan.gz'));
    expect(notBackup.status).toBe(1);
    expect(notBackup.stderr).toMatch(/不是 EduPlan 的备份文件|damaged/);
    expect(eduplan(target, 'restore', file()).status).toBe(0);
  });

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
        const moved = eduplan({ databaseUrl: scoped.href }, 'restore', file());
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
