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
import { restoreRunning } from './backup/store-backups';
import { sqliteErrorSentence } from '../db/errors';
import { damagedSentence, storeHealth, whenChecked } from '../db/store-health';

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
  await holdUntilChecked(context, methodName);
  try {
    return (await handler(context, parsed.data)) as ApiResult<M>;
  } catch (error) {
    // Every write is one transaction, so a write refused by the lock left nothing behind.
    if (isBusyError(error)) throw databaseBusyError(context.db);
    if (!isReadOnlyError(error)) throw asSentence(error, context);
    // Refused by query_only while the open-time check ran: held, then tried once more.
    if (storeHealth(context.db).state === 'checking') {
      await whenChecked(context.db);
      if (storeHealth(context.db).state === 'ok')
        return (await handler(context, parsed.data)) as ApiResult<M>;
    }
    throw asSentence(error, context);
  }
}

/** Methods whose writes go through a connection of their own (an import's worker thread). */
const WRITES_ON_OWN_CONNECTION: ReadonlySet<string> = new Set(['exchange.import.start']);

async function holdUntilChecked(context: ApiContext, methodName: string): Promise<void> {
  if (!WRITES_ON_OWN_CONNECTION.has(methodName)) return;
  if (restoreRunning(context.db)) {
    throw new UserError('restore_running', {
      zh: '正在恢复备份，恢复完成前不能开始导入。',
      en: 'A backup is being restored; an import cannot start until it ends.',
    });
  }
  if (storeHealth(context.db).state === 'checking') await whenChecked(context.db);
  if (storeHealth(context.db).state === 'damaged')
    throw new UserError('database_damaged', damagedSentence(context.db.name));
}

function isReadOnlyError(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_READONLY');
}

/**
 * A SQLite failure the user can meet (a full disk, a damaged page, a read-only file) as one
 * sentence naming the file; a damaged store's sentence names the backup to restore.
 */
function asSentence(error: unknown, context: ApiContext): unknown {
  if (error instanceof UserError) return error;
  if (isReadOnlyError(error) && storeHealth(context.db).state === 'damaged')
    return new UserError('database_damaged', damagedSentence(context.db.name));
  const known = sqliteErrorSentence(error, context.db.name);
  return known ? new UserError(known.code, known.sentence) : error;
}
