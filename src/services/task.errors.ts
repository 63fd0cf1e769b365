/** The errors of task tracking (and those commitments share with it): what was wrong, where, and what to do. */
import type { PlanStatus } from '../db/plan.schema.ts';
import { ServiceError } from './errors.ts';

const PLAN_STATUS: Readonly<Record<PlanStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'a draft' },
  published: { zh: '已发布', en: 'published' },
  superseded: { zh: '已被新版本取代', en: 'superseded by a newer version' },
};

/** Commitments and tasks are tracked on the published version of a plan only. */
export function planNotTrackable(planId: number, status: PlanStatus): ServiceError {
  return new ServiceError(
    'PLAN_NOT_TRACKABLE',
    'conflict',
    {
      zh: `规划 #${planId} 为“${PLAN_STATUS[status].zh}”：只有已发布的规划可以跟踪承诺和任务，请在当前发布的版本上操作`,
      en: `Plan #${planId} is ${PLAN_STATUS[status].en}: only a published plan's commitments and tasks are tracked; use the published version`,
    },
    { field: 'id' },
  );
}

/** A responsible unit acting on a commitment or task that does not name it. */
export function unitNotNamed(
  unit: string | null,
  named: readonly string[],
  what: string,
  whatEn: string,
): ServiceError {
  const list = named.length === 0 ? '（尚未指定）' : named.join('、');
  const listEn = named.length === 0 ? '(none assigned yet)' : named.join(', ');
  return new ServiceError(
    'UNIT_NOT_RESPONSIBLE',
    'forbidden',
    {
      zh: `${what}的责任单位为 ${list}，您的单位“${unit ?? ''}”不在其中：只有责任单位可以报告进展`,
      en: `The units responsible for ${whatEn} are ${listEn}; yours ("${unit ?? ''}") is not one of them: only they report progress`,
    },
    { field: 'unit' },
  );
}

/** A request that changes nothing. */
export function nothingToChange(fields: string): ServiceError {
  return new ServiceError('NOTHING_TO_CHANGE', 'invalid', {
    zh: `请求中没有要修改的内容：请给出 ${fields} 中的至少一项`,
    en: `The request changes nothing: give at least one of ${fields}`,
  });
}

/** A figure lowered (or a milestone reopened) without saying why. */
export function noteRequired(field: string, what: string, whatEn: string): ServiceError {
  return new ServiceError(
    'NOTE_REQUIRED',
    'invalid',
    { zh: `${what}须在 note 中说明原因，以备核查`, en: `${whatEn}: say why in note, for the record` },
    { field },
  );
}

/** Text that is no calendar date. */
export function dateInvalid(field: string, text: string): ServiceError {
  return new ServiceError(
    'DATE_INVALID',
    'invalid',
    {
      zh: `${field}：“${text}”不是有效日期，请写成 2025-12-31 的形式`,
      en: `${field}: "${text}" is not a date; write it as 2025-12-31`,
    },
    { field },
  );
}

/** A date before the plan's period starts. */
export function deadlineBeforePlan(field: string, date: string, periodStart: number): ServiceError {
  return new ServiceError(
    'DEADLINE_INVALID',
    'invalid',
    {
      zh: `${field} 的日期 ${date} 早于规划期开始（${periodStart} 年）：请填写规划期内或之后的日期`,
      en: `${field} ${date} is before the plan's period starts (${periodStart}): give a date in or after the period`,
    },
    { field },
  );
}

export function taskNotFound(id: number): ServiceError {
  return new ServiceError(
    'TASK_NOT_FOUND',
    'not-found',
    { zh: `任务 #${id} 不存在`, en: `Task #${id} does not exist` },
    { field: 'id' },
  );
}

/** Someone changed the task after the actor read it: nothing was changed. */
export function taskStale(id: number, lockRead: number, lockNow: number): ServiceError {
  return new ServiceError(
    'TASK_CHANGED',
    'conflict',
    {
      zh: `任务 #${id} 已被他人修改（您看到的是第 ${lockRead} 版，现在是第 ${lockNow} 版）：本次修改未保存，请刷新后再改`,
      en: `Task #${id} was changed by someone else (you saw version ${lockRead}, it is now ${lockNow}): nothing was saved; reload and try again`,
    },
    { field: 'lock' },
  );
}

export function sectionNotFound(planId: number, position: number): ServiceError {
  return new ServiceError(
    'TASK_SECTION_NOT_FOUND',
    'invalid',
    {
      zh: `规划 #${planId} 没有第 ${position} 个标题：请从任务建议（task-suggestions）或规划的 sections 中选择 sectionPosition`,
      en: `Plan #${planId} has no heading at position ${position}: take sectionPosition from the task suggestions or the plan's sections`,
    },
    { field: 'sectionPosition' },
  );
}

export function regionUnknown(code: string, field: string): ServiceError {
  return new ServiceError(
    'TASK_REGION_UNKNOWN',
    'invalid',
    {
      zh: `${field}：地区代码 ${code} 不在地区表中：请使用现行的六位行政区划代码`,
      en: `${field}: region code ${code} is not in the region table: use a current six-digit code`,
    },
    { field },
  );
}

export function regionOutsidePlan(code: string, name: string, planRegion: string, field: string): ServiceError {
  return new ServiceError(
    'TASK_REGION_OUTSIDE_PLAN',
    'invalid',
    {
      zh: `${field}：${name}（${code}）不在本规划的地区（${planRegion}）范围内：任务只能落实到规划地区及其下辖地区`,
      en: `${field}: ${name} (${code}) is outside the plan's region (${planRegion}): a task applies to the plan's region and the regions below it`,
    },
    { field },
  );
}

export function milestoneAfterDeadline(index: number, due: string, deadline: string): ServiceError {
  const field = `milestones.${index}.due`;
  return new ServiceError(
    'TASK_MILESTONE_AFTER_DEADLINE',
    'invalid',
    {
      zh: `第 ${index + 1} 个里程碑的日期 ${due} 晚于任务期限 ${deadline}：请提前该里程碑，或推迟任务期限`,
      en: `Milestone ${index + 1} is due ${due}, after the task's deadline ${deadline}: move it earlier or the deadline later`,
    },
    { field },
  );
}

export function milestoneNotFound(taskId: number, position: number, index: number): ServiceError {
  return new ServiceError(
    'TASK_MILESTONE_NOT_FOUND',
    'invalid',
    {
      zh: `任务 #${taskId} 没有第 ${position} 个里程碑：position 取自任务的 milestones`,
      en: `Task #${taskId} has no milestone ${position}: take position from the task's milestones`,
    },
    { field: `milestones.${index}.position` },
  );
}

export function doneInFuture(index: number, doneAt: string, today: string): ServiceError {
  return new ServiceError(
    'TASK_MILESTONE_DONE_IN_FUTURE',
    'invalid',
    {
      zh: `第 ${index + 1} 项：完成日期 ${doneAt} 晚于今天（${today}）：只能报告已完成的里程碑`,
      en: `Item ${index + 1}: done on ${doneAt} is after today (${today}): report a milestone once it is done`,
    },
    { field: `milestones.${index}.doneAt` },
  );
}

export function unitsInvalid(field: string, unit: string): ServiceError {
  return new ServiceError(
    'TASK_UNITS_INVALID',
    'invalid',
    {
      zh: `${field}：“${unit}”重复出现（牵头单位不必再列为配合单位）`,
      en: `${field}: "${unit}" appears twice (the lead unit need not be listed as a partner)`,
    },
    { field },
  );
}

export function regionFilterUnknown(code: string): ServiceError {
  return new ServiceError(
    'REGION_UNKNOWN',
    'invalid',
    {
      zh: `地区代码 ${code} 不在地区表中：请使用现行的六位行政区划代码`,
      en: `Region code ${code} is not in the region table: use a current six-digit code`,
    },
    { field: 'region' },
  );
}

export function milestoneTitleMissing(index: number): ServiceError {
  return new ServiceError(
    'TASK_MILESTONE_TITLE_MISSING',
    'invalid',
    {
      zh: `第 ${index + 1} 个里程碑没有名称：请写明要完成什么`,
      en: `Milestone ${index + 1} has no title: say what is to be done`,
    },
    { field: `milestones.${index}.title` },
  );
}

export function leadUnitMissing(): ServiceError {
  return new ServiceError(
    'TASK_LEAD_UNIT_MISSING',
    'invalid',
    { zh: '请填写牵头单位', en: 'Name the lead unit' },
    { field: 'leadUnit' },
  );
}
