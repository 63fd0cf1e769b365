/**
 * A CSV data file streamed in chunks (small ones here, so a few rows span several): what a person importing it
 * notices. Every figure is stored once; one bad row, even in the last chunk, stores nothing and is named by its row
 * and column; a jump from last year, a duplicate and numerator > denominator are caught across chunk boundaries;
 * sending the same file again stores nothing new; a file with thousands of bad rows lists the first 1,000 and counts
 * the rest.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCsv, syntheticFigures } from '../../bench/synthetic/monitoring-data.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { ServiceError } from '../../src/services/errors.ts';
import type { ErrorDetail } from '../../src/services/errors.ts';
import { importDataFile } from '../../src/services/observation.import.ts';
import { createObservationService } from '../../src/services/observation.service.ts';
import type { ObservationService } from '../../src/services/observation.service.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import { testDialects } from '../db/dialects.ts';

const XINZHOU = '140900';
const YEARS = [2021, 2022, 2023, 2024, 2025];
/** Each problem's code and row: what a person looks for first. */
const placed = (details: readonly ErrorDetail[]): { code: string; row: number | undefined }[] =>
  details.map((detail) => ({ code: detail.code, row: detail.at.row }));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const csv = (...rows: string[]): Uint8Array => encode(['region,indicator,year,value,unit,comment', ...rows].join('\n'));

describe.each(testDialects())('a CSV file streamed in chunks on $kind', (dialect) => {
  let database: OpenDatabase;
  let service: ObservationService;
  let counties: string[];

  beforeAll(async () => {
    database = await dialect.open();
    await seedSamplePlans(createPlanService(database.db));
    service = createObservationService(database.db);
    counties = (await regionRepository(database.db).listChildren(XINZHOU)).map((region) => region.code);
  }, 120_000);
  afterAll(() => database.close());

  const stored = async (regions: readonly string[]): Promise<number> => {
    const { rows } = await sql<{ count: string }>`select count(*)::text as count from observations o
      join observation_versions v on v.observation_id = o.id
      where o.region_code in (${sql.join(regions)})`.execute(database.db);
    return Number(rows[0]?.count);
  };
  const refusal = async (bytes: Uint8Array, fileName: string): Promise<ServiceError> => {
    const error: unknown = await importDataFile(
      service,
      { bytes, fileName, submit: false },
      SYSTEM_CONTEXT,
      undefined,
      {
        chunkRows: 1,
      },
    ).catch((caught: unknown) => caught);
    if (!(error instanceof ServiceError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  };

  it('stores every figure of many chunks once, reports rows read, and stores nothing new when sent again', async () => {
    const regions = counties.slice(0, 4);
    const figures = syntheticFigures({ seed: 7, regions, years: YEARS });
    const bytes = encode(syntheticCsv(figures));
    const progress: number[] = [];
    const first = await importDataFile(
      service,
      { bytes, fileName: 'four-counties.csv', submit: true },
      SYSTEM_CONTEXT,
      (step) => progress.push(step.done),
      { chunkRows: 30 },
    );
    expect(figures.length).toBe(200);
    expect(first).toMatchObject({ created: 200, submitted: 200, unchanged: 0 });
    expect(new Set(first.items.map((item) => item.id)).size).toBe(200);
    expect(await stored(regions)).toBe(200);
    expect(progress.length).toBeGreaterThan(7);
    expect(progress.at(-1)).toBe(bytes.length);

    const again = await importDataFile(
      service,
      { bytes, fileName: 'four-counties.csv', submit: true },
      SYSTEM_CONTEXT,
      undefined,
      { chunkRows: 30 },
    );
    expect(again).toMatchObject({ created: 0, revised: 0, submitted: 0, unchanged: 200 });
    expect(await stored(regions)).toBe(200);
  }, 60_000);

  it('stores nothing when one row of the last chunk is bad, and names its row and column', async () => {
    const region = counties[4] ?? '';
    const lines = syntheticCsv(syntheticFigures({ seed: 8, regions: [region], years: YEARS }))
      .trimEnd()
      .split('\n');
    const last = lines.length;
    lines[last - 1] = (lines[last - 1] ?? '').replace(/,(\d+),人,/u, ',n/a,人,');
    const error = await refusal(encode(lines.join('\n')), 'bad-last.csv');
    expect(error.code).toBe('DATA_REJECTED');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({
      code: 'VALUE_NOT_A_NUMBER',
      at: { file: 'bad-last.csv', row: last, column: 'D value' },
    });
    expect(await stored([region])).toBe(0);
  }, 60_000);

  it('catches a jump from last year across chunks, in either order, unless explained', async () => {
    const region = counties[5] ?? '';
    const rows = [`${region},population-aged-3-5,2022,10000,人,`, `${region},population-aged-3-5,2023,20000,人,`];
    for (const ordered of [rows, [...rows].reverse()]) {
      const error = await refusal(csv(...ordered), 'jump.csv');
      const row = ordered.findIndex((line) => line.includes(',2023,')) + 2;
      expect(placed(error.details)).toEqual([{ code: 'JUMP_NEEDS_COMMENT', row }]);
    }
    const explained = await importDataFile(
      service,
      { bytes: csv(`${rows[1] ?? ''}新建幼儿园`, rows[0] ?? ''), fileName: 'jump.csv', submit: false },
      SYSTEM_CONTEXT,
      undefined,
      { chunkRows: 1 },
    );
    expect(explained.created).toBe(2);
    expect(placed(explained.warnings)).toEqual([{ code: 'JUMP_FROM_LAST_YEAR', row: 2 }]);
  }, 60_000);

  it('catches a duplicate and a numerator above its denominator across chunks', async () => {
    const region = counties[6] ?? '';
    const error = await refusal(
      csv(
        `${region},kindergarten-children,2024,900,人,`,
        `${region},population-aged-3-5,2024,1000,人,`,
        `${region},primary-age-population,2024,500,人,`,
        `${region},kindergarten-children,2024,950,人,`,
        `${region},primary-age-enrolled,2024,600,人,`,
      ),
      'across.csv',
    );
    expect(placed(error.details)).toEqual([
      { code: 'DUPLICATE_FIGURE', row: 5 },
      { code: 'NUMERATOR_ABOVE_DENOMINATOR', row: 6 },
    ]);
    expect(error.details[0]?.messages.zh).toContain('第 2 行');
    expect(await stored([region])).toBe(0);
  }, 60_000);

  it('lists the first 1,000 problems of a file and counts the rest', async () => {
    const region = counties[7] ?? '';
    const rows = Array.from(
      { length: 1_005 },
      (_, index) => `${region},population-aged-3-5,2024,n/a${String(index)},人,`,
    );
    const error = await importDataFile(
      service,
      { bytes: csv(...rows), fileName: 'many.csv', submit: false },
      SYSTEM_CONTEXT,
    )
      .then(() => null)
      .catch((caught: unknown) => caught);
    if (!(error instanceof ServiceError)) throw new Error('expected a refusal');
    expect(error.details).toHaveLength(1_000);
    expect(error.details.at(-1)?.at.row).toBe(1_001);
    expect(error.messages.zh).toContain('发现 1005 处错误（列出前 1000 处，另有 5 处未列出）');
    expect(error.messages.en).toContain('1005 problems in 1005 rows');
  }, 60_000);
});
