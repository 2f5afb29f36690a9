/**
 * The work periods (工作时段) working hours count inside, versioned like the calendar
 * (docs/design/DOMAIN.md, "limit units"): setting 'clocks.workPeriods' holds every
 * WorkPeriodsVersion the admin saved. A save appends a version in force from a day not
 * before today, so a deadline already computed is never computed differently.
 */
import { z } from 'zod';
import type { LimitSentence } from '../../core/limits/limit';
import {
  checkWorkPeriods,
  periodsAt,
  type WorkPeriod,
  type WorkPeriods,
  type WorkPeriodsVersion,
} from '../../core/limits/work-periods';
import { dayString, type DayString } from '../../core/time';
import type { Db } from '../open';

export const WORK_PERIODS_SETTING = 'clocks.workPeriods';

const storedVersions = z.array(
  z.object({
    version: z.number().int().positive(),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    periods: z.array(z.object({ start: z.string(), end: z.string() })),
  }),
);

/**
 * Every saved version, oldest first. A missing or malformed value (bad JSON, a wrong shape,
 * a version checkWorkPeriods would refuse) is no versions: the defaults are in force.
 */
export function loadWorkPeriodVersions(db: Db): WorkPeriodsVersion[] {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(WORK_PERIODS_SETTING);
  if (value === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return [];
  }
  const parsed = storedVersions.safeParse(json);
  if (!parsed.success) return [];
  const versions = parsed.data.map((v) => ({
    version: v.version,
    validFrom: v.validFrom,
    periods: v.periods.map((p) => ({ start: p.start, end: p.end })),
  }));
  if (versions.some((v) => checkWorkPeriods(v).length > 0)) return [];
  return versions.sort((a, b) => a.version - b.version);
}

/** The periods in force at `instant` (a move's time): periodsAt over the stored versions. */
export function loadWorkPeriods(db: Db, instant: number): WorkPeriods {
  return periodsAt(loadWorkPeriodVersions(db), instant);
}

export interface WorkPeriodsEdit {
  periods: WorkPeriod[];
  /** The Shanghai day the periods are in force from: today or later. */
  validFrom: DayString;
}

export type SaveWorkPeriodsResult =
  | { ok: true; saved: WorkPeriodsVersion; versions: WorkPeriodsVersion[] }
  | { ok: false; problems: LimitSentence[]; where: 'periods' | 'validFrom' };

export function saveWorkPeriods(
  db: Db,
  edit: WorkPeriodsEdit,
  actor: string,
  now: number,
): SaveWorkPeriodsResult {
  const periods = edit.periods.map((p) => ({ start: p.start, end: p.end }));
  const problems = checkWorkPeriods({ periods });
  if (problems.length > 0) return { ok: false, problems, where: 'periods' };
  const today = dayString(now);
  if (edit.validFrom < today) {
    return {
      ok: false,
      where: 'validFrom',
      problems: [
        {
          zh: `生效日期 ${edit.validFrom} 早于今天（${today}）：已算出的截止时间不再改变，新的工作时段只能从今天或以后生效。`,
          en: `The day ${edit.validFrom} is before today (${today}): deadlines already computed never move, so new work periods take effect today or later.`,
        },
      ],
    };
  }
  return db.transaction(() => {
    const versions = loadWorkPeriodVersions(db);
    const saved: WorkPeriodsVersion = {
      version: versions.reduce((max, v) => Math.max(max, v.version), 0) + 1,
      validFrom: edit.validFrom,
      periods,
    };
    const next = [...versions, saved];
    db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(WORK_PERIODS_SETTING, JSON.stringify(next), now, actor);
    db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
      now,
      actor,
      WORK_PERIODS_SETTING,
      JSON.stringify(saved),
    );
    return { ok: true as const, saved, versions: next };
  })();
}
