/** The tasks concerning the region that are past their date: a short list, the whole list on the tasks screen. */
import { Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { listOverdueTasks } from '../../api/evaluation.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { overviewMessages } from './messages.ts';

const SHOWN = 5;

export function OverdueTasks({ region }: { region: string }) {
  const t = useT(overviewMessages);
  const { data, loading, error, reload } = useApi(
    () => listOverdueTasks(undefined, { status: 'overdue', region, limit: SHOWN }),
    [region],
  );
  const items = data?.items ?? [];
  return (
    <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
      {items.length === 0 ? (
        <Typography.Text type="secondary" data-testid="overdue-none">
          {t('overdueNone')}
        </Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: 8 }}>
          {items.map((item) => (
            <li key={`${String(item.task.id)}:${item.milestone?.title ?? ''}`}>
              <Link to={`/tasks?task=${String(item.task.id)}`}>{item.task.title}</Link>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                <Tag color="red" style={{ marginInlineEnd: 6 }}>
                  {t('overdueDays', { n: item.days })}
                </Tag>
                {item.milestone !== null && <span>{t('milestone', { title: item.milestone.title })} · </span>}
                {t('leadUnit', { unit: item.task.leadUnit })}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div style={{ marginTop: 8 }}>
        <Link to="/tasks?status=overdue">{t('overdueAll')}</Link>
      </div>
    </PageState>
  );
}
