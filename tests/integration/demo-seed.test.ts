import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { openDatabase, type Db } from '../../db/open';
import { loadClockRules, loadWorkCalendar } from '../../db/queries/clock-rules';
import { assetsDir } from '../../db/seed/assets-dir';
import { seedDemoStreet } from '../../db/seed/demo';
import { seedReferenceData } from '../../db/seed/reference';
import { fromWallClock } from '../../core/time';

const now = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let file: string;
let db: Db;
let seedMs: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-demo-'));
  file = path.join(dir, 'demo.sqlite');
  const started = performance.now();
  const opened = openOrCreateDatabase(file, { appVersion: 'test', now, demoWhenNew: true });
  seedMs = performance.now() - started;
  expect(opened.seeded).toBe('demo');
  db = opened.db;
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('a new database with the demo street', () => {
  it('is created quickly', () => {
    expect(seedMs).toBeLessThan(5000);
  });

  it('holds the street, 12 communities and 154 grids, with their R*Tree boxes', () => {
    expect(db.prepare("SELECT code, name FROM places WHERE level = 'street'").all()).toEqual([
      { code: '990101001', name: '示范街道' },
    ]);
    expect(count("SELECT count(*) FROM places WHERE level = 'community'")).toBe(12);
    expect(count("SELECT count(*) FROM places WHERE level = 'grid'")).toBe(154);
    expect(count('SELECT count(*) FROM place_bounds')).toBe(166);
    expect(count("SELECT count(*) FROM units WHERE kind = 'community'")).toBe(12);
    // The R*Tree finds the grid holding a case's point.
    const demoCase = db
      .prepare('SELECT lng, lat, grid_code FROM cases ORDER BY id LIMIT 1')
      .get() as {
      lng: number;
      lat: number;
      grid_code: string;
    };
    const found = db
      .prepare(
        `SELECT p.code FROM place_bounds b JOIN places p ON p.id = b.id
          WHERE p.level = 'grid' AND b.min_lng <= ? AND b.max_lng >= ? AND b.min_lat <= ? AND b.max_lat >= ?`,
      )
      .pluck()
      .all(demoCase.lng, demoCase.lng, demoCase.lat, demoCase.lat);
    expect(found).toEqual([demoCase.grid_code]);
  });

  it('staffs every grid with a grid leader and a full-time worker', () => {
    for (const role of ['grid_leader', 'full_time_worker']) {
      const missing = count(
        `SELECT count(*) FROM places p WHERE p.level = 'grid'
           AND NOT EXISTS (SELECT 1 FROM staff_roles r WHERE r.place_code = p.code AND r.role = ?)`,
        role,
      );
      expect(missing, role).toBe(0);
    }
    expect(count("SELECT count(*) FROM party_orgs WHERE level = 'community_committee'")).toBe(12);
    expect(
      count(
        "SELECT count(*) FROM staff_roles WHERE role = 'party_household' AND party_org_id IS NULL",
      ),
    ).toBe(0);
  });

  it('holds at least 2,000 cases with their histories and units', () => {
    expect(count('SELECT count(*) FROM cases')).toBeGreaterThanOrEqual(2000);
    expect(count('SELECT count(DISTINCT state) FROM cases')).toBe(8);
    expect(
      count(
        'SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)',
      ),
    ).toBe(0);
    expect(
      count(
        "SELECT count(*) FROM cases WHERE state IN ('registered','dispatched','in_progress','handled') AND due_at < ?",
        now,
      ),
    ).toBeGreaterThan(0);
    expect(
      count(
        "SELECT count(*) FROM cases WHERE lead_unit_code IS NULL AND state NOT IN ('reported','registered','voided')",
      ),
    ).toBe(0);
    expect(count('SELECT count(*) FROM cases WHERE escalated = 1')).toBe(
      count(
        "SELECT count(DISTINCT c.id) FROM cases c JOIN case_units u ON u.case_id = c.id WHERE c.escalated = 1 AND u.role = 'assist'",
      ),
    );
    // Operators' moves point at their user rows.
    expect(
      count("SELECT count(*) FROM case_events WHERE kind = 'register' AND actor_id IS NULL"),
    ).toBe(0);
  });

  it('stores each case as the workflow left it: its state is its last event’s, its intake fields set', () => {
    expect(
      count(
        `SELECT count(*) FROM cases c WHERE c.state IS NOT (SELECT e.to_state FROM case_events e
           WHERE e.case_id = c.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
      ),
    ).toBe(0);
    // planIntake's record, written column by column from the model: the point as given, the times.
    expect(
      count(
        "SELECT count(*) FROM cases WHERE original_crs IS NOT 'WGS84' OR created_at <> reported_at OR updated_at < reported_at",
      ),
    ).toBe(0);
    // 采办分离 by users: the desk user who verified never recorded the handling.
    expect(
      count(
        `SELECT count(*) FROM case_events c JOIN case_events h ON h.case_id = c.case_id
          WHERE c.kind = 'close' AND h.kind = 'handle' AND h.actor_id = c.actor_id`,
      ),
    ).toBe(0);
    expect(
      count("SELECT count(*) FROM case_events WHERE kind = 'close' AND actor_id IS NULL"),
    ).toBe(0);
  });

  it('has the demo users without passwords (first-run setup sets them)', () => {
    expect(count("SELECT count(*) FROM users WHERE username = 'admin' AND role = 'admin'")).toBe(1);
    expect(count("SELECT count(*) FROM users WHERE role = 'operator'")).toBeGreaterThanOrEqual(2);
    expect(count("SELECT count(*) FROM users WHERE role = 'leader'")).toBe(1);
    expect(count('SELECT count(*) FROM users WHERE password_hash IS NOT NULL')).toBe(0);
  });

  it('refuses to rewrite the case history', () => {
    expect(() => db.prepare("UPDATE case_events SET note = 'x' WHERE id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM case_events WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('does not seed a second time when opened again', () => {
    const before = count('SELECT count(*) FROM cases');
    db.close();
    const again = openOrCreateDatabase(file, {
      appVersion: 'test',
      now: now + 3600_000,
      demoWhenNew: true,
    });
    db = again.db;
    expect(again.seeded).toBe('none');
    expect(count('SELECT count(*) FROM cases')).toBe(before);
    expect(count("SELECT count(*) FROM places WHERE level = 'street'")).toBe(1);
    expect(() => seedDemoStreet(db, { now })).toThrow(/已存在|already/);
  });
});

describe('the reference data', () => {
  it('gives every category a default unit, pinyin initials and exactly one resolution limit', () => {
    expect(count('SELECT count(*) FROM categories')).toBe(40);
    expect(
      count(
        'SELECT count(*) FROM categories c LEFT JOIN units u ON u.code = c.default_unit_code WHERE u.code IS NULL',
      ),
    ).toBe(0);
    expect(
      db.prepare("SELECT pinyin_initials FROM categories WHERE code = 'E0505'").pluck().get(),
    ).toBe('JDCLTF');
    expect(db.prepare("SELECT name FROM units WHERE code = 'S00'").pluck().get()).toBe(
      '街道综合指挥中心',
    );
    expect(
      count("SELECT count(*) FROM units WHERE name = '社区居委会' AND kind = 'department'"),
    ).toBe(1);
  });

  it('has the calendar with 2026-10-10 as a make-up working day', () => {
    expect(
      db.prepare("SELECT kind, source FROM calendar_days WHERE day = '2026-10-10'").get(),
    ).toEqual({
      kind: 'workday',
      source: 'official',
    });
    const calendar = loadWorkCalendar(db);
    expect(calendar.addWorkingDays(fromWallClock(2026, 9, 30, 10), 3)).toBe(
      fromWallClock(2026, 10, 10, 10),
    );
  });

  it('stores the settings and version 1 of the index weights', () => {
    const setting = (key: string) =>
      JSON.parse(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string);
    expect(setting('clocks.defaults')).toEqual({
      acceptMinutes: 1,
      onsiteMinutes: 60,
      resolveHours: 24,
    });
    expect(setting('index.weights')).toEqual({
      onTimeRate: 0.4,
      closureRate: 0.3,
      reworkFree: 0.2,
      satisfactionRate: 0.1,
    });
    expect(setting('index.tiers')).toEqual({ blue: 90, yellow: 75 });
    expect(setting('index.grades')).toEqual({ A: 90, B: 75, C: 60, D: 40 });
    expect(setting('ui.defaultLocale')).toBe('zh-CN');
    const weights = db.prepare('SELECT id, weights FROM index_weight_sets').all() as {
      id: number;
      weights: string;
    }[];
    expect(weights).toHaveLength(1);
    expect(weights[0]!.id).toBe(1);
  });

  it('can run again without duplicating or failing', () => {
    const before =
      count('SELECT count(*) FROM categories') + count('SELECT count(*) FROM calendar_days');
    seedReferenceData(db, now);
    expect(
      count('SELECT count(*) FROM categories') + count('SELECT count(*) FROM calendar_days'),
    ).toBe(before);
  });
});

describe('loading the clock rules', () => {
  let ruleDb: Db;
  beforeAll(() => {
    ruleDb = openDatabase(':memory:', { appVersion: 'test', now }).db;
    seedReferenceData(ruleDb, now);
  });
  afterAll(() => ruleDb.close());

  it("merges settings' defaults with the category's limit", () => {
    expect(loadClockRules(ruleDb, 'E0102', 'normal')).toEqual({
      acceptMinutes: 1,
      onsiteMinutes: 60,
      resolveHours: 4,
      resolveWorkingDays: null,
    });
    expect(loadClockRules(ruleDb, 'E9001', 'normal')).toEqual({
      acceptMinutes: 1,
      onsiteMinutes: 60,
      resolveHours: null,
      resolveWorkingDays: 3,
    });
  });

  it('lets an urgency override and edited defaults take their place', () => {
    ruleDb
      .prepare(
        "INSERT INTO category_clock_overrides (category_code, urgency, onsite_minutes, resolve_hours) VALUES ('E9001', 'urgent', 30, 8)",
      )
      .run();
    ruleDb
      .prepare(
        'UPDATE settings SET value = \'{"acceptMinutes":2,"onsiteMinutes":45,"resolveHours":24}\' WHERE key = \'clocks.defaults\'',
      )
      .run();
    expect(loadClockRules(ruleDb, 'E9001', 'urgent')).toEqual({
      acceptMinutes: 2,
      onsiteMinutes: 30,
      resolveHours: 8,
      resolveWorkingDays: null,
    });
    expect(loadClockRules(ruleDb, 'E9001', 'normal')).toEqual({
      acceptMinutes: 2,
      onsiteMinutes: 45,
      resolveHours: null,
      resolveWorkingDays: 3,
    });
  });

  it('names an unknown category', () => {
    expect(() => loadClockRules(ruleDb, 'E9999', 'normal')).toThrow(/E9999/);
  });

  it('needs the reference data before the demo street', () => {
    const empty = openDatabase(':memory:', { appVersion: 'test', now }).db;
    expect(() => seedDemoStreet(empty, { now })).toThrow(/参考数据|reference data/);
    empty.close();
  });
});

describe('finding the assets folder', () => {
  it('walks up to the project assets, or follows GRIDDESK_ASSETS', () => {
    const project = path.resolve(import.meta.dirname, '../../assets');
    expect(assetsDir()).toBe(project);
    const saved = process.env.GRIDDESK_ASSETS;
    try {
      process.env.GRIDDESK_ASSETS = project;
      expect(assetsDir()).toBe(project);
      process.env.GRIDDESK_ASSETS = os.tmpdir();
      expect(() => assetsDir()).toThrow(/GRIDDESK_ASSETS/);
    } finally {
      if (saved === undefined) delete process.env.GRIDDESK_ASSETS;
      else process.env.GRIDDESK_ASSETS = saved;
    }
  });
});
