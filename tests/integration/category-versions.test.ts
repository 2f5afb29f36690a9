/**
 * The category standard's versions (migration 006): a new desk starts on version 1, its own
 * categories.csv with one 立案条件 per minor; a desk upgraded from migration 5 gets the same
 * version 1 from the categories it has; a version's rows never change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import { openDatabase } from '../../db/open';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-category-versions-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('category standard versions', () => {
  it('a new desk starts on version 1: one standard per category, its limit in its unit', () => {
    const { db } = openOrCreateDatabase(path.join(dir, 'new.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    });
    const version = db.prepare('SELECT * FROM category_versions').all();
    expect(version).toEqual([
      expect.objectContaining({ id: 1, source: 'categories.csv', imported_at: NOW }),
    ]);
    const categories = db.prepare<[], number>('SELECT count(*) FROM categories').pluck().get()!;
    expect(categories).toBeGreaterThan(30);
    const standards = db
      .prepare<[], { category_code: string; limit_value: number; limit_unit: string }>(
        'SELECT category_code, limit_value, limit_unit FROM category_standards WHERE version_id = 1',
      )
      .all();
    expect(standards).toHaveLength(categories);
    // 上水井盖: 2 natural hours in categories.csv.
    expect(standards.find((s) => s.category_code === 'C0101')).toEqual({
      category_code: 'C0101',
      limit_value: 2,
      limit_unit: 'natural_hours',
    });
    expect(new Set(standards.map((s) => s.limit_unit))).toEqual(
      new Set(['natural_hours', 'working_days']),
    );
    expect(
      db.prepare("SELECT value FROM settings WHERE key = 'categories.activeVersion'").pluck().get(),
    ).toBe('1');
    db.close();
  });

  it('a desk at migration 5 gets version 1 from the categories it holds', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = openDatabase(file, {
      appVersion: 'test',
      now: NOW,
      migrations: MIGRATIONS.filter((m) => m.version <= 5),
    }).db;
    old.exec(`INSERT INTO units (code, name, kind, sort_order) VALUES ('D01', '水务所', 'department', 1);
      INSERT INTO categories (code, kind, major_code, major_name, minor_code, minor_name, resolve_working_days, default_unit_code)
      VALUES ('E0101', 'event', '01', '市容环境', '01', '私搭乱建', 3, 'D01');`);
    expect(old.pragma('user_version', { simple: true })).toBe(5);
    old.close();
    const { db } = openDatabase(file, { appVersion: 'test', now: NOW });
    // Every later migration runs too: the store opens at the latest version.
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT * FROM category_standards').all()).toEqual([
      expect.objectContaining({
        version_id: 1,
        category_code: 'E0101',
        unit_code: 'D01',
        unit_name: '水务所',
        position: 1,
        limit_value: 3,
        limit_unit: 'working_days',
      }),
    ]);
    db.close();
  });

  it("refuses to change, delete or replace a version's rows", () => {
    const { db } = openOrCreateDatabase(path.join(dir, 'locked.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    });
    expect(() => db.exec('UPDATE category_standards SET limit_value = 99')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM category_standards')).toThrow(/append-only/);
    expect(() =>
      db.exec(`REPLACE INTO category_standards (id, version_id, category_code, kind, major_code, major_name,
        minor_code, minor_name, position, condition, limit_value, limit_unit)
        SELECT id, version_id, category_code, kind, major_code, major_name, minor_code, minor_name,
               position, condition, 99, limit_unit FROM category_standards LIMIT 1`),
    ).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM category_versions')).toThrow(/append-only/);
    db.close();
  });
});
