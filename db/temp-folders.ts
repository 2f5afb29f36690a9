/**
 * The app's own temp folder (never the shared, world-readable /tmp): `griddesk-temp/` beside
 * the database, 0700. Inside it:
 * - `run-<pid>-<random>/`: one per run (a package unpacked for an import, …), 0700, removed
 *   when the run ends, and at the next start when the process that made it is gone (a kill
 *   leaves nothing behind for long);
 * - `uploads/<uuid>/<name>`: files dropped on the page (0600), the file itself deleted after
 *   the import that used it, the folder (with any error file beside it) kept a week;
 * - `errors/`: error files whose input folder is not writable, kept a week.
 * `sweepTempFolders` runs at every start (host, Electron, the CLI's database open).
 * `checkFreeSpace` says "the disk is full" naming the folder before a big write starts,
 * instead of letting ENOSPC be blamed on the file being read.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExchangeRefusal } from './exchange/file-probe';
import { refusal } from './exchange/file-probe';
import { defaultDatabasePath } from './paths';

export const TEMP_FOLDER_NAME = 'griddesk-temp';
/** Uploads and error files are kept a week: long enough to fix an error file after a weekend. */
export const TEMP_KEEP_MS = 7 * 24 * 3_600_000;
const RUN_PREFIX = 'run-';

/** `<db folder>/griddesk-temp`; for an in-memory database, beside the app's own database. */
export function tempRootFor(dbFile: string | null | undefined): string {
  const file =
    dbFile && dbFile !== ':memory:' && !dbFile.startsWith('file:')
      ? path.resolve(dbFile)
      : defaultDatabasePath();
  return path.join(path.dirname(file), TEMP_FOLDER_NAME);
}

function mkdirPrivate(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask, and an existing folder keeps its mode: set it.
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
  return dir;
}

/** The temp root, created (0700) if need be. */
function ensureTempRoot(dbFile: string | null | undefined): string {
  return mkdirPrivate(tempRootFor(dbFile));
}

/** `<root>/uploads` (0700). */
export function uploadsFolder(dbFile: string | null | undefined): string {
  return mkdirPrivate(path.join(ensureTempRoot(dbFile), 'uploads'));
}

/** `<root>/errors` (0700): error files whose input folder is not writable. */
export function errorsFolder(dbFile: string | null | undefined): string {
  return mkdirPrivate(path.join(ensureTempRoot(dbFile), 'errors'));
}

export interface RunFolder {
  /** The folder, 0700, empty when made. */
  readonly path: string;
  /** Removes it and everything in it (never throws). */
  remove(): void;
}

const liveRuns = new Set<string>();
let exitHookInstalled = false;

function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // In use (Windows) or gone: the next start's sweep tries again.
  }
}

/** A folder for one run: `<root>/run-<pid>-<random>`, removed by `remove()` or at exit. */
export function createRunFolder(dbFile: string | null | undefined): RunFolder {
  const root = ensureTempRoot(dbFile);
  const dir = mkdirPrivate(
    path.join(root, `${RUN_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`),
  );
  liveRuns.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const run of liveRuns) removeQuietly(run);
    });
  }
  return {
    path: dir,
    remove() {
      liveRuns.delete(dir);
      removeQuietly(dir);
    },
  };
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface SweepResult {
  /** The folders and files removed. */
  removed: string[];
}

/**
 * Removes run folders of processes no longer alive (or over a week old and not this
 * process's), and uploads and error files over a week old. Never throws: a folder that will
 * not go is left for the next sweep.
 */
export function sweepTempFolders(dbFile: string | null | undefined, now: number): SweepResult {
  const root = tempRootFor(dbFile);
  const removed: string[] = [];
  const list = (dir: string): fs.Dirent[] => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const olderThanKeep = (target: string): boolean => {
    try {
      return now - fs.statSync(target).mtimeMs > TEMP_KEEP_MS;
    } catch {
      return false;
    }
  };
  for (const entry of list(root)) {
    if (!entry.isDirectory() || !entry.name.startsWith(RUN_PREFIX)) continue;
    const pid = Number(/^run-(\d+)-/.exec(entry.name)?.[1]);
    const dir = path.join(root, entry.name);
    if (liveRuns.has(dir)) continue;
    if (!isProcessAlive(pid) || (pid !== process.pid && olderThanKeep(dir))) {
      removeQuietly(dir);
      if (!fs.existsSync(dir)) removed.push(dir);
    }
  }
  for (const sub of ['uploads', 'errors']) {
    const dir = path.join(root, sub);
    for (const entry of list(dir)) {
      const target = path.join(dir, entry.name);
      if (!olderThanKeep(target)) continue;
      removeQuietly(target);
      if (!fs.existsSync(target)) removed.push(target);
    }
  }
  return { removed };
}

/** ENOSPC (no space left) or EDQUOT (over quota): the disk, not the file, is the problem. */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024 ** 2)).toLocaleString('en-US')} MB`;
}

/** "The disk is full" naming the folder (and, when known, how much was needed). */
export function diskFullRefusal(dir: string, needed?: number, free?: number): ExchangeRefusal {
  const amounts =
    needed !== undefined && free !== undefined
      ? {
          zh: `需要约 ${megabytes(needed)}，只剩 ${megabytes(free)}`,
          en: `needs about ${megabytes(needed)}, ${megabytes(free)} free`,
        }
      : { zh: '没有剩余空间', en: 'no space left' };
  return refusal(
    'disk_full',
    `磁盘空间不足：文件夹 ${dir} 所在的磁盘已满（${amounts.zh}）。请清理磁盘或换一个位置后重试；未写入任何内容。`,
    `The disk is full: the disk holding ${dir} ${amounts.en}. Free some space or choose another place and try again; nothing was written.`,
    dir,
  );
}

/** Free bytes on the disk holding `dir` (its nearest existing parent); null if unknown. */
export function freeBytes(dir: string): number | null {
  let probe = path.resolve(dir);
  for (;;) {
    try {
      const stats = fs.statfsSync(probe);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) return null;
      probe = parent;
    }
  }
}

/** Refuses (disk_full, naming the folder) when `dir`'s disk has less than `needed` bytes free. */
export function checkFreeSpace(dir: string, needed: number): void {
  const free = freeBytes(dir);
  if (free !== null && free < needed) throw diskFullRefusal(dir, needed, free);
}
