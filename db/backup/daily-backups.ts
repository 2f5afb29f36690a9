/**
 * The daily backup (每日备份) of an open store, for the app and the host: looked for every
 * ten minutes, taken when the store's newest good daily backup is 24 hours old (or there is
 * none), checked with integrity_check like every backup. A copy that fails the check means
 * the store itself is damaged: it is then held read-only and every window told.
 */
import path from 'node:path';
import { DAY_MS } from '../../core/time';
import type { Db } from '../open';
import { setStoreHealth, storeHealth } from '../store-health';
import { listBackups, type BackupEntry } from './backup-catalog';
import { BackupError } from './backup-errors';
import { readBackupSettings } from './backup-settings';
import { createBackup, type CreateBackupOptions } from './create-backup';

interface DailyBackupOptions {
  now: () => number;
  appVersion: string;
  /** Told after every attempt: the entry, or the error that stopped it. */
  onResult?: (result: { entry: BackupEntry | null; error: unknown }) => void;
  everyMs?: number;
  firstAfterMs?: number;
  check?: CreateBackupOptions['check'];
}

export function newestBackupOf(dbFile: string, reason?: BackupEntry['reason']): BackupEntry | null {
  const source = path.resolve(dbFile);
  return (
    listBackups(readBackupSettings(dbFile).folder).find(
      (b) => b.source === source && (!reason || b.reason === reason),
    ) ?? null
  );
}

/** One attempt, exported for the timer and for tests: null when none was due. */
export async function runDailyBackupIfDue(
  db: Db,
  options: DailyBackupOptions,
): Promise<BackupEntry | null> {
  if (storeHealth(db).state !== 'ok') return null;
  const now = options.now();
  const last = newestBackupOf(db.name, 'daily');
  if (last && now - last.created_at < DAY_MS) return null;
  try {
    const entry = await createBackup(db, {
      reason: 'daily',
      now,
      appVersion: options.appVersion,
      ...(options.check ? { check: options.check } : {}),
    });
    options.onResult?.({ entry, error: null });
    return entry;
  } catch (error) {
    if (error instanceof BackupError && error.code === 'source_damaged') {
      setStoreHealth(db, {
        state: 'damaged',
        file: db.name,
        problems: [error.sentence.en],
        checkedAt: options.now(),
      });
    }
    options.onResult?.({ entry: null, error });
    return null;
  }
}

export function startDailyBackups(db: Db, options: DailyBackupOptions): () => void {
  let running = false;
  const attempt = () => {
    if (running || !db.open) return;
    running = true;
    void runDailyBackupIfDue(db, options).finally(() => (running = false));
  };
  const first = setTimeout(attempt, options.firstAfterMs ?? 60_000);
  const timer = setInterval(attempt, options.everyMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
