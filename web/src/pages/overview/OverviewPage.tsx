/**
 * 总览: a region's progress on a plan in a year. The counts by status and the red-line warnings first, then a card
 * per indicator, the regions below ranked on one indicator, the overdue tasks and the 红黑榜. Plan, region and year
 * live in the address; without them the screen shows the plan that applies to the user's region, that region, and
 * the latest year with data.
 */
import { Alert, Card, Col, Empty, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { getPlanProgress, listSourcedFigures } from '../../api/evaluation.ts';
import type { IndicatorProgress, PlanProgress } from '../../api/evaluation.ts';
import { listPlans } from '../../api/plans.ts';
import type { PlanSummary } from '../../api/plans.ts';
import { getRegion } from '../../api/regions.ts';
import { PageState } from '../../components/PageState.tsx';
import { RedLineTag, StatusTag, STATUS_ORDER } from '../../components/status.tsx';
import type { ProgressStatus } from '../../components/status.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { indexFigures } from './figures.ts';
import { IndicatorCard } from './IndicatorCard.tsx';
import { overviewMessages } from './messages.ts';
import { OverdueTasks } from './OverdueTasks.tsx';
import { Pickers } from './Pickers.tsx';
import { RegionListsSummary } from './RegionListsSummary.tsx';
import { defaultPlan, defaultRegion, useSelection } from './selection.ts';
import type { Selection } from './selection.ts';
import { StatusCounts } from './StatusCounts.tsx';
import { SubRegions } from './SubRegions.tsx';
import { usePlanTitle } from '../../components/planTitle.ts';

type Order = 'status' | 'plan';

/** Worst first, 数据不足 last, the plan's order within a status; red lines ahead of all. */
function byStatus(a: IndicatorProgress, b: IndicatorProgress): number {
  return (
    Number(b.redLine) - Number(a.redLine) ||
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    a.row - b.row
  );
}

export function indicatorPath(planId: number, row: number, region: string, year: number): string {
  return `/plans/${String(planId)}/indicators/${String(row)}?region=${region}&year=${String(year)}`;
}

function RedLines({ items, planId }: { items: readonly IndicatorProgress[]; planId: number }) {
  const t = useT(overviewMessages);
  const text = useBilingual();
  const red = items.filter((item) => item.redLine);
  if (red.length === 0) {
    return <Alert type="success" showIcon title={t('redLineNone')} data-testid="red-lines-none" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="red-lines"
      title={`${t('redLineTitle')}（${String(red.length)}）`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {red.map((item) => (
            <li key={item.row}>
              <Link to={indicatorPath(planId, item.row, item.region, item.year)}>{item.name}</Link> <RedLineTag />{' '}
              <StatusTag status={item.status} /> {text(item.explanation)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Body({ plan, region, progress }: { plan: PlanSummary; region: string; progress: PlanProgress }) {
  const t = useT(overviewMessages);
  const [filter, setFilter] = useState<ProgressStatus | null>(null);
  const [order, setOrder] = useState<Order>('status');
  const figures = useApi(() => listSourcedFigures(undefined, { region, limit: 1000 }), [region]);
  const index = useMemo(
    () => (figures.data === undefined ? undefined : indexFigures(figures.data.items)),
    [figures.data],
  );
  const own = region === plan.region.code;
  const shown = useMemo(() => {
    const kept = progress.items.filter((item) => filter === null || item.status === filter);
    return order === 'status' ? [...kept].sort(byStatus) : kept;
  }, [progress.items, filter, order]);

  return (
    <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
      <StatusCounts summary={progress.summary} filter={filter} onFilter={setFilter} />
      <RedLines items={progress.items} planId={plan.id} />
      {progress.summary.total > 0 && progress.summary.byStatus.insufficient_data === progress.summary.total && (
        <Alert
          type="info"
          showIcon
          data-testid="all-insufficient"
          title={t('allInsufficient', { region: progress.region.name, year: progress.year, n: progress.summary.total })}
        />
      )}
      <section aria-labelledby="indicators-title">
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={5} id="indicators-title" style={{ margin: 0 }}>
            {t('indicators')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {t('showing', { n: shown.length, total: progress.items.length })}
            </Typography.Text>
            {filter !== null && (
              <Typography.Link
                style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}
                onClick={() => {
                  setFilter(null);
                }}
              >
                {t('clearFilter')}
              </Typography.Link>
            )}
          </Typography.Title>
          <Segmented<Order>
            value={order}
            onChange={setOrder}
            options={[
              { value: 'status', label: t('sortByStatus') },
              { value: 'plan', label: t('sortByPlan') },
            ]}
          />
        </div>
        {progress.items.length === 0 ? (
          <Empty description={t('noIndicators')} />
        ) : shown.length === 0 ? (
          <Empty description={t('noMatch')} />
        ) : (
          <Row gutter={[12, 12]}>
            {shown.map((item) => (
              <Col key={item.row} xs={24} md={12} xl={8} xxl={6}>
                <IndicatorCard
                  planId={plan.id}
                  item={item}
                  figures={index}
                  own={own}
                  to={indicatorPath(plan.id, item.row, region, progress.year)}
                />
              </Col>
            ))}
          </Row>
        )}
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={`${t('subRegions')} · ${progress.region.name}`}>
            <SubRegions
              planId={plan.id}
              planRegion={plan.region.code}
              region={progress.region}
              year={progress.year}
              items={progress.items}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small" title={t('overdue')}>
              <OverdueTasks region={region} />
            </Card>
            {own && (
              <Card size="small" title={t('lists')}>
                <RegionListsSummary planId={plan.id} year={progress.year} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Progress({
  plans,
  plan,
  region,
  selection,
  select,
}: {
  plans: readonly PlanSummary[];
  plan: PlanSummary;
  region: string;
  selection: Selection;
  select: (next: Partial<Selection>) => void;
}) {
  const t = useT(overviewMessages);
  const planTitle = usePlanTitle();
  const { data, loading, error, reload } = useApi(
    () => getPlanProgress({ id: plan.id }, { year: selection.year, region }),
    [plan.id, selection.year, region],
  );
  return (
    <>
      <Pickers
        plans={plans}
        plan={plan}
        region={data?.region ?? { code: region, name: region }}
        year={selection.year ?? data?.year}
        defaultYear={selection.year === undefined}
        select={select}
      />
      {data !== undefined && (
        <Typography.Paragraph type="secondary" style={{ margin: '-4px 0 12px' }}>
          <Tag>{data.basis === 'approved' ? t('basisApproved') : t('basisPublished')}</Tag>
          {planTitle(plan)} · {data.region.name} · {t('yearOption', { year: data.year })}
        </Typography.Paragraph>
      )}
      <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
        {data !== undefined && <Body plan={plan} region={region} progress={data} />}
      </PageState>
    </>
  );
}

export default function OverviewPage() {
  const t = useT(overviewMessages);
  const user = useUser();
  const [selection, select] = useSelection();
  const plans = useApi(() => listPlans(undefined), []);
  const code = user.regionCode;
  const own = useApi(() => (code === null ? Promise.resolve(null) : getRegion({ code })), [code]);
  const chain = useMemo(
    () =>
      own.data === null || own.data === undefined
        ? []
        : [own.data.region, ...own.data.region.ancestors].map((r) => r.code),
    [own.data],
  );
  const usable = useMemo(() => (plans.data?.plans ?? []).filter((plan) => plan.status !== 'superseded'), [plans.data]);
  const chosen = selection.plan === undefined ? undefined : usable.find((plan) => plan.id === selection.plan);
  const plan = chosen ?? defaultPlan(usable, chain);
  const waiting = plans.data === undefined || own.data === undefined;

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <PageState
        loading={waiting && plans.error === null && own.error === null}
        error={plans.error ?? own.error}
        onRetry={() => {
          plans.reload();
          own.reload();
        }}
        empty={plan === undefined}
        emptyText={t('noPlan')}
      >
        {plan !== undefined && (
          <>
            {selection.plan !== undefined && chosen === undefined && (
              <Alert type="warning" showIcon title={t('planNotFound')} style={{ marginBottom: 12 }} />
            )}
            <Progress
              plans={usable}
              plan={plan}
              region={selection.region ?? defaultRegion(plan, chain)}
              selection={selection}
              select={select}
            />
          </>
        )}
      </PageState>
    </div>
  );
}
