/**
 * Progress inputs built from the real seeds: the baseline, target and attribute of a plan's row as the reader gives
 * them, and observations from the published statistics the demo ships (samples/data/real-stats.csv).
 */
import { readFileSync } from 'node:fs';
import { readPublishedStatistics } from '../../../src/domain/observations/published-statistics.ts';
import type { ProgressDirection, ProgressInput, ProgressObservation } from '../../../src/domain/progress/index.ts';
import type { ParsedPlan } from '../../../src/ingest/types.ts';
import { indicatorNamed } from '../alignment/seeds.ts';

export { shanxi, shuozhou, xinzhou } from '../alignment/seeds.ts';

const { figures } = readPublishedStatistics(
  readFileSync(new URL('../../../samples/data/real-stats.csv', import.meta.url), 'utf8'),
);

/** A published figure as an observation, with its qualifier ("至少" for 以上 / 超过). */
export function published(region: string, wording: string, year: number): ProgressObservation {
  const found = figures.filter((f) => f.regionName === region && f.sourceWording === wording && f.year === year);
  const figure = found[0];
  if (found.length !== 1 || figure === undefined)
    throw new Error(`${found.length} figures: ${region} ${wording} ${year}`);
  return { year: figure.year, value: figure.value, qualifier: figure.qualifier };
}

/** The progress input of a plan's row, with the latest observation. */
export function rowInput(
  plan: ParsedPlan,
  name: string,
  latest: ProgressObservation | null,
  options: { direction?: ProgressDirection; limit?: number | null; nth?: number } = {},
): ProgressInput {
  const row =
    options.nth === undefined
      ? indicatorNamed(plan, name)
      : plan.indicators.filter((r) => r.name === name)[options.nth];
  if (row === undefined) throw new Error(`no row ${name}`);
  const { baseline, target } = row;
  return {
    direction: options.direction ?? 'increase',
    baseline: baseline.year === null || baseline.value === null ? null : { year: baseline.year, value: baseline.value },
    target:
      target.year === null || target.value === null
        ? null
        : { year: target.year, value: target.value, comparator: target.comparator },
    latest,
    binding: row.attribute === 'binding',
    limit: options.limit ?? null,
    unit: row.unit,
  };
}
