/**
 * Whether the open store may be written (数据库状态). Opening checks it with quick_check:
 * the command line before its first write, the app and the host in a worker right after
 * opening, with writes held (SQLite's query_only) until the check passes, so a 1 GB store
 * opens at once. A store that fails, then or at the daily backup's integrity_check, stays
 * read-only: every window shows a banner and every write is refused with one sentence that
 * names the backup to restore. query_only makes that hold for every statement of the
 * connection, not only the ones a handler remembers to guard.
 */
import path from 'node:path';
import { formatDateTime } from '../core/time';
import { listBackups } from './backup/backup-catalog';
import { readBackupSettings } from './backup/backup-settings';
import { checkDatabaseFile } from './backup/check-file';
import { checkInWorker } from './backup/check-runner';
import type { Db } from './open';

interface StoreHealth {
  state: 'checking' | 'ok' | 'damaged';
  file: string;
  /** SQLite's words for what it found, when damaged. */
  problems: string[];
  checkedAt: number | null;
}

interface Tracked {
  health: StoreHealth;
  checked: Promise<StoreHealth>;
}

const tracked = new WeakMap<Db, Tracked>();

export function storeHealth(db: Db): StoreHealth {
  return tracked.get(db)?.health ?? { state: 'ok', file: db.name, problems: [], checkedAt: null };
}

/** Resolves when the open-time check has ended, whatever it found. */
export function whenChecked(db: Db): Promise<StoreHealth> {
  return tracked.get(db)?.checked ?? Promise.resolve(storeHealth(db));
}

/** The app's and the host's check: in a worker, writes held until it passes. */
export function checkStoreInBackground(
  db: Db,
  now: () => number,
  onChange?: (health: StoreHealth) => void,
): Promise<StoreHealth> {
  db.pragma('query_only = ON');
  const entry: Tracked = {
    health: { state: 'checking', file: db.name, problems: [], checkedAt: null },
    checked: Promise.resolve() as unknown as Promise<StoreHealth>,
  };
  entry.checked = checkInWorker(db.name, 'quick').then((check) => {
    if (!db.open) return entry.health;
    if (check.ok) {
      entry.health = { state: 'ok', file: db.name, problems: [], checkedAt: now() };
      db.pragma('query_only = OFF');
    } else {
      entry.health = {
        state: 'damaged',
        file: db.name,
        problems: check.problems,
        checkedAt: now(),
      };
    }
    onChange?.(entry.health);
    return entry.health;
  });
  tracked.set(db, entry);
  return entry.checked;
}

/** The command line's check, before its first write. */
export function checkStoreNow(db: Db, now: number): StoreHealth {
  const check = checkDatabaseFile(db.name, 'quick');
  const health: StoreHealth = check.ok
    ? { state: 'ok', file: db.name, problems: [], checkedAt: now }
    : { state: 'damaged', file: db.name, problems: check.problems, checkedAt: now };
  if (!check.ok) db.pragma('query_only = ON');
  tracked.set(db, { health, checked: Promise.resolve(health) });
  return health;
}

/** The daily check found damage (or a restore mended it): every write follows. */
export function setStoreHealth(db: Db, health: StoreHealth): void {
  db.pragma(`query_only = ${health.state === 'ok' ? 'OFF' : 'ON'}`);
  tracked.set(db, { health, checked: Promise.resolve(health) });
}

/** The sentence every window and command gives for a damaged store. */
export function damagedSentence(file: string): { zh: string; en: string } {
  const source = path.resolve(file);
  const newest = listBackups(readBackupSettings(file).folder).find((b) => b.source === source);
  if (!newest) {
    return {
      zh: `数据库 ${file} 已损坏，已改为只读，任何修改都不会写入。没有找到它的备份：请联系管理员。`,
      en: `The database ${file} is damaged and is open read-only; nothing will be written to it. No backup of it was found: call your administrator.`,
    };
  }
  const when = formatDateTime(newest.created_at);
  return {
    zh: `数据库 ${file} 已损坏，已改为只读，任何修改都不会写入：请管理员在"设置 → 备份"中恢复 ${when} 的备份（${newest.path}），或退出 GridDesk 后运行 griddesk backup restore "${newest.path}"。`,
    en: `The database ${file} is damaged and is open read-only; nothing will be written to it: an administrator should restore the backup of ${when} (${newest.path}) under Settings → Backups, or quit GridDesk and run griddesk backup restore "${newest.path}".`,
  };
}
