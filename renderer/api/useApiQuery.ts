/**
 * `useApiQuery(method, input, { refreshOn })`: call one API method, and call it again
 * (debounced) whenever a LiveEvent of the listed types arrives. While a refresh is under
 * way the last answer stays on screen, so nothing jumps.
 */
import { useEffect, useState } from 'react';
import type { ApiInput, ApiResult, LiveEvent, MethodName } from '../../api/contract';
import { type ApiError, toApiError } from './api-error';
import { getApi } from './client';

interface ApiQueryOptions {
  /** Which live events make the query run again; none by default. */
  refreshOn?: readonly LiveEvent['type'][];
  /** Quiet time after the last event before refreshing (bursts become one call). */
  debounceMs?: number;
}

export interface ApiQuery<M extends MethodName> {
  data: ApiResult<M> | undefined;
  error: ApiError | null;
  /** True until the first answer (or failure) for this method and input. */
  loading: boolean;
  /** When the shown data arrived (local clock, epoch ms). */
  receivedAt: number | null;
  /** Run the query again now (e.g. a "try again" button). */
  refresh(): void;
}

interface QueryState<M extends MethodName> {
  key: string | null;
  data: ApiResult<M> | undefined;
  error: ApiError | null;
  receivedAt: number | null;
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: ApiQueryOptions = {},
): ApiQuery<M> {
  const key = `${method} ${JSON.stringify(input)}`;
  const inputJson = JSON.stringify(input);
  const refreshOn = (options.refreshOn ?? []).join(' ');
  const debounceMs = options.debounceMs ?? 300;
  const [state, setState] = useState<QueryState<M>>({
    key: null,
    data: undefined,
    error: null,
    receivedAt: null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const api = getApi();
    const parsedInput = JSON.parse(inputJson) as ApiInput<M>;
    let disposed = false;
    let latestRequest = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const load = () => {
      const request = ++latestRequest;
      api.call(method, parsedInput).then(
        (data) => {
          if (disposed || request !== latestRequest) return;
          setState({ key, data, error: null, receivedAt: Date.now() });
        },
        (reason: unknown) => {
          if (disposed || request !== latestRequest) return;
          const error = toApiError(reason);
          setState((previous) =>
            previous.key === key
              ? { ...previous, error }
              : { key, data: undefined, error, receivedAt: null },
          );
        },
      );
    };

    load();
    const types = refreshOn ? refreshOn.split(' ') : [];
    const unsubscribe =
      types.length > 0
        ? api.subscribe((event) => {
            if (!types.includes(event.type)) return;
            clearTimeout(timer);
            timer = setTimeout(load, debounceMs);
          })
        : () => {};

    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [method, inputJson, key, refreshOn, debounceMs, attempt]);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: !current,
    receivedAt: current ? state.receivedAt : null,
    refresh: () => setAttempt((n) => n + 1),
  };
}
