/**
 * The whole path at a city's size, on generated (SYNTHETIC) figures: every county of 忻州 reports five years of
 * elements from one CSV, the city approves, and each aggregate equals the sums the generator produced, computed here
 * independently; the figures of a missing county leave the completeness at 13 of 14.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCsv, syntheticFigures } from '../../bench/synthetic/monitoring-data.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { importDataFile } from '../../src/services/observation.import.ts';
import { createObservationQueries } from '../../src/services/observation.queries.ts';
import { createObservationService } from '../../src/services/observation.service.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { testDialects } from '../db/dialects.ts';

const XINZHOU = '140900';

describe.each(testDialects())('synthetic county figures through the whole path on $kind', (dialect) => {
  let database: OpenDatabase;
  let counties: string[];

  beforeAll(async () => {
    database = await dialect.open();
    await seedSamplePlans(createPlanService(database.db));
    counties = (await regionRepository(database.db).listChildren(XINZHOU)).map((region) => region.code);
  }, 120_000);
  afterAll(() => database.close());

  it('aggregates to exactly the generator’s own sums, with completeness', async () => {
    expect(counties).toHaveLength(14);
    const reporting = counties.slice(0, 13);
    const figures = syntheticFigures({ seed: 20_261_123, regions: reporting, years: [2021, 2022, 2023, 2024, 2025] });
    const service = createObservationService(database.db);
    const bytes = new TextEncoder().encode(syntheticCsv(figures));
    const stored = await importDataFile(service, { bytes, fileName: 'synthetic.csv', submit: true }, SYSTEM_CONTEXT);
    expect(stored.created).toBe(figures.length);
    await service.act(
      'approve',
      stored.items.map(({ id, lock }) => ({ id, lock })),
      null,
      SYSTEM_CONTEXT,
    );

    const sum = (indicator: string, year: number): number =>
      figures.filter((f) => f.indicator === indicator && f.year === year).reduce((total, f) => total + f.value, 0);
    const report = await createObservationQueries(database.db).aggregates(
      XINZHOU,
      2024,
      'preschool-gross-enrolment-rate',
      SYSTEM_CONTEXT.actor,
    );
    const [rate] = report.items;
    expect(rate?.numerator).toBe(sum('kindergarten-children', 2024));
    expect(rate?.denominator).toBe(sum('population-aged-3-5', 2024));
    expect(rate?.computed).toBeCloseTo(
      (sum('kindergarten-children', 2024) / sum('population-aged-3-5', 2024)) * 100,
      6,
    );
    expect(rate?.completeness).toMatchObject({ reporting: 13, expected: 14, missing: [counties[13]] });
    expect(rate?.children.filter((child) => child.method === 'own-elements' && child.computed !== null)).toHaveLength(
      13,
    );
  }, 120_000);
});
