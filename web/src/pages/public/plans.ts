/** Published plans grouped for the portal's home: by province, the province's own plan first. */
import type { PublicPlanSummary } from '../../api/public.ts';

export interface PlanGroup {
  /** The province's code (the first two digits of any code below it, then 0000). */
  province: string;
  provinceName: string;
  plans: PublicPlanSummary[];
}

const LEVEL_ORDER = { country: 0, province: 1, city: 2, county: 3 } as const;

/** The province a GB/T 2260 code lies in. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;

/**
 * Plans by province (provinces in code order), each group's plans province first, then cities and counties by code,
 * newest period first.
 */
export function planGroups(
  plans: readonly PublicPlanSummary[],
  provinces: readonly { code: string; name: string }[],
): PlanGroup[] {
  const groups = new Map<string, PublicPlanSummary[]>();
  for (const plan of plans) {
    const key = provinceOf(plan.region.code);
    groups.set(key, [...(groups.get(key) ?? []), plan]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([province, members]) => ({
      province,
      provinceName:
        provinces.find((region) => region.code === province)?.name ??
        members.find((plan) => plan.region.code === province)?.region.name ??
        province,
      plans: [...members].sort(
        (a, b) =>
          LEVEL_ORDER[a.region.level] - LEVEL_ORDER[b.region.level] ||
          a.region.code.localeCompare(b.region.code) ||
          b.period.start - a.period.start,
      ),
    }));
}
