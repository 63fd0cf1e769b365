import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Config } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { pgliteParsers, pgTypes } from './type-parsers.ts';

/** Which engine serves the database. */
export type DatabaseKind = 'pglite' | 'postgresql';

/** An open, migrated database. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes the connections (and frees PGlite's data directory). */
  close(): Promise<void>;
  /**
   * Listens on a notification channel: `onNotify` gets each payload as transactions that sent one commit;
   * `onLost` is called if the listening connection fails (notifications may have been missed from then on).
   * Resolves to the function that stops listening.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLost: (error: Error) => void,
  ): Promise<() => Promise<void>>;
}

/**
 * Opens the database the configuration names and migrates it: PostgreSQL when databaseUrl is set, otherwise
 * the embedded PGlite in dataDir. Both speak the same SQL through Kysely's PostgreSQL compiler.
 * @example const { db, close } = await openDatabase(loadConfig());
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  const opened =
    config.databaseUrl === undefined ? await openPglite(config.dataDir) : await openPostgres(config.databaseUrl);
  // A backup reads the database as it is, and a restore brings it to the backup's own level first.
  if (options.migrate === false) return opened;
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/** PGlite in a directory (created if missing), or in memory for `memory://`. */
async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const unlock = dataDir.startsWith('memory://') ? () => undefined : lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, { parsers: pgliteParsers });
  } catch (error) {
    unlock();
    throw new Error(
      `无法打开数据目录 EDUPLAN_DATA=${dataDir} / cannot open the data directory EDUPLAN_DATA=${dataDir}`,
      {
        cause: error,
      },
    );
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    // In process: PGlite calls back after the notifying transaction commits; there is no connection to lose.
    listen: async (channel, onNotify) => {
      const stop = await pglite.listen(channel, onNotify);
      return () => stop();
    },
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/** A pg pool on the server, checked with one query so a wrong address fails here, in words a person can act on. */
async function openPostgres(url: string): Promise<OpenDatabase> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, types: pgTypes() }) }),
  });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    const { host, pathname } = new URL(url); // never the password
    throw new Error(
      `无法连接 DATABASE_URL 指向的 PostgreSQL（${host}${pathname}）/ cannot connect to PostgreSQL at DATABASE_URL (${host}${pathname})`,
      { cause: error },
    );
  }
  return { db, kind: 'postgresql', close: () => db.destroy(), listen: (...args) => listenOnServer(url, ...args) };
}

/** A connection of its own that LISTENs (a pooled one may be handed to a query at any moment). */
async function listenOnServer(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onLost: (error: Error) => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  let stopping = false;
  client.on('notification', (message) => {
    if (message.channel === channel) onNotify(message.payload ?? '');
  });
  client.on('error', (error) => {
    if (!stopping) onLost(error);
  });
  client.on('end', () => {
    if (!stopping) onLost(new Error('the listening connection closed'));
  });
  await client.connect();
  await client.query(`listen ${pg.Client.prototype.escapeIdentifier(channel)}`);
  return async () => {
    stopping = true;
    await client.end();
  };
}
