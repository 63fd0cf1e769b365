/**
 * Publishing a reviewed draft, after a confirmation that says what publishing means. The rows still to confirm are
 * named first; the server decides (PLAN_REVIEW_INCOMPLETE names the row and its line), and its refusal is shown here.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/http.ts';
import { publishPlan } from '../../api/plan-detail.ts';
import type { PlanDetail, PlanIndicator } from '../../api/plan-detail.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useT } from '../../i18n/index.tsx';
import { asApiError } from './errors.ts';
import { JumpButton } from './jump.tsx';
import { needsReview } from './labels.ts';
import { usePlanTitle } from '../../components/planTitle.ts';
import { reviewMessages } from './review-messages.ts';

interface PublishPanelProps {
  plan: PlanDetail;
  rows: PlanIndicator[];
  canPublish: boolean;
}

export function PublishPanel({ plan, rows, canPublish }: PublishPanelProps) {
  const t = useT(reviewMessages);
  const title = usePlanTitle();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const pending = rows.filter((row) => needsReview(row.match.method) && !row.reviewed);

  const publish = async () => {
    setError(null);
    try {
      await publishPlan({ id: plan.id }, undefined);
      void message.success(t('published'));
      void navigate(`/plans/${plan.id}`);
    } catch (failure) {
      setError(asApiError(failure));
    }
  };

  const ask = () => {
    void modal.confirm({
      title: t('publishConfirmTitle', { title: title(plan) }),
      content: t('publishConfirmText', {
        pending: pending.length === 0 ? '' : t('publishPendingWarning', { n: pending.length }),
      }),
      okText: t('publishOk'),
      cancelText: t('cancel'),
      onOk: publish,
    });
  };

  return (
    <div data-testid="publish-panel">
      <Typography.Paragraph>{t('publishText')}</Typography.Paragraph>
      <Typography.Paragraph type={pending.length === 0 ? 'success' : 'warning'}>
        {pending.length === 0 ? t('allConfirmed') : t('pendingCount', { n: pending.length })}
      </Typography.Paragraph>
      {pending.length > 0 && (
        <ul style={{ margin: '0 0 12px', paddingLeft: 0, listStyle: 'none' }}>
          {pending.map((row) => (
            <li key={row.rowNo}>
              <JumpButton line={row.line}>
                {row.rowNo}. {row.name}
              </JumpButton>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      {canPublish ? (
        <Button type="primary" icon={<CloudUploadOutlined />} onClick={ask}>
          {t('publish')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('publishNotYours')}</Typography.Text>
      )}
    </div>
  );
}
