/**
 * The databases a benchmark runs on: PGlite in memory, or, when DATABASE_URL is set, a throwaway schema on that
 * PostgreSQL server (created here, dropped at close), so a benchmark never touches anybody's tables.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import type { OpenDatabase } from '../src/db/database.ts';

export type BenchEngine = 'pglite' | 'postgresql';

/** The engines to measure: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export function benchEngines(env: NodeJS.ProcessEnv = process.env): BenchEngine[] {
  return env.DATABASE_URL === undefined || env.DATABASE_URL === '' ? ['pglite'] : ['pglite', 'postgresql'];
}

/** One statement on the server through a connection of its own (creating or dropping a schema or database). */
export async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on the engine; close() also drops a PostgreSQL schema. */
export async function benchDatabase(engine: BenchEngine, env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
  const url = env.DATABASE_URL;
  if (engine === 'pglite' || url === undefined || url === '') {
    return openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await onServer(url, `create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const opened = await openDatabase({ databaseUrl: scoped.href, dataDir: 'memory://' });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await onServer(url, `drop schema ${schema} cascade`);
    },
  };
}
