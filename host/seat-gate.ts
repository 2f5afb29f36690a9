/**
 * Who may use the host in seat mode (issue 13). There is no URL token: every API call and
 * the live stream need a signed-in seat session (X-GridDesk-Session) or a wall display's
 * key (X-GridDesk-Display, or ?display= where a header cannot be sent), except auth.status
 * and auth.signIn. A locked session may only unlock or sign out. First-run setup is not
 * offered over the network: the first seat to connect would become the administrator.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiErrorPayload } from '../api/contract';
import type { ApiContext } from '../api/context';
import { displayContext, displayMayCall, displayRefusal } from '../api/seats/display-access';
import { contextForSession, SESSION_HEADER } from '../api/sessions';
import { findLiveDisplayKey, touchDisplayKey } from '../db/queries/display-keys';
import type { SeatClient } from '../db/queries/users';

export const DISPLAY_HEADER = 'x-griddesk-display';
/** A desktop app joined to this host says so, so its events are told from a browser's. */
export const CLIENT_HEADER = 'x-griddesk-client';

const WITHOUT_SESSION = new Set(['auth.status', 'auth.signIn']);
const WHILE_LOCKED = new Set(['auth.status', 'auth.unlock', 'auth.signOut', 'auth.lock']);

export type Gate =
  | { ok: true; context: ApiContext; seatKey: string | null }
  | { ok: false; status: number; error: ApiErrorPayload };

const refused = (status: number, code: string, zh: string, en: string): Gate => ({
  ok: false,
  status,
  error: { code, message: { zh, en } },
});

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The seat's own context: its address and kind of client; its paths are limited (path-rules). */
function seatBase(base: ApiContext, request: IncomingMessage): ApiContext {
  const client: SeatClient = header(request, CLIENT_HEADER) === 'seat-app' ? 'seat_app' : 'browser';
  return { ...base, address: request.socket.remoteAddress ?? null, client };
}

/**
 * The context a call (method) or the live stream (method null) runs in, or why it is
 * refused. `displayKey` is the key from the header or, for the stream and tiles, the query.
 */
export function gateSeatRequest(
  base: ApiContext,
  request: IncomingMessage,
  method: string | null,
  queryDisplayKey: string | null = null,
): Gate {
  const seat = seatBase(base, request);
  const displayKey = header(request, DISPLAY_HEADER) ?? queryDisplayKey;
  if (displayKey) {
    const display = findLiveDisplayKey(base.db, displayKey);
    if (!display)
      return refused(
        401,
        'display_key_unknown',
        '大屏密钥无效或已被吊销：请向管理员索取新的大屏链接。',
        'This display key is unknown or has been revoked: ask the administrator for a new display link.',
      );
    if (method !== null && !displayMayCall(method)) {
      const error = displayRefusal(method);
      return { ok: false, status: 403, error: { code: error.code, message: error.sentence } };
    }
    try {
      touchDisplayKey(base.db, display.id, base.now());
    } catch {
      // Only a "last used" time: never a reason to refuse a read.
    }
    return { ok: true, context: displayContext(seat, display), seatKey: `display:${display.id}` };
  }
  if (method === 'auth.setupAdmin')
    return refused(
      403,
      'setup_on_host_only',
      '不能通过网络设置管理员密码：请在主机上的 GridDesk 中设置，或运行 griddesk user set-password。',
      "The administrator's password cannot be set over the network: set it in GridDesk on the host, or with griddesk user set-password.",
    );
  const context = contextForSession(seat, header(request, SESSION_HEADER));
  const session = context.session;
  const withPaths = (c: ApiContext): ApiContext => ({
    ...c,
    remoteSeat: { uploadsKey: session ? `s${session.id}` : 'anonymous' },
  });
  if (method !== null && WITHOUT_SESSION.has(method))
    return {
      ok: true,
      context: withPaths(context),
      seatKey: session ? `session:${session.id}` : null,
    };
  if (!session)
    return refused(
      401,
      'sign_in_required',
      '请先登录：本中心工作台的每个坐席都需要登录（登录已过期时请重新登录）。',
      "Sign in first: every seat on this centre's desk needs a signed-in session (sign in again if it expired).",
    );
  if (session.locked && (method === null || !WHILE_LOCKED.has(method)))
    return refused(
      401,
      'session_locked',
      '屏幕已锁定：请输入密码解锁后再操作。',
      'The screen is locked: unlock it with your password first.',
    );
  return { ok: true, context: withPaths(context), seatKey: `session:${session.id}` };
}
