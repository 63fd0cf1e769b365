import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountRole } from '../domain/access.ts';

/** A timestamptz column: both engines return a Date; the service always writes its own clock's time. */
type Timestamp = ColumnType<Date, Date, Date>;

/** A JSON value as jsonb returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** `users`: one account, scoped to a region (null only for the installation's administrator). */
export interface UserTable {
  id: Generated<number>;
  /** Unique regardless of case, so 'Admin' and 'admin' cannot both exist. */
  username: string;
  display_name: string;
  /** An argon2id PHC string; never leaves the account service. */
  password_hash: string;
  role: AccountRole;
  region_code: string | null;
  /** The department's name, for a responsible unit only. */
  unit_name: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}

/** `sessions`: the id is the SHA-256 (hex) of the token the browser holds, so a leaked table cannot sign anyone in. */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute end, whatever the activity. */
  expires_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** `sign_in_failures`: failed sign-ins by lower-cased username, known or not, for the lockout. */
export interface SignInFailureTable {
  id: Generated<string>;
  username_key: string;
  at: Timestamp;
  ip: string | null;
}

/** `audit_log`: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export interface AuditLogTable {
  /** bigint, returned as text so it never loses digits. */
  id: Generated<string>;
  at: Timestamp;
  /** Null when the installation itself acted (first start, the command line). */
  actor_user_id: number | null;
  actor_ip: string | null;
  action: string;
  entity: string;
  entity_id: string;
  /** The region the entity belongs to (null: installation-wide), for reading the trail by region. */
  region_code: string | null;
  /** Written as JSON text, read back as the value. */
  before: ColumnType<JsonValue | null, string | null, never>;
  after: ColumnType<JsonValue | null, string | null, never>;
}

/** A user row as stored (with its hash: repositories and the account service only). */
export type UserRow = Selectable<UserTable>;
/** A user row to insert. */
export type NewUserRow = Insertable<UserTable>;
/** A session row as stored. */
export type SessionRow = Selectable<SessionTable>;
/** A session row to insert. */
export type NewSessionRow = Insertable<SessionTable>;
/** An audit entry as stored. */
export type AuditRow = Selectable<AuditLogTable>;
/** An audit entry to append. */
export type NewAuditRow = Insertable<AuditLogTable>;

/** The account tables, merged into `Database` in schema.ts. */
export interface AccountTables {
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
}
