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

interface Action {
  working: boolean;
  error: ApiError | null;
  /** The failure's sentence in the UI language, or null. */
  sentence: string | null;
  /**
   * Runs `step`; its value, or null when it failed or was left out. `once` (an act: save,
   * publish, create) ignores a run while one is working; `latest` (a look: a preview
   * asked again with another mapping) lets the new run replace the old one's answer.
   */
  run<T>(step: () => Promise<T>, mode?: 'once' | 'latest'): Promise<T | null>;
  /** Shows a failure found before calling (two passwords that differ). */
  fail(reason: unknown): void;
  reset(): void;
}

export function useAction(): Action {
  const { locale } = useLocale();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Refs, not state: two clicks in one frame both see working === false.
  const running = useRef(false);
  const latestRun = useRef(0);

  const run = useCallback(
    async <T>(step: () => Promise<T>, mode: 'once' | 'latest' = 'once'): Promise<T | null> => {
      if (mode === 'once' && running.current) return null;
      const mine = ++latestRun.current;
      running.current = true;
      setWorking(true);
      setError(null);
      try {
        const value = await step();
        return mine === latestRun.current ? value : null;
      } catch (reason) {
        if (mine === latestRun.current) setError(toApiError(reason));
        return null;
      } finally {
        if (mine === latestRun.current) {
          running.current = false;
          setWorking(false);
        }
      }
    },
    [],
  );
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
export function useApiCall<M extends MethodName>(method: M, mode: 'once' | 'latest' = 'once') {
  const action = useAction();
  const [result, setResult] = useState<ApiResult<M> | null>(null);
  const { run: runStep, reset: resetAction } = action;
  const run = useCallback(
    async (input: ApiInput<M>): Promise<ApiResult<M> | null> => {
      // The last answer stays on screen while the next is asked (a preview with another
      // sheet keeps its mapping); a failure clears it, so no stale answer sits by an error.
      let failed = true;
      const answer = await runStep(async () => {
        const value = await getApi().call(method, input);
        failed = false;
        return value;
      }, mode);
      if (answer !== null) setResult(answer);
      else if (failed) setResult(null);
      return answer;
    },
    [method, mode, runStep],
  );
  const reset = useCallback(() => {
    setResult(null);
    resetAction();
  }, [resetAction]);
  return { ...action, result, run, reset };
}
