/**
 * Wall-display keys (大屏密钥, issue 13): made by an admin, shown once, kept as SHA-256 with
 * a short prefix to tell them apart; revoked, never deleted (migration 8's triggers).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../open';

export interface DisplayKeyRow {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

const COLUMNS = `id, name, key_prefix AS keyPrefix, created_at AS createdAt, created_by AS createdBy,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt, revoked_by AS revokedBy`;

export const hashDisplayKey = (key: string): string =>
  createHash('sha256').update(key).digest('hex');

/** How many characters of a key are kept in clear, to tell keys apart in a list. */
export const DISPLAY_KEY_PREFIX_LENGTH = 6;

export function insertDisplayKey(
  db: Db,
  key: string,
  name: string,
  createdBy: string,
  now: number,
): DisplayKeyRow {
  const id = Number(
    db
      .prepare(
        `INSERT INTO display_keys (name, key_sha256, key_prefix, created_at, created_by)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(name, hashDisplayKey(key), key.slice(0, DISPLAY_KEY_PREFIX_LENGTH), now, createdBy)
      .lastInsertRowid,
  );
  return readDisplayKey(db, id)!;
}

export function readDisplayKey(db: Db, id: number): DisplayKeyRow | null {
  return (
    db
      .prepare<[number], DisplayKeyRow>(`SELECT ${COLUMNS} FROM display_keys WHERE id = ?`)
      .get(id) ?? null
  );
}

export function listDisplayKeys(db: Db): DisplayKeyRow[] {
  return db
    .prepare<[], DisplayKeyRow>(
      `SELECT ${COLUMNS} FROM display_keys ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`,
    )
    .all();
}

/** The key presented by a display: its row when it exists and is not revoked. */
export function findLiveDisplayKey(db: Db, key: string): DisplayKeyRow | null {
  if (key.length < 16 || key.length > 200) return null;
  return (
    db
      .prepare<[string], DisplayKeyRow>(
        `SELECT ${COLUMNS} FROM display_keys WHERE key_sha256 = ? AND revoked_at IS NULL`,
      )
      .get(hashDisplayKey(key)) ?? null
  );
}

/** The row a key (or its id) names, revoked or not, for `revoke`. */
export function findDisplayKey(db: Db, keyOrId: string): DisplayKeyRow | null {
  const byKey = db
    .prepare<[string], DisplayKeyRow>(`SELECT ${COLUMNS} FROM display_keys WHERE key_sha256 = ?`)
    .get(hashDisplayKey(keyOrId));
  if (byKey) return byKey;
  return /^\d+$/.test(keyOrId) ? readDisplayKey(db, Number(keyOrId)) : null;
}

export function revokeDisplayKey(db: Db, id: number, by: string, now: number): boolean {
  return (
    db
      .prepare(
        'UPDATE display_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
      )
      .run(now, by, id).changes === 1
  );
}

/** Written at most once a minute per key, so a display's reads stay reads. */
export function touchDisplayKey(db: Db, id: number, now: number): void {
  db.prepare(
    'UPDATE display_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  ).run(now, id, now - 60_000);
}
