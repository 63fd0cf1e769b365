import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NO_MIGRATIONS, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { MIGRATION_NAME, migrateToLatest, migrationNames, migrator } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import { testDialects } from './dialects.ts';

/** The UTC time a migration name starts with: 2026-11-23T12-40-00_regions -> 2026-11-23T12:40:00Z. */
const stamp = (name: string): number => Date.parse(`${name.slice(0, 10)}T${name.slice(11, 19).replaceAll('-', ':')}Z`);

const regionCount = async (db: Kysely<Database>): Promise<string | undefined> =>
  (await sql<{ n: string }>`select count(*) as n from regions`.execute(db)).rows[0]?.n;

describe('migration files', () => {
  it('are named by a real timestamp, so name order is the order they were written', async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(MIGRATION_NAME);
      expect(Number.isNaN(stamp(name)), name).toBe(false);
    }
    const times = names.map(stamp);
    expect(new Set(times).size, 'two migrations share a timestamp').toBe(times.length);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('refuse a misnamed file instead of skipping it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'eduplan-migrations-'));
    writeFileSync(join(folder, 'add_plans.ts'), 'export {};');
    await expect(migrationNames(pathToFileURL(`${folder}/`))).rejects.toThrow(/add_plans\.ts is misnamed/);
  });
});

describe.each(testDialects())('migrations on $kind', (dialect) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await dialect.open();
  });
  afterAll(() => database.close());

  it('apply from empty: every migration is recorded, in name order', async () => {
    const executed = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(
      database.db,
    );
    expect(executed.rows.map((row) => row.name)).toEqual(await migrationNames());
    expect(await regionCount(database.db)).not.toBe('0');
  });

  it('are idempotent: running them again changes nothing', async () => {
    const before = await regionCount(database.db);
    await migrateToLatest(database.db);
    const { error, results } = await (await migrator(database.db)).migrateToLatest();
    expect(error).toBeUndefined();
    expect(results).toEqual([]);
    expect(await regionCount(database.db)).toBe(before);
  });

  it('roll back to empty with down() and forward again', async () => {
    const before = await regionCount(database.db);
    const down = await (await migrator(database.db)).migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    // Only this connection's schema: introspection lists every schema, and another run may have tables in public.
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
      database.db,
    );
    expect(rows.map((row) => row.name).sort()).toEqual(['kysely_migration', 'kysely_migration_lock']);
    await migrateToLatest(database.db);
    expect(await regionCount(database.db)).toBe(before);
  });
});
