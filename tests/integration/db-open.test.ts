import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../db/errors';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase } from '../../db/open';

const now = Date.UTC(2026, 10, 21, 6, 0);
/** The newest schema version; test migrations come after it. */
const LAST = MIGRATIONS.at(-1)!.version;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('opening the case store', () => {
  it('numbers its migrations 1, 2, 3… with no gap, so none can be skipped', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('creates a new file with WAL, foreign keys and the latest schema', () => {
    const file = path.join(dir, 'new.sqlite');
    const { db, created, migrated, backupPath } = openDatabase(file, { appVersion: '1.0.0', now });
    expect(created).toBe(true);
    expect(migrated).toEqual(MIGRATIONS.map((m) => m.version));
    expect(backupPath).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('opens an up-to-date file without migrating or backing up', () => {
    const file = path.join(dir, 'same.sqlite');
    openDatabase(file, { appVersion: '1.0.0', now }).db.close();
    const again = openDatabase(file, { appVersion: '1.0.0', now });
    expect(again.created).toBe(false);
    expect(again.migrated).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    again.db.close();
  });

  it('takes a backup before migrating an older database, and the backup holds the old schema', () => {
    const file = path.join(dir, 'old.sqlite');
    const first = openDatabase(file, { appVersion: '1.0.0', now });
    first.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', 0)")
      .run();
    first.db.close();
    const next = [
      ...MIGRATIONS,
      {
        version: LAST + 1,
        name: 'probe',
        sql: 'CREATE TABLE probe_table (x INTEGER);',
      },
    ];
    const upgraded = openDatabase(file, { appVersion: '1.1.0', now, migrations: next });
    expect(upgraded.migrated).toEqual([LAST + 1]);
    expect(upgraded.backupPath).not.toBeNull();
    upgraded.db.close();
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LAST);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe(
      '1',
    );
    expect(
      backup.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'probe_table'").pluck().get(),
    ).toBe(0);
    backup.close();
  });

  it('rolls a failing migration back completely', () => {
    const file = path.join(dir, 'fail.sqlite');
    openDatabase(file, { appVersion: '1.0.0', now }).db.close();
    const broken = [
      ...MIGRATIONS,
      {
        version: LAST + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x INTEGER); SELECT no_such_function();',
      },
    ];
    expect(() => openDatabase(file, { appVersion: '1.1.0', now, migrations: broken })).toThrow(
      DatabaseOpenError,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LAST);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get(),
    ).toBe(0);
    db.close();
  });

  it('refuses a database made by a newer GridDesk, with a sentence, and leaves it alone', () => {
    const file = path.join(dir, 'newer.sqlite');
    openDatabase(file, { appVersion: '1.0.0', now }).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const attempt = () => openDatabase(file, { appVersion: '1.0.0', now });
    expect(attempt).toThrow(/newer GridDesk/);
    try {
      attempt();
    } catch (error) {
      expect((error as DatabaseOpenError).code).toBe('too_new');
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(
      file,
      'this is a text file, not SQLite, and long enough to have a header '.repeat(20),
    );
    expect(() => openDatabase(file, { appVersion: '1.0.0', now })).toThrow(/not a SQLite database/);
  });
});
