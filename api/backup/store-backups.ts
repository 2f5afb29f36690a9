/**
 * The store's backups behind the API (设置 → 备份): one backup or restore at a time per
 * store, its progress readable by every window, every refusal one sentence. The API reads
 * and restores only backups listed in the store's own backup folder: a path from a window
 * is never opened blind.
 */
import path from 'node:path';
import { listBackups, type BackupEntry } from '../../db/backup/backup-catalog';
import { BackupError } from '../../db/backup/backup-errors';
import {
  BackupSettingsError,
  readBackupSettings,
  saveBackupSettings,
} from '../../db/backup/backup-settings';
import { createBackup } from '../../db/backup/create-backup';
import { newestBackupOf } from '../../db/backup/daily-backups';
import { restoreBackup, verifyBackup } from '../../db/backup/restore-backup';
import { migrateOpenStore, type Db } from '../../db/open';
import { recordAudit } from '../../db/queries/users';
import { damagedSentence, setStoreHealth, storeHealth } from '../../db/store-health';
import type { BackupListing, BackupView, StoreStatus } from '../contract/backup';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { flushHeldAudit } from '../held-writes';
import { runningImportJob } from '../exchange/import-jobs';
import { checkWritePath } from '../exchange/path-rules';

type Running = NonNullable<StoreStatus['running']>;
const runningByDb = new WeakMap<Db, Running>();

const backupView = (entry: BackupEntry): BackupView => ({
  path: entry.path,
  createdAt: entry.created_at,
  reason: entry.reason,
  bytes: entry.bytes,
  cases: entry.cases,
});

function asUserError(error: unknown): never {
  if (error instanceof BackupError) throw new UserError(`backup_${error.code}`, error.sentence);
  if (error instanceof BackupSettingsError)
    throw new UserError('backup_settings', error.sentence, 'folder');
  throw error;
}

export function storeStatus(context: ApiContext): StoreStatus {
  const file = path.resolve(context.db.name);
  const health = storeHealth(context.db);
  const newest = newestBackupOf(file);
  return {
    health: health.state,
    file,
    sentence: health.state === 'damaged' ? damagedSentence(file) : null,
    lastGoodBackup: newest ? backupView(newest) : null,
    running: runningByDb.get(context.db) ?? null,
  };
}

export function backupListing(context: ApiContext): BackupListing {
  const file = path.resolve(context.db.name);
  const settings = readBackupSettings(file);
  return {
    folder: settings.folder,
    rotation: settings.rotation,
    backups: listBackups(settings.folder)
      .filter((b) => b.source === file)
      .map(backupView),
  };
}

/** A restore under way: an import started now would be written into the store it replaces. */
export function restoreRunning(db: Db): boolean {
  return runningByDb.get(db)?.action === 'restore';
}

/** Every window's status bar and banner follow a backup, a restore, a new folder. */
function announce(context: ApiContext): void {
  context.live.publish({ type: 'store.changed', at: context.now() });
}

function claimRunning(context: ApiContext, action: Running['action']): Running {
  const busy = runningByDb.get(context.db);
  if (busy) {
    throw new UserError('backup_running', {
      zh: `正在${busy.action === 'backup' ? '备份' : '恢复'}数据库，请等它完成。`,
      en: `A ${busy.action} of the database is under way: wait for it to finish.`,
    });
  }
  const running: Running = { action, copiedPages: 0, totalPages: 0 };
  runningByDb.set(context.db, running);
  announce(context);
  return running;
}

export async function backUpNow(context: ApiContext): Promise<BackupView> {
  const running = claimRunning(context, 'backup');
  try {
    const entry = await createBackup(context.db, {
      reason: 'manual',
      now: context.now(),
      appVersion: context.appVersion,
      onProgress: (copied, total) => {
        running.copiedPages = copied;
        running.totalPages = total;
      },
    }).catch((error: unknown) => {
      // Damage found by a backup by hand holds the store read-only, as the daily one does.
      if (error instanceof BackupError && error.code === 'source_damaged') {
        setStoreHealth(context.db, {
          state: 'damaged',
          file: context.db.name,
          problems: [error.sentence.en],
          checkedAt: context.now(),
        });
      }
      return asUserError(error);
    });
    if (storeHealth(context.db).state === 'ok')
      recordAudit(context.db, context.now(), context.actor.name, 'backup.create', {
        path: entry.path,
      });
    return backupView(entry);
  } finally {
    runningByDb.delete(context.db);
    announce(context);
  }
}

/** Only a backup this store's folder lists may be verified or restored through the API. */
function listedBackup(context: ApiContext, requested: string): string {
  const listing = backupListing(context);
  const wanted = path.resolve(requested);
  const found = listing.backups.find((b) => path.resolve(b.path) === wanted);
  if (!found) {
    throw new UserError(
      'backup_not_listed',
      {
        zh: `${requested} 不在本数据库的备份文件夹（${listing.folder}）的备份列表中。`,
        en: `${requested} is not among the backups listed in this database's backup folder (${listing.folder}).`,
      },
      'path',
    );
  }
  return found.path;
}

export async function verifyListedBackup(context: ApiContext, requested: string) {
  const verified = await verifyBackup(listedBackup(context, requested)).catch(asUserError);
  return { path: verified.path, cases: verified.cases };
}

export async function restoreListedBackup(context: ApiContext, requested: string) {
  const backupPath = listedBackup(context, requested);
  const job = runningImportJob(context);
  if (job) {
    throw new UserError('import_running', {
      zh: `正在导入 ${job.progress.fileName || job.file}，导入结束前不能恢复备份。`,
      en: `${job.progress.fileName || job.file} is being imported; a backup cannot be restored until it ends.`,
    });
  }
  const running = claimRunning(context, 'restore');
  try {
    const result = await restoreBackup({
      dbFile: context.db.name,
      backupPath,
      now: context.now(),
      appVersion: context.appVersion,
      liveDb: context.db,
      onProgress: (copied, total) => {
        running.copiedPages = copied;
        running.totalPages = total;
      },
    }).catch(asUserError);
    // The restored store is whole (it passed integrity_check): writes may go on, after
    // bringing a backup from before an upgrade up to this app's schema.
    setStoreHealth(context.db, {
      state: 'ok',
      file: context.db.name,
      problems: [],
      checkedAt: context.now(),
    });
    migrateOpenStore(context.db, { appVersion: context.appVersion, now: context.now() });
    // Sign-ins made while the store was held read-only reach the restored audit log.
    flushHeldAudit(context.db);
    recordAudit(context.db, context.now(), context.actor.name, 'backup.restore', {
      from: result.restored.path,
      before: result.before?.path ?? result.damagedCopy,
    });
    context.live.publish({ type: 'data.changed', at: context.now() });
    context.live.publish({ type: 'cases.changed', caseIds: null, at: context.now() });
    announce(context);
    return {
      restored: result.restored.path,
      cases: result.restored.cases,
      before: result.before?.path ?? result.damagedCopy,
    };
  } finally {
    runningByDb.delete(context.db);
  }
}

export function saveSettings(
  context: ApiContext,
  input: { folder: string; rotation: BackupListing['rotation'] },
): BackupListing {
  try {
    // Full copies of the street go there: never into a system folder.
    const folder = checkWritePath(context, input.folder, { field: 'folder' });
    saveBackupSettings(context.db.name, { ...input, folder: folder.replace(/[\\/]$/, '') });
  } catch (error) {
    asUserError(error);
  }
  if (storeHealth(context.db).state === 'ok')
    recordAudit(context.db, context.now(), context.actor.name, 'backup.settings', input);
  announce(context);
  return backupListing(context);
}
