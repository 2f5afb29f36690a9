/**
 * A real `griddesk serve` per test worker, on a fresh demo database in a temp folder:
 * the e2e tests drive the same API and renderer a user gets in browser mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';

export interface RunningServe {
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  /** Calls the API over HTTP with the token, as the renderer does. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** The same, signed in: `session` is a token from auth.signIn / auth.setupAdmin. */
  callAs<T = unknown>(session: string, method: string, input?: unknown): Promise<T>;
}

/** The password the e2e tests give the demo street's desk users. */
export const E2E_PASSWORD = 'e2e-desk-2026';

/**
 * Gives the demo's admin, operators 张敏 (zhangmin) and 刘洋 (liuyang) and the leader 王建国
 * (wangjianguo) the password E2E_PASSWORD (first-run setup when nobody has one yet), and
 * returns a session token for each. Safe to call again on the same server.
 */
export async function prepareDeskUsers(serve: RunningServe): Promise<Record<string, string>> {
  const status = await serve.call<{ needsSetup: boolean }>('auth.status');
  const admin = status.needsSetup
    ? await serve.call<{ sessionToken: string }>('auth.setupAdmin', { password: E2E_PASSWORD })
    : await serve.call<{ sessionToken: string }>('auth.signIn', {
        username: 'admin',
        password: E2E_PASSWORD,
      });
  const users = await serve.callAs<Array<{ id: number; username: string }>>(
    admin.sessionToken,
    'users.list',
  );
  const tokens: Record<string, string> = { admin: admin.sessionToken };
  for (const username of ['zhangmin', 'liuyang', 'wangjianguo']) {
    const user = users.find((u) => u.username === username)!;
    await serve.callAs(admin.sessionToken, 'users.setPassword', {
      id: user.id,
      password: E2E_PASSWORD,
    });
    tokens[username] = (
      await serve.call<{ sessionToken: string }>('auth.signIn', {
        username,
        password: E2E_PASSWORD,
      })
    ).sessionToken;
  }
  return tokens;
}

const root = path.resolve(import.meta.dirname, '../..');

/** `griddesk demo --db FILE`: the demo street, as a newcomer would create it. */
export function createDemoDatabase(dbFile: string): void {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'bin/griddesk.mjs'), 'demo', '--db', dbFile],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`griddesk demo failed: ${result.stderr}`);
}

export async function startServe(
  dbFile: string,
): Promise<{ serve: RunningServe; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/griddesk.mjs'), 'serve', '--db', dbFile, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`griddesk serve exited (${code}): ${stderr}`)));
  });
  const url = new URL(firstLine);
  const token = url.searchParams.get('token')!;
  async function callApi<T>(method: string, input: unknown, session: string | null): Promise<T> {
    const response = await fetch(`${url.origin}/api/call/${method}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(session ? { 'X-GridDesk-Session': session } : {}),
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result as T;
  }
  const serve: RunningServe = {
    url: firstLine,
    origin: url.origin,
    token,
    dbFile,
    call(method, input = {}) {
      return callApi(method, input, null);
    },
    callAs(session, method, input = {}) {
      return callApi(method, input, session);
    },
  };
  return { serve, child };
}

export const test = base.extend<object, { serve: RunningServe }>({
  serve: [
    // Playwright reads the fixture's dependencies from this destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-'));
      const dbFile = path.join(dir, 'demo.sqlite');
      createDemoDatabase(dbFile);
      const { serve, child } = await startServe(dbFile);
      await use(serve);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect };

/** Signs in through the header, as a person would (after prepareDeskUsers). */
export async function signInThroughHeader(page: Page, username: string): Promise<void> {
  await page.getByTestId('session-sign-in').click();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-user')).not.toContainText('未登录');
}

/**
 * The desk's users ready, the app open, signed in as `username` through the header, and
 * the area behind the navigation link `area` (its Chinese name) open.
 */
export async function openAreaAs(
  page: Page,
  serve: RunningServe,
  username: string,
  area: string,
): Promise<void> {
  await prepareDeskUsers(serve);
  await page.goto(serve.url);
  await signInThroughHeader(page, username);
  await page.getByRole('link', { name: area, exact: true }).click();
}
