/**
 * Restoring a backup (恢复备份). The backup is checked first (its SHA-256 against its note,
 * then integrity_check), the current store is backed up (or, when it is too damaged for
 * SQLite to copy, its bytes kept beside the backups), and only then replaced:
 * - by the command line, with nobody else holding the file: the copy is written beside the
 *   store, synced, and renamed over it after the old store's WAL is checkpointed away
 *   (a stale WAL beside a new file would be replayed into it);
 * - by the app or the host that holds the store itself: through SQLite's backup API into the
 *   open file, one transaction, so every window sees the restored street at once.
 * A kill at any moment leaves either the old store or the restored one, never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { secondStamp } from '../exchange/export-names';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { claimDatabase, otherHolders, sqliteSaysInUse } from '../holders';
import type { Db } from '../open';
import { readBackupNote, type BackupEntry } from './backup-catalog';
import { BackupError } from './backup-errors';
import { readBackupSettings } from './backup-settings';
import { checkInWorker } from './check-runner';
import { createBackup, hashFile, syncFile, syncFolder } from './create-backup';

interface VerifiedBackup {
  path: string;
  entry: BackupEntry | null;
  cases: number | null;
  schemaVersion: number | null;
}

/** Checks a backup file: its note's checksum when it has one, and integrity_check. */
export async function verifyBackup(backupPath: string): Promise<VerifiedBackup> {
  const file = path.resolve(backupPath);
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
    // A backup is one file; one with a WAL beside it is a live database, and a copy of
    // its main file alone would drop what the WAL holds.
    throw new BackupError('backup_unknown', {
      zh: `${file} 旁边有未并入的 -wal 文件：它是一个正在使用的数据库，不是备份。请先用 griddesk backup create --db "${file}" 为它做一份备份，再恢复那份备份。`,
      en: `${file} has a -wal file beside it: it is a database in use, not a backup. Back it up first with griddesk backup create --db "${file}", then restore that backup.`,
    });
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new BackupError('backup_unknown', {
      zh: `找不到备份文件 ${file}。`,
      en: `There is no backup file ${file}.`,
    });
  }
  const entry = readBackupNote(file);
  if (entry) {
    const sha256 = await hashFile(file);
    if (sha256 !== entry.sha256) {
      throw new BackupError('backup_damaged', {
        zh: `备份 ${file} 与写入时的校验值不符（文件已被改动或损坏），不能用于恢复。`,
        en: `The backup ${file} no longer matches the checksum it was written with (changed or damaged); it cannot be restored.`,
      });
    }
  }
  const check = await checkInWorker(file, 'integrity');
  if (!check.ok) {
    throw new BackupError('backup_damaged', {
      zh: `备份 ${file} 已损坏（完整性检查：${check.problems.slice(0, 2).join('；')}），不能用于恢复。`,
      en: `The backup ${file} is damaged (integrity check: ${check.problems.slice(0, 2).join('; ')}); it cannot be restored.`,
    });
  }
  if (check.schemaVersion === null || check.cases === null) {
    throw new BackupError('backup_unknown', {
      zh: `${file} 不是 GridDesk 数据库的备份。`,
      en: `${file} is not a backup of a GridDesk database.`,
    });
  }
  if (check.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new BackupError('backup_too_new', {
      zh: `备份 ${file} 由更新版本的 GridDesk 写入（结构版本 ${check.schemaVersion}），请升级程序后再恢复。`,
      en: `The backup ${file} was written by a newer GridDesk (schema ${check.schemaVersion}); upgrade before restoring it.`,
    });
  }
  return { path: file, entry, cases: check.cases, schemaVersion: check.schemaVersion };
}

interface RestoreOptions {
  dbFile: string;
  backupPath: string;
  now: number;
  appVersion: string;
  /** The app's or host's own open connection to dbFile, when it is the one restoring. */
  liveDb?: Db;
  nativeBinding?: string;
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

interface RestoreResult {
  restored: VerifiedBackup;
  /** The backup of the store as it was before the restore. */
  before: BackupEntry | null;
  /** When the old store was too damaged to back up: where its bytes were kept. */
  damagedCopy: string | null;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dbFile = path.resolve(options.dbFile);
  const restored = await verifyBackup(options.backupPath);
  if (path.resolve(restored.path) === dbFile) {
    throw new BackupError('backup_unknown', {
      zh: '不能用数据库文件本身作为备份来恢复。',
      en: 'The database file itself cannot be restored as a backup.',
    });
  }
  refuseWhileHeld(dbFile, options);
  // Held for the whole restore, so a desk starting meanwhile refuses to open into it.
  const release = options.liveDb
    ? () => {}
    : claimDatabase(dbFile, 'griddesk backup restore', options.now);
  try {
    const { before, damagedCopy } = await keepCurrentStore(dbFile, restored.path, options);
    if (options.liveDb) {
      await copyIntoOpenStore(restored.path, dbFile, options);
    } else {
      // A program that opened the store while it was backed up is told now, before the swap.
      refuseWhileHeld(dbFile, options);
      replaceClosedStore(restored.path, dbFile);
    }
    return { restored, before, damagedCopy };
  } finally {
    release();
  }
}

function refuseWhileHeld(dbFile: string, options: RestoreOptions): void {
  const holders = otherHolders(dbFile);
  const heldBySqlite = !options.liveDb && sqliteSaysInUse(dbFile, options.nativeBinding);
  if (holders.length === 0 && !heldBySqlite) return;
  const who = holders.map((h) => `${h.program}（进程 ${h.pid}）`).join('、') || '另一个程序';
  const whoEn =
    holders.map((h) => `${h.program} (process ${h.pid})`).join(', ') || 'another program';
  throw new BackupError('in_use', {
    zh: `数据库 ${dbFile} 正被 ${who} 打开使用，现在不能恢复：请先关闭它。数据库未改动。`,
    en: `${dbFile} is open in ${whoEn}; it cannot be restored now: close that first. Nothing was changed.`,
  });
}

async function keepCurrentStore(
  dbFile: string,
  restoring: string,
  options: RestoreOptions,
): Promise<{ before: BackupEntry | null; damagedCopy: string | null }> {
  if (!fs.existsSync(dbFile)) return { before: null, damagedCopy: null };
  let db: Db | null = options.liveDb ?? null;
  let opened = false;
  let versionAtStart: unknown = null;
  try {
    if (!db) {
      db = new Database(dbFile, {
        fileMustExist: true,
        timeout: 0,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      opened = true;
      versionAtStart = db.pragma('data_version', { simple: true });
      // Nothing commits to the old store from its backup to the swap: a writer meanwhile
      // waits for this lock and, once the file is replaced, is refused (SQLite sees the file
      // moved) instead of committing into a store about to vanish.
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        if (!String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY'))
          throw error;
        throw new BackupError('in_use', {
          zh: `数据库 ${dbFile} 正被另一个程序写入，现在不能恢复：请等它完成或关闭它。数据库未改动。`,
          en: `Another program is writing to ${dbFile}; it cannot be restored now: wait for it or close it. Nothing was changed.`,
        });
      }
    }
    const before = await createBackup(db, {
      reason: 'restore',
      now: options.now,
      appVersion: options.appVersion,
      // The rotation this backup runs must never take the one about to be restored.
      protect: [restoring],
    });
    return { before, damagedCopy: null };
  } catch (error) {
    if (error instanceof BackupError && error.code !== 'source_damaged') throw error;
    // Too damaged for SQLite to copy: keep its bytes as they are, for whoever investigates.
    // A plain copy is safe here: nothing writes to a damaged store (it is held read-only).
    const folder = readBackupSettings(dbFile).folder;
    fs.mkdirSync(folder, { recursive: true });
    const stamp = secondStamp(options.now);
    const copy = path.join(folder, `${path.basename(dbFile)}-${stamp}-damaged`);
    fs.copyFileSync(dbFile, copy);
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
    return { before: null, damagedCopy: copy };
  } finally {
    if (opened && db?.open) {
      // Another program committed while the store was backed up (an import that opened it
      // meanwhile): its work is in neither the backup nor the restore, so stop here.
      let changed = false;
      if (db.inTransaction) db.exec('ROLLBACK');
      try {
        changed =
          versionAtStart !== null && db.pragma('data_version', { simple: true }) !== versionAtStart;
      } catch {
        // A damaged store may not answer; its bytes were kept above.
      }
      if (changed) {
        db.close();
        // eslint-disable-next-line no-unsafe-finally -- the refusal must replace any result
        throw new BackupError('in_use', {
          zh: `数据库 ${dbFile} 在恢复过程中被另一个程序写入，恢复已停止，数据库未被替换：请关闭其他程序后重试。`,
          en: `Another program wrote to ${dbFile} during the restore; the restore stopped and the database was not replaced: close other programs and try again.`,
        });
      }
      try {
        // Folds the WAL into the old file, so nothing of it is left to replay later.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A damaged store may refuse; its WAL is removed below, after its bytes were kept.
      }
      db.close();
    }
  }
}

function replaceClosedStore(backupPath: string, dbFile: string): void {
  const staged = `${dbFile}.restoring`;
  fs.copyFileSync(backupPath, staged);
  syncFile(staged);
  // The old store's WAL belongs to the old file: beside the restored one it would be replayed.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(staged, dbFile);
  syncFolder(path.dirname(dbFile));
}

async function copyIntoOpenStore(
  backupPath: string,
  dbFile: string,
  { nativeBinding, onProgress }: RestoreOptions,
): Promise<void> {
  const source = new Database(backupPath, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    // One transaction into the open store: a failure part-way leaves the store as it was.
    await source.backup(dbFile, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 1024;
      },
    });
  } catch (error) {
    throw new BackupError('copy_failed', {
      zh: `用 ${backupPath} 恢复时出错（${(error as Error).message}），数据库未改动。请关闭其他打开此数据库的程序后重试；仍不行时，退出 GridDesk 后运行 griddesk backup restore "${backupPath}"。`,
      en: `Restoring from ${backupPath} failed (${(error as Error).message}); the database was not changed. Close other programs that have it open and try again; if it still fails, quit GridDesk and run griddesk backup restore "${backupPath}".`,
    });
  } finally {
    source.close();
  }
}
