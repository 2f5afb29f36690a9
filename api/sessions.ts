/**
 * Sign-in sessions (登录会话). Each window (IPC) or browser tab (HTTP) holds its own random
 * token; the database keeps only its SHA-256. A transport calls contextForSession() per call,
 * so every case event carries the user who made it, and two tabs can be two users.
 * A locked session (idle lock, 锁屏) reads like a window nobody signed in to, until unlocked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HOUR_MS } from '../core/time';
import {
  endSession,
  insertSession,
  readSessionByToken,
  readUser,
  touchSession,
} from '../db/queries/users';
import { ANONYMOUS_ACTOR, type Actor, type ApiContext } from './context';
import { isBusyError } from './errors';
import { useDeskBusyTimeout } from './exchange/import-jobs';

/** The HTTP header that carries a tab's session token (beside the host's per-start token). */
export const SESSION_HEADER = 'x-griddesk-session';

/** Where a sign-in result carries the new token; the IPC transport keeps it and strips it. */
export const SESSION_TOKEN_FIELD = 'sessionToken';

/** A session unused this long has ended (the desk was left; the idle lock came long before). */
export const SESSION_MAX_IDLE_MS = 12 * HOUR_MS;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function issueSession(context: ApiContext, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  insertSession(context.db, hashSessionToken(token), userId, context.transport, context.now());
  return token;
}

export function actorOfUser(user: {
  id: number;
  displayName: string;
  role: Actor['role'];
  unitCode: string | null;
}): Actor {
  return { userId: user.id, name: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** The context for one call made with `token` (or none). */
export function contextForSession(base: ApiContext, token: string | null | undefined): ApiContext {
  // The session's touch writes too: never a five-second wait behind another program's import.
  useDeskBusyTimeout(base.db);
  const anonymous = { ...base, actor: ANONYMOUS_ACTOR, session: null };
  if (!token || token.length > 200) return anonymous;
  const now = base.now();
  const session = readSessionByToken(base.db, hashSessionToken(token));
  if (!session || session.endedAt != null) return anonymous;
  if (now - session.lastSeenAt > SESSION_MAX_IDLE_MS) {
    endSession(base.db, session.id, now);
    return anonymous;
  }
  const user = readUser(base.db, session.userId);
  if (!user || !user.active || !user.hasPassword) return anonymous;
  const locked = session.lockedAt != null;
  if (!locked && now - session.lastSeenAt > TOUCH_EVERY_MS) {
    try {
      touchSession(base.db, session.id, now);
    } catch (error) {
      // While an import holds the write lock the touch waits for a later call: it only keeps
      // the idle clock, and a sign-in must not fail for it.
      if (!isBusyError(error)) throw error;
    }
  }
  return {
    ...base,
    actor: locked ? ANONYMOUS_ACTOR : actorOfUser(user),
    session: { id: session.id, userId: user.id, locked },
  };
}

/**
 * For transports that keep the token themselves (IPC): the result without the token, and
 * the token when the call issued one.
 */
export function takeIssuedToken(result: unknown): { result: unknown; token: string | null } {
  if (typeof result !== 'object' || result === null || !(SESSION_TOKEN_FIELD in result)) {
    return { result, token: null };
  }
  const { [SESSION_TOKEN_FIELD]: token, ...rest } = result as Record<string, unknown>;
  return { result: rest, token: typeof token === 'string' ? token : null };
}
