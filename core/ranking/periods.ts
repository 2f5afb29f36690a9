/**
 * Periods of measurement (docs/design/DOMAIN.md "Measuring"): a calendar month or an ISO week in
 * Asia/Shanghai, always half-open [start, end). Keys are `YYYY-MM` and `YYYY-Www`.
 */
import { DAY_MS, fromWallClock, toWallClock } from '../time';

export type PeriodKind = 'month' | 'week';

export interface Period {
  kind: PeriodKind;
  /** `2026-10` or `2026-W47`. */
  key: string;
  /** First instant inside the period (epoch ms). */
  start: number;
  /** First instant after it. */
  end: number;
}

const WEEK_MS = 7 * DAY_MS;

function monthPeriod(year: number, month: number): Period {
  // Date.UTC carries month 13 or 0 into the next or previous year.
  const normal = new Date(Date.UTC(year, month - 1, 1));
  const y = normal.getUTCFullYear();
  const m = normal.getUTCMonth() + 1;
  return {
    kind: 'month',
    key: `${y}-${String(m).padStart(2, '0')}`,
    start: fromWallClock(y, m, 1),
    end: fromWallClock(y, m + 1, 1),
  };
}

/** Monday 00:00 (Shanghai) of ISO week 1: the week that holds 4 January. */
function isoWeekOneStart(isoYear: number): number {
  const jan4 = fromWallClock(isoYear, 1, 4);
  const mondayBased = (toWallClock(jan4).weekday + 6) % 7;
  return jan4 - mondayBased * DAY_MS;
}

/** 52 or 53: 28 December always lies in the year's last ISO week. */
export function isoWeeksInYear(isoYear: number): number {
  return isoWeekOf(fromWallClock(isoYear, 12, 28)).week;
}

export function isoWeekOf(instant: number): { isoYear: number; week: number } {
  const wall = toWallClock(instant);
  const dayStart = fromWallClock(wall.year, wall.month, wall.day);
  // The ISO year is the year of the week's Thursday.
  const thursday = dayStart + (3 - ((wall.weekday + 6) % 7)) * DAY_MS;
  const isoYear = toWallClock(thursday).year;
  return { isoYear, week: Math.floor((thursday - isoWeekOneStart(isoYear)) / WEEK_MS) + 1 };
}

function isoWeekPeriod(isoYear: number, week: number): Period {
  const start = isoWeekOneStart(isoYear) + (week - 1) * WEEK_MS;
  return {
    kind: 'week',
    key: `${isoYear}-W${String(week).padStart(2, '0')}`,
    start,
    end: start + WEEK_MS,
  };
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The period a key names, or null when the key is malformed or names no real week. */
export function parsePeriodKey(key: string): Period | null {
  const month = MONTH_KEY.exec(key);
  if (month) return monthPeriod(Number(month[1]), Number(month[2]));
  const week = WEEK_KEY.exec(key);
  if (week) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    if (n < 1 || n > isoWeeksInYear(year)) return null;
    return isoWeekPeriod(year, n);
  }
  return null;
}

export function periodContaining(kind: PeriodKind, instant: number): Period {
  if (kind === 'month') {
    const wall = toWallClock(instant);
    return monthPeriod(wall.year, wall.month);
  }
  const { isoYear, week } = isoWeekOf(instant);
  return isoWeekPeriod(isoYear, week);
}

/** The period `by` steps later (negative: earlier), of the same kind. */
export function shiftPeriod(period: Period, by: number): Period {
  if (period.kind === 'week') return periodContaining('week', period.start + by * WEEK_MS);
  const wall = toWallClock(period.start);
  return monthPeriod(wall.year, wall.month + by);
}

/** `count` periods ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number): Period[] {
  const periods: Period[] = [];
  for (let back = count - 1; back >= 0; back--) periods.push(shiftPeriod(last, -back));
  return periods;
}

export function containsInstant(period: Period, instant: number): boolean {
  return instant >= period.start && instant < period.end;
}

/** 2026年10月 / 2026年第47周 (the heading's words; the English UI formats its own). */
export function periodLabelZh(period: Period): string {
  if (period.kind === 'month') {
    const [year, month] = period.key.split('-');
    return `${year}年${Number(month)}月`;
  }
  const [year, week] = period.key.split('-W');
  return `${year}年第${Number(week)}周`;
}

/**
 * The part of a period that has happened by `now`, as a half-open window [start, end): the
 * whole period once it is over. Times are whole milliseconds, so "at or before now" is
 * "before now + 1".
 */
export function measuredWindow(period: Period, now: number): { start: number; end: number } {
  return { start: period.start, end: Math.min(period.end, now + 1) };
}
