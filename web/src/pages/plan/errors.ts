/** A write's failure as an ApiError, so a screen shows it in place whatever went wrong. */
import { ApiError } from '../../api/http.ts';

export function asApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure;
  return new ApiError(0, {
    code: 'CLIENT',
    message: { zh: '操作未完成，请重试', en: 'The change did not go through: retry' },
  });
}
