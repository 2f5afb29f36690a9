/**
 * The one way a screen runs an action and shows it: `working` while it runs (the button
 * says so and a second press is ignored, so a double-click sends one request), then the
 * answer or the failure, as an ApiError whose sentence is ready in the UI language.
 *
 *   const publish = useApiCall('bulletin.publish');
 *   await publish.run({ period, level });      // the answer, or null if it failed
 *
 * `useAction` is the same for a step that is more than one call (a backup's restore
 * that also refreshes the list, a form that checks something before it calls).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { toApiError, type ApiError } from '../api/api-error';
import { getApi } from '../api/client';
import { useLocale } from '../i18n/locale-context';

export interface Action {
  working: boolean;
  error: ApiError | null;
  /** The failure's sentence in the UI language, or null. */
  sentence: string | null;
  /** Runs `step` unless one is already running; its value, or null when it failed or was ignored. */
  run<T>(step: () => Promise<T>): Promise<T | null>;
  /** Shows a failure found before calling (two passwords that differ). */
  fail(reason: unknown): void;
  reset(): void;
}

export function useAction(): Action {
  const { locale } = useLocale();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A ref, not the state: two clicks in one frame both see working === false.
  const running = useRef(false);

  const run = useCallback(async <T>(step: () => Promise<T>): Promise<T | null> => {
    if (running.current) return null;
    running.current = true;
    setWorking(true);
    setError(null);
    try {
      return await step();
    } catch (reason) {
      setError(toApiError(reason));
      return null;
    } finally {
      running.current = false;
      setWorking(false);
    }
  }, []);
  const fail = useCallback((reason: unknown) => setError(toApiError(reason)), []);
  const reset = useCallback(() => setError(null), []);
  const sentence = error
    ? locale === 'zh-CN'
      ? error.payload.message.zh
      : error.payload.message.en
    : null;
  return useMemo(
    () => ({ working, error, sentence, run, fail, reset }),
    [working, error, sentence, run, fail, reset],
  );
}

/** One API method as an action, keeping its last answer for the screen to show. */
export function useApiCall<M extends MethodName>(method: M) {
  const action = useAction();
  const [result, setResult] = useState<ApiResult<M> | null>(null);
  const { run: runStep, reset: resetAction } = action;
  const run = useCallback(
    async (input: ApiInput<M>): Promise<ApiResult<M> | null> => {
      const answer = await runStep(async () => {
        setResult(null);
        return getApi().call(method, input);
      });
      if (answer !== null) setResult(answer);
      return answer;
    },
    [method, runStep],
  );
  const reset = useCallback(() => {
    setResult(null);
    resetAction();
  }, [resetAction]);
  return { ...action, result, run, reset };
}
