/**
 * A demo street's store in a temp folder and the one API over it, as the ranking and appeals
 * tests call it: `call(method, input, actor?)` through invoke() with the clock they set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type Actor, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';

export interface DemoApi {
  db: Db;
  dir: string;
  /** The clock every call sees; tests move it. */
  clock: { now: number };
  call<M extends MethodName>(method: M, input: ApiInput<M>, actor?: Actor): Promise<ApiResult<M>>;
  close(): void;
}

export function openDemoApi(prefix: string, now: number): DemoApi {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
  const clock = { now };
  return {
    db,
    dir,
    clock,
    call: (method, input, actor = SYSTEM_ACTOR) => {
      const context: ApiContext = {
        db,
        now: () => clock.now,
        appVersion: 'test',
        live: new LiveBus(),
        actor,
        transport: 'cli',
      };
      return invoke(context, method, input) as Promise<ApiResult<typeof method>>;
    },
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
