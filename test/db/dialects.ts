import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import type { DatabaseKind, OpenDatabase } from '../../src/db/database.ts';

/** A database engine a test file runs on; open() gives it a fresh, migrated database of its own. */
export interface TestDialect {
  kind: DatabaseKind;
  open(): Promise<OpenDatabase>;
}

/** PGlite in memory: nothing to create or clean up. */
const pglite: TestDialect = {
  kind: 'pglite',
  open: () => openDatabase({ databaseUrl: undefined, dataDir: 'memory://' }),
};

/** The server at `url`, in a schema of its own (test_<random>) so parallel files and runs never meet; dropped at close. */
function postgres(url: string): TestDialect {
  return {
    kind: 'postgresql',
    open: async () => {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      await withClient(url, (client) => client.query(`create schema ${schema}`));
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      const opened = await openDatabase({ databaseUrl: scoped.href, dataDir: 'memory://' });
      return {
        ...opened,
        close: async () => {
          await opened.close();
          await withClient(url, (client) => client.query(`drop schema ${schema} cascade`));
        },
      };
    },
  };
}

async function withClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** The dialects to run: always PGlite in memory, and PostgreSQL too when DATABASE_URL is set (as CI does). */
export function testDialects(env: NodeJS.ProcessEnv = process.env): TestDialect[] {
  const url = env.DATABASE_URL;
  return url === undefined || url === '' ? [pglite] : [pglite, postgres(url)];
}
