import { readdir } from 'node:fs/promises';
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { seedRegions } from './region-seed.ts';
import type { Database } from './schema.ts';

/** The folder of migration files. */
export const MIGRATIONS_FOLDER = new URL('./migrations/', import.meta.url);

/** A migration's name: a UTC timestamp, so name order is time order, and a snake_case subject. */
export const MIGRATION_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}_[a-z0-9_]+$/;

const isMigration = (value: unknown): value is Migration =>
  typeof value === 'object' &&
  value !== null &&
  'up' in value &&
  typeof value.up === 'function' &&
  'down' in value &&
  typeof value.down === 'function';

/** The migration names in the folder, in name order; a misnamed file is an error, never silently skipped. */
export async function migrationNames(folder: URL = MIGRATIONS_FOLDER): Promise<string[]> {
  const names = (await readdir(folder)).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3));
  const misnamed = names.find((name) => !MIGRATION_NAME.test(name));
  if (misnamed !== undefined) {
    throw new Error(
      `迁移文件名 ${misnamed}.ts 不合格式 / migration ${misnamed}.ts is misnamed: use YYYY-MM-DDTHH-MM-SS_subject.ts`,
    );
  }
  return names.sort();
}

/** Kysely's migration provider over the folder: each file is imported (tsx runs the .ts) and must export up and down. */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: URL = MIGRATIONS_FOLDER) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const name of await migrationNames(this.folder)) {
      const module: unknown = await import(new URL(`${name}.ts`, this.folder).href);
      if (!isMigration(module))
        throw new Error(`迁移 ${name} 须导出 up 和 down / migration ${name} must export up and down`);
      migrations[name] = module;
    }
    return migrations;
  }
}

/** A Migrator whose bookkeeping tables live in the connection's current schema (a test's own schema, or public). */
export async function migrator(db: Kysely<Database>): Promise<Migrator> {
  // Without a schema Kysely looks for kysely_migration in every schema, and finds another test run's.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider: new FolderMigrationProvider(), migrationTableSchema: rows[0]?.schema });
}

/**
 * Brings the schema to the latest migration (all in one transaction: on failure nothing changes), then loads the
 * regions of LOADED_PROVINCES not loaded yet.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? '';
    throw new Error(
      `数据库迁移 ${failed} 失败，数据库未改动 / database migration ${failed} failed; nothing was changed`,
      {
        cause: error,
      },
    );
  }
  await seedRegions(db);
}
