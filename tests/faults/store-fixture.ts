/** A demo street made once per test file and copied for each test; the CLI as a child. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ApiContext } from '../../api/context';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { openDatabase } from '../../db/open';
import { systemContextOf } from '../fixtures/system-api';

export const root = path.resolve(import.meta.dirname, '../..');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `griddesk-${prefix}-`));
}

let template: string | null = null;

/** A closed demo database at `file` (the street built once, then copied). */
export function demoStore(file: string): string {
  if (!template) {
    const dir = tempDir('template');
    template = path.join(dir, 'template.sqlite');
    const opened = openOrCreateDatabase(template, {
      appVersion: 'test',
      now: Date.now(),
      demoWhenNew: true,
      demoSeed: 7,
    });
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(template, file);
  return file;
}

export function griddesk(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(cwd, 'config') },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function griddeskChild(cwd: string, ...args: string[]) {
  return spawn(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(cwd, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first stdout line of a child (serve prints its URL there). */
export function firstLine(child: ReturnType<typeof griddeskChild>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before a line: ${err}`)));
  });
}

/** Waits until `test` holds, polling; fails after `ms`. */
export async function until(test: () => boolean, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves when the child has ended, also when it ended before this was called. */
export function exited(child: ReturnType<typeof griddeskChild>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Temp folders for one test file, all removed after it. */
export function tempDirs(): (name: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  return (name) => {
    const d = tempDir(name);
    made.push(d);
    return d;
  };
}

/** The API as the command line calls it (the system actor), on the store at `file`. */
export function systemContext(file: string): ApiContext {
  const { db } = openDatabase(file, { appVersion: 'test', now: Date.now() });
  return { ...systemContextOf(db), transport: 'ipc' };
}
