/** 红黑榜 of regions by the rule shown: leading, lagging, and those with too little data to list. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_RULE, regionLists } from '../../../src/domain/evaluation/lists.ts';
import type { RegionStatuses } from '../../../src/domain/evaluation/lists.ts';
import type { ProgressStatus } from '../../../src/domain/progress/types.ts';

const region = (regionCode: string, statuses: ProgressStatus[], redLines = 0): RegionStatuses => ({
  regionCode,
  statuses: statuses.map((status, index) => ({ status, redLine: index < redLines })),
});

describe('regionLists', () => {
  const lists = regionLists([
    region('140100', ['achieved', 'on_track', 'ahead', 'on_track', 'behind']),
    region('140200', ['achieved', 'on_track', 'on_track', 'on_track'], 1),
    region('140300', ['behind', 'far_behind', 'on_track', 'deteriorating']),
    region('140400', ['on_track', 'behind', 'on_track', 'behind']),
    region('140500', ['on_track', 'insufficient_data', 'insufficient_data', 'insufficient_data']),
  ]);

  it('puts 80% on track and no red line on the red list, best first', () => {
    expect(lists.leading.map((one) => one.regionCode)).toEqual(['140100']);
    expect(lists.leading[0]).toMatchObject({ judged: 5, onTrack: 4, share: 0.8 });
  });

  it('puts any red line, or under half on track, on the black list, red lines first', () => {
    expect(lists.lagging.map((one) => one.regionCode)).toEqual(['140200', '140300']);
    expect(lists.middle.map((one) => one.regionCode)).toEqual(['140400']);
  });

  it('lists no region with fewer judged indicators than the rule needs, and says the rule', () => {
    expect(lists.insufficient.map((one) => one.regionCode)).toEqual(['140500']);
    expect(lists.rule).toEqual(DEFAULT_LIST_RULE);
    expect(lists.ruleText.zh).toContain('80%');
    expect(lists.ruleText.zh).toContain('红线预警');
  });
});
