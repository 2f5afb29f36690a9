/**
 * The preload: exposes `window.griddesk` (the GriddeskApi of api/contract) and
 * `window.griddeskDesk` (the first screen's DeskChooser) to the page and nothing else; no
 * Node, no ipcRenderer. Bundled by scripts/build-electron.mjs into one
 * CommonJS file that requires only 'electron' (a sandboxed preload can require no more).
 *
 * Errors: a failed call rejects with a plain Error whose message is the JSON of an
 * ApiErrorPayload, because the contextBridge copies only an Error's message (it may prefix
 * it) and drops any other property. In the renderer, read it back with
 * `readApiErrorPayload(error)` from api/contract/api-error (parses the JSON between the
 * first '{' and the last '}' of `error.message`; null when the error is not an API error).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ApiErrorPayload,
  ApiInput,
  ApiResult,
  DeskChooser,
  DeskMode,
  GriddeskApi,
  LiveEvent,
  MethodName,
  ProbedHost,
} from '../api/contract';
import { encodeApiErrorMessage } from '../api/contract/api-error';
import {
  CALL_CHANNEL,
  CONNECTION_CHANNEL,
  DESK_CHANNEL,
  DESK_STATE_CHANNEL,
  LIVE_CHANNEL,
  type CallReply,
  type DeskAction,
} from './channels';

const TRANSPORT_FAILED: ApiErrorPayload = {
  code: 'transport_failed',
  message: {
    zh: '界面与程序之间的通信失败，操作可能未完成。请重新加载（Ctrl+R）后再试。',
    en: 'The window lost contact with GridDesk; the action may not have completed. Reload (Ctrl+R) and try again.',
  },
};

function apiFailure(payload: ApiErrorPayload): Error {
  return new Error(encodeApiErrorMessage(payload));
}

// Which desk this window is on, asked once before the page runs (a seat's sign-in gate
// depends on it from the first render).
const desk = ipcRenderer.sendSync(DESK_STATE_CHANNEL) as DeskMode;

async function deskAction(action: DeskAction, input?: unknown): Promise<unknown> {
  let reply: CallReply;
  try {
    reply = (await ipcRenderer.invoke(DESK_CHANNEL, action, input)) as CallReply;
  } catch {
    throw apiFailure(TRANSPORT_FAILED);
  }
  if (reply.ok) return reply.result;
  throw apiFailure(reply.error);
}

const api = {
  transport: 'ipc' as const,
  seat: desk.mode === 'seat' ? { host: desk.host, display: false } : null,

  onConnection(listener: (reachable: boolean) => void): () => void {
    const forward = (_ipcEvent: IpcRendererEvent, reachable: boolean) => listener(reachable);
    ipcRenderer.on(CONNECTION_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(CONNECTION_CHANNEL, forward);
    };
  },

  async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
    let reply: CallReply;
    try {
      reply = (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as CallReply;
    } catch {
      // The main process answered with an exception (e.g. a result it could not clone):
      // its message may hold a stack, so the page gets a sentence instead.
      throw apiFailure(TRANSPORT_FAILED);
    }
    if (reply.ok) return reply.result as ApiResult<M>;
    throw apiFailure(reply.error);
  },

  subscribe(listener: (event: LiveEvent) => void): () => void {
    // The IPC event (with its sender) stays here; the page receives the LiveEvent only.
    const forward = (_ipcEvent: IpcRendererEvent, liveEvent: LiveEvent) => listener(liveEvent);
    ipcRenderer.on(LIVE_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(LIVE_CHANNEL, forward);
    };
  },
} satisfies GriddeskApi;

const chooser = {
  state: desk,
  probe: (address: string) => deskAction('probe', { address }) as Promise<ProbedHost>,
  join: (host: ProbedHost) => deskAction('join', host).then(() => undefined),
  createLocal: () => deskAction('createLocal').then(() => undefined),
  leave: () => deskAction('leave').then(() => undefined),
} satisfies DeskChooser;

contextBridge.exposeInMainWorld('griddesk', api);
contextBridge.exposeInMainWorld('griddeskDesk', chooser);
