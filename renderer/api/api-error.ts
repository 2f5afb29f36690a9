/**
 * ApiError: a failure the screens can show in either language. Every rejection from a
 * transport becomes one, so a screen never has to guess what it caught.
 */
import type { ApiErrorPayload } from '../../api/contract';
// Imported from its own file, not the contract index, so zod stays out of the bundle.
import { isApiErrorPayload, readApiErrorPayload } from '../../api/contract/api-error';

export class ApiError extends Error {
  readonly payload: ApiErrorPayload;

  constructor(payload: ApiErrorPayload) {
    super(payload.message.en);
    this.name = 'ApiError';
    this.payload = payload;
  }

  get code(): string {
    return this.payload.code;
  }
}

export { isApiErrorPayload };

/** Failures of the client itself (no server, no token…): the sentences live here, in both languages. */
export function clientError(
  code: string,
  zh: string,
  en: string,
  extra: Pick<ApiErrorPayload, 'where' | 'reference'> = {},
): ApiError {
  return new ApiError({ code, message: { zh, en }, ...extra });
}

/**
 * Whatever a transport rejected with, as an ApiError: an ApiError, a bare ApiErrorPayload,
 * `{ payload }`, or an Error whose message carries the payload as JSON (what crosses
 * Electron's contextBridge; see api/contract/api-error.ts).
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  const payload = readApiErrorPayload(reason);
  if (payload) return new ApiError(payload);
  // A programming error: the user gets a sentence, the console gets the details.
  console.error('GridDesk: unexpected failure from the API', reason);
  return clientError(
    'client.unexpected',
    '操作未能完成：程序出现了意外错误。',
    'The operation could not be completed: the program hit an unexpected error.',
  );
}
