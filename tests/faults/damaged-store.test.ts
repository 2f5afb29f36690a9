/**
 * A store that is damaged, found when it is opened (quick_check) or by the daily backup's
 * integrity_check: read-only from then on, a sentence everywhere, no write reaching it.
 * And the commands that replace a store refuse while another process holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startStoreServices } from '../../api/backup/store-services';
import type { ApiContext } from '../../api/context';
import { UserError } from '../../api/errors';
import { invoke } from '../../api/invoke';
import { contextForSession } from '../../api/sessions';
import { listBackups } from '../../db/backup/backup-catalog';
import { runDailyBackupIfDue } from '../../db/backup/daily-backups';
import { storeHealth, whenChecked } from '../../db/store-health';
import { damageIndexKey, damageTablePage } from './store-damage';
import {
  demoStore,
  firstLine,
  griddesk,
  griddeskChild,
  systemContext,
  tempDirs,
} from './store-fixture';

const dir = tempDirs();

const saveDay = (context: ApiContext) =>
  invoke(context, 'calendar.setDay', { day: '2026-12-31', kind: 'holiday', name: '测试' });

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('a store damaged when opened', () => {
  it('is checked in the background: reads answer at once, writes wait for the check', async () => {
    const d = dir('checking');
    const context = systemContext(demoStore(path.join(d, 'street.sqlite')));
    const services = startStoreServices(context, { program: 'test', log: () => {} });
    expect(storeHealth(context.db).state).toBe('checking');
    expect(context.db.pragma('query_only', { simple: true })).toBe(1);
    const info = await invoke(context, 'app.info', {});
    expect(info).toMatchObject({ cases: expect.any(Number) });
    // A write made during the check is held until it passes, then goes through.
    await saveDay(context);
    expect(storeHealth(context.db).state).toBe('ok');
    services.stop();
    context.db.close();
  });

  it('is held read-only with one sentence naming the backup to restore', async () => {
    const d = dir('damaged-open');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const backup = griddesk(d, 'backup', 'create', '--db', file, '--json');
    const backupPath = (JSON.parse(backup.stdout) as { path: string }).path;
    damageTablePage(file, 'cases');
    const context = systemContext(file);
    const services = startStoreServices(context, { program: 'test', log: () => {} });
    await whenChecked(context.db);
    expect(storeHealth(context.db).state).toBe('damaged');
    const status = (await invoke(context, 'store.status', {})) as {
      health: string;
      sentence: { zh: string };
    };
    expect(status.health).toBe('damaged');
    expect(status.sentence.zh).toContain(backupPath);
    const error = await refusal(saveDay(context));
    expect(error.code).toBe('database_damaged');
    expect(error.sentence.zh).toContain('已损坏');
    // No write reached it: the file is byte for byte what it was after the damage.
    const before = fs.readFileSync(file);
    await refusal(saveDay(context));
    context.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    services.stop();
    context.db.close();
  });

  it('is restored from the settings API, and writes work again', async () => {
    const d = dir('damaged-restore');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const backupPath = (
      JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as { path: string }
    ).path;
    damageTablePage(file, 'cases');
    const context = systemContext(file);
    const services = startStoreServices(context, { program: 'test', log: () => {} });
    await whenChecked(context.db);
    const restored = (await invoke(context, 'backup.restore', {
      path: backupPath,
      confirm: true,
    })) as { cases: number; before: string };
    expect(restored.cases).toBeGreaterThan(2000);
    expect(storeHealth(context.db).state).toBe('ok');
    expect(context.db.pragma('quick_check', { simple: true })).toBe('ok');
    await saveDay(context);
    // A path not among the listed backups is never opened.
    const outside = await refusal(
      invoke(context, 'backup.restore', { path: '/etc/passwd', confirm: true }),
    );
    expect(outside.code).toBe('backup_not_listed');
    services.stop();
    context.db.close();
  });
});

describe('exports from a store that cannot record them', () => {
  it('write nothing to the city folder when the store is damaged or another program holds the lock', async () => {
    const d = dir('export-refused');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const out = path.join(d, '回传');
    fs.mkdirSync(out);
    const context = systemContext(file);
    // Another program holds the write lock: refused before any file is written.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    context.db.pragma('busy_timeout = 50');
    const busy = await refusal(
      invoke(context, 'exchange.export', { kind: 'cases', out, since: 0, unmasked: false }),
    );
    other.exec('ROLLBACK');
    other.close();
    expect(busy.code).toMatch(/busy/);
    expect(fs.readdirSync(out)).toEqual([]);
    context.db.close();

    damageTablePage(file, 'cases');
    const damaged = systemContext(file);
    const services = startStoreServices(damaged, { program: 'test', log: () => {} });
    await whenChecked(damaged.db);
    const refused = await refusal(
      invoke(damaged, 'exchange.export', { kind: 'cases', out, since: 0, unmasked: false }),
    );
    expect(refused.code).toBe('database_damaged');
    expect(fs.readdirSync(out)).toEqual([]);
    services.stop();
    damaged.db.close();
  });
});

describe('a damaged store and its admin', () => {
  it('lets the admin sign in (session held in memory) and restore from settings; the sign-in reaches the audit log', async () => {
    const d = dir('damaged-admin');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const healthy = systemContext(file);
    await invoke(healthy, 'auth.setupAdmin', { password: 'restore-the-street' });
    healthy.db.close();
    const backupPath = (
      JSON.parse(griddesk(d, 'backup', 'create', '--db', file, '--json').stdout) as { path: string }
    ).path;
    damageTablePage(file, 'cases');
    const base = { ...systemContext(file), address: '127.0.0.1', transport: 'http' as const };
    const services = startStoreServices(base, { program: 'test', log: () => {} });
    await whenChecked(base.db);
    expect(storeHealth(base.db).state).toBe('damaged');

    const wrong = await refusal(
      invoke(base, 'auth.signIn', { username: 'admin', password: 'not-the-password' }),
    );
    expect(wrong.code).toBe('wrong_credentials');
    const signedIn = (await invoke(base, 'auth.signIn', {
      username: 'admin',
      password: 'restore-the-street',
    })) as { sessionToken: string };
    const admin = contextForSession(base, signedIn.sessionToken);
    expect(admin.actor.role).toBe('admin');
    await invoke(admin, 'backup.restore', { path: backupPath, confirm: true });
    expect(storeHealth(base.db).state).toBe('ok');
    // Both attempts made while the store was read-only are in the restored audit log.
    const actions = base.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'auth.signIn%' ORDER BY id")
      .pluck()
      .all();
    expect(actions.slice(-2)).toEqual(['auth.signIn.failed', 'auth.signIn']);
    // The admin is still signed in after the restore, and may save again.
    const after = contextForSession(base, signedIn.sessionToken);
    expect(after.actor.role).toBe('admin');
    await saveDay(after);
    services.stop();
    base.db.close();
  });
});

describe('the daily backup', () => {
  it('finds a damaged page quick_check missed, lists no backup, and holds the store read-only', async () => {
    const d = dir('daily');
    const file = demoStore(path.join(d, 'street.sqlite'));
    damageIndexKey(file, 'cases_grid');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    expect(raw.pragma('integrity_check', { simple: true })).not.toBe('ok');
    raw.close();
    const context = systemContext(file);
    const entry = await runDailyBackupIfDue(context.db, {
      now: () => Date.now(),
      appVersion: 'test',
    });
    expect(entry).toBeNull();
    expect(listBackups(path.join(d, 'street.sqlite-backups'))).toEqual([]);
    expect(storeHealth(context.db).state).toBe('damaged');
    expect((await refusal(saveDay(context))).code).toBe('database_damaged');
    context.db.close();
  });

  it('is taken once a day, not on every look', async () => {
    const d = dir('daily-once');
    const context = systemContext(demoStore(path.join(d, 'street.sqlite')));
    const options = { now: () => Date.now(), appVersion: 'test' };
    expect(await runDailyBackupIfDue(context.db, options)).not.toBeNull();
    expect(await runDailyBackupIfDue(context.db, options)).toBeNull();
    const later = { ...options, now: () => Date.now() + 25 * 3600_000 };
    expect(await runDailyBackupIfDue(context.db, later)).not.toBeNull();
    context.db.close();
  });
});

describe('commands that replace a store', () => {
  it('demo --force refuses while griddesk serve holds the file, naming it; nothing is lost', async () => {
    const d = dir('demo-force-held');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const serve = griddeskChild(d, 'serve', '--db', file, '--port', '0');
    try {
      await firstLine(serve);
      const before = fs.statSync(file).size;
      const demo = griddesk(d, 'demo', '--db', file, '--force');
      expect(demo.code).toBe(1);
      expect(demo.stderr).toContain('griddesk serve');
      expect(demo.stderr).toContain(String(serve.pid));
      expect(fs.statSync(file).size).toBe(before);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('exit', r));
    }
  }, 60_000);

  it('demo --force refuses while any program has it open (SQLite lock), and backs up otherwise', async () => {
    const d = dir('demo-force');
    const file = demoStore(path.join(d, 'street.sqlite'));
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.prepare('SELECT count(*) FROM cases').get();
    const refused = griddesk(d, 'demo', '--db', file, '--force');
    other.close();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('another program');

    const replaced = griddesk(d, 'demo', '--db', file, '--force', '--seed', '3');
    expect(replaced.code, replaced.stderr).toBe(0);
    const backups = listBackups(path.join(d, 'street.sqlite-backups'));
    expect(backups.map((b) => b.reason)).toEqual(['demo-force']);
    expect(replaced.stderr).toContain(backups[0]!.path);
  }, 60_000);
});
