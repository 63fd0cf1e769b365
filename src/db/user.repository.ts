import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { NewUserRow, UserRow } from './account.schema.ts';
import type { Database } from './schema.ts';

/** What may change on a user row. */
export type UserPatch = Partial<Pick<UserRow, 'display_name' | 'password_hash' | 'active' | 'password_changed_at'>>;

/** SQL over `users`. */
export interface UserRepository {
  /** The user with this id, or undefined. */
  findById(id: number): Promise<UserRow | undefined>;
  /** The user with this username, compared without regard to case, or undefined. */
  findByUsername(username: string): Promise<UserRow | undefined>;
  /** Whether no user exists at all (a fresh installation). */
  isEmpty(): Promise<boolean>;
  /** Inserts a user and returns the stored row. */
  insert(row: NewUserRow): Promise<UserRow>;
  /** Changes a user and returns the row as it is now, or undefined when there is no such user. */
  update(id: number, patch: UserPatch): Promise<UserRow | undefined>;
}

/** The user repository on a database or a transaction. */
export function userRepository(db: Kysely<Database>): UserRepository {
  return {
    findById: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    findByUsername: (username) =>
      db
        .selectFrom('users')
        .selectAll()
        .where(sql<string>`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst(),

    isEmpty: async () => (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) === undefined,

    insert: (row) => db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (id, patch) => db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),
  };
}
