/**
 * Where a store's backups go and how many are kept (备份设置). Kept in a small file beside
 * the database, not in it: the setting must survive the database being damaged or restored
 * from a backup that predates it, which is exactly when it is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROTATION, rotationProblem, type RotationPolicy } from '../../core/backup/rotation';

interface BackupSettings {
  /** Absolute folder: another disk or a USB stick is the point. */
  folder: string;
  rotation: RotationPolicy;
}

const settingsFile = (dbFile: string) => `${path.resolve(dbFile)}.backup.json`;

function defaultBackupFolder(dbFile: string): string {
  const resolved = path.resolve(dbFile);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`);
}

export function readBackupSettings(dbFile: string): BackupSettings {
  const fallback: BackupSettings = {
    folder: defaultBackupFolder(dbFile),
    rotation: { ...DEFAULT_ROTATION },
  };
  let stored: Partial<BackupSettings>;
  try {
    stored = JSON.parse(fs.readFileSync(settingsFile(dbFile), 'utf8')) as Partial<BackupSettings>;
  } catch {
    return fallback;
  }
  const rotation = { ...DEFAULT_ROTATION, ...(stored.rotation ?? {}) };
  return {
    folder:
      typeof stored.folder === 'string' && path.isAbsolute(stored.folder)
        ? stored.folder
        : fallback.folder,
    rotation: rotationProblem(rotation) ? { ...DEFAULT_ROTATION } : rotation,
  };
}

export class BackupSettingsError extends Error {
  constructor(readonly sentence: { zh: string; en: string }) {
    super(sentence.en);
    this.name = 'BackupSettingsError';
  }
}

/** Checks and saves; the folder must exist or be creatable, and be writable. */
export function saveBackupSettings(dbFile: string, settings: BackupSettings): BackupSettings {
  const problem = rotationProblem(settings.rotation);
  if (problem) throw new BackupSettingsError(problem);
  if (!path.isAbsolute(settings.folder)) {
    throw new BackupSettingsError({
      zh: `备份文件夹须为完整路径（例如 /media/usb/备份 或 D:\\备份），而不是 ${settings.folder}。`,
      en: `The backup folder must be a full path (such as /media/usb/backups or D:\\backups), not ${settings.folder}.`,
    });
  }
  try {
    fs.mkdirSync(settings.folder, { recursive: true });
    fs.accessSync(settings.folder, fs.constants.W_OK);
  } catch (error) {
    throw new BackupSettingsError({
      zh: `备份文件夹 ${settings.folder} 无法创建或写入（${(error as NodeJS.ErrnoException).code ?? '错误'}）：请换一个文件夹或检查权限。`,
      en: `The backup folder ${settings.folder} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? 'error'}): choose another or check its permissions.`,
    });
  }
  const saved: BackupSettings = { folder: settings.folder, rotation: { ...settings.rotation } };
  const target = settingsFile(dbFile);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(saved, null, 2));
  fs.renameSync(`${target}.tmp`, target);
  return saved;
}
