/**
 * Taking a backup (备份) with SQLite's online backup API, never a file copy: a live WAL
 * store is only consistent as SQLite sees it. The copy is written under a `.partial` name,
 * synced, checked with integrity_check, hashed, and only then named and listed, so a kill
 * or a full disk at any moment leaves no backup that looks good and is not. The backup API
 * copies a step of pages at a time and lets go of the database between steps: the app keeps
 * reading and writing while a 1 GB store is copied.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToDelete, type BackupReason } from '../../core/backup/rotation';
import type { Db } from '../open';
import {
  listBackups,
  newBackupPath,
  noteOf,
  PARTIAL_EXTENSION,
  sweepUnfinished,
  writeBackupNote,
  type BackupEntry,
} from './backup-catalog';
import { BackupError, diskFullError } from './backup-errors';
import { readBackupSettings } from './backup-settings';
import type { FileCheck } from './check-file';
import { checkDatabaseFile } from './check-file';
import { checkInWorker } from './check-runner';

export interface CreateBackupOptions {
  reason: BackupReason;
  now: number;
  appVersion: string;
  /** Defaults to the folder in the store's backup settings. */
  folder?: string;
  onProgress?: (copiedPages: number, totalPages: number) => void;
  /** How the copy is checked; tests inject failures here. */
  check?: (file: string) => Promise<FileCheck>;
}

/** Pages copied per step of the backup API: 4 MB at the default page size, a few ms. */
const PAGES_PER_STEP = 1024;

export async function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupEntry> {
  const source = db.name;
  const settings = readBackupSettings(source);
  const folder = options.folder ?? settings.folder;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw new BackupError('folder_unwritable', {
      zh: `备份文件夹 ${folder} 无法创建或写入（${(error as NodeJS.ErrnoException).code ?? '错误'}）：请在设置中换一个文件夹。`,
      en: `The backup folder ${folder} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? 'error'}): choose another in the settings.`,
    });
  }
  sweepUnfinished(folder, options.now);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const needBytes = pageSize * pageCount;
  const free = freeBytes(folder);
  // The copy plus a margin: a backup that fills the disk would leave nothing good.
  if (free !== null && free < needBytes * 1.05 + 16 * 1024 * 1024)
    throw diskFullError(folder, needBytes, free);

  const target = newBackupPath(folder, source, options.reason, options.now);
  const partial = target + PARTIAL_EXTENSION;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    // The backup API reports before each step, never after the last one.
    options.onProgress?.(pageCount, pageCount);
    syncFile(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (isDiskFull(error)) throw diskFullError(folder, needBytes, freeBytes(folder) ?? 0);
    throw new BackupError('copy_failed', {
      zh: `备份到 ${folder} 时出错（${(error as Error).message}），没有留下不完整的备份。`,
      en: `The backup into ${folder} failed (${(error as Error).message}); no partial backup was left.`,
    });
  }
  const check = await (options.check ?? ((file) => checkInWorker(file, 'integrity')))(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new BackupError('source_damaged', {
      zh: `数据库 ${source} 已损坏（完整性检查：${check.problems.slice(0, 2).join('；')}），本次备份作废。请恢复此前的备份。`,
      en: `The database ${source} is damaged (integrity check: ${check.problems.slice(0, 2).join('; ')}); this backup was discarded. Restore an earlier backup.`,
    });
  }
  const sha256 = await hashFile(partial);
  fs.renameSync(partial, target);
  syncFolder(folder);
  const entry: BackupEntry = {
    path: target,
    created_at: options.now,
    reason: options.reason,
    bytes: fs.statSync(target).size,
    cases: check.cases,
    source: path.resolve(source),
    schema_version: check.schemaVersion,
    app_version: options.appVersion,
    sha256,
  };
  writeBackupNote(entry);
  rotate(folder, entry, settings.rotation, options.now);
  return entry;
}

/** Deletes what the rotation no longer keeps, among this store's backups in the folder. */
function rotate(
  folder: string,
  newest: BackupEntry,
  policy: Parameters<typeof backupsToDelete>[1],
  now: number,
): void {
  const mine = listBackups(folder).filter((b) => b.source === newest.source);
  const rotated = backupsToDelete(
    mine.map((b) => ({ ...b, createdAt: b.created_at })),
    policy,
    now,
  );
  for (const old of rotated) {
    fs.rmSync(noteOf(old.path), { force: true });
    fs.rmSync(old.path, { force: true });
  }
}

export function freeBytes(folder: string): number | null {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ENOSPC' || code.startsWith('SQLITE_FULL') || /disk is full/i.test(String(error));
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The same backup, synchronously, for the one place that cannot wait: opening a store that
 * needs a migration (opening is synchronous, and the migration must not start before its
 * backup is known good). VACUUM INTO reads the store in one read transaction, so the copy
 * is as consistent as the backup API's; it is checked, hashed and listed the same way.
 */
export function createBackupSync(
  db: Db,
  options: Omit<CreateBackupOptions, 'onProgress' | 'check'>,
): BackupEntry {
  const source = db.name;
  const settings = readBackupSettings(source);
  const folder = options.folder ?? settings.folder;
  fs.mkdirSync(folder, { recursive: true });
  sweepUnfinished(folder, options.now);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const free = freeBytes(folder);
  if (free !== null && free < pageSize * pageCount * 1.05 + 16 * 1024 * 1024)
    throw diskFullError(folder, pageSize * pageCount, free);
  const target = newBackupPath(folder, source, options.reason, options.now);
  const partial = target + PARTIAL_EXTENSION;
  try {
    db.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
    syncFile(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (isDiskFull(error))
      throw diskFullError(folder, pageSize * pageCount, freeBytes(folder) ?? 0);
    throw error;
  }
  const check = checkDatabaseFile(partial, 'integrity');
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new BackupError('source_damaged', {
      zh: `数据库 ${source} 已损坏（完整性检查：${check.problems.slice(0, 2).join('；')}），无法备份。`,
      en: `The database ${source} is damaged (integrity check: ${check.problems.slice(0, 2).join('; ')}); it cannot be backed up.`,
    });
  }
  const hash = createHash('sha256');
  const fd = fs.openSync(partial, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, target);
  syncFolder(folder);
  const entry: BackupEntry = {
    path: target,
    created_at: options.now,
    reason: options.reason,
    bytes: fs.statSync(target).size,
    cases: check.cases,
    source: path.resolve(source),
    schema_version: check.schemaVersion,
    app_version: options.appVersion,
    sha256: hash.digest('hex'),
  };
  writeBackupNote(entry);
  rotate(folder, entry, settings.rotation, options.now);
  return entry;
}
