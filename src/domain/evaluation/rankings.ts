/**
 * Rankings of regions on one indicator (城市排名) and how each moved since the year before (位次前移). Standard
 * competition ranking: equal values share a rank and the next rank is skipped (1, 2, 2, 4), so a tie never hides
 * that two regions stand level.
 */

export interface RankedValue {
  readonly regionCode: string;
  readonly value: number;
}

export interface Rank extends RankedValue {
  readonly rank: number;
}

export interface RankChange extends Rank {
  /** The rank the year before, null when the region had no figure then. */
  readonly previousRank: number | null;
  /** Places moved forward (位次前移, positive) or back (negative); null without a previous rank. */
  readonly change: number | null;
}

/** Ranks regions best first: the highest value for an increase indicator, the lowest for a decrease one. */
export function rankRegions(values: readonly RankedValue[], direction: 'increase' | 'decrease'): Rank[] {
  const better = direction === 'increase' ? -1 : 1;
  const sorted = [...values].sort((a, b) => better * (a.value - b.value) || a.regionCode.localeCompare(b.regionCode));
  const ranks: Rank[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranks[index - 1];
    const rank = previous !== undefined && previous.value === entry.value ? previous.rank : index + 1;
    ranks.push({ ...entry, rank });
  });
  return ranks;
}

/** This year's ranks with last year's beside them. */
export function rankChanges(current: readonly Rank[], previous: readonly Rank[]): RankChange[] {
  const before = new Map(previous.map((rank) => [rank.regionCode, rank.rank]));
  return current.map((rank) => {
    const previousRank = before.get(rank.regionCode) ?? null;
    return { ...rank, previousRank, change: previousRank === null ? null : previousRank - rank.rank };
  });
}
