/**
 * 意见建议 on a plan: the message, an optional name and contact, an optional indicator. On success the form empties
 * and says so; on an error the server's message shows in place (a 429 says when to try again), the fields it names
 * are marked, and everything typed stays in the form. A hidden field people never fill keeps simple bots out.
 */
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { sendFeedback } from '../../api/feedback.ts';
import { ApiError } from '../../api/http.ts';
import type { PublicIndicatorProgress } from '../../api/public.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { publicMessages } from './messages.ts';

interface Values {
  message: string;
  name?: string;
  contact?: string;
  indicatorRow?: number | null;
  website?: string;
}

const FIELDS = new Set(['message', 'name', 'contact', 'indicatorRow']);

// Off-screen rather than display:none, which some bots skip; out of the tab order and hidden from screen readers.
const HONEYPOT = { position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' } as const;

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: 'CLIENT', message: { zh: '提交失败，请重试', en: 'Sending failed: try again' } });
}

export function FeedbackForm({ planId, indicators }: { planId: number; indicators: PublicIndicatorProgress[] }) {
  const t = useT(publicMessages);
  const text = useBilingual();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [kept, setKept] = useState(false);
  // undefined until the field is first rendered, whatever the form's type says
  const watched = Form.useWatch<string | undefined>('message', form);
  const typed = watched ?? '';

  /** Marks the fields the server named, each with its own message; false when it named none of them. */
  const markFields = (failure: ApiError): boolean => {
    const problems = [
      ...(failure.details.length > 0 ? failure.details : [{ message: failure.body.message, at: failure.body.at }]),
    ];
    const marked = problems
      .filter((problem) => problem.at?.field !== undefined && FIELDS.has(problem.at.field))
      .map((problem) => ({ name: problem.at?.field as keyof Values, errors: [text(problem.message)] }));
    if (marked.length > 0) form.setFields(marked);
    return marked.length > 0;
  };

  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    setKept(false);
    setSent(false);
    try {
      await sendFeedback(undefined, {
        planId,
        message: values.message,
        name: values.name ?? null,
        contact: values.contact ?? null,
        indicatorRow: values.indicatorRow ?? null,
        website: values.website ?? '',
      });
      form.resetFields();
      setSent(true);
    } catch (failure) {
      const apiError = asApiError(failure);
      // A problem with a field is shown at the field; anything else (too many messages, a plan gone) above the form.
      setError(markFields(apiError) ? null : apiError);
      setKept(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {sent && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="feedback-sent"
          title={t('sent')}
          style={{ marginBottom: 12 }}
        />
      )}
      {kept && (
        <div style={{ marginBottom: 12 }} data-testid="feedback-error">
          {error !== null && <ErrorAlert error={error} />}
          <div style={{ marginTop: 4, fontSize: 12, color: '#595959' }}>{t('keptTyped')}</div>
        </div>
      )}
      <Form
        form={form}
        name="feedback"
        layout="vertical"
        onFinish={(values) => {
          void submit(values);
        }}
        requiredMark="optional"
      >
        <Form.Item
          label={t('message')}
          name="message"
          extra={`${Array.from(typed).length} / 2000`}
          rules={[
            { required: true, whitespace: true, message: t('messageRequired') },
            {
              validator: (_, value: string | undefined) =>
                (value ?? '').trim().length > 0 && (value ?? '').trim().length < 5
                  ? Promise.reject(new Error(t('messageShort')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} placeholder={t('messagePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('aboutIndicator')} name="indicatorRow">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('wholePlan')}
            options={indicators.map((item) => ({ value: item.row, label: item.name }))}
          />
        </Form.Item>
        <Form.Item label={t('name')} name="name">
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('contact')} name="contact">
          <Input maxLength={100} autoComplete="email" />
        </Form.Item>
        <div style={HONEYPOT} aria-hidden="true">
          <Form.Item label={t('honeypot')} name="website">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('send')}
        </Button>
      </Form>
    </>
  );
}
