/** Changes an account's name, and a responsible unit's unit name; a refusal shows on its field, the typing stays. */
import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import { updateUser } from '../../api/users.ts';
import type { ManagedUser, UserChange } from '../../api/users.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { asApiError, fieldErrorOf } from './fieldErrors.ts';
import { userMessages } from './messages.ts';

interface EditUserModalProps {
  /** The account being edited; null: closed. */
  user: ManagedUser | null;
  onClose: () => void;
  onSaved: () => void;
}

export function EditUserModal({ user, onClose, onSaved }: EditUserModalProps) {
  const t = useT(userMessages);
  const text = useBilingual();
  const [form] = Form.useForm<UserChange>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const isUnit = user?.role === 'responsible_unit';

  useEffect(() => {
    if (user === null) return;
    form.setFieldsValue({ displayName: user.displayName, unitName: user.unitName });
  }, [user, form]);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async (values: UserChange) => {
    if (user === null) return;
    setBusy(true);
    setError(null);
    try {
      await updateUser(
        { id: user.id },
        { displayName: values.displayName ?? '', ...(isUnit ? { unitName: values.unitName ?? '' } : {}) },
      );
      setError(null);
      onSaved();
    } catch (failure) {
      const refused = asApiError(failure);
      const field = fieldErrorOf(refused, ['displayName', 'unitName'] as const);
      if (field === null) setError(refused);
      else form.setFields([{ name: field, errors: [text(refused.body.message)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('editTitle', { name: user?.username ?? '' })}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={close}
    >
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form<UserChange> form={form} layout="vertical" name="edit-user" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="displayName"
          label={t('displayName')}
          extra={t('displayNameHelp')}
          rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {isUnit && (
          <Form.Item
            name="unitName"
            label={t('unitName')}
            extra={t('unitNameHelp')}
            rules={[{ required: true, whitespace: true, message: t('unitNameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
