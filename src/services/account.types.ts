import type { UserRow } from '../db/account.schema.ts';
import type { AccountRole } from '../domain/access.ts';

/** A user as services hand it out: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  regionCode: string | null;
  unitName: string | null;
  active: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/** The view of a stored user; the only way a user row leaves the account service. */
export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    unitName: row.unit_name,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    passwordChangedAt: row.password_changed_at.toISOString(),
  };
}

/** What it takes to create an account. */
export interface NewUserInput {
  username: string;
  displayName: string;
  /** Omit it to have one generated and returned once. */
  password?: string;
  role: AccountRole;
  /** Null only for 'system_admin'. */
  regionCode: string | null;
  /** For a 'responsible_unit' only. */
  unitName?: string | null;
}

/** A created account, with its generated password when none was given (shown once, stored nowhere). */
export interface CreatedUser {
  user: UserView;
  generatedPassword?: string;
}

/** A successful sign-in: the raw token (its only appearance; the database holds its hash) and when it ends. */
export interface SignedIn {
  token: string;
  user: UserView;
  expiresAt: Date;
}

/** An account whose password is printed at start: the first administrator and the demo accounts. */
export interface PrintedAccount {
  username: string;
  password: string;
  role: AccountRole;
  regionCode: string | null;
  displayName: string;
}
