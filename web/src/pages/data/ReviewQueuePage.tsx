/**
 * 审核: the figures waiting for the reviewer's level, grouped by region, each beside last year's figure with how far
 * it moved, its source, its explanation and its caveats. Approve one or many, return with a reason (required), and
 * for the province publish approved figures. Each action names the lock of the figure as shown; when someone acted
 * first the server answers 409, the screen says so in the server's words and reloads the queue.
 */
import { CheckOutlined, GlobalOutlined, HistoryOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { User } from '../../api/auth.ts';
import { ApiError } from '../../api/http.ts';
import { actOnObservations, listObservations } from '../../api/observations.ts';
import type { Observation, WorkflowStep } from '../../api/observations.ts';
import { ErrorAlert, PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { changeFrom, signed } from './figures.ts';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { PreviousValue } from './PreviousValue.tsx';
import type { HistoryTarget } from './HistoryDrawer.tsx';
import { dataMessages } from './messages.ts';

type QueueKind = 'submitted' | 'approved';

/** A figure waiting, with last year's figure of the same region and indicator. */
interface QueueItem {
  figure: Observation;
  previous: Observation | undefined;
}

interface RegionGroup {
  region: string;
  regionName: string;
  items: QueueItem[];
}

const LATEST_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 7 }, (_v, index) => LATEST_YEAR - index);
/** The API's largest page; a queue longer than this is worked through a page at a time. */
const PAGE = 1000;

const keyOf = (region: string, indicator: string, year: number): string => `${region}:${indicator}:${String(year)}`;

/** The queue, and last year's figures of every region and year in it (one request per region and year). */
async function loadQueue(status: QueueKind, year: number | undefined): Promise<RegionGroup[]> {
  const { items } = await listObservations(undefined, { status, ...(year === undefined ? {} : { year }), limit: PAGE });
  const pairs = [...new Map(items.map((item) => [`${item.region}:${String(item.year)}`, item])).values()];
  const previous = new Map<string, Observation>();
  const answers = await Promise.all(
    pairs.map((item) => listObservations(undefined, { region: item.region, year: item.year - 1, limit: PAGE })),
  );
  for (const answer of answers) {
    for (const one of answer.items) previous.set(keyOf(one.region, one.indicator, one.year), one);
  }
  const groups = new Map<string, RegionGroup>();
  for (const figure of items) {
    const group = groups.get(figure.region) ?? {
      region: figure.region,
      regionName: figure.regionName ?? figure.region,
      items: [],
    };
    group.items.push({ figure, previous: previous.get(keyOf(figure.region, figure.indicator, figure.year - 1)) });
    groups.set(figure.region, group);
  }
  return [...groups.values()];
}

/**
 * Whether the user may act on a figure. The server's permission matrix decides; this only greys out what it would
 * refuse: a city administrator reviews its counties, never its own figures (the province reviews those).
 */
function mayAct(user: User, figure: Observation): boolean {
  return user.role === 'province_admin' || figure.region !== user.regionCode;
}

function ChangeCell({ item }: { item: QueueItem }) {
  const t = useT(dataMessages);
  const change = changeFrom(item.figure.value, item.previous?.value, item.figure.unit);
  if (change === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const amount = signed(change.amount);
  return (
    <div>
      <div>{t(change.kind === 'points' ? 'changePoints' : 'changeRelative', amount)}</div>
      {change.big && (
        <Tag color="warning" icon={<WarningOutlined />} data-testid="big-change">
          {t('bigChange')}
        </Tag>
      )}
    </div>
  );
}

function NotesCell({ figure }: { figure: Observation }) {
  const t = useT(dataMessages);
  const text = useBilingual();
  const caveats = [figure.seriesBreak, ...figure.caveats].filter((caveat) => caveat !== null);
  return (
    <div>
      {figure.comment !== null && <div>{figure.comment}</div>}
      {figure.reason !== null && (
        <div>
          <Typography.Text type="secondary">{t('reason')}：</Typography.Text>
          {figure.reason}
        </div>
      )}
      {caveats.map((caveat, index) => (
        <Tag key={index} color="orange" icon={<WarningOutlined />} style={{ whiteSpace: 'normal' }}>
          {t('caveat')}：{text(caveat)}
        </Tag>
      ))}
      {figure.comment === null && figure.reason === null && caveats.length === 0 && (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
    </div>
  );
}

const DONE = {
  submit: 'submittedOk',
  approve: 'approvedOk',
  return: 'returnedOk',
  publish: 'publishedOk',
} as const satisfies Record<WorkflowStep, keyof typeof dataMessages.zh>;

const ORIGIN_KEY = {
  api: 'originApi',
  file: 'originFile',
  form: 'originForm',
  statistics: 'originStatistics',
} as const;

export default function ReviewQueuePage() {
  const t = useT(dataMessages);
  const text = useBilingual();
  const user = useUser();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const mayPublish = user.role === 'province_admin';
  const kind: QueueKind = mayPublish && params.get('queue') === 'approved' ? 'approved' : 'submitted';
  const yearText = params.get('year');
  const year = yearText === null || yearText === '' ? undefined : Number(yearText);
  const regionFilter = params.get('region') ?? '';
  const queue = useApi(() => loadQueue(kind, year), [kind, year]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [returning, setReturning] = useState<Observation[] | null>(null);
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [history, setHistory] = useState<HistoryTarget | null>(null);

  const setParam = (name: string, value: string) => {
    const search = new URLSearchParams(params);
    if (value === '') search.delete(name);
    else search.set(name, value);
    setParams(search);
  };

  const groups = (queue.data ?? []).filter((group) => regionFilter === '' || group.region === regionFilter);
  const shown = groups.flatMap((group) => group.items.map((item) => item.figure));
  const chosen = shown.filter((figure) => selected.has(figure.id) && mayAct(user, figure));

  const act = async (step: WorkflowStep, figures: readonly Observation[], reason?: string): Promise<boolean> => {
    setActing(true);
    setActionError(null);
    try {
      const result = await actOnObservations(undefined, {
        action: step,
        items: figures.map((figure) => ({ id: figure.id, lock: figure.lock })),
        ...(reason === undefined ? {} : { reason }),
      });
      void message.success(t(DONE[step], { n: result.items.length }));
      setSelected(new Set());
      queue.reload();
      return true;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setActionError(failure);
      // Someone acted first: show the queue as it stands now; the selection and a typed reason stay.
      if (failure.status === 409) queue.reload();
      return false;
    } finally {
      setActing(false);
    }
  };

  const confirmReturn = async () => {
    let reason: string;
    try {
      reason = (await returnForm.validateFields()).reason;
    } catch {
      return;
    }
    if (returning !== null && (await act('return', returning, reason))) {
      setReturning(null);
      returnForm.resetFields();
    }
  };

  const forward: WorkflowStep = kind === 'submitted' ? 'approve' : 'publish';
  const forwardLabel = kind === 'submitted' ? t('approve') : t('publish');
  const forwardIcon = kind === 'submitted' ? <CheckOutlined /> : <GlobalOutlined />;

  const regionOptions = [
    { value: '', label: t('allRegions') },
    ...(queue.data ?? []).map((group) => ({ value: group.region, label: group.regionName })),
  ];

  return (
    <div>
      <Space align="center" wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reviewTitle')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="review-region">{t('region')}</label>
          <Select
            id="review-region"
            style={{ width: 160 }}
            value={regionFilter}
            options={regionOptions}
            onChange={(value: string) => {
              setParam('region', value);
            }}
          />
          <label htmlFor="review-year">{t('year')}</label>
          <Select
            id="review-year"
            style={{ width: 120 }}
            value={year ?? ''}
            options={[
              { value: '', label: t('allYears') },
              ...YEARS.map((one) => ({ value: one, label: t('yearOption', { year: one }) })),
            ]}
            onChange={(value: number | '') => {
              setParam('year', String(value));
            }}
          />
        </Space>
      </Space>
      <Tabs
        activeKey={kind}
        onChange={(key) => {
          setSelected(new Set());
          setActionError(null);
          setParam('queue', key === 'approved' ? 'approved' : '');
        }}
        items={[
          { key: 'submitted', label: t('queueSubmitted') },
          ...(mayPublish ? [{ key: 'approved', label: t('queueApproved') }] : []),
        ]}
      />
      {actionError !== null && (
        <div style={{ marginBottom: 12 }} data-testid="action-error">
          <ErrorAlert error={actionError} />
          {actionError.status === 409 && <Typography.Text type="secondary">{t('conflictReloaded')}</Typography.Text>}
        </div>
      )}
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 3,
          background: token.colorBgLayout,
          padding: '8px 0',
          marginBottom: 8,
        }}
      >
        <Space wrap>
          <Button
            type="primary"
            icon={forwardIcon}
            disabled={chosen.length === 0 || acting}
            loading={acting && returning === null}
            onClick={() => void act(forward, chosen)}
          >
            {t(kind === 'submitted' ? 'approveSelected' : 'publishSelected', { n: chosen.length })}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            disabled={chosen.length === 0 || acting}
            onClick={() => {
              setReturning(chosen);
            }}
          >
            {t('returnSelected', { n: chosen.length })}
          </Button>
        </Space>
      </div>
      <PageState
        loading={queue.loading && queue.data === undefined}
        error={queue.data === undefined ? queue.error : null}
        empty={groups.length === 0}
        emptyText={t(kind === 'submitted' ? 'emptyQueue' : 'emptyPublishQueue')}
        onRetry={queue.reload}
      >
        {groups.map((group) => (
          <Card
            key={group.region}
            size="small"
            title={t('regionCount', { region: group.regionName, n: group.items.length })}
            style={{ marginBottom: 16 }}
            data-testid={`queue-${group.region}`}
          >
            <Table<QueueItem>
              size="small"
              rowKey={(item) => item.figure.id}
              dataSource={group.items}
              pagination={false}
              tableLayout="fixed"
              scroll={{ x: 1080 }}
              loading={queue.loading}
              rowSelection={{
                selectedRowKeys: group.items
                  .filter((item) => selected.has(item.figure.id))
                  .map((item) => item.figure.id),
                onChange: (keys) => {
                  const next = new Set(selected);
                  for (const item of group.items) next.delete(item.figure.id);
                  for (const key of keys) next.add(Number(key));
                  setSelected(next);
                },
                getCheckboxProps: (item) => ({
                  disabled: !mayAct(user, item.figure),
                  'aria-label': `${item.figure.indicatorName} ${String(item.figure.year)}`,
                }),
              }}
              columns={[
                {
                  key: 'name',
                  title: t('indicator'),
                  width: 210,
                  render: (_v, { figure }) => (
                    <div>
                      <Typography.Text strong={figure.indicatorKind === 'indicator'}>
                        {figure.indicatorName}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('yearOption', { year: figure.year })} ·{' '}
                          {t(figure.indicatorKind === 'indicator' ? 'kindIndicator' : 'kindElement')}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  key: 'value',
                  title: t('value'),
                  width: 110,
                  render: (_v, { figure }) => <Typography.Text strong>{text(figure.display)}</Typography.Text>,
                },
                {
                  key: 'previous',
                  title: t('previous'),
                  width: 120,
                  render: (_v, { previous }) => <PreviousValue figure={previous} />,
                },
                { key: 'change', title: t('change'), width: 100, render: (_v, item) => <ChangeCell item={item} /> },
                {
                  key: 'source',
                  title: t('source'),
                  width: 150,
                  render: (_v, { figure }) => (
                    <div>
                      {figure.source === null ? (
                        <Typography.Text type="secondary">{t('noSource')}</Typography.Text>
                      ) : (
                        <div>{figure.source}</div>
                      )}
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t(ORIGIN_KEY[figure.origin])}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  key: 'notes',
                  title: t('comment'),
                  width: 170,
                  render: (_v, { figure }) => <NotesCell figure={figure} />,
                },
                {
                  key: 'actions',
                  title: t('actions'),
                  width: 220,
                  render: (_v, { figure }) => (
                    <Space size={0} wrap>
                      {mayAct(user, figure) ? (
                        <>
                          <Button
                            type="link"
                            size="small"
                            icon={forwardIcon}
                            disabled={acting}
                            aria-label={`${forwardLabel}：${figure.indicatorName}`}
                            onClick={() => void act(forward, [figure])}
                          >
                            {forwardLabel}
                          </Button>
                          <Button
                            type="link"
                            size="small"
                            danger
                            icon={<RollbackOutlined />}
                            disabled={acting}
                            aria-label={`${t('returnAction')}：${figure.indicatorName}`}
                            onClick={() => {
                              setReturning([figure]);
                            }}
                          >
                            {t('returnAction')}
                          </Button>
                        </>
                      ) : (
                        <Typography.Text type="secondary">{t('approvedByProvince')}</Typography.Text>
                      )}
                      <Button
                        type="link"
                        size="small"
                        icon={<HistoryOutlined />}
                        aria-label={`${t('history')}：${figure.indicatorName}`}
                        onClick={() => {
                          setHistory({
                            id: figure.id,
                            name: figure.indicatorName,
                            regionName: group.regionName,
                            year: figure.year,
                          });
                        }}
                      />
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        ))}
      </PageState>
      <Modal
        open={returning !== null}
        title={t('returnTitle', { n: returning?.length ?? 0 })}
        okText={t('returnAction')}
        okButtonProps={{ danger: true, loading: acting }}
        onOk={() => void confirmReturn()}
        onCancel={() => {
          setReturning(null);
          setActionError(null);
        }}
        forceRender
      >
        {actionError !== null && returning !== null && (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={actionError} />
          </div>
        )}
        <ul style={{ paddingLeft: 20 }}>
          {(returning ?? []).map((figure) => (
            <li key={figure.id}>
              {figure.regionName} · {figure.indicatorName} · {t('yearOption', { year: figure.year })}：
              {text(figure.display)}
            </li>
          ))}
        </ul>
        <Form form={returnForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('returnReason')}
            rules={[{ required: true, whitespace: true, message: t('returnReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('returnReasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <HistoryDrawer
        target={history}
        onClose={() => {
          setHistory(null);
        }}
      />
    </div>
  );
}
