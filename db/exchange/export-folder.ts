/**
 * The folder an export writes into (导出文件夹): what is already there (this desk's manifest,
 * another producer's, strangers' files), and the durable steps every export file takes:
 * a temporary name in the same folder, fsync, into place without overwriting, the folder
 * fsynced, the manifest merged and written the same way.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  readManifest,
  type Manifest,
} from '../../core/exchange/manifest';
import { toIsoShanghai } from '../../core/time';
import type { Db } from '../open';
import { diskFullRefusal, isDiskFullError } from '../temp-folders';
import { ExchangeRefusal, refusal } from './file-probe';

const MANIFEST_PRODUCER = 'griddesk';

/** Names a folder's owner put there that are no one's data (USB sticks, Windows, macOS). */
const SYSTEM_ENTRY =
  /^(\.|~\$|System Volume Information$|\$RECYCLE\.BIN$|desktop\.ini$|Thumbs\.db$)/i;

/** The folder and, when `out` names a file, the file's name. */
export function splitTarget(out: string): { dir: string; name: string | null } {
  const resolved = path.resolve(out);
  let isFolder = /[\\/]$/.test(out);
  if (!isFolder) {
    try {
      isFolder = fs.statSync(resolved).isDirectory();
    } catch {
      isFolder = false;
    }
  }
  return isFolder
    ? { dir: resolved, name: null }
    : { dir: path.dirname(resolved), name: path.basename(resolved) };
}

interface FolderLook {
  /** This desk's manifest there (null: none, or not ours). */
  ours: Manifest | null;
  /** A manifest.json this desk did not write (another producer's, or unreadable). */
  foreignManifest: boolean;
  /** Entries this desk did not make (not counting system files). */
  foreign: string[];
}

/** Whether this desk exported a file of this name and SHA-256 (its batches say so). */
function exportedHere(db: Db, fileName: string, sha256: string): boolean {
  return (
    db
      .prepare<[string, string], number>(
        `SELECT 1 FROM exchange_batches WHERE direction = 'export' AND file_name = ? AND lower(sha256) = lower(?) LIMIT 1`,
      )
      .pluck()
      .get(fileName, sha256) !== undefined
  );
}

export function lookAtFolder(db: Db, dir: string): FolderLook {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return { ours: null, foreignManifest: false, foreign: [] };
  }
  // A temporary file of an export that was killed mid-write (ours by its name): gone now.
  for (const name of entries) {
    if (!TEMP_NAME.test(name)) continue;
    try {
      if (Date.now() - fs.statSync(path.join(dir, name)).mtimeMs > 3_600_000)
        fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // In use or gone.
    }
  }
  let ours: Manifest | null = null;
  let foreignManifest = false;
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (entries.includes(MANIFEST_FILE)) {
    let reading: ReturnType<typeof readManifest> | null = null;
    try {
      const stat = fs.statSync(manifestPath);
      if (stat.isFile() && stat.size <= 1024 * 1024)
        reading = readManifest(
          JSON.parse(fs.readFileSync(manifestPath, 'utf8').replace(/^\uFEFF/, '')),
        );
    } catch {
      reading = null;
    }
    const mine =
      reading?.ok === true &&
      reading.manifest.producer === MANIFEST_PRODUCER &&
      reading.manifest.files.every(
        (f) => !fs.existsSync(path.join(dir, f.path)) || exportedHere(db, f.path, f.sha256),
      );
    if (mine && reading?.ok) ours = reading.manifest;
    else foreignManifest = true;
  }
  const listed = new Set(ours?.files.map((f) => f.path) ?? []);
  const foreign = entries.filter(
    (name) =>
      !SYSTEM_ENTRY.test(name) && !listed.has(name) && !(name === MANIFEST_FILE && ours !== null),
  );
  return { ours, foreignManifest, foreign };
}

export function writeError(error: unknown, dir: string, file: string): ExchangeRefusal {
  if (error instanceof ExchangeRefusal) return error;
  if (isDiskFullError(error)) return diskFullRefusal(dir);
  const code = (error as NodeJS.ErrnoException).code;
  if (code && /^E[A-Z]+$/.test(code)) {
    return refusal(
      'export_unwritable',
      `无法写入 ${file}（${code}）：请换一个可写的位置；未写入任何内容。`,
      `Cannot write ${file} (${code}): choose a writable place; nothing was written.`,
      file,
    );
  }
  throw error;
}

/** Flushes a file's bytes (or a folder's entry list) to the disk. */
export function fsyncPath(target: string, folder: boolean): void {
  let fd: number;
  try {
    fd = fs.openSync(target, folder ? 'r' : 'r+');
  } catch (error) {
    // Windows cannot open a folder: its renames are durable without it.
    if (folder) return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(folder && (code === 'EINVAL' || code === 'EPERM' || code === 'EISDIR'))) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Puts the finished `temp` at `file` without ever replacing an existing file: a hard link
 * (fails if the name is taken), or, where links are not supported (FAT/exFAT sticks), a
 * rename after checking the name is still free.
 */
export function placeWithoutOverwrite(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
    fs.rmSync(temp, { force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EACCES'].includes(code ?? ''))
      throw error;
  }
  if (fs.existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
  fs.renameSync(temp, file);
}

/** `.<name>.<8 hex>.part`: the temporary name a file is written under before it is put in place. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.part$/;

export function tempNameFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`,
  );
}

/** manifest.json beside the file: this desk's earlier entries (still present) plus this one. */
export function writeManifest(
  dir: string,
  ours: Manifest | null,
  entry: Manifest['files'][number],
  now: number,
): string {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const files = (ours?.files ?? []).filter(
    (f) => f.path !== entry.path && fs.existsSync(path.join(dir, f.path)),
  );
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    created_at: toIsoShanghai(now),
    producer: MANIFEST_PRODUCER,
    files: [...files, entry].slice(-100),
  };
  const temp = tempNameFor(manifestPath);
  try {
    fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(temp, false);
    fs.renameSync(temp, manifestPath);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncPath(dir, true);
  return manifestPath;
}

export function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
