/** Sign-in, sign-out and the signed-in user. */
import { get, write } from './http.ts';

/** The roles of DESIGN.md, plus the installation's administrator. */
export type Role =
  'province_admin' | 'city_admin' | 'county_reporter' | 'responsible_unit' | 'evaluator' | 'system_admin';

/** A signed-in user, as GET /api/me answers. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  unitName: string | null;
  active: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

export const me = get<{ user: User }>('/me');
export const login = write<{ user: User; expiresAt: string }, undefined, { username: string; password: string }>(
  'POST',
  '/auth/login',
);
export const logout = write<undefined>('POST', '/auth/logout');

/** The signed-in user's own password change; every session ends, so the person signs in again. */
export const changePassword = write<undefined, undefined, { currentPassword: string; newPassword: string }>(
  'POST',
  '/me/password',
);
