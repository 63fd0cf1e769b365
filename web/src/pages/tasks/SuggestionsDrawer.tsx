/**
 * Task suggestions drawn from the plan's chapters by the rule the server states: each heading with its source line
 * and the tasks already confirmed from it, and a form to confirm one as a task (lead and partner units, regions,
 * deadline). Nothing is stored until confirmed; a refusal shows in place and the form keeps what was typed.
 */
import { App, Button, Card, DatePicker, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PlanSummary } from '../../api/plans.ts';
import { listRegions } from '../../api/regions.ts';
import { createTask, listTaskSuggestions } from '../../api/tracking.ts';
import type { TaskCreate, TaskSuggestion } from '../../api/tracking.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { tasksMessages } from './messages.ts';
import { useWrite, WriteError } from './useWrite.tsx';

interface ConfirmValues {
  title: string;
  leadUnit: string;
  partnerUnits: string[];
  regions: string[];
  deadline: Dayjs | null;
  note: string;
}

function ConfirmForm({
  plan,
  suggestion,
  regionOptions,
  onDone,
  onCancel,
}: {
  plan: PlanSummary;
  suggestion: TaskSuggestion;
  regionOptions: { value: string; label: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT(tasksMessages);
  const { message } = App.useApp();
  const write = useWrite();

  const submit = async (values: ConfirmValues) => {
    const title = values.title.trim();
    const note = values.note.trim();
    const body: TaskCreate = {
      sectionPosition: suggestion.sectionPosition,
      leadUnit: values.leadUnit.trim(),
      ...(title === '' || title === suggestion.title ? {} : { title }),
      ...(values.partnerUnits.length === 0 ? {} : { partnerUnits: values.partnerUnits.map((unit) => unit.trim()) }),
      ...(values.regions.length === 0 ? {} : { regions: values.regions }),
      ...(values.deadline === null ? {} : { deadline: values.deadline.format('YYYY-MM-DD') }),
      ...(note === '' ? {} : { note }),
    };
    const created = await write.run(() => createTask({ id: plan.id }, body));
    if (created !== undefined) {
      void message.success(t('taskCreated'));
      onDone();
    }
  };

  return (
    <div style={{ marginTop: 12 }}>
      <WriteError error={write.error} />
      <Form<ConfirmValues>
        layout="vertical"
        initialValues={{
          title: suggestion.title,
          leadUnit: '',
          partnerUnits: [],
          regions: [],
          deadline: dayjs(`${String(plan.period.end)}-12-31`),
          note: '',
        }}
        onFinish={(values) => {
          void submit(values);
        }}
      >
        <Form.Item name="title" label={t('taskTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="leadUnit"
          label={t('leadUnit')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('leadUnit') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="partnerUnits" label={t('partnerUnits')}>
          <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} suffix={null} />
        </Form.Item>
        <Form.Item name="regions" label={t('regions')} extra={t('regionHint')}>
          <Select mode="multiple" options={regionOptions} showSearch={{ optionFilterProp: 'label' }} allowClear />
        </Form.Item>
        <Form.Item name="deadline" label={t('deadlineLabel')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={write.busy}>
            {t('confirm')}
          </Button>
          <Button onClick={onCancel}>{t('cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}

export function SuggestionsDrawer({
  plan,
  open,
  onClose,
  onCreated,
}: {
  plan: PlanSummary;
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useT(tasksMessages);
  const text = useBilingual();
  const suggestions = useApi(() => (open ? listTaskSuggestions({ id: plan.id }) : null), [plan.id, open]);
  const regions = useApi(
    () => (open ? listRegions(undefined, { parent: plan.region.code }) : null),
    [plan.region.code, open],
  );
  const [confirming, setConfirming] = useState<number | null>(null);
  const regionOptions = (regions.data?.regions ?? []).map((region) => ({ value: region.code, label: region.name }));
  const items = suggestions.data?.items ?? [];

  return (
    <Drawer open={open} onClose={onClose} size={640} destroyOnHidden title={t('suggestionsTitle')}>
      <PageState
        loading={suggestions.loading && suggestions.data === undefined}
        error={suggestions.error}
        onRetry={suggestions.reload}
        empty={items.length === 0}
      >
        {suggestions.data !== undefined && (
          <Typography.Paragraph type="secondary">
            {t('rule')}：{text(suggestions.data.rule)}
          </Typography.Paragraph>
        )}
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((item) => (
            <Card key={item.sectionPosition} size="small">
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                {item.chapter.number}
                {item.chapter.title}
                {item.parent === null ? '' : ` · ${item.parent.number}${item.parent.title}`}
              </div>
              <Space wrap>
                <Typography.Text strong>
                  {item.number}
                  {item.title}
                </Typography.Text>
                <Link to={`/plans/${String(plan.id)}?line=${String(item.line)}`}>
                  {t('sourceLine', { line: item.line })}
                </Link>
                {item.taskIds.length > 0 && (
                  <Tag color="green">{t('confirmed', { ids: item.taskIds.join('、#') })}</Tag>
                )}
                {confirming !== item.sectionPosition && (
                  <Button
                    size="small"
                    onClick={() => {
                      setConfirming(item.sectionPosition);
                    }}
                  >
                    {t('confirm')}
                  </Button>
                )}
              </Space>
              {confirming === item.sectionPosition && (
                <ConfirmForm
                  plan={plan}
                  suggestion={item}
                  regionOptions={regionOptions}
                  onCancel={() => {
                    setConfirming(null);
                  }}
                  onDone={() => {
                    setConfirming(null);
                    suggestions.reload();
                    onCreated();
                  }}
                />
              )}
            </Card>
          ))}
        </Space>
      </PageState>
    </Drawer>
  );
}
