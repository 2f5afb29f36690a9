/**
 * Backups of a 1,000,000-case store (about 1 GB):
 * - the daily backup through SQLite's online backup API, while the desk keeps writing on
 *   its own connection: total time, the longest stall of the event loop (the longest single
 *   backup step, the only time the database is held), and the latency of a small write
 *   made every 20 ms during it;
 * - baselines in the same run: sqlite3's `.backup` of the same file and a plain file copy;
 * - the integrity_check of the copy (in a worker), the open-time quick_check;
 * - restore: into the open store (the app's path) and by file replacement (the CLI's).
 * Run: node --import tsx tests/bench/backup.bench.ts   (BENCH_CASES to size it)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkInWorker } from '../../db/backup/check-runner';
import { createBackup } from '../../db/backup/create-backup';
import { restoreBackup } from '../../db/backup/restore-backup';
import { openMillionCaseStore } from './million-cases';
import { median, percentile, record } from './record';

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-backup-'));
const log = (message: string) => process.stderr.write(`[backup.bench] ${message}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;
const load = () => os.loadavg()[0]!.toFixed(1);

const { db, file } = openMillionCaseStore(dir, TOTAL, log);
db.pragma('wal_checkpoint(TRUNCATE)');
const bytes = fs.statSync(file).size;
log(`${TOTAL} cases; file ${Math.round(bytes / 1e6)} MB; load ${load()}`);

// The daily backup with the desk writing through it: a calendar note every 20 ms.
const write = db.prepare(
  `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('bench.tick', ?, ?, 'bench')
   ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
);
const writeTimes: number[] = [];
let writing = true;
const writer = (async () => {
  while (writing) {
    const started = performance.now();
    write.run(JSON.stringify(started), Date.now());
    writeTimes.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const folder = path.join(dir, 'backups');
let checkMs = 0;
const backupStarted = performance.now();
const entry = await createBackup(db, {
  reason: 'daily',
  now: Date.now(),
  appVersion: 'bench',
  folder,
  check: async (partial) => {
    const started = performance.now();
    const result = await checkInWorker(partial, 'integrity');
    checkMs = performance.now() - started;
    return result;
  },
});
const backupMs = performance.now() - backupStarted;
loop.disable();
writing = false;
await writer;
log(`daily backup ${seconds(backupMs)} s (check ${seconds(checkMs)} s); load ${load()}`);

const quickStarted = performance.now();
const quick = await checkInWorker(file, 'quick');
const quickMs = performance.now() - quickStarted;

// Restore into the open store (settings screen), then by file replacement (CLI).
const liveStarted = performance.now();
await restoreBackup({
  dbFile: file,
  backupPath: entry.path,
  now: Date.now(),
  appVersion: 'bench',
  liveDb: db,
});
const liveRestoreMs = performance.now() - liveStarted;
db.close();
const fileStarted = performance.now();
await restoreBackup({ dbFile: file, backupPath: entry.path, now: Date.now(), appVersion: 'bench' });
const fileRestoreMs = performance.now() - fileStarted;

// Baselines, last: sqlite3's own .backup (the same API, no JavaScript) and a file copy.
// (Run before the in-app restore, Debian's sqlite3 3.40 left the open store refusing the
// backup API's writes with SQLITE_IOERR; the restore then says so and changes nothing.)
const copyStarted = performance.now();
fs.copyFileSync(file, path.join(dir, 'plain-copy.sqlite'));
const copyMs = performance.now() - copyStarted;
fs.rmSync(path.join(dir, 'plain-copy.sqlite'));
const shellStarted = performance.now();
const shell = spawnSync('sqlite3', [file, `.backup '${path.join(dir, 'shell-backup.sqlite')}'`]);
const shellMs = shell.status === 0 ? performance.now() - shellStarted : null;
if (shell.status !== 0) log(`sqlite3 .backup failed: ${String(shell.stderr)}`);
fs.rmSync(path.join(dir, 'shell-backup.sqlite'), { force: true });

record('backup', {
  cases: TOTAL,
  databaseMB: Math.round(bytes / 1e6),
  dailyBackupSeconds: seconds(backupMs),
  ofWhichIntegrityCheckSeconds: seconds(checkMs),
  copyWithoutCheckSeconds: seconds(backupMs - checkMs),
  longestEventLoopStallMs: Math.round(loop.max / 1e6),
  eventLoopStallP99Ms: Math.round(loop.percentile(99) / 1e6),
  writesDuringBackup: writeTimes.length,
  writeDuringBackupMedianMs: Number(median(writeTimes).toFixed(2)),
  writeDuringBackupP95Ms: Number(percentile(writeTimes, 95).toFixed(2)),
  writeDuringBackupMaxMs: Number(Math.max(...writeTimes).toFixed(2)),
  baselineSqlite3BackupSeconds: shellMs === null ? null : seconds(shellMs),
  baselineFileCopySeconds: seconds(copyMs),
  openQuickCheckSeconds: seconds(quickMs),
  quickCheckOk: quick.ok,
  restoreIntoOpenStoreSeconds: seconds(liveRestoreMs),
  restoreByFileSeconds: seconds(fileRestoreMs),
  loadAverage: Number(load()),
});
fs.rmSync(dir, { recursive: true, force: true });
