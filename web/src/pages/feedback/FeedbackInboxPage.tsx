/**
 * /feedback: the 意见建议 the public left on the plans of the administrator's region and below, newest first, with
 * the sender's name, contact and address (for moderation only), and the steps: mark read, answer (which publishes
 * it with the reply), hide, restore. A step someone else took first (409) shows the server's message and reloads.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { listInbox, moderateFeedback } from '../../api/feedback.ts';
import type { FeedbackStatus, InboxFeedback } from '../../api/feedback.ts';
import { ApiError } from '../../api/http.ts';
import { listPlans } from '../../api/plans.ts';
import { ErrorAlert, PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useLocale, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { AnswerModal } from './AnswerModal.tsx';
import { FeedbackStatusTag } from './FeedbackStatusTag.tsx';
import { inboxMessages } from './messages.ts';
import { inRegion, STEPS } from './moderation.ts';
import type { Step } from './moderation.ts';
import { usePlanTitle } from '../../components/planTitle.ts';

const PAGE_SIZE = 20;
const STATUSES: readonly FeedbackStatus[] = ['new', 'read', 'answered', 'hidden'];
const preWrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: 'CLIENT', message: { zh: '操作失败，请重试', en: 'The action failed: try again' } });
}

export default function FeedbackInboxPage() {
  const t = useT(inboxMessages);
  const text = useBilingual();
  const { locale } = useLocale();
  const user = useUser();
  const { message } = App.useApp();
  const [status, setStatus] = useState<FeedbackStatus | undefined>(undefined);
  const [planId, setPlanId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [answering, setAnswering] = useState<number | null>(null);

  const inbox = useApi(
    () => listInbox(undefined, { status, planId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [status, planId, page],
  );
  const plans = useApi(() => listPlans(undefined), []);
  const titleOf = usePlanTitle();
  const planOptions = (plans.data?.plans ?? [])
    .filter((plan) => plan.status !== 'draft' && inRegion(plan.region.code, user.regionCode))
    .map((plan) => ({ value: plan.id, label: titleOf(plan) }));
  const items = inbox.data?.items ?? [];
  const answeringItem = items.find((item) => item.id === answering);

  /** One step on a message, with the lock of the latest list; null on success, else the refusal (shown). */
  const act = async (id: number, step: Step, reply?: string): Promise<ApiError | null> => {
    const current = items.find((item) => item.id === id);
    if (current === undefined) return null;
    setBusy(id);
    setActionError(null);
    try {
      await moderateFeedback({ id }, { status: step, lock: current.lock, ...(reply === undefined ? {} : { reply }) });
      void message.success(t('done'));
      inbox.reload();
      return null;
    } catch (failure) {
      const error = asApiError(failure);
      setActionError(error);
      void message.error(text(error.body.message));
      // Someone acted first: show what the message is now, so the next step reads the new lock.
      if (error.status === 409) inbox.reload();
      return error;
    } finally {
      setBusy(null);
    }
  };

  const stepButton = (item: InboxFeedback, step: Step) => {
    const label =
      step === 'read'
        ? item.status === 'hidden'
          ? t('restore')
          : t('markRead')
        : step === 'answered'
          ? item.status === 'answered'
            ? t('editAnswer')
            : t('answer')
          : t('hide');
    return (
      <Button
        key={step}
        size="small"
        type={step === 'answered' ? 'primary' : 'default'}
        danger={step === 'hidden'}
        loading={busy === item.id && step !== 'answered'}
        disabled={busy !== null && busy !== item.id}
        onClick={() => {
          if (step === 'answered') setAnswering(item.id);
          else void act(item.id, step);
        }}
      >
        {label}
      </Button>
    );
  };

  const columns: TableColumnsType<InboxFeedback> = [
    {
      title: t('time'),
      dataIndex: 'createdAt',
      width: 108,
      render: (iso: string) => new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { hour12: false }),
    },
    {
      title: t('subject'),
      key: 'subject',
      width: 190,
      render: (_, item) => (
        <span>
          {titleOf(item.plan)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {item.indicator === null ? t('wholePlan') : (item.indicator.name ?? `#${item.indicator.row}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('message'),
      key: 'message',
      render: (_, item) => (
        <div>
          <div style={preWrap} data-testid="inbox-message">
            {item.message}
          </div>
          {item.reply !== null && (
            <div style={{ ...preWrap, marginTop: 6, borderLeft: '3px solid #52c41a', paddingLeft: 8 }}>
              <Typography.Text strong>
                {t('replyLabel')}
                {t('colon')}
              </Typography.Text>
              {item.reply}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('sender'),
      key: 'sender',
      width: 140,
      render: (_, item) => (
        <span style={{ overflowWrap: 'anywhere' }}>
          {item.name ?? <Typography.Text type="secondary">{t('anonymous')}</Typography.Text>}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {item.contact ?? t('noContact')}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('address'),
      dataIndex: 'clientIp',
      width: 110,
      render: (ip: string | null) => ip ?? <Typography.Text type="secondary">{t('unknown')}</Typography.Text>,
    },
    {
      title: t('status'),
      dataIndex: 'status',
      width: 120,
      render: (value: FeedbackStatus) => <FeedbackStatusTag status={value} />,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_, item) => (
        <Space wrap size={4}>
          {STEPS[item.status].map((step) => stepButton(item, step))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('status')} htmlFor="inbox-status">
          <Select
            id="inbox-status"
            style={{ width: 160 }}
            value={status ?? 'all'}
            onChange={(value: FeedbackStatus | 'all') => {
              setStatus(value === 'all' ? undefined : value);
              setPage(1);
            }}
            options={[{ value: 'all', label: t('all') }, ...STATUSES.map((value) => ({ value, label: t(value) }))]}
          />
        </Form.Item>
        <Form.Item label={t('plan')} htmlFor="inbox-plan">
          <Select
            id="inbox-plan"
            style={{ width: 300 }}
            allowClear
            placeholder={t('allPlans')}
            loading={plans.loading}
            value={planId}
            onChange={(value: number | undefined) => {
              setPlanId(value);
              setPage(1);
            }}
            options={planOptions}
          />
        </Form.Item>
        <Form.Item>
          <Button icon={<ReloadOutlined />} onClick={inbox.reload}>
            {t('refresh')}
          </Button>
        </Form.Item>
      </Form>
      {actionError !== null && (
        <div style={{ marginBottom: 12 }} data-testid="inbox-error">
          <ErrorAlert error={actionError} />
        </div>
      )}
      <PageState loading={inbox.loading && inbox.data === undefined} error={inbox.error} onRetry={inbox.reload}>
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={inbox.loading}
          locale={{ emptyText: t('empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: inbox.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('total', { n }),
            onChange: setPage,
          }}
        />
      </PageState>
      {answeringItem !== undefined && (
        <AnswerModal
          item={answeringItem}
          onSend={(reply) => act(answeringItem.id, 'answered', reply)}
          onClose={() => {
            setAnswering(null);
          }}
        />
      )}
    </>
  );
}
