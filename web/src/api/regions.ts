/** The GB/T 2260 region tree. */
import { get } from './http.ts';

export type RegionLevel = 'country' | 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

/** The regions directly below `parent` (the provinces without it). */
export const listRegions = get<{ regions: Region[] }, undefined, { parent?: string }>('/regions');

/** A region with the regions above it, nearest first. */
export const getRegion = get<{ region: Region & { ancestors: Region[] } }, { code: string }>('/regions/:code');
