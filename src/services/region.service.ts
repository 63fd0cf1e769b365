import type { Kysely } from 'kysely';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database, Region, RegionLevel } from '../db/schema.ts';
import { ServiceError } from './errors.ts';

/** A region as the API shows it. */
export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

/** The view of a stored region. */
export function presentRegion(row: Region): RegionView {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The region service on a database. */
export function createRegionService(db: Kysely<Database>): RegionService {
  return new RegionService(regionRepository(db));
}

/** The region tree (GB/T 2260) as in use today: public reference data, no account needed. */
export class RegionService {
  constructor(private readonly regions: RegionRepository) {}

  /** The regions directly under a code (the provinces without one); an unknown code is an error, not an empty list. */
  async listChildren(parentCode: string | null): Promise<RegionView[]> {
    if (parentCode !== null && (await this.regions.findByCode(parentCode)) === undefined) {
      throw new ServiceError(
        'REGION_NOT_FOUND',
        'not-found',
        { zh: `行政区划代码 ${parentCode} 不存在或已停用`, en: `Region code ${parentCode} is not in use` },
        { field: 'parent' },
      );
    }
    return (await this.regions.listChildren(parentCode)).map(presentRegion);
  }

  /** A region with the chain of regions above it, nearest first (for headers and breadcrumbs). */
  async get(code: string): Promise<RegionView & { ancestors: RegionView[] }> {
    const region = await this.regions.findByCode(code);
    if (region === undefined) {
      throw new ServiceError(
        'REGION_NOT_FOUND',
        'not-found',
        { zh: `行政区划代码 ${code} 不存在或已停用`, en: `Region code ${code} is not in use` },
        { field: 'code' },
      );
    }
    const ancestors: RegionView[] = [];
    let parent = region.parent_code;
    // The tree is at most four levels deep (country, province, city, county).
    while (parent !== null && ancestors.length < 4) {
      const row = await this.regions.findByCode(parent);
      if (row === undefined) break;
      ancestors.push(presentRegion(row));
      parent = row.parent_code;
    }
    return { ...presentRegion(region), ancestors };
  }
}
