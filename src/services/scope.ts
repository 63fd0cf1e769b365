import type { RegionRepository } from '../db/region.repository.ts';
import { can, regionRelation } from '../domain/access.ts';
import type { AccessUser, Action, RegionRelation } from '../domain/access.ts';
import { accountErrors } from './account.errors.ts';
import type { Actor } from './audit.ts';

// Province, city, county: a longer chain means the parent links loop, which a bad re-zoning row could cause.
const MAX_DEPTH = 4;

/**
 * A region's ancestry from the region tree: the code first, then its parent, up to its province. An unknown code,
 * or null, gives an empty chain ("no region").
 */
export async function regionChain(regions: RegionRepository, code: string | null): Promise<string[]> {
  const chain: string[] = [];
  for (let next = code; next !== null && chain.length < MAX_DEPTH && !chain.includes(next);) {
    const region = await regions.findByCode(next);
    if (region === undefined) break;
    chain.push(region.code);
    next = region.parent_code;
  }
  return chain;
}

/** How a target region relates to a user's region (null user: the public), read from the region tree. */
export async function relationOf(
  regions: RegionRepository,
  user: AccessUser | null,
  targetRegion: string | null,
): Promise<RegionRelation> {
  if (user === null) return 'none';
  const userChain = await regionChain(regions, user.regionCode);
  return regionRelation(userChain, await regionChain(regions, targetRegion));
}

/**
 * Throws FORBIDDEN unless the actor may do the action on something in the target region. 'system' (the installation
 * itself) may do anything: it is only ever passed by code the operator runs, never by a request.
 */
export async function authorize(
  regions: RegionRepository,
  actor: Actor,
  action: Action,
  targetRegion: string | null,
): Promise<void> {
  if (actor === 'system') return;
  if (!can(actor, action, await relationOf(regions, actor, targetRegion))) throw accountErrors.forbidden();
}
