/**
 * The plans the user may read, by region and period, newest version first: status, version and the file each came
 * from; drafts lead to their review. Province and city administrators import new documents here.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';

import type { PlanHeader } from '../../api/plan-detail.ts';
import type { PlanStatus } from '../../api/plans.ts';
import { listPlans } from '../../api/plans.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useLocale, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { ImportPlanModal } from './ImportPlanModal.tsx';
import { PLAN_STATUS_LABELS } from './labels.ts';
import { planMessages } from './messages.ts';
import { canImportPlans, canReviewPlans } from './permissions.ts';
import { usePlanTitle } from '../../components/planTitle.ts';
import { PlanStatusTag } from './PlanHeading.tsx';

const STATUSES: readonly PlanStatus[] = ['draft', 'published', 'superseded'];

/** By region code (a province before its cities), then the latest period, then the newest version. */
function byRegionAndPeriod(a: PlanHeader, b: PlanHeader): number {
  return (
    a.region.code.localeCompare(b.region.code) ||
    b.period.start - a.period.start ||
    b.version - a.version ||
    b.id - a.id
  );
}

export default function PlanListPage() {
  const t = useT(planMessages);
  const text = useBilingual();
  const title = usePlanTitle();
  const { locale } = useLocale();
  const user = useUser();
  const { data, loading, error, reload } = useApi(() => listPlans(undefined), []);
  const [status, setStatus] = useState<PlanStatus | 'all'>('all');
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);

  const plans = useMemo(() => (data?.plans ?? []).sort(byRegionAndPeriod), [data]);
  const shown = plans.filter((plan) => {
    const words = filter.trim();
    const named = `${plan.region.name ?? ''} ${plan.region.code} ${title(plan)}`;
    return (status === 'all' || plan.status === status) && (words === '' || named.includes(words));
  });
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB');

  const columns: TableColumnsType<PlanHeader> = [
    {
      title: t('colRegion'),
      key: 'region',
      width: 130,
      render: (_, plan) => (
        <span>
          {plan.region.name ?? plan.region.code}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {plan.region.code}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('colTitle'),
      key: 'title',
      render: (_, plan) => <Link to={`/plans/${plan.id}`}>{title(plan)}</Link>,
    },
    {
      title: t('colPeriod'),
      key: 'period',
      width: 120,
      render: (_, plan) => t('periodValue', { start: plan.period.start, end: plan.period.end }),
    },
    {
      title: t('colStatus'),
      key: 'status',
      width: 150,
      render: (_, plan) => (
        <span>
          <PlanStatusTag status={plan.status} />
          {plan.supersededBy !== null && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('supersededBy', { id: plan.supersededBy })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('colVersion'), key: 'version', width: 80, render: (_, plan) => t('versionValue', { n: plan.version }) },
    {
      title: t('colSource'),
      key: 'source',
      width: 220,
      ellipsis: true,
      render: (_, plan) => (
        <span title={plan.source.name}>
          {plan.source.name}
          {!plan.source.name.toLowerCase().endsWith(`.${plan.source.format}`) && (
            <Typography.Text type="secondary"> ({plan.source.format})</Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('colDate'),
      key: 'date',
      width: 130,
      render: (_, plan) => (
        <span style={{ fontSize: 12 }}>
          {t('importedAt', { date: date(plan.createdAt) })}
          {plan.publishedAt !== null && <div>{t('publishedAt', { date: date(plan.publishedAt) })}</div>}
        </span>
      ),
    },
    {
      title: t('colActions'),
      key: 'actions',
      width: 110,
      render: (_, plan) => (
        <Space size={12}>
          <Link to={`/plans/${plan.id}`} aria-label={`${t('view')} ${title(plan)}`}>
            {t('view')}
          </Link>
          {plan.status === 'draft' && canReviewPlans(user.role) && (
            <Link to={`/plans/${plan.id}/review`} aria-label={`${t('review')} ${title(plan)}`}>
              {t('review')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('listTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('listIntro')}</Typography.Paragraph>
        </div>
        {canImportPlans(user.role) && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => {
              setImporting(true);
            }}
          >
            {t('importButton')}
          </Button>
        )}
      </div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<PlanStatus | 'all'>
          aria-label={t('filterStatus')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: t('allStatuses') },
            ...STATUSES.map((value) => ({ value, label: text(PLAN_STATUS_LABELS[value]) })),
          ]}
        />
        <Input.Search
          aria-label={t('filterText')}
          placeholder={t('filterText')}
          allowClear
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
          style={{ width: 260 }}
        />
      </Space>
      <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
        <Table<PlanHeader>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: plans.length === 0 ? t('noPlans') : t('noMatches') }}
          data-testid="plan-list"
        />
      </PageState>
      {canImportPlans(user.role) && (
        <ImportPlanModal
          open={importing}
          onClose={() => {
            setImporting(false);
          }}
        />
      )}
    </div>
  );
}
