import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Veikart`;
  }, [title]);
}

export interface ApiResource<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

interface ResourceState<T> {
  readonly path: string | null;
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { status: 0 });
}

/**
 * GETs `path` (null: nothing) and refetches on `reload()`. Data of an earlier path is never shown.
 * `envelope`: keep the whole body (`{ data, total }`) instead of unwrapping `data`.
 */
export function useApi<T>(path: string | null, envelope = false): ApiResource<T> {
  const [state, setState] = useState<ResourceState<T>>({ path, loading: path !== null });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (path === null) {
      setState({ path, loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => (s.path === path ? { ...s, loading: true } : { path, loading: true }));
    api.get<T>(path, envelope ? { envelope } : undefined).then(
      (data) => {
        if (!cancelled) setState({ path, data, loading: false });
      },
      (error: unknown) => {
        if (!cancelled) setState({ path, error: asApiError(error), loading: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, nonce, envelope]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: current ? state.loading : path !== null,
    reload,
  };
}
