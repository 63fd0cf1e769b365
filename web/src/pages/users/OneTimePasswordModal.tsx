/**
 * The password the server generated for a new account or a reset, shown this once: it is stored only as a hash, so
 * the modal closes only on an explicit "I have saved it", never on Escape or a click beside it.
 */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Modal, Space, message } from 'antd';
import type { InputRef } from 'antd';
import { useRef } from 'react';
import type { AccountWithPassword } from '../../api/users.ts';
import { useT } from '../../i18n/index.tsx';
import { userMessages } from './messages.ts';

/** Copies text: the Clipboard API where the page is a secure context, else the selected input (an http intranet). */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused by the browser: fall back to the selection
  }
  if (input === null) return false;
  input.select();
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only copy an http:// intranet page has
  return document.execCommand('copy');
}

interface OneTimePasswordModalProps {
  /** The account and its password; null: closed. */
  shown: (AccountWithPassword & { kind: 'created' | 'reset' }) | null;
  onClose: () => void;
}

export function OneTimePasswordModal({ shown, onClose }: OneTimePasswordModalProps) {
  const t = useT(userMessages);
  const input = useRef<InputRef>(null);
  const [toast, holder] = message.useMessage();

  const onCopy = async () => {
    if (shown === null) return;
    const done = await copy(shown.generatedPassword, input.current?.input ?? null);
    if (done) void toast.success(t('copied'));
    else void toast.warning(t('copyFailed'));
  };

  return (
    <Modal
      open={shown !== null}
      title={shown?.kind === 'reset' ? t('passwordResetTitle') : t('passwordCreatedTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('done')}
        </Button>
      }
    >
      {holder}
      {shown !== null && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('passwordOnce')} description={t('passwordOnceBody')} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('username')}>{shown.user.username}</Descriptions.Item>
            <Descriptions.Item label={t('displayName')}>{shown.user.displayName}</Descriptions.Item>
            <Descriptions.Item label={shown.kind === 'reset' ? t('newPassword') : t('password')}>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  ref={input}
                  readOnly
                  value={shown.generatedPassword}
                  aria-label={shown.kind === 'reset' ? t('newPassword') : t('password')}
                  data-testid="one-time-password"
                  style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 16 }}
                  onFocus={(event) => {
                    event.target.select();
                  }}
                />
                <Button icon={<CopyOutlined />} onClick={() => void onCopy()} autoFocus>
                  {t('copy')}
                </Button>
              </Space.Compact>
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Modal>
  );
}
