/**
 * The work periods (工作时段) that working hours count inside: 08:00–12:00 and 14:00–18:00 by
 * default, admin-editable, and versioned so a case keeps the periods in force when it was
 * registered (docs/design/DOMAIN.md, "limit units").
 */
import { dayString, type DayString } from '../time';
import type { LimitSentence } from './limit';

export interface WorkPeriod {
  /** 'HH:MM', Shanghai wall clock. */
  start: string;
  /** 'HH:MM', later than start; '24:00' is midnight at the end of the day. */
  end: string;
}

export interface WorkPeriods {
  periods: WorkPeriod[];
}

export const DEFAULT_WORK_PERIODS: WorkPeriods = {
  periods: [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
};

/** Minutes after midnight of an 'HH:MM' time, or null when it is not one. */
export function minutesOfTime(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours < 24 || (hours === 24 && minutes === 0)) return hours * 60 + minutes;
  return null;
}

/**
 * What is wrong with a set of periods, one sentence each; an empty list means they can be
 * saved. Ordered and non-overlapping keeps the deadline arithmetic a single forward walk;
 * periods may touch (12:00–12:00 is not a gap).
 */
export function checkWorkPeriods(p: WorkPeriods): LimitSentence[] {
  const problems: LimitSentence[] = [];
  if (p.periods.length === 0) {
    problems.push({
      zh: '至少需要一个工作时段，否则工作时时限永远不会到期。',
      en: 'At least one work period is needed, or a limit in working hours would never end.',
    });
  }
  let previousEnd: number | null = null;
  let previousText = '';
  p.periods.forEach((period, index) => {
    const n = index + 1;
    const start = minutesOfTime(period.start);
    const end = minutesOfTime(period.end);
    const text = `${period.start}–${period.end}`;
    if (start === null || end === null || start >= 24 * 60) {
      problems.push({
        zh: `第 ${n} 个工作时段「${text}」的时间应写成 HH:MM，例如 08:00–12:00。`,
        en: `Work period ${n} "${text}" needs times as HH:MM, e.g. 08:00–12:00.`,
      });
      return;
    }
    if (start >= end) {
      problems.push({
        zh: `第 ${n} 个工作时段「${text}」的开始时间应早于结束时间。`,
        en: `Work period ${n} "${text}" must start before it ends.`,
      });
      return;
    }
    if (previousEnd !== null && start < previousEnd) {
      problems.push({
        zh: `第 ${n} 个工作时段「${text}」应在上一个时段「${previousText}」结束之后开始。`,
        en: `Work period ${n} "${text}" must start after the previous one, "${previousText}", ends.`,
      });
    }
    previousEnd = end;
    previousText = text;
  });
  return problems;
}

/** One admin edit of the periods, in force from the start of `validFrom` (Shanghai). */
export interface WorkPeriodsVersion extends WorkPeriods {
  version: number;
  validFrom: DayString;
}

/**
 * The periods in force at `instant`: the version with the latest validFrom on or before the
 * instant's Shanghai day (the higher version number if two share a day). The WorkCalendar has no
 * editions of its own, so this is a plain list; it need not be sorted. Before the first
 * version, the defaults were in force.
 */
export function periodsAt(
  versions: ReadonlyArray<WorkPeriodsVersion>,
  instant: number,
): WorkPeriods {
  const day = dayString(instant);
  let best: WorkPeriodsVersion | null = null;
  for (const v of versions) {
    if (v.validFrom > day) continue;
    if (
      !best ||
      v.validFrom > best.validFrom ||
      (v.validFrom === best.validFrom && v.version > best.version)
    )
      best = v;
  }
  return best ?? DEFAULT_WORK_PERIODS;
}
