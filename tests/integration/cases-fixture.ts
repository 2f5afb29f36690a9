/**
 * A demo database in a temp folder with signed-in desk users, for the case tests: each
 * user gets the context a transport would build for their session.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { contextForSession } from '../../api/sessions';
import type { ApiInput, ApiResult, LiveEvent, MethodName } from '../../api/contract';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importStandardFile } from '../../db/exchange/standard-import';
import type { Db } from '../../db/open';

export const NOW = Date.UTC(2026, 10, 21, 6, 0); // Sat 21 Nov 2026 14:00 Shanghai

export interface CaseDesk {
  dir: string;
  file: string;
  db: Db;
  clock: { now: number };
  live: LiveEvent[];
  base: ApiContext;
  /** Calls as the session `token` (undefined: nobody signed in). */
  call<M extends MethodName>(
    token: string | null,
    method: M,
    input: ApiInput<M>,
  ): Promise<ApiResult<M>>;
  system<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  close(): void;
}

export function openCaseDesk(prefix = 'griddesk-cases-'): CaseDesk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'desk.sqlite');
  const clock = { now: NOW };
  const { db } = openOrCreateDatabase(file, {
    appVersion: 'test',
    now: NOW,
    demoWhenNew: true,
    demoSeed: 7,
  });
  const bus = new LiveBus();
  const live: LiveEvent[] = [];
  bus.subscribe((event) => live.push(event));
  const base: ApiContext = {
    db,
    now: () => clock.now,
    appVersion: 'test',
    live: bus,
    actor: SYSTEM_ACTOR,
    transport: 'http',
  };
  return {
    dir,
    file,
    db,
    clock,
    live,
    base,
    call: (token, method, input) =>
      invoke(contextForSession(base, token), method, input) as Promise<ApiResult<typeof method>>,
    system: (method, input) =>
      invoke({ ...base, transport: 'cli' }, method, input) as Promise<ApiResult<typeof method>>,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'desk-pass-2026';

/** Admin set up, operators 张敏/刘洋 and the leader 王建国 given passwords; their tokens. */
export async function signInDesk(desk: CaseDesk) {
  const admin = await desk.call(null, 'auth.setupAdmin', { password: PASSWORD });
  const adminToken = admin.sessionToken!;
  const users = await desk.call(adminToken, 'users.list', {});
  for (const username of ['zhangmin', 'liuyang', 'wangjianguo']) {
    const user = users.find((u) => u.username === username)!;
    await desk.call(adminToken, 'users.setPassword', { id: user.id, password: PASSWORD });
  }
  const signIn = async (username: string) =>
    (await desk.call(null, 'auth.signIn', { username, password: PASSWORD })).sessionToken!;
  return {
    admin: adminToken,
    zhang: await signIn('zhangmin'),
    liu: await signIn('liuyang'),
    leader: await signIn('wangjianguo'),
  };
}

/** A point inside a demo grid (a demo case's), with its grid and community. */
export function aGrid(db: Db): { code: string; lng: number; lat: number; communityCode: string } {
  return db
    .prepare(
      `SELECT grid_code AS code, lng, lat, community_code AS communityCode
         FROM cases WHERE grid_code IS NOT NULL AND lng IS NOT NULL ORDER BY id LIMIT 1`,
    )
    .get() as { code: string; lng: number; lat: number; communityCode: string };
}

/**
 * The city's sample standard (../shared/samples/standard-sample.xlsx) imported as the active
 * version, for the tests of registering under a 立案条件; returns the id of a minor's row by
 * its condition text.
 */
export async function importSampleStandard(
  desk: CaseDesk,
): Promise<(categoryCode: string, condition: string) => number> {
  const samples = path.resolve(import.meta.dirname, '../../../shared/samples');
  const report = await importStandardFile(desk.db, path.join(samples, 'standard-sample.xlsx'), {
    now: desk.clock.now,
    actor: 'admin',
  });
  if (report.status !== 'done') throw new Error(`sample standard not imported: ${report.status}`);
  const version = report.version!;
  return (categoryCode, condition) =>
    desk.db
      .prepare<[number, string, string], number>(
        'SELECT id FROM category_standards WHERE version_id = ? AND category_code = ? AND condition = ?',
      )
      .pluck()
      .get(version, categoryCode, condition)!;
}
