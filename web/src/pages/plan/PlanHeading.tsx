/**
 * A plan's heading on its screens: title, region, period, status and version, where the text came from, and the plans
 * above and below it (a city plan's province plan, a province plan's city plans).
 */
import { CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import type { PlanDetail, PlanHeader } from '../../api/plan-detail.ts';
import type { PlanStatus } from '../../api/plans.ts';
import { listPlans } from '../../api/plans.ts';
import { usePlanTitle } from '../../components/planTitle.ts';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { PLAN_STATUS_LABELS } from './labels.ts';
import { planMessages } from './messages.ts';

const STATUS_LOOK: Readonly<Record<PlanStatus, { color: string; icon: ReactNode }>> = {
  draft: { color: 'gold', icon: <EditOutlined /> },
  published: { color: 'green', icon: <CheckCircleOutlined /> },
  superseded: { color: 'default', icon: <StopOutlined /> },
};

/** 草稿 / 已发布 / 已替代 with an icon. */
export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const text = useBilingual();
  return (
    <Tag color={STATUS_LOOK[status].color} icon={STATUS_LOOK[status].icon} data-plan-status={status}>
      {text(PLAN_STATUS_LABELS[status])}
    </Tag>
  );
}

function PlanLink({ plan }: { plan: PlanHeader }) {
  const title = usePlanTitle();
  return (
    <Link to={`/plans/${plan.id}`}>
      {title(plan)}
      {plan.status !== 'published' && <PlanStatusTag status={plan.status} />}
    </Link>
  );
}

/** The plan above (parentPlanId) and the current plans below, from the list the viewer may read. */
function Relatives({ plan }: { plan: PlanDetail }) {
  const t = useT(planMessages);
  const { data } = useApi(() => listPlans(undefined), []);
  const plans = data?.plans ?? [];
  const parent = plans.find((other) => other.id === plan.parentPlanId);
  const children = plans.filter((other) => other.parentPlanId === plan.id && other.status !== 'superseded');
  return (
    <Space wrap size={[16, 4]} data-testid="plan-relatives">
      {/* A province is the top of EduPlan's tree: it has no plan above it to look for. */}
      {plan.region.level !== 'province' && (
        <span>
          {t('parentPlan')}
          {parent !== undefined ? (
            <PlanLink plan={parent} />
          ) : plan.parentPlanId === null ? (
            <Typography.Text type="secondary">{t('noParent')}</Typography.Text>
          ) : (
            <Link to={`/plans/${plan.parentPlanId}`}>{t('planNumber', { id: plan.parentPlanId })}</Link>
          )}
        </span>
      )}
      {children.length > 0 && (
        <span>
          {t('childPlans')}
          <Space size={8} wrap>
            {children.map((child) => (
              <PlanLink key={child.id} plan={child} />
            ))}
          </Space>
        </span>
      )}
    </Space>
  );
}

/** The heading; `actions` go to its right (review, back to the plan…). */
export function PlanHeading({ plan, actions }: { plan: PlanDetail; actions?: ReactNode }) {
  const t = useT(planMessages);
  const title = usePlanTitle();
  const issued = [plan.issuer, plan.docNumber, plan.issuedDate].filter((part) => part !== null).join(' · ');
  return (
    <header style={{ display: 'flex', justifyContent: 'space-between', gap: 16, alignItems: 'flex-start' }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title">
          {title(plan)}
        </Typography.Title>
        <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
          <Tag>{plan.region.name ?? plan.region.code}</Tag>
          <Tag>{t('periodValue', { start: plan.period.start, end: plan.period.end })}</Tag>
          <PlanStatusTag status={plan.status} />
          <Typography.Text type="secondary">{t('versionValue', { n: plan.version })}</Typography.Text>
          {issued !== '' && <Typography.Text type="secondary">{issued}</Typography.Text>}
          <Typography.Text type="secondary">{t('sourceFile', { file: plan.source.name })}</Typography.Text>
        </Space>
        <div style={{ marginTop: 4 }}>
          <Relatives plan={plan} />
        </div>
      </div>
      {actions !== undefined && <Space>{actions}</Space>}
    </header>
  );
}
