/**
 * The region's figure beside what the regions below add up to, how many of them reported (and which did not), and
 * a row per region below with its reported and computed figures, its own completeness, its rank and its status.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { Aggregate, AggregateItem, IndicatorProgress } from '../../api/evaluation.ts';
import { getAggregates } from '../../api/evaluation.ts';
import { PageState } from '../../components/PageState.tsx';
import { StatusTag } from '../../components/status.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { formatValue, plainNumber } from '../overview/figures.ts';
import { loadSubRegions } from '../overview/subRegions.ts';
import type { SubRegionQuery, SubRegionStatus } from '../overview/subRegions.ts';
import { indicatorMessages } from './messages.ts';

interface SubRegionTableProps {
  planId: number;
  planRegion: string;
  region: { code: string; name: string };
  year: number;
  item: IndicatorProgress;
}

interface Row extends Aggregate {
  regionName: string;
  progress: SubRegionStatus | undefined;
}

async function load(query: SubRegionQuery, indicator: string) {
  const [aggregates, statuses] = await Promise.all([
    getAggregates(undefined, { region: query.region, year: query.year, indicator }),
    loadSubRegions(query),
  ]);
  return { aggregate: aggregates.items[0], statuses };
}

function Summary({ aggregate, region }: { aggregate: AggregateItem; region: string }) {
  const t = useT(indicatorMessages);
  const text = useBilingual();
  const value = (amount: number | null) =>
    amount === null ? <Typography.Text type="secondary">—</Typography.Text> : formatValue(amount, aggregate.unit);
  const names = new Map(aggregate.children.map((child) => [child.regionCode, child.regionName]));
  const completeness = aggregate.completeness;
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        data-testid="aggregate-summary"
        items={[
          { key: 'own', label: t('aggregateOwn', { region }), children: value(aggregate.reported) },
          { key: 'computed', label: t('aggregateComputed'), children: value(aggregate.computed) },
          {
            key: 'completeness',
            label: t('completeness'),
            children:
              completeness === null
                ? '—'
                : t('completenessText', { reporting: completeness.reporting, expected: completeness.expected }),
          },
        ]}
      />
      {completeness !== null && completeness.missing.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('missingRegions', { names: completeness.missing.map((code) => names.get(code) ?? code).join('、') })}
        </Typography.Paragraph>
      )}
      {aggregate.reason !== null && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {text(aggregate.reason)}
        </Typography.Paragraph>
      )}
      {aggregate.differs && aggregate.difference !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('differs', { d: formatValue(Number(aggregate.difference.toFixed(4)), aggregate.unit) })}
        />
      )}
    </>
  );
}

export function SubRegionTable({ planId, planRegion, region, year, item }: SubRegionTableProps) {
  const t = useT(indicatorMessages);
  const indicator = item.indicator;
  const rowNo = item.row;
  const { data, loading, error, reload } = useApi(
    () => (indicator === null ? null : load({ planId, planRegion, region: region.code, row: rowNo, year }, indicator)),
    [planId, planRegion, region.code, rowNo, year, indicator],
  );
  if (indicator === null) return <Alert type="info" showIcon title={t('notMatched')} />;
  const aggregate = data?.aggregate;
  const statuses = new Map((data?.statuses ?? []).map((status) => [status.code, status]));
  const rows: Row[] = (aggregate?.children ?? []).map((child) => ({
    ...child,
    progress: statuses.get(child.regionCode),
  }));
  const unit = aggregate?.unit ?? item.unit;
  const value = (amount: number | null) =>
    amount === null ? <Typography.Text type="secondary">—</Typography.Text> : formatValue(amount, unit);

  return (
    <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
      {aggregate !== undefined && <Summary aggregate={aggregate} region={region.name} />}
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('noChildren', { region: region.name })}</Typography.Text>
      ) : (
        <Table<Row>
          size="small"
          rowKey="regionCode"
          pagination={false}
          data-testid="sub-region-table"
          dataSource={rows}
          columns={[
            { title: t('colRegion'), dataIndex: 'regionName', key: 'region', width: 96 },
            {
              title: t('colRank'),
              key: 'rank',
              width: 56,
              render: (_, row) => (row.progress?.rank === null || row.progress === undefined ? '—' : row.progress.rank),
            },
            { title: t('colReported'), key: 'reported', render: (_, row) => value(row.reported) },
            {
              title: t('colComputed'),
              key: 'computed',
              render: (_, row) => (
                <span>
                  {value(row.computed)}
                  {row.differs && row.difference !== null && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      Δ {plainNumber(Number(row.difference.toFixed(4)))}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              title: t('colCompleteness'),
              key: 'completeness',
              width: 96,
              render: (_, row) =>
                row.completeness === null
                  ? '—'
                  : `${String(row.completeness.reporting)}/${String(row.completeness.expected)}`,
            },
            {
              title: t('colProgress'),
              key: 'status',
              width: 124,
              render: (_, row) =>
                row.progress?.status === null || row.progress === undefined ? (
                  <Typography.Text type="secondary">{t('noFigureThisYear')}</Typography.Text>
                ) : (
                  <StatusTag status={row.progress.status} />
                ),
            },
          ]}
        />
      )}
    </PageState>
  );
}
