import { useCallback, useState } from 'react';
import type { ApiInput, ApiResult, MethodName } from '../../../api/contract';
import { toApiError, type ApiError } from '../../api/api-error';
import { getApi } from '../../api/client';

/** One action of the exchange screens: running, its answer, or its failure sentence. */
export function useCall<M extends MethodName>(method: M) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: ApiInput<M>): Promise<ApiResult<M> | null> => {
      setBusy(true);
      setError(null);
      try {
        const answer = await getApi().call(method, input);
        setResult(answer);
        return answer;
      } catch (reason) {
        setError(toApiError(reason));
        setResult(null);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [method],
  );
  const reset = useCallback(() => {
    setResult(null);
    setError(null);
  }, []);
  return { busy, result, error, run, reset };
}
