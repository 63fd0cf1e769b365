/**
 * `eduplan import-data` as an operator runs it on the embedded database: a CSV with a bad row prints every problem
 * with its row and column and stores nothing; a good one stores its figures as drafts of the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { createObservationQueries } from '../../src/services/observation.queries.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { createPlanService } from '../../src/services/plan.service.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('eduplan import-data', () => {
  let dir: string;
  const dataDir = (): string => join(dir, 'data');

  // The embedded database only: the child must never see the suite's DATABASE_URL.
  const eduplan = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EDUPLAN_DATA: dataDir() };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, [join(root, 'bin/eduplan.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-import-data-'));
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dataDir() });
    try {
      await seedSamplePlans(createPlanService(database.db));
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file with one bad row, naming the row and column, and stores nothing', () => {
    const file = join(dir, '忻府区.csv');
    writeFileSync(
      file,
      [
        'region,indicator,year,value,unit,source',
        '140902,kindergarten-children,2024,9120,人,县教育局年报',
        '140902,primary-net-enrolment-rate,2024,101.2,%,县教育局年报',
      ].join('\n'),
    );
    const run = eduplan('import-data', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('第 3 行');
    expect(run.stderr).toContain('D value');
    expect(run.stderr).toContain('未保存任何数据');
  });

  it('stores a good file as drafts, with each figure traced to its row', async () => {
    const file = join(dir, '忻府区-2024.csv');
    writeFileSync(
      file,
      '\ufeff区划代码,指标或数据项,年份,本年数值,单位,数据来源\n140902,在园幼儿数,2024,9120,人,县教育局年报\n140902,3-5周岁适龄人口,2024,9600,人,县公安局户籍统计\n',
    );
    const run = eduplan('import-data', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('新增 2');
    const database = await openDatabase({ databaseUrl: undefined, dataDir: dataDir() });
    try {
      const items = await createObservationQueries(database.db).list(
        { regionCode: '140902', year: 2024 },
        SYSTEM_CONTEXT.actor,
      );
      expect(items.map((item) => [item.indicator, item.value, item.status, item.origin, item.source])).toEqual([
        ['kindergarten-children', 9120, 'draft', 'file', '县教育局年报'],
        ['population-aged-3-5', 9600, 'draft', 'file', '县公安局户籍统计'],
      ]);
    } finally {
      await database.close();
    }
  });
});
