/**
 * A joined seat's API (issue 13): each window's calls go to the centre's host over HTTPS
 * (electron/seat-client.ts), so the IPC path and the HTTPS path carry the same API and the same
 * session rules: the host checks every call. Main keeps each window's session token, as on
 * a desk of its own, so the token never reaches a page. No Electron here: tested under Node.
 */
import { isMethodName, type ApiErrorPayload, type LiveEvent } from '../api/contract';
import { takeIssuedToken } from '../api/sessions';
import type { LiveStream, SeatClient } from './seat-client';
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
  const streams = new Map<number, LiveStream>();
  /** Per window: did its last call reach the host; is its stream up (absent: no stream). */
  const lastCall = new Map<number, boolean>();
  const streamUp = new Map<number, boolean>();
  const shown = new Map<number, boolean>();

  /** Reachable only when calls get through and the stream (if any) is up: never "live" early. */
  function report(windowId: number): void {
    const now = (lastCall.get(windowId) ?? true) && streamUp.get(windowId) !== false;
    const before = shown.get(windowId);
    if (before === now) return;
    shown.set(windowId, now);
    output.connection(windowId, now);
    // Back after a loss: whatever the window shows may be old, so it refreshes.
    if (now && before === false) output.live(windowId, { type: 'data.changed', at: Date.now() });
  }

  function stopLive(windowId: number): void {
    streams.get(windowId)?.stop();
    streams.delete(windowId);
    streamUp.delete(windowId);
  }

  function startLive(windowId: number): void {
    stopLive(windowId);
    const token = sessions.get(windowId);
    streams.set(
      windowId,
      client.live(
        () => sessions.get(windowId) ?? null,
        (event) => output.live(windowId, event),
        (state) => {
          if (state === 'ended') {
            // The host refused this stream's session: ended, unless a newer one replaced it.
            if (sessions.get(windowId) === token) endSession(windowId);
          } else {
            streamUp.set(windowId, state === 'connected');
          }
          report(windowId);
        },
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
      const token = sessions.get(windowId) ?? null;
      const reply = await client.call(method, input, token);
      const reached = reply.ok || reply.error.code !== 'host_unreachable';
      lastCall.set(windowId, reached);
      // A call got through while the stream waits to retry: retry it now.
      if (reached && streamUp.get(windowId) === false) streams.get(windowId)?.retryNow();
      if (!reply.ok) {
        // A late refusal of an older session never ends the one signed in since.
        if (SESSION_ENDED.has(reply.error.code) && token && sessions.get(windowId) === token)
          endSession(windowId);
        report(windowId);
        return reply;
      }
      const { result, token: issued } = takeIssuedToken(reply.result);
      if (issued) {
        sessions.set(windowId, issued);
        startLive(windowId);
      }
      if (method === 'auth.signOut') endSession(windowId);
      report(windowId);
      return { ok: true, result };
    },

    /** Some window's session, for what the host serves to any signed-in seat (tiles). */
    anySession(): string | null {
      for (const token of sessions.values()) return token;
      return null;
    },

    /** The window closed: its stream ends (its session stays valid at the host until it expires). */
    closeWindow(windowId: number): void {
      endSession(windowId);
      lastCall.delete(windowId);
      shown.delete(windowId);
    },

    stop(): void {
      for (const id of [...streams.keys()]) stopLive(id);
      sessions.clear();
    },
  };
}

export type SeatForwarder = ReturnType<typeof createSeatForwarder>;
