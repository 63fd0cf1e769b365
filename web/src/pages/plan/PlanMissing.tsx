/** A plan that does not exist, or a draft the user may not see (the server answers both alike): say so, lead back. */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/http.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { planMessages } from './messages.ts';

/** Whether a load failed because the plan is not there for this user. */
export function isPlanMissing(error: ApiError | null): boolean {
  return error?.code === 'PLAN_NOT_FOUND' || error?.code === 'REQUEST_INVALID';
}

export function PlanMissing({ error }: { error: ApiError }) {
  const t = useT(planMessages);
  const text = useBilingual();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('planMissing')}
      subTitle={text(error.body.message)}
      extra={
        <Button type="primary" onClick={() => void navigate('/plans')}>
          {t('backToList')}
        </Button>
      }
    />
  );
}
