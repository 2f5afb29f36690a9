/**
 * How an ApiErrorPayload survives a boundary that keeps only an Error's message: Electron's
 * contextBridge copies a rejected Error's `message` (and may prefix it) but drops every other
 * property. The preload rejects with `new Error(encodeApiErrorMessage(payload))`; the renderer
 * reads any caught error back with `readApiErrorPayload(error)`, whichever transport threw it.
 * Pure functions, no Node, no DOM: safe in the preload, the renderer and tests.
 */
import type { ApiErrorPayload } from './index';

export function encodeApiErrorMessage(payload: ApiErrorPayload): string {
  return JSON.stringify(payload);
}

export function isApiErrorPayload(value: unknown): value is ApiErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  const message = candidate.message as { zh?: unknown; en?: unknown } | null | undefined;
  return (
    typeof candidate.code === 'string' &&
    typeof message === 'object' &&
    message !== null &&
    typeof message.zh === 'string' &&
    typeof message.en === 'string'
  );
}

/**
 * The payload carried by a caught value: the value itself when it is a payload, its
 * `payload` property when it has one (an error thrown in the same JavaScript world), else
 * the JSON object inside its message (an Error that crossed the contextBridge). Null for
 * anything else, e.g. a bug in the renderer.
 */
export function readApiErrorPayload(error: unknown): ApiErrorPayload | null {
  if (typeof error !== 'object' || error === null) return null;
  if (isApiErrorPayload(error)) return error;
  const withPayload = error as { payload?: unknown; message?: unknown };
  if (isApiErrorPayload(withPayload.payload)) return withPayload.payload;
  if (typeof withPayload.message !== 'string') return null;
  const text = withPayload.message;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(start, end + 1));
    return isApiErrorPayload(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
