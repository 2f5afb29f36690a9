/**
 * What the desk remembers when its store cannot take a write (记忆中的会话与审计): while a
 * damaged store is held read-only, or an import holds the write lock, people must still be
 * able to sign in, unlock and sign out (above all the admin who is about to restore the
 * backup). Their sessions live in this process's memory until it ends; their sign-in audit
 * rows wait here and are written the moment the store takes writes again, so every
 * attempt still reaches the audit log. Nothing here is a second store: it holds minutes of
 * state, never cases.
 */
import type { SessionRow } from '../db/queries/users';
import type { SignInAction, SignInAuditDetail } from '../db/queries/sign-in-audit';
import { recordSignInAttempt } from '../db/queries/sign-in-audit';
import type { Db } from '../db/open';

/** SQLite refused the write for now (read-only store, or another writer's lock). */
export function isHeldWriteError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_BUSY');
}

interface HeldAudit {
  at: number;
  actor: string;
  action: SignInAction;
  detail: SignInAuditDetail;
}

interface Held {
  sessions: Map<string, SessionRow>;
  /** Lock, unlock and end of stored sessions that the store could not take. */
  storedChanges: Map<number, Partial<SessionRow>>;
  audit: HeldAudit[];
  nextId: number;
}

const heldByDb = new WeakMap<Db, Held>();

function heldOf(db: Db): Held {
  let held = heldByDb.get(db);
  if (!held) {
    held = { sessions: new Map(), storedChanges: new Map(), audit: [], nextId: -1 };
    heldByDb.set(db, held);
  }
  return held;
}

/** A session kept in memory: its id is negative, so it never meets a stored one. */
export function holdSession(db: Db, tokenSha256: string, userId: number, now: number): number {
  const held = heldOf(db);
  const id = held.nextId--;
  held.sessions.set(tokenSha256, {
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    lockedAt: null,
    endedAt: null,
  });
  return id;
}

export function heldSessionByToken(db: Db, tokenSha256: string): SessionRow | null {
  return heldByDb.get(db)?.sessions.get(tokenSha256) ?? null;
}

/** Applies a change to a held session (touch, lock, unlock, end) by its id. */
export function changeHeldSession(db: Db, id: number, change: Partial<SessionRow>): void {
  for (const session of heldByDb.get(db)?.sessions.values() ?? [])
    if (session.id === id) Object.assign(session, change);
}

/** A change to a stored session that waits in memory (the store takes no write now). */
export function holdStoredSessionChange(db: Db, id: number, change: Partial<SessionRow>): void {
  const changes = heldOf(db).storedChanges;
  changes.set(id, { ...changes.get(id), ...change });
}

/** A stored session as this process knows it, with the changes the store could not take. */
export function withHeldChanges(db: Db, session: SessionRow | null): SessionRow | null {
  if (!session) return null;
  const change = heldByDb.get(db)?.storedChanges.get(session.id);
  return change ? { ...session, ...change } : session;
}

export function holdAudit(db: Db, row: HeldAudit): void {
  heldOf(db).audit.push(row);
}

/** The attempts waiting to be written, for the throttle to count with the stored ones. */
export function heldAudit(db: Db): readonly HeldAudit[] {
  return heldByDb.get(db)?.audit ?? [];
}

/** Writes the waiting audit rows, oldest first, when the store takes them; else keeps them. */
export function flushHeldAudit(db: Db): void {
  const held = heldByDb.get(db);
  if (!held || held.audit.length === 0) return;
  try {
    db.transaction(() => {
      for (const row of held.audit)
        recordSignInAttempt(db, row.at, row.actor, row.action, { ...row.detail, held: true });
    })();
    held.audit = [];
  } catch (error) {
    if (!isHeldWriteError(error)) throw error;
  }
}
