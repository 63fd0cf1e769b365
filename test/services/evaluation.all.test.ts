/**
 * The whole-subtree evaluation against the evaluation service, on each engine: 宁夏's SYNTHETIC plans and figures
 * (bench/synthetic/national.ts) judged once for every region and year, and the same regions and years asked one
 * at a time of planProgress, must give every indicator the same status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalRegions, loadNationalDataset, YEARS } from '../../bench/synthetic/national.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { planRepository } from '../../src/db/plan.repository.ts';
import { createEvaluationService } from '../../src/services/evaluation.service.ts';
import type { EvaluationService } from '../../src/services/evaluation.service.ts';
import type { SubtreeProgress } from '../../src/services/evaluation.all.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import { testDialects } from '../db/dialects.ts';

const NINGXIA = '64';

describe.each(testDialects())('every status of a province at once on $kind', (dialect) => {
  let database: OpenDatabase;
  let evaluation: EvaluationService;
  let all: SubtreeProgress;

  beforeAll(async () => {
    database = await dialect.open();
    await loadNationalDataset(database.db, createPlanService(database.db), {
      seed: 3,
      provinces: [NINGXIA],
      observations: 'published',
    });
    evaluation = createEvaluationService(database.db);
    all = await evaluation.subtreeProgress('640000', 'system');
  }, 120_000);
  afterAll(() => database.close());

  it('judges every region in every year of the plans, each indicator once', () => {
    const regions = nationalRegions([NINGXIA]).length;
    expect(all).toMatchObject({ regions, plans: 3 * (1 + 5), years: { from: 2016, to: 2030 } });
    expect(all.judged).toBe(regions * YEARS.length * 40);
    expect(Object.values(all.byStatus).reduce((sum, count) => sum + count, 0)).toBe(all.judged);
    // The synthetic targets spread the regions over the statuses; a method that judged everything alike would not.
    expect(Object.values(all.byStatus).filter((count) => count > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('gives every indicator of every region the status planProgress gives it under the plan that applies', async () => {
    const plans = await planRepository(database.db).list({ status: 'published', limit: 1000, offset: 0 });
    const regions = nationalRegions([NINGXIA]);
    const parentOf = new Map(regions.map((region) => [region.code, region.parent_code ?? null]));
    let compared = 0;
    for (const region of regions.filter((_, index) => index % 3 === 0)) {
      for (const year of [2016, 2018, 2020, 2021, 2024, 2026, 2030]) {
        let code: string | null = region.code;
        let plan: (typeof plans)[number] | undefined;
        while (code !== null && plan === undefined) {
          const here: string = code;
          plan = plans.find((one) => one.region_code === here && one.period_start <= year && year <= one.period_end);
          code = parentOf.get(here) ?? null;
        }
        if (plan === undefined) throw new Error(`no plan applies to ${region.code} in ${String(year)}`);
        const progress = await evaluation.planProgress(plan.id, year, region.code, 'system');
        for (const item of progress.items) {
          expect(
            all.status(region.code, item.indicator ?? '', year),
            `${region.code} ${String(item.indicator)} ${String(year)}`,
          ).toBe(item.status);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
