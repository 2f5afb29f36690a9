/**
 * The demo street under a city-style category standard (assets/demo/standard.csv, issue 12):
 * the seeded demo's active version is that file, read as the exchange reads a city's table;
 * every registered case is under one of its 立案条件 rows (cases.standard_id), with the
 * deadline of that row's limit in its own unit counted in the work periods; the demo's cases
 * cover at least three limit units, working-hour deadlines that plain hour addition would get
 * wrong, and minors whose several conditions each have cases; the same seed chooses the same
 * conditions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolutionDueAt } from '../../core/clocks';
import { HOUR_MS } from '../../core/time';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importStandardFile } from '../../db/exchange/standard-import';
import { readStandardTable } from '../../db/exchange/standard-read';
import type { Db } from '../../db/open';
import { loadClockRules, loadWorkCalendar } from '../../db/queries/clock-rules';
import { loadWorkPeriods } from '../../db/queries/work-periods';
import { demoStandardPath, readDemoStandard } from '../../db/seed/demo-standard';
import type { Urgency } from '../../core/glossary';

const root = path.resolve(import.meta.dirname, '../..');
const now = Date.UTC(2026, 10, 21, 6, 0); // Sat 21 Nov 2026 14:00 in Shanghai
const SEED = 20261121;
let dir: string;
let db: Db;
let version: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-demo-standard-'));
  db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
    demoSeed: SEED,
  }).db;
  version = Number(
    db.prepare("SELECT value FROM settings WHERE key = 'categories.activeVersion'").pluck().get(),
  );
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

interface CaseUnderStandard {
  caseNo: string;
  categoryCode: string;
  urgency: Urgency;
  standardId: number;
  registeredAt: number;
  baseDueAt: number;
  cityDueAt: number | null;
  cityDeadlineHours: number | null;
  state: string;
  value: number;
  unit: string;
  condition: string;
  versionId: number;
  standardCategory: string;
}

const CASES_UNDER_STANDARDS = `
  SELECT c.case_no AS caseNo, c.category_code AS categoryCode, c.urgency, c.standard_id AS standardId,
         c.registered_at AS registeredAt, c.base_due_at AS baseDueAt, c.city_due_at AS cityDueAt,
         c.city_deadline_hours AS cityDeadlineHours, c.state, s.limit_value AS value,
         s.limit_unit AS unit, s.condition, s.version_id AS versionId, s.category_code AS standardCategory
    FROM cases c JOIN category_standards s ON s.id = c.standard_id`;

describe('the demo street’s category standard', () => {
  it('is assets/demo/standard.csv, the active version, read as the exchange reads a city’s table', async () => {
    expect(version).toBeGreaterThan(1);
    expect(
      db.prepare('SELECT source, imported_by FROM category_versions WHERE id = ?').get(version),
    ).toEqual({ source: 'standard.csv', imported_by: 'demo' });
    const units = db.prepare<[], string>('SELECT name FROM units').pluck().all();
    const streamed = await readStandardTable(demoStandardPath(), { knownUnits: units });
    const seeded = readDemoStandard(demoStandardPath(), units);
    expect(streamed.problems).toEqual([]);
    expect(seeded.minors).toEqual(streamed.minors);
    expect(seeded.sha256).toBe(streamed.file.sha256);
    // The same file imported through the exchange is the version the demo made.
    const again = await importStandardFile(db, demoStandardPath(), { now, actor: 'test' });
    expect(again).toMatchObject({ status: 'unchanged', version });
  });

  it('covers every category the demo uses, with several 立案条件 for many minors and all four units', () => {
    expect(
      one(
        `SELECT count(*) FROM categories c WHERE c.active = 1 AND NOT EXISTS
           (SELECT 1 FROM category_standards s WHERE s.category_code = c.code AND s.version_id = ?)`,
        version,
      ),
    ).toBe(0);
    expect(
      one(
        `SELECT count(*) FROM (SELECT category_code FROM category_standards WHERE version_id = ?
           GROUP BY category_code HAVING count(*) > 1)`,
        version,
      ),
    ).toBeGreaterThanOrEqual(20);
    expect(
      all<{ unit: string }>(
        'SELECT DISTINCT limit_unit AS unit FROM category_standards WHERE version_id = ? ORDER BY 1',
        version,
      ).map((r) => r.unit),
    ).toEqual(['natural_days', 'natural_hours', 'working_days', 'working_hours']);
    // Every handling unit of the file is one of the desk's: none is added as a department.
    const units = db.prepare<[], string>('SELECT name FROM units').pluck().all();
    expect(readDemoStandard(demoStandardPath(), units).unknownUnits).toEqual([]);
  });

  it('ships with the app: assets/ is packaged and found by assetsDir', () => {
    expect(fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')).toMatch(
      /^\s*- assets\/\*\*\s*$/m,
    );
    expect(demoStandardPath()).toBe(path.join(root, 'assets/demo/standard.csv'));
  });
});

describe('the demo’s cases under the standard', () => {
  it('registers every registered case under a row of the demo standard of its own category', () => {
    expect(
      one(
        "SELECT count(*) FROM cases WHERE registered_at IS NOT NULL AND state <> 'voided' AND standard_id IS NULL",
      ),
    ).toBe(0);
    const rows = all<CaseUnderStandard>(CASES_UNDER_STANDARDS);
    expect(rows.length).toBeGreaterThan(2000);
    const wrong = rows.filter(
      (r) => r.versionId !== version || r.standardCategory !== r.categoryCode,
    );
    expect(wrong.map((r) => r.caseNo)).toEqual([]);
  });

  it('computes each deadline from its row’s limit, in its unit, in the work periods (loadClockRules)', () => {
    const calendar = loadWorkCalendar(db);
    const problems: string[] = [];
    for (const r of all<CaseUnderStandard>(CASES_UNDER_STANDARDS)) {
      if (r.registeredAt === null) continue;
      const rules = loadClockRules(db, r.categoryCode, r.urgency, r.standardId);
      const expected = resolutionDueAt(
        r.registeredAt,
        rules,
        calendar,
        { dueAt: r.cityDueAt, deadlineHours: r.cityDeadlineHours },
        loadWorkPeriods(db, r.registeredAt),
      );
      if (r.baseDueAt !== expected) problems.push(`${r.caseNo}: ${r.baseDueAt} ≠ ${expected}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has cases under at least three limit units, and working-hour deadlines that hour addition gets wrong', () => {
    // The desk's own limit only: a city deadline on the case overrides the row's.
    const own = all<CaseUnderStandard>(
      `${CASES_UNDER_STANDARDS} WHERE c.registered_at IS NOT NULL
         AND c.city_due_at IS NULL AND c.city_deadline_hours IS NULL`,
    );
    const byUnit = new Map<string, number>();
    for (const r of own) byUnit.set(r.unit, (byUnit.get(r.unit) ?? 0) + 1);
    expect([...byUnit.keys()].length).toBeGreaterThanOrEqual(3);
    for (const [unit, n] of byUnit) expect(n, unit).toBeGreaterThanOrEqual(20);

    const workingHours = own.filter((r) => r.unit === 'working_hours');
    const differ = workingHours.filter((r) => r.baseDueAt !== r.registeredAt + r.value * HOUR_MS);
    // Most reports come outside 08:00–12:00 and 14:00–18:00 or run past a period's end.
    expect(differ.length).toBeGreaterThan(workingHours.length / 3);
    // Counting only working time, a working-hour deadline is never sooner than the hours added.
    expect(differ.every((r) => r.baseDueAt > r.registeredAt + r.value * HOUR_MS)).toBe(true);
    // And the board shows some at once: open cases under working hours.
    expect(
      workingHours.filter((r) =>
        ['registered', 'dispatched', 'in_progress', 'handled'].includes(r.state),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('spreads a minor’s cases over its several 立案条件', () => {
    const spread = all<{ code: string; rows: number; used: number; cases: number }>(
      `SELECT s.category_code AS code, count(DISTINCT s.id) AS rows,
              count(DISTINCT c.standard_id) AS used, count(c.id) AS cases
         FROM category_standards s LEFT JOIN cases c ON c.standard_id = s.id
        WHERE s.version_id = ? GROUP BY s.category_code HAVING count(DISTINCT s.id) > 1`,
      version,
    );
    // E0102 暴露垃圾 (three conditions) is the demo's commonest category.
    expect(spread.find((m) => m.code === 'E0102')).toMatchObject({ rows: 3, used: 3 });
    // Every minor with several conditions and a fair number of cases uses more than one.
    const busy = spread.filter((m) => m.cases >= 20);
    expect(busy.length).toBeGreaterThanOrEqual(10);
    expect(busy.filter((m) => m.used < 2).map((m) => m.code)).toEqual([]);
  });

  it('chooses the same 立案条件 for the same seed', () => {
    const other = openOrCreateDatabase(path.join(dir, 'again.sqlite'), {
      appVersion: 'test',
      now,
      demoWhenNew: true,
      demoSeed: SEED,
    }).db;
    try {
      const pairs = (d: Db) =>
        d
          .prepare(
            `SELECT c.case_no, s.condition, c.base_due_at FROM cases c
               LEFT JOIN category_standards s ON s.id = c.standard_id ORDER BY c.case_no`,
          )
          .raw()
          .all();
      expect(pairs(other)).toEqual(pairs(db));
    } finally {
      other.close();
    }
  });
});
