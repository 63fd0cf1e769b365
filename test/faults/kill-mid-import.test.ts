/**
 * A process killed in the middle of an import leaves the database exactly as before, and the same import run again
 * stores every figure once. The child (import-child.ts) imports a SYNTHETIC data file of 5,000 figures as
 * `eduplan import-data` does; SIGKILL lands inside its transaction (the child says INSIDE at its first insert and
 * holds still), and once more at an arbitrary moment. On PGlite this also proves the data directory recovers from a
 * kill; on PostgreSQL (DATABASE_URL), that the server rolls the dead connection's transaction back.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { dataElements } from '../../src/domain/catalogue/elements.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { createPlanService } from '../../src/services/plan.service.ts';

const root = new URL('../../', import.meta.url).pathname;
const TABLES = ['observations', 'observation_versions', 'observation_events', 'audit_log'] as const;

/** Every row of the tables an import writes, hashed: equal snapshots mean an unchanged database. */
async function snapshot(database: OpenDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: string; digest: string | null }>`
      select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest
      from ${sql.table(table)} as t`.execute(database.db);
    result[table] = `${rows[0]?.n ?? '?'} ${rows[0]?.digest ?? '-'}`;
  }
  return result;
}

interface Engine {
  kind: string;
  config: Pick<Config, 'databaseUrl' | 'dataDir'>;
  env: NodeJS.ProcessEnv;
  prepare(): Promise<void>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'eduplan-kill-'));
  const env: NodeJS.ProcessEnv = { ...process.env, EDUPLAN_DATA: join(dir, 'data') };
  delete env.DATABASE_URL;
  return {
    kind: 'pglite',
    config: { databaseUrl: undefined, dataDir: join(dir, 'data') },
    env,
    prepare: () => Promise.resolve(),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgresEngine(url: string): Engine {
  const schema = `kill_${randomBytes(5).toString('hex')}`;
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgresql',
    config: { databaseUrl: scoped.href, dataDir: 'memory://' },
    env: { ...process.env, DATABASE_URL: scoped.href },
    prepare: () => admin(`create schema ${schema}`),
    cleanup: () => admin(`drop schema if exists ${schema} cascade`),
  };
}

const url = process.env.DATABASE_URL;
const engines: (() => Engine)[] = [
  pgliteEngine,
  ...(url === undefined || url === '' ? [] : [() => postgresEngine(url)]),
];

/** Runs the child; resolves with its exit and output. `killAt` kills it on INSIDE, or after so many ms. */
function runChild(
  env: NodeJS.ProcessEnv,
  file: string,
  killAt: 'inside' | number | null,
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killedInside: boolean;
}> {
  return new Promise((resolve, reject) => {
    const childEnv = { ...env };
    if (killAt === 'inside') childEnv.EDUPLAN_PAUSE_IN_TRANSACTION = '1';
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/faults/import-child.ts'), file], {
      cwd: root,
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    let killedInside = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killAt === 'inside' && !killedInside && stdout.includes('INSIDE')) {
        killedInside = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = typeof killAt === 'number' ? setTimeout(() => child.kill('SIGKILL'), killAt) : undefined;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, killedInside });
    });
  });
}

describe.each(engines.map((make) => ({ make, kind: make === pgliteEngine ? 'pglite' : 'postgresql' })))(
  'an import killed mid-transaction on $kind',
  ({ make }) => {
    let engine: Engine;
    let file: string;
    let figures = 0;
    let before: Record<string, string>;
    let dir: string;

    const open = () => openDatabase(engine.config);
    const snap = async () => {
      const database = await open();
      try {
        return await snapshot(database);
      } finally {
        await database.close();
      }
    };

    beforeAll(async () => {
      engine = make();
      await engine.prepare();
      dir = mkdtempSync(join(tmpdir(), 'eduplan-kill-file-'));
      const database = await open();
      try {
        await seedSamplePlans(createPlanService(database.db));
        const { rows } = await sql<{ code: string }>`
          select distinct code from regions where level = 'county' and code like '14%' order by code limit 40`.execute(
          database.db,
        );
        // SYNTHETIC figures for this test only: 40 山西 counties × 25 data elements × 2021-2025, every value 100.
        const lines = ['区划代码,指标或数据项,年份,本年数值,单位'];
        for (const { code } of rows)
          for (const element of dataElements.slice(0, 25))
            for (const year of [2021, 2022, 2023, 2024, 2025])
              lines.push(`${code},${element.id},${String(year)},100,${element.unit}`);
        figures = lines.length - 1;
        file = join(dir, 'synthetic.csv');
        writeFileSync(file, `${lines.join('\n')}\n`);
        before = await snapshot(database);
      } finally {
        await database.close();
      }
    }, 120_000);

    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await engine.cleanup();
    });

    it('leaves the database as before when killed inside the transaction, twice', async () => {
      expect(figures).toBe(5_000);
      for (let run = 0; run < 2; run += 1) {
        const killed = await runChild(engine.env, file, 'inside');
        expect(killed.killedInside, killed.stderr).toBe(true);
        expect(killed.signal).toBe('SIGKILL');
        expect(await snap()).toEqual(before);
      }
    }, 180_000);

    it('stores all or nothing when killed at an arbitrary moment', async () => {
      const killed = await runChild(engine.env, file, 4_000);
      const after = await snap();
      const count = Number(after.observations?.split(' ')[0]);
      const start = Number(before.observations?.split(' ')[0]);
      expect([start, start + figures]).toContain(count);
      if (count === start) expect(after).toEqual(before);
      expect(killed.signal === 'SIGKILL' || killed.code === 0).toBe(true);
    }, 180_000);

    it('takes the same import again to completion, every figure stored once', async () => {
      const done = await runChild(engine.env, file, null);
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      const after = await snap();
      const start = Number(before.observations?.split(' ')[0]);
      expect(Number(after.observations?.split(' ')[0])).toBe(start + figures);
      // Once more: nothing new, nothing doubled.
      const again = await runChild(engine.env, file, null);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('DONE 0');
      expect(Number((await snap()).observations?.split(' ')[0])).toBe(start + figures);
    }, 300_000);
  },
);
