import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AccountRole } from '../domain/access.ts';
import type { NewUserRow, UserRow } from './account.schema.ts';
import type { Database, IsoDate } from './schema.ts';

/** What may change on a user row. */
export type UserPatch = Partial<
  Pick<UserRow, 'display_name' | 'unit_name' | 'password_hash' | 'active' | 'password_changed_at'>
>;

/** Which accounts to list; every condition given must hold. */
export interface UserFilter {
  /** Accounts of this region and of every region below it, in any period (an account outlives a re-zoning). */
  withinRegion?: string;
  role?: AccountRole;
  active?: boolean;
}

/** A user row with the name its region has today (null: no region, or a code no longer in use). */
export type UserWithRegion = UserRow & { region_name: string | null };

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
  /** The accounts matching a filter with their regions' names, by region code (none first) and username. */
  list(filter: UserFilter): Promise<UserWithRegion[]>;
}

const today = sql<IsoDate>`current_date`;

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

    list: ({ withinRegion, role, active }) => {
      let query = db
        .withRecursive('scope(code)', (qb) =>
          qb
            .selectFrom('regions')
            .select('code')
            .where('code', '=', withinRegion ?? '')
            .union((union) =>
              union
                .selectFrom('regions')
                .innerJoin('scope', 'scope.code', 'regions.parent_code')
                .select('regions.code'),
            ),
        )
        .selectFrom('users')
        .leftJoin('regions', (join) =>
          join
            .onRef('regions.code', '=', 'users.region_code')
            .on('regions.valid_from', '<=', today)
            .on((eb) => eb.or([eb('regions.valid_to', 'is', null), eb('regions.valid_to', '>', today)])),
        )
        .selectAll('users')
        .select('regions.name as region_name');
      if (withinRegion !== undefined) {
        query = query.where('users.region_code', 'in', (eb) => eb.selectFrom('scope').select('scope.code'));
      }
      if (role !== undefined) query = query.where('users.role', '=', role);
      if (active !== undefined) query = query.where('users.active', '=', active);
      return query
        .orderBy(sql`users.region_code nulls first`)
        .orderBy('users.username')
        .execute();
    },
  };
}
