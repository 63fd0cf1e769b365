/** The errors of commitment tracking: what was wrong, where, and what to do. */
import { ServiceError } from './errors.ts';

export function commitmentNotFound(planId: number, position: number): ServiceError {
  return new ServiceError(
    'COMMITMENT_NOT_FOUND',
    'not-found',
    {
      zh: `规划 #${planId} 没有第 ${position} 项量化承诺：position 取自 GET /api/plans/${planId}/commitments`,
      en: `Plan #${planId} has no commitment ${position}: take position from GET /api/plans/${planId}/commitments`,
    },
    { field: 'position' },
  );
}

/** Someone changed the commitment's tracking after the actor read it: nothing was changed. */
export function commitmentStale(planId: number, position: number, lockRead: number, lockNow: number): ServiceError {
  return new ServiceError(
    'COMMITMENT_CHANGED',
    'conflict',
    {
      zh: `规划 #${planId} 第 ${position} 项承诺已被他人修改（您看到的是第 ${lockRead} 版，现在是第 ${lockNow} 版）：本次修改未保存，请刷新后再改`,
      en: `Commitment ${position} of plan #${planId} was changed by someone else (you saw version ${lockRead}, it is now ${lockNow}): nothing was saved; reload and try again`,
    },
    { field: 'lock' },
  );
}
