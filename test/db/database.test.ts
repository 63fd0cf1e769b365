import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { regionRepository } from '../../src/db/region.repository.ts';

describe('openDatabase with PGlite in a directory', () => {
  const dirs: string[] = [];
  const newDir = (): string => {
    const dir = join(mkdtempSync(join(tmpdir(), 'eduplan-db-')), 'data');
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directory, and keeps the data across a restart', async () => {
    const dataDir = newDir();
    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    expect(first.kind).toBe('pglite');
    await regionRepository(first.db).insertMissing([
      { code: '140999', name: '测试县', level: 'county', parent_code: '140900', valid_from: '2020-01-01' },
    ]);
    await first.close();
    const second = await openDatabase({ databaseUrl: undefined, dataDir });
    expect(await regionRepository(second.db).findByCode('140999')).toMatchObject({ name: '测试县' });
    await second.close();
  });

  it('refuses a second opening of the same directory while the first is open', async () => {
    const dataDir = newDir();
    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(/is in use by another EduPlan/);
    await first.close();
    const again = await openDatabase({ databaseUrl: undefined, dataDir });
    expect((await sql<{ one: number }>`select 1 as one`.execute(again.db)).rows).toEqual([{ one: 1 }]);
    await again.close();
  });

  it('says which server it could not reach, without the password', async () => {
    const databaseUrl = 'postgres://eduplan:s3cret@127.0.0.1:1/eduplan';
    const failure = openDatabase({ databaseUrl, dataDir: 'memory://' });
    await expect(failure).rejects.toThrow('cannot connect to PostgreSQL at DATABASE_URL (127.0.0.1:1/eduplan)');
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
