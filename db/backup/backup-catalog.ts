/**
 * The backups in a folder (备份目录): each backup is a SQLite file and a `.json` note beside
 * it, written only after the copy passed integrity_check. A copy without its note was never
 * finished (a kill during the backup) and is neither listed nor restorable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASONS, type BackupReason } from '../../core/backup/rotation';
import { secondStamp } from '../exchange/export-names';

export interface BackupEntry {
  path: string;
  created_at: number;
  reason: BackupReason;
  bytes: number;
  cases: number | null;
  /** The database this is a copy of, as it was named when the copy was taken. */
  source: string;
  schema_version: number | null;
  app_version: string;
  /** SHA-256 of the backup file as written: `backup verify` compares it. */
  sha256: string;
}

const BACKUP_EXTENSION = '.griddesk-backup';
const NOTE_EXTENSION = '.json';
export const PARTIAL_EXTENSION = '.partial';
const UNFINISHED_AGE_MS = 10 * 60_000;

export function noteOf(backupPath: string): string {
  return backupPath + NOTE_EXTENSION;
}

/** A name unique to the second, with a counter if two backups share the second. */
export function newBackupPath(folder: string, source: string, reason: BackupReason, now: number) {
  const stamp = secondStamp(now);
  const base = path.basename(source).replace(/\.(sqlite3?|db)$/i, '');
  for (let counter = 1; ; counter++) {
    const suffix = counter === 1 ? '' : `-${counter}`;
    const candidate = path.join(folder, `${base}-${stamp}-${reason}${suffix}${BACKUP_EXTENSION}`);
    if (fs.existsSync(candidate)) continue;
    try {
      // Claimed by creating its `.partial` exclusively: two backups in the same second (two
      // stores sharing a USB stick, say) never share a name.
      fs.closeSync(fs.openSync(candidate + PARTIAL_EXTENSION, 'wx'));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export function readBackupNote(backupPath: string): BackupEntry | null {
  try {
    const note = JSON.parse(fs.readFileSync(noteOf(backupPath), 'utf8')) as Partial<BackupEntry>;
    if (
      typeof note.created_at !== 'number' ||
      !BACKUP_REASONS.includes(note.reason as BackupReason) ||
      typeof note.sha256 !== 'string'
    )
      return null;
    return { ...(note as BackupEntry), path: backupPath };
  } catch {
    return null;
  }
}

export function writeBackupNote(entry: BackupEntry): void {
  const target = noteOf(entry.path);
  const { path: _path, ...stored } = entry;
  const fd = fs.openSync(`${target}.tmp`, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(stored, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${target}.tmp`, target);
}

/** The finished backups in `folder`, newest first. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const entry = readBackupNote(path.join(folder, name));
    if (entry && fs.existsSync(entry.path)) entries.push(entry);
  }
  return entries.sort((a, b) => b.created_at - a.created_at);
}

/**
 * Copies a kill left half-written: removed at the next backup into the same folder. Only
 * those untouched for ten minutes, so another process's backup under way is left alone.
 */
export function sweepUnfinished(folder: string, now: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    // A note whose backup never got its name (a kill between the two) is unfinished too.
    const orphanNote =
      name.endsWith(BACKUP_EXTENSION + NOTE_EXTENSION) &&
      !fs.existsSync(file.slice(0, -NOTE_EXTENSION.length));
    const unfinished =
      orphanNote ||
      name.endsWith(PARTIAL_EXTENSION) ||
      /\.partial-(wal|shm|journal)$/.test(name) ||
      name.endsWith(`${NOTE_EXTENSION}.tmp`);
    if (!unfinished) continue;
    try {
      if (now - fs.statSync(file).mtimeMs > UNFINISHED_AGE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}
