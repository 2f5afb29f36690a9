/**
 * The IPC transport for api/: one channel in (`griddesk:call`), one out (`griddesk:live`).
 * Main checks who is calling before anything else (VS Code's rule: validate at the edge),
 * then hands the call to api/invoke like every other transport. A reply is always a value,
 * never a thrown error, so no stack from the main process ever reaches a page.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiContext } from '../api/context';
import { isMethodName, type ApiErrorPayload } from '../api/contract';
import { toErrorPayload, UserError } from '../api/errors';
import { invoke } from '../api/invoke';
import { watchExternalWrites } from '../api/live';
import { contextForSession, takeIssuedToken } from '../api/sessions';
import { isAppUrl } from './app-url';
import { CALL_CHANNEL, LIVE_CHANNEL, type CallReply } from './channels';
import { logError, logLine } from './log';

interface IpcTransportOptions {
  /** Our windows: the only callers answered, and the receivers of live events. */
  windows: () => BrowserWindow[];
}

/** The caller must be the top frame of one of our windows, showing app://griddesk/. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  windows: BrowserWindow[],
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
  return windows.some((window) => window.webContents === event.sender);
}

export function describeSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    return event.senderFrame?.url ?? '(a frame that is gone)';
  } catch {
    return '(a frame that is gone)';
  }
}

export const REFUSED_SENDER: ApiErrorPayload = {
  code: 'forbidden_sender',
  message: {
    zh: '此页面无权调用 GridDesk 的接口。',
    en: 'This page is not allowed to call GridDesk.',
  },
};

function unknownMethod(method: unknown): UserError {
  const name = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
  return new UserError('unknown_method', {
    zh: `没有名为 ${name} 的接口。`,
    en: `There is no API method named ${name}.`,
  });
}

/**
 * Every IPC handler's frame: the sender checked first (refused in a sentence, noted in the
 * log), then the work; whatever it throws comes back as a sentence, never a stack.
 */
export async function answerTrusted(
  event: IpcMainInvokeEvent,
  windows: BrowserWindow[],
  work: () => Promise<CallReply>,
): Promise<CallReply> {
  try {
    if (!isTrustedSender(event, windows)) {
      logLine('warn', `refused an IPC call from ${describeSender(event)}`);
      return { ok: false, error: REFUSED_SENDER };
    }
    return await work();
  } catch (error) {
    return { ok: false, error: toErrorPayload(error, logError) };
  }
}

/** Registers the handler and starts the live feed; returns a stop function for quitting. */
export function startIpcTransport(context: ApiContext, options: IpcTransportOptions): () => void {
  /** webContents id → that window's session token (api/sessions.ts). */
  const sessions = new Map<number, string>();
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown): Promise<CallReply> =>
    answerTrusted(event, options.windows(), async () => {
      if (typeof method !== 'string' || !isMethodName(method)) throw unknownMethod(method);
      // Each window signs in on its own; the token never reaches the page.
      const senderId = event.sender.id;
      const callContext = contextForSession(
        { ...context, address: 'local' },
        sessions.get(senderId),
      );
      const answer = await invoke(callContext, method, input);
      const { result, token } = takeIssuedToken(answer);
      if (token) {
        if (!sessions.has(senderId))
          event.sender.once('destroyed', () => sessions.delete(senderId));
        sessions.set(senderId, token);
      }
      if (method === 'auth.signOut') sessions.delete(senderId);
      return { ok: true, result };
    }),
  );

  const stopForwarding = context.live.subscribe((liveEvent) => {
    for (const window of options.windows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(LIVE_CHANNEL, liveEvent);
    }
  });
  // Writes by another process (the CLI importing while the app is open) show up live too.
  const stopWatching = watchExternalWrites(context.db, context.live, context.now);

  return () => {
    stopWatching();
    stopForwarding();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
