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
  lockSession,
  touchSession,
  unlockSession,
  type SessionRow,
} from '../db/queries/users';
import { ANONYMOUS_ACTOR, type Actor, type ApiContext } from './context';
import {
  changeHeldSession,
  heldSessionByToken,
  holdStoredSessionChange,
  withHeldChanges,
  holdSession,
  isHeldWriteError,
} from './held-writes';

import { useDeskBusyTimeout } from './exchange/import-jobs';

function changeFields(change: 'end' | 'lock' | 'unlock', now: number): Partial<SessionRow> {
  if (change === 'end') return { endedAt: now };
  if (change === 'lock') return { lockedAt: now };
  return { lockedAt: null, lastSeenAt: now };
}

/** The HTTP header that carries a tab's session token (beside the host's per-start token). */
export const SESSION_HEADER = 'x-griddesk-session';

/** Where a sign-in result carries the new token; the IPC transport keeps it and strips it. */
export const SESSION_TOKEN_FIELD = 'sessionToken';

/** A session unused this long has ended (the desk was left; the idle lock came long before). */
const SESSION_MAX_IDLE_MS = 12 * HOUR_MS;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function issueSession(context: ApiContext, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  const hash = hashSessionToken(token);
  try {
    insertSession(context.db, hash, userId, context.transport, context.now(), {
      address: context.address && context.address !== 'local' ? context.address : null,
      client:
        context.client ??
        (context.transport === 'ipc' ? 'app' : context.transport === 'http' ? 'browser' : null),
    });
  } catch (error) {
    // A store held read-only or locked by an import: the session lives in memory (held-writes).
    if (!isHeldWriteError(error)) throw error;
    holdSession(context.db, hash, userId, context.now());
  }
  return token;
}

/** Ends, locks or unlocks a session, stored or held in memory. */
export function changeSession(
  context: ApiContext,
  sessionId: number,
  change: 'end' | 'lock' | 'unlock',
): void {
  const now = context.now();
  if (sessionId < 0) {
    changeHeldSession(context.db, sessionId, changeFields(change, now));
    return;
  }
  try {
    if (change === 'end') endSession(context.db, sessionId, now);
    else if (change === 'lock') lockSession(context.db, sessionId, now);
    else unlockSession(context.db, sessionId, now);
  } catch (error) {
    if (!isHeldWriteError(error)) throw error;
    // The store takes no write now: the change waits in memory on a copy of the session.
    holdStoredSessionChange(context.db, sessionId, changeFields(change, now));
  }
}

function actorOfUser(user: {
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
  const hash = hashSessionToken(token);
  const stored = readSessionByToken(base.db, hash);
  const session = withHeldChanges(base.db, stored) ?? heldSessionByToken(base.db, hash);
  if (!session || session.endedAt != null) return anonymous;
  if (now - session.lastSeenAt > SESSION_MAX_IDLE_MS) {
    changeSession(base, session.id, 'end');
    return anonymous;
  }
  const user = readUser(base.db, session.userId);
  if (!user || !user.active || !user.hasPassword) return anonymous;
  const locked = session.lockedAt != null;
  if (!locked && now - session.lastSeenAt > TOUCH_EVERY_MS) {
    if (session.id < 0) changeHeldSession(base.db, session.id, { lastSeenAt: now });
    else {
      try {
        touchSession(base.db, session.id, now);
      } catch (error) {
        // While an import holds the write lock, or the store is held read-only, the touch
        // waits for a later call: it only keeps the idle clock, and no call may fail for it.
        if (!isHeldWriteError(error)) throw error;
      }
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
