/**
 * Answering a message: the reply is required and is published with the message. A refusal (a stale lock, a reply
 * too long) shows in place with the server's words and the typed reply stays, so it can be sent again.
 */
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { InboxFeedback } from '../../api/feedback.ts';
import type { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useT } from '../../i18n/index.tsx';
import { inboxMessages } from './messages.ts';

interface Props {
  item: InboxFeedback;
  /** Sends the reply; resolves to null on success, or to the server's refusal. */
  onSend: (reply: string) => Promise<ApiError | null>;
  onClose: () => void;
}

export function AnswerModal({ item, onSend, onClose }: Props) {
  const t = useT(inboxMessages);
  const [form] = Form.useForm<{ reply: string }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async ({ reply }: { reply: string }) => {
    setSending(true);
    const refusal = await onSend(reply);
    setSending(false);
    setError(refusal);
    if (refusal === null) onClose();
  };

  return (
    <Modal
      open
      title={t('answerTitle', { id: item.id })}
      okText={t('send')}
      cancelText={t('cancel')}
      confirmLoading={sending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: '#fafafa', padding: 8 }}
      >
        {item.message}
      </Typography.Paragraph>
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form
        form={form}
        name="answer"
        layout="vertical"
        initialValues={{ reply: item.reply ?? '' }}
        onFinish={(values) => {
          void submit(values);
        }}
      >
        <Form.Item
          label={t('replyLabel')}
          name="reply"
          extra={t('replyHelp')}
          rules={[{ required: true, whitespace: true, message: t('replyRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
