/**
 * A joined seat's API (issue 13): each window's calls go to the centre's host over HTTPS
 * (electron/seat-client.ts), so the IPC path and the HTTPS path carry the same API and the same
 * session rules: the host checks every call. Main keeps each window's session token, as on
 * a desk of its own, so the token never reaches a page. No Electron here: tested under Node.
 */
import { isMethodName, type ApiErrorPayload, type LiveEvent } from '../api/contract';
import { takeIssuedToken } from '../api/sessions';
import type { SeatClient } from './seat-client';
import type { CallReply } from './channels';

export interface SeatForwarderOutput {
  live(windowId: number, event: LiveEvent): void;
  /** The host reachable (true) or lost (false) for this window; sent on each change. */
  connection(windowId: number, reachable: boolean): void;
}

/** The code the host answers once the window's session is gone (signed out, expired). */
const SESSION_ENDED = new Set(['sign_in_required']);

function unknownMethod(method: unknown): ApiErrorPayload {
  const name = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
  return {
    code: 'unknown_method',
    message: { zh: `没有名为 ${name} 的接口。`, en: `There is no API method named ${name}.` },
  };
}

export function createSeatForwarder(client: SeatClient, output: SeatForwarderOutput) {
  const sessions = new Map<number, string>();
  const streams = new Map<number, () => void>();
  const reachable = new Map<number, boolean>();

  function note(windowId: number, now: boolean): void {
    if (reachable.get(windowId) === now) return;
    const before = reachable.get(windowId);
    reachable.set(windowId, now);
    output.connection(windowId, now);
    // Back after a loss: whatever the window shows may be old, so it refreshes.
    if (now && before === false) output.live(windowId, { type: 'data.changed', at: Date.now() });
  }

  function stopLive(windowId: number): void {
    streams.get(windowId)?.();
    streams.delete(windowId);
  }

  function startLive(windowId: number): void {
    stopLive(windowId);
    streams.set(
      windowId,
      client.live(
        () => sessions.get(windowId) ?? null,
        (event) => output.live(windowId, event),
        (state) => note(windowId, state === 'connected'),
      ),
    );
  }

  function endSession(windowId: number): void {
    sessions.delete(windowId);
    stopLive(windowId);
  }

  return {
    async call(windowId: number, method: unknown, input: unknown): Promise<CallReply> {
      if (typeof method !== 'string' || !isMethodName(method))
        return { ok: false, error: unknownMethod(method) };
      const reply = await client.call(method, input, sessions.get(windowId) ?? null);
      if (!reply.ok) {
        note(windowId, reply.error.code !== 'host_unreachable');
        if (SESSION_ENDED.has(reply.error.code)) endSession(windowId);
        return reply;
      }
      note(windowId, true);
      const { result, token } = takeIssuedToken(reply.result);
      if (token) {
        sessions.set(windowId, token);
        startLive(windowId);
      }
      if (method === 'auth.signOut') endSession(windowId);
      return { ok: true, result };
    },

    /** The window closed: its stream ends (its session stays valid at the host until it expires). */
    closeWindow(windowId: number): void {
      endSession(windowId);
      reachable.delete(windowId);
    },

    stop(): void {
      for (const id of [...streams.keys()]) stopLive(id);
      sessions.clear();
    },
  };
}

export type SeatForwarder = ReturnType<typeof createSeatForwarder>;
