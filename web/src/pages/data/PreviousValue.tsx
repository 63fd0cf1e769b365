/** Last year's figure beside this year's: its value, its status while not yet approved, and its source. */
import { Typography } from 'antd';
import type { Observation } from '../../api/observations.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { dataMessages } from './messages.ts';
import { WorkflowStatusTag } from './WorkflowStatusTag.tsx';

/** Last year's figure with where it came from; 暂无 when there is none (never 0). */
export function PreviousValue({ figure }: { figure: Observation | undefined }) {
  const t = useT(dataMessages);
  const text = useBilingual();
  if (figure === undefined) return <Typography.Text type="secondary">{t('noPrevious')}</Typography.Text>;
  return (
    <div data-testid="previous-value">
      <div>
        {text(figure.display)}
        {(figure.status === 'draft' || figure.status === 'submitted') && (
          <>
            {' '}
            <WorkflowStatusTag status={figure.status} returnReason={figure.returnReason} />
          </>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: figure.source ?? undefined }}>
        {figure.source === null ? t('noSource') : t('previousSource', { source: figure.source })}
      </Typography.Text>
    </div>
  );
}
