/**
 * The plan's 专栏 commitments as a table: each with its source line, what was promised and what has been achieved
 * (a gap stays "未报告", never 0), its responsible unit, deadline (and where a default deadline comes from), status
 * and evidence. Opening a row shows it in the drawer.
 */
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Commitment } from '../../api/tracking.ts';
import { useT } from '../../i18n/index.tsx';
import { plain, promised } from './format.ts';
import { tasksMessages } from './messages.ts';
import { TrackStatusTag } from './TrackStatusTag.tsx';

export function CommitmentTable({ items, onOpen }: { items: Commitment[]; onOpen: (item: Commitment) => void }) {
  const t = useT(tasksMessages);
  const columns: TableColumnsType<Commitment> = [
    { title: t('number'), dataIndex: 'position', width: 56 },
    {
      title: t('commitment'),
      key: 'text',
      render: (_, item) => (
        <div>
          <div>{item.text}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.project === null
              ? (item.section ?? t('proseCommitment'))
              : `专栏${String(item.project.number)} ${item.project.title}`}{' '}
            ·{' '}
            <Link to={`/plans/${String(item.planId)}?line=${String(item.line)}`}>
              {t('sourceLine', { line: item.line })}
            </Link>
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('quantity'),
      key: 'quantity',
      width: 110,
      render: (_, item) => promised(item, t('approximate')),
    },
    {
      title: t('achieved'),
      key: 'achieved',
      width: 120,
      render: (_, item) =>
        item.achieved === null ? (
          <Typography.Text type="secondary">{t('notReported')}</Typography.Text>
        ) : (
          <span data-testid="achieved">
            {plain(item.achieved)}
            {item.unit}
            {item.percent === null ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({plain(item.percent)}%)
              </Typography.Text>
            )}
          </span>
        ),
    },
    {
      title: t('responsibleUnit'),
      key: 'unit',
      width: 140,
      render: (_, item) => item.responsibleUnit ?? <Typography.Text type="secondary">{t('noUnit')}</Typography.Text>,
    },
    {
      title: t('deadline'),
      key: 'deadline',
      width: 112,
      render: (_, item) => (
        <div>
          {item.deadline}
          {item.deadlineSource !== 'set' && (
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {item.deadlineSource === 'plan' ? t('deadlineFromPlan') : t('deadlineFromCommitment')}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('status'),
      key: 'status',
      width: 100,
      render: (_, item) => <TrackStatusTag status={item.status} label={item.label} explanation={item.explanation} />,
    },
    {
      title: t('evidence'),
      key: 'evidence',
      width: 64,
      render: (_, item) => (item.evidence.length === 0 ? t('none') : t('evidenceCount', { n: item.evidence.length })),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 108,
      render: (_, item) => (
        <Button
          size="small"
          onClick={() => {
            onOpen(item);
          }}
          aria-label={`${t('open')} ${t('drawerCommitment', { n: item.position })}`}
        >
          {t('open')}
        </Button>
      ),
    },
  ];
  return (
    <Table<Commitment>
      rowKey="position"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, hideOnSinglePage: true }}
      data-testid="commitment-table"
    />
  );
}
