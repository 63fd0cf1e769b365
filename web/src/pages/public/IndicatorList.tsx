/**
 * A plan's indicators with their figures and progress: a table on an office screen, a list of cards on a phone
 * (a seven-column table does not fit 390 px). Status is a tag with icon and label, never colour alone.
 */
import { LineChartOutlined } from '@ant-design/icons';
import { Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { PublicIndicatorProgress, PublishedFigure } from '../../api/public.ts';
import { RedLineTag, StatusTag } from '../../components/status.tsx';
import { useT } from '../../i18n/index.tsx';
import { BaselineCell, LatestCell, TargetCell } from './FigureCells.tsx';
import { publicMessages } from './messages.ts';

interface Props {
  planId: number;
  items: PublicIndicatorProgress[];
  /** undefined while the sources load. */
  figures: readonly PublishedFigure[] | undefined;
}

function Status({ item }: { item: PublicIndicatorProgress }) {
  return (
    <Space size={4} wrap>
      <StatusTag status={item.status} />
      {item.redLine && <RedLineTag />}
    </Space>
  );
}

function NameCell({ item }: { item: PublicIndicatorProgress }) {
  const t = useT(publicMessages);
  return (
    <span>
      <Typography.Text strong>{item.name}</Typography.Text>
      {item.attribute === 'binding' && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('binding')}
        </Tag>
      )}
      {item.category !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {item.category}
          {item.unit !== null && item.unit !== '' && ` · ${t('unit', { unit: item.unit })}`}
        </Typography.Text>
      )}
    </span>
  );
}

export function IndicatorList({ planId, items, figures }: Props) {
  const t = useT(publicMessages);
  const screens = Grid.useBreakpoint();
  const trendLink = (item: PublicIndicatorProgress) => (
    <Link
      to={`/public/plans/${planId}/indicators/${item.row}`}
      aria-label={`${t('viewTrend')}${t('colon')}${item.name}`}
    >
      <LineChartOutlined /> {t('viewTrend')}
    </Link>
  );

  if (screens.md !== true) {
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.row} style={{ marginBottom: 10 }} data-testid="indicator-row">
            <Card size="small" style={{ width: '100%' }} title={<NameCell item={item} />} extra={trendLink(item)}>
              <dl style={{ display: 'grid', gridTemplateColumns: '5.5em 1fr', gap: '6px 8px', margin: 0 }}>
                <dt>{t('status')}</dt>
                <dd style={{ margin: 0 }}>
                  <Status item={item} />
                </dd>
                <dt>{t('latest')}</dt>
                <dd style={{ margin: 0 }}>
                  <LatestCell item={item} figures={figures} />
                </dd>
                <dt>{t('baseline')}</dt>
                <dd style={{ margin: 0 }}>
                  <BaselineCell item={item} />
                </dd>
                <dt>{t('target')}</dt>
                <dd style={{ margin: 0 }}>
                  <TargetCell item={item} />
                </dd>
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<PublicIndicatorProgress> = [
    { title: t('indicator'), key: 'name', render: (_, item) => <NameCell item={item} /> },
    { title: t('baseline'), key: 'baseline', width: 160, render: (_, item) => <BaselineCell item={item} /> },
    { title: t('target'), key: 'target', width: 160, render: (_, item) => <TargetCell item={item} /> },
    {
      title: t('latest'),
      key: 'latest',
      width: 200,
      render: (_, item) => <LatestCell item={item} figures={figures} />,
    },
    { title: t('status'), key: 'status', width: 150, render: (_, item) => <Status item={item} /> },
    { title: t('trend'), key: 'trend', width: 100, render: (_, item) => trendLink(item) },
  ];
  return (
    <Table
      rowKey="row"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      onRow={() => ({ 'data-testid': 'indicator-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
