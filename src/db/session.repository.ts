import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { NewSessionRow, SessionRow, UserRow } from './account.schema.ts';
import type { Database } from './schema.ts';

/** A session with the user it belongs to. */
export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
}

/** SQL over `sessions` and `sign_in_failures`. */
export interface SessionRepository {
  /** Stores a new session. */
  insert(row: NewSessionRow): Promise<void>;
  /** The session with this id (the token's hash) and its user, or undefined. */
  findWithUser(id: string): Promise<SessionWithUser | undefined>;
  /** Records activity on a session. */
  touch(id: string, at: Date): Promise<void>;
  /** Revokes one session if it is not revoked yet; returns its user id, or undefined when nothing changed. */
  revoke(id: string, at: Date): Promise<number | undefined>;
  /** Revokes every session of a user still open at `at`; returns how many. */
  revokeAllOf(userId: number, at: Date): Promise<number>;
  /** Serialises sign-in attempts on one username until the transaction ends, so parallel guesses all count. */
  lockUsername(usernameKey: string): Promise<void>;
  /** How many failed sign-ins a username had since a time. */
  countFailuresSince(usernameKey: string, since: Date): Promise<number>;
  /** Records a failed sign-in (or one under way) and returns its id. */
  insertFailure(usernameKey: string, at: Date, ip: string | null): Promise<string>;
  /** Removes one failure record. */
  deleteFailure(id: string): Promise<void>;
  /** Forgets a username's failures (after a successful sign-in) and any failure older than `before`. */
  clearFailures(usernameKey: string, before: Date): Promise<void>;
}

/** The session repository on a database or a transaction. */
export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    insert: async (row) => {
      await db.insertInto('sessions').values(row).execute();
    },

    findWithUser: async (id) => {
      const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      if (session === undefined) return undefined;
      const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirstOrThrow();
      return { session, user };
    },

    touch: async (id, at) => {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    revoke: async (id, at) => {
      const row = await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },

    revokeAllOf: async (userId, at) => {
      const rows = await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('id')
        .execute();
      return rows.length;
    },

    lockUsername: async (usernameKey) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`sign_in:${usernameKey}`}))`.execute(db);
    },

    countFailuresSince: async (usernameKey, since) => {
      const row = await db
        .selectFrom('sign_in_failures')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('username_key', '=', usernameKey)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    insertFailure: async (usernameKey, at, ip) => {
      const row = await db
        .insertInto('sign_in_failures')
        .values({ username_key: usernameKey, at, ip })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    deleteFailure: async (id) => {
      await db.deleteFrom('sign_in_failures').where('id', '=', id).execute();
    },

    clearFailures: async (usernameKey, before) => {
      await db
        .deleteFrom('sign_in_failures')
        .where((eb) => eb.or([eb('username_key', '=', usernameKey), eb('at', '<', before)]))
        .execute();
    },
  };
}
