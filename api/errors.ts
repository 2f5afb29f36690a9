/**
 * Errors that cross the API: a UserError is something the user can fix and carries a
 * sentence in both languages and the place; anything else is the program's fault and is
 * logged with its stack while the user gets a sentence and a reference.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiErrorPayload } from './contract';

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly sentence: { zh: string; en: string },
    readonly where?: string,
  ) {
    super(sentence.en);
    this.name = 'UserError';
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.sentence,
      ...(this.where ? { where: this.where } : {}),
    };
  }
}

export function invalidInputError(method: string, error: z.ZodError): UserError {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : '(input)';
  const detail = first?.message ?? 'invalid';
  return new UserError(
    'invalid_input',
    {
      zh: `请求 ${method} 的参数不正确：${where}：${detail}`,
      en: `Invalid input for ${method}: ${where}: ${detail}`,
    },
    where,
  );
}

/** SQLite refused a write because another connection holds the write lock (an import). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export type ErrorLogger = (reference: string, error: unknown) => void;

/** Turns any thrown value into what a transport may send: never a stack trace. */
export function toErrorPayload(error: unknown, log: ErrorLogger): ApiErrorPayload {
  if (error instanceof UserError) return error.toPayload();
  const reference = randomUUID().slice(0, 8);
  log(reference, error);
  return {
    code: 'internal',
    message: {
      zh: `程序内部出错，操作未完成。请把参考号 ${reference} 告知管理员。`,
      en: `Something went wrong inside GridDesk; nothing was changed. Reference ${reference}.`,
    },
    reference,
  };
}
