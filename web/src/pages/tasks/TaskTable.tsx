/** The plan's confirmed tasks: heading and source line, units, regions, deadline and milestones, progress, status. */
import { Button, Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Task } from '../../api/tracking.ts';
import { useT } from '../../i18n/index.tsx';
import { tasksMessages } from './messages.ts';
import { TrackStatusTag } from './TrackStatusTag.tsx';

export function TaskTable({ items, onOpen }: { items: Task[]; onOpen: (task: Task) => void }) {
  const t = useT(tasksMessages);
  const columns: TableColumnsType<Task> = [
    { title: t('number'), dataIndex: 'id', width: 56 },
    {
      title: t('task'),
      key: 'title',
      render: (_, task) => (
        <div>
          <div>{task.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {task.section.number}
            {task.section.title} ·{' '}
            <Link to={`/plans/${String(task.planId)}?line=${String(task.section.line)}`}>
              {t('sourceLine', { line: task.section.line })}
            </Link>
          </Typography.Text>
        </div>
      ),
    },
    {
      title: `${t('leadUnit')} / ${t('partnerUnits')}`,
      key: 'units',
      width: 170,
      render: (_, task) => (
        <div>
          <div>{task.leadUnit}</div>
          {task.partnerUnits.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.partnerUnits.join('、')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('regions'),
      key: 'regions',
      width: 110,
      render: (_, task) =>
        task.regions.length === 0 ? (
          <Typography.Text type="secondary">{t('wholeRegion')}</Typography.Text>
        ) : (
          task.regions.map((region) => region.name ?? region.code).join('、')
        ),
    },
    {
      title: t('deadline'),
      key: 'deadline',
      width: 120,
      render: (_, task) => (
        <div>
          {task.deadline}
          {task.milestones.length > 0 && (
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {t('milestonesDone', {
                done: task.milestones.filter((one) => one.doneAt !== null).length,
                total: task.milestones.length,
              })}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('progress'),
      key: 'progress',
      width: 120,
      render: (_, task) => <Progress percent={task.progress} size="small" />,
    },
    {
      title: t('status'),
      key: 'status',
      width: 100,
      render: (_, task) => <TrackStatusTag status={task.status} label={task.label} explanation={task.explanation} />,
    },
    {
      title: t('evidence'),
      key: 'evidence',
      width: 64,
      render: (_, task) => (task.evidence.length === 0 ? t('none') : t('evidenceCount', { n: task.evidence.length })),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 108,
      render: (_, task) => (
        <Button
          size="small"
          onClick={() => {
            onOpen(task);
          }}
          aria-label={`${t('open')} ${t('drawerTask', { n: task.id })}`}
        >
          {t('open')}
        </Button>
      ),
    },
  ];
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, hideOnSinglePage: true }}
      data-testid="task-table"
    />
  );
}
