/**
 * Loads something from the API for a screen: the data, whether it is loading, the error, and reload. A newer request
 * wins over an older one still in flight, so quickly changing a year never shows the previous year's answer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { ApiError } from '../api/http.ts';

export interface Loaded<T> {
  /** The last answer (kept while a newer request is loading, so a screen does not flash empty). */
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, {
    code: 'CLIENT',
    message: { zh: '页面出错，请刷新重试', en: 'The page failed: reload and retry' },
  });
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

interface Settled<T> {
  request: object | null;
  data: T | undefined;
  error: ApiError | null;
}

/** Runs `load` now and whenever `deps` change; `load` returning null means "nothing to load yet". */
export function useApi<T>(load: () => Promise<T> | null, deps: DependencyList): Loaded<T> {
  // A new identity for every request: the answer that comes back is kept only if it answers the latest one. Set
  // during render when the dependencies change (React's "storing information from previous renders").
  const [request, setRequest] = useState<object>({});
  const [previousDeps, setPreviousDeps] = useState(deps);
  if (!sameDeps(previousDeps, deps)) {
    setPreviousDeps(deps);
    setRequest({});
  }
  const [settled, setSettled] = useState<Settled<T>>({ request: null, data: undefined, error: null });

  useEffect(() => {
    let current = true;
    const pending = load() ?? Promise.resolve(undefined);
    pending
      .then((data) => {
        if (current) setSettled({ request, data, error: null });
      })
      .catch((failure: unknown) => {
        if (current) setSettled((previous) => ({ request, data: previous.data, error: asApiError(failure) }));
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `request` changes exactly when the load must rerun
  }, [request]);

  const reload = useCallback(() => {
    setRequest({});
  }, []);
  const loading = settled.request !== request;
  return { data: settled.data, loading, error: loading ? null : settled.error, reload };
}
