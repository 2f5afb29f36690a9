import { z } from 'zod';
import { method } from './define';

/** A finished, checked backup, as the settings screen lists it. */
export interface BackupView {
  path: string;
  createdAt: number;
  reason: 'daily' | 'manual' | 'migration' | 'restore' | 'demo-force' | 'import';
  bytes: number;
  cases: number | null;
}

export interface RotationView {
  daily: number;
  weekly: number;
  monthly: number;
  eventDays: number;
}

/** What the status bar and every window's banner show about the store. */
export interface StoreStatus {
  health: 'checking' | 'ok' | 'damaged';
  file: string;
  /** The sentence to show when damaged (names the backup to restore), else null. */
  sentence: { zh: string; en: string } | null;
  lastGoodBackup: BackupView | null;
  /** A backup or restore under way in this process: what it is and how far it got. */
  running: { action: 'backup' | 'restore'; copiedPages: number; totalPages: number } | null;
}

export interface BackupListing {
  folder: string;
  rotation: RotationView;
  backups: BackupView[];
}

const rotation = z
  .object({
    daily: z.number().int().min(0).max(366),
    weekly: z.number().int().min(0).max(260),
    monthly: z.number().int().min(0).max(120),
    eventDays: z.number().int().min(0).max(3650),
  })
  .strict();

const backupPath = z.string().min(1).max(4096);

export const backupContract = {
  'store.status': method<StoreStatus>()(z.object({}).strict()),
  'backup.list': method<BackupListing>()(z.object({}).strict()),
  'backup.create': method<BackupView>()(z.object({}).strict()),
  'backup.verify': method<{ path: string; cases: number | null }>()(
    z.object({ path: backupPath }).strict(),
  ),
  'backup.restore': method<{ restored: string; cases: number | null; before: string | null }>()(
    z.object({ path: backupPath, confirm: z.literal(true) }).strict(),
  ),
  'backup.settings.save': method<BackupListing>()(
    z.object({ folder: z.string().min(1).max(4096), rotation }).strict(),
  ),
};
