/**
 * The two IPC channels between preload and main, and the shape of a call's reply. Shared by
 * both sides; imports nothing at run time, so the sandboxed preload bundle stays tiny.
 */
import type { ApiErrorPayload } from '../api/contract';

/** Renderer → main: `invoke(CALL_CHANNEL, method, input)` answers a CallReply. */
export const CALL_CHANNEL = 'griddesk:call';

/** Main → renderer: one LiveEvent per message. */
export const LIVE_CHANNEL = 'griddesk:live';

/** Never a thrown error across IPC: Electron would put the main process's stack in it. */
export type CallReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

/** Main → renderer (a joined seat): the centre's host reachable (true) or lost (false). */
export const CONNECTION_CHANNEL = 'griddesk:connection';

/** Renderer → main, synchronous at preload time: which desk this is (api/contract/desk). */
export const DESK_STATE_CHANNEL = 'griddesk:desk-state';

/** Renderer → main: the first screen's actions, `invoke(DESK_CHANNEL, action, input)`. */
export const DESK_CHANNEL = 'griddesk:desk';

export type DeskAction = 'probe' | 'join' | 'createLocal' | 'leave';
