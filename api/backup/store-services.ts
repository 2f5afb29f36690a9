/**
 * What a long-running holder of the store (the desktop app, `griddesk serve`) does beside
 * answering calls: says it holds the file (so `demo --force` and `backup restore` refuse),
 * checks it with quick_check in a worker right after opening (writes held until it passes),
 * and takes the daily backup. Every change of health is published so each window's banner
 * and status bar follow.
 */
import { startDailyBackups } from '../../db/backup/daily-backups';
import { claimDatabase } from '../../db/holders';
import { recordAudit } from '../../db/queries/users';
import { checkStoreInBackground, storeHealth } from '../../db/store-health';
import { flushHeldAudit } from '../held-writes';
import type { ApiContext } from '../context';
import type { ErrorLogger } from '../errors';

interface StoreServicesOptions {
  /** How the holder is named to other programs: '桌面程序', 'griddesk serve'. */
  program: string;
  log: ErrorLogger;
  /** Tests shorten the daily schedule. */
  dailyEveryMs?: number;
  dailyFirstAfterMs?: number;
}

export function startStoreServices(context: ApiContext, options: StoreServicesOptions) {
  const release = claimDatabase(context.db.name, options.program, context.now());
  const announce = () => context.live.publish({ type: 'store.changed', at: context.now() });
  const checked = checkStoreInBackground(context.db, context.now, announce);
  const stopDaily = startDailyBackups(context.db, {
    now: context.now,
    appVersion: context.appVersion,
    ...(options.dailyEveryMs ? { everyMs: options.dailyEveryMs } : {}),
    ...(options.dailyFirstAfterMs ? { firstAfterMs: options.dailyFirstAfterMs } : {}),
    onResult: ({ entry, error }) => {
      if (entry) {
        try {
          recordAudit(context.db, context.now(), '系统', 'backup.daily', { path: entry.path });
        } catch {
          // A store held read-only keeps no audit row; the backup itself is what counts.
        }
      }
      if (error) options.log('daily-backup', error);
      announce();
    },
  });
  // Sign-in audit rows held while an import had the lock are written once it is gone.
  const flush = setInterval(() => {
    if (context.db.open && storeHealth(context.db).state === 'ok') flushHeldAudit(context.db);
  }, 30_000);
  flush.unref();
  return {
    checked,
    stop: () => {
      clearInterval(flush);
      stopDaily();
      release();
    },
  };
}
