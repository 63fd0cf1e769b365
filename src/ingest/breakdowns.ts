import type { PlanIndicator } from './types.ts';

/**
 * "其中" rows break the row above down ("九年义务教育巩固率" / "其中：小学" / "初中"): the short item names become
 * sub-items of that parent ("九年义务教育巩固率（小学）"); a full name after 其中 ("其中：公办园在园幼儿占比") stays an
 * indicator of its own. The state runs down one table.
 */
export interface BreakdownState {
  parent: { name: string; unit: string | null } | null;
  inBreakdown: boolean;
}

const OF_WHICH = /^其中[：:]?\s*/;
// 小学, 初中, 城镇, 农村, 男, 女, 公办, 民办: the parts a figure is broken into are a word or two.
const SHORT_ITEM = /^[\u4e00-\u9fa5]{1,4}$/;

/** Names the indicators read from one row, given the rows above it, and moves the state on. */
export function nameBreakdown(indicators: readonly PlanIndicator[], state: BreakdownState): PlanIndicator[] {
  const first = indicators[0];
  if (!first) return [];
  const opens = OF_WHICH.test(first.name);
  const items = indicators.map((i) => i.name.replace(OF_WHICH, ''));
  const continues = opens || (state.inBreakdown && items.every((item) => SHORT_ITEM.test(item)));
  if (continues && state.parent && items.every((item) => SHORT_ITEM.test(item))) {
    const parent = state.parent;
    state.inBreakdown = true;
    return indicators.map((indicator, k) => ({
      ...indicator,
      name: `${parent.name}（${items[k] ?? ''}）`,
      subItem: items[k] ?? '',
      unit: indicator.unit ?? parent.unit,
    }));
  }
  state.inBreakdown = opens;
  const named = indicators.map((indicator) => ({ ...indicator, name: indicator.name.replace(OF_WHICH, '') }));
  if (!opens && indicators.length === 1) state.parent = { name: first.name, unit: first.unit };
  return named;
}
