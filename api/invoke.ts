/**
 * The single entry every transport calls: look up the method, validate the input with its
 * zod schema, run the handler. A handler never knows which transport called it.
 */
import { assertAccess } from './access';
import { contract, isMethodName, type ApiResult, type MethodName } from './contract';
import type { ApiContext } from './context';
import { invalidInputError, isBusyError, UserError } from './errors';
import { databaseBusyError, useDeskBusyTimeout } from './exchange/import-jobs';
import { handlers } from './handlers';

export async function invoke(
  context: ApiContext,
  methodName: string,
  rawInput: unknown,
): Promise<unknown> {
  if (!isMethodName(methodName)) {
    throw new UserError('unknown_method', {
      zh: `没有名为 ${methodName} 的接口。`,
      en: `There is no API method named ${methodName}.`,
    });
  }
  return invokeTyped(context, methodName, rawInput);
}

async function invokeTyped<M extends MethodName>(
  context: ApiContext,
  methodName: M,
  rawInput: unknown,
): Promise<ApiResult<M>> {
  assertAccess(context, methodName);
  const parsed = contract[methodName].input.safeParse(rawInput ?? {});
  if (!parsed.success) throw invalidInputError(methodName, parsed.error);
  const handler = handlers[methodName] as (context: ApiContext, input: unknown) => unknown;
  // Another program's write lock refuses a write here at once, never after a five-second wait.
  useDeskBusyTimeout(context.db);
  try {
    return (await handler(context, parsed.data)) as ApiResult<M>;
  } catch (error) {
    // Every write is one transaction, so a write refused by the lock left nothing behind.
    if (isBusyError(error)) throw databaseBusyError(context.db);
    throw error;
  }
}
