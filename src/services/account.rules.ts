import type { UserRow } from '../db/account.schema.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { RegionLevel } from '../db/schema.ts';
import type { UserPatch } from '../db/user.repository.ts';
import { ACCOUNT_ROLES, can, canGrantRole, ROLE_REGION_LEVEL } from '../domain/access.ts';
import type { AccessUser, AccountRole, RegionRelation } from '../domain/access.ts';
import { accountErrors } from './account.errors.ts';
import type { NewUserInput, RoleGrant, UserUpdate } from './account.types.ts';
import type { Actor } from './audit.ts';
import { passwordProblem } from './passwords.ts';
import { authorize } from './scope.ts';

const USERNAME = /^[\p{L}\p{N}._@-]{3,64}$/u;

const LEVEL_NAMES = {
  province: { zh: '省级行政区', en: 'a province' },
  city: { zh: '地级行政区', en: 'a city' },
  county: { zh: '县级行政区', en: 'a county' },
  none: { zh: '空（全系统）', en: 'empty (the whole installation)' },
  any: { zh: '一个行政区', en: 'a region' },
} as const;

/** A new account's fields, trimmed and checked; the password is checked but not carried. */
export type CheckedNewUser = Omit<Required<NewUserInput>, 'password'>;

/** The input, trimmed, or the first rule it breaks (checked before any hashing or database work). */
export function checkNewUser(input: NewUserInput): CheckedNewUser {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw accountErrors.usernameInvalid();
  const displayName = input.displayName.trim();
  if (displayName === '') throw accountErrors.displayNameMissing();
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, username);
    if (problem !== null) throw problem;
  }
  return {
    username,
    displayName,
    role: input.role,
    regionCode: input.regionCode,
    unitName: checkUnitName(input.role, input.unitName),
  };
}

/** The unit name a role carries: a responsible unit's, trimmed and required; null for every other role. */
function checkUnitName(role: AccountRole, unitName: string | null | undefined): string | null {
  const trimmed = unitName?.trim() ?? '';
  const needsUnit = role === 'responsible_unit';
  if (needsUnit !== (trimmed !== '')) throw accountErrors.unitNameMismatch(needsUnit);
  return needsUnit ? trimmed : null;
}

/**
 * A manager's change to an account as the columns to set, or the first rule it breaks. Nobody deactivates themselves:
 * an installation could otherwise lose its last administrator by a slip of the mouse.
 */
export function checkUserUpdate(user: UserRow, update: UserUpdate, actor: Actor): UserPatch {
  const patch: UserPatch = {};
  if (update.displayName !== undefined) {
    const displayName = update.displayName.trim();
    if (displayName === '') throw accountErrors.displayNameMissing();
    patch.display_name = displayName;
  }
  if (update.unitName !== undefined) patch.unit_name = checkUnitName(user.role, update.unitName);
  if (update.active !== undefined) {
    if (!update.active && actor !== 'system' && actor.id === user.id) throw accountErrors.cannotDeactivateSelf();
    patch.active = update.active;
  }
  return patch;
}

const DEPTH: Readonly<Record<RegionLevel, number>> = { country: 0, province: 1, city: 2, county: 3 };

/** Where an account of a role could sit relative to a manager whose region has this level (null: no region). */
function possibleRelations(role: AccountRole, managerLevel: RegionLevel | null): RegionRelation[] {
  const level = ROLE_REGION_LEVEL[role];
  if (managerLevel === null) return ['none'];
  if (level === null) return [];
  if (level === 'any') return ['own', 'child'];
  if (DEPTH[level] === DEPTH[managerLevel]) return ['own'];
  return DEPTH[level] > DEPTH[managerLevel] ? ['child'] : [];
}

/**
 * The roles a manager may grant somewhere in their region, each with the level of region it needs: what the
 * permission matrix allows and the region tree makes possible (a city has no province below it).
 * @example grantableRoles({ role: 'province_admin', regionCode: '140000' }, 'province') // all but system_admin
 */
export function grantableRoles(manager: AccessUser, managerLevel: RegionLevel | null): RoleGrant[] {
  return ACCOUNT_ROLES.filter(
    (role) =>
      canGrantRole(manager, role) &&
      possibleRelations(role, managerLevel).some((relation) => can(manager, 'user.manage', relation)),
  ).map((role) => ({ role, regionLevel: ROLE_REGION_LEVEL[role] }));
}

/** Throws unless the region exists today and its level is the one the role needs. */
export async function checkRoleRegion(
  regions: RegionRepository,
  role: NewUserInput['role'],
  regionCode: string | null,
): Promise<void> {
  const level = ROLE_REGION_LEVEL[role];
  if (level === null || regionCode === null) {
    if (level !== null || regionCode !== null) {
      throw accountErrors.regionDoesNotFitRole(role, LEVEL_NAMES[level ?? 'none']);
    }
    return;
  }
  const region = await regions.findByCode(regionCode);
  if (region === undefined) throw accountErrors.regionUnknown(regionCode);
  if (level !== 'any' && region.level !== level) {
    throw accountErrors.regionDoesNotFitRole(role, LEVEL_NAMES[level]);
  }
}

/** Throws FORBIDDEN unless the actor manages users in the region and may grant the role. */
export async function authorizeGrant(
  regions: RegionRepository,
  actor: Actor,
  role: NewUserInput['role'],
  regionCode: string | null,
): Promise<void> {
  await authorize(regions, actor, 'user.manage', regionCode);
  if (actor !== 'system' && !canGrantRole(actor, role)) throw accountErrors.forbidden();
}
