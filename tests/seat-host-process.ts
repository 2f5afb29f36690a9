/**
 * `griddesk serve --seats` in a child process, as an admin starts it: its first two stdout
 * lines are the URL and `SHA-256 <fingerprint>`. Shared by the integration, end-to-end and
 * benchmark tests that need a real seat host on a loopback address other than 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');

export interface SeatHostProcess {
  child: ChildProcess;
  url: string;
  port: number;
  fingerprint: string;
  /** Everything it wrote to stderr so far (the last 8,000 characters). */
  stderr(): string;
}

export async function startSeatHostProcess(options: {
  dbFile: string;
  address?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<SeatHostProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'bin/griddesk.mjs'),
      'serve',
      '--db',
      options.dbFile,
      '--seats',
      '--host',
      options.address ?? '127.0.0.2',
      '--port',
      String(options.port ?? 0),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
  const lines: string[] = [];
  const reader = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve --seats printed nothing in time: ${stderr}`)),
      options.timeoutMs ?? 30_000,
    );
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 2) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve --seats exited (${code}): ${stderr}`));
    });
  });
  const url = lines[0]!;
  return {
    child,
    url,
    port: Number(new URL(url).port),
    fingerprint: lines[1]!.replace(/^SHA-256 /, ''),
    stderr: () => stderr,
  };
}

/** Stops it and waits for it to be gone (SIGKILL: as a crash, to the seats). */
export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
