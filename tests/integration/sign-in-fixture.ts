/**
 * A reference-only database in a temp folder with an administrator and one operator, for
 * the sign-in tests: calls through invoke() with a chosen address and clock, and a real
 * loopback host over 127.0.0.1.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiErrorPayload, ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { contextForSession } from '../../api/sessions';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { startHost, type RunningHost } from '../../host/server';

export const ADMIN_PASSWORD = 'chief-desk-2026';
export const OPERATOR_PASSWORD = 'zhang-desk-2026';

export interface SignInDesk {
  dir: string;
  file: string;
  db: Db;
  clock: { now: number };
  base: ApiContext;
  adminToken: string;
  /** Calls as session `token` from `address` (the IPC window: 'local'). */
  call<M extends MethodName>(
    token: string | null,
    method: M,
    input: ApiInput<M>,
    address?: string | null,
  ): Promise<ApiResult<M>>;
  /** The refusal of a call that must fail, as its code and sentence. */
  refusal<M extends MethodName>(
    token: string | null,
    method: M,
    input: ApiInput<M>,
    address?: string | null,
  ): Promise<ApiErrorPayload>;
  /** audit_log rows of `action` (all sign-in rows when omitted), detail parsed. */
  audit(
    action?: string,
  ): { at: number; actor: string; action: string; detail: Record<string, unknown> }[];
  close(): void;
}

export async function openSignInDesk(now: number | (() => number)): Promise<SignInDesk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-sign-in-'));
  const file = path.join(dir, 'desk.sqlite');
  const clock = { now: typeof now === 'number' ? now : now() };
  const readClock = typeof now === 'number' ? () => clock.now : now;
  const { db } = openOrCreateDatabase(file, {
    appVersion: 'test',
    now: readClock(),
    demoWhenNew: false,
  });
  const base: ApiContext = {
    db,
    now: readClock,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'http',
  };
  const call = <M extends MethodName>(
    token: string | null,
    method: M,
    input: ApiInput<M>,
    address: string | null = 'local',
  ) =>
    invoke(contextForSession({ ...base, address }, token), method, input) as Promise<ApiResult<M>>;
  const adminToken = (await call(null, 'auth.setupAdmin', { password: ADMIN_PASSWORD }))
    .sessionToken!;
  await call(adminToken, 'users.create', {
    username: 'zhangmin',
    displayName: '张敏',
    role: 'operator',
    password: OPERATOR_PASSWORD,
  });
  return {
    dir,
    file,
    db,
    clock,
    base,
    adminToken,
    call,
    async refusal(token, method, input, address = 'local') {
      try {
        await call(token, method, input, address);
      } catch (error) {
        return (error as { toPayload(): ApiErrorPayload }).toPayload();
      }
      throw new Error(`${method} was expected to be refused`);
    },
    audit(action) {
      const rows = db
        .prepare(
          `SELECT at, actor, action, detail FROM audit_log
            WHERE action LIKE 'auth.%' AND (@action IS NULL OR action = @action) ORDER BY id`,
        )
        .all({ action: action ?? null }) as {
        at: number;
        actor: string;
        action: string;
        detail: string;
      }[];
      return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) }));
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the host sent it
  body: { ok: boolean; result?: any; error?: ApiErrorPayload };
}

/** The desk's database served by a real loopback host, as `griddesk serve` does. */
export async function serveDesk(desk: SignInDesk): Promise<{
  host: RunningHost;
  call(method: string, input: unknown, session?: string): Promise<HttpAnswer>;
}> {
  const host = await startHost({
    context: desk.base,
    port: 0,
    rendererDir: desk.dir,
    log: () => {},
  });
  const call = (method: string, input: unknown, session?: string) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const body = JSON.stringify(input);
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/call/${method}`,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${host.token}`,
            'Content-Type': 'application/json',
            ...(session ? { 'X-GridDesk-Session': session } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, body: JSON.parse(text) }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return { host, call };
}
