/**
 * Backups and restore under faults: a kill -9 in the middle of a backup or a restore, a
 * full backup disk, a restore that brings back a damaged street, the rotation.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup/backup-catalog';
import { BackupError } from '../../db/backup/backup-errors';
import { saveBackupSettings } from '../../db/backup/backup-settings';
import { useBundledCheckWorker } from '../../db/backup/check-runner';
import { createBackup } from '../../db/backup/create-backup';
import { restoreBackup, verifyBackup } from '../../db/backup/restore-backup';
import { openDatabase } from '../../db/open';
import { DEFAULT_ROTATION } from '../../core/backup/rotation';
import { invoke } from '../../api/invoke';
import { writeBigCsv } from '../integration/exchange-big-file';
import { mountSmallDisk, NO_SMALL_DISK, writeProtect } from '../fixtures/small-disk';
import { damageTablePage } from './store-damage';
import {
  demoStore,
  exited,
  griddesk,
  griddeskChild,
  systemContext,
  tempDirs,
  until,
} from './store-fixture';

const dir = tempDirs();

const countCases = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
};

const quickCheck = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true });
  } finally {
    db.close();
  }
};

/** Pads a store with ~`mb` MB of filler so a backup or restore takes long enough to kill. */
function padStore(file: string, mb: number): void {
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)');
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO test_filler SELECT randomblob(8192) FROM n`,
  ).run(mb * 128);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('backups', () => {
  it('are written with the backup API, checked, listed with their reason, and rotated', async () => {
    const d = dir('backup');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const opened = openDatabase(file, { appVersion: 'test', now: Date.now() });
    const cases = opened.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    saveBackupSettings(file, {
      folder: path.join(d, 'usb'),
      rotation: { ...DEFAULT_ROTATION, daily: 2, weekly: 0, monthly: 0, eventDays: 0 },
    });
    const day = 86_400_000;
    const start = Date.UTC(2026, 10, 2, 4);
    for (let i = 0; i < 5; i++)
      await createBackup(opened.db, { reason: 'daily', now: start + i * day, appVersion: 'test' });
    opened.db.close();
    const listed = listBackups(path.join(d, 'usb'));
    // Two days' backups kept of five, newest first, each with the street's case count.
    expect(listed.map((b) => b.created_at)).toEqual([start + 4 * day, start + 3 * day]);
    expect(listed.every((b) => b.reason === 'daily' && b.cases === cases)).toBe(true);
    const verified = await verifyBackup(listed[0]!.path);
    expect(verified.cases).toBe(cases);
  });

  it('survive a kill -9 in the middle: nothing half-written is listed, the store is whole', async () => {
    const d = dir('backup-kill');
    const file = demoStore(path.join(d, 'street.sqlite'));
    padStore(file, 300);
    const folder = path.join(d, 'street.sqlite-backups');
    const child = griddeskChild(d, 'backup', 'create', '--db', file);
    await until(() => {
      try {
        return fs
          .readdirSync(folder)
          .some(
            (n) => n.endsWith('.partial') && fs.statSync(path.join(folder, n)).size > 1_000_000,
          );
      } catch {
        return false;
      }
    });
    child.kill('SIGKILL');
    await exited(child);
    expect(listBackups(folder)).toEqual([]);
    expect(quickCheck(file)).toBe('ok');
    const again = griddesk(d, 'backup', 'create', '--db', file, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(listBackups(folder)).toHaveLength(1);
  }, 120_000);

  it('refuse a full backup disk in a sentence, leaving no partial copy', async (ctx) => {
    const d = dir('backup-full');
    const mountPoint = path.join(d, 'small-usb');
    const unmount = mountSmallDisk(mountPoint, 'size=2m', 'faults/backups');
    if (!unmount) return ctx.skip(NO_SMALL_DISK);
    try {
      const file = demoStore(path.join(d, 'street.sqlite'));
      const opened = openDatabase(file, { appVersion: 'test', now: Date.now() });
      const error = await createBackup(opened.db, {
        reason: 'manual',
        now: Date.now(),
        appVersion: 'test',
        folder: mountPoint,
      }).catch((e: unknown) => e);
      opened.db.close();
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe('disk_full');
      expect((error as BackupError).sentence.zh).toContain(mountPoint);
      expect((error as BackupError).sentence.zh).toContain('空间不足');
      expect(fs.readdirSync(mountPoint)).toEqual([]);
    } finally {
      unmount();
    }
  });
});

describe('a big import', () => {
  it('is preceded by a backup of the store as it was, from the CLI and from the app', async () => {
    const d = dir('import-backup');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const before = countCases(file);
    const csv = path.join(d, 'big.csv');
    await writeBigCsv(csv, 12_000);
    const cli = griddesk(d, 'import', csv, '--db', file);
    expect(cli.code, cli.stderr).toBe(0);
    const folder = path.join(d, 'street.sqlite-backups');
    const first = listBackups(folder);
    expect(first.map((b) => b.reason)).toEqual(['import']);
    expect(first[0]!.cases).toBe(before);
    const afterCli = countCases(file);
    expect(afterCli).toBeGreaterThan(before);

    // The same through the app's import job (a worker thread): a second backup, before it.
    const csv2 = path.join(d, 'big-2.csv');
    await writeBigCsv(csv2, 11_000, 500_000);
    const context = systemContext(file);
    const { db } = context;
    const job = (await invoke(context, 'exchange.import.start', {
      path: csv2,
      skipInvalid: false,
    })) as { jobId: string };
    let state = 'running';
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      state = (
        (await invoke(context, 'exchange.jobStatus', { jobId: job.jobId })) as {
          state: string;
        }
      ).state;
    }
    expect(state).toBe('done');
    db.close();
    const second = listBackups(folder);
    expect(second.map((b) => b.reason)).toEqual(['import', 'import']);
    expect(second[0]!.cases).toBe(afterCli);
  }, 180_000);
});

describe('restore', () => {
  it('brings back a damaged street, keeping the damaged file', async () => {
    const d = dir('restore');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const cases = countCases(file);
    const backup = griddesk(d, 'backup', 'create', '--db', file, '--json');
    expect(backup.code, backup.stderr).toBe(0);
    const entry = JSON.parse(backup.stdout) as { path: string };
    damageTablePage(file, 'cases');
    expect(quickCheck(file)).not.toBe('ok');

    // Every command says the store is damaged and which backup to restore; no write lands.
    const info = griddesk(d, 'info', '--db', file);
    expect(info.stderr).toContain('is damaged');
    expect(info.stderr).toContain(entry.path);
    const write = griddesk(
      d,
      'user',
      'add',
      'li4',
      '--name',
      '李四',
      '--role',
      'operator',
      '--db',
      file,
    );
    expect(write.code).not.toBe(0);
    expect(write.stderr).toMatch(/damaged/);
    expect(write.stderr).not.toMatch(/at .*\.ts:\d+/);

    const restored = griddesk(d, 'backup', 'restore', entry.path, '--db', file, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    const result = JSON.parse(restored.stdout) as { cases: number; damagedCopy: string | null };
    expect(result.cases).toBe(cases);
    expect(result.damagedCopy && fs.existsSync(result.damagedCopy)).toBeTruthy();
    expect(quickCheck(file)).toBe('ok');
    expect(countCases(file)).toBe(cases);
  });

  it('restores an older backup even when the rotation would now drop it', async () => {
    const d = dir('restore-old');
    const file = demoStore(path.join(d, 'street.sqlite'));
    // A rotation that keeps one backup only: the backup taken before the restore is newest.
    saveBackupSettings(file, {
      folder: path.join(d, 'usb'),
      rotation: { daily: 1, weekly: 0, monthly: 0, eventDays: 0 },
    });
    const day = 86_400_000;
    const start = Date.UTC(2026, 10, 2, 4);
    const opened = openDatabase(file, { appVersion: 'test', now: start });
    const old = await createBackup(opened.db, { reason: 'daily', now: start, appVersion: 'test' });
    opened.db.exec("CREATE TABLE test_marker (v TEXT); INSERT INTO test_marker VALUES ('later')");
    opened.db.close();
    const result = await restoreBackup({
      dbFile: file,
      backupPath: old.path,
      now: start + 3 * day,
      appVersion: 'test',
    });
    expect(result.restored.path).toBe(old.path);
    expect(fs.existsSync(old.path)).toBe(true);
    const db = new Database(file, { readonly: true });
    const marker = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_marker'");
    expect(marker.pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a backup whose bytes changed since it was written', async () => {
    const d = dir('restore-tampered');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const backup = JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as {
      path: string;
    };
    const bytes = fs.readFileSync(backup.path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    fs.writeFileSync(backup.path, bytes);
    const before = fs.readFileSync(file);
    const restored = griddesk(d, 'backup', 'restore', backup.path, '--db', file);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toContain('no longer matches the checksum');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('survives a kill -9 at any moment: the store is the old one or the restored one, whole', async () => {
    const d = dir('restore-kill');
    const file = demoStore(path.join(d, 'street.sqlite'));
    padStore(file, 80);
    const backup = JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as {
      path: string;
    };
    // One restore left to finish, timed, so the kills below fall across its whole length
    // whatever the machine's load.
    const started = Date.now();
    const timed = griddesk(d, 'backup', 'restore', backup.path, '--db', file);
    expect(timed.code, timed.stderr).toBe(0);
    const restoreMs = Date.now() - started;
    // After the restore, the live store gains a marker: which one survives is then visible.
    const mark = () => {
      const marked = new Database(file);
      marked.exec("CREATE TABLE test_marker (v TEXT); INSERT INTO test_marker VALUES ('after')");
      marked.close();
    };
    mark();
    const seen: string[] = [];
    for (const fraction of [0.3, 0.6, 0.85, 0.95]) {
      const child = griddeskChild(d, 'backup', 'restore', backup.path, '--db', file);
      await new Promise((r) => setTimeout(r, Math.round(restoreMs * fraction)));
      child.kill('SIGKILL');
      await exited(child);
      expect(quickCheck(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      const hasMarker = db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_marker'")
        .pluck()
        .get() as number;
      db.close();
      seen.push(hasMarker ? 'old' : 'restored');
      // The chosen backup is never lost to a killed restore.
      expect(fs.existsSync(backup.path)).toBe(true);
      if (!hasMarker) mark();
    }
    console.log(`restore took ${restoreMs} ms; kill -9 at 30/60/85/95% left: ${seen.join(', ')}`);
  }, 300_000);

  it('refuses while another program holds the store, and changes nothing', async () => {
    const d = dir('restore-held');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const backup = JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as {
      path: string;
    };
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.prepare('SELECT count(*) FROM cases').get();
    try {
      await expect(
        restoreBackup({
          dbFile: file,
          backupPath: backup.path,
          now: Date.now(),
          appVersion: 'test',
        }),
      ).rejects.toMatchObject({ code: 'in_use' });
    } finally {
      holder.close();
    }
  });
});

describe('the backup worker bundled for Electron', () => {
  it('copies and checks a store without tsx', async () => {
    const { buildCheckWorker } = await import('../../scripts/build-electron.mjs');
    // Inside the checkout (dist/ is build output), so that it finds better-sqlite3 as
    // Electron's unpacked app finds its own.
    const bundleDir = path.resolve(import.meta.dirname, '../../dist/test-check-worker');
    useBundledCheckWorker(await buildCheckWorker(bundleDir), null);
    try {
      const d = dir('bundled-worker');
      const file = demoStore(path.join(d, 'street.sqlite'));
      const opened = openDatabase(file, { appVersion: 'test', now: Date.now() });
      const entry = await createBackup(opened.db, {
        reason: 'manual',
        now: Date.now(),
        appVersion: 'test',
      });
      opened.db.close();
      expect(entry.cases).toBe(countCases(file));
      expect((await verifyBackup(entry.path)).cases).toBe(entry.cases);
    } finally {
      useBundledCheckWorker(null, null);
      fs.rmSync(bundleDir, { recursive: true, force: true });
    }
  });
});

describe('backups against awkward places and timing', () => {
  it('two stores backing up in the same second into one folder get their own names and streets', async () => {
    const d = dir('same-second');
    const a = demoStore(path.join(d, 'a', 'x.sqlite'));
    const b = demoStore(path.join(d, 'b', 'x.sqlite'));
    const extra = new Database(b);
    extra.exec("CREATE TABLE test_marker (v TEXT); INSERT INTO test_marker VALUES ('b')");
    extra.close();
    const folder = path.join(d, 'shared');
    const now = Date.UTC(2026, 11, 2, 4, 0, 0);
    const dbA = openDatabase(a, { appVersion: 'test', now }).db;
    const dbB = openDatabase(b, { appVersion: 'test', now }).db;
    const made = await Promise.all([
      createBackup(dbA, { reason: 'manual', now, appVersion: 'test', folder }),
      createBackup(dbB, { reason: 'manual', now, appVersion: 'test', folder }),
    ]);
    dbA.close();
    dbB.close();
    expect(new Set(made.map((m) => m.path)).size).toBe(2);
    for (const entry of listBackups(folder)) {
      const copy = new Database(entry.path, { readonly: true });
      const marked = copy
        .prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_marker'")
        .pluck()
        .get();
      copy.close();
      expect(marked).toBe(entry.source === path.resolve(b) ? 1 : 0);
    }
  });

  it('a backup on write-protected media verifies and restores', async (ctx) => {
    const d = dir('read-only-stick');
    const stick = path.join(d, 'stick');
    const unmount = mountSmallDisk(stick, 'size=40m', 'faults/backups');
    if (!unmount) return ctx.skip(NO_SMALL_DISK);
    try {
      const file = demoStore(path.join(d, 'street.sqlite'));
      const made = griddesk(d, 'backup', 'create', '--db', file, '--folder', stick, '--json');
      expect(made.code, made.stderr).toBe(0);
      const entry = JSON.parse(made.stdout) as { path: string };
      // One file: no -wal or -shm left beside it.
      expect(fs.readdirSync(stick).filter((n) => /-(wal|shm)$/.test(n))).toEqual([]);
      expect(writeProtect(stick)).toBe(true);
      const verified = griddesk(d, 'backup', 'verify', entry.path);
      expect(verified.code, verified.stderr).toBe(0);
      const restored = griddesk(d, 'backup', 'restore', entry.path, '--db', file);
      expect(restored.code, restored.stderr).toBe(0);
    } finally {
      unmount();
    }
  });

  it('a live database with its WAL is refused as a backup to restore', async () => {
    const d = dir('live-as-backup');
    const live = demoStore(path.join(d, 'live.sqlite'));
    const target = demoStore(path.join(d, 'target.sqlite'));
    const holder = new Database(live);
    holder.pragma('journal_mode = WAL');
    holder.pragma('wal_autocheckpoint = 0');
    holder.exec("CREATE TABLE test_marker (v TEXT); INSERT INTO test_marker VALUES ('in the wal')");
    try {
      const result = griddesk(d, 'backup', 'restore', live, '--db', target);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('-wal');
    } finally {
      holder.close();
    }
  });

  it('a backup folder whose disk has gone is refused, not recreated on the system disk', async () => {
    const d = dir('unplugged');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const gone = path.join(d, 'usb-stick-not-attached', '备份');
    saveBackupSettings(file, { folder: path.join(d, 'usb'), rotation: DEFAULT_ROTATION });
    const opened = openDatabase(file, { appVersion: 'test', now: Date.now() });
    await expect(
      createBackup(opened.db, {
        reason: 'manual',
        now: Date.now(),
        appVersion: 'test',
        folder: gone,
      }),
    ).rejects.toMatchObject({ code: 'folder_unwritable' });
    opened.db.close();
    expect(fs.existsSync(path.dirname(gone))).toBe(false);
  });

  it('an import that runs during a CLI restore is never lost: the restore stops, or the import is refused', async () => {
    const d = dir('import-during-restore');
    const file = demoStore(path.join(d, 'street.sqlite'));
    padStore(file, 120);
    const backup = JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as {
      path: string;
    };
    const csv = path.join(d, 'small.csv');
    await writeBigCsv(csv, 50, 900_000);
    const restore = griddeskChild(d, 'backup', 'restore', backup.path, '--db', file);
    let restoreErr = '';
    restore.stderr.on('data', (chunk: Buffer) => (restoreErr += chunk.toString()));
    await new Promise((r) => setTimeout(r, 400));
    const imported = griddesk(d, 'import', csv, '--db', file);
    await exited(restore);
    const db = new Database(file, { readonly: true });
    const batches = db
      .prepare("SELECT count(*) FROM exchange_batches WHERE direction = 'import'")
      .pluck()
      .get();
    db.close();
    // The backup the restore took of the store as it was, before replacing it.
    const before = listBackups(path.join(d, 'street.sqlite-backups')).find(
      (entry) => entry.reason === 'restore',
    );
    let keptBefore = 0;
    if (before) {
      const copy = new Database(before.path, { readonly: true });
      keptBefore = copy
        .prepare("SELECT count(*) FROM exchange_batches WHERE direction = 'import'")
        .pluck()
        .get() as number;
      copy.close();
    }
    if (imported.code === 0) {
      // The import said it was written: the store holds it, or (when it ended before the
      // restore began) the backup the restore took first does.
      expect(Number(batches) + keptBefore).toBeGreaterThanOrEqual(1);
    } else {
      expect(imported.stderr).not.toMatch(/\n\s+at /);
    }
    console.log(
      `import during restore: import exit ${imported.code}, restore exit ${restore.exitCode}, in store ${batches}, in the before-restore backup ${keptBefore}; ${restoreErr.trim().split('\n').pop()}`,
    );
  }, 120_000);
});
