/**
 * Opening the case store: pragmas, refuse-newer, backup, then numbered migrations in one
 * transaction. The one place that decides how a database file becomes a connection.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { canonicalText, eventChainText, type SqlValue } from '../core/integrity/canonical';
import { BackupError } from './backup/backup-errors';
import { createBackupSync } from './backup/create-backup';
import { DatabaseOpenError } from './errors';
import { damagedSentence } from './store-health';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** The app's version, written into app_meta on migration. */
  appVersion: string;
  /** Epoch ms, for backup file names and meta (time is passed in, never read here). */
  now: number;
  /** better-sqlite3 binary built for another ABI (Electron); see README's packaging notes. */
  nativeBinding?: string;
  readonly?: boolean;
  /** The migration list; only tests pass another one. */
  migrations?: readonly Migration[];
}

export interface OpenResult {
  db: Db;
  /** True when the file did not exist, or held no schema, before this open. */
  created: boolean;
  /** Migrations applied by this open. */
  migrated: number[];
  /** Where the pre-migration backup went, if one was taken. */
  backupPath: string | null;
}

export function openDatabase(file: string, options: OpenOptions): OpenResult {
  const existed = file !== ':memory:' && fs.existsSync(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new DatabaseOpenError(
      `无法打开数据库文件 ${file}：${(error as Error).message} (cannot open the database file)`,
      'unreadable',
    );
  }
  try {
    registerAppFunctions(db);
    applyPragmas(db, options.readonly ?? false);
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new DatabaseOpenError(
        `数据库 ${file} 由更新版本的 GridDesk 创建（结构版本 ${current}，本程序支持到 ${latest}），请升级程序后再打开。` +
          ` (This database was made by a newer GridDesk: schema ${current}, this app knows up to ${latest}.)`,
        'too_new',
      );
    }
    const pending = migrations.filter((m) => m.version > current);
    let backupPath: string | null = null;
    if (pending.length > 0 && options.readonly) {
      throw new DatabaseOpenError(
        `数据库 ${file} 需要升级结构，只读方式无法打开。(The database needs a schema upgrade and was opened read-only.)`,
        'migration_failed',
      );
    }
    if (pending.length > 0 && existed && current > 0) {
      backupPath = backupBeforeMigration(db, options.now, options.appVersion);
    }
    if (pending.length > 0) runMigrations(db, pending, options);
    return { db, created: current === 0, migrated: pending.map((m) => m.version), backupPath };
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT')) {
      const sentence = damagedSentence(path.resolve(file));
      throw new DatabaseOpenError(`${sentence.zh} (${sentence.en})`, 'damaged');
    }
    if (error instanceof BackupError) {
      throw new DatabaseOpenError(
        `${error.sentence.zh}升级未进行，数据未改动。 (${error.sentence.en} The upgrade did not start; nothing was changed.)`,
        'migration_failed',
      );
    }
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError(
        `文件 ${file} 不是 GridDesk 数据库（也不是 SQLite 文件）。(${file} is not a SQLite database.)`,
        'not_a_database',
      );
    }
    throw error;
  }
}

/**
 * The application's SQL functions, which the schema's triggers call (migration 005: the case
 * history's hash chain). Every connection that may write to the case store must have them:
 * openDatabase registers them; a connection opened with `new Database(...)` directly (a
 * worker thread) must call this right after opening. The sqlite3 shell has none of them, so
 * an event inserted from the shell fails with "no such function: griddesk_event_hash"; that
 * is intended (the history is written by the app only).
 */
function registerAppFunctions(db: Db): void {
  const options = { deterministic: true, varargs: false } as const;
  // sha256 of a text, as lowercase hex; NULL for NULL.
  db.function('griddesk_sha256', options, (text: unknown) =>
    text === null || text === undefined ? null : sha256Hex(String(text)),
  );
  // One link of a case's history chain: sha256(previous hash || the event's canonical text).
  db.function(
    'griddesk_event_hash',
    { deterministic: true, varargs: true },
    (previous: unknown, ...values: unknown[]) =>
      sha256Hex(eventChainText(typeof previous === 'string' ? previous : '', values as SqlValue[])),
  );
  // A published bulletin's checksum: sha256 of its canonical text.
  db.function(
    'griddesk_bulletin_sha256',
    { deterministic: true, varargs: true },
    (...values: unknown[]) => sha256Hex(canonicalText(values as SqlValue[])),
  );
}

/** Lowercase hex SHA-256 of a text's UTF-8. crypto.hash (one call, no Hash object) where Node has it. */
export function sha256Hex(text: string): string {
  if (typeof crypto.hash === 'function') return crypto.hash('sha256', text, 'hex');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function applyPragmas(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // The case store is the record of what operators did: never trade durability for speed.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Throws SQLITE_NOTADB here, early, for a file that is not a database.
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
}

function runMigrations(db: Db, pending: readonly Migration[], options: OpenOptions): void {
  const apply = db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    const upsert = db.prepare(
      'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    upsert.run('app_version', options.appVersion);
    upsert.run('migrated_at', String(options.now));
  });
  try {
    apply();
  } catch (error) {
    throw new DatabaseOpenError(
      `数据库结构升级失败，已回滚，数据未改动：${(error as Error).message} (Migration failed and was rolled back.)`,
      'migration_failed',
    );
  }
}

/**
 * The backup before a migration: into the store's backup folder, checked and listed with
 * the reason 'migration' like every other backup (db/backup).
 */
function backupBeforeMigration(db: Db, now: number, appVersion: string): string {
  return createBackupSync(db, { reason: 'migration', now, appVersion }).path;
}

/**
 * Brings an open store up to this app's schema: after an in-app restore of a backup taken
 * before an upgrade. Backed up first, like every migration.
 */
export function migrateOpenStore(db: Db, options: OpenOptions): number[] {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  if (current > 0) backupBeforeMigration(db, options.now, options.appVersion);
  runMigrations(db, pending, options);
  return pending.map((m) => m.version);
}
