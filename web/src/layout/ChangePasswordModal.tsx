/**
 * 修改密码: the current password, the new one twice. The server's refusal (wrong current password, a password too
 * short or too common) shows under its field and nothing typed is lost; on success every session ends, this one too,
 * so the person is sent to sign in with the new password.
 */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { changePassword } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { ErrorAlert } from '../components/PageState.tsx';
import { defineMessages, useBilingual, useT } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

const messages = defineMessages({
  zh: {
    title: '修改密码',
    current: '当前密码',
    next: '新密码',
    repeat: '再次输入新密码',
    required: '请填写',
    mismatch: '两次输入的新密码不一致',
    rules: '至少 10 个字符，不能与用户名相同，不能是常见密码。修改后所有设备需重新登录。',
    save: '修改',
    done: '密码已修改，请用新密码重新登录',
  },
  en: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    repeat: 'New password again',
    required: 'Required',
    mismatch: 'The two new passwords differ',
    rules: 'At least 10 characters, not the username, not a common password. Every device signs in again afterwards.',
    save: 'Change',
    done: 'Password changed: sign in with the new one',
  },
});

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(messages);
  const text = useBilingual();
  const { message } = App.useApp();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(undefined, { currentPassword, newPassword });
      void message.success(t('done'));
      onClose();
      await signOut();
      void navigate('/login');
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      const field = failure.body.at?.field;
      if (field === 'currentPassword' || field === 'newPassword') {
        form.setFields([{ name: field, errors: [text(failure.body.message)] }]);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('title')}
      okText={t('save')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('current')} rules={[{ required: true, message: t('required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('next')}
          extra={t('rules')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
