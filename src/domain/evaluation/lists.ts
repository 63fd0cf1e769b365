/**
 * 红黑榜 (red and black lists) of regions: which regions lead and which lag on a plan's indicators, computed from
 * their progress statuses by a rule that is shown with the lists. A region is judged only on the indicators it has
 * data for, and one with too few is listed as such, never placed on either list by guesswork.
 */
import type { ProgressStatus } from '../progress/types.ts';

/** The rule, with its thresholds; the defaults are a starting point a province can change. */
export interface ListRule {
  /** Share of judged indicators achieved, ahead or on track at or above which a region leads (红榜). */
  readonly leadShare: number;
  /** Share below which a region lags (黑榜); any red-line warning also puts it there. */
  readonly lagShare: number;
  /** Fewest judged indicators for a region to be listed at all. */
  readonly minJudged: number;
}

export const DEFAULT_LIST_RULE: ListRule = { leadShare: 0.8, lagShare: 0.5, minJudged: 3 };

/** One region's statuses on a plan's indicators. */
export interface RegionStatuses {
  readonly regionCode: string;
  readonly statuses: readonly { readonly status: ProgressStatus; readonly redLine: boolean }[];
}

export interface ListedRegion {
  readonly regionCode: string;
  /** Indicators with a status other than 数据不足. */
  readonly judged: number;
  /** Of those, achieved, ahead or on track. */
  readonly onTrack: number;
  readonly share: number | null;
  readonly redLines: number;
}

export interface RegionLists {
  readonly rule: ListRule;
  /** The rule in words, as the lists are published with it. */
  readonly ruleText: { readonly zh: string; readonly en: string };
  /** 红榜: leading regions, best share first. */
  readonly leading: readonly ListedRegion[];
  /** 黑榜: lagging regions (a red line, or a share below lagShare), most red lines first. */
  readonly lagging: readonly ListedRegion[];
  readonly middle: readonly ListedRegion[];
  /** Regions with fewer judged indicators than the rule needs. */
  readonly insufficient: readonly ListedRegion[];
}

const GOOD: ReadonlySet<ProgressStatus> = new Set(['achieved_early', 'achieved', 'ahead', 'on_track']);

const percent = (share: number): string => `${String(Math.round(share * 100))}%`;

/** Sorts regions onto the lists by the rule. */
export function regionLists(regions: readonly RegionStatuses[], rule: ListRule = DEFAULT_LIST_RULE): RegionLists {
  const listed = regions.map((region): ListedRegion => {
    const judged = region.statuses.filter((one) => one.status !== 'insufficient_data');
    const onTrack = judged.filter((one) => GOOD.has(one.status)).length;
    return {
      regionCode: region.regionCode,
      judged: judged.length,
      onTrack,
      share: judged.length === 0 ? null : onTrack / judged.length,
      redLines: region.statuses.filter((one) => one.redLine).length,
    };
  });
  const enough = listed.filter((region) => region.judged >= rule.minJudged);
  const lagging = enough
    .filter((region) => region.redLines > 0 || (region.share ?? 0) < rule.lagShare)
    .sort(
      (a, b) => b.redLines - a.redLines || (a.share ?? 0) - (b.share ?? 0) || a.regionCode.localeCompare(b.regionCode),
    );
  const lagged = new Set(lagging.map((region) => region.regionCode));
  const leading = enough
    .filter((region) => !lagged.has(region.regionCode) && (region.share ?? 0) >= rule.leadShare)
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0) || a.regionCode.localeCompare(b.regionCode));
  const led = new Set(leading.map((region) => region.regionCode));
  return {
    rule,
    ruleText: {
      zh: `以有监测数据的指标计（至少${String(rule.minJudged)}项）：已实现、快于预期或基本符合预期的指标占比达到${percent(rule.leadShare)}且无红线预警的列入红榜；出现红线预警或占比低于${percent(rule.lagShare)}的列入黑榜。`,
      en: `Counting indicators with data (at least ${String(rule.minJudged)}): a region with ${percent(rule.leadShare)} or more achieved, ahead or on track and no red-line warning leads; one with a red-line warning or under ${percent(rule.lagShare)} lags.`,
    },
    leading,
    lagging,
    middle: enough.filter((region) => !lagged.has(region.regionCode) && !led.has(region.regionCode)),
    insufficient: listed.filter((region) => region.judged < rule.minJudged),
  };
}
