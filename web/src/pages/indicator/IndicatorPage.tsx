/**
 * 指标: one indicator of a plan in a region and year. The plan's baseline and target with their source line; the
 * trend (baseline, figures, projection, schedule line); the status in words and in numbers; the targets beside the
 * parent plan's and the plans below; the regions below with completeness. Region and year live in the address.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getPlanProgress, listSourcedFigures } from '../../api/evaluation.ts';
import type { IndicatorProgress, PlanProgress } from '../../api/evaluation.ts';
import { listPlans } from '../../api/plans.ts';
import type { PlanSummary } from '../../api/plans.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageState } from '../../components/PageState.tsx';
import { RedLineTag, StatusTag } from '../../components/status.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { formatTarget, formatValue, indexFigures } from '../overview/figures.ts';
import { PlanLineLink } from '../overview/FigureSource.tsx';
import { NatureTag } from '../overview/IndicatorCard.tsx';
import { overviewMessages } from '../overview/messages.ts';
import { Pickers } from '../overview/Pickers.tsx';
import { useSelection } from '../overview/selection.ts';
import { AlignmentPanel } from './AlignmentPanel.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { indicatorMessages } from './messages.ts';
import { StatusExplanation } from './StatusExplanation.tsx';
import { SubRegionTable } from './SubRegionTable.tsx';
import { hasTrend, trendOption } from './trendOption.ts';
import { usePlanTitle } from '../../components/planTitle.ts';

function positive(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function Header({ plan, item, regionName }: { plan: PlanSummary; item: IndicatorProgress; regionName: string }) {
  const planTitle = usePlanTitle();
  const t = useT(indicatorMessages);
  const o = useT(overviewMessages);
  const own = item.region === plan.region.code;
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'unit', label: t('unit'), value: item.unit ?? t('noUnit') },
    {
      key: 'baseline',
      label: o('baseline'),
      value:
        item.baseline === null
          ? o('noValue')
          : o('valueYear', {
              value: formatValue(item.baseline.value, item.unit, item.baseline.qualifier, o('atLeast')),
              year: item.baseline.year,
            }),
    },
    {
      key: 'target',
      label: o('target'),
      value:
        item.target === null
          ? o('noValue')
          : o('valueYear', {
              value: formatTarget(item.target.value, item.target.comparator, item.unit),
              year: item.target.year,
            }),
    },
  ];
  if (item.category !== null) facts.unshift({ key: 'category', label: t('category'), value: item.category });
  return (
    <header style={{ marginBottom: 12 }}>
      <Space size={[8, 4]} wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {item.name}
        </Typography.Title>
        <NatureTag attribute={item.attribute} />
        <StatusTag status={item.status} />
        {item.redLine && <RedLineTag />}
      </Space>
      <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: '4px 20px', fontSize: 13 }}>
        {facts.map((fact) => (
          <span key={fact.key}>
            <Typography.Text type="secondary">{o('labelled', { label: fact.label })}</Typography.Text>
            {fact.value}
          </span>
        ))}
        <span>
          <Typography.Text type="secondary">{o('labelled', { label: o('source') })}</Typography.Text>
          {planTitle(plan)} · <PlanLineLink planId={plan.id} line={item.line} />
          {!own && item.baseline !== null && (
            <Typography.Text type="secondary">{t('ownBaseline', { region: regionName })}</Typography.Text>
          )}
        </span>
      </div>
    </header>
  );
}

function Trend({ item }: { item: IndicatorProgress }) {
  const t = useT(indicatorMessages);
  const o = useT(overviewMessages);
  const option = useMemo(
    () =>
      trendOption(item, {
        observed: t('legendObserved'),
        computed: t('legendComputed'),
        baseline: t('legendBaseline'),
        target: t('legendTarget'),
        schedule: t('legendSchedule'),
        projection: t('legendProjection'),
        atLeast: o('atLeast'),
      }),
    [item, t, o],
  );
  if (!hasTrend(item)) return <Typography.Text type="secondary">{t('noTrend')}</Typography.Text>;
  return <EChart option={option} ariaLabel={t('trendAria', { name: item.name })} style={{ height: 340 }} />;
}

function Content({
  plan,
  plans,
  progress,
  item,
}: {
  plan: PlanSummary;
  plans: readonly PlanSummary[];
  progress: PlanProgress;
  item: IndicatorProgress;
}) {
  const t = useT(indicatorMessages);
  const region = progress.region.code;
  const indicator = item.indicator;
  const figures = useApi(
    () => (indicator === null ? null : listSourcedFigures(undefined, { region, indicator, limit: 1000 })),
    [region, indicator],
  );
  const index = useMemo(
    () => (figures.data === undefined ? undefined : indexFigures(figures.data.items)),
    [figures.data],
  );
  return (
    <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={`${t('trend')} · ${progress.region.name}`}>
            <Trend item={item} />
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('observations')}
            </Typography.Title>
            <FiguresTable item={item} figures={index} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('status')} style={{ height: '100%' }}>
            <StatusExplanation item={item} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('alignment')} style={{ height: '100%' }}>
            <AlignmentPanel plan={plan} plans={plans} row={item.row} indicator={item.indicator} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={`${t('subRegions')} · ${progress.region.name}`} style={{ height: '100%' }}>
            <SubRegionTable
              planId={plan.id}
              planRegion={plan.region.code}
              region={progress.region}
              year={progress.year}
              item={item}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function IndicatorPage() {
  const t = useT(indicatorMessages);
  const params = useParams();
  const planId = positive(params.id);
  const rowNo = positive(params.rowNo);
  const [selection, select] = useSelection();
  const plans = useApi(() => listPlans(undefined), []);
  const progress = useApi(
    () =>
      planId === null ? null : getPlanProgress({ id: planId }, { year: selection.year, region: selection.region }),
    [planId, selection.year, selection.region],
  );
  const plan = plans.data?.plans.find((one) => one.id === planId);
  const item = progress.data?.items.find((one) => one.row === rowNo);
  const overview = `/?${new URLSearchParams({
    ...(planId === null ? {} : { plan: String(planId) }),
    ...(selection.region === undefined ? {} : { region: selection.region }),
    ...(selection.year === undefined ? {} : { year: String(selection.year) }),
  }).toString()}`;

  if (planId === null || rowNo === null) {
    return (
      <Result status="404" title="404" subTitle={t('notFound', { plan: params.id ?? '', row: params.rowNo ?? '' })} />
    );
  }
  return (
    <div>
      <Link to={overview}>
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <PageState
        loading={(plans.loading && plans.data === undefined) || (progress.loading && progress.data === undefined)}
        error={progress.error ?? plans.error}
        onRetry={() => {
          plans.reload();
          progress.reload();
        }}
      >
        {plan !== undefined && progress.data !== undefined && item === undefined && (
          <Result status="404" title="404" subTitle={t('notFound', { plan: planId, row: rowNo })} />
        )}
        {plan !== undefined && progress.data !== undefined && item !== undefined && (
          <div style={{ marginTop: 8 }}>
            <Header plan={plan} item={item} regionName={progress.data.region.name} />
            <Pickers
              plans={null}
              plan={plan}
              region={progress.data.region}
              year={selection.year ?? progress.data.year}
              defaultYear={selection.year === undefined}
              select={select}
            />
            <Content plan={plan} plans={plans.data?.plans ?? []} progress={progress.data} item={item} />
          </div>
        )}
      </PageState>
    </div>
  );
}
