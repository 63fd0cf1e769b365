import type { UserRow } from '../db/account.schema.ts';
import type { UserWithRegion } from '../db/user.repository.ts';
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

/** A user as its managers list it: the view, with its region's name today (null: no region). */
export interface ManagedUser extends UserView {
  regionName: string | null;
}

/** The managed view of a stored user with its region's name. */
export function presentManagedUser(row: UserWithRegion): ManagedUser {
  return { ...presentUser(row), regionName: row.region_name };
}

/** Which accounts a manager lists. */
export interface UserListQuery {
  /** Accounts of this region and below (default: the manager's region; every account for the installation's admin). */
  region?: string;
  role?: AccountRole;
  active?: boolean;
}

/** What a manager may change on an account; absent fields stay as they are. */
export interface UserUpdate {
  displayName?: string;
  /** For a responsible unit only (null or empty for any other role). */
  unitName?: string | null;
  /** False deactivates the account and ends its sessions; nobody deactivates themselves. */
  active?: boolean;
}

/** A role a manager may grant, with the level of region it needs (null: no region, the installation's admin). */
export interface RoleGrant {
  role: AccountRole;
  regionLevel: 'province' | 'city' | 'county' | 'any' | null;
}

/** What a manager may grant: the roles, and the region whose subtree new accounts go in (null: anywhere). */
export interface UserGrants {
  roles: RoleGrant[];
  scope: { code: string; name: string; level: string } | null;
}

/** An account given a new password by its manager: shown this once, stored only as a hash. */
export interface PasswordReset {
  user: UserView;
  generatedPassword: string;
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
