/**
 * /public/plans/:id: a published plan for the public: its indicators with baseline, target, the latest published
 * figure with its source and year, and the progress status; the report downloads; the answered 意见建议; and the
 * form to send one. Everything read here is public: the server answers a draft with "not found".
 */
import { ArrowLeftOutlined, DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { listAnsweredFeedback } from '../../api/feedback.ts';
import { getPlanProgress, listPublishedFigures } from '../../api/public.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { AnsweredFeedback } from './AnsweredFeedback.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { IndicatorList } from './IndicatorList.tsx';
import { publicMessages } from './messages.ts';
import { ReportLinks } from './ReportLinks.tsx';
import { usePlanTitle } from '../../components/planTitle.ts';

const section = { marginBottom: 16 } as const;

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {label}
    </Link>
  );
}

export default function PlanPage() {
  const planTitle = usePlanTitle();
  const t = useT(publicMessages);
  const id = Number(useParams().id);
  const progress = useApi(() => (Number.isInteger(id) ? getPlanProgress({ id }) : null), [id]);
  const region = progress.data?.region.code;
  // The published figures of the plan's region, for the source of each latest value.
  const figures = useApi(
    () => (region === undefined ? null : listPublishedFigures(undefined, { region, limit: 1000 })),
    [region],
  );
  const answered = useApi(() => (Number.isInteger(id) ? listAnsweredFeedback({ id }, { limit: 50 }) : null), [id]);

  if (progress.error?.status === 404 || !Number.isInteger(id)) {
    return <Result status="404" title="404" subTitle={t('notFound')} extra={<Link to="/public">{t('back')}</Link>} />;
  }
  const data = progress.data;
  return (
    <>
      <BackLink to="/public" label={t('back')} />
      <PageState loading={progress.loading && data === undefined} error={progress.error} onRetry={progress.reload}>
        {data !== undefined && (
          <>
            <Typography.Title level={2} style={{ fontSize: 21, marginTop: 0 }} data-testid="plan-title">
              {planTitle({ title: data.plan.title, region: data.region })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {data.region.name} · {t('period', { start: data.plan.period.start, end: data.plan.period.end })}
            </Typography.Paragraph>
            {/* A phone scrolls past every indicator before the reports and the form: these jump there. */}
            <Space size="middle" style={{ marginBottom: 12 }}>
              <a href="#reports">
                <DownloadOutlined /> {t('jumpReports')}
              </a>
              <a href="#feedback">
                <FormOutlined /> {t('jumpFeedback')}
              </a>
            </Space>

            <Card
              title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('indicators')}</h3>}
              size="small"
              style={section}
              extra={<Typography.Text type="secondary">{t('evaluatedYear', { year: data.year })}</Typography.Text>}
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('indicatorsIntro')}
              </Typography.Paragraph>
              {figures.error !== null && (
                <PageState loading={false} error={figures.error} onRetry={figures.reload}>
                  {null}
                </PageState>
              )}
              <IndicatorList planId={data.plan.id} items={data.items} figures={figures.data?.items} />
            </Card>

            <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('reports')}</h3>} size="small" style={section}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('reportsIntro')}
              </Typography.Paragraph>
              <ReportLinks planId={data.plan.id} period={data.plan.period} latestYear={data.year} />
            </Card>

            {/* Side by side on an office screen, one above the other on a phone. */}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card
                  id="feedback"
                  title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('answered')}</h3>}
                  size="small"
                  data-testid="answered-section"
                >
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                    {t('answeredIntro')}
                  </Typography.Paragraph>
                  <PageState
                    loading={answered.loading && answered.data === undefined}
                    error={answered.error}
                    onRetry={answered.reload}
                  >
                    <AnsweredFeedback items={answered.data?.items ?? []} />
                  </PageState>
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card
                  title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('formTitle')}</h3>}
                  size="small"
                  data-testid="feedback-section"
                >
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                    {t('formIntro')}
                  </Typography.Paragraph>
                  <FeedbackForm planId={data.plan.id} indicators={data.items} />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </PageState>
    </>
  );
}
