/** Server refusals put on the form field they name, so the person sees them where they typed. */
import { ApiError } from '../../api/http.ts';

/** The field of `fields` an error names (`error.at.field`), or null when it belongs above the form. */
export function fieldErrorOf<F extends string>(error: ApiError, fields: readonly F[]): F | null {
  const field = error.body.at?.field;
  return fields.find((candidate) => candidate === field) ?? null;
}

/** Any failure as an ApiError, so a screen always has the server's shape to show. */
export function asApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure;
  return new ApiError(0, {
    code: 'CLIENT',
    message: { zh: '页面出错，请刷新重试', en: 'The page failed: reload and retry' },
  });
}
