/**
 * The clocks a case runs on, read from the database: the work calendar (calendar_days) and
 * the "3个1" rules, merged as core/clocks says: settings' defaults ← the category's own
 * limits ← its urgency override.
 */
import { z } from 'zod';
import { WorkCalendar } from '../../core/calendar';
import { mergeClockRules, type ClockRules } from '../../core/clocks';
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
  const stored = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get('clocks.defaults');
  if (!stored) return {};
  const parsed = clockDefaults.safeParse(JSON.parse(stored.value));
  if (!parsed.success) return {};
  const layer: Partial<ClockRules> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value != null) (layer as Record<string, number>)[key] = value;
  }
  return layer;
}

export function loadClockRules(db: Db, categoryCode: string, urgency: Urgency): ClockRules {
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
  return mergeClockRules(loadClockDefaults(db), layerOf(category), layerOf(override));
}
