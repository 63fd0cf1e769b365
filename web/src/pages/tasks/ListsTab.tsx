/**
 * 红黑榜: of the responsible units (from the implementation checklist's statuses) and of the regions below the plan's
 * (from their indicators' progress in a year), each shown with the rule the server applied. A region with too little
 * data is listed as such, never placed on either list.
 */
import { MinusCircleOutlined, QuestionCircleOutlined, TrophyOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { PlanSummary } from '../../api/plans.ts';
import { getChecklist, getRegionLists } from '../../api/tracking.ts';
import type { ListedRegion, ListedUnit } from '../../api/tracking.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { tasksMessages } from './messages.ts';

function ListBlock<T>({
  title,
  icon,
  color,
  items,
  render,
  testId,
}: {
  title: string;
  icon: ReactNode;
  color: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  testId: string;
}) {
  const t = useT(tasksMessages);
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text strong style={{ color }}>
        {icon} {title}（{items.length}）
      </Typography.Text>
      {items.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('listEmpty')}</Typography.Text>
        </div>
      ) : (
        <ol style={{ margin: '4px 0 0', paddingLeft: 22 }}>{items.map(render)}</ol>
      )}
    </div>
  );
}

function UnitLists({ plan }: { plan: PlanSummary }) {
  const t = useT(tasksMessages);
  const text = useBilingual();
  const checklist = useApi(() => getChecklist({ id: plan.id }), [plan.id]);
  const units = checklist.data?.units;
  const line = (unit: ListedUnit) => (
    <li key={unit.unit}>
      {unit.unit}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        {t('unitCounts', { ...unit })}
      </Typography.Text>
    </li>
  );
  return (
    <Card title={t('unitLists')} size="small">
      <PageState loading={checklist.loading && units === undefined} error={checklist.error} onRetry={checklist.reload}>
        {units !== undefined && (
          <>
            <Alert type="info" showIcon title={`${t('rule')}：${text(units.ruleText)}`} style={{ marginBottom: 12 }} />
            <ListBlock
              title={t('leading')}
              icon={<TrophyOutlined />}
              color="#cf1322"
              items={units.leading}
              render={line}
              testId="units-leading"
            />
            <ListBlock
              title={t('lagging')}
              icon={<WarningOutlined />}
              color="#262626"
              items={units.lagging}
              render={line}
              testId="units-lagging"
            />
            <ListBlock
              title={t('others')}
              icon={<MinusCircleOutlined />}
              color="#8c8c8c"
              items={units.others}
              render={line}
              testId="units-others"
            />
          </>
        )}
      </PageState>
    </Card>
  );
}

function RegionLists({ plan }: { plan: PlanSummary }) {
  const t = useT(tasksMessages);
  const text = useBilingual();
  const id = useId();
  const years: number[] = [];
  for (let year = plan.period.start; year <= plan.period.end; year += 1) years.push(year);
  const [year, setYear] = useState(Math.min(plan.period.end, new Date().getFullYear()));
  const lists = useApi(() => getRegionLists({ id: plan.id }, { year }), [plan.id, year]);
  const data = lists.data;
  const line = (region: ListedRegion) => (
    <li key={region.regionCode}>
      {region.regionName}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        {region.share === null
          ? t('regionCountsNone', { judged: region.judged })
          : t('regionCounts', {
              judged: region.judged,
              onTrack: region.onTrack,
              share: `${String(Math.round(region.share * 100))}%`,
              redLines: region.redLines,
            })}
      </Typography.Text>
    </li>
  );
  return (
    <Card
      title={t('regionLists')}
      size="small"
      extra={
        <Space>
          <label htmlFor={id}>{t('year')}</label>
          <Select
            id={id}
            value={year}
            onChange={(value: number) => {
              setYear(value);
            }}
            options={years.map((one) => ({ value: one, label: String(one) }))}
            style={{ width: 96 }}
          />
        </Space>
      }
    >
      <PageState loading={lists.loading && data === undefined} error={lists.error} onRetry={lists.reload}>
        {data !== undefined && (
          <>
            <Alert type="info" showIcon title={`${t('rule')}：${text(data.ruleText)}`} style={{ marginBottom: 4 }} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('basis', { basis: data.basis === 'approved' ? t('basisApproved') : t('basisPublished') })}
            </Typography.Paragraph>
            <ListBlock
              title={t('leading')}
              icon={<TrophyOutlined />}
              color="#cf1322"
              items={data.leading}
              render={line}
              testId="regions-leading"
            />
            <ListBlock
              title={t('lagging')}
              icon={<WarningOutlined />}
              color="#262626"
              items={data.lagging}
              render={line}
              testId="regions-lagging"
            />
            <ListBlock
              title={t('middle')}
              icon={<MinusCircleOutlined />}
              color="#595959"
              items={data.middle}
              render={line}
              testId="regions-middle"
            />
            <ListBlock
              title={t('insufficient')}
              icon={<QuestionCircleOutlined />}
              color="#8c8c8c"
              items={data.insufficient}
              render={line}
              testId="regions-insufficient"
            />
          </>
        )}
      </PageState>
    </Card>
  );
}

export function ListsTab({ plan }: { plan: PlanSummary }) {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <UnitLists plan={plan} />
      </Col>
      <Col span={12}>
        <RegionLists key={plan.id} plan={plan} />
      </Col>
    </Row>
  );
}
