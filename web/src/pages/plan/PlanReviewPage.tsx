/**
 * Reviewing an imported draft: the reader's notes, its region and period, each indicator row with its catalogue match,
 * then publishing. Any source line (a row, a note) opens the document beside the form in a drawer, so looking at the
 * text never leaves the page and nothing typed is lost. A plan that is no longer a draft says so and leads to its page.
 */
import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Drawer, Result, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { getPlan, getPlanSource, listCatalogue } from '../../api/plan-detail.ts';
import type { CatalogueEntry, PlanDetail, PlanHeader, PlanIndicator, PlanSource } from '../../api/plan-detail.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { IndicatorReview } from './IndicatorReview.tsx';
import { JumpContext } from './jump.tsx';
import type { Jump } from './jump.tsx';
import { PLAN_STATUS_LABELS } from './labels.ts';
import { canPublishPlans, canReviewPlans } from './permissions.ts';
import { isPlanMissing, PlanMissing } from './PlanMissing.tsx';
import { PlanHeading } from './PlanHeading.tsx';
import { PlanSettingsForm } from './PlanSettingsForm.tsx';
import { Warnings } from './PlanStructure.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { reviewMessages } from './review-messages.ts';
import { sourceLines, SourceView } from './SourceView.tsx';

interface ReviewScreenProps {
  plan: PlanDetail;
  source: PlanSource;
  catalogue: CatalogueEntry[];
}

/** The review of a loaded draft; its state (saved rows, the moved region, opened forms) lives as long as the page. */
function ReviewScreen({ plan, source, catalogue }: ReviewScreenProps) {
  const t = useT(reviewMessages);
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  // Rows and the summary saved on this page, over what was loaded with the plan.
  const [saved, setSaved] = useState<ReadonlyMap<number, PlanIndicator>>(new Map());
  const [header, setHeader] = useState<PlanHeader | null>(null);
  const [jump, setJump] = useState<Jump | null>(null);
  const [documentOpen, setDocumentOpen] = useState(false);

  const jumpTo = useCallback((line: number) => {
    setJump((previous) => ({ line, seq: (previous?.seq ?? 0) + 1 }));
    setDocumentOpen(true);
  }, []);
  const active = documentOpen ? (jump?.line ?? null) : null;
  const jumpState = useMemo(() => ({ active, jumpTo }), [active, jumpTo]);
  const lines = useMemo(() => sourceLines(source.text), [source.text]);

  const detail = header === null ? plan : { ...plan, ...header };
  const rows = detail.indicators.map((row) => saved.get(row.rowNo) ?? row);
  const editable = canReviewPlans(user.role);
  const imported = (location.state as { imported?: boolean } | null)?.imported === true;
  const done = rows.filter((row) => row.reviewed).length;
  return (
    <JumpContext.Provider value={jumpState}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PlanHeading
          plan={detail}
          actions={
            <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/plans/${plan.id}`)}>
              {t('backToPlan')}
            </Button>
          }
        />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {imported && <Alert type="success" showIcon title={t('imported')} />}
        {!editable && <Alert type="info" showIcon title={t('readOnly')} />}
        {detail.warnings.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 'warnings',
                label: t('warningsTitle', { n: detail.warnings.length }),
                children: <Warnings plan={detail} />,
              },
            ]}
          />
        )}
        <Card size="small" title={t('settingsTitle')}>
          <PlanSettingsForm plan={detail} editable={editable} onSaved={setHeader} />
        </Card>
        <Card
          size="small"
          title={t('rowsTitle', { n: rows.length })}
          extra={<Typography.Text type="secondary">{t('progress', { done, n: rows.length })}</Typography.Text>}
        >
          <IndicatorReview
            planId={plan.id}
            rows={rows}
            catalogue={catalogue}
            lines={lines}
            editable={editable}
            onSaved={(row) => {
              setSaved((previous) => new Map(previous).set(row.rowNo, row));
            }}
          />
        </Card>
        <Card size="small" title={t('publishTitle')}>
          {/* Keyed by the confirmed count: a refusal about a row is cleared once a row is confirmed. */}
          <PublishPanel key={done} plan={detail} rows={rows} canPublish={canPublishPlans(user.role)} />
        </Card>
      </Space>
      <Drawer
        title={t('documentTitle')}
        open={documentOpen}
        onClose={() => {
          setDocumentOpen(false);
        }}
        size={560}
        mask={false}
      >
        <SourceView text={source.text} jump={jump} height="calc(100vh - 110px)" />
      </Drawer>
    </JumpContext.Provider>
  );
}

export default function PlanReviewPage() {
  const t = useT(reviewMessages);
  const text = useBilingual();
  const navigate = useNavigate();
  const planId = Number(useParams().id);
  const plan = useApi(() => getPlan({ id: planId }), [planId]);
  const source = useApi(() => getPlanSource({ id: planId }), [planId]);
  const catalogue = useApi(() => listCatalogue(undefined), []);

  if (plan.data !== undefined && plan.data.status !== 'draft') {
    return (
      <Result
        status={plan.data.status === 'published' ? 'success' : 'info'}
        title={t('notDraftTitle', { status: text(PLAN_STATUS_LABELS[plan.data.status]) })}
        subTitle={t('notDraftText')}
        extra={
          <Button type="primary" onClick={() => void navigate(`/plans/${planId}`)}>
            {t('openPlan')}
          </Button>
        }
        data-testid="review-not-draft"
      />
    );
  }
  if (plan.error !== null && isPlanMissing(plan.error)) return <PlanMissing error={plan.error} />;
  const retry = () => {
    plan.reload();
    source.reload();
    catalogue.reload();
  };
  return (
    <PageState
      loading={plan.data === undefined || source.data === undefined || catalogue.data === undefined}
      error={plan.error ?? source.error ?? catalogue.error}
      onRetry={retry}
    >
      {plan.data !== undefined && source.data !== undefined && catalogue.data !== undefined && (
        <ReviewScreen key={plan.data.id} plan={plan.data} source={source.data} catalogue={catalogue.data.indicators} />
      )}
    </PageState>
  );
}
