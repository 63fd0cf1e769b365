/** Which region and period an imported plan belongs to: what the importer says, else what the reader found. */
import type { PlanRepository, PlanSlot, PlanSummaryRow } from '../db/plan.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Region } from '../db/schema.ts';
import type { PlanPeriod, PlanRegion } from '../ingest/types.ts';
import { periodInvalid, periodUnknown, regionAmbiguous, regionUnknown } from './plan.errors.ts';

const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;

/** The period, checked: whole years, start not after end. */
export function resolvePeriod(period: PlanPeriod | null): PlanPeriod {
  if (period === null) throw periodUnknown();
  const year = (value: number): boolean => Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
  if (!year(period.start) || !year(period.end) || period.start > period.end) throw periodInvalid(period);
  return { start: period.start, end: period.end };
}

/**
 * The stored region: the importer's code when given, else the reader's code, else the reader's name. A code is
 * looked up today and, failing that, at the period's start, so a plan for a region since re-zoned still finds it.
 */
export async function resolveRegion(
  regions: RegionRepository,
  read: PlanRegion | null,
  override: string | undefined,
  period: PlanPeriod,
): Promise<Region> {
  const atStart = `${period.start}-01-01`;
  const byCode = async (code: string) => (await regions.findByCode(code)) ?? regions.findByCode(code, atStart);
  if (override !== undefined) {
    const region = /^\d{6}$/.test(override) ? await byCode(override) : undefined;
    if (region === undefined) throw regionUnknown(override, 'regionCode');
    return region;
  }
  if (read === null) throw regionUnknown(null, 'region');
  const coded = read.code === null ? undefined : await byCode(read.code);
  if (coded !== undefined) return coded;
  const named = await regions.findByName(read.name);
  const candidates = named.length > 0 ? named : await regions.findByName(read.name, atStart);
  const [only, ...others] = candidates;
  if (only === undefined) throw regionUnknown(read.name, 'region');
  if (others.length > 0)
    throw regionAmbiguous(
      read.name,
      candidates.map((region) => region.code),
    );
  return only;
}

/** The region and period a stored plan sits in. */
export function slotOf(plan: PlanSummaryRow): PlanSlot {
  return { regionCode: plan.region_code, period: { start: plan.period_start, end: plan.period_end } };
}

/** Orders slots by region code, then period: the order locks are taken in. */
export function compareSlots(a: PlanSlot, b: PlanSlot): number {
  return a.regionCode.localeCompare(b.regionCode) || a.period.start - b.period.start || a.period.end - b.period.end;
}

/** Points the slot's child regions' plans at the slot's current plan (published, else newest). */
export async function relinkChildren(plans: PlanRepository, slot: PlanSlot): Promise<void> {
  const current = await plans.findCurrent(slot);
  if (current !== undefined) await plans.linkChildren(slot, current.id);
}
