/** The checks on what a task is made of: its units, regions, dates and milestones, each refused with its field. */
import type { JsonValue } from '../db/account.schema.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import { isIsoDate } from '../domain/tasks/dates.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import { regionChain } from './scope.ts';
import * as errors from './task.errors.ts';

/** A milestone as given: what, by when, and (when editing) when it was done. */
export interface MilestoneInput {
  title: string;
  due: IsoDate;
  doneAt?: IsoDate | null;
}

/** Throws DATE_INVALID unless the text is a calendar date. */
export function checkDate(field: string, text: string): void {
  if (!isIsoDate(text)) throw errors.dateInvalid(field, text);
}

/** The lead and partner units trimmed, each named once (the lead is not also a partner). */
export function checkUnits(lead: string, partners: readonly string[]): { lead: string; partners: string[] } {
  const leadUnit = lead.trim();
  if (leadUnit === '') throw errors.leadUnitMissing();
  const seen = new Set([leadUnit]);
  const named: string[] = [];
  partners.forEach((partner, index) => {
    const unit = partner.trim();
    if (unit === '') return;
    if (seen.has(unit)) throw errors.unitsInvalid(`partnerUnits.${index}`, unit);
    seen.add(unit);
    named.push(unit);
  });
  return { lead: leadUnit, partners: named };
}

/** The region codes, each once and in code order, once each is a current region within the plan's region. */
export async function checkRegions(
  regions: RegionRepository,
  codes: readonly string[],
  planRegion: string,
): Promise<string[]> {
  const unique = [...new Set(codes.map((code) => code.trim()))].sort();
  for (const code of unique) {
    const field = `regions.${codes.indexOf(code)}`;
    const region = await regions.findByCode(code);
    if (region === undefined) throw errors.regionUnknown(code, field);
    if (!(await regionChain(regions, code)).includes(planRegion)) {
      throw errors.regionOutsidePlan(code, region.name, planRegion, field);
    }
  }
  return unique;
}

/** The milestones trimmed and checked: real dates, due by the task's deadline, done no later than today. */
export function checkMilestones(
  milestones: readonly MilestoneInput[],
  deadline: IsoDate,
  today: IsoDate,
): MilestoneInput[] {
  return milestones.map((milestone, index) => {
    const title = milestone.title.trim();
    if (title === '') throw errors.milestoneTitleMissing(index);
    checkDate(`milestones.${index}.due`, milestone.due);
    if (milestone.due > deadline) throw errors.milestoneAfterDeadline(index, milestone.due, deadline);
    const doneAt = milestone.doneAt ?? null;
    if (doneAt !== null) {
      checkDate(`milestones.${index}.doneAt`, doneAt);
      if (doneAt > today) throw errors.doneInFuture(index, doneAt, today);
    }
    return { title, due: milestone.due, doneAt };
  });
}

/** Milestones as the history shows them: "title (due, done on …)". */
export function describeMilestones(milestones: readonly MilestoneInput[]): JsonValue {
  return milestones.map(({ title, due, doneAt }) => ({ title, due, doneAt: doneAt ?? null }));
}
