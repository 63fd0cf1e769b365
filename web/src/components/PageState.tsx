/**
 * The three states every screen has besides its content: loading, empty and failed. A failure shows the server's
 * own message (in the current locale), every detail with its place, and a retry button.
 */
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError, ErrorLocation } from '../api/http.ts';
import { useBilingual, useT } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';

/** "工作表 数据 · 第 5 行 · 列 I 本年数值": a problem's place in words. */
export function useLocationText(): (at: ErrorLocation | undefined) => string {
  const t = useT(componentMessages);
  return (at) => {
    if (at === undefined) return '';
    const parts: string[] = [];
    if (at.file !== undefined) parts.push(`${t('file')} ${at.file}`);
    if (at.sheet !== undefined) parts.push(`${t('sheet')} ${at.sheet}`);
    if (at.row !== undefined) parts.push(t('row', { n: at.row }));
    if (at.column !== undefined) parts.push(`${t('column')} ${at.column}`);
    if (at.line !== undefined) parts.push(t('line', { n: at.line }));
    if (at.item !== undefined) parts.push(t('item', { n: at.item + 1 }));
    if (at.field !== undefined) parts.push(`${t('field')} ${at.field}`);
    return parts.join(' · ');
  };
}

/** An API error in place: the message, then each detail with where it is. */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT(componentMessages);
  const text = useBilingual();
  const where = useLocationText();
  const place = where(error.body.at);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text(error.body.message)}
      description={
        error.details.length > 0 || place !== '' ? (
          <div>
            {place !== '' && (
              <div>
                {t('where')}: {place}
              </div>
            )}
            {error.details.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="error-details">
                {error.details.map((detail, index) => (
                  <li key={index}>
                    {where(detail.at) !== '' && <strong>{where(detail.at)}：</strong>}
                    {text(detail.message)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : undefined
      }
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        )
      }
    />
  );
}

interface PageStateProps {
  loading: boolean;
  error: ApiError | null;
  empty?: boolean;
  emptyText?: ReactNode;
  onRetry?: () => void;
  children: ReactNode;
}

/** Shows the loading, error or empty state, or else the children. */
export function PageState({ loading, error, empty = false, emptyText, onRetry, children }: PageStateProps) {
  const t = useT(componentMessages);
  if (error !== null) return <ErrorAlert error={error} {...(onRetry === undefined ? {} : { onRetry })} />;
  if (loading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin description={t('loading')}>
          <div style={{ minHeight: 40 }} />
        </Spin>
      </div>
    );
  }
  if (empty) return <Empty description={emptyText ?? t('empty')} />;
  return <>{children}</>;
}
