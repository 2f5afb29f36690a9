/**
 * Which backups to keep (备份轮换): grandfather-father-son over the good backups, counted in
 * Shanghai days, ISO weeks and months. The newest backup of each of the last `daily` days,
 * `weekly` weeks and `monthly` months is kept; a backup taken for a reason (before a
 * migration, a restore, `demo --force`, a big import, by hand) is also kept for
 * `eventDays` days, because it is the way back from that one action.
 */
import { isoWeekOf } from '../ranking/periods';
import { DAY_MS, dayString } from '../time';

export const BACKUP_REASONS = [
  'daily',
  'manual',
  'migration',
  'restore',
  'demo-force',
  'import',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Days a backup taken for a reason other than the daily one is kept regardless. */
  eventDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, eventDays: 30 };

interface RotatedBackup {
  path: string;
  createdAt: number;
  reason: BackupReason;
}

function weekKey(at: number): string {
  const { isoYear, week } = isoWeekOf(at);
  return `${isoYear}-W${week}`;
}

/** The backups to delete, oldest first. Never the newest one, whatever the policy says. */
export function backupsToDelete<T extends RotatedBackup>(
  backups: readonly T[],
  policy: RotationPolicy,
  now: number,
): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set<T>(newestFirst.slice(0, 1));
  const buckets: Array<{ count: number; key: (at: number) => string }> = [
    { count: policy.daily, key: (at) => dayString(at) },
    { count: policy.weekly, key: (at) => weekKey(at) },
    { count: policy.monthly, key: (at) => dayString(at).slice(0, 7) },
  ];
  for (const bucket of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = bucket.key(backup.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= bucket.count) break;
      seen.add(key);
      keep.add(backup);
    }
  }
  for (const backup of newestFirst) {
    if (backup.reason !== 'daily' && now - backup.createdAt < policy.eventDays * DAY_MS)
      keep.add(backup);
  }
  return newestFirst.filter((b) => !keep.has(b)).reverse();
}

/** A policy an admin typed: whole numbers in sane ranges, or a sentence saying which is not. */
export function rotationProblem(policy: RotationPolicy): { zh: string; en: string } | null {
  const limits: Array<[keyof RotationPolicy, string, number]> = [
    ['daily', '每日', 366],
    ['weekly', '每周', 260],
    ['monthly', '每月', 120],
    ['eventDays', '操作前备份保留天数', 3650],
  ];
  for (const [key, zh, max] of limits) {
    const value = policy[key];
    if (!Number.isInteger(value) || value < 0 || value > max) {
      return {
        zh: `备份轮换的"${zh}"须为 0 到 ${max} 的整数。`,
        en: `The rotation's ${key} must be a whole number from 0 to ${max}.`,
      };
    }
  }
  if (policy.daily + policy.weekly + policy.monthly === 0) {
    return {
      zh: '备份轮换至少要保留一份每日、每周或每月备份。',
      en: 'The rotation must keep at least one daily, weekly or monthly backup.',
    };
  }
  return null;
}
