/**
 * One write from a form: while it runs, the refusal the server gave (its own words, in place), and the optimistic
 * lock's conflict (409), after which the screen reloads what others saved while the form keeps what was typed.
 */
import { Alert, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useT } from '../../i18n/index.tsx';
import { tasksMessages } from './messages.ts';

export interface WriteState {
  busy: boolean;
  error: ApiError | null;
  /** Runs `action`; on 409 calls `onConflict` (reload) and keeps the error shown. Resolves to undefined on failure. */
  run: <T>(action: () => Promise<T>, onConflict?: () => void) => Promise<T | undefined>;
  clear: () => void;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: 'CLIENT', message: { zh: '操作失败，请重试', en: 'That failed: try again' } });
}

export function useWrite(): WriteState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>, onConflict?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError);
      if (apiError.status === 409) onConflict?.();
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
  }, []);
  return { busy, error, run, clear };
}

/**
 * The write's refusal in place (scrolled into view: the button pressed may be far below it); for a conflict, also
 * that the form kept what was typed.
 */
export function WriteError({ error }: { error: ApiError | null }) {
  const t = useT(tasksMessages);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== null) box.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);
  if (error === null) return null;
  return (
    <Space ref={box} orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <ErrorAlert error={error} />
      {error.status === 409 && <Alert type="info" showIcon title={t('conflictKept')} />}
    </Space>
  );
}
