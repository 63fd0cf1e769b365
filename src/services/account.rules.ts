import type { RegionRepository } from '../db/region.repository.ts';
import { canGrantRole, ROLE_REGION_LEVEL } from '../domain/access.ts';
import { accountErrors } from './account.errors.ts';
import type { NewUserInput } from './account.types.ts';
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
  const unitName = input.unitName?.trim() ?? '';
  const needsUnit = input.role === 'responsible_unit';
  if (needsUnit !== (unitName !== '')) throw accountErrors.unitNameMismatch(needsUnit);
  return {
    username,
    displayName,
    role: input.role,
    regionCode: input.regionCode,
    unitName: needsUnit ? unitName : null,
  };
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
