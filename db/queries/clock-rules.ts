/**
 * The clocks a case runs on, read from the database: the work calendar (calendar_days) and
 * the "3个1" rules, merged as core/clocks says: settings' defaults ← the category's own
 * limits ← its urgency override.
 */
import { z } from 'zod';
import { WorkCalendar } from '../../core/calendar';
import { mergeClockRules, type ClockRules } from '../../core/clocks';
import type { LimitUnit } from '../../core/limits/limit';
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '../../core/cases/stage-clocks';
import type { Urgency } from '../../core/glossary';
import type { Db } from '../open';

export function loadWorkCalendar(db: Db): WorkCalendar {
  const days = db
    .prepare<[], { day: string; kind: 'holiday' | 'workday' }>(
      'SELECT day, kind FROM calendar_days',
    )
    .all();
  return new WorkCalendar(days);
}

const positive = z.number().positive().nullish();
const clockDefaults = z.object({
  acceptMinutes: positive,
  onsiteMinutes: positive,
  resolveHours: positive,
  resolveWorkingDays: z.number().int().positive().nullish(),
});
const stageDefaults = z.object({ dispatchMinutes: positive, verifyMinutes: positive });

function readClockDefaultsJson(db: Db): unknown {
  const stored = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get('clocks.defaults');
  return stored ? JSON.parse(stored.value) : null;
}

/**
 * The dispatch and verify stages' limits (core/cases/stage-clocks.ts): 'clocks.defaults'
 * dispatchMinutes and verifyMinutes, each falling back to its default when missing or
 * malformed.
 */
export function loadStageLimits(db: Db): StageLimits {
  const parsed = stageDefaults.safeParse(readClockDefaultsJson(db) ?? {});
  return {
    dispatchMinutes:
      (parsed.success ? parsed.data.dispatchMinutes : null) ?? DEFAULT_STAGE_LIMITS.dispatchMinutes,
    verifyMinutes:
      (parsed.success ? parsed.data.verifyMinutes : null) ?? DEFAULT_STAGE_LIMITS.verifyMinutes,
  };
}

interface ClockColumns {
  accept_minutes: number | null;
  onsite_minutes: number | null;
  resolve_hours: number | null;
  resolve_working_days: number | null;
}

function layerOf(row: ClockColumns | undefined): Partial<ClockRules> | null {
  if (!row) return null;
  return {
    ...(row.accept_minutes != null ? { acceptMinutes: row.accept_minutes } : {}),
    ...(row.onsite_minutes != null ? { onsiteMinutes: row.onsite_minutes } : {}),
    ...(row.resolve_hours != null ? { resolveHours: row.resolve_hours } : {}),
    ...(row.resolve_working_days != null ? { resolveWorkingDays: row.resolve_working_days } : {}),
  };
}

/** The admin-editable defaults ('clocks.defaults'); a missing or malformed value falls back to 3个1. */
function loadClockDefaults(db: Db): Partial<ClockRules> {
  const stored = readClockDefaultsJson(db);
  if (stored === null) return {};
  const parsed = clockDefaults.safeParse(stored);
  if (!parsed.success) return {};
  const layer: Partial<ClockRules> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value != null) (layer as Record<string, number>)[key] = value;
  }
  return layer;
}

/**
 * The rules a case of `categoryCode` runs on: defaults ← the category ← the standard row it
 * is registered under (the given one, else the active version's first 立案条件 for the
 * category: registerStandardId) ← the urgency override.
 */
export function loadClockRules(
  db: Db,
  categoryCode: string,
  urgency: Urgency,
  standardId?: number | null,
): ClockRules {
  const category = db
    .prepare<[string], ClockColumns>(
      `SELECT accept_minutes, onsite_minutes, resolve_hours, resolve_working_days
         FROM categories WHERE code = ?`,
    )
    .get(categoryCode);
  if (!category) throw new Error(`未知的案件类别 ${categoryCode} (unknown category)`);
  const override = db
    .prepare<[string, string], ClockColumns>(
      `SELECT accept_minutes, onsite_minutes, resolve_hours, resolve_working_days
         FROM category_clock_overrides WHERE category_code = ? AND urgency = ?`,
    )
    .get(categoryCode, urgency);
  const id = standardId ?? registerStandardId(db, categoryCode);
  const standard = id === null ? undefined : readStandardLimit(db, id);
  return mergeClockRules(
    loadClockDefaults(db),
    layerOf(category),
    standard ? standardLayer(standard) : null,
    layerOf(override),
  );
}

/** The standard row a registration takes when none is named: the active version's first for the category. */
export function registerStandardId(db: Db, categoryCode: string): number | null {
  return (
    db
      .prepare<[string], number>(
        `SELECT s.id FROM category_standards s
          WHERE s.category_code = ? AND s.version_id =
            (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'categories.activeVersion')
          ORDER BY s.position LIMIT 1`,
      )
      .pluck()
      .get(categoryCode) ?? null
  );
}

interface StandardLimitRow {
  category_code: string;
  limit_value: number;
  limit_unit: LimitUnit;
}

function readStandardLimit(db: Db, id: number): StandardLimitRow | undefined {
  return db
    .prepare<[number], StandardLimitRow>(
      'SELECT category_code, limit_value, limit_unit FROM category_standards WHERE id = ?',
    )
    .get(id);
}

/**
 * A standard's limit as a rules layer. Natural hours and whole working days are the limits
 * the rules always knew, so they stay in those fields (the demo's and version 1's rules
 * read exactly as before); the other units are a resolveLimit.
 */
function standardLayer(row: StandardLimitRow): Partial<ClockRules> {
  if (row.limit_unit === 'natural_hours') return { resolveHours: row.limit_value };
  if (row.limit_unit === 'working_days' && Number.isInteger(row.limit_value))
    return { resolveWorkingDays: row.limit_value };
  return { resolveLimit: { value: row.limit_value, unit: row.limit_unit } };
}

/** A standard row's category and condition, for checking a registration's choice. */
export function readStandardChoice(
  db: Db,
  id: number,
): { categoryCode: string; condition: string } | null {
  return (
    db
      .prepare<[number], { categoryCode: string; condition: string }>(
        'SELECT category_code AS categoryCode, condition FROM category_standards WHERE id = ?',
      )
      .get(id) ?? null
  );
}
