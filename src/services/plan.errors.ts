/** The errors of the plan use cases: each says what was wrong, where, and what to do, in Chinese and English. */
import type { PlanPeriod } from '../ingest/types.ts';
import { ServiceError } from './errors.ts';
import type { ErrorLocation } from './errors.ts';

/** The stable codes the plan service throws. */
export type PlanErrorCode =
  | 'PLAN_NOT_A_PLAN'
  | 'PLAN_REGION_UNKNOWN'
  | 'PLAN_REGION_AMBIGUOUS'
  | 'PLAN_PERIOD_UNKNOWN'
  | 'PLAN_PERIOD_INVALID'
  | 'PLAN_NOT_FOUND'
  | 'PLAN_NOT_DRAFT'
  | 'PLAN_INDICATOR_NOT_FOUND'
  | 'PLAN_CORRECTION_INVALID'
  | 'PLAN_CATALOGUE_UNKNOWN'
  | 'PLAN_UNIT_MISMATCH'
  | 'PLAN_REVIEW_INCOMPLETE'
  | 'PLAN_NEWER_PUBLISHED'
  | 'PLAN_DUPLICATE'
  | 'CATALOGUE_NAME_TAKEN'
  | 'CATALOGUE_ENTRY_INVALID';

const period = (p: PlanPeriod): string => `${p.start}-${p.end}`;

/** The file is not a plan; the reader's sentence (which names the file) says why, in each language. */
export function notAPlan(reason: { zh: string; en: string }, cause: unknown): ServiceError {
  return new ServiceError(
    'PLAN_NOT_A_PLAN',
    'invalid',
    { zh: `文件无法作为规划导入：${reason.zh}`, en: `the file cannot be imported as a plan: ${reason.en}` },
    { field: 'file' },
    { cause },
  );
}

/** No region is known by the code or name the plan gives (or the importer passed). */
export function regionUnknown(what: string | null, field: string): ServiceError {
  const zh =
    what === null
      ? '规划标题中没有写明地区：请指定地区代码（如 140900）'
      : `地区“${what}”不在地区表中：请核对，或指定已载入的地区代码`;
  const en =
    what === null
      ? "the plan's title names no region: give the region code (e.g. 140900)"
      : `no loaded region is "${what}": check it, or give the code of a loaded region`;
  return new ServiceError('PLAN_REGION_UNKNOWN', 'invalid', { zh, en }, { field });
}

/** A name that denotes more than one region. */
export function regionAmbiguous(name: string, codes: readonly string[]): ServiceError {
  const list = codes.join(', ');
  return new ServiceError(
    'PLAN_REGION_AMBIGUOUS',
    'invalid',
    {
      zh: `地区名“${name}”对应多个地区（${list}）：请指定地区代码`,
      en: `the region name "${name}" denotes several regions (${list}): give the region code`,
    },
    { field: 'regionCode' },
  );
}

/** Neither the plan nor the importer says which years it covers. */
export function periodUnknown(): ServiceError {
  return new ServiceError(
    'PLAN_PERIOD_UNKNOWN',
    'invalid',
    {
      zh: '规划中读不出规划期（如“十四五”、2021-2025年）：请指定起止年份',
      en: 'the plan does not say which years it covers ("十四五", 2021-2025): give the start and end years',
    },
    { field: 'period' },
  );
}

/** A period that cannot be a plan's. */
export function periodInvalid(p: PlanPeriod): ServiceError {
  return new ServiceError(
    'PLAN_PERIOD_INVALID',
    'invalid',
    {
      zh: `规划期 ${period(p)} 无效：起止须为 1949 至 2100 年间的整数年份，且起始不晚于结束`,
      en: `the period ${period(p)} is invalid: use whole years from 1949 to 2100, the start not after the end`,
    },
    { field: 'period' },
  );
}

/** No plan has this id. */
export function planNotFound(id: number): ServiceError {
  return new ServiceError('PLAN_NOT_FOUND', 'not-found', { zh: `没有编号为 ${id} 的规划`, en: `no plan has id ${id}` });
}

/** Only a draft can be changed; a published or superseded plan is a public record. */
export function planNotDraft(id: number, status: string): ServiceError {
  return new ServiceError('PLAN_NOT_DRAFT', 'conflict', {
    zh: `规划 ${id} 状态为“${status === 'published' ? '已发布' : '已被取代'}”，不能修改：请导入修订稿，作为新版本审核后发布`,
    en: `plan ${id} is ${status}, so it cannot be changed: import the revised document as a new version, review and publish it`,
  });
}

/** No indicator row with this number in the plan. */
export function indicatorNotFound(planId: number, rowNo: number): ServiceError {
  return new ServiceError(
    'PLAN_INDICATOR_NOT_FOUND',
    'not-found',
    { zh: `规划 ${planId} 没有第 ${rowNo} 行指标`, en: `plan ${planId} has no indicator row ${rowNo}` },
    { row: rowNo },
  );
}

/** A correction that cannot be stored, with the field at fault. */
export function correctionInvalid(at: ErrorLocation, zh: string, en: string): ServiceError {
  return new ServiceError('PLAN_CORRECTION_INVALID', 'invalid', { zh, en }, at);
}

/** A catalogue id that is not in the catalogue. */
export function catalogueUnknown(catalogueId: string, at: ErrorLocation): ServiceError {
  return new ServiceError(
    'PLAN_CATALOGUE_UNKNOWN',
    'invalid',
    {
      zh: `指标目录中没有“${catalogueId}”：请从 /api/indicators 中选择`,
      en: `the catalogue has no entry "${catalogueId}": choose one from /api/indicators`,
    },
    { ...at, field: 'catalogueId' },
  );
}

/** The row's unit cannot be converted to the chosen entry's. */
export function unitMismatch(unit: string, entryName: string, entryUnit: string, at: ErrorLocation): ServiceError {
  return new ServiceError(
    'PLAN_UNIT_MISMATCH',
    'invalid',
    {
      zh: `单位“${unit}”无法换算为“${entryName}”的单位“${entryUnit}”：请更正单位或选择其他指标`,
      en: `the unit "${unit}" cannot be converted to ${entryName}'s unit "${entryUnit}": correct the unit or choose another entry`,
    },
    { ...at, field: 'unit' },
  );
}

/** A row whose catalogue match is uncertain has not been reviewed. */
export function reviewIncomplete(rowNo: number, line: number, name: string): ServiceError {
  return new ServiceError(
    'PLAN_REVIEW_INCOMPLETE',
    'conflict',
    {
      zh: `第 ${rowNo} 行指标“${name}”（原文第 ${line} 行）与指标目录的对应尚未确认：请审核后再发布`,
      en: `indicator row ${rowNo} "${name}" (source line ${line}) has an unconfirmed catalogue match: review it before publishing`,
    },
    { row: rowNo, line },
  );
}

/** A newer version of the plan is already published. */
export function newerPublished(id: number, publishedId: number): ServiceError {
  return new ServiceError('PLAN_NEWER_PUBLISHED', 'conflict', {
    zh: `同一地区、同一规划期已发布更新的版本（规划 ${publishedId}），规划 ${id} 不能再发布`,
    en: `a newer version (plan ${publishedId}) is already published for this region and period, so plan ${id} cannot be`,
  });
}

/** The same file is already stored for the region and period a draft would move to. */
export function duplicatePlan(existingId: number, field: string): ServiceError {
  return new ServiceError(
    'PLAN_DUPLICATE',
    'conflict',
    {
      zh: `该文件已作为规划 ${existingId} 存于该地区和规划期`,
      en: `this file is already stored as plan ${existingId} for that region and period`,
    },
    { field },
  );
}

/** A new catalogue entry's name is already an entry's name or synonym: the row belongs to that entry, or needs another name. */
export function catalogueNameTaken(name: string, entryId: string, at: ErrorLocation): ServiceError {
  return new ServiceError(
    'CATALOGUE_NAME_TAKEN',
    'conflict',
    {
      zh: `指标目录中已有名为“${name}”的指标（${entryId}）：请选择该指标，或另取名称`,
      en: `the catalogue already names an entry "${name}" (${entryId}): choose that entry, or give another name`,
    },
    { ...at, field: 'newEntry.name' },
  );
}

/** A new catalogue entry without a name or unit (or with a chosen entry as well). */
export function catalogueEntryInvalid(at: ErrorLocation, zh: string, en: string): ServiceError {
  return new ServiceError('CATALOGUE_ENTRY_INVALID', 'invalid', { zh, en }, at);
}
