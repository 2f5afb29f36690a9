/**
 * Taking a backup (备份) with SQLite's online backup API, never a file copy: a live WAL
 * store is only consistent as SQLite sees it. The copy is written under a `.partial` name,
 * synced, checked with integrity_check, hashed, its note written, and only then given its
 * name, so a kill or a full disk at any moment leaves no backup that looks good and is not.
 * The backup API copies a step of pages at a time and lets go of the database between
 * steps: the app keeps reading and writing while a 1 GB store is copied.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  backupsToDelete,
  type BackupReason,
  type RotationPolicy,
} from '../../core/backup/rotation';
import type { Db } from '../open';
import { freeBytes, isDiskFullError } from '../temp-folders';
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
import { checkDatabaseFile, singleFile, type FileCheck } from './check-file';
import { checkInWorker, copyInWorker } from './check-runner';

export interface CreateBackupOptions {
  reason: BackupReason;
  now: number;
  appVersion: string;
  /** Defaults to the folder in the store's backup settings. */
  folder?: string;
  onProgress?: (copiedPages: number, totalPages: number) => void;
  /** How a file is checked; tests inject failures here. */
  check?: (file: string) => Promise<FileCheck>;
  /** Backups the rotation must not delete now (the one a restore is about to copy). */
  protect?: readonly string[];
}

/** Pages copied per step of the backup API: 4 MB at the default page size, a few ms. */
const PAGES_PER_STEP = 1024;

interface Prepared {
  source: string;
  folder: string;
  rotation: RotationPolicy;
  target: string;
  partial: string;
  pageCount: number;
  needBytes: number;
}

/** The folder writable, room for the copy, a name: everything checked before a byte is written. */
function prepare(db: Db, options: CreateBackupOptions): Prepared {
  const source = db.name;
  const settings = readBackupSettings(source);
  const folder = options.folder ?? settings.folder;
  if (!fs.existsSync(path.dirname(folder))) {
    throw new BackupError('folder_unwritable', {
      zh: `备份文件夹 ${folder} 所在的位置不存在（U 盘或移动硬盘未接上？）：接上后重试，或在设置中换一个文件夹。`,
      en: `The place holding the backup folder ${folder} does not exist (a USB stick or disk not attached?): attach it and try again, or choose another folder in the settings.`,
    });
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new BackupError('folder_unwritable', {
      zh: `备份文件夹 ${folder} 无法创建或写入（${code}）：请在设置中换一个文件夹。`,
      en: `The backup folder ${folder} cannot be created or written (${code}): choose another in the settings.`,
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
  return {
    source,
    folder,
    rotation: settings.rotation,
    target,
    partial: target + PARTIAL_EXTENSION,
    pageCount,
    needBytes,
  };
}

function copyFailed(prepared: Prepared, error: unknown): BackupError {
  fs.rmSync(prepared.partial, { force: true });
  if (isDiskFull(error))
    return diskFullError(prepared.folder, prepared.needBytes, freeBytes(prepared.folder) ?? 0);
  return new BackupError('copy_failed', {
    zh: `备份到 ${prepared.folder} 时出错（${(error as Error).message}），没有留下不完整的备份。`,
    en: `The backup into ${prepared.folder} failed (${(error as Error).message}); no partial backup was left.`,
  });
}

/**
 * A copy that fails its check is either a damaged store or a bad backup disk. The store is
 * only called damaged when it fails the same check itself: a flaky USB stick must not hold
 * the whole desk read-only.
 */
function checkFailed(
  prepared: Prepared,
  copyCheck: FileCheck,
  sourceCheck: FileCheck,
): BackupError {
  fs.rmSync(prepared.partial, { force: true });
  if (!sourceCheck.ok) {
    const found = sourceCheck.problems.slice(0, 2).join('；');
    return new BackupError('source_damaged', {
      zh: `数据库 ${prepared.source} 已损坏（完整性检查：${found}），本次备份作废。请恢复此前的备份。`,
      en: `The database ${prepared.source} is damaged (integrity check: ${sourceCheck.problems.slice(0, 2).join('; ')}); this backup was discarded. Restore an earlier backup.`,
    });
  }
  const found = copyCheck.problems.slice(0, 2).join('; ');
  return new BackupError('copy_failed', {
    zh: `写到 ${prepared.folder} 的备份未通过检查（${found}），数据库本身完好：请检查备份磁盘或 U 盘，或换一个备份文件夹。`,
    en: `The backup written to ${prepared.folder} failed its check (${found}) while the database itself is sound: check the backup disk or USB stick, or choose another folder.`,
  });
}

/** Names a checked copy and lists it: note first, then the name, so a kill leaves no stray. */
function finish(
  prepared: Prepared,
  check: FileCheck,
  sha256: string,
  options: CreateBackupOptions,
): BackupEntry {
  const entry: BackupEntry = {
    path: prepared.target,
    created_at: options.now,
    reason: options.reason,
    bytes: fs.statSync(prepared.partial).size,
    cases: check.cases,
    source: path.resolve(prepared.source),
    schema_version: check.schemaVersion,
    app_version: options.appVersion,
    sha256,
  };
  writeBackupNote(entry);
  fs.renameSync(prepared.partial, prepared.target);
  syncFolder(prepared.folder);
  rotate(prepared, entry, options);
  return entry;
}

export async function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupEntry> {
  const prepared = prepare(db, options);
  try {
    const inWorker =
      db.name !== ':memory:' &&
      (await copyInWorker(prepared.source, prepared.partial, options.onProgress));
    // No worker (a packaging fault): the same copy here, a step of pages at a time.
    if (!inWorker) {
      await db.backup(prepared.partial, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages - remainingPages, totalPages);
          return PAGES_PER_STEP;
        },
      });
      singleFile(prepared.partial, null);
    }
    // The backup API reports before each step, never after the last one.
    options.onProgress?.(prepared.pageCount, prepared.pageCount);
    // Off the event loop: syncing a 1 GB copy takes about a second, the desk must not wait.
    await syncFileAsync(prepared.partial);
  } catch (error) {
    throw copyFailed(prepared, error);
  }
  const check = options.check ?? ((file) => checkInWorker(file, 'integrity'));
  const copyCheck = await check(prepared.partial);
  if (!copyCheck.ok) throw checkFailed(prepared, copyCheck, await check(prepared.source));
  return finish(prepared, copyCheck, await hashFile(prepared.partial), options);
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
  const prepared = prepare(db, options);
  try {
    db.exec(`VACUUM INTO '${prepared.partial.replaceAll("'", "''")}'`);
    syncFile(prepared.partial);
  } catch (error) {
    throw copyFailed(prepared, error);
  }
  const copyCheck = checkDatabaseFile(prepared.partial, 'integrity');
  if (!copyCheck.ok)
    throw checkFailed(prepared, copyCheck, checkDatabaseFile(prepared.source, 'integrity'));
  return finish(prepared, copyCheck, hashFileSync(prepared.partial), options);
}

/** Deletes what the rotation no longer keeps, among this store's backups in the folder. */
function rotate(prepared: Prepared, newest: BackupEntry, options: CreateBackupOptions): void {
  const protectedPaths = new Set((options.protect ?? []).map((p) => path.resolve(p)));
  const mine = listBackups(prepared.folder).filter((b) => b.source === newest.source);
  const rotated = backupsToDelete(
    mine.map((b) => ({ ...b, createdAt: b.created_at })),
    prepared.rotation,
    options.now,
  );
  for (const old of rotated) {
    if (protectedPaths.has(path.resolve(old.path))) continue;
    fs.rmSync(old.path, { force: true });
    fs.rmSync(noteOf(old.path), { force: true });
  }
}

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    isDiskFullError(error) || code.startsWith('SQLITE_FULL') || /disk is full/i.test(String(error))
  );
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function syncFileAsync(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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

function hashFileSync(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
