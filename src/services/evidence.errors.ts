/** The errors of evidence (files and links): what was wrong, where, and what to do. */
import type { Bilingual } from '../domain/tasks/status.ts';
import { ServiceError } from './errors.ts';

export function evidenceNotFound(id: number): ServiceError {
  return new ServiceError(
    'EVIDENCE_NOT_FOUND',
    'not-found',
    { zh: `佐证材料 #${id} 不存在`, en: `Evidence #${id} does not exist` },
    { field: 'id' },
  );
}

/** The file is none of the accepted formats, judged by its content. */
export function typeRefused(fileName: string, found: Bilingual, accepted: Bilingual): ServiceError {
  return new ServiceError(
    'EVIDENCE_TYPE_REFUSED',
    'invalid',
    {
      zh: `文件 ${fileName} 的内容是${found.zh}，不能作为佐证材料：请上传 ${accepted.zh}`,
      en: `The file ${fileName} is ${found.en}, which is not taken as evidence: upload ${accepted.en}`,
    },
    { field: 'file', file: fileName },
  );
}

export function tooLarge(fileName: string, size: number, max: number): ServiceError {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return new ServiceError(
    'EVIDENCE_TOO_LARGE',
    'invalid',
    {
      zh: `文件 ${fileName} 为 ${mb(size)} MB，超过 ${mb(max)} MB 的上限：请压缩或拆分后上传，大文件可改为提交链接`,
      en: `The file ${fileName} is ${mb(size)} MB, over the ${mb(max)} MB limit: compress or split it, or give a link instead`,
    },
    { field: 'file', file: fileName },
  );
}

export function urlInvalid(url: string): ServiceError {
  return new ServiceError(
    'EVIDENCE_URL_INVALID',
    'invalid',
    {
      zh: `链接“${url}”无效：只接受 http:// 或 https:// 开头、不含用户名密码的完整网址`,
      en: `The link "${url}" is not accepted: give a full http:// or https:// address without a user name or password`,
    },
    { field: 'url' },
  );
}
