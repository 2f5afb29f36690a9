/**
 * The HTTP transport of the one API: `POST /api/call/<method>` with the input as JSON and
 * `GET /api/live` as server-sent events. Both need the per-start token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveEvent } from '../api/contract';
import type { ApiContext } from '../api/context';
import { toErrorPayload, UserError, type ErrorLogger } from '../api/errors';
import { invoke } from '../api/invoke';
import { SIGN_IN_LOCKED } from '../api/sign-in-guard';
import { securityHeaders } from './static-files';

/** Inputs are small (filters, forms); files travel by path, not through this body. */
const MAX_BODY_BYTES = 1_000_000;

export async function handleApiCall(
  context: ApiContext,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
  log: ErrorLogger,
  /** Headers to answer a successful call with (seat mode's tile cookie). */
  headersFor: (result: unknown) => Record<string, string> = () => ({}),
): Promise<void> {
  try {
    const input = await readJsonBody(request);
    const result = await invoke(context, method, input);
    sendJson(response, 200, { ok: true, result: result ?? null }, headersFor(result));
  } catch (error) {
    const payload = toErrorPayload(error, log);
    sendJson(response, statusOf(error), { ok: false, error: payload });
  }
}

/** 429 for an account refused after too many wrong passwords; 400 for other user errors. */
function statusOf(error: unknown): number {
  if (!(error instanceof UserError)) return 500;
  return error.code === SIGN_IN_LOCKED ? 429 : 400;
}

/** How often a seat's stream checks that its session still holds (signed out, expired, revoked). */
const RECHECK_MS = 15_000;

export function handleLiveStream(
  context: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  seat: { stillAllowed: (() => boolean) | null; onClose: (() => void) | null } = {
    stillAllowed: null,
    onClose: null,
  },
): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    ...securityHeaders(),
  });
  response.write(': connected\n\n');
  const send = (event: LiveEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
  const unsubscribe = context.live.subscribe(send);
  // A comment line now and then keeps proxies and idle timers from closing the stream.
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  // A seat whose session ended (signed out, expired, a display key revoked) loses its stream.
  const recheck = seat.stillAllowed
    ? setInterval(() => {
        if (!seat.stillAllowed!()) response.end();
      }, RECHECK_MS)
    : null;
  request.on('close', () => {
    clearInterval(keepAlive);
    if (recheck) clearInterval(recheck);
    unsubscribe();
    seat.onClose?.();
  });
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...securityHeaders(),
    ...headers,
  });
  response.end(text);
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new UserError('body_too_large', {
        zh: '请求内容过大（超过 1 MB）。',
        en: 'The request body is too large (over 1 MB).',
      });
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new UserError('bad_json', {
      zh: '请求内容不是有效的 JSON。',
      en: 'The request body is not valid JSON.',
    });
  }
}
