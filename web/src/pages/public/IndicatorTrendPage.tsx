/**
 * /public/plans/:id/indicators/:rowNo: one indicator's published figures by year in a chart with the plan's
 * baseline and target, its status with the explanation in words, and each figure with where it comes from.
 */
import { Card, Result, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getPlanProgress, listPublishedFigures } from '../../api/public.ts';
import type { PublicIndicatorProgress, PublishedFigure } from '../../api/public.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageState } from '../../components/PageState.tsx';
import { RedLineTag, StatusTag } from '../../components/status.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useLocale, useT } from '../../i18n/index.tsx';
import { SourceNote } from './FigureCells.tsx';
import { figureOf, figureText, pointText } from './figures.ts';
import { publicMessages } from './messages.ts';
import { BackLink } from './PlanPage.tsx';
import { trendOption } from './trendOption.ts';

interface FigureRow {
  key: string;
  year: number;
  kind: 'baseline' | 'published' | 'computed' | 'target';
  value: string;
  figure: PublishedFigure | undefined;
}

/** The baseline, each figure after it, and the target, in year order. */
function figureRows(
  item: PublicIndicatorProgress,
  figures: readonly PublishedFigure[],
  locale: 'zh' | 'en',
): FigureRow[] {
  const rows: FigureRow[] = [];
  if (item.baseline !== null) {
    const { year } = item.baseline;
    rows.push({
      key: 'b',
      year,
      kind: 'baseline',
      value: pointText(item.baseline, item.unit, locale),
      figure: undefined,
    });
  }
  for (const point of item.series) {
    if (item.baseline !== null && point.year <= item.baseline.year) continue;
    rows.push({
      key: `p${point.year}`,
      year: point.year,
      kind: point.provenance === 'computed' ? 'computed' : 'published',
      value: pointText(point, item.unit, locale),
      figure: figureOf(figures, item, point.year),
    });
  }
  if (item.target !== null) {
    const value = figureText(item.target.value, item.unit, locale, item.target.comparator);
    rows.push({ key: 't', year: item.target.year, kind: 'target', value, figure: undefined });
  }
  return rows;
}

export default function IndicatorTrendPage() {
  const t = useT(publicMessages);
  const text = useBilingual();
  const { locale } = useLocale();
  const params = useParams();
  const id = Number(params.id);
  const rowNo = Number(params.rowNo);
  const progress = useApi(() => (Number.isInteger(id) ? getPlanProgress({ id }) : null), [id]);
  const item = progress.data?.items.find((candidate) => candidate.row === rowNo);
  const region = progress.data?.region.code;
  const indicator = item?.indicator ?? undefined;
  const figures = useApi(
    () =>
      region === undefined || indicator === undefined
        ? null
        : listPublishedFigures(undefined, { region, indicator, limit: 1000 }),
    [region, indicator],
  );
  const period = progress.data?.plan.period;
  const option = useMemo(
    () =>
      item === undefined || period === undefined
        ? null
        : trendOption(
            item,
            period,
            { baseline: t('chartBaseline'), target: t('chartTarget'), figures: t('chartFigures') },
            locale,
          ),
    [item, period, t, locale],
  );

  if (progress.error?.status === 404 || !Number.isInteger(id)) {
    return <Result status="404" title="404" subTitle={t('notFound')} extra={<Link to="/public">{t('back')}</Link>} />;
  }
  const planPath = `/public/plans/${id}`;
  if (progress.data !== undefined && item === undefined) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('rowNotFound', { row: String(params.rowNo) })}
        extra={<Link to={planPath}>{t('backToPlan')}</Link>}
      />
    );
  }
  const kindLabel = {
    baseline: t('kindBaseline'),
    published: t('kindPublished'),
    computed: t('kindComputed'),
    target: t('kindTarget'),
  } as const;
  const columns: TableColumnsType<FigureRow> = [
    {
      title: t('year'),
      key: 'year',
      width: 76,
      render: (_, row) => (
        <span>
          {row.year}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {kindLabel[row.kind]}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('value'), dataIndex: 'value', width: 96 },
    {
      title: t('source'),
      key: 'source',
      render: (_, row) =>
        row.kind === 'baseline' || row.kind === 'target' ? (
          t('planLine', { line: item?.line ?? 0 })
        ) : row.kind === 'computed' ? (
          t('computed')
        ) : (
          <SourceNote figure={row.figure} bare />
        ),
    },
  ];

  return (
    <>
      <BackLink to={planPath} label={t('backToPlan')} />
      <PageState
        loading={progress.loading && progress.data === undefined}
        error={progress.error}
        onRetry={progress.reload}
      >
        {item !== undefined && option !== null && (
          <>
            <Typography.Title level={2} style={{ fontSize: 21, marginTop: 0 }} data-testid="indicator-title">
              {item.name}
            </Typography.Title>
            <Space wrap style={{ marginBottom: 8 }}>
              <StatusTag status={item.status} />
              {item.redLine && <RedLineTag />}
              {item.unit !== null && (
                <Typography.Text type="secondary">{t('unit', { unit: item.unit })}</Typography.Text>
              )}
            </Space>
            <Card
              size="small"
              // A long indicator name wraps on a phone instead of being cut.
              styles={{ title: { whiteSpace: 'normal' } }}
              title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('trendTitle', { name: item.name })}</h3>}
            >
              <EChart option={option} ariaLabel={t('trendAria', { name: item.name })} style={{ height: 280 }} />
              <Typography.Paragraph style={{ marginTop: 8 }}>
                <Typography.Text strong>
                  {t('explanation')}
                  {t('colon')}
                </Typography.Text>
                {text(item.explanation)}
              </Typography.Paragraph>
            </Card>
            <Card
              size="small"
              style={{ marginTop: 16 }}
              title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('figuresTable')}</h3>}
            >
              {figures.error !== null && (
                <PageState loading={false} error={figures.error} onRetry={figures.reload}>
                  {null}
                </PageState>
              )}
              <Table
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={figureRows(item, figures.data?.items ?? [], locale)}
                pagination={false}
                data-testid="trend-figures"
              />
            </Card>
          </>
        )}
      </PageState>
    </>
  );
}
