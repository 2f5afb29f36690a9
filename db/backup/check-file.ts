/**
 * Checking a database file (完整性检查): SQLite's quick_check (minutes → seconds: it skips the
 * index-content cross-check) or integrity_check (everything), on a read-only connection of
 * its own, so it is safe on a live WAL store and on a backup copy alike. Synchronous here;
 * check-runner.ts runs it in a worker thread for the app and the host.
 */
import Database from 'better-sqlite3';

export type CheckKind = 'quick' | 'integrity';

export interface FileCheck {
  ok: boolean;
  /** SQLite's own words for the first problems found (at most 20), empty when ok. */
  problems: string[];
  /** Cases in the file, when the table could be read. */
  cases: number | null;
  schemaVersion: number | null;
}

const MAX_PROBLEMS = 20;

export function checkDatabaseFile(
  file: string,
  kind: CheckKind,
  nativeBinding?: string | null,
): FileCheck {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    return { ok: false, problems: [(error as Error).message], cases: null, schemaVersion: null };
  }
  try {
    const rows = db
      .prepare(`PRAGMA ${kind === 'quick' ? 'quick_check' : 'integrity_check'}(${MAX_PROBLEMS})`)
      .pluck()
      .all() as string[];
    const ok = rows.length === 1 && rows[0] === 'ok';
    let cases: number | null = null;
    let schemaVersion: number | null = null;
    try {
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    } catch {
      // A file with no cases table (or too damaged to count) still gets its verdict.
    }
    return { ok, problems: ok ? [] : rows, cases, schemaVersion };
  } catch (error) {
    // A damaged header or page can make the check itself fail: that is a verdict too.
    return { ok: false, problems: [(error as Error).message], cases: null, schemaVersion: null };
  } finally {
    db.close();
  }
}

/**
 * A backup is one file: out of WAL mode, so it opens read-only on a write-protected USB stick
 * (a WAL database needs a -shm beside it) and leaves no -wal or -shm behind.
 */
export function singleFile(file: string, nativeBinding: string | null): void {
  const out = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    out.pragma('journal_mode = DELETE');
  } finally {
    out.close();
  }
}
