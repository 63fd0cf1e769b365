/**
 * Which plan, region and year a screen shows, kept in the address (?plan=&region=&year=) so a view can be bookmarked
 * and the back button returns to the previous one. What the address leaves out is the default: the plan that applies
 * to the user's region, the user's region (or the plan's), and the latest year with data.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../api/plans.ts';

export interface Selection {
  plan: number | undefined;
  region: string | undefined;
  year: number | undefined;
}

const KEYS = ['plan', 'region', 'year'] as const;

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** The selection in the address, and a setter that pushes a new history entry (so back undoes it). */
export function useSelection(): [Selection, (next: Partial<Selection>) => void] {
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const selection: Selection = {
    plan: positiveInt(params.get('plan')),
    region: region !== null && /^\d{6}$/.test(region) ? region : undefined,
    year: positiveInt(params.get('year')),
  };
  const update = useCallback(
    (next: Partial<Selection>) => {
      setParams((current) => {
        const merged = new URLSearchParams(current);
        for (const key of KEYS) {
          if (!(key in next)) continue;
          const value = next[key];
          if (value === undefined) merged.delete(key);
          else merged.set(key, String(value));
        }
        return merged;
      });
    },
    [setParams],
  );
  return [selection, update];
}

/**
 * The plan that applies to a user: the published plan of their region, else of the nearest region above it (a county
 * reads its city's plan); without a region (the installation's administrator), the province's.
 * `chain` is the user's region followed by its ancestors, nearest first.
 */
export function defaultPlan(plans: readonly PlanSummary[], chain: readonly string[]): PlanSummary | undefined {
  const published = plans.filter((plan) => plan.status === 'published');
  for (const code of chain) {
    const found = published.find((plan) => plan.region.code === code);
    if (found !== undefined) return found;
  }
  return published.find((plan) => plan.region.level === 'province') ?? published[0];
}

/** The user's own region when the plan covers it, else the plan's region. */
export function defaultRegion(plan: PlanSummary, chain: readonly string[]): string {
  const [own] = chain;
  return own !== undefined && chain.includes(plan.region.code) ? own : plan.region.code;
}

/** The years a plan can be evaluated for: its baseline year to its last year. */
export function planYears(plan: { period: { start: number; end: number } }): number[] {
  const years: number[] = [];
  for (let year = plan.period.start - 1; year <= plan.period.end; year += 1) years.push(year);
  return years;
}
