/**
 * A row's actions: edit, deactivate or activate, reset the password, sign out everywhere. Each change asks first
 * (a modal whose buttons the keyboard reaches), then says what happened; a refusal is shown above the table.
 */
import { Button, Modal, Space, Tooltip, message } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/http.ts';
import { resetPassword, signOutEverywhere, updateUser } from '../../api/users.ts';
import type { AccountWithPassword, ManagedUser } from '../../api/users.ts';
import { useT } from '../../i18n/index.tsx';
import { asApiError } from './fieldErrors.ts';
import { userMessages } from './messages.ts';

interface UserActionsOptions {
  selfId: number;
  onEdit: (user: ManagedUser) => void;
  /** After a change the list should show. */
  onChanged: () => void;
  /** A reset's new password, to show once. */
  onPassword: (reset: AccountWithPassword) => void;
}

/** The actions cell's renderer, the modal and message holders to mount once, and the last refusal. */
export function useUserActions({ selfId, onEdit, onChanged, onPassword }: UserActionsOptions) {
  const t = useT(userMessages);
  const [modal, modalHolder] = Modal.useModal();
  const [toast, toastHolder] = message.useMessage();
  const [error, setError] = useState<ApiError | null>(null);

  const ask = (title: string, content: string, work: () => Promise<void>, danger = false) => {
    void modal.confirm({
      title,
      content,
      okText: t('confirm'),
      cancelText: t('cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        setError(null);
        try {
          await work();
        } catch (failure) {
          setError(asApiError(failure));
        }
      },
    });
  };

  const setActive = (user: ManagedUser, active: boolean) => {
    const name = user.username;
    ask(
      t(active ? 'confirmActivate' : 'confirmDeactivate', { name }),
      t(active ? 'confirmActivateBody' : 'confirmDeactivateBody'),
      async () => {
        await updateUser({ id: user.id }, { active });
        void toast.success(t(active ? 'activated' : 'deactivated', { name }));
        onChanged();
      },
      !active,
    );
  };

  const reset = (user: ManagedUser) => {
    ask(t('confirmReset', { name: user.username }), t('confirmResetBody'), async () => {
      onPassword(await resetPassword({ id: user.id }, undefined));
      onChanged();
    });
  };

  const signOut = (user: ManagedUser) => {
    ask(t('confirmSignOut', { name: user.username }), t('confirmSignOutBody'), async () => {
      const { revoked } = await signOutEverywhere({ id: user.id }, undefined);
      void toast.success(t('signedOut', { name: user.username, n: revoked }));
    });
  };

  const render = (user: ManagedUser): ReactNode => {
    const self = user.id === selfId;
    return (
      <Space size={0} wrap>
        <Button
          type="link"
          size="small"
          onClick={() => {
            onEdit(user);
          }}
        >
          {t('edit')}
        </Button>
        <Tooltip title={self && user.active ? t('selfDeactivate') : undefined}>
          <Button
            type="link"
            size="small"
            danger={user.active}
            disabled={self && user.active}
            onClick={() => {
              setActive(user, !user.active);
            }}
          >
            {user.active ? t('deactivate') : t('activate')}
          </Button>
        </Tooltip>
        <Tooltip title={self ? t('selfReset') : undefined}>
          <Button
            type="link"
            size="small"
            disabled={self}
            onClick={() => {
              reset(user);
            }}
          >
            {t('resetPassword')}
          </Button>
        </Tooltip>
        <Button
          type="link"
          size="small"
          onClick={() => {
            signOut(user);
          }}
        >
          {t('signOutEverywhere')}
        </Button>
      </Space>
    );
  };

  const holders = (
    <>
      {modalHolder}
      {toastHolder}
    </>
  );
  return {
    render,
    holders,
    error,
    clearError: () => {
      setError(null);
    },
  };
}
