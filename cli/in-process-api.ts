/**
 * Calling the one API in-process, as the command line does: the same invoke() and handlers
 * the app's transports use, acting as the system (whoever holds the database file). A
 * user-fixable error becomes one sentence in the terminal's language.
 */
import { SYSTEM_ACTOR, type ApiContext } from '../api/context';
import type { ApiInput, ApiResult, MethodName } from '../api/contract';
import { UserError } from '../api/errors';
import { invoke } from '../api/invoke';
import { LiveBus } from '../api/live';
import { APP_VERSION } from '../api/version';
import type { Db } from '../db/open';
import { CliError, say } from './output';

export async function callApi<M extends MethodName>(
  db: Db,
  method: M,
  input: ApiInput<M>,
  /** Whose name the step is recorded under (`--by`); the role stays the system's. */
  actorName?: string,
): Promise<ApiResult<M>> {
  const context: ApiContext = {
    db,
    now: () => Date.now(),
    appVersion: APP_VERSION,
    live: new LiveBus(),
    actor: actorName ? { ...SYSTEM_ACTOR, name: actorName } : SYSTEM_ACTOR,
    transport: 'cli',
  };
  try {
    return (await invoke(context, method, input)) as ApiResult<M>;
  } catch (error) {
    if (error instanceof UserError) {
      throw new CliError(
        say(error.sentence),
        error.code === 'invalid_input' || error.code === 'invalid_period' ? 2 : 1,
      );
    }
    throw error;
  }
}
