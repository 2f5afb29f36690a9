import type { ApiParsedInput, ApiResult, MethodName } from '../contract';
import type { ApiContext } from '../context';

type Handler<M extends MethodName> = (
  context: ApiContext,
  input: ApiParsedInput<M>,
) => ApiResult<M> | Promise<ApiResult<M>>;

/** One feature's handler map, checked against the contract with `satisfies`. */
export type FeatureHandlers<Names extends MethodName> = { [M in Names]: Handler<M> };
