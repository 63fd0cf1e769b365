/**
 * 报告: choose the plan, the kind (年度监测 / 中期评估 / 总结评估) and the year (the server's defaults: the period's
 * third year for the mid-term, its last for the final), then generate Word and PDF as jobs followed with their stage
 * and steps until they can be downloaded; an HTML preview in a new tab; and the "十五五" draft target table.
 */
import { DownloadOutlined, EyeOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Radio, Row, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { PlanSummary } from '../../api/plans.ts';
import { nextPlanLink, reportLink, startReportJob } from '../../api/reports.ts';
import type { Job, ReportKind } from '../../api/reports.ts';
import { ErrorAlert, PageState } from '../../components/PageState.tsx';
import { useT } from '../../i18n/index.tsx';
import { PlanSelect, useChosenPlan } from '../tasks/PlanPicker.tsx';
import { JobProgress } from './JobProgress.tsx';
import { reportsMessages } from './messages.ts';

type FileFormat = 'docx' | 'pdf';

const KINDS: readonly ReportKind[] = ['annual', 'midterm', 'final'];
const FORMATS: readonly FileFormat[] = ['docx', 'pdf'];

/** The year a kind of report is for unless chosen: as the server defaults (annual: the last year before this one). */
function defaultYear(kind: ReportKind, plan: PlanSummary): number {
  if (kind === 'midterm') return plan.period.start + 2;
  if (kind === 'final') return plan.period.end;
  return Math.max(plan.period.start, Math.min(plan.period.end, new Date().getFullYear() - 1));
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { zh, en } = { zh: reportsMessages.zh.startFailed, en: reportsMessages.en.startFailed };
  return new ApiError(0, { code: 'CLIENT', message: { zh, en } });
}

/** A format's job as started, or the refusal to start it (429 when the server's queue is full). */
interface Started {
  format: FileFormat;
  /** Tells a new start from an earlier one of the same format. */
  attempt: number;
  job: Job | null;
  error: ApiError | null;
}

function ReportForm({ plan }: { plan: PlanSummary }) {
  const t = useT(reportsMessages);
  const [kind, setKind] = useState<ReportKind>('final');
  const [year, setYear] = useState(() => defaultYear('final', plan));
  const [formats, setFormats] = useState<FileFormat[]>(['docx', 'pdf']);
  const [started, setStarted] = useState<Started[]>([]);
  const [pending, setPending] = useState(0);
  // The latest start of each format: an answer to an earlier click never replaces a later one.
  const latest = useRef(new Map<FileFormat, number>());
  const years: number[] = [];
  for (let one = plan.period.start; one <= plan.period.end; one += 1) years.push(one);

  // Each format is its own job, shown as soon as the server accepts it: a slow start of one never hides the other.
  const startOne = async (format: FileFormat) => {
    const attempt = (latest.current.get(format) ?? 0) + 1;
    latest.current.set(format, attempt);
    setStarted((previous) => previous.filter((item) => item.format !== format));
    setPending((n) => n + 1);
    let entry: Started;
    try {
      entry = { format, attempt, job: await startReportJob({ id: plan.id }, { kind, year, format }), error: null };
    } catch (failure) {
      entry = { format, attempt, job: null, error: asApiError(failure) };
    }
    setPending((n) => n - 1);
    if (latest.current.get(format) !== attempt) return;
    setStarted((previous) => [...previous.filter((item) => item.format !== format), entry]);
  };

  const hint =
    kind === 'annual'
      ? t('yearHintAnnual')
      : t(kind === 'midterm' ? 'yearHintMidterm' : 'yearHintFinal', { year: defaultYear(kind, plan) });
  const formatName = (format: FileFormat) => (format === 'docx' ? 'Word' : 'PDF');
  const shown = FORMATS.flatMap((format) => started.filter((item) => item.format === format));

  return (
    <>
      <Form layout="vertical">
        <Form.Item label={t('kind')}>
          <Radio.Group
            value={kind}
            optionType="button"
            onChange={(event) => {
              const next = event.target.value as ReportKind;
              setKind(next);
              setYear(defaultYear(next, plan));
            }}
            options={KINDS.map((one) => ({ value: one, label: t(one) }))}
          />
        </Form.Item>
        <Form.Item label={t('year')} htmlFor="report-year" extra={hint}>
          <Select
            id="report-year"
            value={year}
            onChange={(value: number) => {
              setYear(value);
            }}
            options={years.map((one) => ({ value: one, label: String(one) }))}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item label={t('formats')}>
          <Checkbox.Group
            value={formats}
            onChange={(values) => {
              setFormats(values);
            }}
            options={FORMATS.map((one) => ({ value: one, label: t(one) }))}
          />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            loading={pending > 0}
            disabled={formats.length === 0}
            onClick={() => {
              for (const format of formats) void startOne(format);
            }}
          >
            {t('generate')}
          </Button>
          <Button
            icon={<EyeOutlined />}
            href={reportLink({ id: plan.id }, { kind, year, format: 'html' })}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('preview')}
          </Button>
          {formats.length === 0 && <Typography.Text type="warning">{t('pickFormat')}</Typography.Text>}
        </Space>
      </Form>

      {shown.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('jobsTitle')}</Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {shown.map((item) =>
              item.job !== null ? (
                <JobProgress
                  key={item.job.id}
                  started={item.job}
                  formatName={formatName(item.format)}
                  onRetry={() => {
                    void startOne(item.format);
                  }}
                />
              ) : (
                <Card
                  key={`${item.format}-${String(item.attempt)}`}
                  size="small"
                  data-testid={`job-${formatName(item.format)}`}
                  data-status="refused"
                >
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Typography.Text strong>{t('jobFormat', { format: formatName(item.format) })}</Typography.Text>
                    {item.error?.status === 429 && <Alert type="warning" showIcon title={t('busy')} />}
                    {item.error !== null && <ErrorAlert error={item.error} />}
                    <Button
                      onClick={() => {
                        void startOne(item.format);
                      }}
                    >
                      {t('retry')}
                    </Button>
                  </Space>
                </Card>
              ),
            )}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('keptHour')}
          </Typography.Paragraph>
        </div>
      )}
    </>
  );
}

function NextPlanCard({ plan }: { plan: PlanSummary }) {
  const t = useT(reportsMessages);
  return (
    <Card title={t('nextPlanTitle')} size="small">
      <Typography.Paragraph>{t('nextPlanText')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={nextPlanLink({ id: plan.id }, { format: 'xlsx' })} download>
          {t('nextPlanXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={nextPlanLink({ id: plan.id }, { format: 'docx' })} download>
          {t('nextPlanDocx')}
        </Button>
      </Space>
    </Card>
  );
}

export default function ReportsPage() {
  const t = useT(reportsMessages);
  const chosen = useChosenPlan();
  const { plans, plan } = chosen;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <PlanSelect chosen={chosen} />
      </Space>
      <PageState
        loading={plans.loading && plans.data === undefined}
        error={plans.error}
        onRetry={plans.reload}
        empty={plan === null}
        emptyText={t('noPlans')}
      >
        {plan !== null && (
          <Row gutter={16}>
            <Col span={15}>
              <Card title={t('generateTitle')} size="small">
                <ReportForm key={plan.id} plan={plan} />
              </Card>
            </Col>
            <Col span={9}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <NextPlanCard plan={plan} />
                <Alert type="info" showIcon title={t('figuresNote')} />
              </Space>
            </Col>
          </Row>
        )}
      </PageState>
    </div>
  );
}
