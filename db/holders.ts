/**
 * Who has a database open (谁在使用数据库). Every GridDesk process that opens a store for
 * longer than a moment (the desktop app, `griddesk serve`, a command-line import) leaves a
 * small file naming itself beside it; a command that would replace the file (`demo --force`,
 * `backup restore`) refuses while another live process holds it, and names that process.
 * SQLite's own lock backs this up for programs that leave no file (a sqlite3 shell): a
 * database in WAL mode cannot leave WAL while any other connection has it open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isProcessAlive } from './temp-folders';

interface Holder {
  pid: number;
  /** What the process is, in words a user knows: '桌面程序', 'griddesk serve', '命令行导入'. */
  program: string;
  startedAt: number;
  hostname: string;
}

const holdersDir = (file: string) => `${path.resolve(file)}.holders`;

/** Says this process holds `file` until the returned release runs (or the process dies). */
export function claimDatabase(file: string, program: string, now: number): () => void {
  const dir = holdersDir(file);
  const mine = path.join(dir, `${process.pid}.json`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const holder: Holder = { pid: process.pid, program, startedAt: now, hostname: os.hostname() };
    fs.writeFileSync(mine, JSON.stringify(holder));
  } catch {
    // A read-only folder cannot hold the note; SQLite's lock still protects the file.
    return () => {};
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    fs.rmSync(mine, { force: true });
    try {
      fs.rmdirSync(dir);
    } catch {
      // Another holder's note is still there.
    }
  };
  process.once('exit', release);
  return release;
}

/** The other live processes on this machine that hold `file`; stale notes are cleared. */
export function otherHolders(file: string): Holder[] {
  const dir = holdersDir(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const name of names) {
    const note = path.join(dir, name);
    let holder: Holder;
    try {
      holder = JSON.parse(fs.readFileSync(note, 'utf8')) as Holder;
    } catch {
      continue;
    }
    if (holder.pid === process.pid) continue;
    const sameMachine = holder.hostname === os.hostname();
    if (sameMachine && !isProcessAlive(holder.pid)) {
      fs.rmSync(note, { force: true });
      continue;
    }
    holders.push(holder);
  }
  return holders;
}

/**
 * True when some other connection (any program) has the file open, by SQLite's own lock:
 * leaving WAL needs the file to itself. Only for a file about to be replaced anyway: on
 * success its journal mode is set back to WAL before closing.
 */
export function sqliteSaysInUse(file: string, nativeBinding?: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: Database.Database;
  try {
    db = new Database(file, {
      fileMustExist: true,
      timeout: 0,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch {
    return false;
  }
  try {
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode !== 'wal') return false;
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = WAL');
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db.close();
  }
}

/** The programs that replace a store's file: nothing else may open it meanwhile. */
const REPLACING = ['griddesk backup restore', 'griddesk demo --force'];

/** A sentence when a restore or `demo --force` is replacing `file` right now, else null. */
export function replacementSentence(file: string): { zh: string; en: string } | null {
  const replacing = otherHolders(file).find((h) => REPLACING.includes(h.program));
  if (!replacing) return null;
  return {
    zh: `数据库 ${file} 正在被 ${replacing.program}（进程 ${replacing.pid}）替换，现在不能打开：请等它完成后再试。`,
    en: `${file} is being replaced by ${replacing.program} (process ${replacing.pid}); it cannot be opened now: wait for it to finish.`,
  };
}

/** One sentence naming who holds the file, or null when nobody else does. */
export function inUseSentence(file: string): { zh: string; en: string } | null {
  const holders = otherHolders(file);
  if (holders.length > 0) {
    const who = holders.map((h) => `${h.program}（进程 ${h.pid}）`).join('、');
    const whoEn = holders.map((h) => `${h.program} (process ${h.pid})`).join(', ');
    return {
      zh: `数据库 ${file} 正被 ${who} 打开使用，不能替换：请先关闭它。`,
      en: `${file} is open in ${whoEn}; it cannot be replaced: close that first.`,
    };
  }
  if (sqliteSaysInUse(file)) {
    return {
      zh: `数据库 ${file} 正被另一个程序打开使用，不能替换：请先关闭它。`,
      en: `${file} is open in another program; it cannot be replaced: close that first.`,
    };
  }
  return null;
}
