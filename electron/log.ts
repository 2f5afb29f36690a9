/**
 * The main process's log: one file in the data folder, where a reference shown to the user
 * (never a stack) leads an administrator to the stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { ErrorLogger } from '../api/errors';

function logFile(): string {
  return path.join(app.getPath('userData'), 'logs', 'main.log');
}

export function logLine(level: 'info' | 'warn' | 'error', text: string): void {
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${text}\n`;
  (level === 'error' ? process.stderr : process.stdout).write(line);
  try {
    fs.mkdirSync(path.dirname(logFile()), { recursive: true });
    fs.appendFileSync(logFile(), line);
  } catch {
    // A log that cannot be written must not take the app down; stderr has the line.
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** For api/errors' toErrorPayload: the stack goes to the log under the user's reference. */
export const logError: ErrorLogger = (reference, error) => {
  logLine('error', `[${reference}] ${describe(error)}`);
};
