/**
 * A real `griddesk serve` per test worker, on a fresh demo database in a temp folder:
 * the e2e tests drive the same API and renderer a user gets in browser mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, expect } from '@playwright/test';

export interface RunningServe {
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  /** Calls the API over HTTP with the token, as the renderer does. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
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
  const serve: RunningServe = {
    url: firstLine,
    origin: url.origin,
    token,
    dbFile,
    async call(method, input = {}) {
      const response = await fetch(`${url.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
      if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
      return body.result as never;
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
