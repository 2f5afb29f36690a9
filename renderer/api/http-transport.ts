/**
 * Browser mode: the one API over the loopback HTTP host.
 *
 *   POST /api/call/<method>   body: the input as JSON; header `Authorization: Bearer <token>`
 *                             answer: `{ ok: true, result }` or `{ ok: false, error: ApiErrorPayload }`
 *   GET  /api/live?token=…    Server-Sent Events; each unnamed `message` event's data is one
 *                             LiveEvent as JSON. EventSource reconnects by itself; after a
 *                             reconnect we tell listeners `data.changed`, since events may
 *                             have been missed while the line was down.
 * In seat mode (the centre's HTTPS host, issue 13) there is no token: the session header
 * (or a wall display's key) goes with every call and with the stream, read over fetch.
 */
import type { ApiInput, ApiResult, GriddeskApi, LiveEvent, MethodName } from '../../api/contract';
import { ApiError, clientError, isApiErrorPayload } from './api-error';
import { noteConnection } from './connection-state';
import { noteSessionEnded } from './session-ended';
import { streamUpload } from './seat-upload';
import { openLiveFetch } from './live-fetch';
import type { PageKind } from './seat-page';
import { noteSessionAnswer, readSessionToken } from './session-store';

/**
 * What every request carries: browser mode's per-start token, a wall display's key, and
 * this tab's sign-in (X-GridDesk-Session).
 */
function authHeaders(page: PageKind): Record<string, string> {
  const session = readSessionToken();
  return {
    ...(page.kind === 'loopback' ? { Authorization: `Bearer ${page.token}` } : {}),
    ...(page.kind === 'display' ? { 'X-GridDesk-Display': page.key } : {}),
    ...(session && page.kind !== 'display' ? { 'X-GridDesk-Session': session } : {}),
  };
}

type LiveListener = (event: LiveEvent) => void;

function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, at } = value as { type?: unknown; at?: unknown };
  return (
    (type === 'cases.changed' || type === 'data.changed' || type === 'store.changed') &&
    typeof at === 'number'
  );
}

function missingTokenError(): ApiError {
  return clientError(
    'client.no_token',
    '此页面的访问令牌缺失或已过期（服务已重启）。请用桌面应用或命令行给出的完整地址（含 ?token=…）打开。',
    'This page has no access token, or an old one (the service restarted). Open it with the full address (with ?token=…) that the desktop app or the command line gave you.',
  );
}

async function readAnswer(response: Response): Promise<unknown> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw clientError(
      `client.http_${response.status}`,
      `服务返回了无法识别的应答（HTTP ${response.status}）。`,
      `The service sent an answer that could not be read (HTTP ${response.status}).`,
    );
  }
  const answer = body as { ok?: unknown; result?: unknown; error?: unknown };
  if (answer.ok === true) return answer.result;
  if (answer.ok === false && isApiErrorPayload(answer.error)) throw new ApiError(answer.error);
  throw clientError(
    `client.http_${response.status}`,
    `服务返回了无法识别的应答（HTTP ${response.status}）。`,
    `The service sent an answer that could not be read (HTTP ${response.status}).`,
  );
}

export function createHttpTransport(page: PageKind): GriddeskApi {
  const listeners = new Set<LiveListener>();
  let closeStream: (() => void) | null = null;

  function announce(event: LiveEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function onData(data: string): void {
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      return; // Not ours (or a heartbeat with data): ignore.
    }
    if (isLiveEvent(event)) announce(event);
  }

  /** After the line was down, events may have been missed: every screen refreshes. */
  function cameBack(): void {
    noteConnection(true);
    announce({ type: 'data.changed', at: Date.now() });
  }

  function openLive(): void {
    if (closeStream) return;
    if (page.kind !== 'loopback') {
      // Seat mode: the session header rides on a fetch stream (EventSource sends no headers).
      closeStream = openLiveFetch({
        headers: () => authHeaders(page),
        onData,
        onDown: () => noteConnection(false),
        onUp: (afterDown) => {
          if (afterDown) cameBack();
        },
      });
      return;
    }
    const source = new EventSource(`/api/live?token=${encodeURIComponent(page.token)}`);
    let lostConnection = false;
    source.onmessage = (message: MessageEvent<string>) => onData(message.data);
    source.onerror = () => {
      lostConnection = true;
      noteConnection(false);
    };
    source.onopen = () => {
      if (!lostConnection) return;
      lostConnection = false;
      cameBack();
    };
    closeStream = () => source.close();
  }

  function closeLive(): void {
    closeStream?.();
    closeStream = null;
  }

  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
    let response: Response;
    try {
      response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeaders(page) },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      noteConnection(false);
      throw clientError(
        'client.unreachable',
        page.kind === 'loopback'
          ? '无法连接到 GridDesk 服务。请确认桌面应用或 griddesk 服务仍在运行。'
          : `无法连接到中心主机 ${page.host}。正在重试；填写的内容仍保留，请稍后再提交。`,
        page.kind === 'loopback'
          ? 'Cannot reach the GridDesk service. Check that the desktop app or the griddesk server is still running.'
          : `Cannot reach the centre's host ${page.host}. Retrying; what you typed is kept: submit again shortly.`,
      );
    }
    noteConnection(true);
    if (response.status === 401 && page.kind === 'loopback') throw missingTokenError();
    if (response.status === 401 && page.kind === 'seat' && method !== 'auth.signIn')
      noteSessionEnded();
    const result = await readAnswer(response);
    noteSessionAnswer(method, result);
    return result as ApiResult<M>;
  }

  return {
    transport: 'http',
    seat: page.kind === 'loopback' ? null : { host: page.host, display: page.kind === 'display' },
    ...(page.kind === 'seat'
      ? {
          uploadFile: (file: File, onProgress: (sent: number, total: number) => void) =>
            streamUpload(file, authHeaders(page), onProgress),
        }
      : {}),
    call,
    subscribe(listener) {
      listeners.add(listener);
      openLive();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) closeLive();
      };
    },
  };
}
