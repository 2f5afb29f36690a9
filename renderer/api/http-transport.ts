/**
 * Browser mode: the one API over the loopback HTTP host.
 *
 *   POST /api/call/<method>   body: the input as JSON; header `Authorization: Bearer <token>`
 *                             answer: `{ ok: true, result }` or `{ ok: false, error: ApiErrorPayload }`
 *   GET  /api/live?token=…    Server-Sent Events; each unnamed `message` event's data is one
 *                             LiveEvent as JSON. EventSource reconnects by itself; after a
 *                             reconnect we tell listeners `data.changed`, since events may
 *                             have been missed while the line was down.
 */
import type { ApiInput, ApiResult, GriddeskApi, LiveEvent, MethodName } from '../../api/contract';
import { ApiError, clientError, isApiErrorPayload } from './api-error';
import { noteSessionAnswer, readSessionToken } from './session-store';

/** This tab's sign-in (X-GridDesk-Session), beside the host's per-start token. */
function sessionHeader(): Record<string, string> {
  const session = readSessionToken();
  return session ? { 'X-GridDesk-Session': session } : {};
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
    '此页面缺少访问令牌。请用桌面应用或命令行给出的完整地址（含 ?token=…）打开。',
    'This page has no access token. Open it with the full address (with ?token=…) that the desktop app or the command line gave you.',
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

export function createHttpTransport(token: string | null): GriddeskApi {
  const listeners = new Set<LiveListener>();
  let source: EventSource | null = null;
  let lostConnection = false;

  function announce(event: LiveEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function openLive(): void {
    if (source || !token) return;
    source = new EventSource(`/api/live?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return; // Not ours (or a heartbeat with data): ignore.
      }
      if (isLiveEvent(event)) announce(event);
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      if (!lostConnection) return;
      lostConnection = false;
      announce({ type: 'data.changed', at: Date.now() });
    };
  }

  function closeLive(): void {
    source?.close();
    source = null;
    lostConnection = false;
  }

  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
    if (!token) throw missingTokenError();
    let response: Response;
    try {
      response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...sessionHeader(),
        },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      throw clientError(
        'client.unreachable',
        '无法连接到 GridDesk 服务。请确认桌面应用或 griddesk 服务仍在运行。',
        'Cannot reach the GridDesk service. Check that the desktop app or the griddesk server is still running.',
      );
    }
    const result = await readAnswer(response);
    noteSessionAnswer(method, result);
    return result as ApiResult<M>;
  }

  return {
    transport: 'http',
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
