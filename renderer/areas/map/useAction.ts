import { useState } from 'react';
import type { ApiInput, ApiResult, MethodName } from '../../../api/contract';
import { toApiError, type ApiError } from '../../api/api-error';
import { getApi } from '../../api/client';

/** One admin action's state: running, its answer, or its failure sentence. */
export function useAction<M extends MethodName>(method: M) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (input: ApiInput<M>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await getApi().call(method, input));
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, error, run };
}
