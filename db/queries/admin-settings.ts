/**
 * Two simple settings the admin edits: the stage clock defaults ('clocks.defaults', read by
 * clock-rules.ts) and the idle-lock minutes ('auth.idleLockMinutes', read into auth.status
 * by readIdleLockMinutes). Each save writes the key and an audit line with the value before
 * and after, in one transaction; the audit lines are the setting's history.
 */
import type { Db } from '../open';
import { readIdleLockMinutes, recordAudit } from './users';

export const CLOCK_DEFAULTS_SETTING = 'clocks.defaults';
export const IDLE_LOCK_SETTING = 'auth.idleLockMinutes';

/** The stage clocks the settings edit, in minutes. */
export interface StageClockDefaults {
  acceptMinutes: number;
  dispatchMinutes: number;
  onsiteMinutes: number;
  verifyMinutes: number;
}

/** When the key lacks one: 3个1's minute to accept, then half an hour, an hour, four hours. */
export const STAGE_CLOCK_FALLBACK: StageClockDefaults = {
  acceptMinutes: 1,
  dispatchMinutes: 30,
  onsiteMinutes: 60,
  verifyMinutes: 240,
};

export function readSetting(db: Db, key: string): unknown {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(key);
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

export function writeSetting(
  db: Db,
  key: string,
  value: unknown,
  actor: string,
  now: number,
): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), now, actor);
}

/** The whole stored object (resolveHours and whatever else is there), or {}. */
function storedClockDefaults(db: Db): Record<string, unknown> {
  const value = readSetting(db, CLOCK_DEFAULTS_SETTING);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function readStageClockDefaults(db: Db): StageClockDefaults {
  const stored = storedClockDefaults(db);
  const pick = (key: keyof StageClockDefaults) => {
    const value = stored[key];
    return typeof value === 'number' && value > 0 ? value : STAGE_CLOCK_FALLBACK[key];
  };
  return {
    acceptMinutes: pick('acceptMinutes'),
    dispatchMinutes: pick('dispatchMinutes'),
    onsiteMinutes: pick('onsiteMinutes'),
    verifyMinutes: pick('verifyMinutes'),
  };
}

/** Sets the four stage clocks; the key's other fields (resolveHours, …) stay as they are. */
export function saveStageClockDefaults(
  db: Db,
  edit: StageClockDefaults,
  actor: string,
  now: number,
): StageClockDefaults {
  db.transaction(() => {
    const before = storedClockDefaults(db);
    const after = { ...before, ...edit };
    writeSetting(db, CLOCK_DEFAULTS_SETTING, after, actor, now);
    recordAudit(db, now, actor, CLOCK_DEFAULTS_SETTING, { before, after });
  })();
  return readStageClockDefaults(db);
}

export function saveIdleLockMinutes(db: Db, minutes: number, actor: string, now: number): number {
  db.transaction(() => {
    const before = readIdleLockMinutes(db);
    writeSetting(db, IDLE_LOCK_SETTING, minutes, actor, now);
    recordAudit(db, now, actor, IDLE_LOCK_SETTING, { before, after: minutes });
  })();
  return readIdleLockMinutes(db);
}
