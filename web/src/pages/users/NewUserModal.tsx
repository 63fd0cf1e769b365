/**
 * 新建用户: the roles the manager may grant (from the server), a region picker limited to their subtree and to the
 * level the role needs, the unit name for a responsible unit. A refusal shows on its field (409: the username) or
 * above the form; what was typed stays, also when the modal is closed and opened again.
 */
import { Form, Input, Modal, Select } from 'antd';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import type { RegionLevel } from '../../api/regions.ts';
import { createUser } from '../../api/users.ts';
import type { AccountWithPassword, NewUser, RoleGrant, UserGrants } from '../../api/users.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { ROLE_LABELS } from '../../roles.ts';
import { userMessages } from './messages.ts';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';
import type { PickedRegion } from './RegionTreeSelect.tsx';
import { asApiError, fieldErrorOf } from './fieldErrors.ts';

type Level = RoleGrant['regionLevel'];

const LEVEL_HINT = {
  province: 'levelProvince',
  city: 'levelCity',
  county: 'levelCounty',
  any: 'levelAny',
} as const;

/** Whether a region of this level may hold an account whose role needs `needed`. */
const fits = (needed: Level, level: RegionLevel): boolean => needed === 'any' || needed === level;

const FIELDS = ['username', 'displayName', 'role', 'regionCode', 'unitName'] as const;

interface NewUserModalProps {
  open: boolean;
  grants: UserGrants;
  onClose: () => void;
  onCreated: (created: AccountWithPassword) => void;
}

export function NewUserModal({ open, grants, onClose, onCreated }: NewUserModalProps) {
  const t = useT(userMessages);
  const text = useBilingual();
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const [picked, setPicked] = useState<PickedRegion | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const level: Level | undefined = grants.roles.find((grant) => grant.role === role)?.regionLevel;
  const selectable = useCallback((candidate: RegionLevel) => level !== undefined && fits(level, candidate), [level]);

  const submit = async (values: NewUser) => {
    setBusy(true);
    setError(null);
    try {
      const body: NewUser = {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        regionCode: level === null ? null : (values.regionCode ?? null),
        ...(values.role === 'responsible_unit' ? { unitName: values.unitName ?? '' } : {}),
      };
      const created = await createUser(undefined, body);
      form.resetFields();
      setPicked(undefined);
      onCreated(created);
    } catch (failure) {
      const refused = asApiError(failure);
      const field = fieldErrorOf(refused, FIELDS);
      if (field === null) setError(refused);
      else form.setFields([{ name: field, errors: [text(refused.body.message)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('newUserTitle')}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      width={560}
    >
      {error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Form<NewUser>
        form={form}
        layout="vertical"
        name="new-user"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<NewUser>) => {
          // A region of the wrong level for the new role is cleared rather than sent to be refused.
          if (changed.role !== undefined && picked !== undefined) {
            const needed = grants.roles.find((grant) => grant.role === changed.role)?.regionLevel;
            if (needed === null || needed === undefined || !fits(needed, picked.level)) {
              form.setFieldValue('regionCode', undefined);
              setPicked(undefined);
            }
          }
        }}
      >
        <Form.Item
          name="username"
          label={t('username')}
          extra={t('usernameHelp')}
          rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('displayName')}
          extra={t('displayNameHelp')}
          rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('roleRequired') }]}>
          <Select
            options={grants.roles.map((grant) => ({ value: grant.role, label: text(ROLE_LABELS[grant.role]) }))}
          />
        </Form.Item>
        {level !== null && (
          <Form.Item
            name="regionCode"
            label={t('region')}
            extra={level === undefined ? undefined : t(LEVEL_HINT[level])}
            rules={[{ required: true, message: t('regionRequired') }]}
          >
            <RegionTreeSelect
              root={grants.scope}
              selectable={selectable}
              onPick={setPicked}
              placeholder={t('regionPlaceholder')}
            />
          </Form.Item>
        )}
        {level === null && <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('levelNone')}</p>}
        {role === 'responsible_unit' && (
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
