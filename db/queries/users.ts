/**
 * Desk accounts (用户) and their sign-in sessions. Password hashes are made and checked in
 * api/passwords.ts; here they are only stored. Session tokens are stored as SHA-256 only.
 */
import type { UserRole } from '../../core/glossary';
import type { Db } from '../open';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  unitCode: string | null;
  active: boolean;
  hasPassword: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

const USER_COLUMNS = `id, username, display_name AS displayName, role, unit_code AS unitCode,
  active, password_hash IS NOT NULL AS hasPassword, created_at AS createdAt, last_login_at AS lastLoginAt`;

type RawUser = Omit<UserRow, 'active' | 'hasPassword'> & { active: number; hasPassword: number };
const fromRaw = (raw: RawUser): UserRow => ({
  ...raw,
  active: raw.active === 1,
  hasPassword: raw.hasPassword === 1,
});

export function listUsers(db: Db): UserRow[] {
  return db
    .prepare<[], RawUser>(
      `SELECT ${USER_COLUMNS} FROM users ORDER BY role <> 'admin', role, username`,
    )
    .all()
    .map(fromRaw);
}

export function readUser(db: Db, id: number): UserRow | null {
  const raw = db
    .prepare<[number], RawUser>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`)
    .get(id);
  return raw ? fromRaw(raw) : null;
}

export function readUserByName(
  db: Db,
  username: string,
): (UserRow & { passwordHash: string | null }) | null {
  const raw = db
    .prepare<[string], RawUser & { passwordHash: string | null }>(
      `SELECT ${USER_COLUMNS}, password_hash AS passwordHash FROM users WHERE username = ?`,
    )
    .get(username);
  return raw ? { ...fromRaw(raw), passwordHash: raw.passwordHash } : null;
}

export function readPasswordHash(db: Db, userId: number): string | null {
  return (
    db
      .prepare<[number], string | null>('SELECT password_hash FROM users WHERE id = ?')
      .pluck()
      .get(userId) ?? null
  );
}

/** First run: no active account can sign in yet. */
export function anyUserHasPassword(db: Db): boolean {
  return (
    db
      .prepare('SELECT 1 FROM users WHERE password_hash IS NOT NULL AND active = 1 LIMIT 1')
      .get() !== undefined
  );
}

export function insertUser(
  db: Db,
  user: {
    username: string;
    displayName: string;
    role: UserRole;
    unitCode: string | null;
    passwordHash: string | null;
  },
  now: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO users (username, display_name, role, unit_code, password_hash, created_at)
         VALUES (@username, @displayName, @role, @unitCode, @passwordHash, @now)`,
      )
      .run({ ...user, now }).lastInsertRowid,
  );
}

export function updateUser(
  db: Db,
  id: number,
  changes: { displayName?: string; role?: UserRole; unitCode?: string | null; active?: boolean },
): void {
  const current = readUser(db, id);
  if (!current) return;
  db.prepare(
    'UPDATE users SET display_name = ?, role = ?, unit_code = ?, active = ? WHERE id = ?',
  ).run(
    changes.displayName ?? current.displayName,
    changes.role ?? current.role,
    changes.unitCode === undefined ? current.unitCode : changes.unitCode,
    (changes.active ?? current.active) ? 1 : 0,
    id,
  );
}

export function setPasswordHash(db: Db, userId: number, hash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
}

export function countActiveAdmins(db: Db): number {
  return db
    .prepare(
      "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND password_hash IS NOT NULL",
    )
    .pluck()
    .get() as number;
}

export function recordAudit(
  db: Db,
  at: number,
  actor: string,
  action: string,
  detail: unknown,
): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    at,
    actor,
    action,
    detail == null ? null : JSON.stringify(detail),
  );
}

/** What a seat signed in with: this desk's own window, a browser, or a desktop app joined to this host. */
export type SeatClient = 'app' | 'browser' | 'seat_app';

export interface SessionRow {
  id: number;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  lockedAt: number | null;
  endedAt: number | null;
}

export function insertSession(
  db: Db,
  tokenSha256: string,
  userId: number,
  transport: 'ipc' | 'http' | 'cli',
  now: number,
  seat: { address: string | null; client: SeatClient | null } = { address: null, client: null },
): number {
  db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, userId);
  return Number(
    db
      .prepare(
        `INSERT INTO sessions (token_sha256, user_id, transport, created_at, last_seen_at, address, client)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(tokenSha256, userId, transport, now, now, seat.address, seat.client).lastInsertRowid,
  );
}

export function readSessionByToken(db: Db, tokenSha256: string): SessionRow | null {
  return (
    db
      .prepare<[string], SessionRow>(
        `SELECT id, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt,
                locked_at AS lockedAt, ended_at AS endedAt
           FROM sessions WHERE token_sha256 = ?`,
      )
      .get(tokenSha256) ?? null
  );
}

export function touchSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, sessionId);
}

export function lockSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE sessions SET locked_at = ? WHERE id = ? AND locked_at IS NULL').run(
    now,
    sessionId,
  );
}

export function unlockSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE sessions SET locked_at = NULL, last_seen_at = ? WHERE id = ?').run(
    now,
    sessionId,
  );
}

export function endSession(db: Db, sessionId: number, now: number): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(
    now,
    sessionId,
  );
}

/** A user switched off or given a new password: their open sessions end. */
export function endUserSessions(
  db: Db,
  userId: number,
  now: number,
  exceptSessionId: number | null = null,
): void {
  db.prepare(
    'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?',
  ).run(now, userId, exceptSessionId);
}

export function readIdleLockMinutes(db: Db): number {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get('auth.idleLockMinutes');
  const minutes = value ? Number(JSON.parse(value)) : 15;
  return Number.isFinite(minutes) && minutes >= 1 ? minutes : 15;
}
