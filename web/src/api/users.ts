/** User management (用户管理): the accounts of a manager's region and below, and what the manager may do to them. */
import type { Role, User } from './auth.ts';
import { get, write } from './http.ts';

/** An account as its managers list it: the user, with its region's name today (null: no region). */
export interface ManagedUser extends User {
  regionName: string | null;
}

/** A role the manager may grant, with the level of region it needs (null: no region, the system administrator). */
export interface RoleGrant {
  role: Role;
  regionLevel: 'province' | 'city' | 'county' | 'any' | null;
}

/** What the signed-in manager may grant, and the region new accounts go under (null: anywhere). */
export interface UserGrants {
  roles: RoleGrant[];
  scope: { code: string; name: string; level: string } | null;
}

/** An account with a password the server generated: shown this once, stored only as a hash. */
export interface AccountWithPassword {
  user: User;
  generatedPassword: string;
}

export interface UserListQuery {
  [key: string]: string | undefined;
  region?: string;
  role?: Role;
  active?: 'true' | 'false';
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  unitName?: string | null;
}

export interface UserChange {
  displayName?: string;
  unitName?: string | null;
  active?: boolean;
}

export const listUsers = get<{ items: ManagedUser[] }, undefined, UserListQuery>('/users');
export const getUserGrants = get<UserGrants>('/users/grants');
export const createUser = write<AccountWithPassword, undefined, NewUser>('POST', '/users');
export const updateUser = write<{ user: User }, { id: number }, UserChange>('PATCH', '/users/:id');
export const resetPassword = write<AccountWithPassword, { id: number }>('POST', '/users/:id/reset-password');
export const signOutEverywhere = write<{ revoked: number }, { id: number }>('POST', '/users/:id/sign-out-everywhere');
