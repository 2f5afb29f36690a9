/**
 * Urgency overrides of a category's clocks (紧急程度时限, category_clock_overrides), edited in
 * the settings. loadClockRules (clock-rules.ts) reads the table as it is at each
 * registration; the table keeps no history of its own, so every save and removal writes an
 * audit line with the row before and after, and that is the history the settings show.
 */
import type { Urgency } from '../../core/glossary';
import type { Db } from '../open';
import { recordAudit } from './users';

export interface ClockOverride {
  categoryCode: string;
  urgency: Urgency;
  acceptMinutes: number | null;
  onsiteMinutes: number | null;
  resolveHours: number | null;
  resolveWorkingDays: number | null;
}

export interface ClockOverrideRow extends ClockOverride {
  minorName: string;
  majorName: string;
}

const COLUMNS = `o.category_code AS categoryCode, o.urgency, o.accept_minutes AS acceptMinutes,
  o.onsite_minutes AS onsiteMinutes, o.resolve_hours AS resolveHours,
  o.resolve_working_days AS resolveWorkingDays`;

export function listClockOverrides(db: Db): ClockOverrideRow[] {
  return db
    .prepare<[], ClockOverrideRow>(
      `SELECT ${COLUMNS}, c.minor_name AS minorName, c.major_name AS majorName
         FROM category_clock_overrides o JOIN categories c ON c.code = o.category_code
        ORDER BY o.category_code, o.urgency`,
    )
    .all();
}

function readOverride(db: Db, code: string, urgency: Urgency): ClockOverride | null {
  return (
    db
      .prepare<[string, string], ClockOverride>(
        `SELECT ${COLUMNS} FROM category_clock_overrides o WHERE category_code = ? AND urgency = ?`,
      )
      .get(code, urgency) ?? null
  );
}

export type OverrideResult =
  | { ok: true; before: ClockOverride | null; after: ClockOverride | null }
  | { ok: false; code: string; where: string; zh: string; en: string };

/** Adds or changes the override of one category and urgency. */
export function saveClockOverride(
  db: Db,
  override: ClockOverride,
  actor: string,
  now: number,
): OverrideResult {
  const known = db.prepare('SELECT 1 FROM categories WHERE code = ?').get(override.categoryCode);
  if (!known) {
    return {
      ok: false,
      code: 'unknown_category',
      where: 'categoryCode',
      zh: `类别代码 ${override.categoryCode} 不存在。`,
      en: `Category code: there is no category ${override.categoryCode}.`,
    };
  }
  return db.transaction((): OverrideResult => {
    const before = readOverride(db, override.categoryCode, override.urgency);
    db.prepare(
      `INSERT INTO category_clock_overrides (category_code, urgency, accept_minutes,
         onsite_minutes, resolve_hours, resolve_working_days)
       VALUES (@categoryCode, @urgency, @acceptMinutes, @onsiteMinutes, @resolveHours,
         @resolveWorkingDays)
       ON CONFLICT (category_code, urgency) DO UPDATE SET accept_minutes = excluded.accept_minutes,
         onsite_minutes = excluded.onsite_minutes, resolve_hours = excluded.resolve_hours,
         resolve_working_days = excluded.resolve_working_days`,
    ).run(override);
    recordAudit(db, now, actor, 'clocks.override.save', { before, after: override });
    return { ok: true, before, after: override };
  })();
}

export function removeClockOverride(
  db: Db,
  categoryCode: string,
  urgency: Urgency,
  actor: string,
  now: number,
): OverrideResult {
  return db.transaction((): OverrideResult => {
    const before = readOverride(db, categoryCode, urgency);
    if (!before) {
      return {
        ok: false,
        code: 'no_such_override',
        where: 'categoryCode',
        zh: `类别 ${categoryCode} 没有这一紧急程度的时限，无需删除。`,
        en: `Category ${categoryCode} has no override for this urgency; nothing to remove.`,
      };
    }
    db.prepare('DELETE FROM category_clock_overrides WHERE category_code = ? AND urgency = ?').run(
      categoryCode,
      urgency,
    );
    recordAudit(db, now, actor, 'clocks.override.remove', { before, after: null });
    return { ok: true, before, after: null };
  })();
}

export interface SettingChange {
  at: number;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The latest audit lines of some actions, newest first: the history of a simple setting. */
export function recentSettingChanges(
  db: Db,
  actions: readonly string[],
  limit = 10,
): SettingChange[] {
  const rows = db
    .prepare<unknown[], { at: number; actor: string; action: string; detail: string | null }>(
      `SELECT at, actor, action, detail FROM audit_log
        WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT ?`,
    )
    .all(...actions, limit);
  return rows.map((row) => {
    const detail = (row.detail ? JSON.parse(row.detail) : {}) as {
      before?: unknown;
      after?: unknown;
    };
    return {
      at: row.at,
      actor: row.actor,
      action: row.action,
      before: detail.before ?? null,
      after: detail.after ?? null,
    };
  });
}

/** The categories an override can be for. */
export function listCategoryChoices(db: Db): Array<{ code: string; name: string }> {
  return db
    .prepare<[], { code: string; name: string }>(
      'SELECT code, minor_name AS name FROM categories WHERE active = 1 ORDER BY code',
    )
    .all();
}
