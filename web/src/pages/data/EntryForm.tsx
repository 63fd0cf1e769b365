/**
 * The data-entry form of one region and year: a row per figure the region owes, with last year's figure beside it,
 * this year's status (退回 with the reviewer's reason stands out), and the value, source and explanation to fill in.
 * Save stores drafts; Submit stores and submits them in one batch. A refused batch leaves every typed value in place
 * and puts each problem the server found under the field it concerns.
 */
import { HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Space, Table, Tag, theme, Typography } from 'antd';
import type { FormRule } from 'antd';
import { memo, useMemo, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { reportObservations } from '../../api/observations.ts';
import type { DataSet, DataSetItem, Observation, ReportResult } from '../../api/observations.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { batchOf, changed, placeProblems } from './figures.ts';
import type { EntryValues, PlacedProblems } from './figures.ts';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { PreviousValue } from './PreviousValue.tsx';
import type { HistoryTarget } from './HistoryDrawer.tsx';
import { dataMessages } from './messages.ts';
import { UploadPanel } from './UploadPanel.tsx';
import { WorkflowStatusTag } from './WorkflowStatusTag.tsx';

/** What the form shows: the data set, and this year's and last year's figures by indicator id. */
export interface Entry {
  dataSet: DataSet;
  current: ReadonlyMap<string, Observation>;
  previous: ReadonlyMap<string, Observation>;
}

interface EntryFormProps {
  entry: Entry;
  readOnly: boolean;
  /** A batch or a file was stored: the page reloads the figures (and this form with them). */
  onStored: (result: ReportResult) => void;
}

function initialValues(entry: Entry): EntryValues {
  return Object.fromEntries(
    entry.dataSet.items.map((item) => {
      const stored = entry.current.get(item.indicator);
      return [
        item.indicator,
        { value: stored?.value ?? null, source: stored?.source ?? '', comment: stored?.comment ?? '' },
      ];
    }),
  );
}

/** The plans that require an item, in a line: "忻州市“十四五”教育事业发展规划 指标表第 1 行；…". */
function useRequiredBy(): (item: DataSetItem) => string {
  const t = useT(dataMessages);
  return (item) => {
    const via = item.requiredBy.find((by) => by.via !== null)?.via;
    if (via !== undefined && via !== null) return t('via', { indicator: via }).trim();
    const plans = item.requiredBy.map((by) =>
      by.row === null ? (by.planTitle ?? '') : t('requiredByRow', { plan: by.planTitle ?? '', row: by.row }),
    );
    return t('requiredBy', { plans: plans.join('；') });
  };
}

function valueRules(
  item: DataSetItem,
  t: (key: keyof typeof dataMessages.zh, vars?: Record<string, string | number>) => string,
): FormRule[] {
  const name = item.indicatorName;
  return [
    {
      validator: (_rule, value: number | null | undefined) => {
        if (value === null || value === undefined) return Promise.resolve();
        if (item.integer && !Number.isInteger(value)) return Promise.reject(new Error(t('wholeNumber', { name })));
        if (item.min !== null && item.max !== null && (value < item.min || value > item.max)) {
          return Promise.reject(new Error(t('outOfRange', { name, min: item.min, max: item.max })));
        }
        if (item.min !== null && value < item.min)
          return Promise.reject(new Error(t('atLeast', { name, min: item.min })));
        if (item.max !== null && value > item.max)
          return Promise.reject(new Error(t('atMost', { name, max: item.max })));
        return Promise.resolve();
      },
    },
  ];
}

/** Memoised: the page around it re-renders for its pickers and notices, and a table of inputs is costly to redraw. */
export const EntryForm = memo(function EntryForm({ entry, readOnly, onStored }: EntryFormProps) {
  const t = useT(dataMessages);
  const text = useBilingual();
  const requiredBy = useRequiredBy();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [refusal, setRefusal] = useState<{ error: ApiError; placed: PlacedProblems } | null>(null);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const { dataSet, current, previous } = entry;
  const initial = useMemo(() => initialValues(entry), [entry]);
  const names = useMemo(
    () => new Map(dataSet.items.map((item) => [item.indicator, item.indicatorName])),
    [dataSet.items],
  );

  const hasUnsavedChanges = (): boolean => {
    const values = form.getFieldsValue(true) as EntryValues;
    return dataSet.items.some((item) => {
      const stored = current.get(item.indicator);
      const row = values[item.indicator];
      return stored === undefined ? row?.value !== null && row?.value !== undefined : changed(row, stored);
    });
  };

  const send = async (submit: boolean) => {
    let values: EntryValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as EntryValues;
    } catch {
      return; // the form shows each problem under its field
    }
    const batch = batchOf(dataSet.items, values, current, dataSet.region, dataSet.year);
    if (batch.length === 0) {
      void message.info(t(submit ? 'nothingToSubmit' : 'nothingToSave'));
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    setRefusal(null);
    try {
      const result = await reportObservations(undefined, { items: batch, submit });
      void message.success(
        submit
          ? t('submittedOk', { n: result.submitted })
          : t('saved', {
              created: result.created,
              revised: result.revised,
              corrected: result.corrected,
              unchanged: result.unchanged,
            }),
      );
      onStored(result);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      const placed = placeProblems(failure, batch);
      form.setFields(
        placed.fields.map((one) => ({
          name: [one.indicator, one.field],
          errors: one.details.map((detail) => text(detail.message)),
        })),
      );
      setRefusal({ error: failure, placed });
      const [first] = placed.fields;
      if (first !== undefined) form.scrollToField([first.indicator, first.field], { block: 'center' });
    } finally {
      setBusy(null);
    }
  };

  const returned = dataSet.items.filter((item) => {
    const stored = current.get(item.indicator);
    return stored?.status === 'draft' && stored.returnReason !== null;
  });
  const count = (status: Observation['status']) =>
    dataSet.items.filter((item) => current.get(item.indicator)?.status === status).length;

  return (
    <Form<EntryValues> form={form} initialValues={initial} component={false}>
      {!readOnly && (
        <UploadPanel
          region={dataSet.region}
          year={dataSet.year}
          hasUnsavedChanges={hasUnsavedChanges}
          onUploaded={(result, fileName) => {
            void message.success(
              t('uploaded', {
                file: fileName,
                created: result.created,
                revised: result.revised,
                unchanged: result.unchanged,
                submitted: result.submitted,
              }),
            );
            onStored(result);
          }}
        />
      )}
      {returned.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="returned-alert"
          style={{ marginBottom: 12 }}
          title={t('returnedAlert', { n: returned.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {returned.map((item) => (
                <li key={item.indicator}>
                  <strong>{item.indicatorName}</strong>：{current.get(item.indicator)?.returnReason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {refusal !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="save-error"
          style={{ marginBottom: 12 }}
          // The batch's own message counts items ("第 2 项"), which mean nothing on a form: the form names the rows.
          title={refusal.placed.fields.length > 0 ? t('refused') : text(refusal.error.body.message)}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {refusal.placed.fields.map((one) => (
                <li key={`${one.indicator}:${one.field}`}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => {
                      form.scrollToField([one.indicator, one.field], { block: 'center', focus: true });
                    }}
                  >
                    {names.get(one.indicator) ?? one.indicator}
                  </Button>
                  ：{one.details.map((detail) => text(detail.message)).join('；')}
                </li>
              ))}
              {refusal.placed.others.map((detail, index) => (
                <li key={index}>{text(detail.message)}</li>
              ))}
            </ul>
          }
        />
      )}
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 3,
          background: token.colorBgLayout,
          padding: '8px 0',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 12,
          flexWrap: 'wrap',
        }}
      >
        <Typography.Text data-testid="entry-counts">
          {t('counts', {
            total: dataSet.items.length,
            filled: dataSet.items.filter((item) => current.has(item.indicator)).length,
            submitted: count('submitted'),
            approved: count('approved'),
            published: count('published'),
          })}
        </Typography.Text>
        {!readOnly && (
          <Space>
            <Button
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={busy !== null}
              onClick={() => void send(false)}
            >
              {t('save')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              disabled={busy !== null}
              onClick={() => {
                modal.confirm({
                  title: t('submit'),
                  content: t('submitConfirm'),
                  onOk: () => send(true),
                });
              }}
            >
              {t('submit')}
            </Button>
          </Space>
        )}
      </div>
      <Table<DataSetItem>
        size="small"
        rowKey="indicator"
        dataSource={dataSet.items}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1090 }}
        columns={[
          {
            key: 'name',
            title: t('indicator'),
            width: 250,
            render: (_v, item) => (
              <div>
                <Space size={4} wrap>
                  <Typography.Text strong={item.indicatorKind === 'indicator'}>{item.indicatorName}</Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {t(item.indicatorKind === 'indicator' ? 'kindIndicator' : 'kindElement')}
                  </Tag>
                </Space>
                <Typography.Text
                  type="secondary"
                  style={{ display: 'block', fontSize: 12 }}
                  ellipsis={{ tooltip: requiredBy(item) }}
                >
                  {requiredBy(item)}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'previous',
            title: t('previous'),
            width: 130,
            render: (_v, item) => <PreviousValue figure={previous.get(item.indicator)} />,
          },
          {
            key: 'value',
            title: t('value'),
            width: 170,
            render: (_v, item) => {
              const status = current.get(item.indicator)?.status;
              return (
                <Form.Item name={[item.indicator, 'value']} rules={valueRules(item, t)} style={{ margin: 0 }}>
                  <InputNumber
                    aria-label={t('valueLabel', { name: item.indicatorName, year: dataSet.year, unit: item.unit })}
                    suffix={item.unit}
                    style={{ width: '100%' }}
                    disabled={readOnly || status === 'submitted'}
                    title={status === 'submitted' ? t('underReview') : undefined}
                    data-indicator={item.indicator}
                  />
                </Form.Item>
              );
            },
          },
          {
            key: 'source',
            title: t('source'),
            width: 180,
            render: (_v, item) => (
              <Form.Item name={[item.indicator, 'source']} style={{ margin: 0 }}>
                <Input
                  aria-label={t('sourceLabel', { name: item.indicatorName })}
                  placeholder={t('sourcePlaceholder')}
                  maxLength={2000}
                  disabled={readOnly || current.get(item.indicator)?.status === 'submitted'}
                />
              </Form.Item>
            ),
          },
          {
            key: 'comment',
            title: t('comment'),
            width: 190,
            render: (_v, item) => {
              const status = current.get(item.indicator)?.status;
              const correcting = status === 'approved' || status === 'published';
              return (
                <Form.Item name={[item.indicator, 'comment']} style={{ margin: 0 }}>
                  <Input
                    aria-label={t('commentLabel', { name: item.indicatorName })}
                    placeholder={t(correcting ? 'correctionPlaceholder' : 'commentPlaceholder')}
                    title={correcting ? t('correctionHint') : undefined}
                    maxLength={2000}
                    disabled={readOnly || status === 'submitted'}
                  />
                </Form.Item>
              );
            },
          },
          {
            key: 'status',
            title: t('status'),
            width: 110,
            render: (_v, item) => {
              const stored = current.get(item.indicator);
              return (
                <div data-testid={`status-${item.indicator}`}>
                  <WorkflowStatusTag status={stored?.status ?? null} returnReason={stored?.returnReason ?? null} />
                  {stored?.returnReason !== null && stored?.returnReason !== undefined && (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                      {t('returnedBecause', { reason: stored.returnReason })}
                    </Typography.Text>
                  )}
                </div>
              );
            },
          },
          {
            key: 'actions',
            title: t('actions'),
            width: 64,
            render: (_v, item) => {
              const stored = current.get(item.indicator);
              if (stored === undefined) return null;
              return (
                <Button
                  type="link"
                  size="small"
                  icon={<HistoryOutlined />}
                  aria-label={`${t('history')}：${item.indicatorName}`}
                  onClick={() => {
                    setHistory({
                      id: stored.id,
                      name: item.indicatorName,
                      regionName: dataSet.regionName,
                      year: dataSet.year,
                    });
                  }}
                />
              );
            },
          },
        ]}
      />
      <HistoryDrawer
        target={history}
        onClose={() => {
          setHistory(null);
        }}
      />
    </Form>
  );
});
