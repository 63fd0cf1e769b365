/** The errors of the monitoring-data use cases: each says what was wrong, where, and what to do. */
import type { Observation } from '../db/observation.schema.ts';
import { STATUS_LABELS, STEP_LABELS, WORKFLOW } from '../domain/observations/workflow.ts';
import type { WorkflowStep } from '../domain/observations/workflow.ts';
import type { CheckedFigure } from './observation.batch.ts';
import { ServiceError } from './errors.ts';
import type { ErrorDetail, ErrorLocation } from './errors.ts';

/** Where a problem is, in words: "文件 a.xlsx 工作表 填报 第 5 行 I 本年数值列". */
export function placeZh(at: ErrorLocation): string {
  const parts = [
    at.file === undefined ? '' : `文件 ${at.file}`,
    at.sheet === undefined ? '' : `工作表“${at.sheet}”`,
    at.row === undefined ? '' : `第 ${at.row} 行`,
    at.item === undefined ? '' : `第 ${at.item + 1} 项`,
    at.column === undefined ? '' : `“${at.column}”列`,
  ];
  return parts.filter((part) => part !== '').join(' ');
}

export function placeEn(at: ErrorLocation): string {
  const parts = [
    at.file === undefined ? '' : `file ${at.file}`,
    at.sheet === undefined ? '' : `sheet "${at.sheet}"`,
    at.row === undefined ? '' : `row ${at.row}`,
    at.item === undefined ? '' : `item ${at.item + 1}`,
    at.column === undefined ? '' : `column "${at.column}"`,
  ];
  return parts.filter((part) => part !== '').join(', ');
}

/** A batch with at least one refused figure: nothing was stored; every problem is in the details. */
export function batchRejected(
  found: readonly ErrorDetail[],
  fileName: string | undefined,
  total: number,
): ServiceError {
  // In the order of the file (or the batch), whichever check found them.
  const position = (detail: ErrorDetail): number => detail.at.row ?? detail.at.item ?? 0;
  const problems = [...found].sort((a, b) => position(a) - position(b));
  const [first] = problems;
  const what = fileName === undefined ? '提交的数据' : `文件 ${fileName}`;
  const whatEn = fileName === undefined ? 'The batch' : `The file ${fileName}`;
  const firstZh = first === undefined ? '' : `。第一处：${placeZh(first.at)}：${first.messages.zh}`;
  const firstEn = first === undefined ? '' : `. First: ${placeEn(first.at)}: ${first.messages.en}`;
  return new ServiceError(
    'DATA_REJECTED',
    'invalid',
    {
      zh: `${what} 共 ${total} 行，发现 ${problems.length} 处错误，未保存任何数据：请逐条改正后重新提交${firstZh}`,
      en: `${whatEn} has ${problems.length} problem(s) in ${total} row(s), so nothing was stored: fix each and send it again${firstEn}`,
    },
    first?.at ?? {},
    { details: problems },
  );
}

export function emptyBatch(fileName: string | undefined): ServiceError {
  return new ServiceError(
    'DATA_EMPTY',
    'invalid',
    {
      zh: `${fileName === undefined ? '请求' : `文件 ${fileName}`}中没有任何数据行：请至少填写一行“本年数值”`,
      en: `${fileName === undefined ? 'The request' : `The file ${fileName}`} holds no figure: fill in at least one value`,
    },
    fileName === undefined ? { field: 'items' } : { file: fileName },
  );
}

export function reasonRequired(step: WorkflowStep): ServiceError {
  return new ServiceError(
    'REASON_REQUIRED',
    'invalid',
    {
      zh: `${STEP_LABELS[step].zh}须填写原因，以便填报单位修改`,
      en: `To ${STEP_LABELS[step].en}, give a reason the reporter can act on`,
    },
    { field: 'reason' },
  );
}

export function notFound(id: number): ServiceError {
  return new ServiceError(
    'OBSERVATION_NOT_FOUND',
    'not-found',
    { zh: `数据 #${id} 不存在`, en: `Figure #${id} does not exist` },
    { field: 'id' },
  );
}

/** Someone else changed the figure after the actor read it: nothing was changed, and the answer says what is there now. */
export function stale(head: Observation, lockRead: number): ServiceError {
  const status = STATUS_LABELS[head.status];
  return new ServiceError(
    'OBSERVATION_CHANGED',
    'conflict',
    {
      zh: `数据 #${head.id} 已被他人处理（您看到的是第 ${lockRead} 次修改后的状态，现在是第 ${head.lock} 次，状态：${status.zh}）：本次操作未执行，请刷新后再处理`,
      en: `Figure #${head.id} was changed by someone else (you saw change ${lockRead}, it is now at ${head.lock}, ${status.en}): nothing was done; reload and try again`,
    },
    { field: 'lock' },
  );
}

export function wrongStatus(step: WorkflowStep, head: Observation): ServiceError {
  const from = WORKFLOW[step].from.map((status) => STATUS_LABELS[status]);
  return new ServiceError(
    'OBSERVATION_WRONG_STATUS',
    'conflict',
    {
      zh: `数据 #${head.id} 当前为“${STATUS_LABELS[head.status].zh}”，不能${STEP_LABELS[step].zh}（须为：${from.map((label) => label.zh).join('、')}）`,
      en: `Figure #${head.id} is ${STATUS_LABELS[head.status].en}, so it cannot be ${STEP_LABELS[step].en}d (it must be ${from.map((label) => label.en).join(' or ')})`,
    },
    { field: 'id' },
  );
}

export function changedDuringImport(figure: CheckedFigure, head: Observation): ServiceError {
  return new ServiceError(
    'OBSERVATION_CHANGED',
    'conflict',
    {
      zh: `${placeZh(figure.at)}：数据在导入期间被他人处理（现为“${STATUS_LABELS[head.status].zh}”），未保存任何数据：请重新导入`,
      en: `${placeEn(figure.at)}: the figure was changed by someone else during the import (now ${STATUS_LABELS[head.status].en}); nothing was stored: import again`,
    },
    figure.at,
  );
}

/** Another import created one of the file's new figures while this one ran (the key's unique index said so). */
export function createdDuringImport(fileName: string | undefined, cause: unknown): ServiceError {
  return new ServiceError(
    'OBSERVATION_CHANGED',
    'conflict',
    {
      zh: `${fileName ?? '文件'}：导入期间另一次导入已写入了其中的同一数据（同一地区、指标和年份），本次未保存任何数据：请稍后重新导入`,
      en: `${fileName ?? 'The file'}: another import stored one of its figures (same region, indicator and year) while this one ran; nothing was stored: import again shortly`,
    },
    fileName === undefined ? {} : { file: fileName },
    { cause },
  );
}
