import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import type { RegionRepository } from '../../src/db/region.repository.ts';
import type { AccessUser } from '../../src/domain/access.ts';
import { authorize, regionChain, relationOf } from '../../src/services/scope.ts';
import { testDialects } from '../db/dialects.ts';
import { rejectionCode } from './accounts.ts';

const xinzhouAdmin: AccessUser & { id: number } = { id: 1, role: 'city_admin', regionCode: '140900' };
const xinfuReporter: AccessUser & { id: number } = { id: 2, role: 'county_reporter', regionCode: '140902' };

describe.each(testDialects())('access over the real region tree on $kind', (dialect) => {
  let database: OpenDatabase;
  let regions: RegionRepository;
  beforeAll(async () => {
    database = await dialect.open();
    regions = regionRepository(database.db);
  });
  afterAll(() => database.close());

  it('reads a region’s ancestry up to its province, and nothing for an unknown code', async () => {
    expect(await regionChain(regions, '140902')).toEqual(['140902', '140900', '140000']);
    expect(await regionChain(regions, '419001')).toEqual(['419001', '410000']); // 济源: directly under 河南
    expect(await regionChain(regions, '140971')).toEqual([]);
    expect(await regionChain(regions, null)).toEqual([]);
  });

  it('relates 忻州 to its counties, its province, 阳泉 and the public', async () => {
    expect(await relationOf(regions, xinzhouAdmin, '140902')).toBe('child');
    expect(await relationOf(regions, xinzhouAdmin, '140000')).toBe('parent');
    expect(await relationOf(regions, xinzhouAdmin, '140302')).toBe('other');
    expect(await relationOf(regions, xinzhouAdmin, '411200')).toBe('other');
    expect(await relationOf(regions, null, '140900')).toBe('none');
  });

  it("lets 忻州 approve 忻府区's data but not 阳泉城区's; 忻府区 enters its own data only", async () => {
    await authorize(regions, xinzhouAdmin, 'data.approve', '140902');
    expect(await rejectionCode(authorize(regions, xinzhouAdmin, 'data.approve', '140302'))).toBe('FORBIDDEN');
    await authorize(regions, xinfuReporter, 'data.enter', '140902');
    expect(await rejectionCode(authorize(regions, xinfuReporter, 'data.enter', '140921'))).toBe('FORBIDDEN'); // 定襄县
    expect(await rejectionCode(authorize(regions, xinfuReporter, 'data.enter', '140900'))).toBe('FORBIDDEN');
    await authorize(regions, 'system', 'data.enter', '140921'); // the installation itself, e.g. loading samples
  });
});
