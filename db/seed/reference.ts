/**
 * The reference data every new database starts with: the category table, the handling
 * units it names, the work calendar, the clock defaults and the index weights. Read from
 * assets/reference/ and written in one transaction. Running it again adds only what is
 * missing, so it never overwrites what an admin has edited.
 */
import { BUILTIN_VERSION_SQL } from '../migrations/006-category-standard.sql';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { CATEGORY_KIND_LETTER, type CategoryKind } from '../../core/glossary';
import { pinyinInitials } from '../../core/pinyin-initials';
import type { Db } from '../open';
import { assetsDir } from './assets-dir';

/** The street command centre's own unit (街道综合指挥中心). */
export const STREET_UNIT = { code: 'S00', name: '街道综合指挥中心' } as const;
/**
 * 社区居委会 in the category table means "the community the case lies in". It is kept as a
 * department-kind unit too, so that imports naming it still match a unit.
 */
export const COMMUNITY_COMMITTEE_UNIT_NAME = '社区居委会';

export const DEFAULT_CLOCKS = { acceptMinutes: 1, onsiteMinutes: 60, resolveHours: 24 };
const DEFAULT_INDEX_WEIGHTS = {
  onTimeRate: 0.4,
  closureRate: 0.3,
  reworkFree: 0.2,
  satisfactionRate: 0.1,
};
const DEFAULT_INDEX_TIERS = { blue: 90, yellow: 75 };
const DEFAULT_INDEX_GRADES = { A: 90, B: 75, C: 60, D: 40 };

const KIND_BY_NAME: Record<string, CategoryKind> = { 部件: 'component', 事件: 'event' };

const categoryRow = z.object({
  kind: z.enum(['部件', '事件']),
  major_code: z.string().regex(/^\d{2}$/),
  major_name: z.string().min(1),
  minor_code: z.string().regex(/^\d{2}$/),
  minor_name: z.string().min(1),
  resolve_hours: z.string(),
  resolve_working_days: z.string(),
  default_unit: z.string().min(1),
});

interface ReferenceCategory {
  code: string;
  kind: CategoryKind;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  resolveHours: number | null;
  resolveWorkingDays: number | null;
  defaultUnitName: string;
}

export function readReferenceCategories(file: string): ReferenceCategory[] {
  const records: unknown[] = parse(fs.readFileSync(file), {
    columns: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
  });
  return records.map((record, index) => {
    const parsed = categoryRow.safeParse(record);
    // Row numbers as a spreadsheet shows them: the header is row 1.
    if (!parsed.success)
      throw new Error(`${file} 第 ${index + 2} 行格式不对：${parsed.error.message}`);
    const row = parsed.data;
    const kind = KIND_BY_NAME[row.kind]!;
    const hours = row.resolve_hours === '' ? null : Number(row.resolve_hours);
    const days = row.resolve_working_days === '' ? null : Number(row.resolve_working_days);
    if ((hours === null) === (days === null) || Number.isNaN(hours) || Number.isNaN(days)) {
      throw new Error(`${file} 第 ${index + 2} 行：处置时限须且只须填写小时数或工作日数之一`);
    }
    return {
      code: `${CATEGORY_KIND_LETTER[kind]}${row.major_code}${row.minor_code}`,
      kind,
      majorCode: row.major_code,
      majorName: row.major_name,
      minorCode: row.minor_code,
      minorName: row.minor_name,
      resolveHours: hours,
      resolveWorkingDays: days,
      defaultUnitName: row.default_unit,
    };
  });
}

const holidaysFile = z.object({
  years: z.record(
    z.string(),
    z.object({
      source: z.enum(['official', 'provisional']),
      holidays: z.array(z.tuple([z.string(), z.string(), z.string()])),
      workdays: z.array(z.tuple([z.string(), z.string()])),
    }),
  ),
});

interface ReferenceCalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: 'official' | 'provisional';
}

/** Holiday ranges expanded to single days, with the make-up working days (调休). */
export function readReferenceCalendar(file: string): ReferenceCalendarDay[] {
  const parsed = holidaysFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const days: ReferenceCalendarDay[] = [];
  for (const year of Object.values(parsed.years)) {
    for (const [first, last, name] of year.holidays) {
      // Calendar days, not instants: step through them as UTC dates.
      for (
        let t = Date.parse(`${first}T00:00:00Z`);
        t <= Date.parse(`${last}T00:00:00Z`);
        t += 86_400_000
      ) {
        days.push({
          day: new Date(t).toISOString().slice(0, 10),
          kind: 'holiday',
          name,
          source: year.source,
        });
      }
    }
    for (const [day, name] of year.workdays)
      days.push({ day, kind: 'workday', name, source: year.source });
  }
  return days;
}

export function seedReferenceData(db: Db, now: number): void {
  const dir = assetsDir();
  const categories = readReferenceCategories(path.join(dir, 'reference', 'categories.csv'));
  const calendar = readReferenceCalendar(path.join(dir, 'reference', 'holidays.json'));

  // One department unit per handling unit the table names, in order of first mention.
  const unitNames = [...new Set(categories.map((c) => c.defaultUnitName))];
  const unitCodeByName = new Map(
    unitNames.map((name, i) => [name, `D${String(i + 1).padStart(2, '0')}`]),
  );

  const insertUnit = db.prepare(
    `INSERT INTO units (code, name, kind, sort_order) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const insertCategory = db.prepare(
    `INSERT INTO categories (code, kind, major_code, major_name, minor_code, minor_name,
       resolve_hours, resolve_working_days, default_unit_code, pinyin_initials)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT code FROM units WHERE name = ?), ?)
     ON CONFLICT DO NOTHING`,
  );
  const insertDay = db.prepare(
    'INSERT INTO calendar_days (day, kind, name, source) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const insertSetting = db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, 'system')
     ON CONFLICT DO NOTHING`,
  );

  db.transaction(() => {
    insertUnit.run(STREET_UNIT.code, STREET_UNIT.name, 'street', 0);
    unitNames.forEach((name, i) =>
      insertUnit.run(unitCodeByName.get(name), name, 'department', i + 1),
    );
    for (const c of categories) {
      insertCategory.run(
        c.code,
        c.kind,
        c.majorCode,
        c.majorName,
        c.minorCode,
        c.minorName,
        c.resolveHours,
        c.resolveWorkingDays,
        c.defaultUnitName,
        pinyinInitials(c.minorName),
      );
    }
    for (const d of calendar) insertDay.run(d.day, d.kind, d.name, d.source);
    // Version 1 of the category standard: categories.csv, one 立案条件 per minor (migration 006).
    db.exec(BUILTIN_VERSION_SQL);
    db.prepare('UPDATE category_versions SET imported_at = ? WHERE id = 1').run(now);

    const settings: Record<string, unknown> = {
      'clocks.defaults': DEFAULT_CLOCKS,
      'index.weights': DEFAULT_INDEX_WEIGHTS,
      'index.tiers': DEFAULT_INDEX_TIERS,
      'index.grades': DEFAULT_INDEX_GRADES,
      'ui.defaultLocale': 'zh-CN',
    };
    for (const [key, value] of Object.entries(settings))
      insertSetting.run(key, JSON.stringify(value), now);
    // Version 1 of the weights; a published bulletin names the version it used.
    db.prepare(
      `INSERT INTO index_weight_sets (id, weights, tiers, grades, created_at, created_by)
       VALUES (1, ?, ?, ?, ?, 'system') ON CONFLICT DO NOTHING`,
    ).run(
      JSON.stringify(DEFAULT_INDEX_WEIGHTS),
      JSON.stringify(DEFAULT_INDEX_TIERS),
      JSON.stringify(DEFAULT_INDEX_GRADES),
      now,
    );
  })();
}
