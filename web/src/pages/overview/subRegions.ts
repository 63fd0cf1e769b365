/**
 * The regions directly below a region, on one indicator of a plan, in a year: each one's figure and status, ranked
 * best first. Below the plan's own region the server ranks them in one call; below a region further down (a city
 * under the province's plan) each child's progress is read and ranked here the same way (1, 2, 2, 4).
 */
import { getPlanProgress, getRankings } from '../../api/evaluation.ts';
import type { SeriesPoint } from '../../api/evaluation.ts';
import { listRegions } from '../../api/regions.ts';
import type { ProgressStatus } from '../../components/status.tsx';
import type { Bilingual } from '../../i18n/index.tsx';

export interface SubRegionStatus {
  code: string;
  name: string;
  /** The figure for the year; null when the region has none (a gap, never guessed). */
  value: number | null;
  qualifier: SeriesPoint['qualifier'];
  provenance: SeriesPoint['provenance'] | null;
  /** Null when the server judged nothing for the region (no figure this year). */
  status: ProgressStatus | null;
  label: Bilingual | null;
  rank: number | null;
  /** Places moved forward since last year (negative: back); null without last year's rank. */
  change: number | null;
}

export interface SubRegionQuery {
  planId: number;
  planRegion: string;
  region: string;
  row: number;
  year: number;
}

/** Ranks best first; equal values share a rank and the next is skipped. */
function ranked(rows: SubRegionStatus[], direction: 'increase' | 'decrease'): SubRegionStatus[] {
  const better = direction === 'increase' ? -1 : 1;
  const withValue = rows
    .filter((row) => row.value !== null)
    .sort((a, b) => better * ((a.value ?? 0) - (b.value ?? 0)) || a.code.localeCompare(b.code));
  const out: SubRegionStatus[] = [];
  withValue.forEach((row, index) => {
    const previous = out[index - 1];
    const rank = previous !== undefined && previous.value === row.value ? previous.rank : index + 1;
    out.push({ ...row, rank });
  });
  return [...out, ...rows.filter((row) => row.value === null)];
}

async function belowPlanRegion(query: SubRegionQuery): Promise<SubRegionStatus[]> {
  const answer = await getRankings({ id: query.planId, rowNo: query.row }, { year: query.year });
  return [
    ...answer.items.map((item) => ({
      code: item.regionCode,
      name: item.regionName,
      value: item.value,
      qualifier: 'exact' as const,
      provenance: item.provenance,
      status: item.status,
      label: item.label,
      rank: item.rank,
      change: item.change,
    })),
    ...answer.missing.map((missing) => ({
      code: missing.region,
      name: missing.regionName,
      value: null,
      qualifier: 'exact' as const,
      provenance: null,
      status: null,
      label: null,
      rank: null,
      change: null,
    })),
  ];
}

async function belowOtherRegion(query: SubRegionQuery): Promise<SubRegionStatus[]> {
  const { regions } = await listRegions(undefined, { parent: query.region });
  const answers = await Promise.all(
    regions.map(async (child) => {
      const progress = await getPlanProgress({ id: query.planId }, { year: query.year, region: child.code });
      return { child, item: progress.items.find((one) => one.row === query.row) };
    }),
  );
  const direction = answers.find((answer) => answer.item !== undefined)?.item?.assessment.inputs.direction;
  const rows = answers.map(({ child, item }): SubRegionStatus => {
    const point = item?.series.find((one) => one.year === query.year) ?? null;
    return {
      code: child.code,
      name: child.name,
      value: point?.value ?? null,
      qualifier: point?.qualifier ?? 'exact',
      provenance: point?.provenance ?? null,
      status: point === null ? null : (item?.status ?? null),
      label: point === null ? null : (item?.label ?? null),
      rank: null,
      change: null,
    };
  });
  return ranked(rows, direction ?? 'increase');
}

/** The regions below `region`, ranked on the plan's row `row` in `year`. */
export function loadSubRegions(query: SubRegionQuery): Promise<SubRegionStatus[]> {
  return query.region === query.planRegion ? belowPlanRegion(query) : belowOtherRegion(query);
}
